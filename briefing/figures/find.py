"""The figures of one article: every number of its parse with its value, qualifier, what it
counts and its unit. Part of the per-article stage."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from briefing.models import FigureFact
from briefing.figures.counts import counted, unit_of
from briefing.figures.spans import (GLUED, ORDINAL, currency_prefix, hyphened_on, is_year, number_spans, part_of_a_name,
                                    pronoun_one, qualifier, span_value)
from briefing.lang import LanguageProfile

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


# "the four seasons", "his 7 months as mayor": a group or a time already known, not a figure.
DETERMINERS = ("the", "these", "those", "his", "her", "its", "their", "our", "my", "your")
_ROAD_NUMBER = re.compile(r"^\d+[NSEW]$")  # "County Road 600S"
_HYPHENED = re.compile(r"\d-[^\W\d_]")  # "2-liter", "30-minute", "13-year"


def context_only(ent: Span, unit: str, lang: LanguageProfile) -> bool:
    """A number a reader does not want in a table of key figures, though it is a quantity: an
    age ("the 43-year-old man", "aged 43"), an address or a road ("3170 W. County Road 600S"),
    a time of day ("10 a.m."), or a measure that describes a thing rather than reports something
    ("a 2-liter engine", "a 30-minute drive": a hyphened measure before its noun; "a 12 metre tall
    mast"), or a kind of thing ("a 3D mapping company", "a 4G network")."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end:ent.end + 4]
    if unit.split()[-1:] == ["old"] or (before is not None and before.lower_ in lang.age_words):
        return True
    if any(_ROAD_NUMBER.match(t.text) for t in ent):
        return True
    named = list(itertools.takewhile(lambda t: t.is_title or t.text.endswith("."), after))
    if any(t.lower_.rstrip(".") in lang.street_words for t in (*ent, *named) if t.is_title):
        return True
    if after and (after[0].lower_ in lang.clock_words or re.fullmatch(r"\d{1,2}[:.]\d\d", ent.text.strip())):
        return True
    if _a_kind_of_thing(ent):
        return True
    # "a 12 metre tall mast", "an 8mm thick player": a measure and its adjective before a noun
    # describe the thing, as a hyphened measure does.
    if unit and ent.label_ == "QUANTITY" and after and after[0].pos_ == "ADJ" and after[0].dep_ == "amod" \
            and after[0].head.i > after[0].i and after[0].head.pos_ in ("NOUN", "PROPN") \
            and after[0].head.ent_type_ not in ("DATE", "TIME"):  # not "winds of 155mph early Wednesday"
        return True
    # English writes a measure with a hyphen only before what it describes: "six-inch lizard",
    # "a 30-minute drive" (the number in words or in figures).
    return bool(_HYPHENED.search(ent.text)) or any(
        t.like_num and hyphened_on(t) and t.i + 2 < len(doc) and not doc[t.i + 1].whitespace_
        and doc[t.i + 2].is_alpha and doc[t.i + 2].lower_ not in lang.fractions for t in ent)  # "two-thirds" is an amount


def _a_kind_of_thing(ent: Span) -> bool:
    """A number with one letter written on, before a noun it modifies, names a kind of thing,
    not an amount: "a 3D mapping company", "the first 4G network" (split "4" "G" by the
    tokenizer), "a 9V battery". A unit of more letters is a measure a reader may want ("a 600hp
    engine", "a 6kW motor")."""
    doc = ent.doc
    last = ent[-1]
    nxt = doc[ent.end] if ent.end < len(doc) else None
    glued = GLUED.match(last.text)
    if glued and len(glued.group(2)) == 1:
        word = last
    elif glued is None and nxt is not None and not last.whitespace_ and len(nxt.text) == 1 and nxt.is_alpha \
            and last.like_num and last.head.i == nxt.i:
        word = nxt
    else:
        return False
    return word.text[-1:].isupper() and word.dep_ in ("amod", "compound", "nummod", "nmod") \
        and word.head.i > word.i and word.head.pos_ in ("NOUN", "PROPN")


