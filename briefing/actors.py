"""Key actors: people, organisations and places named in the articles, aliases merged.

Mentions come from spaCy's entities. Within one article a shorter form of a name
("Johnson", "Mr Johnson", "Abdul Mahdi") joins the full name it is a suffix of (the
nearest one before it, when two people share a surname); an acronym joins the long form
the text pairs it with ("Islamic State (IS)"); countries are merged by ISO code
(pycountry). Across articles, full names join when every word matches up to spelling
variants ("Qasem"/"Qassem"). Roles are read from the words before a name ("Foreign
Secretary Dominic Raab", "the caretaker prime minister, Adel Abdul Mahdi").
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from briefing.config import ENTITY_KINDS
from briefing.models import Actor

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from briefing.nlp import AnalysedArticle

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
    "rev", "reverend", "hon",
}
# Words that make up a role or title in front of a name. A role needs one of ROLE_HEADS.
ROLE_HEADS = {
    "president", "minister", "premier", "secretary", "chancellor", "general", "gen", "admiral",
    "colonel", "col", "captain", "capt", "commander", "lieutenant", "lt", "major", "sergeant", "sgt",
    "officer", "chief", "leader", "head", "senator", "sen", "governor", "gov", "mayor", "king",
    "queen", "prince", "princess", "emperor", "pope", "ayatollah", "sheikh", "imam", "cardinal",
    "bishop", "archbishop", "judge", "justice", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "ceo", "chairman", "chairwoman", "chair", "director", "founder", "mp", "mep",
    "candidate", "representative", "rep", "congressman", "congresswoman", "speaker", "adviser",
    "advisor", "correspondent", "editor", "analyst", "coach", "manager", "striker",
}
ROLE_WORDS = ROLE_HEADS | {
    "prime", "foreign", "home", "defence", "defense", "interior", "finance", "health", "justice",
    "education", "trade", "state", "deputy", "vice", "shadow", "former", "ex", "caretaker", "acting",
    "interim", "supreme", "retired", "army", "military", "navy", "air", "force", "security",
    "national", "opposition", "party", "labour", "conservative", "democratic", "republican",
    "executive", "top", "senior", "elite", "leadership", "attorney", "crown",
    "of", "the", "and", "affairs", "first", "lady", "grand", "high", "commissioner",
    "commission", "economy", "energy", "transport", "environment", "culture", "cabinet",
}
# Lower-case words that belong inside a name ("Osama bin Laden", "Ursula von der Leyen").
NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "de", "del", "della", "der", "di", "da", "du",
                  "van", "von", "la", "le", "dos", "das", "y"}
# Short forms of countries that pycountry does not know by these names.
COUNTRY_ALIASES = {
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR",
    "us": "USA", "u.s.": "USA", "usa": "USA", "u.s.a.": "USA", "america": "USA",
    "united states of america": "USA", "russia": "RUS", "south korea": "KOR", "north korea": "PRK",
    "iran": "IRN", "syria": "SYR", "venezuela": "VEN", "vietnam": "VNM", "taiwan": "TWN",
    "bolivia": "BOL", "tanzania": "TZA", "laos": "LAO", "moldova": "MDA", "czech republic": "CZE",
    "uae": "ARE", "ivory coast": "CIV", "turkey": "TUR", "palestine": "PSE",
}

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ACRONYM_PAIR = re.compile(r"\(([A-Z][A-Za-z&]{1,7})\)")
_ALIAS_PAIR = re.compile(r"[(\[]\s*(?:also known as|aka|or|formerly)\s+(?:the\s+)?([^)\]]+?)\s*[)\]]", re.I)
_EDITORIAL_BRACKET = re.compile(r"\[\s*the\s+([A-Z][^\]]+?)\s*\]")
# One-word organisations and places that are usually common nouns ("the government").
GENERIC_NAMES = {"government", "parliament", "police", "army", "court", "council", "ministry",
                 "cabinet", "committee", "coalition", "commission", "embassy", "military", "navy",
                 "state", "senate", "opposition", "party", "union", "company", "group", "city"}


@dataclass
class Mention:
    article_id: int
    kind: str
    words: tuple[str, ...]  # the name without titles, possessives or a leading "the"
    start: int  # character offsets of the name (without titles) in the article text
    end: int
    role: str | None = None
    titled: bool = False  # a person named with an honorific ("Mr", "Dr") or a role

    @property
    def name(self) -> str:
        return " ".join(self.words)


# --- names ---------------------------------------------------------------------------------

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


def is_suffix(short: Sequence[str], full: Sequence[str]) -> bool:
    """``short`` is the last words of ``full`` ("Johnson" of "Boris Johnson")."""
    return 0 < len(short) < len(full) and same_name(short, full[len(full) - len(short):])


def _name_tokens(span: Span) -> tuple[list[Token], list[Token]]:
    """Split a person span into leading title tokens and the name tokens."""
    tokens = [t for t in span if not t.is_punct or t.text in {"-", "'", "’"}]
    titles = []
    while tokens and (tokens[0].lower_.rstrip(".") in HONORIFICS or tokens[0].lower_ in ROLE_WORDS):
        titles.append(tokens.pop(0))
    return titles, tokens


def _looks_like_name(tokens: Sequence[Token]) -> bool:
    """Reject title-case phrases that are not names ("Speaks To Iraq")."""
    if not tokens:
        return False
    for i, token in enumerate(tokens):
        word = token.text
        if token.like_num or any(ch.isdigit() for ch in word):
            return False
        if word.lower() in NAME_PARTICLES:
            continue
        if not word[0].isupper():
            return False
        if i > 0 and token.is_stop and token.pos_ != "PROPN":  # "Speaks To Iraq", not "Theresa May"
            return False
    return True


def _is_score(token: Token) -> bool:
    """A number that is a score, a date or the first of a row of numbers, not part of a name."""
    if any(c.isalpha() for c in token.text):
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return any(c in token.text for c in "-–/:.") or (nxt is not None and (nxt.like_num or nxt.text in "-–"))


def _clean_tokens(span: Span) -> list[Token]:
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
                      or (tokens[-1].text.islower() and tokens[-1].lower_ not in NAME_PARTICLES)):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def _role_before(doc: Doc, start: int, titles: Sequence[Token]) -> str | None:
    """The role written just before a name: title words, or an appositive "role, Name"."""
    i = start - 1
    if i >= 1 and doc[i].text == ",":
        i -= 1  # "the caretaker prime minister, Adel Abdul Mahdi"
    words: list[Token] = []
    while i >= 0 and doc[i].sent == doc[start].sent:
        token = doc[i]
        if token.lower_ in ROLE_WORDS or token.lower_.rstrip(".") in HONORIFICS:
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
    words = [w for w in words if w.lower_.rstrip(".") not in HONORIFICS]
    if not any(w.lower_ in ROLE_HEADS for w in words):
        return None
    return " ".join(w.text for w in words)


_LINKERS = {"of", "and", "for", "the", "de", "on", "in"}


def alias_pairs(text: str) -> list[tuple[str, str]]:
    """Names the text itself declares equal, lower-cased.

    "Islamic State (IS)" (initials spell the acronym), "Daesh (also known as IS)",
    and the editorial bracket "Daesh [the Islamic State group]".
    """
    pairs: list[tuple[str, str]] = []
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
            elif word.lower() not in _LINKERS:
                break
            words.insert(0, word)
            if initials == letters:
                while words and words[0].lower() in _LINKERS:
                    words.pop(0)
                pairs.append((acronym.lower(), " ".join(words).lower()))
                break
            if len(initials) >= len(letters):
                break
    for pattern in (_ALIAS_PAIR, _EDITORIAL_BRACKET):
        for match in pattern.finditer(text):
            before = re.findall(r"[\w'’-]+", text[max(0, match.start() - 60):match.start()])
            if before and before[-1][0].isupper():
                pairs.append((before[-1].lower(), match.group(1).lower().strip()))
    return pairs


# --- mentions ------------------------------------------------------------------------------

# Days, months and clock zones: the model sometimes takes "July" or "GMT" for an organisation.
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec "
    "gmt utc bst cet est pst".split())


def _is_calendar(words: Sequence[str]) -> bool:
    """A date or time of day, not a name: "July", "Oct.", "September 1996", "GMT"."""
    return all(w.lower().rstrip(".") in CALENDAR_WORDS or w.isdigit() for w in words)


def _is_common_noun(word: str, text: str) -> bool:
    """A capitalised word that is an everyday noun here: a known generic name, or one the
    same text also writes in lower case ("Agency head ..." beside "the agency")."""
    lower = word.lower()
    if lower in GENERIC_NAMES:
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


def _covered(doc: Doc, mentions: Sequence[Mention], labels: Iterable[str]) -> set[int]:
    """Indices of the tokens inside an entity of the wanted labels or a mention."""
    wanted = set(labels)
    covered = {t.i for ent in doc.ents if ent.label_ in wanted for t in ent}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    return covered


def _propagate(doc: Doc, found: list[Mention], article_id: int, labels: Iterable[str]) -> list[Mention]:
    """One sense per discourse: a name the model tagged once is the same actor where the
    model missed it later in the same text ("Alexander Lebed" ... "Lebed said"), and so is an
    acronym the text declares for it ("Kurdistan Democratic Party (KDP)")."""
    text = doc.text  # built from the tokens on every access: read it once
    names: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for m in found:
        names[m.words][m.kind] += 1
        if m.kind == "person" and len(m.words) > 1 and m.words[-1][:1].isupper():
            names[m.words[-1:]]["person"] += 1
    long_forms = {" ".join(m.words).lower(): m.kind for m in found}
    for short, long in alias_pairs(text):
        if long in long_forms and len(short.split()) == 1:
            original = re.search(rf"\b{re.escape(short)}\b", text, re.I)
            if original:
                names[(original.group(),)][long_forms[long]] += 1
    if not names:
        return found
    longest = max(len(words) for words in names)
    covered = _covered(doc, found, labels)
    added = []
    i = 0
    while i < len(doc):
        match = None
        for n in range(min(longest, len(doc) - i), 0, -1):
            words = tuple(t.text for t in doc[i:i + n])
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
        common = len(words) == 1 and _is_common_noun(words[0], text)
        if not glued and not common:
            kind = names[words].most_common(1)[0][0]
            added.append(Mention(article_id, kind, words, doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1])))
        i += n
    return sorted(found + added, key=lambda m: m.start) if added else found


def _name_span(tokens: Sequence[Token]) -> tuple[int, int]:
    """Character offsets of name tokens, without a trailing possessive."""
    last = tokens[-1]
    end = last.idx + len(_POSSESSIVE.sub("", last.text) or last.text)
    if last.text in {"'s", "’s", "'", "’"} and len(tokens) > 1:
        end = tokens[-2].idx + len(tokens[-2])
    return tokens[0].idx, end


# Verbs of a contest: a place that beats, draws with or loses to another is a team there.
CONTEST_VERBS = {"beat", "defeat", "draw", "lose", "thrash", "rout", "edge", "overcome", "eliminate",
                 "outplay", "upset", "trail", "dismiss", "bowl", "host", "face", "play", "tie"}
_VERSUS = {"v", "v.", "vs", "vs.", "versus"}


def _plays_as_team(doc: Doc, m: Mention) -> bool:
    """Whether a place name stands for a sports team here ("Leicestershire beat Somerset",
    "lost to Atlanta", "Essex v Kent"): the team is the actor, not the place."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if (before is not None and before.lower_ in _VERSUS) or (after is not None and after.lower_ in _VERSUS):
        return True
    root = span.root
    head = root.head
    if root.dep_ in ("nsubj", "dobj", "conj") and head.lemma_.lower() in CONTEST_VERBS and head.pos_ == "VERB":
        return True
    if root.dep_ == "pobj" and head.lower_ in ("to", "against", "over", "with") \
            and head.head.lemma_.lower() in CONTEST_VERBS:
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
    text = doc.text
    rows = [_scored_names(doc, text, line) for line in _lines(doc)]
    spans: list[Span] = []
    for k, (runs, numbers_after, leading) in enumerate(rows):
        in_table = leading and any(0 <= n < len(rows) and rows[n][2] for n in (k - 1, k + 1))
        if len(runs) >= 2 or (runs and (numbers_after >= 3 or in_table)):
            spans.extend(runs)
    return spans


