"""What a figure counts, read off the dependency parse, and its unit.

Part of the per-article stage. The noun a number modifies ("400 troops"), the noun after "of"
("thousands of people"), what an amount of money, a percentage or a quantity is of ("a
ransom of €40m", "consumer prices rose 5.1%"), or, for a bare number ("the US has 5,200"), the
noun of the figure before it in the sentence.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.figures.spans import CONNECTORS, GLUED, currency_prefix, hyphened_on, is_number
from briefing.lang import LanguageProfile

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token


def _phrase(tokens: Sequence[Token], limit: int = 12) -> str:
    tokens = sorted(set(tokens), key=lambda t: t.i)
    # Keep a contiguous run: a subtree with a gap would read oddly.
    run = [tokens[0]] if tokens else []
    for token in tokens[1:]:
        if token.i != run[-1].i + 1 or token.text in _ASIDE or (token.text == "-" and run[-1].whitespace_):
            break  # a gap, or an aside opens: "witnesses from that evening — including an officer"
        run.append(token)
    if len(run) > limit:  # cut short: end at its last noun, not mid-phrase ("... assassination in related")
        end = limit
        while end < len(run) and (hyphened_on(run[end - 1]) or (run[end - 1].text == "-" and not run[end - 1].whitespace_)):
            end += 1  # nor mid-word: "re-election", not "re"
        run = run[:end]
        while run and run[-1].pos_ not in ("NOUN", "PROPN", "NUM"):
            run.pop()
    while run and run[-1].pos_ in _DANGLING:
        run.pop()  # "the 43-year-old man from" ends with the phrase it lost
    if not any(t.pos_ in ("NOUN", "PROPN") for t in run):
        return ""  # "high", "now infamous", "roughly break": no thing is named
    words = [t.text_with_ws for t in run]
    return "".join(words).strip(" ,;:–-")


_DANGLING = {"ADP", "DET", "CCONJ", "SCONJ", "PART", "PUNCT", "AUX"}
_ASIDE = {"—", "–", "--", "(", "["}  # a dash or a bracket; a hyphen only with a space before it


_SKIP_DEPS = {"det", "nummod", "quantmod", "advmod", "punct", "poss", "predet", "case"}


def _noun_phrase(noun: Token, number: Span) -> list[Token]:
    """The noun with its modifiers, without the number, determiners or relative clauses."""
    left = [t for t in noun.lefts if t.dep_ not in _SKIP_DEPS and t.i not in range(number.start, number.end)
            for t in t.subtree]
    right: list[Token] = []
    for child in noun.rights:
        if child.lower_ == "than":
            break  # "24,000 more yes votes than Proposition 4": what it is compared with is not what it counts
        if child.dep_ in ("prep", "acl", "amod", "compound") and child.i == (right[-1].i + 1 if right else noun.i + 1):
            right.extend(child.subtree)
        else:
            break
    # Words before the number are the noun's too, but read apart from it: "a one-year, $10 million
    # contract" counts "contract", not "one-year".
    return [t for t in left if t.i > number.end - 1 or (t.i < number.start and noun.i < number.start)] + [noun] + right


def _predicate(noun: Token) -> list[Token]:
    """What the text says of a counted subject: "stationed in Iraq" for "troops are stationed in
    Iraq", "remain stuck at the terminal". Not what a verb does to an object: "(movie) had another
    disappointing night", "(cameras) captured the mangled car" are clauses, not what is counted."""
    verb = noun.head
    if noun.dep_ not in ("nsubjpass", "nsubj") or verb.pos_ not in ("VERB", "AUX"):
        return []
    if noun.dep_ == "nsubj" and verb.lemma_ == "be":
        return []
    tokens = [verb]
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr") and noun.dep_ == "nsubj":
            return []
        if child.dep_ in ("prep", "dobj", "attr", "acomp", "advmod", "xcomp", "agent", "prt"):
            tokens.extend(child.subtree)
            break
    if len(tokens) == 1 and noun.dep_ == "nsubj":
        return []  # "leaders said" adds nothing to "leaders"
    return tokens


