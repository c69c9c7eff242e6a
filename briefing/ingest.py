"""Read articles from disk: plain text, Markdown, HTML, JSON/JSON Lines records and RSS/Atom feeds.

Each reader turns one file into ``RawDocument`` records; the registry ``READERS`` maps file
endings to readers. A file that cannot be read (binary, empty, undecodable, malformed) is
reported as a ``SkippedInput`` and the rest of the batch goes on.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import json
import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from briefing.errors import InputError
from briefing.lang import DEFAULT_LANGUAGE, LanguageProfile, profile
from briefing.models import RawDocument, SkippedInput

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


def parse_date(value: Any, lang: LanguageProfile = ENGLISH) -> dt.date | None:
    """A publication date from front matter, JSON or HTML metadata; None if unparseable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:  # RFC 2822, as in e-mail and RSS: "Mon, 06 Jan 2020 09:00:00 GMT"
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    written = _written_date(text, lang)
    if written is None:
        log.warning("ignoring publication date %r: not a date briefing can read", text)
    return written


def _written_date(text: str, lang: LanguageProfile) -> dt.date | None:
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
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise UnreadableInput(f"front matter is not valid YAML ({exc.__class__.__name__})") from None
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


def read_text(path: Path, lang: LanguageProfile = ENGLISH) -> list[RawDocument | SkippedInput]:
    text = decode(path.read_bytes())
    return [RawDocument(path=path, text=text, format="text")]


def read_markdown(path: Path, lang: LanguageProfile = ENGLISH) -> list[RawDocument | SkippedInput]:
    meta, body = split_front_matter(decode(path.read_bytes()))
    heading, text = markdown_to_text(body)
    return [
        RawDocument(
            path=path,
            text=text,
            format="markdown",
            title=_optional_str(meta.get("title")) or heading,
            source=_optional_str(meta.get("source")),
            url=_optional_str(meta.get("url")),
            published=parse_date(meta.get("published") or meta.get("date"), lang),
        )
    ]


# --- HTML ----------------------------------------------------------------------------------

def read_html(path: Path, lang: LanguageProfile = ENGLISH) -> list[RawDocument | SkippedInput]:
    return [_html_document(decode(path.read_bytes()), path, lang)]


def _html_document(html: str, path: Path, lang: LanguageProfile, url: str | None = None) -> RawDocument:
    """The story of one HTML page (trafilatura), with its metadata."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, include_images=False
    )
    if extracted is None or not (extracted.text or "").strip():
        # Too short or too unusual for trafilatura's main-text detection: take all the
        # page text and let the cleaner drop what is not the story.
        text = trafilatura.html2txt(html) or ""
        meta = trafilatura.extract_metadata(html)
    else:
        text, meta = extracted.text, extracted
    source = getattr(meta, "sitename", None) or getattr(meta, "hostname", None)
    return RawDocument(
        path=path,
        text=text,
        format="html",
        title=_optional_str(getattr(meta, "title", None)),
        source=_optional_str(source),
        url=_optional_str(getattr(meta, "url", None)) or url,
        published=parse_date(getattr(meta, "date", None), lang),
    )


# --- JSON records --------------------------------------------------------------------------

def _from_record(path: Path, index: int, record: Any, lang: LanguageProfile) -> RawDocument | SkippedInput:
    """One JSON record as a document; a bad record is skipped, not the whole file."""
    where = record_path(path, index)
    if not isinstance(record, dict):
        return SkippedInput(where, "expected an object with 'title' and 'text'")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return SkippedInput(where, "no 'text'")
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


def read_json(path: Path, lang: LanguageProfile = ENGLISH) -> list[RawDocument | SkippedInput]:
    try:
        data = json.loads(decode(path.read_bytes()))
    except json.JSONDecodeError as exc:
        raise UnreadableInput(f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    records = data if isinstance(data, list) else [data]
    return [_from_record(path, i, record, lang) for i, record in enumerate(records, 1)]


def read_jsonl(path: Path, lang: LanguageProfile = ENGLISH) -> list[RawDocument | SkippedInput]:
    documents: list[RawDocument | SkippedInput] = []
    for number, line in enumerate(decode(path.read_bytes()).splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            documents.append(SkippedInput(record_path(path, number), f"not valid JSON ({exc.msg})"))
            continue
        documents.append(_from_record(path, number, record, lang))
    return documents


# --- RSS and Atom feeds ----------------------------------------------------------------------

def _entry_date(entry: Any, lang: LanguageProfile) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return parse_date(entry.get("published") or entry.get("updated"), lang)


_BLOCKS = ("p", "div", "li", "br", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre")


def _html_text(html: str) -> str:
    """The text of an HTML fragment (a feed item's content), a paragraph per block."""
    from lxml import etree
    from lxml import html as lxml_html

    if "<" not in html:
        return html
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in root.xpath("//script|//style|//iframe|//object|//embed"):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    return root.text_content()


def read_feed(path: Path, lang: LanguageProfile = ENGLISH) -> list[RawDocument | SkippedInput]:
    """Each item of an RSS or Atom file as an article: its content, else its summary."""
    return _feed_documents(path.read_bytes(), path, lang)


def _feed_documents(data: bytes, path: Path, lang: LanguageProfile) -> list[RawDocument | SkippedInput]:
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
    documents: list[RawDocument | SkippedInput] = []
    for index, entry in enumerate(feed.entries, 1):
        contents = entry.get("content") or []
        html = contents[0].get("value", "") if contents else entry.get("summary", "")
        text = _html_text(html or "")
        if not text.strip():
            documents.append(SkippedInput(record_path(path, index), "feed item without text"))
            continue
        documents.append(RawDocument(
            path=path, text=text, format="feed", title=_optional_str(entry.get("title")), source=source,
            url=_optional_str(entry.get("link")), published=_entry_date(entry, lang), record=index,
        ))
    return documents


# A reader returns the documents of one file, and a SkippedInput for each bad record in it; dates
# written out ("3 March 2026") are read in the language of the profile.
Reader = Callable[[Path, LanguageProfile], list[RawDocument | SkippedInput]]
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
    """Expand folders (recursively, in name order) into the files briefing can read.

    A path that does not exist stops the run: it is a typo, not a bad article.
    """
    files: list[Path] = []
    skipped: list[SkippedInput] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"input not found: {path}")
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in READERS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                log.warning("%s: no %s files in this folder", path, "/".join(sorted(READERS)))
            files.extend(found)
        elif path.suffix.lower() in READERS:
            files.append(path)
        else:
            known = ", ".join(sorted(READERS))
            skipped.append(SkippedInput(path, f"unsupported file type (briefing reads {known})"))
    return list(dict.fromkeys(files)), skipped