def mentions_in(doc: Doc, article_id: int, labels: Iterable[str]) -> list[Mention]:
    """The actor mentions of one article, with titles stripped and roles read."""
    wanted = set(labels)
    text = doc.text
    found = []
    for ent in _split_entities(doc.ents):
        if ent.label_ not in wanted:
            continue
        kind = ENTITY_KINDS[ent.label_]
        role = None
        titled = False
        if kind == "person":
            titles, tokens = _name_tokens(ent)
            if not _looks_like_name(tokens):
                continue
            words = tuple(w for w in (_POSSESSIVE.sub("", t.text) for t in tokens) if w)
            role = _role_before(doc, ent.start, titles)
            before = doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
            titled = bool(role or titles or before in HONORIFICS)
        else:
            tokens = _clean_tokens(ent)
            words = [t.text for t in tokens if not t.is_punct]
            if words:
                words[-1] = _POSSESSIVE.sub("", words[-1])
            words = tuple(w for w in words if w)
        if not words or not any(ch.isupper() for ch in "".join(words)):
            continue  # names have a capital somewhere ("eBay"); "van" or "el" alone is no name
        if kind != "person" and _is_calendar(words):
            continue  # a date, not an organisation or place (a person may be "May")
        if len(words) == 1 and kind != "person" and (
                _is_common_noun(words[0], text) or (len(ent) == 1 and ent.root.pos_ == "NOUN")):
            continue
        if kind != "place" and _country_code(" ".join(words)):
            kind = "place"  # the model's "Belarus" as an organisation or "Benin" as a person
        start, end = _name_span(tokens)
        found.append(Mention(article_id, kind, words, start, end, role, titled))
    teams = {m.words for m in found if m.kind == "place" and not _country_code(m.name)
             and _plays_as_team(doc, m)}
    people = {m.words for m in found if m.kind == "person"}
    listed = [span for span in _results_rows(doc)
              if not _country_code(span.text) and not _is_calendar([t.text for t in span])]
    for span in listed:
        words = tuple(t.text for t in span)
        if words not in people and not any(w[-1:] == words[-1:] for w in people):
            teams.add(words)
    for m in found:
        if m.words in teams:
            m.kind = "organisation"
    covered = _covered(doc, found, wanted)
    for span in listed:
        words = tuple(t.text for t in span)
        if words in teams and not covered.intersection(range(span.start, span.end)):
            found.append(Mention(article_id, "organisation", words, span.start_char, span.end_char))
    found.sort(key=lambda m: m.start)
    return _propagate(doc, found, article_id, wanted)


