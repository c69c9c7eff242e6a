"""Where the figures of a sentence are: numbers as spans of its spaCy parse.

Part of the per-article stage. Figures come from spaCy's CARDINAL, MONEY, PERCENT and QUANTITY
entities, durations among its dates, and numbers the recogniser missed; ranges ("5 to 10%",
"between 3 and 4", "from 208 to 193") are joined into one span, with the qualifier before it
("about", "more than", "rose to"). Years, dates, ordinals, model numbers ("iPhone 11"),
channel names ("BBC One") and house numbers are not figures.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from briefing.figures.numbers import parse_number, parse_value
from briefing.lang import LanguageProfile
from briefing.nlp import entities_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token


@functools.lru_cache(maxsize=8)
def longest_first(qualifiers: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(qualifiers, key=len, reverse=True))


@functools.lru_cache(maxsize=8)
def _split_qualifiers(qualifiers: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The qualifiers, longest first, each with its words."""
    return tuple((q, tuple(q.split())) for q in longest_first(qualifiers))


# A year ("2015", "the 1990s") or a span of years, a season or a financial year ("2022/23",
# "2019-20", "1995–2000"): when, not how many.
_YEAR = re.compile(r"(?:1[89]|20|21)\d\d(?:\s*[-/–]\s*(?:(?:1[89]|20|21)\d\d|\d\d))?(?:s|['’′]s)?")


def is_year(ent: Span) -> bool:
    return _YEAR.fullmatch(ent.text.strip()) is not None


def qualifier(ent: Span, lang: LanguageProfile) -> tuple[str | None, int]:
    """A qualifier written just before (or at the start of) the number: text and start index."""
    doc = ent.doc
    inside = ent.text.lower()
    for q in longest_first(lang.qualifiers):
        if inside.startswith(q + " "):
            return ent.text[:len(q)], ent.start
    split = _split_qualifiers(lang.qualifiers)
    longest = max((len(words) for _, words in split), default=0)
    before = tuple(t.lower_ for t in doc[max(0, ent.start - longest):ent.start])
    for q, words in split:
        n = len(words)
        if n <= len(before) and before[len(before) - n:] == words:
            return doc[ent.start - n:ent.start].text, ent.start - n
    # "rose to 5%", "fell by 2%", "reached 1,000"
    i = ent.start - 1
    if i >= 0 and doc[i].lower_ in ("to", "by") and i - 1 >= 0 and doc[i - 1].lemma_.lower() in lang.change_verbs:
        return doc[i - 1:ent.start].text, i - 1
    if i >= 0 and doc[i].lemma_.lower() in lang.change_verbs and doc[i].pos_ == "VERB":
        return doc[i].text, i
    return None, ent.start


# A dollar or another sign with the country's letters before it, split off its number by the
# tokenizer: "US$" "2,799", "C$" "25", "HK$" "5.4m".
_LETTERED_SIGN = re.compile(r"^[A-Z]{1,3}[$£€¥]$")


def is_currency_sign(token: Token) -> bool:
    """A currency sign: "$", "€", or one with letters, "US$", "C$"."""
    return token.is_currency or _LETTERED_SIGN.match(token.text) is not None


