"""Feeds and pages by URL: served here from a local web server on 127.0.0.1."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.ingest import read_inputs
from conftest import serving

runner = CliRunner()
FEED = b"""<?xml version='1.0' encoding='utf-8'?>
<rss version='2.0'><channel><title>Coast Wire</title>
<item><title>Lifeboat crews rescue 14 from stranded yacht</title><link>https://coastwire.example/yacht</link>
<pubDate>Mon, 06 Jan 2020 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Lifeboat crews rescued 14 people from a yacht that ran aground off Marlow Bay on Sunday
night, the coastguard said.&lt;/p&gt;&lt;p&gt;All were brought ashore safely.&lt;/p&gt;</description></item>
<item><title>Harbour wall repairs begin</title><link>https://coastwire.example/wall</link>
<pubDate>Sun, 05 Jan 2020 10:00:00 GMT</pubDate>
<description>Repairs to the harbour wall at Marlow Bay began on Saturday after storm damage, the council
said. The work is expected to take six weeks.</description></item>
</channel></rss>"""
PAGE = (b"<html><head><title>Ferry services cancelled</title></head><body><article><h1>Ferry services cancelled"
        b"</h1><p>Ferry services to Corra Island were cancelled on Friday after a crew shortage, the operator "
        b"said.</p><p>Around 400 passengers were rebooked onto Saturday sailings.</p></article></body></html>")


@pytest.fixture
def site():
    requests: list[str] = []
    routes = {"/world.rss": ("application/rss+xml", FEED), "/ferry.html": ("text/html; charset=utf-8", PAGE),
              "/broken.rss": ("application/rss+xml", b"<rss><channel><item><title>x")}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            requests.append(self.path)
            if self.path not in routes:
                self.send_error(404, "Not Found")
                return
            kind, body = routes[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    with serving(Handler) as base:
        yield base, requests


def test_feed_items_from_a_url_are_articles(site):
    base, requests = site
    documents, skipped = read_inputs([f"{base}/world.rss"])
    assert [d.title for d in documents] == ["Lifeboat crews rescue 14 from stranded yacht", "Harbour wall repairs begin"]
    assert documents[0].source == "Coast Wire" and documents[0].url == "https://coastwire.example/yacht"
    assert str(documents[0].published) == "2020-01-06"
    assert skipped == [] and requests == ["/world.rss"]


def test_a_page_url_is_read_as_an_article_and_bad_urls_are_skipped(site):
    base, _ = site
    documents, skipped = read_inputs([f"{base}/ferry.html", f"{base}/missing.rss", f"{base}/broken.rss"])
    assert [d.title for d in documents] == ["Ferry services cancelled"]
    assert "Corra Island" in documents[0].text and documents[0].url == f"{base}/ferry.html"
    reasons = [s.reason for s in skipped]
    assert reasons[0] == "cannot fetch: HTTP 404 Not Found"
    assert reasons[1] in ("feed item without text", "feed has no items") or reasons[1].startswith("not a readable")


def test_a_download_over_the_size_limit_is_skipped(site):
    base, _ = site
    _, skipped = read_inputs([f"{base}/world.rss"], max_bytes=100)
    assert skipped[0].reason.startswith("too large")


def test_config_inputs_mix_urls_files_and_the_timeline_reads_feed_dates(site, tmp_path, monkeypatch):
    base, _ = site
    monkeypatch.chdir(tmp_path)
    (tmp_path / "local.txt").write_text(
        "Council closes harbour car park\n\nThe council closed the harbour car park at Marlow Bay on Friday "
        "while the sea wall is repaired, officials said.\n")
    (tmp_path / "config.yaml").write_text(f"inputs:\n  - local.txt\n  - {base}/world.rss\n")
    result = runner.invoke(app, ["generate", "--date", "2020-01-07", "--format", "md", "--quiet"])
    assert result.exit_code == 0, result.output
    brief = (tmp_path / "out" / "brief-2020-01-07.md").read_text()
    assert "Coast Wire, 6 January 2020" in brief and "local" in brief
    # Dated from each item's own publication date: Saturday before Sunday 5 January.
    assert "**Saturday 4 January 2020**: Repairs to the harbour wall" in brief
