"""The library API: inputs and config in, a ``Brief`` out, then written to disk.

ingest -> clean -> nlp -> summarise / actors / figures -> Brief -> render. Everything is
gathered first and written last, so a failure never leaves half a brief behind.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing.clean import clean_document
from briefing.config import Config, LimitsConfig, SectionConfig
from briefing.errors import BriefingError, InputError
from briefing.ingest import read_inputs, record_path
from briefing.models import SECTION_TITLES, Article, ArticleSummary, Brief, Section, Sentence, SkippedInput, Story

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


def load_articles(paths: Sequence[Path | str], progress: Progress = _silent,
                  limits: LimitsConfig | None = None) -> tuple[list[Article], list[SkippedInput]]:
    """Read and clean every article; unreadable inputs, oversized and empty articles are skipped."""
    limits = limits or LimitsConfig()
    if not paths:
        raise InputError("no inputs: name files or folders, or list them under 'inputs' in config.yaml")
    documents, skipped = read_inputs(paths, max_bytes=int(limits.max_file_mb * 1e6))
    articles: list[Article] = []
    for doc in documents:
        article = clean_document(doc, len(articles) + 1)
        reason = _unusable(article, limits)
        if reason is None:
            articles.append(article)
        else:
            skipped.append(SkippedInput(record_path(doc.path, doc.record), reason))
    for item in skipped:
        log.info("skipped %s: %s", item.path, item.reason)
    progress(f"Read {len(articles)} article(s)" + (f", skipped {len(skipped)} input(s)" if skipped else ""))
    if not articles:
        raise InputError("no readable articles in " + ", ".join(str(p) for p in paths))
    return articles, skipped


def _in_language(articles: list[Article], skipped: list[SkippedInput], nlp) -> list[Article]:
    """The articles in the model's language, numbered again from 1; the others are skipped."""
    from briefing.nlp import foreign_language

    kept = []
    for article in articles:
        reason = foreign_language(article.text, nlp)
        if reason is None:
            kept.append(article)
        else:
            skipped.append(SkippedInput(article.path, reason))
            log.info("skipped %s: %s", article.path, reason)
    for number, article in enumerate(kept, 1):
        article.id = number
    if not kept:
        raise InputError(f"no article is in the language of the spaCy model ({nlp.lang}); set nlp.model to a "
                         f"model of the articles' language, or limits.language_check: false")
    return kept


def _mentioned(article: Article, words: Sequence[str]) -> set[str]:
    """The ``words`` an article's title or text mentions, as whole words in any case."""
    text = f"{article.title}\n{article.text}"
    return {word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I)}


def _overview(stories: Sequence[Story], count: int) -> list[Sentence]:
    """The overall summary: the first sentence of each story, best story first; with fewer
    stories than sentences, the next sentences of the best stories from the same source as their
    first (another source's lead would tell the same event again)."""
    from briefing.stories import interleave

    runs = [[s for s in story.sentences if s.article_id == story.sentences[0].article_id]
            for story in stories if story.sentences]
    return interleave(runs, count)


def _sections(configured: Sequence[SectionConfig], content: dict[str, list], day: dt.date) -> list[Section]:
    """The brief's sections as configured: in order, titled, limited; a keyword section holds
    the stories that mention one of its words; a timeline keeps the events that matter most
    (TIMELINE_EVENTS of them unless its max says otherwise)."""
    from briefing.timeline import TIMELINE_EVENTS, key_events

    sections = []
    for sc in configured:
        if sc.kind == "keyword":
            items = [story for story in content["stories"]
                     if any(_mentioned(s.article, sc.keywords) for s in story.articles)]
        else:
            items = list(content[sc.kind])
        if sc.kind == "timeline":
            items = key_events(items, sc.max if sc.max is not None else TIMELINE_EVENTS, day)
        elif sc.max is not None:
            items = items[:sc.max]
        sections.append(Section(sc.kind, sc.title or SECTION_TITLES[sc.kind], items))
    return sections


def _watch(stories: list[Story], entries: Sequence[str]) -> list[Story]:
    """Flag each story with the watchlist entries it mentions; flagged stories come first."""
    for story in stories:
        found = set().union(*(_mentioned(s.article, entries) for s in story.articles))
        story.watch = [entry for entry in entries if entry in found]
    return sorted(stories, key=lambda story: not story.watch)  # stable: the ranking stays within each


