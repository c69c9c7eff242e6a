"""Key figures: each number with what it counts, e.g. "about 400 | British troops stationed in Iraq".

Numbers come from spaCy's CARDINAL, MONEY, PERCENT and QUANTITY entities (dates, times,
ordinals and years are not figures). What a number counts is read off the dependency
parse: the noun it modifies ("400 troops"), the noun after "of" ("thousands of people"),
or, for a bare number ("the US has 5,200"), the noun of the figure before it in the
sentence. Qualifiers ("about", "more than", "rose to") stay with the value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.models import Figure

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

    from briefing.nlp import AnalysedArticle

KINDS = {"CARDINAL": "count", "MONEY": "money", "PERCENT": "percent", "QUANTITY": "quantity"}

# Words before a number that make it approximate or a bound; kept with the value.
QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "as much as", "as few as", "an estimated", "some", "about", "around", "roughly", "nearly",
    "almost", "approximately", "over", "under", "just over", "just under", "close to", "upwards of",
    "estimated", "only", "just", "below", "above", "an average of", "a further", "another",
)
_QUALIFIERS_LONGEST_FIRST = sorted(QUALIFIERS, key=len, reverse=True)
# Verbs that report a change; "rose to 5%", "fell by 2%" keep the verb in the value.
CHANGE_VERBS = {
    "rise", "fall", "increase", "decrease", "drop", "climb", "jump", "grow", "surge", "plunge",
    "decline", "soar", "slump", "slip", "tumble", "reach", "cut", "raise", "lower", "double",
    "halve", "shrink", "expand", "dip", "edge", "gain", "lose",
}

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a dozen": 12, "dozen": 12, "half": 0.5, "a hundred": 100, "a thousand": 1000,
}
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
             "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
MULTIPLIERS = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
_NUMBER = re.compile(r"(?P<minus>minus[\s-]*|(?<![\w.])[-−])?(?P<number>\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)"
                     r"(?:[/⁄](?P<denominator>\d+)(?![\d/⁄]))?\s*(?P<scale>[a-z0-9]+)?", re.I)


# "thousands of people", "dozens of", "tens of millions": between one and ten of the unit.
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
         "billions": 1e9, "trillions": 1e12}
_RANGE = re.compile(r"^\s*(\D{0,3}?)(\d[\d,]*(?:\.\d+)?)\s*(?:-|–|to)\s*(\D{0,3}?)(\d[\d,]*(?:\.\d+)?)(.*)$", re.I)


def parse_value(text: str) -> tuple[float, float] | None:
    """The value of a figure as (low, high): "5,200" -> (5200, 5200), "5-10%" -> (5, 10),
    "1 to 1.5 degrees" -> (1, 1.5), "thousands" -> (1000, 10000), "tens of millions" ->
    (1e7, 1e8); None when there is no number."""
    lowered = text.lower().replace("−", "-").strip()
    words = re.findall(r"[a-z]+", lowered)
    if words and words[0] == "tens" and len(words) > 2 and words[2] in VAGUE:
        return VAGUE[words[2]] * 10, VAGUE[words[2]] * 100
    vague = [w for w in words if w in VAGUE]
    if vague and not re.search(r"\d", lowered) and not any(w in SMALL_NUMBERS for w in words):
        return VAGUE[vague[0]], VAGUE[vague[0]] * 10
    match = _RANGE.match(lowered)
    if match:
        tail = match.group(5)
        low = parse_number(match.group(2))
        high = parse_number(match.group(4) + tail)
        plain_high = parse_number(match.group(4))
        if low is not None and high is not None and plain_high:
            scale = high / plain_high
            # "1 to 2 million" shares the multiplier; "$200,000 to $4 million" does not.
            return (low * scale if low * scale <= high or low <= plain_high else low), high
    number = parse_number(lowered)
    return None if number is None else (number, number)


def parse_number(text: str) -> float | None:
    """The numeric value of "5,200", "5.2bn", "$3 million", "12%", "three", "twenty-five"."""
    lowered = text.lower().replace("−", "-")
    match = _NUMBER.search(lowered)
    if match:
        value = float(match.group("number").replace(",", ""))
        denominator = match.group("denominator")
        if denominator and 0 < value < int(denominator):
            value /= int(denominator)  # "1/16 of a pint"
        scale = (match.group("scale") or "").lower()
        if scale in MULTIPLIERS:
            value *= MULTIPLIERS[scale]  # "5.2bn", "4 million"
            words = lowered[match.end():].split()
        else:  # a scale word after a unit written on is not read: "32m2", "10kW"
            words = [] if scale else lowered[match.end():].split()
        for word in words:  # "4 hundred million"
            if word not in MULTIPLIERS or len(word) < 3:
                break
            value *= MULTIPLIERS[word]
        return -value if match.group("minus") else value
    words = re.findall(r"[a-z]+", lowered.replace("-", " "))
    total, current, found = 0.0, 0.0, False
    i = 0
    while i < len(words):
        pair = " ".join(words[i:i + 2])
        if pair in SMALL_NUMBERS:
            current += SMALL_NUMBERS[pair]
            found = True
            i += 2
            continue
        word = words[i]
        if word in FRACTIONS and found:
            current *= FRACTIONS[word]  # "two thirds"
        elif word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
            found = True
        elif word in MULTIPLIERS and len(word) > 2 and found:
            current = max(current, 1) * MULTIPLIERS[word]
            if MULTIPLIERS[word] >= 1e3:
                total, current = total + current, 0.0
        elif found and word != "and":
            break
        i += 1
    return total + current if found else None


def _is_year(ent: Span) -> bool:
    text = ent.text.strip()
    return bool(re.fullmatch(r"(1[89]|20|21)\d\d(?:s|['’′]s)?", text))


def _qualifier(ent: Span) -> tuple[str | None, int]:
    """A qualifier written just before (or at the start of) the number: text and start index."""
    doc = ent.doc
    inside = ent.text.lower()
    for q in _QUALIFIERS_LONGEST_FIRST:
        if inside.startswith(q + " "):
            return ent.text[:len(q)], ent.start
    for q in _QUALIFIERS_LONGEST_FIRST:
        n = len(q.split())
        start = ent.start - n
        if start >= 0 and doc[start:ent.start].text.lower() == q:
            return doc[start:ent.start].text, start
    # "rose to 5%", "fell by 2%", "reached 1,000"
    i = ent.start - 1
    if i >= 0 and doc[i].lower_ in ("to", "by") and i - 1 >= 0 and doc[i - 1].lemma_.lower() in CHANGE_VERBS:
        return doc[i - 1:ent.start].text, i - 1
    if i >= 0 and doc[i].lemma_.lower() in CHANGE_VERBS and doc[i].pos_ == "VERB":
        return doc[i].text, i
    return None, ent.start


def _phrase(tokens: Sequence[Token], limit: int = 12) -> str:
    tokens = sorted(set(tokens), key=lambda t: t.i)
    # Keep a contiguous run: a subtree with a gap would read oddly.
    run = [tokens[0]] if tokens else []
    for token in tokens[1:]:
        if token.i != run[-1].i + 1:
            break
        run.append(token)
    words = [t.text_with_ws for t in run[:limit]]
    return "".join(words).strip(" ,;:–-")


_SKIP_DEPS = {"det", "nummod", "quantmod", "advmod", "punct", "poss", "predet", "case"}


def _noun_phrase(noun: Token, number: Span) -> list[Token]:
    """The noun with its modifiers, without the number, determiners or relative clauses."""
    left = [t for t in noun.lefts if t.dep_ not in _SKIP_DEPS and t.i not in range(number.start, number.end)
            for t in t.subtree]
    right: list[Token] = []
    for child in noun.rights:
        if child.dep_ in ("prep", "acl", "amod", "compound") and child.i == (right[-1].i + 1 if right else noun.i + 1):
            right.extend(child.subtree)
        else:
            break
    return [t for t in left if t.i > number.end - 1 or t.i < number.start] + [noun] + right


def _predicate(noun: Token) -> list[Token]:
    """What the text says of a counted subject: "stationed in Iraq" for "troops are stationed in Iraq"."""
    verb = noun.head
    if noun.dep_ not in ("nsubjpass", "nsubj") or verb.pos_ not in ("VERB", "AUX"):
        return []
    if noun.dep_ == "nsubj" and verb.lemma_ == "be":
        return []
    tokens = [verb]
    for child in verb.rights:
        if child.dep_ in ("prep", "dobj", "attr", "acomp", "advmod", "xcomp", "agent", "prt"):
            tokens.extend(child.subtree)
            break
    if len(tokens) == 1 and noun.dep_ == "nsubj":
        return []  # "leaders said" adds nothing to "leaders"
    return tokens


def _measured(root: Token, kind: str | None = None) -> str:
    """What an amount of money, a percentage or a quantity is of.

    "a ransom of €40m" -> "ransom"; "raised its rate ... to 4.5%" -> "its main interest rate";
    "consumer prices rose 5.1%" -> "consumer prices"; else the verb and its object or phrase.
    """
    head = root.head
    if head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head.text
    named = _named_after(root) if kind == "money" else ""
    if named:
        return named
    verb = head
    # Compare positions: spaCy makes a new Token object on every access, so `is` never matches.
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return ""
    objects = [c for c in verb.rights if c.dep_ == "dobj" and c.i != root.i and root not in list(c.subtree)]
    if objects and root.dep_ != "dobj":
        return _phrase(list(objects[0].subtree), limit=8)
    subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        subject = _phrase(list(subjects[0].subtree), limit=8)
        return subject if root.dep_ != "dobj" else f"{subject} {verb.text}"
    preps = [c for c in verb.rights if c.dep_ == "prep" and c.i > root.i]
    # "adding about £90 a month to a typical repayment" -> "adding to a typical repayment"
    return f"{verb.text} {_phrase(list(preps[0].subtree), limit=7)}" if preps else verb.text


def _named_after(root: Token) -> str:
    """What an amount of money is, said right after it with "in": "€250m in emergency funding" ->
    "emergency funding", "$2bn in aid" -> "aid" (whether the parser hangs "in" on the amount or
    on the verb). Not a time or a place: "£5m in 2024", "$1bn in March", "£2m in London"."""
    doc = root.doc
    after = root.i + 1
    if after >= len(doc) or doc[after].lower_ != "in" or doc[after].dep_ != "prep":
        return ""
    objects = [c for c in doc[after].children if c.dep_ == "pobj"]
    if not objects or objects[0].pos_ != "NOUN" or objects[0].ent_type_:
        return ""
    noun = objects[0]
    return _phrase([t for t in noun.subtree if t.i > after and t.dep_ not in ("det", "poss", "case")
                    or t.i == noun.i], limit=6)


def _counted(ent: Span, previous: Token | None) -> tuple[str, Token | None]:
    """What the number counts, and the noun it counts (for the next elliptical number)."""
    root = ent.root
    head = root.head
    noun: Token | None = None
    if root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") and head.pos_ in ("NOUN", "PROPN") \
            and head.i >= ent.end:
        noun = head
    else:
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    noun = objects[0]
                break
    if noun is not None:
        words = _phrase(_noun_phrase(noun, ent))
        predicate = _phrase(_predicate(noun), limit=8)
        return (f"{words} {predicate}".strip() if predicate else words), noun
    if KINDS.get(ent.label_) != "count":
        return _measured(root, KINDS.get(ent.label_)), None
    if previous is not None and root.dep_ in ("dobj", "attr", "conj", "nsubj", "pobj"):
        # Ellipsis: "About 400 British troops are stationed in Iraq, while the US has 5,200."
        subjects = [c for c in head.lefts if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        owner = " ".join(t.text for t in subjects[0].subtree if t.dep_ != "det") if subjects else ""
        return f"{owner} {previous.text}".strip(), previous
    return "", None


def _widen(ent: Span) -> Span:
    """Take in a currency sign before and a multiplier after: "€" "250" "m" -> "€250m"."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > 0 and doc[start - 1].is_currency:
        start -= 1
    if end < len(doc) and doc[end].lower_.rstrip(".") in MULTIPLIERS and not doc[end - 1].whitespace_:
        end += 1
    if (start, end) == (ent.start, ent.end):
        return ent
    label = "MONEY" if doc[start].is_currency or ent.label_ == "MONEY" else ent.label_
    return doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label=label) or ent


