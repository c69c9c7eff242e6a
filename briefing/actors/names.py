"""When two names are the same: spelling variants, surnames, declared aliases, countries.

Plain text in, plain answers out; used by the per-article mention finder and the
cross-article linker alike.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from briefing.facts import Mention
from briefing.lang import LanguageProfile


def _skeleton(word: str) -> str:
    """First letter plus consonants, doubled letters once: 'qassem' and 'qasem' -> 'qsm'."""
    rest = re.sub(r"[aeiouy]", "", word[1:])
    squeezed = re.sub(r"(.)\1+", r"\1", word[0] + rest)
    return squeezed


def same_word(a: str, b: str) -> bool:
    """Two spellings of one name word: equal, one edit apart (5+ letters), or same skeleton."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if not a or not b or a[0] != b[0]:
        return False
    if min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1:
        return True
    skeleton = _skeleton(a)
    return len(skeleton) >= 3 and skeleton == _skeleton(b)


def same_name(a: Sequence[str], b: Sequence[str]) -> bool:
    return len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b))


def same_person(a: Sequence[str], b: Sequence[str]) -> bool:
    """The same name, or the same first and last names with middle names given in one only
    ("Owen John Dempsey", "Owen Dempsey")."""
    if same_name(a, b):
        return True
    short, full = sorted((a, b), key=len)
    if len(short) < 2 or len(full) <= len(short) or not (same_word(short[0], full[0]) and same_word(short[-1], full[-1])):
        return False
    inner = iter(full[1:-1])
    return all(any(same_word(word, other) for other in inner) for word in short[1:-1])


def defined_things(text: str) -> set[str]:
    """Acronyms the text defines for a thing, not a name: "hypersensitivity pneumonitis (HP)"
    (the words before it are lower case and their initials spell it)."""
    things = set()
    for match in _ACRONYM_PAIR.finditer(text):
        acronym = match.group(1)
        letters = [c.lower() for c in acronym if c.isalpha()]
        before = re.findall(r"[\w'’-]+", text[max(0, match.start() - 120):match.start()])[-len(letters):]
        if len(before) == len(letters) and all(w[0].islower() for w in before) \
                and [w[0] for w in before] == letters:
            things.add(acronym)
    return things


def is_suffix(short: Sequence[str], full: Sequence[str]) -> bool:
    """``short`` is the last words of ``full`` ("Johnson" of "Boris Johnson")."""
    return 0 < len(short) < len(full) and same_name(short, full[len(full) - len(short):])


_ACRONYM_PAIR = re.compile(r"\(\s?([A-Z][A-Za-z&]{1,7})\s?\)")  # "(KDP)", tokenised text "( KDP )"


@functools.lru_cache(maxsize=8)
def _alias_patterns(lang: LanguageProfile) -> tuple[re.Pattern, re.Pattern]:
    alias = re.compile(rf"[(\[]\s*(?:{lang.alias_markers})\s+(?:the\s+)?([^)\]]+?)\s*[)\]]", re.I)
    editorial = re.compile(r"\[\s*the\s+([A-Z][^\]]+?)\s*\]")
    return alias, editorial


def alias_pairs(text: str, lang: LanguageProfile) -> list[tuple[str, str]]:
    """Names the text itself declares equal, lower-cased.

    "Islamic State (IS)" (initials spell the acronym), "Daesh (also known as IS)",
    and the editorial bracket "Daesh [the Islamic State group]".
    """
    pairs: list[tuple[str, str]] = []
    linkers = lang.name_linkers
    for match in _ACRONYM_PAIR.finditer(text):
        acronym = match.group(1)
        letters = [c for c in acronym if c.isupper()]
        before = re.findall(r"[\w'’-]+", text[max(0, match.start() - 120):match.start()])
        # Walk back over the words before the bracket until their initials spell the acronym.
        initials: list[str] = []
        words: list[str] = []
        for word in reversed(before):
            if word[0].isupper():
                initials.insert(0, word[0])
            elif word.lower() not in linkers:
                break
            words.insert(0, word)
            if initials == letters:
                while words and words[0].lower() in linkers:
                    words.pop(0)
                pairs.append((acronym.lower(), " ".join(words).lower()))
                break
            if len(initials) >= len(letters):
                break
    for pattern in _alias_patterns(lang):
        for match in pattern.finditer(text):
            before = re.findall(r"[\w'’-]+", text[max(0, match.start() - 60):match.start()])
            if before and before[-1][0].isupper():
                pairs.append((before[-1].lower(), match.group(1).lower().strip()))
    return pairs


def is_calendar(words: Sequence[str], lang: LanguageProfile) -> bool:
    """A date or time of day, not a name: "July", "Oct.", "September 1996", "GMT" (the model
    sometimes takes "July" or "GMT" for an organisation)."""
    return all(w.lower().rstrip(".") in lang.calendar_words or w.isdigit() for w in words)


@functools.lru_cache(maxsize=4096)
def country_code(name: str, lang: LanguageProfile) -> str | None:
    """The ISO 3166 alpha-3 code of a country name ("Britain", "the UK" -> "GBR"), or None."""
    key = name.lower()
    if key in lang.country_aliases:
        return lang.country_aliases[key]
    if len(key) <= 3:  # two- and three-letter codes clash with acronyms ("IS", "NHS")
        return None
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return _nations().get(key)


@functools.lru_cache(maxsize=1)
def _nations() -> dict[str, str]:
    """The countries that are part of a state ("England", "Scotland", "Aruba": ISO 3166-2's
    subdivisions of type "Country"), by lower-cased name: a national side, a flag, a name
    written alone, these are countries to a reader."""
    import pycountry

    return {re.sub(r"\s*\[.*\]$", "", s.name).lower(): s.code for s in pycountry.subdivisions if s.type == "Country"}


def mention_key(m: Mention, lang: LanguageProfile) -> str:
    """What makes two mentions of an organisation or place the same: the name, or ISO code."""
    key = m.name.lower()
    if m.kind == "place":
        key = country_code(m.name, lang) or key
    return key


class UnionFind:
    """Which items are one: every set is known by its smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