def build_brief(config: Config, inputs: Sequence[Path | str] | None = None, date: dt.date | None = None,
                progress: Progress = _silent, strict: bool = False, history: Path | None = None,
                since_last: bool = False) -> Brief:
    """Read, clean and analyse the articles and assemble the brief (nothing is written).

    With ``strict``, any skipped input stops the run with an InputError before analysis. With a
    ``history`` file, stories are marked new, updated or seen; ``since_last`` leaves out the
    stories already briefed on an earlier date.
    """
    from briefing.actors import extract_actors
    from briefing.figures import extract_figures
    from briefing.nlp import analyse, load_pipeline
    from briefing.stories import build_stories, group_documents
    from briefing.summarise import SpacyTokenizer, make_text_summariser, retells
    from briefing.timeline import extract_timeline

    articles, skipped = load_articles(list(inputs) if inputs else config.inputs, progress, config.limits)
    progress(f"Loading spaCy model {config.nlp.model}")
    nlp = load_pipeline(config.nlp.model)
    if config.limits.language_check:
        articles = _in_language(articles, skipped, nlp)
    if strict and skipped:
        first = skipped[0]
        raise InputError(f"--strict: {len(skipped)} input(s) would be skipped, so nothing was written; "
                         f"first: {first.path}: {first.reason}")

    def report(done: int, total: int) -> None:
        if done == total or done % 25 == 0:
            progress(f"Analysed {done}/{total} article(s)")

    analysed = analyse(articles, nlp, config.nlp.batch_size, report)
    tokenizer = SpacyTokenizer(nlp, (item.doc for item in analysed))
    summariser = make_text_summariser(config.summary.algorithm, tokenizer, config.summary.engine,
                                      config.summary.weights, config.summary.bonus_words,
                                      config.summary.stigma_words)
    progress(f"Summarising with {config.summary.algorithm}")
    summaries = [
        ArticleSummary(item.article, summariser.summarise(item.article.title, item.sentences,
                                                          config.summary.sentences, config.summary.words))
        for item in analysed
    ]
    progress("Grouping articles into stories")
    groups = group_documents([item.doc for item in analysed], config.stories.threshold)
    stories = build_stories(summaries, groups, config.summary.sentences, lambda a, b: retells(a.text, b.text))
    stories = _watch(stories, config.watchlist.entries())
    when = date or brief_date()
    if history is not None:
        from briefing.history import mark_stories

        mark_stories(history, stories, when)
        if since_last:
            stories = [story for story in stories if story.status != "seen"]
    summary_section = next((sc for sc in config.sections if sc.kind == "summary"), None)
    count = summary_section.max if summary_section and summary_section.max is not None \
        else config.summary.overview_sentences
    overview = _overview(stories, count)
    progress("Extracting key actors and figures")
    actors = extract_actors(analysed, config.actors.entity_types, per_kind=config.actors.max)
    position = {item.article.id: i for i, item in enumerate(analysed)}
    figures = extract_figures(analysed, config.figures.max,
                              [[position[s.article.id] for s in story.articles] for story in stories])
    progress("Dating events for the timeline")
    timeline = extract_timeline(analysed, when)
    brief = Brief(
        timeline=timeline,
        stories=stories,
        title=config.title,
        date=when,
        classification=config.classification,
        audience=config.audience,
        overview=overview,
        articles=summaries,
        actors=actors,
        figures=figures,
        sources=articles,
        skipped=skipped,
    )
    brief.sections = _sections(config.sections, brief.content(), when)
    return brief


def generate(config: Config, inputs: Sequence[Path | str] | None = None, date: dt.date | None = None,
             formats: Sequence[str] | None = None, out_dir: Path | None = None,
             progress: Progress = _silent, strict: bool = False,
             since_last: bool = False) -> tuple[Brief, list[Path]]:
    """Build the brief and write it in every format, then record it in the history; returns
    the brief and the files written."""
    from briefing.history import record
    from briefing.render import write_brief

    folder = out_dir or config.output_dir
    history = (config.history.path or folder / "history.sqlite") if config.history.enabled else None
    if since_last and history is None:
        raise BriefingError("--since-last needs the history: set history.enabled: true in the config")
    brief = build_brief(config, inputs, date, progress, strict, history, since_last)
    paths = write_brief(brief, formats or config.formats, folder, config.templates_dir, config.email)
    if history is not None:
        record(history, brief.sources, brief.date)
    return brief, paths
