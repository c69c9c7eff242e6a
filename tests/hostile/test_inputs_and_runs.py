"""Inputs that are not files, the same file twice, too many items, impossible dates, config
values that cannot work, and failures after the brief is written: each ends with a clear line
and the right exit status, never a traceback or a hang."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from corpus import STORY, _feed

runner = CliRunner()
DATE = "2026-01-15"


def generate(tmp_path, *args, config: str | None = None, env=None):
    """Run the CLI from ``tmp_path`` (so no other config.yaml applies)."""
    path = tmp_path / "run-config.yaml"
    path.write_text(config or "")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        return runner.invoke(app, ["generate", *map(str, args), "--config", str(path), "--date", DATE,
                                   "--format", "md", "--out", str(tmp_path / "out")], env=env)


def story(tmp_path, name="good.txt", place="Penrith Point"):
    path = tmp_path / name
    path.write_text("Storm closes coastal road\n\n" + STORY.replace("Penrith Point", place))
    return path


def test_a_pipe_or_a_device_on_the_command_line_is_skipped_not_read(tmp_path):
    fifo = tmp_path / "wire.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    good = story(tmp_path)
    # In a child process with a time limit: today's code blocks on the pipe for ever.
    done = subprocess.run([sys.executable, "-m", "briefing", "generate", str(good), str(fifo), str(zero), "--date",
                           DATE, "--format", "md", "--out", str(tmp_path / "out"), "-q"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert f"Skipped {fifo}: not a regular file" in done.stderr
    assert f"Skipped {zero}: not a regular file" in done.stderr
    assert done.stderr.strip().splitlines()[-1] == "1 article(s) used, 2 skipped"


def test_the_same_file_reached_by_two_paths_is_briefed_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = story(folder)
    (folder / "again.txt").symlink_to(good)
    result = generate(tmp_path, folder, good, folder / ".." / "in" / "good.txt")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == "1 article(s) used, 0 skipped"


def test_feeds_and_runs_past_their_limits_say_what_was_left_out(tmp_path):
    items = "".join(f"<item><title>Harbour notice {i}</title><description>The harbour master at Port {i} closed "
                    f"berth {i} on Monday for repairs to the quay wall, the port authority said.</description></item>"
                    for i in range(1, 31))
    (tmp_path / "notices.rss").write_text(_feed(items))
    result = generate(tmp_path, tmp_path / "notices.rss", config="limits:\n  max_feed_items: 5\n  max_articles: 3\n")
    assert result.exit_code == 1, result.output
    assert "items 6 to 30 of the feed left out: over limits.max_feed_items (5)" in result.stderr
    assert "2 article(s) from here on left out: over limits.max_articles (3)" in result.stderr
    assert result.stderr.splitlines()[-1] == "3 article(s) used, 2 skipped"


@pytest.mark.parametrize("args, env, expected", [
    (["--date", "0001-01-01"], {}, "--date: 0001-01-01 is out of the range briefing handles (1900-2199)"),
    (["--date", "9999-12-31"], {}, "--date: 9999-12-31 is out of the range briefing handles"),
    ([], {"SOURCE_DATE_EPOCH": "9" * 30}, "SOURCE_DATE_EPOCH: expected seconds since 1970"),
    ([], {"SOURCE_DATE_EPOCH": "-99999999999"}, "SOURCE_DATE_EPOCH: 1/01/01"),
])
def test_a_date_briefing_cannot_handle_is_a_clear_error(tmp_path, args, env, expected):
    good = story(tmp_path)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        result = runner.invoke(app, ["generate", str(good), "--format", "md", "--out", str(tmp_path / "out"), *args],
                               env=env)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "unexpected failure" not in result.output
    assert result.stderr.startswith("Error: ")


@pytest.mark.parametrize("config, expected", [
    ("limits:\n  max_file_mb: .inf\n", "limits.max_file_mb: expected a finite number"),
    ("nlp:\n  batch_size: 100000000000000000000000\n", "nlp.batch_size: expected an integer <= 10000"),
    ('title: "Morning\\r\\nBcc: all@example.org"\n', "title: expected one line"),
    ("email:\n  to: ['a@example.org, b@example.org']\n", "email.to: one address an entry"),
    ("email:\n  smtp:\n    security: none\n    user: desk\n", "set allow_plaintext_auth: true"),
    ("a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi")),
     "more than 100,000 values once its aliases"),
    ("title: " + "x" * 5000 + "\nsummary:\n  sentences: [" + ", ".join(["'long value'"] * 5000) + "]\n",
     "summary.sentences: expected an integer, got ['long value', 'long value', 'long value', 'long value', ...]"),
])
def test_a_config_value_that_cannot_work_is_one_clear_line(tmp_path, config, expected):
    result = generate(tmp_path, story(tmp_path), config=config)
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and expected in errors[0], result.stderr
    assert len(errors[0]) < 600
    assert "unexpected failure" not in result.output


def test_a_history_file_of_another_shape_is_a_clear_error_and_nothing_is_written(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with sqlite3.connect(out / "history.sqlite") as db:
        db.execute("CREATE TABLE articles (url TEXT, seen TEXT)")
    result = generate(tmp_path, story(tmp_path))
    assert result.exit_code == 2, result.output
    assert "not a briefing history (its table 'articles' has columns seen, url)" in result.stderr
    assert not (out / f"brief-{DATE}.md").exists()


def test_a_history_that_cannot_be_updated_after_writing_keeps_the_brief_and_says_so(tmp_path):
    first = generate(tmp_path, story(tmp_path))
    assert first.exit_code == 0
    history = sqlite3.connect(tmp_path / "out" / "history.sqlite")
    history.execute("BEGIN IMMEDIATE")  # another process is writing: reads go on, writes wait
    try:
        (tmp_path / "out" / f"brief-{DATE}.md").unlink()
        result = generate(tmp_path, story(tmp_path, "other.txt", "Marlow Bay"))
    finally:
        history.rollback()
        history.close()
    assert result.exit_code == 4, result.output
    assert (tmp_path / "out" / f"brief-{DATE}.md").exists()
    assert "Warning: history" in result.stderr and "the brief is written" in result.stderr


def test_every_format_is_replaced_or_none_and_leftovers_are_cleaned(tmp_path, monkeypatch):
    from briefing.errors import RenderError
    from briefing.outputs import write_brief
    from conftest import small_brief

    out = tmp_path / "out"
    write_brief(small_brief("The old harbour story."), ["md", "pdf"], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / ".brief-2026-03-03.md.x1y2z3.partial").write_bytes(b"left by a killed run")
    real_fdopen = os.fdopen
    opened = []

    def second_write_fails(fd, mode):
        handle = real_fdopen(fd, mode)
        opened.append(handle)
        if len(opened) == 2:  # the disk fills up while the second format is written
            handle.write = lambda data: (_ for _ in ()).throw(OSError(28, "No space left on device"))
        return handle

    monkeypatch.setattr(os, "fdopen", second_write_fails)
    with pytest.raises(RenderError, match="No space left on device; no brief was replaced"):
        write_brief(small_brief("The new harbour story."), ["md", "pdf"], out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # both old, no temporary file left


def test_send_fails_in_any_way_and_the_brief_stays_written(tmp_path):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]

    def serve():  # answers with something that is not SMTP, then hangs up
        conn, _ = listener.accept()
        conn.sendall(b"\xff\xfe garbage \x00\r\n")
        conn.close()

    import threading

    threading.Thread(target=serve, daemon=True).start()
    config = f"email:\n  to: [desk@example.org]\n  smtp:\n    host: 127.0.0.1\n    port: {port}\n    security: none\n"
    path = tmp_path / "c.yaml"
    path.write_text(config)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        result = runner.invoke(app, ["generate", str(story(tmp_path)), "--config", str(path), "--date", DATE,
                                     "--format", "md", "--out", str(tmp_path / "out"), "--send"])
    listener.close()
    assert result.exit_code == 3, result.output
    assert "Error: not sent:" in result.stderr
    assert (tmp_path / "out" / f"brief-{DATE}.eml").exists()


def test_a_server_that_trickles_its_greeting_cannot_hold_send_past_its_timeout(tmp_path):
    import socket
    import threading
    import time

    from briefing.config import EmailConfig
    from briefing.errors import BriefingError
    from briefing.outputs import render
    from briefing.smtp import send_message
    from conftest import small_brief

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    stop = threading.Event()

    def trickle():
        conn, _ = listener.accept()
        while not stop.is_set():
            try:
                conn.sendall(b"220-still here\r\n")
            except OSError:
                return
            time.sleep(0.2)

    threading.Thread(target=trickle, daemon=True).start()
    eml = tmp_path / "brief.eml"
    eml.write_bytes(render(small_brief(), "email"))
    config = EmailConfig.model_validate({"to": ["desk@example.org"], "smtp": {
        "host": "127.0.0.1", "port": listener.getsockname()[1], "security": "none", "timeout": 2}})
    started = time.monotonic()
    with pytest.raises(BriefingError, match="did not finish the delivery within 2 s"):
        send_message(eml, config)
    assert time.monotonic() - started < 6
    stop.set()
    listener.close()


def test_init_does_not_follow_a_symlink_out_of_its_folder(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "config.yaml").symlink_to(outside)
    result = runner.invoke(app, ["init", str(desk), "--force"])
    assert result.exit_code == 2
    assert "is a symbolic link" in result.stderr
    assert outside.read_text() == "keep me"


def test_send_fails_with_an_error_that_is_not_smtp_and_the_run_still_exits_3(tmp_path, monkeypatch):
    import briefing.smtp

    def broken(path, config):
        raise UnicodeEncodeError("ascii", "désk", 1, 2, "ordinal not in range(128)")

    monkeypatch.setattr(briefing.smtp, "send_message", broken)
    path = tmp_path / "c.yaml"
    path.write_text("email:\n  to: [desk@example.org]\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["generate", str(story(tmp_path)), "--config", str(path), "--date", DATE,
                                 "--format", "md", "--out", str(tmp_path / "out"), "--send"])
    assert result.exit_code == 3, result.output
    assert "Error: not sent: UnicodeEncodeError" in result.stderr
    assert (tmp_path / "out" / f"brief-{DATE}.md").exists()
