"""Read articles from disk: plain text, Markdown, HTML, JSON/JSON Lines records and RSS/Atom feeds.

Each reader turns one file into ``RawDocument`` records; the registry ``READERS`` maps file
endings to readers. A file that cannot be read (binary, empty, undecodable, malformed) is
reported as a ``SkippedInput`` and the rest of the batch goes on.
"""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import datetime as dt
import email.utils
import itertools
import json
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from briefing import safeyaml
from briefing.errors import InputError
from briefing.lang import DEFAULT_LANGUAGE, LanguageProfile, profile
from briefing.models import RawDocument, SkippedInput
from briefing.text import visible

ENGLISH = profile(DEFAULT_LANGUAGE)

log = logging.getLogger(__name__)


class UnreadableInput(Exception):
    """One file (or record) cannot be used; the message says why."""


# Byte-order marks, longest first: a UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes) -> str:
    """Decode text marked by a byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8, falling
    back to Windows-1252. Binary data is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _text_only(data.decode(encoding))
            except UnicodeDecodeError:
                raise UnreadableInput(f"starts with a {encoding.upper()} byte-order mark but does not decode as "
                                      f"{encoding.upper()}") from None
    if b"\x00" in data[:8192]:
        raise UnreadableInput("binary file, not text")
    try:
        return _text_only(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return _text_only(data.decode("cp1252"))
    except UnicodeDecodeError:
        raise UnreadableInput("not UTF-8 or Windows-1252 text") from None


def _text_only(text: str) -> str:
    """Refuse decoded binary: text has almost no control characters."""
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise UnreadableInput("binary file, not text")
    return text


# The days briefing reads a publication date (or a brief's date) in: the calendar's ends make
# date arithmetic overflow, and no news is dated there.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2199, 12, 31)
_ISO_DAY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:\b|T)")


def in_range(day: dt.date, what: str = "publication date") -> dt.date:
    """``day`` if briefing can date with it; an UnreadableInput saying why not."""
    if not EARLIEST <= day <= LATEST:
        raise UnreadableInput(f"{what} {day.isoformat()} is out of the range briefing reads "
                              f"({EARLIEST.year}-{LATEST.year})")
    return day


def parse_date(value: Any, lang: LanguageProfile = ENGLISH) -> dt.date | None:
    """A publication date from front matter, JSON or HTML metadata; None if unparseable. A
    date that is no date ("2026-13-45", "2026-02-30") or out of range is an UnreadableInput:
    the input says something false about itself."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return in_range(value.date())
    if isinstance(value, dt.date):
        return in_range(value)
    text = str(value).strip()[:200]
    try:
        return in_range(dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date())
    except ValueError:
        pass
    try:
        return in_range(dt.date.fromisoformat(text[:10]))
    except ValueError:
        pass
    if _ISO_DAY.match(text):
        raise UnreadableInput(f"publication date {text[:40]!r} is not a date")
    try:  # RFC 2822, as in e-mail and RSS: "Mon, 06 Jan 2020 09:00:00 GMT"
        return in_range(email.utils.parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    written = written_date(text, lang)
    if written is None:
        log.warning("ignoring publication date %r: not a date briefing can read", text[:80])
    return in_range(written) if written is not None else None


def written_date(text: str, lang: LanguageProfile) -> dt.date | None:
    """A date as people write it, "3 March 2026" or "March 3, 2026" (dateparser). Only a full
    date: a relative one ("yesterday") would depend on the day the brief is made."""
    import dateparser

    parsed = dateparser.parse(text, languages=[lang.code], settings={
        "PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None


def record_path(path: Path, record: int | None) -> Path:
    """A file, or one record of it as briefing names it ("wire.jsonl#3")."""
    return path if record is None else path.with_name(f"{path.name}#{record}")


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


# --- plain text and Markdown -------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter (between ``---`` lines) from the body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = safeyaml.load(match.group(1))
    except safeyaml.YamlProblem as exc:
        where = f" (line {exc.line + 1})" if exc.line else ""
        raise UnreadableInput(f"front matter{where}: {exc.problem}") from None
    if not isinstance(meta, dict):
        return {}, text
    return meta, text[match.end():]


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_LINK_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_QUOTE = re.compile(r"^\s*>\s?")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|(?<!\w)_)(\S(?:.*?\S)?)\1(?!\w)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def markdown_to_text(text: str) -> tuple[str | None, str]:
    """Strip Markdown syntax, keeping one line per source line; returns (first H1, text)."""
    heading: str | None = None
    lines = []
    in_fence = False
    for line in text.splitlines():
        if line.strip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence or _MD_LINK_DEF.match(line) or _MD_RULE.match(line):
            continue
        match = _MD_HEADING.match(line)
        if match:
            line = match.group(1)
            if heading is None and not lines:
                heading = line
                continue
        line = _MD_QUOTE.sub("", line)
        line = _MD_LIST.sub("", line)
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_REF_LINK.sub(r"\1", line)
        line = _HTML_TAG.sub("", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        if line.strip() or lines:
            lines.append(line)
    return heading, "\n".join(lines)


def read_text(path: Path, data: bytes, options: ReadOptions) -> list[RawDocument | SkippedInput]:
    text = decode(data)
    return [RawDocument(path=path, text=text, format="text")]


def read_markdown(path: Path, data: bytes, options: ReadOptions) -> list[RawDocument | SkippedInput]:
    meta, body = split_front_matter(decode(data))
    heading, text = markdown_to_text(body)
    return [
        RawDocument(
            path=path,
            text=text,
            format="markdown",
            title=_optional_str(meta.get("title")) or heading,
            source=_optional_str(meta.get("source")),
            url=_optional_str(meta.get("url")),
            published=parse_date(meta.get("published") or meta.get("date"), options.lang),
        )
    ]


# --- HTML ----------------------------------------------------------------------------------

def read_html(path: Path, data: bytes, options: ReadOptions) -> list[RawDocument | SkippedInput]:
    return [_html_document(decode(data), path, options.lang)]


def _html_document(html: str, path: Path, lang: LanguageProfile, url: str | None = None) -> RawDocument:
    """The story of one HTML page, with its title, publisher, link and date (``briefing.webpage``)."""
    from briefing.webpage import read_page

    page = read_page(html, url)
    return RawDocument(path=path, text=page.text, format="html", title=page.title, source=page.source,
                       url=page.url, published=parse_date(page.date, lang))


# --- JSON records --------------------------------------------------------------------------

def _from_record(path: Path, index: int, record: Any, lang: LanguageProfile) -> RawDocument | SkippedInput:
    """One JSON record as a document; a bad record is skipped, not the whole file."""
    where = record_path(path, index)
    if not isinstance(record, dict):
        return SkippedInput(where, "expected an object with 'title' and 'text'")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return SkippedInput(where, "no 'text'")
    try:
        return RawDocument(
            path=path,
            text=text,
            format="json",
            title=_optional_str(record.get("title")),
            source=_optional_str(record.get("source")),
            url=_optional_str(record.get("url")),
            published=parse_date(record.get("published") or record.get("date"), lang),
            record=index,
        )
    except UnreadableInput as exc:
        return SkippedInput(where, str(exc))


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise UnreadableInput("not readable JSON: nested too deeply") from None


def read_json(path: Path, data: bytes, options: ReadOptions) -> list[RawDocument | SkippedInput]:
    data = _json(decode(data))
    records = data if isinstance(data, list) else [data]
    return [_from_record(path, i, record, options.lang) for i, record in enumerate(records, 1)]


def read_jsonl(path: Path, data: bytes, options: ReadOptions) -> list[RawDocument | SkippedInput]:
    documents: list[RawDocument | SkippedInput] = []
    for number, line in enumerate(decode(data).splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = _json(line)
        except UnreadableInput as exc:
            documents.append(SkippedInput(record_path(path, number), str(exc).replace(" (line 1: ", " (")))
            continue
        documents.append(_from_record(path, number, record, options.lang))
    return documents


# --- RSS and Atom feeds ----------------------------------------------------------------------

def _entry_date(entry: Any, lang: LanguageProfile) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        try:
            return in_range(dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday))
        except ValueError:
            raise UnreadableInput(f"publication date {entry.get('published') or entry.get('updated')!r} "
                                  f"is not a date") from None
    return parse_date(entry.get("published") or entry.get("updated"), lang)


def _html_text(html: str) -> str:
    """The text of an HTML fragment (a feed item's content), a paragraph per block."""
    from briefing.webpage import all_text

    return all_text(html, fragment=True)


def _entry_link(entry: Any, site: str | None = None) -> str | None:
    """A feed item's own link: FeedBurner's original link (``feedburner:origLink``) rather than
    its tracking redirect; else, when the item's link leads off the feed's site (a redirector)
    and its id is a web address on that site, the id; else the item's link."""
    from briefing.webpage import host_of

    original = _optional_str(entry.get("feedburner_origlink"))
    if original and original.startswith(("http://", "https://")):
        return original
    link, guid = _optional_str(entry.get("link")), _optional_str(entry.get("id"))
    if site and guid and guid.startswith(("http://", "https://")) and host_of(guid) == site \
            and host_of(link) != site:
        return guid
    return link


def read_feed(path: Path, data: bytes, options: ReadOptions) -> list[RawDocument | SkippedInput]:
    """Each item of an RSS or Atom file as an article: its content, else its summary."""
    return _feed_documents(data, path, options)


def _feed_documents(data: bytes, path: Path, options: ReadOptions) -> list[RawDocument | SkippedInput]:
    import feedparser

    decode(data)  # refuse binary and undecodable data with the same reasons as other inputs
    feed = feedparser.parse(data)  # bytes, never a URL: briefing fetches, feedparser only parses
    if not feed.entries:
        if feed.bozo:
            problem = feed.get("bozo_exception")
            reason = problem.getMessage() if hasattr(problem, "getMessage") else str(problem)
            raise UnreadableInput(f"not a readable RSS/Atom feed ({reason})")
        raise UnreadableInput("feed has no items")
    source = _optional_str(feed.feed.get("title"))
    from briefing.webpage import host_of

    site = host_of(_optional_str(feed.feed.get("link")))
    documents: list[RawDocument | SkippedInput] = []
    entries = feed.entries
    cap = options.max_feed_items
    if cap is not None and len(entries) > cap:
        documents.append(SkippedInput(record_path(path, cap + 1), f"items {cap + 1} to {len(entries)} of the feed left "
                                                                   f"out: over limits.max_feed_items ({cap})"))
        entries = entries[:cap]
    for index, entry in enumerate(entries, 1):
        contents = entry.get("content") or []
        html = contents[0].get("value", "") if contents else entry.get("summary", "")
        text = _html_text(html or "")
        if not text.strip():
            documents.append(SkippedInput(record_path(path, index), "feed item without text"))
            continue
        try:
            published = _entry_date(entry, options.lang)
        except UnreadableInput as exc:
            documents.append(SkippedInput(record_path(path, index), str(exc)))
            continue
        documents.append(RawDocument(
            path=path, text=text, format="feed", title=_optional_str(entry.get("title")), source=source,
            url=_entry_link(entry, site), published=published, record=index,
        ))
    return documents


# A reader turns the bytes of one file into its documents, and a SkippedInput for each bad record
# in it; dates written out ("3 March 2026") are read in the language of the profile.
Reader = Callable[[Path, bytes, "ReadOptions"], list[RawDocument | SkippedInput]]
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
}


def find_input_files(paths: Iterable[Path]) -> tuple[list[Path], list[SkippedInput]]:
    """Expand folders (recursively, in name order) into the regular files briefing can read;
    the same file reached by two paths (a symlink, "a/../a") is read once.

    A path that does not exist stops the run: it is a typo, not a bad article.
    """
    files: list[Path] = []
    skipped: list[SkippedInput] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"input not found: {visible(str(path))}")
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in READERS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                log.warning("%s: no %s files in this folder", visible(str(path)), "/".join(sorted(READERS)))
            files.extend(found)
        elif not path.is_file():
            skipped.append(SkippedInput(path, "not a regular file (a pipe, device or socket): briefing reads files"))
        elif path.suffix.lower() in READERS:
            files.append(path)
        else:
            known = ", ".join(sorted(READERS))
            skipped.append(SkippedInput(path, f"unsupported file type (briefing reads {known})"))
    unique: dict[Path, Path] = {}
    for path in files:
        unique.setdefault(path.resolve(), path)
    return list(unique.values()), skipped


def read_file(path: Path, max_bytes: int | None) -> bytes:
    """The bytes of a regular file, at most ``max_bytes`` (counted while reading: a file's size
    as ``stat`` gives it can be false, as for /proc files); an UnreadableInput for a pipe or a
    device (opened without blocking) and for a file over the limit."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise UnreadableInput("not a regular file (a pipe, device or socket): briefing reads files")
        data = handle.read(max_bytes + 1 if max_bytes is not None else -1)
    if max_bytes is not None and len(data) > max_bytes:
        raise UnreadableInput(f"too large: over {max_bytes / 1e6:g} MB (limits.max_file_mb in config)")
    return data


# --- URLs -----------------------------------------------------------------------------------

USER_AGENT = "briefing (+https://github.com/briefing)"
FETCH_SECONDS = 30.0  # a URL's whole fetch, however slowly its server answers (limits.fetch_seconds)
MAX_REDIRECTS = 5
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
               "text/xml", "application/feed+json")


def is_url(value: object) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def url_label(url: str) -> Path:
    """A URL as the name briefing shows for it ("feeds.example/world.rss")."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return Path(visible(url)[:200])
    return Path(visible(parts.netloc + (parts.path or "/"))[:200])


@dataclasses.dataclass(frozen=True)
class Fetched:
    url: str  # where the answer came from, after redirects
    data: bytes
    content_type: str  # "" when the server gives none
    charset: str | None


def _fetch(client, url: str, max_bytes: int | None) -> Fetched:
    """GET ``url``, following redirects to http(s) only; the body decoded (gzip, deflate) and
    cut off past ``max_bytes``."""
    import httpx

    current = httpx.URL(url)
    for _ in range(MAX_REDIRECTS + 1):
        with client.stream("GET", current) as response:
            if response.is_redirect:
                target = current.join(response.headers.get("location", ""))
                if target.scheme not in ("http", "https"):
                    raise UnreadableInput(f"cannot fetch: redirected to a {target.scheme or 'relative'}: address "
                                          f"({str(target)[:80]}); briefing follows redirects to http(s) only")
                current = target
                continue
            if response.status_code >= 400:
                raise UnreadableInput(f"cannot fetch: HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length", "")
            if max_bytes is not None and declared.isdigit() and int(declared) > max_bytes:
                raise UnreadableInput(f"too large: over {max_bytes / 1e6:g} MB (limits.max_file_mb in config)")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if max_bytes is not None and size > max_bytes:
                    raise UnreadableInput(f"too large: over {max_bytes / 1e6:g} MB (limits.max_file_mb in config)")
                chunks.append(chunk)
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            return Fetched(str(current), b"".join(chunks), kind, response.charset_encoding)
    raise UnreadableInput(f"cannot fetch: more than {MAX_REDIRECTS} redirects")


def fetch(url: str, max_bytes: int | None = None, seconds: float = FETCH_SECONDS) -> Fetched:
    """A URL's answer within ``seconds`` in all (a server that trickles its answer a few bytes
    at a time would outlast any per-read timeout); an UnreadableInput saying why not."""
    import threading

    import httpx

    outcome: dict[str, Any] = {}
    client = httpx.Client(follow_redirects=False, timeout=httpx.Timeout(min(seconds, 20.0)),
                          headers={"User-Agent": USER_AGENT}, trust_env=False)

    def work() -> None:
        try:
            outcome["fetched"] = _fetch(client, url, max_bytes)
        except UnreadableInput as exc:
            outcome["problem"] = str(exc)
        except httpx.InvalidURL as exc:
            outcome["problem"] = f"not a valid URL ({exc})"
        except httpx.HTTPError as exc:
            outcome["problem"] = f"cannot fetch: {exc.__class__.__name__}: {str(exc)[:200] or 'no answer'}"
        except Exception as exc:  # a malformed URL or answer the client does not expect: one input's problem
            outcome["problem"] = f"cannot fetch: {exc.__class__.__name__}: {str(exc)[:200]}"

    worker = threading.Thread(target=work, name=f"fetch {url[:60]}", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        client.close()  # the worker's connection goes; the thread ends with it or with the run
        raise UnreadableInput(f"cannot fetch: no complete answer within {seconds:g} s (limits.fetch_seconds)")
    client.close()
    if "problem" in outcome:
        raise UnreadableInput(outcome["problem"])
    return outcome["fetched"]


def _decode_as(data: bytes, charset: str | None) -> str:
    """Text in the charset the server names, else as ``decode`` reads files."""
    if charset:
        try:
            return _text_only(data.decode(charset))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def read_url(url: str, max_bytes: int | None = None, options: ReadOptions | None = None,
             progress: Callable[[str], None] | None = None) -> list[RawDocument | SkippedInput]:
    """A feed's items, the story of a web page or a plain-text article, fetched over HTTP(S);
    a document is known by the URL it came from after redirects."""
    options = options or ReadOptions()
    label = url_label(url)
    if progress:
        progress(f"Fetching {visible(url)[:120]}")
    try:
        fetched = fetch(url, max_bytes, options.fetch_seconds)
        label = url_label(fetched.url)
        if fetched.content_type in _FEED_TYPES:
            return _feed_documents(fetched.data, label, options)
        text = _decode_as(fetched.data, fetched.charset)
        if fetched.content_type == "text/plain":
            return [RawDocument(path=label, text=text, format="text", url=fetched.url)]
        return [_html_document(text, label, options.lang, fetched.url)]
    except UnreadableInput as exc:
        return [SkippedInput(label, str(exc))]


# --- reading a batch --------------------------------------------------------------------------

_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _as_shown(doc: RawDocument) -> RawDocument | SkippedInput:
    """A document with only what a reader can see in its fields; a lone surrogate (half of a
    character, from JSON or YAML escapes) makes it unreadable."""
    fields = {"text": doc.text, "title": doc.title, "source": doc.source, "url": doc.url}
    for name, value in fields.items():
        if value and _SURROGATE.search(value):
            return SkippedInput(record_path(doc.path, doc.record),
                                f"invalid Unicode in its {name}: a lone surrogate, half of a character")
    return dataclasses.replace(doc, **{name: visible(value) if value else value for name, value in fields.items()})


@dataclasses.dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: the language dates are written in, limits on feeds and fetches."""

    lang: LanguageProfile = ENGLISH
    max_feed_items: int | None = None
    fetch_seconds: float = FETCH_SECONDS


def read_inputs(paths: Iterable[Path | str], max_bytes: int | None = None, options: ReadOptions | None = None,
                progress: Callable[[str], None] | None = None,
                jobs: int = 1) -> tuple[list[RawDocument], list[SkippedInput]]:
    """Read every article under ``paths`` (files, folders, feed or page URLs); unreadable or
    oversized inputs are returned as skipped. Files are read by ``jobs`` processes; what is
    found is the same, in the same order, for any number."""
    options = options or ReadOptions()
    paths = list(paths)
    urls = [p for p in paths if is_url(p)]
    files, skipped = find_input_files([Path(p) for p in paths if not is_url(p)])
    documents: list[RawDocument] = []

    def keep(found: list[RawDocument | SkippedInput]) -> None:
        for item in found:
            if isinstance(item, RawDocument):
                item = _as_shown(item)
            if isinstance(item, SkippedInput):
                skipped.append(item)
            elif item.text.strip():
                documents.append(item)
            else:
                skipped.append(SkippedInput(item.path, "empty: no article text"))

    for url in dict.fromkeys(urls):
        keep(read_url(url, max_bytes, options, progress))
    for found in _read_files(files, max_bytes, options, jobs, progress):
        keep(found)
    return documents, skipped


def read_one(path: Path, max_bytes: int | None, options: ReadOptions) -> list[RawDocument | SkippedInput]:
    """What one file holds: its documents, or why it was skipped."""
    try:
        found = READERS[path.suffix.lower()](path, read_file(path, max_bytes), options)
    except UnreadableInput as exc:
        return [SkippedInput(path, str(exc))]
    except OSError as exc:
        return [SkippedInput(path, f"cannot read: {exc.strerror or exc}")]
    return found or [SkippedInput(path, "empty: no records")]


def _read_chunk(paths: Sequence[Path], max_bytes: int | None,
                options: ReadOptions) -> list[list[RawDocument | SkippedInput]]:
    return [read_one(path, max_bytes, options) for path in paths]


# Files a reading worker takes at a time, and the fewest files worth telling progress of.
READ_CHUNK = 8
TELL_FILES = 100


def _read_files(files: list[Path], max_bytes: int | None, options: ReadOptions, jobs: int,
                progress: Callable[[str], None] | None) -> Iterator[list[RawDocument | SkippedInput]]:
    """What each file holds, in the order of ``files``. With ``jobs`` above 1, chunks of files
    are read by that many worker processes: finding the article in a web page's markup takes
    tens of milliseconds a page, as long as parsing it. Many files say how far reading has got."""
    chunks = [files[i:i + READ_CHUNK] for i in range(0, len(files), READ_CHUNK)]
    tell = progress if progress is not None and len(files) >= TELL_FILES else None
    done, tenth = 0, 0
    with contextlib.ExitStack() as stack:
        if jobs > 1 and len(chunks) > 1:
            from briefing.pool import process_pool

            pool = stack.enter_context(process_pool(min(jobs, len(chunks))))
            results = pool.map(_read_chunk, chunks, itertools.repeat(max_bytes), itertools.repeat(options))
        else:
            results = (_read_chunk(chunk, max_bytes, options) for chunk in chunks)
        for chunk, found in zip(chunks, results):
            yield from found
            done += len(chunk)
            if tell is not None and (done * 10 // len(files) > tenth or done == len(files)):
                tenth = done * 10 // len(files)
                tell(f"Read {done}/{len(files)} file(s)")