NOT_FIGURES = {"DATE", "TIME", "ORDINAL"}
TIME_UNITS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century",
              "season"}
CURRENCY_SIGNS = {"$": "dollar", "us$": "dollar", "a$": "australian dollar", "c$": "canadian dollar",
                  "£": "pound", "€": "euro", "¥": "yen", "₹": "rupee", "₩": "won", "₽": "rouble", "₺": "lira",
                  "fr": "franc", "chf": "swiss franc", "usd": "dollar", "eur": "euro", "gbp": "pound"}
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$", re.I)
# A number with its unit written on: "10kW", "155mph", "1.38pc", "50mL".
_GLUED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(?!(?:am|pm|a\.m|p\.m|st|nd|rd|th|s)$)([a-zA-Zμ%][a-zA-Zμ/]*[23]?)$",
                    re.I)
# An amount with its currency written on ("RM2.70", "USD10m", "Y=5,182", "HK$5.4m") or a sign
# or approximation before it ("minus-5", "$-50.8bn", "~45", "sub-7").
_PREFIXED = re.compile(r"^(?P<prefix>[A-Z][A-Za-z]{0,2}\$?=?|minus-|sub-|now-|[~≈+]|[-−])"
                       r"(?P<number>\d[\d,]*(?:\.\d+)?)(?P<scale>[a-z]{1,3})?$")