@functools.lru_cache(maxsize=4096)
def _country_code(name: str) -> str | None:
    key = name.lower()
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    if len(key) <= 3:  # two- and three-letter codes clash with acronyms ("IS", "NHS")
        return None
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


class _UnionFind:
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


KIND_ORDER = ("person", "organisation", "place", "group")


def actor_kind(members: Iterable[Mention]) -> str:
    """The kind most mentions were tagged with; ties go to the more specific kind.

    News names a person in full at least once ("Boris Johnson", then "Johnson") or with a title
    ("Mr Johnson", "the president, Johnson"). A "person" only ever named in one word, with no
    title, is more often a firm, a club or a brand the model mistook ("Yukos", "Pernod"): an
    organisation."""
    members = list(members)
    votes = Counter(m.kind for m in members)
    kind = min(votes, key=lambda k: (-votes[k], KIND_ORDER.index(k)))
    if kind == "person" and all(len(m.words) == 1 and not m.titled for m in members if m.kind == "person"):
        return "organisation"
    return kind


def _key(m: Mention) -> str:
    """What makes two mentions of an organisation or place the same: the name, or ISO code."""
    key = m.name.lower()
    if m.kind == "place":
        key = _country_code(m.name) or key
    return key


def _link_within_article(mentions: list[Mention], text: str, uf: _UnionFind, offset: int) -> None:
    """Join short forms to full names, acronyms to long forms, in one article."""
    by_key: dict[str, int] = {}
    for i, m in enumerate(mentions):
        key = _key(m)
        if key in by_key:
            uf.union(offset + by_key[key], offset + i)
        else:
            by_key[key] = i
    # Declared aliases chain ("Islamic State (IS)" ... "Daesh (also known as IS)"), so join
    # the names of each chain, then every mention whose name is in it. An alias may carry a
    # generic tail the entity lacks: "the Islamic State group".
    names = _UnionFind(0)
    index: dict[str, int] = {}
    for pair in alias_pairs(text):
        ids = [index.setdefault(side, names.add()) for side in pair]
        names.union(*ids)
    chains: dict[int, list[int]] = defaultdict(list)
    for alias, i in index.items():
        matched = [m for k, m in by_key.items() if k == alias or alias.startswith(k + " ")]
        chains[names.find(i)].extend(matched)
    for members in chains.values():
        for j in members[1:]:
            uf.union(offset + members[0], offset + j)
    people = [i for i, m in enumerate(mentions) if m.kind == "person"]
    for i, m in enumerate(mentions):
        # A short form joins the nearest longer name before it (else the first after it).
        # Organisations and places of one word may be a person's surname mis-tagged.
        if m.kind != "person" and len(m.words) > 1:
            continue
        longer = [j for j in people if is_suffix(m.words, mentions[j].words)]
        if not longer:
            continue
        before = [j for j in longer if mentions[j].start < m.start]
        target = max(before, key=lambda j: mentions[j].start) if before else min(
            longer, key=lambda j: mentions[j].start)
        uf.union(offset + target, offset + i)
        m.kind = "person"  # "Lebed" tagged as a place is still Alexander Lebed