def _widen(ent: Span, lang: LanguageProfile) -> Span:
    """Take in a currency sign before and a multiplier after: "€" "250" "m" -> "€250m"."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > 0 and is_currency_sign(doc[start - 1]):
        start -= 1
    if end < len(doc) and doc[end].lower_.rstrip(".") in lang.multipliers and not doc[end - 1].whitespace_:
        end += 1
    # A temperature: "1.43" "°" "C" -> "1.43°C" (the recogniser stops before the scale's letter).
    if end < len(doc) and doc[end].text == "°" and not doc[end - 1].whitespace_:
        end += 1
    if end < len(doc) and doc[end - 1].text == "°" and not doc[end - 1].whitespace_ and doc[end].text in _SCALES:
        end += 1
    temperature = end - start > 2 and doc[end - 1].text in _SCALES and doc[end - 2].text == "°"
    if (start, end) == (ent.start, ent.end) and not temperature:
        return ent
    label = "MONEY" if is_currency_sign(doc[start]) or ent.label_ == "MONEY" else ent.label_
    label = "QUANTITY" if temperature else label
    return doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label=label) or ent


_SCALES = frozenset({"C", "F"})  # of temperature, after "°"
NOT_FIGURES = {"DATE", "TIME", "ORDINAL"}
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$", re.I)
# A number with its unit written on: "10kW", "155mph", "1.38pc", "50mL".
GLUED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(?!(?:am|pm|a\.m|p\.m|st|nd|rd|th|s)$)([a-zA-Zμ%][a-zA-Zμ/]*[23]?)$",
                   re.I)
# An amount with its currency written on ("RM2.70", "USD10m", "Y=5,182", "HK$5.4m") or a sign
# or approximation before it ("minus-5", "$-50.8bn", "~45", "sub-7").
_PREFIXED = re.compile(r"^(?P<prefix>[A-Z][A-Za-z]{0,2}\$?=?|minus-|sub-|now-|[~≈+]|[-−])"
                       r"(?P<number>\d[\d,]*(?:\.\d+)?)(?P<scale>[a-z]{1,3})?$")


def _is_currency_code(code: str) -> bool:
    import pycountry

    return len(code) == 3 and code.isupper() and pycountry.currencies.get(alpha_3=code) is not None


def _prefixed(token: Token, lang: LanguageProfile) -> re.Match | None:
    """A number with something written before it: a currency ("RM2.70", "PS8.1bn", "USD1700"),
    a sign ("-50.8bn", "minus-5") or an approximation ("~45"). Letters count as a currency only
    where the number reads as an amount, so "A4", "G20" and "M21" are not money."""
    match = _PREFIXED.match(token.text)
    if not match:
        return None
    prefix, number, scale = match.group("prefix", "number", "scale")
    if scale and scale not in lang.multipliers:
        return None
    if prefix[0].isupper():
        before = token.doc[token.i - 1] if token.i > 0 else None
        # A currency code glued to a number of one or two digits names a thing ("COP28", the
        # summit; COP is also Colombia's peso): glued amounts read "USD1700", "EUR2.5m", "USD10m".
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        scaled = after is not None and not token.whitespace_ and after.lower_.rstrip(".") in lang.multipliers
        coded = _is_currency_code(prefix) and (len(number) > 2 or scaled)  # "USD10" "m."
        if not ("," in number or "." in number or scale or prefix[-1] in "$=" or coded
                or (before is not None and is_currency_sign(before))):
            return None
    return match


def currency_prefix(token: Token, lang: LanguageProfile) -> str | None:
    """"RM" of "RM2.70", "US" of "US55,931,000"; None for a sign or no prefix."""
    match = _prefixed(token, lang)
    if match and match.group("prefix")[0].isupper():
        return match.group("prefix").rstrip("=")
    return None


_NUMERIC = re.compile(r"^[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[-–]\d[\d,]*(?:\.\d+)?)?$")


def _duration(ent: Span, lang: LanguageProfile) -> bool:
    """A DATE entity that is a length of time ("three years", "the past 18 months"), not a
    point in time ("2019", "June 3", "two years ago")."""
    lemmas = [t.lemma_.lower() for t in ent]
    doc = ent.doc
    nxt = doc[ent.end] if ent.end < len(doc) else None
    counted = any(t.like_num and t.i + 1 < len(doc) and doc[t.i + 1].lemma_.lower() in lang.time_units for t in ent)
    return counted and "ago" not in lemmas and not (nxt is not None and nxt.lower_ == "ago")


def _split_numbers(span: Span, lang: LanguageProfile) -> list[Span]:
    """Cut an entity holding two figures ("640bhp 5.2 litre") before the second number."""
    from spacy.tokens import Span as SpacySpan

    cuts = [span.start]
    for t in span[1:]:
        prev = t.doc[t.i - 1]
        signed = t.text[:1] in "+-−" and len(t) > 1 and prev.whitespace_ != ""  # "S&P 500 +0.3%"
        if _NUMERIC.match(t.text) and (signed or not (
                prev.like_num or prev.lower_ in lang.multipliers or is_currency_sign(prev)
                or prev.lower_ in ("to", "and", "-", "–", "or", "of"))):
            if any(_NUMERIC.match(x.text) or GLUED.match(x.text) or x.like_num for x in t.doc[cuts[-1]:t.i]):
                cuts.append(t.i)
    if len(cuts) == 1:
        return [span]
    bounds = cuts + [span.end]
    parts = [SpacySpan(span.doc, a, b, label=span.label_) for a, b in zip(bounds, bounds[1:])]
    # "FTSE 100 +0.4%": only the part with the sign is the percentage.
    return [SpacySpan(span.doc, p.start, p.end, label="CARDINAL")
            if p.label_ == "PERCENT" and _percent_end(p.doc, p.end - 1, p.end) is None else p for p in parts]


def _percent_end(doc, end: int, limit: int) -> int | None:
    """Where a percentage written after a number ends: "%", "percent", "per cent", "pc", with
    "points" after it ("1.6 percentage points")."""
    if end < limit and doc[end].lower_ in ("%", "percent", "pc", "percentage"):
        stop = end + 1
    elif end + 1 < limit and doc[end].lower_ == "per" and doc[end + 1].lower_ == "cent":
        stop = end + 2
    else:
        return None
    return stop + 1 if stop < limit and doc[stop].lower_ in ("point", "points") else stop


COMMON_WORD_ZIPF = 4.0  # a word at least this common (wordfreq's Zipf scale) is a word, not a unit


def names_a_thing(token: Token, lang: LanguageProfile) -> bool:
    """A number glued to a word written as a name: "7News", "3Com", "4Kids" (a channel, a firm).
    Units glued to numbers are abbreviations, not common words: "10Mbps", "5GHz"."""
    from wordfreq import zipf_frequency

    glued = GLUED.match(token.text)
    word = glued.group(2) if glued else ""
    return len(word) >= 3 and word.istitle() and zipf_frequency(word.lower(), lang.code) >= COMMON_WORD_ZIPF


def is_number(token: Token, lang: LanguageProfile) -> bool:
    """A token that holds a number: "5,200", "three", "10kW", "RM2.70", "minus-5"; not "3rd"."""
    if not token.like_num and not any(c.isdigit() for c in token.text):
        return False  # most words, asked first: the checks below are slower
    if ORDINAL.match(token.text) or names_a_thing(token, lang):
        return False
    return bool(GLUED.match(token.text) or _prefixed(token, lang)
                or ((token.pos_ == "NUM" or _NUMERIC.match(token.text)) and token.like_num))


def _date_part(token: Token, lang: LanguageProfile) -> bool:
    """A token of a date, time or ordinal ("3rd", "June 3", "2019"), which is not a figure. The
    recogniser also files amounts under DATE ("last year's $32280", "3687 mAh"): a number after
    a currency, with a unit written on, or too big for a day and not a year is a figure."""
    if token.ent_type_ == "ORDINAL":
        return bool(ORDINAL.match(token.text) or token.is_alpha)  # "5pc" is a percentage
    if token.ent_type_ not in ("DATE", "TIME") or not any(ch.isdigit() for ch in token.text):
        return token.ent_type_ in NOT_FIGURES
    doc = token.doc
    if (token.i > 0 and is_currency_sign(doc[token.i - 1])) or currency_prefix(token, lang) or GLUED.match(token.text):
        return False
    if not token.text.replace(",", "").isdigit():
        return True
    value = int(token.text.replace(",", ""))
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    unit_after = nxt is not None and nxt.is_alpha and nxt.pos_ in ("NOUN", "PROPN", "ADJ") \
        and nxt.lemma_.lower() not in lang.time_units and nxt.lower_ not in lang.days_and_months
    year = 1000 <= value <= 2100 and "," not in token.text
    return not ((value > 31 and not year) or (value > 31 and unit_after))


def number_spans(sent: Span, lang: LanguageProfile) -> list[Span]:
    """The figures of a sentence: number entities (durations among the dates), numbers the
    entity recogniser missed, and ranges ("5 to 10%", "between 3 and 4") joined into one."""
    from spacy.tokens import Span as SpacySpan

    doc = sent.doc
    spans: list[Span] = []
    for ent in entities_of(sent):
        if ent.label_ in ("DATE", "TIME") and _duration(ent, lang):
            spans.append(SpacySpan(doc, ent.start, ent.end, label="DURATION"))
        elif ent.label_ == "DATE" and re.fullmatch(r"\d{5,}|\d{1,3}(?:,\d{3})+", ent.text):
            spans.append(SpacySpan(doc, ent.start, ent.end, label="CARDINAL"))  # "2483805", not a date
        elif ent.label_ in lang.figure_labels and not any(names_a_thing(t, lang) for t in ent):
            spans.extend(_widen(part, lang) for part in _split_numbers(ent, lang))
    taken = {i for s in spans for i in range(s.start, s.end)} | {t.i for t in sent if _date_part(t, lang)}
    i = sent.start
    while i < sent.end:
        token = doc[i]
        if i in taken or not is_number(token, lang):
            i += 1
            continue
        end = i + 1
        while end < sent.end and end not in taken and (doc[end].like_num or doc[end].lower_ in lang.multipliers) \
                and doc[end].text[:1] not in "+-−":  # "S&P 500 +0.3%" is a name and a figure
            end += 1
        label = "MONEY" if currency_prefix(token, lang) else "CARDINAL"
        spans.append(_widen(SpacySpan(doc, i, end, label=label), lang))
        i = end
    # "%", "per cent" after a number, whether the model tagged it or this loop found it.
    spans = sorted((_with_percent(s, sent.end) for s in spans), key=lambda s: s.start)
    return _join_ranges(spans, lang)


def _with_percent(span: Span, limit: int) -> Span:
    """"19 per cent" where the entity stopped at "19"."""
    from spacy.tokens import Span as SpacySpan

    if span.label_ in ("CARDINAL", "PERCENT"):
        end = _percent_end(span.doc, span.end, limit)
        if end is not None:
            return SpacySpan(span.doc, span.start, end, label="PERCENT")
    last = span[-1].lower_
    glued = GLUED.match(span[-1].text)
    if span.label_ != "PERCENT" and (last in ("%", "percent", "pc") or span.text.lower().endswith("per cent")
                                     or (glued and glued.group(2).lower() in ("pc", "%"))):
        return SpacySpan(span.doc, span.start, span.end, label="PERCENT")
    return span


def _opens_with_from(span: Span, lang: LanguageProfile) -> bool:
    """"from 208", "from up to 252": the figure is the start of a move."""
    _, start = qualifier(span, lang)
    return span[0].lower_ == "from" or (start > 0 and span.doc[start - 1].lower_ == "from")


def _join_ranges(spans: list[Span], lang: LanguageProfile) -> list[Span]:
    """"1 to 1.5 degrees", "between 5 and 10 per cent", "from 252 miles to 287 miles" -> one
    figure; "rose by 2% to 5%" stays two (a change and a level)."""
    from spacy.tokens import Span as SpacySpan

    joined: list[Span] = []
    for span in spans:
        if joined:
            prev = joined[-1]
            doc = span.doc
            between = doc[prev.end:span.start]
            opener = doc[prev.start - 1].lower_ if prev.start > 0 else ""
            words = [t.lower_ for t in between]
            # "by $43.6bn to $419.2bn" and "rose 8% to 3.65" are a change and a level; "by 1 to
            # 1.5 degrees" and "from 208 pounds to 193" are ranges.
            bare = prev.label_ == "CARDINAL" and all(t.like_num or _NUMERIC.match(t.text) for t in prev)
            # "from 208 pounds to 193", "from $36,040 at 10.45pm to $34,935": a move from one to the other
            moved = _opens_with_from(prev, lang) and 0 < len(words) <= 6 and words[-1] == "to" \
                and not any(is_number(t, lang) and t.ent_type_ not in NOT_FIGURES for t in between)
            changed = opener == "by" or (prev.start > 0 and doc[prev.start - 1].lemma_.lower() in lang.change_verbs)
            already = span_value(prev, lang)
            is_range = (
                (words in (["to"], ["-"], ["–"]) and (bare or opener == "from" or not changed))
                or (words == ["and"] and opener == "between")
                or (words == ["or"] and bare)  # "three or four"
                or moved
            ) and (prev.label_ == span.label_ or prev.label_ == "CARDINAL" or (moved and span.label_ == "CARDINAL")) \
                and not (already is not None and already[0] != already[1])  # "from 5-7% to 3-5%"
            if is_range:
                label = span.label_ if span.label_ != "CARDINAL" else prev.label_
                joined[-1] = SpacySpan(doc, prev.start, span.end, label=label)
                continue
        joined.append(span)
    return joined


CONNECTORS = {"to", "-", "–", "and", "or"}


def span_value(span: Span, lang: LanguageProfile) -> tuple[float, float] | None:
    """(low, high) of a figure; a range has its two ends, "1 to 2 million" both in millions."""
    value = parse_value(span.text, lang)
    doc = span.doc
    moved = _opens_with_from(span, lang)
    connector = next((t.i for t in span if t.lower_ in CONNECTORS and span.start < t.i < span.end - 1
                      and (doc[t.i - 1].like_num or _NUMERIC.match(doc[t.i - 1].text)
                           or doc[t.i - 1].lower_ in lang.multipliers
                           or doc[t.i - 1].lower_ in ("%", "cent", "percent")
                           or (moved and (is_number(doc[t.i + 1], lang) or is_currency_sign(doc[t.i + 1]))))
                      and not (t.text in "-–" and not t.whitespace_ and doc[t.i + 1].is_alpha)), None)
    if connector is None or (value is not None and value[0] != value[1]):
        return value
    low = parse_number(doc[span.start:connector].text, lang)
    high = parse_number(doc[connector + 1:span.end].text, lang)
    if low is None or high is None:
        return value
    left_scale = any(t.lower_ in lang.multipliers for t in doc[span.start:connector])
    right_scale = next((lang.multipliers[t.lower_] for t in doc[connector + 1:span.end]
                        if t.lower_ in lang.multipliers), None)
    if right_scale and not left_scale and low * right_scale <= high:
        low *= right_scale  # "1 to 2 million"; not "$200,000 to $4 million"
    return low, high


NAME_ENTITIES = {"PERSON", "ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP", "LOC"}


def _address(span: Span, lang: LanguageProfile) -> bool:
    """A house number: a number followed by capitalised words that end in a street word ("49
    Zorro Ranch Road", "16-18 Industrial Avenue")."""
    doc = span.doc
    if not all(t.text.isdigit() or t.text in "-–" or _NUMERIC.match(t.text) for t in span):
        return False
    for token in doc[span.end:span.end + 4]:
        if not (token.text[:1].isupper() or ORDINAL.match(token.text)):
            return False
        if token.lower_.rstrip(".") in lang.street_words:
            return True
    return False


def hyphened_on(token: Token) -> bool:
    """Does a hyphen follow ``token`` with no space: "re" of "re-election", "six" of "six-inch"?"""
    doc = token.doc
    return not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text == "-"


def part_of_a_name(span: Span, lang: LanguageProfile) -> bool:
    """A number in a product, model or channel name ("iPhone 11", "787 Dreamliner", "BBC One")
    or an address, not a figure."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if _address(span, lang):
        return True
    if any(t.text == "&" for t in span) or (span.end < len(doc) and doc[span.end].text == "&"):
        return True  # "&" joins names, not amounts: "106 & Park", "Procter & Gamble"
    plain = all(t.text.isdigit() or t.is_alpha for t in span)
    if plain and all(t.ent_type_ in NAME_ENTITIES for t in span):
        return True
    if span.label_ not in ("CARDINAL",) or not all(t.text.isdigit() for t in span):
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.tag_ == "NNS" and span.text != "1":
        return False  # "a record 32 goals" counts goals
    if span.end < len(doc) and not span[-1].whitespace_ and doc[span.end].is_alpha:
        return False  # a unit written on: "64GB", "500mg"
    if before is not None and before.pos_ == "PROPN" and before.ent_type_ not in ("DATE", "TIME") \
            and before.text[:1].isalpha() and not before.is_sent_start:
        return True
    if before is not None and before.tag_ == "NN" and before.dep_ != "nsubj":
        return True  # "category 4 hurricane", "level 3"
    head = span.root.head
    return head.i >= span.end and head.tag_ == "NNP" and span.root.dep_ in ("nummod", "compound")


def pronoun_one(span: Span, lang: LanguageProfile) -> bool:
    """"one" standing for a thing ("the same one", "this one") or before the real number
    ("just one 52,000-barrel refinery")."""
    doc = span.doc
    if span[-1].lower_ != "one" or not all(t.is_alpha for t in span):
        return False
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    nxt = doc[span.end] if span.end < len(doc) else None
    return before in lang.pronoun_determiners or (nxt is not None and is_number(nxt, lang))
