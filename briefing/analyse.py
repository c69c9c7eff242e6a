"""The per-article stage: an article and its spaCy parse in, its ``ArticleFacts`` out.

``analyse_article`` is the one step that reads a ``Doc``: its sentences, the terms stories are
grouped by, its summary (sumy over spaCy's tokens), its actor mentions, its figures and its
dated sentences. What it returns is plain and picklable and depends on that article alone, so
the ``Doc`` can be dropped at once and the step can run in a worker process. Everything after
it (``briefing.assemble``) works on the facts.
"""

from __future__ import annotations

import importlib.util
import json
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.config import Config, SummaryConfig
from briefing.facts import ArticleFacts
from briefing.lang import profile
from briefing.models import Article, SkippedInput

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


def model_language(model: str) -> str:
    """The language code of a spaCy model ("en"), read from the meta.json of its package or
    folder without loading it (else by loading it, which says so if it is not installed)."""
    folder = Path(model)
    if not folder.is_dir():
        spec = importlib.util.find_spec(model) if model.isidentifier() else None
        folder = Path(spec.origin).parent if spec is not None and spec.origin else folder
    try:
        return json.loads((folder / "meta.json").read_text(encoding="utf-8"))["lang"]
    except (OSError, ValueError, KeyError, TypeError):
        from briefing.nlp import load_pipeline

        return load_pipeline(model).lang


@dataclass(frozen=True)
class AnalysisSettings:
    """What the per-article stage needs from the config (small, to hand to worker processes)."""

    model: str
    language: str  # the model's, and so the code of the language profile every stage reads
    batch_size: int
    summary: SummaryConfig
    entity_labels: tuple[str, ...]

    @classmethod
    def from_config(cls, config: Config) -> AnalysisSettings:
        return cls(model=config.nlp.model, language=model_language(config.nlp.model),
                   batch_size=config.nlp.batch_size, summary=config.summary,
                   entity_labels=tuple(config.actors.entity_types))


def terms(doc: Doc) -> tuple[tuple[str, int], ...]:
    """Counts of the content-word lemmas of an article and of their adjacent pairs, in order of
    first use."""
    from briefing.nlp import content_terms

    words = content_terms(doc)
    counts = Counter(words)
    counts.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return tuple(counts.items())


def analyse_article(article: Article, doc: Doc, settings: AnalysisSettings) -> ArticleFacts:
    """Everything the later stages need from one article, read off its parse ``doc`` (of
    ``article.text``, as ``briefing.nlp.parse`` makes it)."""
    from briefing.actors.mentions import article_mentions
    from briefing.events import date_mentions
    from briefing.figures.find import figures_in
    from briefing.nlp import load_pipeline, sentences_of
    from briefing.summarise import SpacyTokenizer, make_text_summariser

    lang = profile(doc.lang_)
    text = article.text
    sentences = sentences_of(doc, text)
    # The pipeline parses a headline the article's Doc does not hold, for the summariser.
    tokenizer = SpacyTokenizer(load_pipeline(settings.model), [doc], lang)
    wanted = settings.summary
    summariser = make_text_summariser(wanted.algorithm, tokenizer, wanted.engine, wanted.weights,
                                      wanted.bonus_words, wanted.stigma_words)
    summary = summariser.summarise(article.title, sentences, wanted.sentences, wanted.words)
    return ArticleFacts(
        article=article,
        language=lang.code,
        sentences=tuple(sentences),
        summary=tuple(s.index for s in summary),
        terms=terms(doc),
        mentions=tuple(article_mentions(doc, settings.entity_labels, lang)),
        figures=tuple(figures_in(doc, lang)),
        dates=tuple(date_mentions(doc, text, article.published, lang)),
    )


def in_language(articles: Sequence[Article], model: str) -> tuple[list[Article], list[SkippedInput]]:
    """The articles in the model's language, and a skip for each of the others."""
    from briefing.nlp import foreign_language, load_pipeline

    nlp = load_pipeline(model)
    kept, skipped = [], []
    for article in articles:
        reason = foreign_language(article.text, nlp)
        if reason is None:
            kept.append(article)
        else:
            skipped.append(SkippedInput(article.path, reason))
            log.info("skipped %s: %s", article.path, reason)
    return kept, skipped


def analyse_articles(articles: Sequence[Article], settings: AnalysisSettings,
                     progress: Callable[[int, int], None] | None = None) -> list[ArticleFacts]:
    """The facts of every article, in order: one ``nlp.pipe`` stream, each ``Doc`` dropped as
    soon as its facts exist."""
    from briefing.nlp import load_pipeline, parse

    nlp = load_pipeline(settings.model)
    facts = []
    for done, (article, doc) in enumerate(zip(articles, parse((a.text for a in articles), nlp,
                                                              settings.batch_size)), 1):
        facts.append(analyse_article(article, doc, settings))
        if progress:
            progress(done, len(articles))
    return facts
