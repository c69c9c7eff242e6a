"""``ArticleFacts``: what the per-article stage learns from one article and its parse.

The per-article stage (``briefing.analyse``) turns an article and its spaCy ``Doc`` into one
of these records; every later stage reads the records and never a ``Doc``. They are plain,
immutable and picklable, so a process pool or a cluster can hand them back, and they hold
nothing that depends on the other articles of the batch (the source markers [1], [2], ... are
given when the brief is assembled).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.models import Article, FigureFact


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence of the article as written: its position among the article's sentences, and
    its character offsets in ``Article.text``."""

    index: int
    text: str
    start: int
    end: int
    terms: tuple[str, ...] = ()  # lemmas of its content words, lower-cased, in order
    # It goes on from a word on the same line: the model split one sentence in two ("... support
    # for 802.11n | Wi-Fi on the 5GHz band into its computers."), and this is the second half.
    continues: bool = False
    # It opens on a pronoun that stands for nothing before it, as the parse tells: "There were two
    # ..." (an expletive; not the place of "There, he met ...").
    expletive: bool = False


@dataclass(frozen=True)
class Mention:
    """A name in an article: a person, an organisation, a place or a group.

    ``kind`` is the kind after the article's own evidence ("Lebed" tagged as a place, but the
    surname of Alexander Lebed, is a person). ``group`` numbers the actors within the article:
    mentions with the same ``group`` are one actor there ("Boris Johnson", "Mr Johnson").
    """

    kind: str
    words: tuple[str, ...]  # the name without titles, possessives or a leading "the"
    start: int  # character offsets of the name (without titles) in the article text
    end: int
    role: str | None = None
    titled: bool = False  # a person named with an honorific ("Mr", "Dr") or a role
    group: int = 0
    credit: bool = False  # named as where the news came from: "(Reuters)", "told Reuters", "according to AP"
    pronoun: bool = False  # a one-word name without a title that a "he" or "she" after it takes up: a person
    # a person's gender as the text tells it ("Masc", "Fem", as spaCy's morphology names them):
    # a gendered title ("Mr", "Queen") or the "he" or "she" that takes the name up; else None
    gender: str | None = None
    # a place's name that stands for its team here ("Nevada beat Boise State"): the team, not the place
    team: bool = False

    @property
    def name(self) -> str:
        """The words as written: a possessive the tokenizer split off goes back ("People's Party")."""
        return _CLITIC.sub(r"\1", " ".join(self.words))


_CLITIC = re.compile(r" (['’]s)(?= |$)")


@dataclass(frozen=True)
class DateMention:
    """A date expression in a sentence, which may date the sentence as an event.

    ``day`` is the day it names read from the article's publication date (None when it names
    no day, or when the article has no date and it must be read from the brief's date).
    """

    sentence: int  # index of the sentence in ``ArticleFacts.sentences``
    expression: str  # the words that date it ("on Friday")
    forward: bool  # the sentence speaks of what is to come ("will resume on Friday")
    text: str  # what a timeline shows: the sentence, with the one before when it leans on it
    day: dt.date | None = None


@dataclass(frozen=True)
class ArticleFacts:
    """Everything the cross-article stages need from one article."""

    article: Article
    language: str  # the code of the language profile it was read with ("en")
    sentences: tuple[SentenceSpan, ...]
    summary: tuple[int, ...]  # indices of its summary sentences, in article order
    terms: tuple[tuple[str, int], ...]  # content lemmas and lemma pairs with their counts, for grouping
    mentions: tuple[Mention, ...]  # in text order
    figures: tuple[FigureFact, ...]  # in text order (``FigureFact`` lives in models beside ``Figure``)
    dates: tuple[DateMention, ...]  # candidate dates of each sentence, in text order