_WORD_PREFIXES = ("minus-", "sub-", "now-")
_MONTHS_AND_DAYS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                    "january", "february", "march", "april", "june", "july", "august", "september", "october",
                    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                    "sunday"}


def _is_currency_code(code: str) -> bool:
    import pycountry

    return len(code) == 3 and code.isupper() and pycountry.currencies.get(alpha_3=code) is not None


def _prefixed(token: Token) -> re.Match | None:
    """A number with something written before it: a currency ("RM2.70", "PS8.1bn", "USD1700"),
    a sign ("-50.8bn", "minus-5") or an approximation ("~45"). Letters count as a currency only
    where the number reads as an amount, so "A4", "G20" and "M21" are not money."""
    match = _PREFIXED.match(token.text)
    if not match:
        return None
    prefix, number, scale = match.group("prefix", "number", "scale")
    if scale and scale not in MULTIPLIERS:
        return None
    if prefix[0].isupper():
        before = token.doc[token.i - 1] if token.i > 0 else None
        if not ("," in number or "." in number or scale or prefix[-1] in "$=" or _is_currency_code(prefix)
                or (before is not None and before.is_currency)):
            return None
    return match


def _currency_prefix(token: Token) -> str | None:
    """"RM" of "RM2.70", "US" of "US55,931,000"; None for a sign or no prefix."""
    match = _prefixed(token)
    if match and match.group("prefix")[0].isupper():
        return match.group("prefix").rstrip("=")
    return None
