"""The library API: ``build_brief(config)`` and ``generate(config)``.

    read and clean -> per-article stage (parse, ``analyse_article``) -> assembly -> outputs

Everything is gathered first and written last, so a failure never leaves half a brief behind.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing.clean import clean_document, site_furniture
from briefing.config import Config, LimitsConfig
from briefing.errors import BriefingError, InputError, NotRecorded
from briefing.ingest import EARLIEST, LATEST, ReadOptions, read_inputs, record_path
from briefing.lang import DEFAULT_LANGUAGE, LanguageProfile, profile
from briefing.models import Article, Brief, SkippedInput

log = logging.getLogger(__name__)

Progress = Callable[[str], None]


def brief_date(date: str | dt.date | None = None) -> dt.date:
    """The one place that decides "today": the given date, else SOURCE_DATE_EPOCH, else the
    clock; within the years briefing reads dates in."""
    if isinstance(date, dt.date):
        day, what = date, "the brief's date"
    elif date:
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            raise BriefingError(f"--date: expected a date as YYYY-MM-DD, got {date[:40]!r}") from None
        what = "--date"
    elif epoch := os.environ.get("SOURCE_DATE_EPOCH"):
        try:
            day = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise BriefingError(f"SOURCE_DATE_EPOCH: expected seconds since 1970, got {epoch[:40]!r}") from None
        what = "SOURCE_DATE_EPOCH"
    else:
        day, what = dt.date.today(), "today"
    if not EARLIEST <= day <= LATEST:
        raise BriefingError(f"{what}: {day.isoformat()} is out of the range briefing handles "
                            f"({EARLIEST.year}-{LATEST.year})")
    return day


def _silent(message: str) -> None:
    log.info(message)


def _unusable(article: Article, limits: LimitsConfig) -> str | None:
    """Why a cleaned article cannot be briefed, or None."""
    if not article.paragraphs:
        reasons = Counter(line.reason for line in article.removed)
        why = "; ".join(f"{n} line(s): {reason}" for reason, n in reasons.most_common(2))
        return "no story text left after cleaning" + (f" (removed {why})" if why else "")
    text = article.text
    if not any(ch.isalpha() for ch in text):
        return "no words, only numbers and symbols"
    if len(text) > limits.max_article_chars:
        return (f"too long for one article: {len(text):,} characters, the limit is "
                f"{limits.max_article_chars:,} (limits.max_article_chars in config)")
    return None


def read_articles(paths: Sequence[Path | str], limits: LimitsConfig | None = None, lang: LanguageProfile | None = None,
                  progress: Progress = _silent, jobs: int = 1) -> list[Article | SkippedInput]:
    """Every input as ``briefing`` reads it: read (``briefing.ingest``, within ``limits``, dates
    written in ``lang``) and cleaned (``briefing.clean``, each alone, then the lines a site prints
    around its stories, found across the batch) into an ``Article``, or skipped with the reason
    (unreadable, oversized, nothing left after cleaning). The inputs skipped before reading come
    first."""
    limits = limits or LimitsConfig()
    options = ReadOptions(lang=lang or profile(DEFAULT_LANGUAGE), max_feed_items=limits.max_feed_items,
                          fetch_seconds=limits.fetch_seconds)
    documents, skipped = read_inputs(paths, int(limits.max_file_mb * 1e6), options, progress, jobs)
    found: list[Article | SkippedInput] = list(skipped)
    articles = site_furniture([clean_document(doc, options.lang) for doc in documents])
    for doc, article in zip(documents, articles):
        reason = _unusable(article, limits)
        found.append(article if reason is None else SkippedInput(record_path(doc.path, doc.record), reason, article))
    return found


def load_articles(paths: Sequence[Path | str], progress: Progress = _silent, limits: LimitsConfig | None = None,
                  lang: LanguageProfile | None = None, jobs: int = 1) -> tuple[list[Article], list[SkippedInput]]:
    """Read and clean every article (files by ``jobs`` processes); unreadable inputs, oversized
    and empty articles are skipped, and so are the articles past ``limits.max_articles``."""
    limits = limits or LimitsConfig()
    if not paths:
        raise InputError("no inputs: name files or folders, or list them under 'inputs' in config.yaml")
    found = read_articles(paths, limits, lang, progress, jobs)
    articles = [item for item in found if isinstance(item, Article)]
    skipped = [item for item in found if isinstance(item, SkippedInput)]
    if len(articles) > limits.max_articles:
        left_out = articles[limits.max_articles:]
        skipped.append(SkippedInput(left_out[0].path, f"{len(left_out)} article(s) from here on left out: over "
                                                      f"limits.max_articles ({limits.max_articles})"))
        articles = articles[:limits.max_articles]
    for item in skipped:
        log.info("skipped %s: %s", item.path, item.reason)
    progress(f"Read {len(articles)} article(s)" + (f", skipped {len(skipped)} input(s)" if skipped else ""))
    if not articles:
        raise InputError("no readable articles in " + ", ".join(str(p) for p in paths))
    return articles, skipped


def history_path(config: Config) -> Path | None:
    """The history file, or None when the history is off."""
    if not config.history.enabled:
        return None
    return config.history.path or config.output_dir / "history.sqlite"


def build_brief(config: Config, *, date: dt.date | None = None, progress: Progress = _silent,
                strict: bool = False, since_last: bool = False) -> Brief:
    """Read, clean and analyse the articles named by ``config.inputs`` and assemble the brief of
    ``date`` (default: ``brief_date()``); nothing is written.

    With ``strict``, any skipped input stops the run with an InputError before analysis. With the
    history on, stories are marked new, updated or seen; ``since_last`` leaves out the stories
    already briefed on an earlier date.
    """
    from briefing.analyse import AnalysisSettings, analyse_articles, in_language
    from briefing.assemble import assemble_brief

    history = history_path(config)
    if since_last and history is None:
        raise BriefingError("--since-last needs the history: set history.enabled: true in the config")
    settings = AnalysisSettings.from_config(config)
    engine = config.engine
    articles, skipped = load_articles(config.inputs, progress, config.limits, profile(settings.language),
                                      jobs=engine.workers())  # files are read here, on any engine
    progress(f"Loading spaCy model {config.nlp.model}")
    if config.limits.language_check:
        articles, foreign = in_language(articles, settings.model)
        skipped += foreign
        if not articles:
            raise InputError(f"no article is in the language of the spaCy model ({config.nlp.model}); set "
                             f"nlp.model to a model of the articles' language, or limits.language_check: false")
    if strict and skipped:
        first = skipped[0]
        raise InputError(f"--strict: {len(skipped)} input(s) would be skipped, so nothing was written; "
                         f"first: {first.path}: {first.reason}")

    shown = [-1]

    def report(done: int, total: int) -> None:
        counter = getattr(progress, "count", None)
        if counter is not None:  # a progress bar (the command line, on a terminal)
            counter("Analysing articles", done, total)
        elif done == total or done * 10 // total != shown[0]:  # else a line each tenth
            shown[0] = done * 10 // total
            progress(f"Analysed {done}/{total} article(s)")

    if engine.kind == "dask":
        progress(f"Analysing {len(articles)} article(s) on the Dask cluster at {engine.address}")
        facts = analyse_articles(articles, settings, report, scheduler=engine.address,
                                 connect_seconds=engine.connect_seconds)
    else:
        facts = analyse_articles(articles, settings, report, jobs=engine.workers())
    return assemble_brief(facts, config, date=date or brief_date(), skipped=skipped, history=history,
                          since_last=since_last, progress=progress)


def generate(config: Config, *, date: dt.date | None = None, progress: Progress = _silent,
             strict: bool = False, since_last: bool = False) -> tuple[Brief, list[Path]]:
    """Build the brief, write it in every format of ``config.formats`` into
    ``config.output_dir``, then record it in the history; returns the brief and the files written.
    If the history cannot be updated once the files are written, they stay, and NotRecorded
    says so (with the brief and the files)."""
    from briefing.history import HistoryError, record
    from briefing.outputs import write_brief

    brief = build_brief(config, date=date, progress=progress, strict=strict, since_last=since_last)
    paths = write_brief(brief, config.formats, config.output_dir, config.templates_dir, config.email)
    history = history_path(config)
    if history is not None:
        try:
            record(history, brief)
        except HistoryError as exc:
            raise NotRecorded(f"{exc}; the brief is written but this day is not in the history, so the next brief "
                              f"will not mark its stories as seen", brief, paths) from None
        if config.history.archive:
            from briefing.archive import write_archive

            paths.append(write_archive(history, config.output_dir, config.title, config.templates_dir))
    return brief, paths
