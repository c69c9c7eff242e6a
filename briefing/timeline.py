"""Timeline: the dated events of all articles, the same event from several sources as one.

Works on ``ArticleFacts`` alone. An article read against its own publication date comes with
its events dated (``briefing.events``); an undated article's date expressions are read here
against the brief's date, and its events say so. Only dates that name a day make an event;
"last year" or "the 1970s" are context, not a timeline.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from briefing.dates import day_of
from briefing.facts import ArticleFacts
from briefing.lang import profile
from briefing.models import Event
from briefing.text import retells


def events_of(facts: ArticleFacts, marker: int, brief_date: dt.date) -> list[Event]:
    """The day-dated events of one article, cited as ``marker``: one a sentence, at its first
    date that names a day (read from the brief's date when the article has none)."""
    if facts.article.published is not None:
        return [Event(date=m.day, text=m.text, expression=m.expression, sources=[marker])
                for m in facts.dates if m.day is not None]
    lang = profile(facts.language)
    events: list[Event] = []
    dated: set[int] = set()
    for m in facts.dates:
        if m.sentence in dated:
            continue
        day = day_of(m.expression, brief_date, m.forward, lang)
        if day is not None:
            events.append(Event(date=day, text=m.text, expression=m.expression, sources=[marker],
                                undated_source=True))
            dated.add(m.sentence)
    return events


def extract_timeline(facts: Sequence[ArticleFacts], brief_date: dt.date) -> list[Event]:
    """Every article's events by date; the same event told by several sources is one, with
    all of them."""
    merged: list[Event] = []
    for position, item in enumerate(facts):
        for event in events_of(item, position + 1, brief_date):
            known = next((i for i, e in enumerate(merged) if e.date == event.date and retells(e.text, event.text)),
                         None)
            if known is None:
                merged.append(event)
            else:
                first = merged[known]
                merged[known] = dataclasses.replace(
                    first, sources=sorted(set(first.sources) | set(event.sources)),
                    undated_source=first.undated_source and event.undated_source)
    return sorted(merged, key=lambda e: (e.date, e.sources[0]))


# Events a timeline shows unless its section sets ``max``: a hundred articles date hundreds of
# sentences, and a reader wants the ones that matter.
TIMELINE_EVENTS = 20


def key_events(events: Sequence[Event], count: int, day: dt.date) -> list[Event]:
    """The ``count`` events that matter most, in date order: told by the most sources, then
    nearest the brief's ``day``."""
    chosen = sorted(events, key=lambda e: (-len(e.sources), abs((e.date - day).days), e.date))[:count]
    return sorted(chosen, key=lambda e: (e.date, e.sources[0]))