_NUMERIC = re.compile(r"^[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[-–]\d[\d,]*(?:\.\d+)?)?$")


def _duration(ent: Span) -> bool:
    """A DATE entity that is a length of time ("three years", "the past 18 months"), not a
    point in time ("2019", "June 3", "two years ago")."""
    lemmas = [t.lemma_.lower() for t in ent]
    doc = ent.doc
    nxt = doc[ent.end] if ent.end < len(doc) else None
    counted = any(t.like_num and t.i + 1 < len(doc) and doc[t.i + 1].lemma_.lower() in TIME_UNITS for t in ent)
    return counted and "ago" not in lemmas and not (nxt is not None and nxt.lower_ == "ago")


def _split_numbers(span: Span) -> list[Span]:
    """Cut an entity holding two figures ("640bhp 5.2 litre") before the second number."""
    from spacy.tokens import Span as SpacySpan

    cuts = [span.start]
    for t in span[1:]:
        prev = t.doc[t.i - 1]
        signed = t.text[:1] in "+-−" and len(t) > 1 and prev.whitespace_ != ""  # "S&P 500 +0.3%"
        if _NUMERIC.match(t.text) and (signed or not (
                prev.like_num or prev.lower_ in MULTIPLIERS or prev.is_currency
                or prev.lower_ in ("to", "and", "-", "–", "or", "of"))):
            if any(_NUMERIC.match(x.text) or _GLUED.match(x.text) or x.like_num for x in t.doc[cuts[-1]:t.i]):
                cuts.append(t.i)
    if len(cuts) == 1:
        return [span]
    bounds = cuts + [span.end]
    parts = [SpacySpan(span.doc, a, b, label=span.label_) for a, b in zip(bounds, bounds[1:])]
    # "FTSE 100 +0.4%": only the part with the sign is the percentage.
    return [SpacySpan(span.doc, p.start, p.end, label="CARDINAL")
            if p.label_ == "PERCENT" and _percent_end(p.doc, p.end - 1, p.end) is None else p for p in parts]