def _link_across_articles(mentions: list[Mention], uf: _UnionFind) -> None:
    """Join groups of different articles whose full names match up to spelling."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[uf.find(i)].append(i)
    heads = []
    for root, members in groups.items():
        longest = max((mentions[i].words for i in members), key=len)
        keys = {_key(mentions[i]) for i in members}
        heads.append((root, actor_kind(mentions[i] for i in members), longest, keys))
    for a in range(len(heads)):
        for b in range(a + 1, len(heads)):
            root_a, kind_a, name_a, keys_a = heads[a]
            root_b, kind_b, name_b, keys_b = heads[b]
            if "person" in (kind_a, kind_b):
                # Two people, or a person and the same full name mis-tagged as a place/org.
                if len(name_a) > 1 and len(name_b) > 1 and same_name(name_a, name_b):
                    uf.union(root_a, root_b)
            elif "person" not in (kind_a, kind_b) and keys_a & keys_b:
                uf.union(root_a, root_b)
    # A surname alone in one article joins a full name from another if only one fits.
    for root, kind, name, _ in heads:
        if kind != "person" or len(name) != 1:
            continue
        fits = {uf.find(r) for r, k, n, _ in heads if k == "person" and is_suffix(name, n)}
        if len(fits) == 1:
            uf.union(root, fits.pop())


def _display_name(members: Sequence[Mention], kind: str) -> str:
    """People by their fullest name, organisations by their longest form, places by the
    form used most; ties go to the most frequent, then the first seen."""
    counts = Counter(m.name for m in members)
    order = {name: i for i, name in reversed(list(enumerate(m.name for m in members)))}
    # A "person" taken for an organisation (see actor_kind) has no mention of that kind.
    candidates = [m.name for m in members if m.kind == kind] or [m.name for m in members]
    if kind == "person":
        most_words = max(len(n.split()) for n in candidates)
        candidates = [n for n in candidates if len(n.split()) == most_words]
    elif kind == "organisation":
        longest = max(len(n) for n in candidates)
        candidates = [n for n in candidates if len(n) == longest]
    return min(candidates, key=lambda n: (-counts[n], order[n]))


def link_mentions(analysed: Sequence[AnalysedArticle], labels: Iterable[str]) -> list[list[Mention]]:
    """The entity mentions of all articles, grouped into one list per actor."""
    labels = list(labels)
    mentions: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for item in analysed:
        found = mentions_in(item.doc, item.article.id, labels)
        spans.append((len(mentions), len(found)))
        mentions.extend(found)
    uf = _UnionFind(len(mentions))
    for item, (offset, count) in zip(analysed, spans):
        _link_within_article(mentions[offset:offset + count], item.doc.text, uf, offset)
    _link_across_articles(mentions, uf)
    groups: dict[int, list[Mention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[uf.find(i)].append(m)
    return list(groups.values())


def extract_actors(analysed: Sequence[AnalysedArticle], labels: Iterable[str],
                   per_kind: int | None = None) -> list[Actor]:
    """Merge the entity mentions of all articles into actors, most salient first,
    at most ``per_kind`` of each kind (people, organisations, places).

    Salience: mentions, plus a bonus for each further source, for a mention in a title and
    for a role given in the text.
    """
    titles = {item.article.id: item.article.title.lower() for item in analysed}
    actors = []
    for members in link_mentions(analysed, labels):
        kind = actor_kind(members)
        name = _display_name(members, kind)
        sources = sorted({m.article_id for m in members})
        aliases = sorted({m.name for m in members} - {name})
        roles = Counter(m.role for m in members if m.role)
        in_title = any(
            re.search(rf"\b{re.escape(alias.lower())}\b", titles[a])
            for a in sources for alias in {name, *aliases}
        )
        role = roles.most_common(1)[0][0] if roles else None
        score = (len(members) + 2.0 * (len(sources) - 1) + (2.0 if in_title else 0.0)
                 + (0.5 if role else 0.0))
        actors.append(Actor(
            name=name, kind=kind, mentions=len(members), aliases=aliases, sources=sources,
            role=role, score=score,
        ))
    actors.sort(key=lambda a: (-a.score, -a.mentions, a.name))
    if per_kind is None:
        return actors
    taken: Counter = Counter()
    kept = []
    for actor in actors:
        if taken[actor.kind] < per_kind:
            taken[actor.kind] += 1
            kept.append(actor)
    return kept
