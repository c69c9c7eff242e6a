"""Timeline: the dated events of all articles, the same event from several sources as one.

Works on ``ArticleFacts`` alone. An article read against its own publication date comes with
its events dated (``briefing.events``); an undated article's date expressions are read here,
against the brief's date, or against the latest date of another source of its story when that
lies outside the week before the brief (``story_dates``), and its events say which. Only
dates that name a day make an event ("last year" or "the 1970s" are context, not a timeline),
and only sentences that report something happening (``briefing.events``: no datelines, list
items, headlines or bare quotations).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from briefing.dates import event_day
from briefing.facts import ArticleFacts
from briefing.lang import profile
from briefing.models import Event
from briefing.text import retells


def events_of(facts: ArticleFacts, marker: int, brief_date: dt.date,
              read_from: tuple[int, dt.date] | None = None) -> list[Event]:
    """The day-dated events of one article, cited as ``marker``: one a sentence, at its first
    date that names a day. An article without a date is read from ``read_from`` (the marker and
    date of another source of its story), else from the brief's date."""
    if facts.article.published is not None:
        return [Event(date=m.day, text=m.text, expression=m.expression, sources=[marker])
                for m in facts.dates if m.day is not None]
    lang = profile(facts.language)
    source, base = read_from if read_from is not None else (None, brief_date)
    events: list[Event] = []
    dated: set[int] = set()
    for m in facts.dates:
        if m.sentence in dated:
            continue
        day = event_day(m.expression, base, m.forward, lang)
        if day is not None:
            events.append(Event(date=day, text=m.text, expression=m.expression, sources=[marker],
                                undated_source=True, read_from=source))
            dated.add(m.sentence)
    return events


# An undated article may be as recent as the brief: its days are read from the brief's date
# while its story's latest dated source lies within the week before the brief (a weekday read
# from the brief falls in that week too). A story older than that, or dated after the brief,
# lends its date instead: the brief's date would put the article's events where its story is not.
STORY_WEEK = 6


def story_dates(facts: Sequence[ArticleFacts], stories: Sequence[Sequence[int]],
                brief_date: dt.date) -> dict[int, tuple[int, dt.date]]:
    """For each undated article (by position) whose story's latest dated source lies outside
    the week before ``brief_date``: that source's marker and date."""
    found: dict[int, tuple[int, dt.date]] = {}
    for story in stories:
        dated = [(facts[p].article.published, p) for p in story if facts[p].article.published is not None]
        if not dated:
            continue
        day, position = max(dated)
        if 0 <= (brief_date - day).days <= STORY_WEEK:
            continue
        for p in story:
            if facts[p].article.published is None:
                found[p] = (position + 1, day)
    return found


def extract_timeline(facts: Sequence[ArticleFacts], brief_date: dt.date,
                     stories: Sequence[Sequence[int]] = ()) -> list[Event]:
    """Every article's events by date; the same event told by several sources is one, with
    all of them. ``stories`` (lists of positions in ``facts``) lets an undated article be read
    from the date of another source of its story (``story_dates``)."""
    merged: list[Event] = []
    on_day: dict[dt.date, list[int]] = {}  # positions in ``merged`` of each day's events
    read_from = story_dates(facts, stories, brief_date)
    for position, item in enumerate(facts):
        for event in events_of(item, position + 1, brief_date, read_from.get(position)):
            known = next((i for i in on_day.get(event.date, ()) if retells(merged[i].text, event.text)), None)
            if known is None:
                on_day.setdefault(event.date, []).append(len(merged))
                merged.append(event)
            else:
                first = merged[known]
                undated = first.undated_source and event.undated_source
                merged[known] = dataclasses.replace(
                    first, sources=sorted(set(first.sources) | set(event.sources)), undated_source=undated,
                    read_from=first.read_from if undated else None)
    return sorted(merged, key=lambda e: (e.date, e.sources[0]))


# Events a timeline shows unless its section sets ``max``: a hundred articles date hundreds of
# sentences, and a reader wants the ones that matter.
TIMELINE_EVENTS = 20


def key_events(events: Sequence[Event], count: int, day: dt.date) -> list[Event]:
    """The ``count`` events that matter most, in date order: told by the most sources, then
    spread over the articles (an article's second event after every other article's first: a
    live blog's dozen times of day do not push out the other stories), then nearest the
    brief's ``day``."""
    def nearness(e: Event) -> tuple[int, dt.date]:
        return abs((e.date - day).days), e.date

    rank: dict[int, int] = {}  # of each event among its article's, nearest first
    by_article: dict[int, list[int]] = {}
    for n, e in enumerate(events):
        by_article.setdefault(e.sources[0], []).append(n)
    for members in by_article.values():
        for r, n in enumerate(sorted(members, key=lambda n: nearness(events[n]))):
            rank[n] = r
    order = sorted(range(len(events)), key=lambda n: (-len(events[n].sources), rank[n], nearness(events[n])))
    chosen = [events[n] for n in order[:count]]
    return sorted(chosen, key=lambda e: (e.date, e.sources[0]))
