"""The names of one article, from its spaCy parse: the per-article half of key actors.

Mentions come from spaCy's entities, titles stripped and roles read from the words before a
name ("Foreign Secretary Dominic Raab", "the caretaker prime minister, Adel Abdul Mahdi").
A name the model tagged once counts where it missed it later; place names that play ("Leeds
beat Hull", results tables) are teams. Within the article a shorter form of a name
("Johnson", "Mr Johnson", "Abdul Mahdi") joins the full name it is a suffix of (the nearest
one before it, when two people share a surname), and an acronym joins the long form the text
pairs it with ("Islamic State (IS)"): ``Mention.group`` says which mentions are one actor.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from briefing.actors.names import (UnionFind, alias_pairs, country_code, defined_things, is_calendar, is_suffix,
                                   mention_key, same_person)
from briefing.facts import Mention
from briefing.lang import LanguageProfile
from briefing.nlp import text_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_INITIAL_AND_NAME = re.compile(r"^[A-Z]\. [A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?$")  # "P. Simmons"
_BRACKETED = re.compile(r"\s*\(\s*([^()\n]{2,40}?)\s*\)")  # "( France )"
MIN_CAPITALS_WORDS = 3  # a line in capitals has this many words or more
MAX_FULL_NAME = 3  # words of a person's name the model may have mistyped ("Usain Bolt")


def _name_tokens(span: Span, lang: LanguageProfile) -> tuple[list[Token], list[Token]]:
    """Split a person span into leading title tokens and the name tokens."""
    tokens = [t for t in span if not t.is_punct or t.text in {"-", "'", "’"}]
    titles = []
    while tokens and (tokens[0].lower_.rstrip(".") in lang.honorifics or tokens[0].lower_ in lang.role_words):
        titles.append(tokens.pop(0))
    if len(tokens) > 1 and tokens[0].is_sent_start and tokens[0].tag_ in ("VBD", "VBG", "VBN", "RB"):
        tokens.pop(0)  # a verb or adverb capitalised by the sentence start: "Trailing Obama by ...", "Sometimes Simon"
    while len(tokens) > 1 and tokens[-1].tag_ == "POS":
        tokens.pop()  # the model's span may hold the possessive: "Rob Ramage's reputation"
    while len(tokens) > 1 and (tokens[-1].like_num or tokens[-1].text in "-–/"):
        tokens.pop()  # or a player's score: "D. Blenkiron 4-43"
    return titles, tokens


def _looks_like_name(tokens: Sequence[Token], lang: LanguageProfile) -> bool:
    """Reject title-case phrases that are not names ("Speaks To Iraq")."""
    if not tokens:
        return False
    for i, token in enumerate(tokens):
        word = token.text
        if token.like_num or any(ch.isdigit() for ch in word):
            return False
        if word.lower() in lang.name_particles:
            continue
        if not word[0].isupper():
            return False
        if i > 0 and token.is_stop and token.pos_ != "PROPN":  # "Speaks To Iraq", not "Theresa May"
            return False
    return True


def _is_score(token: Token) -> bool:
    """A number that is a score, a date or the first of a row of numbers, not part of a name:
    "Mexico 2-0", "Partizan 6 Becej 0" (a number then the next name, or the line's end), not
    "Radio 4" in a sentence."""
    if any(c.isalpha() for c in token.text):
        return False
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.i >= 2 and doc[token.i - 1].text in "-–" and doc[token.i - 2].like_num:
        return True  # the second half of "2-0"
    if nxt is None:
        return any(c in token.text for c in "-–/:.")
    if "\n" in nxt.text or nxt.text == "(" or (nxt.pos_ == "PROPN" and nxt.text[:1].isupper()):
        return True  # a row of results: the next name, a bracket, the line's end
    return any(c in token.text for c in "-–/:.") or nxt.like_num or nxt.text in "-–"


def _clean_tokens(span: Span, lang: LanguageProfile) -> list[Token]:
    """The tokens of an organisation or place name: no leading "the", no possessive or
    punctuation at the edges."""
    tokens = list(span)
    if tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    # Names end in a name word: not in punctuation, a score or date ("Mexico 2-0", "Lotte 5 4
    # 1") or a descriptor in lower case ("Interfax news agency", "Jiangsu province"); a number
    # that is part of the name stays ("Radio 4").
    while tokens and (tokens[-1].is_punct or tokens[-1].text in {"'s", "’s"} or tokens[-1].is_space
                      or _is_score(tokens[-1])
                      or (tokens[-1].text.islower() and tokens[-1].lower_ not in lang.name_particles)):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def _role_before(doc: Doc, start: int, titles: Sequence[Token], lang: LanguageProfile) -> str | None:
    """The role written just before a name: title words, or an appositive "role, Name"."""
    i = start - 1
    if i >= 1 and doc[i].text == ",":
        i -= 1  # "the caretaker prime minister, Adel Abdul Mahdi"
    words: list[Token] = []
    while i >= 0 and doc[i].sent == doc[start].sent:
        token = doc[i]
        if token.lower_ in lang.role_words or token.lower_.rstrip(".") in lang.honorifics:
            words.insert(0, token)
        elif token.ent_type_ in ("NORP", "GPE") and token.pos_ in ("ADJ", "PROPN") and words:
            words.insert(0, token)  # "Iraqi Prime Minister", "Iranian general"
        elif (words and token.pos_ == "PROPN" and token.text[:1].isupper()
              and token.ent_type_ not in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL")):
            words.insert(0, token)  # "Civil Protection chief", "Port Authority chief executive"
        else:
            break
        i -= 1
    words.extend(titles)
    while words and words[0].lower_ in {"the", "of", "and"}:
        words.pop(0)
    while words and words[-1].lower_ in {"of", "and", "the"}:
        words.pop()
    words = [w for w in words if w.lower_.rstrip(".") not in lang.honorifics]
    if not any(w.lower_ in lang.role_heads for w in words):
        return None
    return " ".join(w.text for w in words)


def _is_common_noun(word: str, text: str, lang: LanguageProfile) -> bool:
    """A capitalised word that is an everyday noun here: a known generic name, or one the
    same text also writes in lower case ("Agency head ..." beside "the agency")."""
    lower = word.lower()
    if lower in lang.generic_names:
        return True
    return lower != word and re.search(rf"\b{re.escape(lower)}s?\b", text) is not None


def _split_entities(ents: Iterable[Span]) -> list[Span]:
    """Entity spans cut where they cross a line break ("CALIFORNIA\n\nDETROIT"), and
    "World Health Organization (WHO" cut into the name and the bracketed acronym."""
    from spacy.tokens import Span as SpacySpan

    spans = []
    for ent in ents:
        pieces, start = [], ent.start
        for t in ent:
            spaced_dash = t.text in {"-", "–", "—", "--"} and t.whitespace_ and t.i > 0 and t.nbor(-1).whitespace_
            if t.is_space or spaced_dash or (t.text in "([" and t.i > ent.start):
                pieces.append((start, t.i))
                start = t.i + 1
        pieces.append((start, ent.end))
        for begin, end in pieces:
            inner = [i for i in range(begin, end) if not ent.doc[i].is_punct and not ent.doc[i].is_space]
            if inner:
                spans.append(SpacySpan(ent.doc, inner[0] if begin > ent.start else begin,
                                       inner[-1] + 1, label=ent.label_))
    return spans


def _name_word(token: Token, lang: LanguageProfile) -> bool:
    """A word that may be part of a person's name: a proper noun in title case that is no title
    or role ("Minister") and no other entity ("Friday")."""
    word = token.text
    return (token.pos_ == "PROPN" and word.isalpha() and word[0].isupper()
            and 2 * sum(c.isupper() for c in word) <= len(word)  # "McGrath", "Li"; not "GDRs"
            and token.lower_ not in lang.honorifics and token.lower_ not in lang.role_words)


def _whole_names(spans: list[Span], lang: LanguageProfile) -> list[Span]:
    """Person names the model cut in pieces made whole: "Bob" tagged a person and "Estes" left
    out, "Sopheak" tagged and "Hen" not. A person's one-word span takes in the name word right
    after it, or else right before it, on the same line, when that word is in no entity, is
    read as no other name anywhere in the text and is no common noun there."""
    from spacy.tokens import Span as SpacySpan

    if not spans:
        return spans
    doc = spans[0].doc
    entity = {t.i for ent in doc.ents for t in ent} | {i for span in spans for i in range(span.start, span.end)}
    # One sense per text: a word the model reads elsewhere as some other name ("Volgograd" a
    # place, beside "Rotor Volgograd") makes no person's name whole.
    other = {t.text for ent in doc.ents if lang.entity_kinds.get(ent.label_) != "person" for t in ent}

    def free(i: int) -> bool:
        return 0 <= i < len(doc) and i not in entity and _name_word(doc[i], lang) and doc[i].text not in other

    out = []
    for span in spans:
        words = [t for t in span if _name_word(t, lang)]
        if lang.entity_kinds.get(span.label_) == "person" and len(words) == 1 and words[0].text not in other:
            start, end = span.start, span.end
            if doc[end - 1] == words[0] and free(end) and words[0].whitespace_ == " ":
                end += 1  # "Bob" of "Bob Estes"; not after a score the span holds: "Brandt 6-4 6-2"
            elif (doc[start] == words[0] and free(start - 1) and doc[start - 1].whitespace_ == " "
                  and not _is_common_noun(doc[start - 1].text, text_of(doc), lang)):
                start -= 1  # "Sopheak" of "freed Hen Sopheak"; not "Captain Kowalski" beside "the captain"
            span = SpacySpan(doc, start, end, label=span.label_)
        out.append(span)
    return out


def _covered(doc: Doc, mentions: Sequence[Mention], labels: Iterable[str]) -> set[int]:
    """Indices of the tokens inside an entity of the wanted labels or a mention."""
    wanted = set(labels)
    covered = {t.i for ent in doc.ents if ent.label_ in wanted for t in ent}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    return covered


def _propagate(doc: Doc, found: list[Mention], labels: Iterable[str], lang: LanguageProfile) -> list[Mention]:
    """One sense per discourse: a name the model tagged once is the same actor where the
    model missed it later in the same text ("Alexander Lebed" ... "Lebed said"), and so is an
    acronym the text declares for it ("Kurdistan Democratic Party (KDP)")."""
    text = text_of(doc)
    names: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for m in found:
        names[m.words][m.kind] += 1
        if m.kind == "person" and len(m.words) > 1 and m.words[-1][:1].isupper():
            names[m.words[-1:]]["person"] += 1
    long_forms = {" ".join(m.words).lower(): m.kind for m in found}
    for short, long in alias_pairs(text, lang):
        if long in long_forms and len(short.split()) == 1:
            # as the text writes it, in capitals: "Intelligent Network (IN)" names no "in"
            written = (m.group() for m in re.finditer(rf"\b{re.escape(short)}\b", text, re.I))
            original = next((w for w in written if w[:1].isupper()), None)
            if original:
                names[(original,)][long_forms[long]] += 1
    # A name the model read as a number more often than as a name is a number here: "5GHz"
    # tagged an organisation once and a cardinal 23 times.
    numbers = Counter(tuple(t.text for t in ent) for ent in doc.ents if ent.label_ in lang.figure_labels)
    numeric = {words for words, kinds in names.items() if numbers[words] > sum(kinds.values())}
    if numeric:
        found = [m for m in found if m.words not in numeric]
        names = {words: kinds for words, kinds in names.items() if words not in numeric}
    if not names:
        return found
    longest = max(len(words) for words in names)
    covered = _covered(doc, found, labels)
    texts = [t.text for t in doc]  # read once: each Token is built anew on every access
    starts = {words[0] for words in names}
    added = []
    i = 0
    while i < len(texts):
        match = None
        if texts[i] in starts:
            for n in range(min(longest, len(texts) - i), 0, -1):
                words = tuple(texts[i:i + n])
                if words in names and not covered.intersection(range(i, i + n)):
                    match = n, words
                    break
        if match is None:
            i += 1
            continue
        n, words = match
        before = doc[i - 1] if i > 0 else None
        after = doc[i + n] if i + n < len(doc) else None
        # Next to another capitalised name word it is part of a different name ("Lebed Foundation").
        glued = (before is not None and before.text[:1].isupper() and before.pos_ == "PROPN"
                 and not before.is_sent_start) or (after is not None and after.text[:1].isupper()
                                                   and after.pos_ == "PROPN")
        common = len(words) == 1 and _is_common_noun(words[0], text, lang)
        if not glued and not common:
            kind = names[words].most_common(1)[0][0]
            added.append(Mention(kind, words, doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1])))
        i += n
    return sorted(found + added, key=lambda m: m.start) if added else found


def _name_span(tokens: Sequence[Token]) -> tuple[int, int]:
    """Character offsets of name tokens, without a trailing possessive."""
    last = tokens[-1]
    end = last.idx + len(_POSSESSIVE.sub("", last.text) or last.text)
    if last.text in {"'s", "’s", "'", "’"} and len(tokens) > 1:
        end = tokens[-2].idx + len(tokens[-2])
    return tokens[0].idx, end


def _plays_as_team(doc: Doc, m: Mention, lang: LanguageProfile) -> bool:
    """Whether a place name stands for a sports team here ("Leicestershire beat Somerset",
    "lost to Atlanta", "Essex v Kent"): the team is the actor, not the place."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if (before is not None and before.lower_ in lang.versus) or (after is not None and after.lower_ in lang.versus):
        return True
    root = span.root
    head = root.head
    if root.dep_ in ("nsubj", "dobj", "conj") and head.lemma_.lower() in lang.contest_verbs and head.pos_ == "VERB":
        return True
    if root.dep_ == "pobj" and head.lower_ in ("to", "against", "over", "with") \
            and head.head.lemma_.lower() in lang.contest_verbs:
        return True
    return False


_SCORE = re.compile(r"\d+(?:[-–]\d+)?(?:\.\d+)?|\.\d+")
_DATE_LIKE = re.compile(r"\d{4}-\d\d(?:-\d\d)?|\d{1,2}/\d{1,2}(?:/\d{2,4})?")


def _lines(doc: Doc) -> list[list[Token]]:
    lines: list[list[Token]] = [[]]
    for token in doc:
        if token.is_space and "\n" in token.text:
            lines.append([])
        else:
            lines[-1].append(token)
    return [line for line in lines if line]


def _scored_names(doc: Doc, text: str, line: list[Token]) -> tuple[list[Span], int, bool]:
    """The names in a line that a score follows, how many numbers follow the first, and
    whether the line starts with such a name."""
    runs: list[Span] = []
    numbers_after = 0
    leading = False
    i = 0
    while i < len(line):
        t = line[i]
        if not (t.text[:1].isupper() and (t.pos_ == "PROPN" or t.ent_type_) and not t.is_stop):
            i += 1
            continue
        j = i
        while j < len(line) and line[j].text[:1].isupper() and (line[j].pos_ == "PROPN" or line[j].ent_type_):
            j += 1
        rest = text[line[j].idx:line[-1].idx + len(line[-1])] if j < len(line) else ""
        if _SCORE.match(rest) and not _DATE_LIKE.match(rest):
            if not runs:
                numbers_after = sum(1 for t in line[j:] if _SCORE.fullmatch(t.text))
                leading = all(not x.is_alpha for x in line[:i])  # "1. Essex 20", "Essex 20"
            runs.append(doc[line[i].i:line[j - 1].i + 1])
        i = j + 1
    return runs, numbers_after, leading


def _results_rows(doc: Doc) -> list[Span]:
    """Names in results and standings lines ("Essex 532 and 16-0 ; Derbyshire 321",
    "Chicago 71 59 .546"): names followed by scores, two such names in a line, one name and
    three or more numbers, or a table of lines that each start with a name and a score.
    Names listed with scores are competitors."""
    text = text_of(doc)
    rows = [_scored_names(doc, text, line) for line in _lines(doc)]
    spans: list[Span] = []
    for k, (runs, numbers_after, leading) in enumerate(rows):
        in_table = leading and any(0 <= n < len(rows) and rows[n][2] for n in (k - 1, k + 1))
        if len(runs) >= 2 or (runs and (numbers_after >= 3 or in_table)):
            spans.extend(runs)
    return spans


# What ends a wire dateline after its credit: "LONDON (Reuters) -", "SAN'A, Yemen (AP) --".
_DATELINE_DASHES = frozenset({"-", "--", "—", "–", "_"})


def _credited(ent: Span, lang: LanguageProfile) -> bool:
    """Is the organisation named as where the news came from rather than as part of it? A wire
    credit in a dateline ("LONDON (Reuters) -"), "told Reuters", "according to AP", "the Times
    reported", the one asking in an interview ("AP: Why ...?")."""
    doc = ent.doc
    before = doc[max(ent.sent.start, ent.start - 4):ent.start].text.lower()
    if ent.start > ent.sent.start and doc[ent.start - 1].text == "(" and ent.end < len(doc) \
            and doc[ent.end].text == ")" and (ent.start - ent.sent.start <= 8 or (
                ent.end + 1 < len(doc) and doc[ent.end + 1].text in _DATELINE_DASHES)):
        return True  # "LONDON (Reuters) -", also after a headline the page ran into it
    if ent.end < len(doc) and doc[ent.end].text == ":" and (ent.start == 0 or "\n" in doc[ent.start - 1].text_with_ws):
        return True  # the interviewer's label in a transcript: "AP: Why did you write the book?"
    if any(before.endswith(cue) for cue in lang.credit_cues):
        return True
    root = ent.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in lang.report_verbs


def mentions_in(doc: Doc, labels: Iterable[str], lang: LanguageProfile, original: str | None = None) -> list[Mention]:
    """The actor mentions of one article, with titles stripped and roles read; each its own group
    (``link_within_article`` says which are one actor). ``original`` is the article as written,
    when the model read it with its lines in capitals put in ordinary case
    (``briefing.nlp.restore_case``)."""
    wanted = set(labels)
    text = text_of(doc)
    found = []
    for ent in _whole_names(_split_entities(doc.ents), lang):
        if ent.label_ not in wanted:
            continue
        kind = lang.entity_kinds[ent.label_]
        role = None
        titled = False
        gender = None
        if kind == "person":
            titles, tokens = _name_tokens(ent, lang)
            if not _looks_like_name(tokens, lang):
                continue
            words = tuple(w for w in (_POSSESSIVE.sub("", t.text) for t in tokens) if w)
            role = _role_before(doc, ent.start, titles, lang)
            before = doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
            titled = bool(role or titles or before in lang.honorifics)
            said = {lang.gendered_titles.get(word) for word in
                    [t.lower_.rstrip(".") for t in titles] + [before] + (role or "").lower().split()} - {None}
            gender = said.pop() if len(said) == 1 else None
        else:
            tokens = _clean_tokens(ent, lang)
            words = [t.text for t in tokens if not t.is_punct]
            if words:
                words[-1] = _POSSESSIVE.sub("", words[-1])
            words = tuple(w for w in words if w)
        if not words or not any(ch.isupper() for ch in "".join(words)):
            continue  # names have a capital somewhere ("eBay"); "van" or "el" alone is no name
        if len(words) == 1 and words[0].lower().rstrip(".") in lang.currency_signs:
            continue  # "Rs 25 lakh": a currency, not an organisation
        if kind != "person" and is_calendar(words, lang):
            continue  # a date, not an organisation or place (a person may be "May")
        if len(words) == 1 and ((kind != "person" and _is_common_noun(words[0], text, lang))
                                or (len(ent) == 1 and ent.root.pos_ == "NOUN")):
            continue  # the tagger reads a common noun ("Attendance : 2,000"), whatever the entity
        if kind != "place" and country_code(" ".join(words), lang):
            kind = "place"  # the model's "Belarus" as an organisation or "Benin" as a person
        elif kind == "organisation" and _INITIAL_AND_NAME.match(" ".join(words)):
            kind = "person"  # "P. Simmons": an initial and a family name is how people are written
        start, end = _name_span(tokens)
        found.append(Mention(kind, words, start, end, role, titled,
                             credit=kind == "organisation" and _credited(ent, lang),
                             gender=gender if kind == "person" else None))
    teams = {m.words for m in found if m.kind == "place" and not country_code(m.name, lang)
             and _plays_as_team(doc, m, lang)}
    people = {m.words for m in found if m.kind == "person"}
    listed = [span for span in _results_rows(doc)
              if not country_code(span.text, lang) and not is_calendar([t.text for t in span], lang)
              and span.text.lower().rstrip(".") not in lang.currency_signs]  # "Rs 25 lakh" is no score
    for span in listed:
        words = tuple(t.text for t in span)
        if words not in people and not any(w[-1:] == words[-1:] for w in people) \
                and not _INITIAL_AND_NAME.match(" ".join(words)):
            teams.add(words)
    found = [dataclasses.replace(m, kind="organisation", team=True) if m.words in teams else m for m in found]
    covered = _covered(doc, found, wanted)
    for span in listed:
        words = tuple(t.text for t in span)
        if covered.intersection(range(span.start, span.end)):
            continue
        if _INITIAL_AND_NAME.match(" ".join(words)):
            found.append(Mention("person", words, span.start_char, span.end_char))  # a player: "( P. Simmons 4-38 )"
        elif words in teams:
            found.append(Mention("organisation", words, span.start_char, span.end_char, team=True))
    # "Marion Clignet ( France ) 3:31.674", "beat Scott Draper (Australia)": a full name followed
    # by a country in brackets is a competitor and the country they stand for, a person.
    found = [dataclasses.replace(m, kind="person") if m.kind == "organisation" and len(m.words) > 1
             and _for_country(text, m.end, lang) else m for m in found]
    found.sort(key=lambda m: m.start)
    found = _propagate(doc, found, wanted, lang)
    # A word the article only ever writes as the first half of a hyphened word in lower case is a
    # piece of that word ("Blu-ray", "Wi-fi"), not an actor: a name used so ("US-led",
    # "Amazon-owned") is written alone too. (Of a longer name the model cut short, "Moon Jae" of
    # "Moon Jae-in", the rest still names someone.)
    alone = {m.words for m in found if len(m.words) > 1 or not _hyphened(text, m.end)}
    found = [m for m in found if m.words in alone]
    # In a line of capitals ("SOCCER - LEADING QUALIFIERS FOR VANCOUVER") the model has lost its
    # main clue, the capital letter that opens a name: what it tags there counts only when the
    # article writes the same name in an ordinary line too.
    written_as = original if original is not None and len(original) == len(text) else text
    shouted = [_in_capitals(written_as, m.start) for m in found]
    written = {m.name.lower() for m, caps in zip(found, shouted) if not caps}
    found = [m for m, caps in zip(found, shouted) if not caps or m.name.lower() in written]
    # A "he" or "she" that takes a name up tells a person's gender, and that a one-word name
    # without a title is a person (only such a name needs it: ``linking.actor_kind``).
    marked = []
    for m in found:
        alone = m.kind in ("person", "organisation") and len(m.words) == 1 and not m.titled
        if alone or (m.kind == "person" and m.gender is None):
            gender = _taken_up_as(doc, m, found)
            m = dataclasses.replace(m, pronoun=alone and gender is not None,
                                    gender=gender if m.kind == "person" else m.gender)
        marked.append(m)
    return [dataclasses.replace(m, group=i) for i, m in enumerate(marked)]


def _taken_up_as(doc: Doc, mention: Mention, found: Sequence[Mention]) -> str | None:
    """Is the name a subject that a "he" or "she" follows, in its sentence or the next, with no
    other person named in its sentence or before the pronoun? Then the text speaks of it as a person
    ("Mitchell won. He said ..."), and the pronoun's gender ("Masc", "Fem") is returned; a club
    or a firm the model took for one is "it" or "they" (None)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
        return None  # a pronoun takes up the subject: "... for the Flyers. He ..." is someone else
    sentence = span.sent
    end = doc[sentence.end].sent.end if sentence.end < len(doc) else sentence.end
    others = {m.start for m in found if m.kind == "person" and m.words != mention.words}
    for token in doc[sentence.start:end]:
        if span.start <= token.i < span.end:
            continue
        if token.idx in others or (token.ent_type_ == "PERSON" and token.text not in mention.words):
            return None  # someone else is named in the sentence or before the pronoun: it may be theirs
        if token.i < span.end:
            continue
        if token.pos_ == "PRON" and token.morph.get("Gender") in (["Masc"], ["Fem"]) \
                and token.morph.get("Person") == ["3"]:
            return token.morph.get("Gender")[0]
    return None


def _for_country(text: str, end: int, lang: LanguageProfile) -> bool:
    """Does a country in brackets follow ``end``: "( France )"?"""
    bracket = _BRACKETED.match(text, end)
    return bracket is not None and country_code(bracket.group(1), lang) is not None


def _in_capitals(text: str, start: int) -> bool:
    """Is the line around ``start`` written in capitals (three words or more)?"""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return _line_in_capitals(text[begin:end if end >= 0 else len(text)])


@functools.lru_cache(maxsize=256)
def _line_in_capitals(line: str) -> bool:
    # cached: every name of a paragraph asks about the same line
    letters = [c for c in line if c.isalpha()]
    if sum(1 for word in line.split() if any(c.isalpha() for c in word)) < MIN_CAPITALS_WORDS:
        return False
    return sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _hyphened(text: str, end: int) -> bool:
    return text[end:end + 1] == "-" and text[end + 1:end + 2].islower()


def link_within_article(mentions: Sequence[Mention], text: str, lang: LanguageProfile) -> list[Mention]:
    """The mentions of one article, each with the ``group`` of the actor it names there: short
    forms join full names, acronyms their long forms. A one-word name the model typed as a place
    or organisation that is the surname of a person named here becomes that person ("Lebed"
    tagged as a place is still Alexander Lebed)."""
    mentions = list(mentions)
    groups = UnionFind(len(mentions))
    by_key: dict[str, int] = {}
    # A surname two people of the article share ("Bobby Jindal", "Supriya Jindal") is not one
    # actor by its spelling: each "Jindal" goes to its nearest full name below.
    # Nor is a first name two of them open ("Bobby Jindal", "Bobby Flay").
    full_names = {m.words for m in mentions if m.kind == "person" and len(m.words) > 1}
    shared = {w for w in {n[-1] for n in full_names} if sum(n[-1] == w for n in full_names) > 1} | \
        {w for w in {n[0] for n in full_names} if sum(n[0] == w for n in full_names) > 1}
    for i, m in enumerate(mentions):
        if len(m.words) == 1 and m.words[0] in shared:
            continue
        key = mention_key(m, lang)
        if key in by_key:
            groups.union(by_key[key], i)
        else:
            by_key[key] = i
    # Declared aliases chain ("Islamic State (IS)" ... "Daesh (also known as IS)"), so join
    # the names of each chain, then every mention whose name is in it. An alias may carry a
    # generic tail the entity lacks: "the Islamic State group".
    names = UnionFind(0)
    index: dict[str, int] = {}
    for pair in alias_pairs(text, lang):
        ids = [index.setdefault(side, names.add()) for side in pair]
        names.union(*ids)
    chains: dict[int, list[int]] = defaultdict(list)
    for alias, i in index.items():
        # ... only a generic one: "Sydney Cricket Ground (SCG)" does not make "Sydney" the ground
        matched = [m for k, m in by_key.items() if k == alias or (
            alias.startswith(k + " ") and all(w in lang.generic_names for w in alias[len(k) + 1:].split()))]
        chains[names.find(i)].extend(matched)
    for members in chains.values():
        for j in members[1:]:
            groups.union(members[0], j)
    people = [i for i, m in enumerate(mentions) if m.kind == "person"]
    for a_i, a in enumerate(people):  # "Owen John Dempsey" and "Owen Dempsey"
        for b_i in people[a_i + 1:]:
            if len(mentions[a].words) != len(mentions[b_i].words) and same_person(mentions[a].words,
                                                                               mentions[b_i].words):
                groups.union(a, b_i)
    kinds = [m.kind for m in mentions]
    told: dict[tuple[str, ...], set[str]] = defaultdict(set)  # a name's genders as its mentions tell them
    for m in mentions:
        if m.gender:
            told[m.words].add(m.gender)
    for i, m in enumerate(mentions):
        # A short form joins the nearest longer name before it (else the first after it).
        # Organisations and places of one word may be a person's surname mis-tagged.
        if m.kind != "person" and len(m.words) > 1:
            continue
        longer = [j for j in people if is_suffix(m.words, mentions[j].words)]
        # Spelt as written beats a spelling variant: "Johnson" is Ruth Johnson's, not David
        # Johnston's, whichever was named nearer (a variant is for names written two ways).
        longer = [j for j in longer if mentions[j].words[-len(m.words):] == m.words] or longer
        if not longer and len(m.words) == 1:
            # A first name alone ("Bobby" of Bobby Jindal) is the person whose name it opens; of
            # two ("Bobby Flay" named once too) the nearest, as for a shared surname, if the
            # model read it as a person.
            opening = [j for j in people if len(mentions[j].words) > 1 and mentions[j].words[0] == m.words[0]]
            longer = opening if m.kind == "person" or len({mentions[j].words for j in opening}) == 1 else []
        if not longer and len(m.words) == 1 and m.kind == "person":
            # A surname read as a person, whose full name the model read as a place or an
            # organisation ("Usain Bolt" a place once, "Bolt" a person twelve times): one person.
            longer = [j for j, x in enumerate(mentions) if x.kind != "person" and 1 < len(x.words) <= MAX_FULL_NAME
                      and x.words[-1] == m.words[0]]
        # Nor a man's "Mr Okafor" or "he" the full name of a woman ("Grace Okafor ... She").
        longer = [j for j in longer if not (m.gender and told[mentions[j].words] - {m.gender})]
        if not longer:
            continue
        before = [j for j in longer if mentions[j].start < m.start]
        target = max(before, key=lambda j: mentions[j].start) if before else min(
            longer, key=lambda j: mentions[j].start)
        groups.union(target, i)
        kinds[i] = "person"
    return [dataclasses.replace(m, kind=kind, group=groups.find(i)) for i, (m, kind) in enumerate(zip(mentions, kinds))]


def article_mentions(doc: Doc, labels: Iterable[str], lang: LanguageProfile,
                     original: str | None = None) -> list[Mention]:
    """The actor mentions of one article, grouped into the actors they name there; not an
    acronym the article defines for a thing ("hypersensitivity pneumonitis (HP)")."""
    things = defined_things(text_of(doc))
    mentions = [m for m in mentions_in(doc, labels, lang, original) if m.name not in things]
    return link_within_article(mentions, text_of(doc), lang)
