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
MULTIPLIERS = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)\s*([a-z]+)?", re.I)


def parse_number(text: str) -> float | None:
    """The numeric value of "5,200", "5.2bn", "$3 million", "12%", "three", "twenty-five"."""
    lowered = text.lower().replace("−", "-")
    match = _NUMBER.search(lowered)
    if match:
        value = float(match.group(1).replace(",", ""))
        unit = (match.group(2) or "").lower()
        if unit in MULTIPLIERS:
            value *= MULTIPLIERS[unit]
        else:
            rest = lowered[match.end():].split()
            if rest and rest[0] in MULTIPLIERS and len(rest[0]) > 2:
                value *= MULTIPLIERS[rest[0]]
        return value
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
        if word in SMALL_NUMBERS:
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
    return bool(re.fullmatch(r"(1[89]|20|21)\d\d", text))


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


def _measured(root: Token) -> str:
    """What an amount of money, a percentage or a quantity is of.

    "a ransom of €40m" -> "ransom"; "raised its rate ... to 4.5%" -> "its main interest rate";
    "consumer prices rose 5.1%" -> "consumer prices"; else the verb and its object or phrase.
    """
    head = root.head
    if head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head.text
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
    return _phrase([verb] + (list(preps[0].subtree) if preps else []), limit=8)


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
        return _measured(root), None
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
    if end < len(doc) and doc[end].lower_ in MULTIPLIERS and not doc[end - 1].whitespace_:
        end += 1
    if (start, end) == (ent.start, ent.end):
        return ent
    label = "MONEY" if doc[start].is_currency or ent.label_ == "MONEY" else ent.label_
    return doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label=label) or ent


NOT_FIGURES = {"DATE", "TIME", "ORDINAL"}


def _number_spans(sent: Span) -> list[Span]:
    """The number entities of a sentence, plus numbers the entity recogniser missed."""
    from spacy.tokens import Span as SpacySpan

    spans = [_widen(ent) for ent in sent.ents]
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        token = doc[i]
        if (token.like_num or token.pos_ == "NUM") and not token.ent_type_ and any(c.isdigit() for c in token.text):
            end = i + 1
            while end < sent.end and (doc[end].like_num or doc[end].lower_ in MULTIPLIERS) and not doc[end].ent_type_:
                end += 1
            label = "PERCENT" if end < sent.end and doc[end].text in ("%", "percent", "per cent") else "CARDINAL"
            if label == "PERCENT":
                end += 1
            spans.append(_widen(SpacySpan(doc, i, end, label=label)))
            i = end
        else:
            i += 1
    return sorted((s for s in spans if s.label_ not in NOT_FIGURES), key=lambda s: s.start)


def figures_in(item: AnalysedArticle) -> list[Figure]:
    doc = item.doc
    found: list[Figure] = []
    for sent in doc.sents:
        previous: Token | None = None
        for ent in _number_spans(sent):
            kind = KINDS.get(ent.label_)
            if kind is None or _is_year(ent):
                continue
            before = doc[ent.start - 1] if ent.start > 0 else None
            if before is not None and before.text in ("No", "No.", "Number", "number"):
                continue  # "No 10" is an address, not a figure
            qualifier, start = _qualifier(ent)
            value = doc[start:ent.end].text
            counts, noun = _counted(ent, previous)
            if noun is not None:
                previous = noun
            number = parse_number(ent.text)
            if kind == "count" and not counts:
                continue  # a bare number with nothing to count says nothing in a brief
            if kind == "count" and before is not None and before.lower_ in ("the", "these", "those") \
                    and number is not None and number < 10:
                continue  # "the three leaders": a group already introduced, not a figure
            found.append(Figure(
                value=value, counts=counts, sentence=sent.text.strip(), kind=kind, number=number,
                sources=[item.article.id], qualifier=qualifier.lower() if qualifier else None,
                unit=noun.lemma_.lower() if noun is not None else "",
            ))
    return found


def _figure_key(figure: Figure) -> tuple:
    number = figure.number if figure.number is not None else figure.value.lower()
    return (figure.kind, number, figure.unit or figure.counts.lower())


def _score(figure: Figure) -> float:
    score = 3.0 * (len(figure.sources) - 1)
    if figure.kind != "count":
        score += 1.5
    if any(ch.isdigit() for ch in figure.value):
        score += 1.0
    if figure.number is not None and figure.number < 10 and figure.kind == "count":
        score -= 1.0
    return score


def extract_figures(analysed: Sequence[AnalysedArticle], limit: int | None = None) -> list[Figure]:
    """Figures of all articles; the same number of the same thing from several sources is one."""
    merged: dict[tuple, Figure] = {}
    for item in analysed:
        for figure in figures_in(item):
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
    figures = [f for _, f in ranked]
    return figures[:limit] if limit is not None else figures
