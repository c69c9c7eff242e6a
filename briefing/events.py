"""The dated sentences of one article, from its spaCy parse: the per-article half of the timeline.

Each date the model finds in a sentence ("on Friday", "Monday morning", "January 3") is a
candidate. A sentence about what is to come looks forward ("talks will resume on Friday",
"expected to restart by Thursday"); every other looks back. The tense is the one of the verb
the date belongs to: "He said on Monday that talks will resume" looks back. A sentence that
leans on the one before ("He said ...") brings that one along. Read against the article's
publication date, the first candidate of a sentence that names a day dates it; an undated
article keeps all its candidates, to be read against the brief's date.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from briefing.dates import day_of
from briefing.facts import DateMention
from briefing.lang import LanguageProfile
from briefing.text import dangles

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


def _future_verb(token: Token, lang: LanguageProfile) -> bool:
    """"expected to", "plans to", "due to", "set to": the verb says something is to come."""
    doc = token.doc
    return token.lemma_.lower() in lang.future_verbs and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"


def _tense(verb: Token, lang: LanguageProfile) -> bool | None:
    """Does this verb look forward (True: "will resume", "expected to"), back (False: "spoke",
    "has spoken", "was killed"), or does its form not say (None: "returns", "to restart")?"""
    auxiliaries = [t for t in verb.children if t.dep_ in ("aux", "auxpass")]
    if any(t.lower_ in lang.future_words or t.lower_ == "wo" for t in auxiliaries) or _future_verb(verb, lang):
        return True
    if verb.tag_ in ("VBD", "VBN") and not auxiliaries and verb.dep_ != "amod":
        return False  # "spoke", "killed" (a participle alone is a past in news: "arrested on Friday")
    if any(t.tag_ == "VBD" or t.lemma_ == "have" for t in auxiliaries):
        return False
    return None


# How many clauses up a date looks for a verb whose form says when: in "Parliament will be
# updated when it returns on Tuesday", "returns" does not say and "will be updated" does.
CLAUSE_STEPS = 3


def _clause_says(ent: Span, lang: LanguageProfile) -> bool | None:
    """The tense of the verb the date belongs to: "He said on Monday that talks will resume" is
    Monday past; "X will chair ... and spoke to Y on Monday" is Monday past too. A verb whose
    form does not say hands over to the clause it depends on. None when no verb decides."""
    token = ent.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:  # (a root is its own head)
        token = token.head
    for _ in range(CLAUSE_STEPS):
        if token.pos_ not in ("VERB", "AUX"):
            return None
        said = _tense(token, lang)
        if said is not None or token.head.i == token.i:
            return said
        token = token.head
    return None


def _looks_forward(sent: Span, ent: Span, lang: LanguageProfile) -> bool:
    """Does the event lie ahead ("will resume on Friday", "expected to restart", "by Thursday")?
    The verb the date belongs to decides; when its form does not say, any future word in the
    sentence does."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before in lang.deadline_words:
        return True
    said = _clause_says(ent, lang)
    if said is not None:
        return said
    return any(t.lower_ in lang.future_words or _future_verb(t, lang) for t in sent)


def date_mentions(doc: Doc, text: str, published: dt.date | None, lang: LanguageProfile) -> list[DateMention]:
    """The dates that may date each sentence of ``doc`` (the parse of ``text``) as an event. With
    a publication date, each sentence keeps the first that names a day near it, read as that
    day; without one, every candidate, to be read against the brief's date."""
    found: list[DateMention] = []
    previous = ""
    index = -1  # of the sentence, as ``sentences_of`` counts them (sentences of only white space are none)
    for sent in doc.sents:
        said = text[sent.start_char:sent.end_char].strip()
        index += bool(said)
        # "He said ..." alone in a timeline leaves the reader asking who: the sentence before
        # comes along, as in the summaries.
        told, previous = (f"{previous} {said}" if previous and dangles(said, lang) else said), said
        for ent in sent.ents:
            if ent.label_ not in ("DATE", "TIME") or (ent.text.lower() in lang.today_words and ent.text.istitle()
                                                      and ent.start != sent.start):
                continue  # "Radio 4's Today programme" is a name
            forward = _looks_forward(sent, ent, lang)
            if published is None:
                found.append(DateMention(index, ent.text, forward, told))
                continue
            day = day_of(ent.text, published, forward, lang)
            if day is not None:
                found.append(DateMention(index, ent.text, forward, told, day))
                break  # one event a sentence, at its first day
    return found
