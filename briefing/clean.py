"""Keep the story, drop the rest: ads, captions, prompts, repeats and headline lists.

The rules are general, about the shape of a line rather than its words: story text is
prose (sentences ending in punctuation); headlines, labels, slogans, bylines and lists of
other headlines are not. A few patterns catch what is prose-shaped but still not story:
photo captions and credits, newsletter and social prompts, lines that repeat. The
headline of a plain-text article is found among the non-prose lines above the body.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from briefing.lang import DEFAULT_LANGUAGE, LanguageProfile, profile
from briefing.models import Article, RawDocument, RemovedLine

ENGLISH = profile(DEFAULT_LANGUAGE)

# A sentence ends in . ! ? … (or : introducing a quote), perhaps followed by closing quotes.
_TERMINAL = re.compile(r"[.!?…:][\s\"'”’»«“)\]]*$")
_WORD = re.compile(r"[^\W_][\w'’.-]*", re.UNICODE)


@dataclass(frozen=True)
class Furniture:
    """The language's patterns of page furniture, compiled (``LanguageProfile``'s ``*_pattern``)."""

    caption: re.Pattern
    credit: re.Pattern
    byline: re.Pattern
    prompt_start: re.Pattern
    prompt_any: re.Pattern
    list_marker: re.Pattern
    reader_words: frozenset[str]
    self_reference: re.Pattern
    writer_words: frozenset[str]


@functools.lru_cache(maxsize=8)
def furniture(lang: LanguageProfile) -> Furniture:
    return Furniture(*(re.compile(pattern, re.I) for pattern in (
        lang.caption_pattern, lang.credit_pattern, lang.byline_pattern, lang.prompt_start_pattern,
        lang.prompt_any_pattern, lang.list_marker_pattern)), lang.reader_words,
        re.compile(lang.self_reference_pattern, re.I), lang.writer_words)


# Quoted speech: what someone said may speak to "you"; the page itself should not.
_QUOTED = re.compile(r"[\"“”«»„].*?(?:[\"“”«»]|$)")
SHORT_EXCLAMATION_WORDS = 8
_SPEAKER = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}:\s")  # "AP: ", "Maulvi Sahib: "
MIN_SPEAKER_LINES = 2


def speaks_to_reader(line: str, n_words: int, junk: Furniture, transcript: bool = True) -> bool:
    """A short line the page says to its reader, outside any quotation: "Submit your letter
    via this form.", "Please try again later.", "Thanks for signing up!". News reports; it does
    not address the reader or exclaim. In a ``transcript`` (lines that open with who speaks) a
    line after a speaker's name is that speaker's."""
    if n_words >= SHORT_PROMPT_WORDS or (transcript and _SPEAKER.match(line)):
        return False  # "AP: Did you ask him?": an interview's question is speech
    unquoted = _QUOTED.sub(" ", line)
    if any(w.lower() in junk.reader_words for w in words(unquoted)):
        return True
    return n_words < SHORT_EXCLAMATION_WORDS and unquoted.rstrip().endswith("!")


SHORT_PROMPT_WORDS = 25  # prompts and credits are short; a long sentence that names "newsletter" is story
# A paragraph about the article itself ("A version of this article appeared on page B3 ...", "...
# contributed to this report.") is a note; a story's paragraph may name "this report" in passing.
MAX_NOTE_WORDS = 45
MIN_STORY_WORDS = 3


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def is_prose(line: str) -> bool:
    """A line that reads as sentences: ends in sentence punctuation."""
    return bool(_TERMINAL.search(line))


# A long line of which nearly every word is capitalised, run on without the commas of a list, is
# a site's menu or a run of headlines ("Home U.S. World Politics Video Investigative Health ...
# Headlines India's Power Blackout: 600 Million Affected ..."): prose has its small words, and a
# list of names (a team's line-up, a box score) its commas and semicolons.
MENU_WORDS = 12
MENU_CAPITALS = 0.8


def _capitalised_share(line: str, capitals_count: bool = True) -> float:
    """The share of words that start with a capital; with ``capitals_count`` false, none for a
    line mostly in capitals (a wire story: its words are not title case)."""
    tokens = [w for w in words(line) if w[0].isalpha()]
    if not tokens or (not capitals_count and sum(w.isupper() for w in tokens) * 2 >= len(tokens)):
        return 0.0
    return sum(1 for w in tokens if w[0].isupper()) / len(tokens)


def is_title_case(line: str) -> bool:
    """Most words capitalised, as in a headline or a label."""
    return _capitalised_share(line) >= 0.7


# Trade marks say nothing to a reader, and the parser takes "Harmony® One ..." for two sentences.
_TRADE_MARKS = re.compile(r"[®™℠]")


def _normalise(line: str) -> str:
    return " ".join(_TRADE_MARKS.sub("", line).replace("\u00a0", " ").split())


def _doubled(lines: Sequence[str], keys: Sequence[str], counts: Counter) -> bool:
    """Does the page print its story twice (most of its sentences' words in lines that repeat),
    rather than repeat a caption or a pull quote here and there? ``keys`` are the lines' keys,
    ``counts`` how often each is printed."""
    prose = [(line, key) for line, key in zip(lines, keys) if is_prose(line)]
    total = sum(len(line.split()) for line, _ in prose)
    repeated = sum(len(line.split()) for line, key in prose if counts[key] > 1)
    return bool(total) and repeated >= DOUBLED_SHARE * total


# More of a page's sentences' words than this in repeated lines: the story is printed twice.
DOUBLED_SHARE = 0.5


def _key(line: str) -> str:
    return " ".join(words(line.lower()))


def _blocks(text: str) -> list[list[str]]:
    """Lines grouped into blocks separated by blank lines."""
    blocks: list[list[str]] = [[]]
    for raw in text.splitlines():
        line = _normalise(raw)
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _unwrapped(block: list[str]) -> list[str]:
    """The lines of a block, prose hard-wrapped at a fixed width joined back into one line. A
    block with lines that cannot be wrapped prose (a long one, a list item: "• Digg this story",
    "The opinions expressed in this release are ..." after a story wrapped at 80 characters,
    with no blank line between) is judged in parts between them, and a part must look wrapped
    at one width."""
    if not any(_unwrappable(line) for line in block):
        return [" ".join(block)] if _is_hard_wrapped(block) else block
    return [line for part in _wrapped_parts(block)
            for line in ([" ".join(part)] if _is_hard_wrapped(part) and _evenly_wrapped(part) else part)]


def _unwrappable(line: str) -> bool:
    return len(line) > MAX_WRAPPED_CHARS or _BULLET.match(line) is not None


def _wrapped_parts(block: list[str]) -> list[list[str]]:
    """A block cut before and after each line that cannot be a wrapped line of prose."""
    parts: list[list[str]] = [[]]
    for line in block:
        alone = _unwrappable(line)
        if alone and parts[-1]:
            parts.append([])
        parts[-1].append(line)
        if alone:
            parts.append([])
    return [part for part in parts if part]


MAX_WRAPPED_CHARS = 100  # a line of prose wrapped at a fixed width is no longer


def _evenly_wrapped(lines: list[str]) -> bool:
    """Lines cut at one width, as a hard wrap cuts them: most nearly as long as the longest (a
    menu's or a list's lines are as long as what they say)."""
    width = max(len(line) for line in lines)
    full = sum(len(line) >= EVEN_WRAP * width for line in lines[:-1])
    return len(lines) >= MIN_WRAPPED_LINES and full >= EVEN_WRAP * (len(lines) - 1)


EVEN_WRAP = 0.75  # of the longest line, most lines of a wrapped part are at least as long
MIN_WRAPPED_LINES = 5  # fewer short lines together are a headline, a byline and a time stamp
_BULLET = re.compile(r"^[•·▪►*-]\s")


def _is_hard_wrapped(block: list[str]) -> bool:
    """Prose wrapped at a fixed width: most lines stop mid-sentence and none is very long."""
    if len(block) < 2 or max(len(line) for line in block) > MAX_WRAPPED_CHARS:
        return False
    open_ended = sum(1 for line in block[:-1] if not is_prose(line))
    return open_ended >= (len(block) - 1) / 2 and not all(is_title_case(line) for line in block)


# Where one sentence ends and the next begins inside a line: . ! ? (and closing quotes), a
# space, then a capital, a digit or an opening quote.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9])")
MIN_HEAD_WORDS = 8


def _split_tail(line: str) -> list[str]:
    """A line of prose with a tail that is not a sentence, as two lines: an article given as
    one line often ends in a photo caption or credit ("... the Changing of the Guard"), and
    judged whole by its last word the story would go with it. Headlines ("Mr. Smith goes to
    Washington") have no sentence of MIN_HEAD_WORDS words before the tail and stay whole."""
    if is_prose(line):
        return [line]
    ends = list(_SENTENCE_END.finditer(line))
    if not ends:
        return [line]
    head, tail = line[:ends[-1].end()].rstrip(), line[ends[-1].end():]
    if len(words(head)) < MIN_HEAD_WORDS:
        return [line]
    return [head, tail]


def _split_head(line: str, junk: Furniture) -> list[str]:
    """A long line that opens with a prompt or a caption, as two lines: "Advertisement The
    harbour reopened ...", "Photo: Boats at the quay. The harbour reopened ...". Judged whole
    by its opening, the story would go with it."""
    if len(words(line)) < SHORT_PROMPT_WORDS:
        return [line]
    opening = junk.prompt_start.match(line) or junk.caption.match(line)
    if opening is None:
        return [line]
    label = line[:opening.end()].rstrip()
    if label[-1:] in ":|–-":
        # "Photo: ...": the caption runs to the end of its first sentence, if that is short.
        end = _SENTENCE_END.search(line, opening.end())
        if end is not None and len(words(line[:end.end()])) < SHORT_PROMPT_WORDS:
            return [line[:end.end()].rstrip(), line[end.end():]]
    rest = line[opening.end():].strip(" :|–-")
    return [label, rest] if rest[:1].isupper() else [line]


def _lines(text: str, junk: Furniture) -> list[str]:
    """The text as logical lines: hard-wrapped paragraphs are joined back together, and a
    prompt or caption run on before the first or after the last sentence of a line is a line
    of its own."""
    lines: list[str] = []
    for line in _joined(line for block in _blocks(text) for line in _unwrapped(block)):
        for item in _items(line):
            *opening, body = _split_head(item, junk)
            lines.extend([*opening, *_split_tail(body)])
    return lines


# Items a page runs together on one line: "Hot Topics: Olympics • Schedule • Video", "E-mail to a
# friend | Printable version". Each is judged alone.
_ITEM_SEPARATOR = re.compile(r"\s+[•|·]\s+")
MIN_ITEMS = 3


def _items(line: str) -> list[str]:
    items = [item for item in _ITEM_SEPARATOR.split(line) if item.strip()]
    return items if len(items) >= MIN_ITEMS else [line]


def _joined(lines: Iterable[str]) -> Iterator[str]:
    """Lines a page broke inside a sentence, joined again: a line that does not end a sentence
    and one that goes on in lower case ("... finished off their three-game road" / "trip with
    a visit to Ottawa ...") are one line."""
    pending = ""
    for line in lines:
        if pending and not is_prose(pending) and line[:1].islower():
            pending = f"{pending} {line}"
            continue
        if pending:
            yield pending
        pending = line
    if pending:
        yield pending


@dataclass
class Cleaned:
    title: str | None
    paragraphs: list[str]
    removed: list[RemovedLine]
    stamp: dt.date | None = None  # the day a line of only a date above the story gives


# A page's stamp has a date and perhaps a clock time, nothing else: "2008-01-15 20:04:13 -",
# "Tuesday, January 15, 2008", "15/01/2008 8:04 PM".
MAX_STAMP_WORDS = 8
_CLOCK = re.compile(r"^\d{1,2}(?:[:.]\d\d){1,2}(?:[ap]m)?$", re.I)
_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d\d\b")  # in a line: "6:41 p.m.", "20:04:13"


def _stamped(line: str) -> bool:
    """A headline in a list with the time it was posted after it: "Union might keep writers
    from Grammys 1/15/2008, 6:41 p.m."; a sentence ends before a date it gives."""
    if not _CLOCK_TIME.search(line):
        return False  # most lines: no clock time, no stamp
    words = line.split()
    for size in range(2, min(MAX_STAMP_WORDS, len(words) - 2) + 1):
        head, tail = " ".join(words[:-size]), " ".join(words[-size:])
        if head[-1:] not in ".!?:;,\"'”’)" and _CLOCK_TIME.search(tail) and date_stamp(tail) is not None:
            return True
    return False


def _without_opening_stamp(paragraph: str, lang: LanguageProfile) -> tuple[str, tuple[str, dt.date] | None]:
    """The first paragraph without the time it was posted, when the page ran that into it
    ("Saturday 12-Jan-2008 11:48 AM Was in development ..."), and the stamp with its day."""
    words = paragraph.split()
    if not _CLOCK_TIME.search(" ".join(words[:MAX_STAMP_WORDS])):
        return paragraph, None  # most paragraphs: no clock time at the start
    for size in range(min(MAX_STAMP_WORDS, len(words) - 1), 1, -1):
        head = " ".join(words[:size])
        if words[size][:1].isupper() and _CLOCK_TIME.search(head) and (day := date_stamp(head, lang)):
            return " ".join(words[size:]), (head, day)
    return paragraph, None


# How far into the first paragraph a byline run into it may reach before the wire dateline.
MAX_BYLINE_CHARS = 200


def _without_byline_before_dateline(paragraph: str, junk: Furniture) -> tuple[str, str | None]:
    """The first paragraph from its wire dateline on, when the page ran a byline and its stamp
    into it before that ("By JANE DOE, Wire Service Writer 42 minutes ago BERGEN, Norway - Port
    workers ..."), and what went; else the paragraph as it was. Only words that hold no
    sentence's end and have a byline's opening word go."""
    if _DATELINE.match(paragraph):
        return paragraph, None  # "By Dana Berg Jan. 11 (Wire) --" is a dateline whole
    found = _DATELINE_INSIDE.search(paragraph, 1, MAX_BYLINE_CHARS + 100)
    if found is None or found.start() > MAX_BYLINE_CHARS:
        return paragraph, None
    before = paragraph[:found.start()]
    if re.search(r"[.!?][\"”’)]*\s", before) or not any(
            junk.byline.match(before[word.start():]) for word in re.finditer(r"\S+", before)):
        return paragraph, None
    return paragraph[found.start():], before.strip()


def date_stamp(line: str, lang: LanguageProfile = ENGLISH) -> dt.date | None:
    """The day a line that is only a date (and perhaps its time) names, or None."""
    from briefing.actors.names import is_calendar
    from briefing.ingest import EARLIEST, LATEST, written_date

    tokens = re.findall(r"[^\W_]+(?:[:.][^\W_]+)*", line)
    if not tokens or len(tokens) > MAX_STAMP_WORDS or not any(len(t) == 4 and t.isdigit() for t in tokens):
        return None  # a stamp says its year
    words = [re.sub(r"^(\d+)(?:st|nd|rd|th)$", r"\1", t.lower()) for t in tokens]
    if not is_calendar([w for w in words if not (_CLOCK.match(w) or w.replace(".", "") in ("am", "pm"))], lang):
        return None  # days, months, zones and numbers, and clock times
    stripped = line.strip(" -–—|:,")
    try:
        day = dt.date.fromisoformat(stripped[:10])
    except ValueError:
        day = written_date(stripped, lang)
    return day if day is not None and EARLIEST <= day <= LATEST else None


# A teaser cut short by the page: "Can't we keep even Bharat Ratna above politic...".
_TRUNCATED = re.compile(r"[^\W\d_](?:\.\.\.|…)$|\s(?:\.\.\.|…)$")


def _noise_reason(line: str, n_words: int, junk: Furniture, transcript: bool = True) -> str | None:
    """Why a single line is not story text, judged on the line alone."""
    if _TRUNCATED.search(line) and n_words < SHORT_PROMPT_WORDS:
        return "a teaser cut short"
    if n_words < SHORT_PROMPT_WORDS and _stamped(line):
        return "a headline with its time stamp"
    if junk.caption.search(line) or (junk.credit.search(line) and n_words < SHORT_PROMPT_WORDS):
        return "caption or credit"
    if junk.prompt_start.search(line) or (junk.prompt_any.search(line) and n_words < SHORT_PROMPT_WORDS):
        return "prompt, link or notice"
    if junk.byline.search(line) and n_words < 12:
        return "byline or dateline"
    if speaks_to_reader(line, n_words, junk, transcript):
        return READER
    if n_words < MAX_NOTE_WORDS and junk.self_reference.search(_QUOTED.sub(" ", line)):
        return "a note about the article"
    if not is_prose(line):
        return NOT_A_SENTENCE
    if n_words >= MENU_WORDS and _capitalised_share(line, capitals_count=False) >= MENU_CAPITALS \
            and len(re.findall(r"[,;]", line)) * 6 < n_words:
        return "a menu or a run of headlines"
    if n_words < MIN_STORY_WORDS:
        return "too short"
    return None


# Markup or code the page let through as text: "<!-- InstanceBeginEditable name="date" -->".
_CODE = re.compile(r"[<>{}]")


_CAPITALS_TAIL = re.compile(r"(?:\s+[A-Z][A-Z.'’-]{2,})+$")


def without_dateline_tail(title: str, text: str) -> str:
    """``title`` without the place in capitals of a dateline the page ran into it ("... human-
    animal embryos LONDON"): words in capitals ending a headline in ordinary case, none of which
    the story writes so (an acronym it names, "... to join NATO", it writes again)."""
    tail = _CAPITALS_TAIL.search(title)
    if tail is None:
        return title
    head = title[:tail.start()]
    if len(head.split()) < MIN_HEADLINE_WORDS or not re.search(r"[a-z]", head) or head.isupper():
        return title
    if any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for word in tail.group().split()):
        return title
    return head


def _pick_headline(candidates: list[str], junk: Furniture) -> str | None:
    """The headline among the non-story lines above the body: nearest the body, 4+ words (words
    with letters: "2008-01-15 20:04:13" is a time stamp, not a headline), no markup or code."""
    usable = [c for c in candidates
              if not (junk.caption.search(c) or junk.prompt_start.search(c) or junk.byline.search(c))
              and _lettered(c) and not _CODE.search(c) and not is_dateline(c)]
    for line in reversed(usable):
        if _lettered(line) >= 4 and not is_prose(line.rstrip(":")):
            return line
    return max(usable, key=_lettered, default=None)


def _lettered(line: str) -> int:
    """How many of the line's words have a letter."""
    return sum(1 for w in words(line) if any(c.isalpha() for c in w))


# A wire dateline before the story: "(CNN) --", "LONDON (Reuters) -", "SOFIA, Nov 7 (Reuters) -",
# "Boston (CNN) --", "WASHINGTON —", "NEWMARKET --": a place (in capitals unless a credit in
# brackets follows), perhaps a day, perhaps the credit, then a dash, before the story's first word.
_CREDIT = r"\([A-Za-z][\w .&/-]{0,30}\)"  # "(Reuters)", "(CBS/AP)"
# "(AP)", "(Dow Jones)"; not "(British Broadcasting Corporation)"
_SHORT_CREDIT = r"\([A-Z][\w.&/-]{0,15}(?: [A-Z][\w.&/-]*)?\)"
_DAY = r"(?:,?\s*[A-Z][A-Za-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"  # "Nov 7", "Aug. 11, 1998", "JAN 17"
# Not a hyphen ("AL-QAEDA chief ..."); wire copy typed on old terminals writes a dash as " _ ".
_DASH = r"(?:--|[–—:]|[-_](?=\s|$))"
# After a credit in brackets, a hyphen run onto the story's first word is a dash too ("(AP) -Raptors").
_CREDIT_DASH = rf"(?:{_DASH}|-(?=[A-Z\"“‘]))"
_PLACE_IN_CAPITALS = r"[A-Z][A-Z.'’/-]+(?:[ ,]+[A-Z][A-Z.'’/-]*){0,4}(?:,\s*[A-Z][a-z][\w.'’]*(?:\s+[A-Z][\w.'’]*)?)?"
_DATELINE_ITSELF = (rf"(?:{_CREDIT}\s*{_CREDIT_DASH}?"
                    rf"|{_PLACE_IN_CAPITALS}{_DAY}\s*{_DASH}\s*{_CREDIT}\s*{_CREDIT_DASH}"  # "LEITH--(Wire Service)--"
                    rf"|[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){{0,4}}{_DAY}[\s,]*{_CREDIT}\s*{_CREDIT_DASH}"
                    rf"|{_PLACE_IN_CAPITALS}{_DAY}\s*{_DASH}"
                    # a place in capitals and a short credit need no dash: "BERGEN (Wire) Hawks guard ..."
                    rf"|{_PLACE_IN_CAPITALS}{_DAY}[\s,]*{_SHORT_CREDIT}"
                    # a town and the postal code of its state or province: "Ottawa, ON -", "Grand Rapids, MI —"
                    rf"|[A-Z][a-z][\w.'’-]*(?: [A-Z][a-z][\w.'’-]*){{0,2}}, [A-Z]{{2}}{_DAY}\s*{_DASH}"
                    # a town and the day, as some agencies write it: "London, Dec 29:", "New Delhi, Jan. 14 -"
                    rf"|[A-Z][a-z][\w.'’-]*(?: [A-Z][a-z][\w.'’-]*){{0,2}},"
                    rf"\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}\s*{_DASH})")
_DATELINE = re.compile(rf"^{_DATELINE_ITSELF}\s*(?=[A-Z\"“‘])")
_DATELINE_ALONE = re.compile(_DATELINE_ITSELF)  # with ``fullmatch`` on the stripped line
_DATELINE_INSIDE = re.compile(rf"(?<=\s){_DATELINE_ITSELF}\s*(?=[A-Z\"“‘])")  # after words the page ran before it


def is_dateline(line: str) -> bool:
    """Is the line a wire dateline and nothing else ("WASHINGTON, Aug. 11 (Xinhua) --" on a line
    of its own, as wire copy prints it)? It is the article's stamp, not its headline, and the
    day in it is when the story was filed, not an event the story tells."""
    return _DATELINE_ALONE.fullmatch(line.strip()) is not None


def strip_dateline(paragraph: str, source: str | None = None) -> tuple[str, str | None]:
    """The story's first paragraph without its wire dateline, and the dateline. A dateline
    tells where and from whom the story came: the brief cites the source, and in a summary or
    a title the dateline reads as furniture ("Boston (CNN) -- Before Republicans ..."). The
    publisher's own name and a dash count too ("Harbour Times – Police said ...")."""
    match = _DATELINE.match(paragraph)
    if match is None and source:
        name = re.escape(source.strip())
        match = re.match(rf"{name}\s*{_DASH}\s*(?=[A-Z\"“‘])", paragraph) if name else None
    if match is None or not paragraph[match.end():].strip():
        return paragraph, None
    rest, more = strip_dateline(paragraph[match.end():])  # "(PressMediaWire) NEW YORK, Jan. 7 --"
    return rest, " ".join(filter(None, (match.group().strip(), more)))


MIN_HEADLINE_WORDS = 3  # a headline of fewer words may open a story's own first sentence
_SEPARATORS = " |•·»›>:-–—"  # what a page puts between a headline and what follows it


def _without_headline(paragraph: str, title: str | None, source: str | None, removed: list[RemovedLine]) -> str:
    """The first paragraph without the headline a page ran into it: before its dateline ("Court
    backs voter ID law WASHINGTON (AP) — The Supreme Court ..."), printed twice, or before a
    first sentence that tells it again ("Two ferries collide Two ferries collided on ...");
    else the paragraph as it was."""
    if not title or len(title.split()) < MIN_HEADLINE_WORDS:
        return paragraph  # "Football Football fans ...": too short to tell
    # after any separator the page put before it: "| Harbour Line unveils ..."
    rest, times = paragraph.lstrip(_SEPARATORS), 0
    while rest[:len(title)].lower() == title.lower():
        rest, times = rest[len(title):].lstrip(_SEPARATORS + "."), times + 1
    if not times or not rest:
        return paragraph
    opening = title.lower().split()[:2]
    if times < 2 and strip_dateline(rest, source)[1] is None and rest.lower().split()[:2] != opening:
        return paragraph  # "Ferry timetable approved by the council ...": the story's own words
    removed.append(RemovedLine(paragraph[:len(paragraph) - len(rest)].strip(), "title"))
    return rest


_INITIAL = re.compile(r"(?:^|[\s.])[A-Z]\.$")  # "U.S.", "J." (with ``endpos`` after the full stop)


def _title_from_sentence(text: str, limit: int = 12) -> str:
    """A title for an article that has none: its first sentence, without a wire dateline, cut
    at ``limit`` words. An initial's full stop ends no sentence ("U.S. envoy says ...")."""
    end = next((m for m in _SENTENCE_END.finditer(text) if not _INITIAL.search(text, 0, m.start() + 1)), None)
    first = text[:end.start() + 1] if end else text
    first, _ = strip_dateline(first)
    tokens = first.split()
    return first if len(tokens) <= limit else " ".join(tokens[:limit]) + " …"


def _among_story(verdicts: list[tuple[str, str | None]], junk: Furniture) -> list[tuple[str, str | None]]:
    """``verdicts`` with the lines judged on their own as no story, but with story paragraphs
    right before and after them, given back to the story when they are its own: a sentence that
    speaks to the reader ("Now, some of you are probably saying ...": prompts stand at a story's
    edges, and those inside it have their own marks, "Sign up for ...", or are the site speaking,
    "Send us your comments"), or a sentence printed without its full stop."""
    found = list(verdicts)
    for n in range(1, len(found) - 1):
        line, reason = found[n]
        if found[n - 1][1] is not None or found[n + 1][1] is not None:
            continue
        if reason == READER and is_prose(line) \
                and not any(w.lower() in junk.writer_words for w in words(_QUOTED.sub(" ", line))):
            found[n] = (line, None)
        elif reason == NOT_A_SENTENCE and _unstopped_sentence(line):
            found[n] = (line, None)
    return found


def _unstopped_sentence(line: str) -> bool:
    """A sentence the page printed without its full stop ("He and his wife live in Ojai, an
    artists' colony near Ventura"): long, in sentence case, not a label's colon or a list's comma."""
    return len(words(line)) >= MIN_UNSTOPPED_WORDS and line[:1].isupper() and _capitalised_share(line) < 0.3 \
        and not line.rstrip().endswith((":", ",", "|", ";"))


MIN_UNSTOPPED_WORDS = 12
# Reasons a line is no story that its place in the story may overturn (``_among_story``).
NOT_A_SENTENCE = "not a sentence (headline, label or slogan)"
READER = "says something to the reader"


def clean_text(text: str, title: str | None = None, lang: LanguageProfile = ENGLISH,
               source: str | None = None) -> Cleaned:
    """Split ``text`` into story paragraphs and removed lines, without the wire dateline of
    ``source``'s story; find a title if none is given."""
    junk = furniture(lang)
    lines = _lines(text, junk)
    keys = [_key(line) for line in lines]
    counts = Counter(keys)
    doubled = _doubled(lines, keys, counts)
    # An interview names its speakers line after line; one label alone ("Dow Jones Reprints: This
    # copy is for your personal use") is a notice, not speech.
    transcript = sum(1 for line in lines if _SPEAKER.match(line)) >= MIN_SPEAKER_LINES
    verdicts: list[tuple[str, str | None]] = []  # each line, and why it is no story (None: story)
    preamble: list[str] = []  # non-story lines before the first story paragraph
    seen: set[str] = set()
    in_list = started = False
    title_key = _key(title) if title else None
    for line, key in zip(lines, keys):
        n_words = len(key.split())
        if junk.list_marker.match(line):
            in_list = True
            verdicts.append((line, "list of other stories"))
            continue
        reason = "dateline" if not started and is_dateline(line) else _noise_reason(line, n_words, junk, transcript)
        if reason is None and in_list and n_words < 20:
            reason = "list of other stories"
        if reason is None and key == title_key:
            reason = "title"
        if reason is None and counts[key] > 1:
            # Captions and pull quotes repeat; a story paragraph appears once, unless the page
            # prints the whole story twice: then only the second copy goes.
            if key in seen or (n_words < 20 and not doubled):
                reason = "repeated line"
            seen.add(key)
        if reason is None:
            in_list, started = False, True
            verdicts.append((line, None))
            continue
        if not started:
            preamble.append(line)
        verdicts.append((line, reason))
    verdicts = _among_story(verdicts, junk)
    kept = [line for line, reason in verdicts if reason is None]
    removed = [RemovedLine(line, reason) for line, reason in verdicts if reason is not None]
    opening_stamp = None
    if kept:
        kept[0] = _without_headline(kept[0], title, source, removed)
        kept[0], opening_stamp = _without_opening_stamp(kept[0], lang)
        if opening_stamp:
            removed.append(RemovedLine(opening_stamp[0], "time stamp"))
        kept[0], byline = _without_byline_before_dateline(kept[0], junk)
        if byline:
            removed.append(RemovedLine(byline, "byline or dateline"))
    # The story opens with its dateline, after a caption or a standfirst the page kept above it too
    # ("This undated file photo shows ... | (AP) HONOLULU - A $2.2 million expedition ...").
    for n, paragraph in enumerate(kept):
        kept[n], dateline = strip_dateline(paragraph, source if n == 0 else None)
        if dateline:
            removed.append(RemovedLine(dateline, "dateline"))
            break
    if not title:
        title = _pick_headline(preamble, junk)
        if title is not None:
            title = without_dateline_tail(title, "\n".join(kept))
        elif kept:
            title = _title_from_sentence(kept[0])
    # The stamp nearest above the story: a site's header may carry another day (today's)
    stamp = next((day for line in reversed(preamble) if (day := date_stamp(line, lang))), None) if kept else None
    stamp = stamp or (opening_stamp[1] if opening_stamp else None)
    return Cleaned(title=title, paragraphs=kept, removed=removed, stamp=stamp)


def clean_document(doc: RawDocument, lang: LanguageProfile = ENGLISH) -> Article:
    """Clean one document into an ``Article`` (its paragraphs may be empty)."""
    cleaned = clean_text(doc.text, doc.title, lang, doc.source)
    if doc.record is not None:
        fallback_source = f"{doc.path.stem} #{doc.record}"
    else:
        fallback_source = doc.path.stem
    return Article(
        title=cleaned.title or fallback_source,
        source=doc.source or fallback_source,
        paragraphs=cleaned.paragraphs,
        path=doc.path,
        url=doc.url,
        # A page or a text that gives no date in its markup often prints it above the story
        published=doc.published or cleaned.stamp,
        removed=cleaned.removed,
    )


def _site(article: Article) -> str:
    """What tells the pages of one site apart: the link's host, else the publisher's name."""
    from urllib.parse import urlsplit

    host = urlsplit(article.url).hostname if article.url else None
    return (host or "").removeprefix("www.") or article.source


def site_furniture(articles: list[Article]) -> list[Article]:
    """The articles without the lines their site prints on every page, above or below the story
    ("For the latest stories download our apps", "Our Standards: ..."): the leading and trailing
    paragraphs an article shares word for word with another article of its site in the batch.
    A line shared in the middle of a story (a background paragraph a follow-up reuses) stays, and
    so does every line of an article that shares half its words or more: a copy, or an update of
    one story, not page furniture around two."""
    by_site: dict[str, list[int]] = {}
    for n, article in enumerate(articles):
        by_site.setdefault(_site(article), []).append(n)
    found = list(articles)
    for members in by_site.values():
        if len(members) < 2:
            continue
        keys = {n: [_key(p) for p in articles[n].paragraphs] for n in members}
        counts = Counter(key for n in members for key in set(keys[n]))
        for n in members:
            paragraphs = articles[n].paragraphs
            shared = [counts[key] > 1 for key in keys[n]]
            if 2 * sum(len(p.split()) for p, s in zip(paragraphs, shared) if s) >= len(" ".join(paragraphs).split()):
                continue
            head = next(k for k, s in enumerate(shared) if not s)
            tail = len(paragraphs) - next(k for k, s in enumerate(reversed(shared)) if not s)
            if head or tail < len(paragraphs):
                dropped = paragraphs[:head] + paragraphs[tail:]
                found[n] = dataclasses.replace(
                    articles[n], paragraphs=paragraphs[head:tail],
                    removed=[*articles[n].removed, *(RemovedLine(p, "on other pages of its site") for p in dropped)])
    return found
