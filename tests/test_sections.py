"""Sections from YAML alone: order, which are shown, titles, limits and keyword sections."""

from __future__ import annotations

import io
import re

from typer.testing import CliRunner

from briefing.cli import app
from conftest import EXAMPLES

runner = CliRunner()
SECTIONS = """
sections:
  - {kind: figures, title: Numbers that matter, max: 2}
  - {kind: keyword, title: Ports and shipping, keywords: [port, terminal], max: 2}
  - {kind: summary, max: 1}
  - {kind: keyword, title: Wildfires, keywords: [wildfire]}
  - {kind: sources}
"""


def brief_with(tmp_path, sections: str, fmt: str = "md"):
    config = tmp_path / "config.yaml"
    config.write_text(sections)
    out = tmp_path / "out"
    result = runner.invoke(app, ["generate", str(EXAMPLES), "--config", str(config), "--date", "2026-01-15",
                                 "--out", str(out), "--format", fmt, "--quiet"])
    assert result.exit_code == 0, result.output
    return (out / f"brief-2026-01-15.{fmt}").read_bytes()


def test_order_titles_limits_and_keyword_sections_from_config_alone(tmp_path):
    md = brief_with(tmp_path, SECTIONS).decode()
    headings = re.findall(r"^## (.+)$", md, re.M)
    assert headings == ["Numbers that matter", "Ports and shipping", "Summary", "Wildfires", "Sources"]
    figures = md.split("## Numbers that matter")[1].split("## ")[0]
    assert len([line for line in figures.splitlines() if line.startswith("| ") and "[" in line]) == 2
    ports = md.split("## Ports and shipping")[1].split("\n## ")[0]
    assert len(re.findall(r"^### ", ports, re.M)) == 1  # the three reports of the Rotterdam attack are one story
    assert "*3 sources:" in ports and "Rotterdam" in ports and "river Po" not in ports
    summary = md.split("## Summary")[1].split("\n## ")[0]
    assert len(re.findall(r"^- ", summary, re.M)) == 1
    assert "No story mentions Wildfires today." in md
    assert "## Key actors" not in md and "## Articles" not in md  # left out of the list: hidden


def test_the_pdf_follows_the_samesections(tmp_path):
    from pypdf import PdfReader

    pdf = brief_with(tmp_path, SECTIONS, fmt="pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    positions = [text.rindex(title) for title in ("Numbers that matter", "Ports and shipping", "Wildfires", "Sources")]
    assert positions == sorted(positions)
    assert "Key actors" not in text


def test_a_bad_section_is_a_config_error(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("sections:\n  - {kind: weather}\n  - {kind: keyword, keywords: [port]}\n  - {kind: sources, max: 2}\n")
    result = runner.invoke(app, ["generate", str(EXAMPLES), "--config", str(config)])
    assert result.exit_code == 2
    assert ("sections.0: kind: expected one of summary, timeline, stories, articles, actors, figures, sources, "
            "keyword") in result.stderr
    assert "sections.1: a keyword section needs a title and at least one keyword" in result.stderr
    assert "sections.2: max: the sources section lists every source" in result.stderr


def test_the_timeline_shows_twenty_events_unless_its_max_says_otherwise():
    import datetime as dt

    from briefing.config import SectionConfig
    from briefing.models import Event
    from briefing.assemble import sections

    day = dt.date(2026, 3, 3)
    events = [Event(date=day - dt.timedelta(days=i), text=f"Event {i}.", expression="on Monday", sources=[i + 1])
              for i in range(30)]
    (default,) = sections([SectionConfig(kind="timeline")], {"timeline": events}, day)
    assert len(default.items) == 20
    assert default.items[0].date == day - dt.timedelta(days=19)  # the nearest twenty, oldest first
    (short,) = sections([SectionConfig(kind="timeline", max=5)], {"timeline": events}, day)
    assert len(short.items) == 5
