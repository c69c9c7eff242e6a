"""The per-article stage: an article and its spaCy parse in, its ``ArticleFacts`` out.

``analyse_article`` is the one step that reads a ``Doc``: its sentences, the terms stories are
grouped by, its summary (sumy over spaCy's tokens), its actor mentions, its figures and its
dated sentences. What it returns is plain and picklable and depends on that article alone, so
the ``Doc`` can be dropped at once and the step can run in a worker process. Everything after
it (``briefing.assemble``) works on the facts.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
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
    from briefing.nlp import load_pipeline, release, sentences_of
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
    facts = ArticleFacts(
        article=article,
        language=lang.code,
        sentences=tuple(sentences),
        summary=tuple(s.index for s in summary),
        terms=terms(doc),
        mentions=tuple(article_mentions(doc, settings.entity_labels, lang, text)),
        figures=tuple(figures_in(doc, lang)),
        dates=tuple(date_mentions(doc, text, article.published, lang)),
    )
    release(doc)
    return facts


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


# Articles a worker takes at a time: enough to keep spaCy's batches full, few enough that the
# work spreads over the workers and progress moves.
CHUNK = 32


def _chunks(articles: Sequence[Article], size: int = CHUNK) -> list[list[Article]]:
    return [list(articles[i:i + size]) for i in range(0, len(articles), size)]


def analyse_chunk(articles: Sequence[Article], settings: AnalysisSettings) -> list[ArticleFacts]:
    """The facts of some articles, in order, in this process: one ``nlp.pipe`` stream, each
    ``Doc`` dropped as soon as its facts exist. What every worker runs."""
    from briefing.nlp import load_pipeline, parse

    nlp = load_pipeline(settings.model)  # loaded once a process (load_pipeline is cached)
    return [analyse_article(article, doc, settings)
            for article, doc in zip(articles, parse((a.text for a in articles), nlp, settings.batch_size))]


def analyse_articles(articles: Sequence[Article], settings: AnalysisSettings,
                     progress: Callable[[int, int], None] | None = None, jobs: int = 1,
                     scheduler: str | None = None, connect_seconds: float = 20) -> list[ArticleFacts]:
    """The facts of every article, in order. With ``jobs`` above 1, chunks of CHUNK articles go
    to that many worker processes (each loads the model once); with a Dask ``scheduler``
    address, to the workers of that cluster. The facts are the same whichever runs them: each
    article's depend on it alone, and the chunks are the same."""
    chunks = _chunks(articles)
    if scheduler is not None:
        finished = _on_dask(chunks, settings, scheduler, connect_seconds)
    elif jobs > 1 and len(chunks) > 1:
        finished = _in_processes(chunks, settings, min(jobs, len(chunks)))
    else:
        finished = ((i, analyse_chunk(chunk, settings)) for i, chunk in enumerate(chunks))
    results: list[list[ArticleFacts]] = [[] for _ in chunks]
    done = 0
    for i, chunk_facts in finished:  # in the order the chunks finish
        results[i] = _shared(chunk_facts, chunks[i])
        done += len(chunks[i])
        if progress:
            progress(done, len(articles))
    return [facts for chunk in results for facts in chunk]


def _shared(chunk: list[ArticleFacts], articles: Sequence[Article]) -> list[ArticleFacts]:
    """The facts with their lemmas interned, so that a word the batch's articles share is kept
    once, not once an article (terms are most of the memory a batch of facts holds); and with
    the caller's own articles, not the copies a worker sent back."""
    intern = sys.intern
    return [dataclasses.replace(
        facts, article=article, terms=tuple((intern(term), count) for term, count in facts.terms),
        sentences=tuple(dataclasses.replace(span, terms=tuple(map(intern, span.terms))) for span in facts.sentences),
    ) for facts, article in zip(_checked(chunk, articles), articles)]


def _checked(chunk: list[ArticleFacts], articles: Sequence[Article]) -> list[ArticleFacts]:
    """The facts of a chunk, one an article, in order (a worker must send back what it was given)."""
    if len(chunk) != len(articles) or any(f.article != a for f, a in zip(chunk, articles)):
        raise RuntimeError("a worker sent back facts that are not those of its articles")
    return chunk


def _in_processes(chunks: list[list[Article]], settings: AnalysisSettings,
                  jobs: int) -> Iterator[tuple[int, list[ArticleFacts]]]:
    """Each chunk's position and facts, as ``jobs`` worker processes finish them
    (``process_pool``: forked workers start with the model this process has already loaded)."""
    from concurrent.futures import as_completed

    from briefing.pool import process_pool

    with process_pool(jobs) as pool:
        futures = {pool.submit(analyse_chunk, chunk, settings): i for i, chunk in enumerate(chunks)}
        for future in as_completed(futures):
            yield futures[future], future.result()


def _on_dask(chunks: list[list[Article]], settings: AnalysisSettings, address: str,
             connect_seconds: float = 20) -> Iterator[tuple[int, list[ArticleFacts]]]:
    """Each chunk's position and facts, as the workers of the Dask cluster at ``address`` finish
    them (each worker needs briefing and the model installed)."""
    from briefing.errors import BriefingError

    try:
        from distributed import Client, as_completed
    except ImportError:
        raise BriefingError("engine kind dask needs Dask: pip install 'briefing[dask]'") from None
    try:
        client = Client(address, timeout=f"{connect_seconds}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise BriefingError(f"the Dask scheduler at {address} did not answer within {connect_seconds:g} s "
                            f"({exc.__class__.__name__}); is 'dask scheduler' running there?") from None
    with client:
        futures = client.map(analyse_chunk, chunks, settings=settings, pure=False)
        index = {future.key: i for i, future in enumerate(futures)}
        for future in as_completed(futures):
            yield index[future.key], future.result()