def _measured(root: Token, kind: str | None, lang: LanguageProfile) -> str:
    """What an amount of money, a percentage or a quantity is of.

    "a ransom of €40m" -> "ransom"; "raised its rate ... to 4.5%" -> "its main interest rate";
    "consumer prices rose 5.1%" -> "consumer prices"; else the verb and its object or phrase.
    """
    head = root.head
    if head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        level = head.head
        if level.lower_ in _not_units(lang) and level.head.i != level.i:
            return _measured(level, kind, lang)  # "led by an average of 1.6 points": its own qualifier
        # "rose to a new high of 11.6%", "stood at a level of 2%": the level the subject reached
        # (not "demanded a ransom of €40m", "with a budget of $5m": the ransom, the budget).
        reached = level.dep_ == "pobj" and level.head.lower_ in ("to", "at") and level.head.head.pos_ == "VERB"
        subjects = [c for c in level.head.head.lefts if c.dep_ in ("nsubj", "nsubjpass")] if reached else []
        if subjects and subjects[0].pos_ != "PRON":
            return _phrase(list(subjects[0].subtree), limit=8)
        return level.text
    named = _named_after(root) if kind == "money" else ""
    if named:
        return named
    verb = head
    # Compare positions: spaCy makes a new Token object on every access, so `is` never matches.
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        if verb.pos_ == "ADJ" and verb.dep_ == "amod" and verb.head.pos_ == "NOUN":
            # "a screen larger than 7 inches", "the masks, worth ¥40,000": of the noun the
            # adjective describes
            inside = {t.i for t in verb.subtree}
            noun = verb.head
            return _phrase([t for t in noun.subtree if t.i not in inside
                            and not (t.dep_ in ("det", "poss") and t.head.i == noun.i)], limit=8)
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return ""
    if root.lemma_.lower() in lang.time_units and root.dep_ == "pobj" and head.head.i == verb.i \
            and head.lower_ in lang.lasting_words:
        # "for 10 days", "for 20 years": how long what the verb tells lasted, not its object or
        # subject ("making the phone my main one", not "the phone"; "trying to tie its future to
        # Europe", not "Ukraine").
        complements = [c for c in verb.rights if c.dep_ in ("dobj", "xcomp", "ccomp", "oprd", "attr")]
        if verb.pos_ == "VERB" and complements:
            return _phrase([verb, *(t for c in complements[:1] for t in c.subtree)], limit=10)
    objects = [c for c in verb.rights if c.dep_ == "dobj" and c.i != root.i and root not in list(c.subtree)]
    if objects and root.dep_ != "dobj":
        return _phrase(list(objects[0].subtree), limit=8)
    # Of two subjects the parser gives one verb, the nearer is its noun; the other a word it
    # split off the front ("Worldwide" of "Worldwide shipments ... dropped 9 percent").
    subjects = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")][::-1]
    if not subjects and verb.dep_ in ("advcl", "xcomp", "conj") and verb.lemma_.lower() in lang.change_verbs:
        # "test positivity has nearly doubled, increasing from 3.9 per cent to 5.8 per cent": a
        # change told by a clause without a subject is of the subject of the verb it hangs on
        subjects = [c for c in verb.head.lefts if c.dep_ in ("nsubj", "nsubjpass")][::-1]
    if subjects:
        # "consumer prices rose 5.1%": the subject is what is measured; not when the amount is
        # the verb's object ("The company paid $35m": "The company paid" is a clause, not what
        # the money is) or the subject a pronoun ("He was jailed for seven years"). An amount a
        # verb of change takes is still the subject's ("The index gained 40.2%", "Sales lost $2m").
        changed = verb.lemma_.lower() in lang.change_verbs
        if (root.dep_ == "dobj" and not changed) or subjects[0].pos_ == "PRON":
            return ""
        return _phrase(list(subjects[0].subtree), limit=8)
    preps = [c for c in verb.rights if c.dep_ == "prep" and c.i > root.i]
    # "adding about £90 a month to a typical repayment" -> "adding to a typical repayment": the
    # verb and the noun of its phrase, not a clause after it ("fined under new regulations",
    # not "... coming into force today"); not "be" ("are according to the model").
    if not preps or verb.pos_ != "VERB":
        return ""  # a verb alone ("break") says nothing of what the number is
    objects = [c for c in preps[0].children if c.dep_ == "pobj"]
    if not objects:
        return ""
    phrase = _phrase([preps[0]] + [t for left in objects[0].lefts for t in left.subtree] + [objects[0]], limit=7)
    return f"{verb.text} {phrase}" if phrase else ""


MAX_BRACKET_TOKENS = 8


def _named_after(root: Token) -> str:
    """What an amount of money is, said right after it with "in": "€250m in emergency funding" ->
    "emergency funding", "$2bn in aid" -> "aid" (whether the parser hangs "in" on the amount or
    on the verb), past a conversion in brackets between them. Not a time or a place: "£5m in
    2024", "$1bn in March", "£2m in London"."""
    doc = root.doc
    after = root.i + 1
    if after < len(doc) and doc[after].text == "(":
        # past the same amount in another currency: "€1.5 million ($2.5 million) in emergency aid"
        close = next((t.i for t in doc[after:after + MAX_BRACKET_TOKENS] if t.text == ")"), None)
        after = close + 1 if close is not None else after
    if after >= len(doc) or doc[after].lower_ != "in" or doc[after].dep_ != "prep":
        return ""
    objects = [c for c in doc[after].children if c.dep_ == "pobj"]
    if not objects or objects[0].pos_ != "NOUN" or objects[0].ent_type_:
        return ""
    noun = objects[0]
    return _phrase([t for t in noun.subtree if t.i > after and t.dep_ not in ("det", "poss", "case")
                    or t.i == noun.i], limit=6)