def _places_in_time(ent: Span, lang: LanguageProfile) -> bool:
    """A length of time that says when: "three days later", "two years earlier", "last week
    one day", "the next 10 years"."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if lang.time_point_words & {*(t.lower_ for t in ent), after.lower_ if after is not None else ""}:
        return True
    # "last" or "next" before the number ("seven years last week" is a length of time, and a day)
    number = next((t.i for t in ent if t.like_num), ent.end)
    return any(t.lower_ in lang.past_words | lang.future_words for t in ent.doc[ent.start:number])


def figures_in(doc: Doc, lang: LanguageProfile) -> list[FigureFact]:
    """Every figure of an article, in text order; ``minor`` marks the ones that say little
    alone (a bare number, "the three leaders" already introduced)."""
    found: list[FigureFact] = []
    for sent in doc.sents:
        previous: Token | None = None
        money_end = -1  # where the sentence's last amount of money ended
        for ent in number_spans(sent, lang):
            kind = "quantity" if ent.label_ == "DURATION" else lang.figure_labels.get(ent.label_)
            if kind == "count" and any(currency_prefix(t, lang) for t in ent):
                kind = "money"  # "Y=5,182", "RM2.70" the model read as a bare number
            if kind is None or is_year(ent) or part_of_a_name(ent, lang) or any(ORDINAL.match(t.text) for t in ent):
                continue  # "the 90th minute" is a moment, not a quantity
            before = doc[ent.start - 1] if ent.start > 0 else None
            if before is not None and before.text in lang.number_labels:
                continue  # "No 10" is an address, not a figure
            if pronoun_one(ent, lang):
                continue
            value_span = span_value(ent, lang)
            if value_span is None:
                continue
            said, start = qualifier(ent, lang)
            if before is not None and before.lower_ in ("between", "from") and value_span[0] != value_span[1]:
                start = ent.start - 1
            value = doc[start:ent.end].text
            counts, noun = counted(ent, previous, lang)
            if ent.text.lower() in counts.lower():
                counts = ""  # "nearly 50 per cent" said to count itself
            if noun is not None:
                previous = noun
            number, high = value_span
            unit = unit_of(ent, kind, noun, lang).strip("=")  # a quote's code: "108.79 JPY="
            if kind == "money" and counts.lower().rstrip("s") in lang.currency_signs.values():
                counts = ""  # "tens of millions of dollars" counts "dollars": the currency again
            determined = ent[0].lower_ in DETERMINERS or (before is not None and before.lower_ in DETERMINERS)
            minor = (kind == "count" and (not counts or number == 1 or (determined and number < 10))) or (
                kind == "quantity" and determined and number < 10)
            # "seen 75 times more use", "three times higher", "stabbed 5 times": a ratio or how
            # often, which says nothing in a table without what it is compared with.
            after = doc[ent.end] if ent.end < len(doc) else None
            minor = minor or (kind == "count" and (ent[-1].lower_ in lang.ratio_words
                                                   or (after is not None and after.lower_ in lang.ratio_words)))
            # "the coming 12 to 18 months", "the span of ten days", "three days later": a time
            # frame or a moment, when something happens, not how much of it ("jailed for seven
            # years" stays a figure).
            minor = minor or context_only(ent, unit, lang) or (ent.label_ == "DURATION" and (
                determined or _places_in_time(ent, lang)))
            # "99% certain", "100 per cent sure": how sure someone is, not a share of anything
            # ("20% higher" compares, and stays).
            minor = minor or (kind == "percent" and (
                (ent.root.dep_ == "npadvmod" and ent.root.head.tag_ == "JJ")
                or any(c.dep_ == "amod" and c.tag_ == "JJ" and c.i == ent.end for c in ent.root.children)))
            # "€1.5m ($2.5m) in aid": the amount just given, in another currency.
            minor = minor or (kind == "money" and start > 0 and doc[start - 1].text == "(" and money_end == start - 1)
            # "a 3-0 defeat", "won 4-2", "the vote was 7-2": a range runs up, so one that runs
            # down is a score or a tally, which a table of figures cannot say without the match.
            minor = minor or (kind == "count" and high < number)
            if kind == "money":
                money_end = ent.end
            found.append(FigureFact(
                value=value, counts=counts, sentence=sent.text.strip(), kind=kind, number=number,
                qualifier=said.lower() if said else None, unit=unit,
                number_high=high if high != number else None, minor=minor,
            ))
    return found
