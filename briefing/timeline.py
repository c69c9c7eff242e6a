"""Timeline: the dated events of the articles, with relative dates resolved.

Each date the model finds in a sentence ("on Friday", "Monday morning", "January 3") is
resolved by dateparser against the article's publication date, or the brief's date when the
article has none (and the event says so). Only dates that name a day make an event; "last
year" or "the 1970s" are context, not a timeline. A sentence about what is to come looks
forward ("talks will resume on Friday", "expected to restart by Thursday"); every other looks
back, and a weekday that is the day of publication is that day ("said on Monday" in Monday's
paper). The tense is the one of the verb the date belongs to: "He said on Monday that talks will
resume" looks back. A sentence that leans on the one before ("He said ...") brings that one along.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.models import Event
from briefing.summarise import dangles, retells

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

    from briefing.nlp import AnalysedArticle

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEADING = re.compile(r"^(?:on|by|from|until|till|since|early|late|earlier|later)\s+(?:on\s+)?", re.I)
FUTURE_WORDS = {"will", "'ll", "shall", "next", "tomorrow", "upcoming"}
FUTURE_VERBS = {"expect", "plan", "due", "intend", "aim", "schedule", "set"}  # followed by "to"
DEADLINE_WORDS = {"by", "until", "till", "before"}
DAY_PERIODS = {"day", "part_of_day"}


def _parser(base: dt.date, future: bool):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12, 0)),
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_TIME_AS_PERIOD": True,
    })


def resolve(expression: str, base: dt.date, future: bool = False) -> dt.date | None:
    """The day ``expression`` names, read from ``base``; None unless it names a day."""
    text = _LEADING.sub("", expression.strip())
    if not text or text.lower() in ("today", "now"):
        return base if text else None
    data = _parser(base, future).get_date_data(text)
    if data.date_obj is None or data.period not in DAY_PERIODS:
        return None
    day = data.date_obj.date()
    named = next((w for w in WEEKDAYS if w in text.lower()), None)
    if named and WEEKDAYS.index(named) == base.weekday() and abs((day - base).days) == 7:
        return base  # "on Monday" in Monday's paper
    return day


def _future_verb(token: Token) -> bool:
    """"expected to", "plans to", "due to", "set to": the verb says something is to come."""
    doc = token.doc
    return token.lemma_.lower() in FUTURE_VERBS and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"


def _tense(verb: Token) -> bool | None:
    """Does this verb look forward (True: "will resume", "expected to"), back (False: "spoke",
    "has spoken", "was killed"), or does its form not say (None: "returns", "to restart")?"""
    auxiliaries = [t for t in verb.children if t.dep_ in ("aux", "auxpass")]
    if any(t.lower_ in FUTURE_WORDS or t.lower_ == "wo" for t in auxiliaries) or _future_verb(verb):
        return True
    if verb.tag_ in ("VBD", "VBN") and not auxiliaries and verb.dep_ != "amod":
        return False  # "spoke", "killed" (a participle alone is a past in news: "arrested on Friday")
    if any(t.tag_ == "VBD" or t.lemma_ == "have" for t in auxiliaries):
        return False
    return None


# How many clauses up a date looks for a verb whose form says when: in "Parliament will be
# updated when it returns on Tuesday", "returns" does not say and "will be updated" does.
CLAUSE_STEPS = 3


def _clause_says(ent: Span) -> bool | None:
    """The tense of the verb the date belongs to: "He said on Monday that talks will resume" is
    Monday past; "X will chair ... and spoke to Y on Monday" is Monday past too. A verb whose
    form does not say hands over to the clause it depends on. None when no verb decides."""
    token = ent.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:  # (a root is its own head)
        token = token.head
    for _ in range(CLAUSE_STEPS):
        if token.pos_ not in ("VERB", "AUX"):
            return None
        said = _tense(token)
        if said is not None or token.head.i == token.i:
            return said
        token = token.head
    return None


def _looks_forward(sent: Span, ent: Span) -> bool:
    """Does the event lie ahead ("will resume on Friday", "expected to restart", "by Thursday")?
    The verb the date belongs to decides; when its form does not say, any future word in the
    sentence does."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before in DEADLINE_WORDS:
        return True
    said = _clause_says(ent)
    if said is not None:
        return said
    return any(t.lower_ in FUTURE_WORDS or _future_verb(t) for t in sent)


def events_in(item: AnalysedArticle, brief_date: dt.date) -> list[Event]:
    """The day-dated events of one article."""
    base = item.article.published or brief_date
    undated = item.article.published is None
    events: list[Event] = []
    previous = ""
    for sent in item.doc.sents:
        text = item.article.text[sent.start_char:sent.end_char].strip()
        # "He said ..." alone in a timeline leaves the reader asking who: the sentence before
        # comes along, as in the summaries.
        told, previous = (f"{previous} {text}" if previous and dangles(text) else text), text
        for ent in sent.ents:
            if ent.label_ not in ("DATE", "TIME") or (ent.text == "Today" and ent.start != sent.start):
                continue  # "Radio 4's Today programme" is a name
            day = resolve(ent.text, base, _looks_forward(sent, ent))
            if day is not None and abs((day - base).days) <= 366:
                events.append(Event(date=day, text=told, expression=ent.text, sources=[item.article.id],
                                    undated_source=undated))
                break  # one event a sentence, at its first day
    return events


def extract_timeline(analysed: Sequence[AnalysedArticle], brief_date: dt.date) -> list[Event]:
    """Every article's events by date; the same event told by several sources is one, with
    all of them."""
    merged: list[Event] = []
    for item in analysed:
        for event in events_in(item, brief_date):
            known = next((e for e in merged if e.date == event.date and retells(e.text, event.text)), None)
            if known is None:
                merged.append(event)
            else:
                known.sources = sorted(set(known.sources) | set(event.sources))
                known.undated_source = known.undated_source and event.undated_source
    return sorted(merged, key=lambda e: (e.date, e.sources[0]))


# Events a timeline shows unless its section sets ``max``: a hundred articles date hundreds of
# sentences, and a reader wants the ones that matter.
TIMELINE_EVENTS = 20


def key_events(events: Sequence[Event], count: int, day: dt.date) -> list[Event]:
    """The ``count`` events that matter most, in date order: told by the most sources, then
    nearest the brief's ``day``."""
    chosen = sorted(events, key=lambda e: (-len(e.sources), abs((e.date - day).days), e.date))[:count]
    return sorted(chosen, key=lambda e: (e.date, e.sources[0]))
