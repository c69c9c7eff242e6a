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


def test_re_running_a_date_gives_the_same_brief_byte_for_byte(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = run(tmp_path, [EXAMPLES], "2026-01-15")
    assert run(tmp_path, [EXAMPLES], "2026-01-15") == first
    later = run(tmp_path, [EXAMPLES], "2026-01-16")  # the same articles a day later: all seen
    assert "**New**" not in later and run(tmp_path, [EXAMPLES], "2026-01-15") == first


def test_an_earlier_date_run_after_a_later_one_does_not_count_the_later_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run(tmp_path, [EXAMPLES], "2026-01-15")
    earlier = run(tmp_path, [EXAMPLES], "2026-01-13")
    assert "**New**" not in earlier and "**Updated**" not in earlier  # nothing was briefed before the 13th
    alone = tmp_path / "alone"
    alone.mkdir()
    assert earlier == run(alone, [EXAMPLES], "2026-01-13")


def test_since_last_with_nothing_new_says_so_in_one_line_and_lists_what_was_left_out(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run(tmp_path, [EXAMPLES], "2026-01-14")
    result = runner.invoke(app, ["generate", str(EXAMPLES), "--date", "2026-01-15", "--out", str(tmp_path / "out"),
                                 "--format", "md", "--since-last"])
    assert result.exit_code == 0, result.output
    assert "Nothing new since 2026-01-14: all 3 stories were briefed before" in result.stderr
    md = (tmp_path / "out" / "brief-2026-01-15.md").read_text()
    assert "**Nothing new since 14 January 2026.**" in md
    assert "- Hackers demand €40m from Rotterdam port after terminal attack\n" in md
    for heading in ("## Summary", "## Stories", "## Timeline", "## Key actors", "## Key figures", "## Sources"):
        assert heading not in md
    assert "articles from" not in md


def test_since_last_briefs_only_the_stories_it_keeps(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    day1.mkdir()
    shutil.copy(EXAMPLES / "market-monitor-rate-rise.md", day1)
    run(tmp_path, [day1], "2026-01-14")
    shutil.copytree(day1, day2)
    shutil.copy(EXAMPLES / "valley-courier-po-floods.html", day2)
    md = run(tmp_path, [day2], "2026-01-15", "--since-last")
    assert "1 article from 1 source." in md and "1 story already briefed on or before 14 January 2026 left out." in md
    sources = md.split("## Sources")[1]
    assert "Northland" not in md  # not in the summary, timeline, actors, figures or sources
    assert "Po" in sources and sources.count("\n1. ") == 1


def test_each_story_shows_its_articles_a_day_as_a_chart_and_a_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    day1, day2, day3 = (tmp_path / f"day{n}" for n in (1, 2, 3))
    day1.mkdir()
    shutil.copy(EXAMPLES / "freight-wire-ransomware.html", day1)
    shutil.copytree(day1, day2)
    shutil.copytree(day1, day3)
    shutil.copy(EXAMPLES / "harbour-times-terminal-attack.md", day3)
    shutil.copy(EXAMPLES / "northsea-gazette-port-cyberattack.txt", day3)
    for day, folder in (("2026-01-13", day1), ("2026-01-14", day2)):
        run(tmp_path, [folder], day)
    result = runner.invoke(app, ["generate", str(day3), "--date", "2026-01-15", "--out", str(tmp_path / "out"),
                                 "--format", "md,html", "--quiet"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "brief-2026-01-15.html").read_text()
    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert svg.count("<rect") == 3  # a history of three days: a bar a day
    assert svg.count('class="bar today"') == 1
    md = (tmp_path / "out" / "brief-2026-01-15.md").read_text()
    assert "*Articles a day, 13 January to 15 January: 1 0 2 (the last is today)*" in md


def test_a_story_with_articles_today_only_has_no_chart(tmp_path, monkeypatch):
    # A chart of one bar (today's) tells nothing the New mark and the sources line do not; the
    # Markdown already leaves its line out, and a brief of many new stories would carry one each.
    monkeypatch.chdir(tmp_path)
    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    day1.mkdir()
    shutil.copy(EXAMPLES / "freight-wire-ransomware.html", day1)
    shutil.copytree(day1, day2)
    shutil.copy(EXAMPLES / "market-monitor-rate-rise.md", day2)
    run(tmp_path, [day1], "2026-01-14")
    result = runner.invoke(app, ["generate", str(day2), "--date", "2026-01-15", "--out", str(tmp_path / "out"),
                                 "--format", "md,html", "--quiet"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "brief-2026-01-15.html").read_text()
    stories = page.split("<h3")[1:]
    charted = [story for story in stories if "<svg" in story]
    assert len(stories) == 2 and len(charted) == 1 and "ransomware" in charted[0].lower()
