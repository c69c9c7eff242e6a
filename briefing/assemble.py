"""Cross-article assembly: the brief from the facts of every article. Never sees spaCy.

Source markers [1], [2], ... are given here, once, in the order of the facts. Then: stories
(grouping, one summary each, ranking, watchlist, history), the overall summary, key actors,
key figures, the timeline, and the sections as configured. Every record is made new here;
nothing of the facts is changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing.actors.linking import extract_actors
from briefing.config import Config, SectionConfig
from briefing.facts import ArticleFacts
from briefing.figures.merging import extract_figures
from briefing.history import article_key
from briefing.models import SECTION_TITLES, ArticleSummary, Brief, Section, Sentence, SkippedInput, Source, Story
from briefing.lang import DEFAULT_LANGUAGE, profile
from briefing.stories import build_stories, cluster, interleave, story_similarities
from briefing.text import dangles, retells
from briefing.timeline import TIMELINE_EVENTS, extract_timeline, key_events


# Days a story's coverage shows (its articles by the day they were first briefed).
COVERAGE_DAYS = 7


def cite(facts: Sequence[ArticleFacts]) -> list[Source]:
    """Every article as the brief cites it: its marker is its position in ``facts`` plus one."""
    return [Source(id=marker, title=item.article.title, source=item.article.source, url=item.article.url,
                   published=item.article.published, key=article_key(item.article))
            for marker, item in enumerate(facts, 1)]


def summaries_of(facts: Sequence[ArticleFacts], sources: Sequence[Source]) -> list[ArticleSummary]:
    """Each article's own summary, its sentences cited with its marker."""
    return [ArticleSummary(source, [Sentence(source.id, i, item.sentences[i].text) for i in item.summary])
            for item, source in zip(facts, sources)]


def mentions(text: str, words: Sequence[str]) -> set[str]:
    """The ``words`` a text mentions, as whole words in any case."""
    return {word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I)}


def _watch(stories: list[Story], entries: Sequence[str], texts: Sequence[str]) -> list[Story]:
    """The stories flagged with the watchlist entries they mention; flagged stories come first."""
    flagged = []
    for story in stories:
        found = set().union(*(mentions(texts[s.article.id - 1], entries) for s in story.articles))
        flagged.append(dataclasses.replace(story, watch=[entry for entry in entries if entry in found]))
    return sorted(flagged, key=lambda story: not story.watch)  # stable: the ranking stays within each


def overview(stories: Sequence[Story], count: int) -> list[Sentence]:
    """The overall summary: the first sentence of each story, best story first; with fewer
    stories than sentences, the next sentences of the best stories from the same source as their
    first (another source's lead would tell the same event again)."""
    runs = [[s for s in story.sentences if s.article_id == story.sentences[0].article_id]
            for story in stories if story.sentences]
    return interleave(runs, count)


def sections(configured: Sequence[SectionConfig], content: dict[str, list], day: dt.date,
             texts: Sequence[str] = ()) -> list[Section]:
    """The brief's sections as configured: in order, titled, limited; a keyword section holds
    the stories that mention one of its words (``texts``: each article's title and text, by
    marker); a timeline keeps the events that matter most (TIMELINE_EVENTS of them unless its
    max says otherwise)."""
    built = []
    for sc in configured:
        if sc.kind == "keyword":
            items = [story for story in content["stories"]
                     if any(mentions(texts[s.article.id - 1], sc.keywords) for s in story.articles)]
        else:
            items = list(content[sc.kind])
        if sc.kind == "timeline":
            items = key_events(items, sc.max if sc.max is not None else TIMELINE_EVENTS, day)
        elif sc.max is not None:
            items = items[:sc.max]
        built.append(Section(sc.kind, sc.title or SECTION_TITLES[sc.kind], items))
    return built


def _silent(message: str) -> None:
    pass


def assemble_brief(facts: Sequence[ArticleFacts], config: Config, *, date: dt.date,
                   skipped: Sequence[SkippedInput] = (), history: Path | None = None,
                   since_last: bool = False, progress: Callable[[str], None] = _silent) -> Brief:
    """The brief of ``date`` from the facts of its articles. With a ``history`` file, stories
    are marked new, updated or seen; ``since_last`` leaves out the stories already briefed."""
    sources = cite(facts)
    texts = [f"{item.article.title}\n{item.article.text}" for item in facts]
    summaries = summaries_of(facts, sources)
    progress("Grouping articles into stories")
    similarity = story_similarities(facts)
    groups = cluster(similarity, config.stories.threshold) if facts else []
    lang = profile(facts[0].language) if facts else profile(DEFAULT_LANGUAGE)
    stories = build_stories(facts, summaries, groups, similarity, config.summary.sentences,
                            lambda a, b: retells(a.text, b.text),
                            lambda s: dangles(s.text, lang, facts[s.article_id - 1].sentences[s.index].expletive))
    stories = _watch(stories, config.watchlist.entries(), texts)
    since = None
    if history is not None:
        from briefing.history import past

        known = past(history, date)
        stories = [dataclasses.replace(story, status=known.status(story),
                                       coverage=known.coverage(story, date, COVERAGE_DAYS)) for story in stories]
        if since_last:
            since = known.last_brief
            seen = [story for story in stories if story.status == "seen"]
            if seen:
                # Every section follows the stories kept: brief their articles alone.
                kept = sorted(item.article.id - 1 for story in stories if story.status != "seen"
                              for item in story.articles)
                brief = assemble_brief([facts[p] for p in kept], config, date=date, skipped=skipped,
                                       history=history, progress=progress)
                return dataclasses.replace(brief, since=since, left_out=[story.title for story in seen])
    summary_section = next((sc for sc in config.sections if sc.kind == "summary"), None)
    count = summary_section.max if summary_section and summary_section.max is not None \
        else config.summary.overview_sentences
    progress("Extracting key actors and figures")
    actors = extract_actors(facts, per_kind=config.actors.max)
    groups = [[s.article.id - 1 for s in story.articles] for story in stories]
    figures = extract_figures(facts, config.figures.max, groups)
    progress("Dating events for the timeline")
    brief = Brief(
        title=config.title,
        date=date,
        classification=config.classification,
        audience=config.audience,
        overview=overview(stories, count),
        articles=summaries,
        actors=actors,
        figures=figures,
        sources=sources,
        skipped=list(skipped),
        timeline=extract_timeline(facts, date, groups),
        stories=stories,
        since=since,
    )
    return dataclasses.replace(brief, sections=sections(config.sections, brief.content(), date, texts))
