"""Shared fixtures: our own small articles, and one spaCy pipeline for the whole run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.config import DEFAULT_MODEL
from briefing.models import Actor, Article, ArticleSummary, Brief, Figure, Sentence

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(scope="session")
def nlp():
    from briefing.nlp import load_pipeline

    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture
def analyse_texts(nlp):
    """Analyse plain story texts as articles 1, 2, ... (one paragraph per blank line)."""
    from briefing.nlp import analyse

    def run(*texts: str, titles: tuple[str, ...] = ()):
        articles = [
            Article(id=i, title=titles[i - 1] if i <= len(titles) else f"Article {i}",
                    source=f"source {i}", paragraphs=[p.strip() for p in text.split("\n\n") if p.strip()],
                    path=Path(f"article-{i}.txt"), published=dt.date(2026, 3, 3))
            for i, text in enumerate(texts, 1)
        ]
        return analyse(articles, nlp)

    return run


def small_brief(text: str = "The harbour reopened on Monday after repairs.") -> Brief:
    article = Article(id=1, title="Harbour reopens", source="Coast News", paragraphs=[text],
                      path=Path("harbour.txt"), url="https://coast.example/harbour",
                      published=dt.date(2026, 3, 2))
    sentence = Sentence(article_id=1, index=0, text=text)
    return Brief(
        title="Morning brief", date=dt.date(2026, 3, 3), classification="OFFICIAL", audience="Ops desk",
        overview=[sentence], articles=[ArticleSummary(article, [sentence])],
        actors=[Actor(name="Jo Tate", kind="person", mentions=2, aliases=["Tate"], sources=[1], role="Mayor")],
        figures=[Figure(value="about 40", counts="boats in the harbour", sentence=text, kind="count",
                        number=40.0, sources=[1], qualifier="about")],
        sources=[article],
    )