def _percent_end(doc, end: int, limit: int) -> int | None:
    """Where a percentage written after a number ends: "%", "percent", "per cent", "pc"."""
    if end < limit and doc[end].lower_ in ("%", "percent", "pc", "percentage"):
        return end + 1
    if end + 1 < limit and doc[end].lower_ == "per" and doc[end + 1].lower_ == "cent":
        return end + 2
    return None


def _is_number(token: Token) -> bool:
    """A token that holds a number: "5,200", "three", "10kW", "RM2.70", "minus-5"; not "3rd"."""
    if _ORDINAL.match(token.text):
        return False
    return bool(_GLUED.match(token.text) or _prefixed(token)
                or ((token.pos_ == "NUM" or _NUMERIC.match(token.text)) and token.like_num))


def _date_part(token: Token) -> bool:
    """A token of a date, time or ordinal ("3rd", "June 3", "2019"), which is not a figure. The
    recogniser also files amounts under DATE ("last year's $32280", "3687 mAh"): a number after
    a currency, with a unit written on, or too big for a day and not a year is a figure."""
    if token.ent_type_ == "ORDINAL":
        return bool(_ORDINAL.match(token.text) or token.is_alpha)  # "5pc" is a percentage
    if token.ent_type_ not in ("DATE", "TIME") or not any(ch.isdigit() for ch in token.text):
        return token.ent_type_ in NOT_FIGURES
    doc = token.doc
    if (token.i > 0 and doc[token.i - 1].is_currency) or _currency_prefix(token) or _GLUED.match(token.text):
        return False
    if not token.text.replace(",", "").isdigit():
        return True
    value = int(token.text.replace(",", ""))
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    unit_after = nxt is not None and nxt.is_alpha and nxt.pos_ in ("NOUN", "PROPN", "ADJ") \
        and nxt.lemma_.lower() not in TIME_UNITS and nxt.lower_ not in _MONTHS_AND_DAYS
    year = 1000 <= value <= 2100 and "," not in token.text
    return not ((value > 31 and not year) or (value > 31 and unit_after))


