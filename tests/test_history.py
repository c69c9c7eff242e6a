"""Watchlist and history: what matters comes first; what was briefed before is marked or left out."""

from __future__ import annotations

import shutil
import sqlite3

from typer.testing import CliRunner

from briefing.cli import app
from conftest import EXAMPLES

runner = CliRunner()


def run(tmp_path, inputs, date, *extra):
    result = runner.invoke(app, ["generate", *map(str, inputs), "--date", date, "--out", str(tmp_path / "out"),
                                 "--format", "md", "--quiet", *extra])
    assert result.exit_code == 0, result.output
    return (tmp_path / "out" / f"brief-{date}.md").read_text()


def headings(md: str) -> list[str]:
    return [line[4:] for line in md.splitlines() if line.startswith("### ")]


def test_watchlist_raises_and_flags_the_stories_it_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plain = run(tmp_path, [EXAMPLES], "2026-01-15")
    assert headings(plain)[0].startswith("Hackers demand")  # three sources: first without a watchlist
    (tmp_path / "config.yaml").write_text("watchlist:\n  keywords: [inflation]\n  places: [Piacenza]\n")
    md = run(tmp_path, [EXAMPLES], "2026-01-15", "--config", str(tmp_path / "config.yaml"))
    assert headings(md)[:2] == ["Italy declares state of emergency as Po floods force thousands from homes",
                                "Central bank raises rates to 4.5% as inflation stays high"]
    assert "**Watchlist:** Piacenza\n" in md and "**Watchlist:** inflation\n" in md


def test_second_brief_marks_new_and_updated_stories_and_can_leave_out_the_rest(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    day1.mkdir()
    for name in ("freight-wire-ransomware.html", "market-monitor-rate-rise.md", "alpine-daily-flood-emergency.txt"):
        shutil.copy(EXAMPLES / name, day1 / name)
    first = run(tmp_path, [day1], "2026-01-14")
    assert "**New**" not in first  # a first brief has nothing to compare with
    shutil.copytree(day1, day2)
    (day2 / "alpine-daily-flood-emergency.txt").unlink()
    shutil.copy(EXAMPLES / "harbour-times-terminal-attack.md", day2)  # a second source on the port attack
    shutil.copy(EXAMPLES / "valley-courier-po-floods.html", day2)  # the floods, from a new source only
    second = run(tmp_path, [day2], "2026-01-15")
    blocks = second.split("\n### ")[1:]
    status = {block.splitlines()[0]: block.splitlines()[2] for block in blocks}
    assert status["Hackers demand €40m from Rotterdam port after terminal attack"] == "**Updated**"
    assert status["Italy declares state of emergency as Po floods force thousands from homes"] == "**New**"
    assert status["Central bank raises rates to 4.5% as inflation stays high"].startswith("*1 source")  # seen
    since = run(tmp_path, [day2], "2026-01-15", "--since-last")
    assert "Central bank raises rates" not in "\n".join(headings(since))
    assert len(headings(since)) == 2
    # Re-running a date records nothing twice.
    history = sqlite3.connect(tmp_path / "out" / "history.sqlite")
    rows = history.execute("SELECT date, COUNT(*) FROM briefs GROUP BY date ORDER BY date").fetchall()
    assert rows == [("2026-01-14", 3), ("2026-01-15", 4)]
    assert history.execute("SELECT COUNT(*) FROM articles").fetchone() == (5,)
