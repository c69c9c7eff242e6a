"""The brief as a web page and the archive, loaded from local files in headless Chromium:
the rendered page has its headings, every in-page link lands, and no request leaves it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from briefing.cli import app
from conftest import EXAMPLES

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it where it can)")


def rendered_dom(page: Path, tmp_path: Path) -> lxml_html.HtmlElement:
    """The page's DOM once Chromium has loaded it from its file."""
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True)
    return lxml_html.fromstring(done.stdout)


def generate(tmp_path, date: str, *extra) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        result = runner.invoke(app, ["generate", str(EXAMPLES), "--date", date, "--out", str(tmp_path / "out"),
                                     "--format", "md,html", "--quiet", *extra])
    assert result.exit_code == 0, result.output


@needs_chromium
def test_the_web_brief_renders_its_sections_links_land_and_nothing_is_fetched(tmp_path, recording_server):
    base, requests = recording_server
    templates = tmp_path / "templates"
    templates.mkdir()
    # A user template that points at the network: the page's own policy must stop every fetch.
    (templates / "brief.html.j2").write_text(
        '{% extends "builtin/brief.html.j2" %}{% block header %}{{ super() }}'
        f'<img src="{base}/pixel.png"><link rel="stylesheet" href="{base}/x.css">'
        f'<script src="{base}/x.js"></script><iframe src="{base}/frame"></iframe>{{% endblock %}}')
    (tmp_path / "config.yaml").write_text(f"templates_dir: {templates}\n")
    generate(tmp_path, "2026-01-15", "--config", str(tmp_path / "config.yaml"))
    dom = rendered_dom(tmp_path / "out" / "brief-2026-01-15.html", tmp_path)
    assert requests == []
    assert dom.findtext(".//h1") == "Situation brief"
    assert [h.text_content() for h in dom.iter("h2")][:3] == ["Summary", "Timeline", "Stories"]
    assert len(dom.xpath("//article[starts-with(@id, 'stories-')]")) == 3
    ids = set(dom.xpath("//@id"))
    anchors = [a.get("href")[1:] for a in dom.iter("a") if (a.get("href") or "").startswith("#")]
    assert anchors and all(anchor in ids for anchor in anchors)  # every source marker lands on its source
    assert {f"source-{n}" for n in range(1, 7)} <= ids
    assert dom.xpath("//meta[@name='viewport']")


@needs_chromium
def test_the_archive_lists_every_brief_and_links_its_files(tmp_path):
    for day in ("2026-01-13", "2026-01-14", "2026-01-15"):
        generate(tmp_path, day)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        result = runner.invoke(app, ["archive", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    dom = rendered_dom(tmp_path / "out" / "index.html", tmp_path)
    assert [h.text_content() for h in dom.iter("h2")] == ["Thursday 15 January 2026", "Wednesday 14 January 2026",
                                                         "Tuesday 13 January 2026"]
    links = [a.get("href") for a in dom.iter("a")]
    assert "brief-2026-01-14.html" in links and "brief-2026-01-14.md" in links
    assert all((tmp_path / "out" / link).is_file() for link in links)
    assert "Hackers demand €40m from Rotterdam port after terminal attack" in dom.text_content()
    assert len(dom.xpath("//svg//rect")) == 3  # articles a brief, one bar a brief