def counted(ent: Span, previous: Token | None, lang: LanguageProfile) -> tuple[str, Token | None]:
    """What the number counts, and the noun it counts (for the next elliptical number)."""
    root = ent.root
    head = root.head
    noun: Token | None = None
    if root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod") and head.pos_ in ("NOUN", "PROPN") \
            and head.i >= ent.end and not any(t.text in "([" for t in ent.doc[ent.end:head.i]):
        noun = head  # not across a bracket: "by 1.43°C (Copernicus Climate Change Service, 2023)"
    else:
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    noun = objects[0]
                break
    if noun is not None and noun.tag_ == "NN" and root.dep_ == "nummod" \
            and lang.figure_labels.get(ent.label_) == "count":
        # "10,500 film and TV writers": a number counts a plural; the singular noun the parser
        # gave it, joined to a plural or modifying one, is a modifier of that plural, as "TV" is.
        if noun.dep_ in ("compound", "nmod") and noun.head.tag_ == "NNS" and noun.head.i > noun.i \
                and any(c.dep_ == "cc" for c in noun.children):
            noun = noun.head
        plural = next((c for c in noun.rights if c.dep_ == "conj" and c.tag_ == "NNS"), None)
        if noun.tag_ == "NN" and plural is not None:
            return _phrase([*ent.doc[noun.i:plural.i], *_noun_phrase(plural, ent)]), plural  # _phrase sorts, dedups
    if noun is not None:
        words = _phrase(_noun_phrase(noun, ent))
        predicate = _phrase(_predicate(noun), limit=8)
        return (f"{words} {predicate}".strip() if predicate else words), noun
    if lang.figure_labels.get(ent.label_) != "count":
        return _measured(root, lang.figure_labels.get(ent.label_), lang), None
    if previous is not None and root.dep_ in ("dobj", "attr", "conj", "nsubj", "pobj"):
        # Ellipsis: "About 400 British troops are stationed in Iraq, while the US has 5,200."
        subjects = [c for c in head.lefts if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        owner = " ".join(t.text for t in subjects[0].subtree if t.dep_ != "det") if subjects else ""
        return f"{owner} {previous.text}".strip(), previous
    return "", None


@functools.lru_cache(maxsize=8)
def _not_units(lang: LanguageProfile) -> frozenset[str]:
    """Words next to a number that are never its unit: its qualifiers' words, "the", "last"."""
    return frozenset(w for q in lang.qualifiers for w in q.split()) | lang.unit_fillers


def unit_of(span: Span, kind: str, noun: Token | None, lang: LanguageProfile) -> str:
    """The unit of a figure: the currency of money, "percent", the unit of a quantity or a
    duration, else the lemma of the counted noun."""
    if kind == "percent":
        return "percent"
    if len(span) > 1 and span[-2].text == "°":
        return "°" + span[-1].text.lower()  # "1.43°C"
    glued = GLUED.match(span[-1].text)
    if glued and glued.group(2).lower() not in lang.multipliers:
        return glued.group(2).lower()  # "10kW" -> "kw"
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if kind == "count" and nxt is not None and not span[-1].whitespace_ and nxt.is_alpha \
            and nxt.lower_ not in lang.multipliers:
        return nxt.lower_  # "80km/h" split by the tokenizer into "80" and "km"
    after = [t for t in span.doc[span.end:span.end + 4] if t.text != "-"]
    if kind == "count" and after and after[0].lemma_.lower() in lang.time_units:
        unit = after[0].lemma_.lower()  # "a 2,900-year-old site", "a 2,900 year-old skull"
        return f"{unit} old" if len(after) > 1 and after[1].lower_ == "old" else unit
    if kind == "count" and noun is None and after and after[0].is_alpha and after[0].pos_ in ("NOUN", "PROPN", "X") \
            and after[0].lower_ not in lang.multipliers:
        return after[0].lemma_.lower()  # "224 kW", "0.03 millimeter" the parser did not attach
    if kind == "money":
        for token in span:
            sign = lang.currency_signs.get(token.lower_)
            if sign:
                return sign
            prefix = currency_prefix(token, lang)
            if prefix:
                return lang.currency_signs.get(prefix.lower(), prefix.lower())  # "RM2.70" -> "rm"
        words = [t.lemma_.lower() for t in span if t.is_alpha and t.lower_ not in lang.multipliers
                 and t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.like_num and t.lower_ not in _not_units(lang)]
        if words:
            return " ".join(words)
        return noun.lemma_.lower() if noun is not None else ""  # "2.2 billion users" taken for money
    if kind == "quantity":
        words = [t.lemma_.lower() for t in span if not t.like_num and t.lower_ not in lang.multipliers
                 and not t.is_punct and t.lower_ not in _not_units(lang) and t.lower_ not in CONNECTORS
                 and not is_number(t, lang) and t.lower_ != "minus"]
        if words:
            return " ".join(words)
    return noun.lemma_.lower() if noun is not None else ""
