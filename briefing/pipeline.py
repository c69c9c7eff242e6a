"""The library API: inputs and config in, a ``Brief`` out, then written to disk.

ingest -> clean -> nlp -> summarise / actors / figures -> Brief -> render. Everything is
gathered first and written last, so a failure never leaves half a brief behind.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing.clean import clean_document
from briefing.config import Config
from briefing.errors import BriefingError, InputError
from briefing.ingest import read_inputs
from briefing.models import Article, ArticleSummary, Brief, SkippedInput

log = logging.getLogger(__name__)

Progress = Callable[[str], None]


def brief_date(date: str | dt.date | None = None) -> dt.date:
    """The one place that decides "today": the given date, else SOURCE_DATE_EPOCH, else the clock."""
    if isinstance(date, dt.date):
        return date
    if date:
        try:
            return dt.date.fromisoformat(date)
        except ValueError:
            raise BriefingError(f"--date: expected a date as YYYY-MM-DD, got {date!r}") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except ValueError:
            raise BriefingError(f"SOURCE_DATE_EPOCH: expected seconds since 1970, got {epoch!r}") from None
    return dt.date.today()


def _silent(message: str) -> None:
    log.info(message)


def load_articles(paths: Sequence[Path], progress: Progress = _silent) -> tuple[list[Article], list[SkippedInput]]:
    """Read and clean every article; unreadable inputs and empty articles are skipped."""
    if not paths:
        raise InputError("no inputs: name files or folders, or list them under 'inputs' in config.yaml")
    documents, skipped = read_inputs(paths)
    articles: list[Article] = []
    for doc in documents:
        article = clean_document(doc, len(articles) + 1)
        if article.paragraphs:
            articles.append(article)
        else:
            where = doc.path if doc.record is None else doc.path.with_name(f"{doc.path.name}#{doc.record}")
            skipped.append(SkippedInput(where, "no story text left after cleaning"))
    for item in skipped:
        log.warning("skipped %s: %s", item.path, item.reason)
    progress(f"Read {len(articles)} article(s)" + (f", skipped {len(skipped)} input(s)" if skipped else ""))
    if not articles:
        raise InputError("no readable articles in " + ", ".join(str(p) for p in paths))
    return articles, skipped


def _redundant(a_text: str, b_text: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(a_text, b_text) >= 75


def build_brief(config: Config, inputs: Sequence[Path] | None = None, date: dt.date | None = None,
                progress: Progress = _silent) -> Brief:
    """Read, clean and analyse the articles and assemble the brief (nothing is written)."""
    from briefing.actors import extract_actors
    from briefing.figures import extract_figures
    from briefing.nlp import analyse, load_pipeline
    from briefing.summarise import SpacyTokenizer, Summariser, pick_overview

    articles, skipped = load_articles(list(inputs) if inputs else config.inputs, progress)
    progress(f"Loading spaCy model {config.nlp.model}")
    nlp = load_pipeline(config.nlp.model)

    def report(done: int, total: int) -> None:
        if done == total or done % 25 == 0:
            progress(f"Analysed {done}/{total} article(s)")

    analysed = analyse(articles, nlp, config.nlp.batch_size, report)
    tokenizer = SpacyTokenizer(nlp, (item.doc for item in analysed))
    summariser = Summariser(config.summary.algorithm, tokenizer,
                            config.summary.bonus_words, config.summary.stigma_words)
    progress(f"Summarising with {config.summary.algorithm}")
    summaries = [
        ArticleSummary(item.article, summariser.summarise(item.article.title, item.sentences,
                                                          config.summary.sentences))
        for item in analysed
    ]
    # The overall summary is ranked among the article summaries, not every sentence:
    # sumy's graph rankers are quadratic in the number of sentences.
    ranked = summariser.rank([(s.article.title, s.sentences) for s in summaries])
    overview = pick_overview(ranked, config.summary.overview_sentences,
                             lambda a, b: _redundant(a.text, b.text))
    progress("Extracting key actors and figures")
    actors = extract_actors(analysed, config.actors.entity_types, per_kind=config.actors.max)
    figures = extract_figures(analysed, config.figures.max)
    return Brief(
        title=config.title,
        date=date or brief_date(),
        classification=config.classification,
        audience=config.audience,
        overview=overview,
        articles=summaries,
        actors=actors,
        figures=figures,
        sources=articles,
        skipped=skipped,
    )


def generate(config: Config, inputs: Sequence[Path] | None = None, date: dt.date | None = None,
             formats: Sequence[str] | None = None, out_dir: Path | None = None,
             progress: Progress = _silent) -> tuple[Brief, list[Path]]:
    """Build the brief and write it in every format; returns the brief and the files written."""
    from briefing.render import write_brief

    brief = build_brief(config, inputs, date, progress)
    paths = write_brief(brief, formats or config.formats, out_dir or config.output_dir, config.templates_dir)
    return brief, paths
