"""Shared fixtures: our own small articles, and one spaCy pipeline for the whole run."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefing.config import DEFAULT_MODEL
from briefing.models import Actor, Article, ArticleSummary, Brief, Figure, Sentence, Source

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(scope="session")
def nlp():
    from briefing.nlp import load_pipeline

    return load_pipeline(DEFAULT_MODEL)


def article(text: str, number: int = 1, title: str | None = None,
            published: dt.date | None = dt.date(2026, 3, 3)) -> Article:
    """One of our texts as a cleaned article (one paragraph per blank line)."""
    return Article(title=title or f"Article {number}", source=f"source {number}",
                   paragraphs=[p.strip() for p in text.split("\n\n") if p.strip()],
                   path=Path(f"article-{number}.txt"), published=published)


def settings(labels=("PERSON", "ORG", "GPE", "LOC")):
    """The per-article stage's settings: the defaults, with the entity labels that count as actors."""
    from briefing.analyse import AnalysisSettings
    from briefing.config import Config

    return AnalysisSettings.from_config(Config.model_validate({"actors": {"entity_types": list(labels)}}))


@pytest.fixture
def analyse_texts(nlp):
    """The ``ArticleFacts`` of plain story texts, as articles 1, 2, ... of one batch."""
    from briefing.analyse import analyse_articles

    def run(*texts: str, titles: tuple[str, ...] = (), labels=("PERSON", "ORG", "GPE", "LOC"),
            published: dt.date | None = dt.date(2026, 3, 3)):
        articles = [article(text, i, titles[i - 1] if i <= len(titles) else None, published)
                    for i, text in enumerate(texts, 1)]
        return analyse_articles(articles, settings(labels))

    return run


@pytest.fixture
def parse_text(nlp):
    """The spaCy parse of one text as the per-article stage makes it, and its sentences."""
    from briefing.nlp import parse, sentences_of

    def run(text: str):
        (doc,) = parse([text], nlp)
        return doc, sentences_of(doc, text)

    return run


def small_brief(text: str = "The harbour reopened on Monday after repairs.") -> Brief:
    source = Source(id=1, title="Harbour reopens", source="Coast News", url="https://coast.example/harbour",
                    published=dt.date(2026, 3, 2), key="url:https://coast.example/harbour")
    sentence = Sentence(article_id=1, index=0, text=text)
    return Brief(
        title="Morning brief", date=dt.date(2026, 3, 3), classification="OFFICIAL", audience="Ops desk",
        overview=[sentence], articles=[ArticleSummary(source, [sentence])],
        actors=[Actor(name="Jo Tate", kind="person", mentions=2, aliases=["Tate"], sources=[1], role="Mayor")],
        figures=[Figure(value="about 40", counts="boats in the harbour", sentence=text, kind="count",
                        number=40.0, sources=[1], qualifier="about")],
        sources=[source],
    )


@contextlib.contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A web server on the loopback address answering with ``handler``: its base URL, while
    the block runs."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def recording_server():
    """A web server on the loopback address that records every request it gets (and answers
    each with a stylesheet): its base URL and the paths requested."""
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    with serving(Handler) as base:
        yield base, requests