# --- URLs -----------------------------------------------------------------------------------

USER_AGENT = "briefing (+https://github.com/briefing)"
FETCH_TIMEOUT = 20  # seconds


def is_url(value: object) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def url_label(url: str) -> Path:
    """A URL as the name briefing shows for it ("feeds.example/world.rss")."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return Path(parts.netloc + (parts.path or "/"))


def read_url(url: str, max_bytes: int | None = None, lang: LanguageProfile = ENGLISH) -> list[RawDocument | SkippedInput]:
    """A feed's items, or the story of a web page, fetched over HTTP(S)."""
    import urllib.error
    import urllib.request

    label = url_label(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 - http(s) only
            data = response.read(max_bytes + 1 if max_bytes is not None else -1)
            kind = response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        return [SkippedInput(label, f"cannot fetch: HTTP {exc.code} {exc.reason}")]
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return [SkippedInput(label, f"cannot fetch: {getattr(exc, 'reason', exc)}")]
    if max_bytes is not None and len(data) > max_bytes:
        return [SkippedInput(label, f"too large: over {max_bytes / 1e6:g} MB (limits.max_file_mb in config)")]
    try:
        if "html" in kind:
            return [_html_document(decode(data), label, lang, url)]
        return _feed_documents(data, label, lang)
    except UnreadableInput as exc:
        return [SkippedInput(label, str(exc))]


def read_inputs(paths: Iterable[Path | str], max_bytes: int | None = None,
                lang: LanguageProfile = ENGLISH) -> tuple[list[RawDocument], list[SkippedInput]]:
    """Read every article under ``paths`` (files, folders, feed or page URLs); unreadable or
    oversized inputs are returned as skipped."""
    paths = list(paths)
    urls = [p for p in paths if is_url(p)]
    files, skipped = find_input_files([Path(p) for p in paths if not is_url(p)])
    documents: list[RawDocument] = []

    def keep(found: list[RawDocument | SkippedInput]) -> None:
        for item in found:
            if isinstance(item, SkippedInput):
                skipped.append(item)
            elif item.text.strip():
                documents.append(item)
            else:
                skipped.append(SkippedInput(item.path, "empty: no article text"))

    for url in urls:
        keep(read_url(url, max_bytes, lang))
    for path in files:
        try:
            size = path.stat().st_size
            if max_bytes is not None and size > max_bytes:
                skipped.append(SkippedInput(path, f"too large: {size / 1e6:.1f} MB, the limit is "
                                                  f"{max_bytes / 1e6:g} MB (limits.max_file_mb in config)"))
                continue
            found = READERS[path.suffix.lower()](path, lang)
        except UnreadableInput as exc:
            skipped.append(SkippedInput(path, str(exc)))
            continue
        except OSError as exc:
            skipped.append(SkippedInput(path, f"cannot read: {exc.strerror or exc}"))
            continue
        if not found:
            skipped.append(SkippedInput(path, "empty: no records"))
        keep(found)
    return documents, skipped
