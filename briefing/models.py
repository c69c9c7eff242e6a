"""Plain records passed between the pipeline stages.

ingest -> ``RawDocument``; clean -> ``Article``; the per-article stage -> ``ArticleFacts``
(``briefing.facts``); assembly -> ``Brief`` with its ``Source``, ``Sentence``, ``Story``,
``Actor``, ``Figure`` and ``Event`` records; the outputs read the ``Brief``. Nothing in here
knows about spaCy, sumy or templates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class RawDocument:
    """One article as read from disk, before cleaning."""

    path: Path
    text: str
    format: str  # "text", "markdown", "html", "json", "feed"
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    record: int | None = None  # index of the record inside a .json/.jsonl file or of a feed item


@dataclass
class RemovedLine:
    """A line the cleaner dropped, and why (kept for ``--verbose`` and tests)."""

    text: str
    reason: str


@dataclass
class Article:
    """A cleaned article: the story paragraphs and where they came from."""

    title: str
    source: str
    paragraphs: list[str]
    path: Path
    url: str | None = None
    published: dt.date | None = None
    removed: list[RemovedLine] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Source:
    """An article as the brief cites it: ``id`` is its source marker [n], given once, when the
    brief is assembled. ``key`` is how the history knows the article."""

    id: int
    title: str
    source: str
    url: str | None
    published: dt.date | None
    key: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, traceable to its source by ``article_id``."""

    article_id: int
    index: int  # position in the article, 0-based
    text: str


@dataclass
class Actor:
    """A person, organisation or place, with its aliases merged."""

    name: str
    kind: str  # "person", "organisation", "place"
    mentions: int
    aliases: list[str]
    sources: list[int]  # article ids
    role: str | None = None
    score: float = 0.0


@dataclass(frozen=True)
class FigureFact:
    """A number in an article and what it counts, e.g. ``about 400`` / ``British troops stationed in Iraq``."""

    value: str  # as written, with its qualifier ("about 400", "$5bn", "12%")
    counts: str  # what the number counts or measures; "" when the text does not say
    sentence: str  # the sentence it comes from
    kind: str  # "count", "money", "percent", "quantity"
    number: float | None  # the normalised value, when it can be computed
    qualifier: str | None = None  # "about", "more than", "up to", ...
    unit: str = ""  # lemma of the counted noun ("troop"), the currency ("dollar"), "percent",
    # or the unit of measure ("mile"); "" when the text gives none
    number_high: float | None = None  # the upper end of a range ("5-10%", "from 252 to 287 miles")
    minor: bool = False  # says little alone: a bare number, or "the three leaders" introduced before


@dataclass(frozen=True)
class Figure(FigureFact):
    """A key figure of the brief: a figure as the sources of one story give it."""

    sources: list[int] = field(default_factory=list)  # source markers


@dataclass
class ArticleSummary:
    """An article's extractive summary: sentences in article order."""

    article: Source
    sentences: list[Sentence]


@dataclass
class Story:
    """Articles that report the same event, with one summary drawn from all of them: every
    sentence keeps its ``article_id``, the source marker it is shown with."""

    title: str
    articles: list[ArticleSummary]
    sentences: list[Sentence]
    watch: list[str] = field(default_factory=list)  # watchlist entries the story mentions
    status: str = ""  # "new", "updated" or "seen" against earlier briefs; "" without history
    # Its articles by the day each was first briefed, for the last days up to the brief's date
    # (from the history; empty without one): is the story growing?
    coverage: tuple[tuple[dt.date, int], ...] = ()

    @property
    def sources(self) -> list[int]:
        return sorted(item.article.id for item in self.articles)

    @property
    def latest(self) -> dt.date | None:
        dates = [item.article.published for item in self.articles if item.article.published]
        return max(dates) if dates else None


@dataclass
class SkippedInput:
    """An input that could not be read, and why (with what cleaning left of it, when it got that far)."""

    path: Path
    reason: str
    article: Article | None = field(default=None, repr=False, compare=False)


@dataclass
class Event:
    """A dated sentence for the timeline: the day, what happened, where it was read."""

    date: dt.date
    text: str  # the sentence, as written
    expression: str  # the words that dated it ("on Friday")
    sources: list[int]
    undated_source: bool = False  # the article gave no date: read from another's, or the brief's
    read_from: int | None = None  # the marker of the source of the same story whose date it was read from


# The sections a brief can have, with their default titles ("keyword" sections are defined
# by the user, with their own title).
SECTION_TITLES = {"summary": "Summary", "timeline": "Timeline", "stories": "Stories", "articles": "Articles",
                  "actors": "Key actors", "figures": "Key figures", "sources": "Sources"}
# Shown when the config does not list sections: stories stand in for the articles they group.
DEFAULT_SECTIONS = ("summary", "timeline", "stories", "actors", "figures", "sources")


@dataclass
class Section:
    """One section of the brief as configured: its kind, title and the items it shows (the
    summary's sentences, article summaries, actors, figures or sources, already limited)."""

    kind: str
    title: str
    items: list[Any] = field(default_factory=list)


@dataclass
class Brief:
    """Everything a template needs to render one dated brief. ``sections`` says which parts
    are shown, in which order, under which titles; without it, every part is shown in the
    default order."""

    title: str
    date: dt.date
    classification: str
    audience: str
    overview: list[Sentence]
    articles: list[ArticleSummary]
    actors: list[Actor]
    figures: list[Figure]
    sources: list[Source]
    skipped: list[SkippedInput] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    since: dt.date | None = None  # with --since-last: the date of the last brief before this one
    left_out: list[str] = field(default_factory=list)  # with --since-last: stories already briefed, by title

    def __post_init__(self) -> None:
        if not self.sections:
            content = self.content()
            kinds = [k if k != "stories" or self.stories else "articles" for k in DEFAULT_SECTIONS]
            self.sections = [Section(kind, SECTION_TITLES[kind], list(content[kind])) for kind in kinds]

    @property
    def nothing_new(self) -> bool:
        """With --since-last, every story was briefed before."""
        return bool(self.left_out) and not self.stories

    @property
    def outlets(self) -> int:
        """How many sources (outlets) the articles come from."""
        return len({source.source for source in self.sources})

    def content(self) -> dict[str, list[Any]]:
        """What each kind of section shows, in full."""
        return {"summary": self.overview, "timeline": self.timeline, "stories": self.stories,
                "articles": self.articles, "actors": self.actors, "figures": self.figures, "sources": self.sources}