def _number_spans(sent: Span) -> list[Span]:
    """The figures of a sentence: number entities (durations among the dates), numbers the
    entity recogniser missed, and ranges ("5 to 10%", "between 3 and 4") joined into one."""
    from spacy.tokens import Span as SpacySpan

    doc = sent.doc
    spans: list[Span] = []
    for ent in sent.ents:
        if ent.label_ in ("DATE", "TIME") and _duration(ent):
            spans.append(SpacySpan(doc, ent.start, ent.end, label="DURATION"))
        elif ent.label_ == "DATE" and re.fullmatch(r"\d{5,}|\d{1,3}(?:,\d{3})+", ent.text):
            spans.append(SpacySpan(doc, ent.start, ent.end, label="CARDINAL"))  # "2483805", not a date
        elif ent.label_ in KINDS:
            spans.extend(_widen(part) for part in _split_numbers(ent))
    taken = {i for s in spans for i in range(s.start, s.end)} | {t.i for t in sent if _date_part(t)}
    i = sent.start
    while i < sent.end:
        token = doc[i]
        if i in taken or not _is_number(token):
            i += 1
            continue
        end = i + 1
        while end < sent.end and end not in taken and (doc[end].like_num or doc[end].lower_ in MULTIPLIERS) \
                and doc[end].text[:1] not in "+-−":  # "S&P 500 +0.3%" is a name and a figure
            end += 1
        label = "MONEY" if _currency_prefix(token) else "CARDINAL"
        spans.append(_widen(SpacySpan(doc, i, end, label=label)))
        i = end
    # "%", "per cent" after a number, whether the model tagged it or this loop found it.
    spans = sorted((_with_percent(s, sent.end) for s in spans), key=lambda s: s.start)
    return _join_ranges(spans)


def _with_percent(span: Span, limit: int) -> Span:
    """"19 per cent" where the entity stopped at "19"."""
    from spacy.tokens import Span as SpacySpan

    if span.label_ in ("CARDINAL", "PERCENT"):
        end = _percent_end(span.doc, span.end, limit)
        if end is not None:
            return SpacySpan(span.doc, span.start, end, label="PERCENT")
    last = span[-1].lower_
    glued = _GLUED.match(span[-1].text)
    if span.label_ != "PERCENT" and (last in ("%", "percent", "pc") or span.text.lower().endswith("per cent")
                                     or (glued and glued.group(2).lower() in ("pc", "%"))):
        return SpacySpan(span.doc, span.start, span.end, label="PERCENT")
    return span


def _opens_with_from(span: Span) -> bool:
    """"from 208", "from up to 252": the figure is the start of a move."""
    _, start = _qualifier(span)
    return span[0].lower_ == "from" or (start > 0 and span.doc[start - 1].lower_ == "from")


def _join_ranges(spans: list[Span]) -> list[Span]:
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
            moved = _opens_with_from(prev) and 0 < len(words) <= 6 and words[-1] == "to" \
                and not any(_is_number(t) and t.ent_type_ not in NOT_FIGURES for t in between)
            changed = opener == "by" or (prev.start > 0 and doc[prev.start - 1].lemma_.lower() in CHANGE_VERBS)
            already = _span_value(prev)
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


_CONNECTORS = {"to", "-", "–", "and", "or"}


def _span_value(span: Span) -> tuple[float, float] | None:
    """(low, high) of a figure; a range has its two ends, "1 to 2 million" both in millions."""
    value = parse_value(span.text)
    doc = span.doc
    moved = _opens_with_from(span)
    connector = next((t.i for t in span if t.lower_ in _CONNECTORS and span.start < t.i < span.end - 1
                      and (doc[t.i - 1].like_num or _NUMERIC.match(doc[t.i - 1].text)
                           or doc[t.i - 1].lower_ in MULTIPLIERS or doc[t.i - 1].lower_ in ("%", "cent", "percent")
                           or (moved and (_is_number(doc[t.i + 1]) or doc[t.i + 1].is_currency)))
                      and not (t.text in "-–" and not t.whitespace_ and doc[t.i + 1].is_alpha)), None)
    if connector is None or (value is not None and value[0] != value[1]):
        return value
    low = parse_number(doc[span.start:connector].text)
    high = parse_number(doc[connector + 1:span.end].text)
    if low is None or high is None:
        return value
    left_scale = any(t.lower_ in MULTIPLIERS for t in doc[span.start:connector])
    right_scale = next((MULTIPLIERS[t.lower_] for t in doc[connector + 1:span.end] if t.lower_ in MULTIPLIERS), None)
    if right_scale and not left_scale and low * right_scale <= high:
        low *= right_scale  # "1 to 2 million"; not "$200,000 to $4 million"
    return low, high


_QUALIFIER_WORDS = {w for q in QUALIFIERS for w in q.split()} | {"the", "a", "an", "past", "last", "next", "first"}


def _unit(span: Span, kind: str, noun: Token | None) -> str:
    """The unit of a figure: the currency of money, "percent", the unit of a quantity or a
    duration, else the lemma of the counted noun."""
    if kind == "percent":
        return "percent"
    glued = _GLUED.match(span[-1].text)
    if glued and glued.group(2).lower() not in MULTIPLIERS:
        return glued.group(2).lower()  # "10kW" -> "kw"
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if kind == "count" and nxt is not None and not span[-1].whitespace_ and nxt.is_alpha \
            and nxt.lower_ not in MULTIPLIERS:
        return nxt.lower_  # "80km/h" split by the tokenizer into "80" and "km"
    after = [t for t in span.doc[span.end:span.end + 4] if t.text != "-"]
    if kind == "count" and after and after[0].lemma_.lower() in TIME_UNITS:
        unit = after[0].lemma_.lower()  # "a 2,900-year-old site", "a 2,900 year-old skull"
        return f"{unit} old" if len(after) > 1 and after[1].lower_ == "old" else unit
    if kind == "count" and noun is None and after and after[0].is_alpha and after[0].pos_ in ("NOUN", "PROPN", "X") \
            and after[0].lower_ not in MULTIPLIERS:
        return after[0].lemma_.lower()  # "224 kW", "0.03 millimeter" the parser did not attach
    if kind == "money":
        for token in span:
            sign = CURRENCY_SIGNS.get(token.lower_)
            if sign:
                return sign
            prefix = _currency_prefix(token)
            if prefix:
                return CURRENCY_SIGNS.get(prefix.lower(), prefix.lower())  # "RM2.70" -> "rm"
        words = [t.lemma_.lower() for t in span if t.is_alpha and t.lower_ not in MULTIPLIERS
                 and t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.like_num and t.lower_ not in _QUALIFIER_WORDS]
        if words:
            return " ".join(words)
        return noun.lemma_.lower() if noun is not None else ""  # "2.2 billion users" taken for money
    if kind == "quantity":
        words = [t.lemma_.lower() for t in span if not t.like_num and t.lower_ not in MULTIPLIERS
                 and not t.is_punct and t.lower_ not in _QUALIFIER_WORDS and t.lower_ not in _CONNECTORS
                 and not _is_number(t) and t.lower_ != "minus"]
        if words:
            return " ".join(words)
    return noun.lemma_.lower() if noun is not None else ""


PRONOUN_DETERMINERS = {"same", "this", "that", "each", "every", "any", "no", "which", "another", "the", "other"}
NAME_ENTITIES = {"PERSON", "ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP", "LOC"}
# The last word of a street address ("49 Zorro Ranch Road", "16-18 Industrial Avenue").
STREET_WORDS = {"road", "rd", "street", "st", "avenue", "ave", "lane", "ln", "way", "drive", "boulevard", "blvd",
                "place", "square", "terrace", "crescent", "close", "court", "highway", "parade", "row", "walk"}


def _address(span: Span) -> bool:
    """A house number: a number followed by capitalised words that end in a street word."""
    doc = span.doc
    if not all(t.text.isdigit() or t.text in "-–" or _NUMERIC.match(t.text) for t in span):
        return False
    for token in doc[span.end:span.end + 4]:
        if not (token.text[:1].isupper() or _ORDINAL.match(token.text)):
            return False
        if token.lower_.rstrip(".") in STREET_WORDS:
            return True
    return False


def _part_of_a_name(span: Span) -> bool:
    """A number in a product, model or channel name ("iPhone 11", "787 Dreamliner", "BBC One")
    or an address, not a figure."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if _address(span):
        return True
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


def _pronoun_one(span: Span) -> bool:
    """"one" standing for a thing ("the same one", "this one") or before the real number
    ("just one 52,000-barrel refinery")."""
    doc = span.doc
    if span[-1].lower_ != "one" or not all(t.is_alpha for t in span):
        return False
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    nxt = doc[span.end] if span.end < len(doc) else None
    return before in PRONOUN_DETERMINERS or (nxt is not None and _is_number(nxt))


def figures_in(item: AnalysedArticle) -> list[Figure]:
    """Every figure of an article, in text order; ``minor`` marks the ones that say little
    alone (a bare number, "the three leaders" already introduced)."""
    doc = item.doc
    found: list[Figure] = []
    for sent in doc.sents:
        previous: Token | None = None
        for ent in _number_spans(sent):
            kind = "quantity" if ent.label_ == "DURATION" else KINDS.get(ent.label_)
            if kind is None or _is_year(ent) or _part_of_a_name(ent):
                continue
            before = doc[ent.start - 1] if ent.start > 0 else None
            if before is not None and before.text in ("No", "No.", "Number", "number"):
                continue  # "No 10" is an address, not a figure
            if _pronoun_one(ent):
                continue
            value_span = _span_value(ent)
            if value_span is None:
                continue
            qualifier, start = _qualifier(ent)
            if before is not None and before.lower_ in ("between", "from") and value_span[0] != value_span[1]:
                start = ent.start - 1
            value = doc[start:ent.end].text
            counts, noun = _counted(ent, previous)
            if noun is not None:
                previous = noun
            number, high = value_span
            minor = kind == "count" and (not counts or number == 1 or (
                before is not None and before.lower_ in ("the", "these", "those") and number < 10))
            found.append(Figure(
                value=value, counts=counts, sentence=sent.text.strip(), kind=kind, number=number,
                sources=[item.article.id], qualifier=qualifier.lower() if qualifier else None,
                unit=_unit(ent, kind, noun), number_high=high if high != number else None, minor=minor,
            ))
    return found


def _figure_key(figure: Figure) -> tuple:
    number = figure.number if figure.number is not None else figure.value.lower()
    return (figure.kind, number, figure.unit or figure.counts.lower())


def _score(figure: Figure) -> float:
    score = 3.0 * (len(figure.sources) - 1)
    if figure.unit in TIME_UNITS:
        score -= 1.0  # "over the last two months" is context more than a key figure
    elif figure.kind != "count":
        score += 1.5
    if any(ch.isdigit() for ch in figure.value):
        score += 1.0
    if figure.number is not None and figure.number < 10 and figure.kind == "count":
        score -= 1.0
    return score


def _merged(items: Sequence[AnalysedArticle]) -> list[Figure]:
    """The figures of articles on one story, best first; the same number of the same thing
    from several sources is one."""
    merged: dict[tuple, Figure] = {}
    for item in items:
        for figure in figures_in(item):
            if figure.minor:
                continue  # a bare number or a group already introduced says nothing in a brief
            key = _figure_key(figure)
            if key not in merged and figure.kind != "count":
                # "€40m" said of nothing in particular is the "ransom of €40m" of another source.
                key = next((k for k, f in merged.items() if k[:2] == key[:2] and not (f.unit and figure.unit)), key)
            if key in merged:
                known = merged[key]
                known.sources = sorted(set(known.sources) | set(figure.sources))
            else:
                merged[key] = figure
    ranked = sorted(enumerate(merged.values()), key=lambda p: (-_score(p[1]), p[0]))
    return [f for _, f in ranked]


def extract_figures(analysed: Sequence[AnalysedArticle], limit: int | None = None,
                    groups: Sequence[Sequence[int]] | None = None) -> list[Figure]:
    """The key figures, best first. Without ``groups`` all articles are one story. With
    ``groups`` (indices of ``analysed`` that report one story, best story first), figures merge
    only within a story ("two years" in unrelated stories is not one figure), and the table
    takes each story's best figure, then each one's second, ...; articles in no group are left
    out (stories already briefed)."""
    if groups is None:
        groups = [range(len(analysed))]
    per_story = [_merged([analysed[i] for i in group]) for group in groups]
    figures = [story[rank] for rank in range(max(map(len, per_story), default=0))
               for story in per_story if rank < len(story)]
    return figures[:limit] if limit is not None else figures
