"""One news web page as an article: its story text, title, publisher, link and date.

The text is trafilatura's main-text extraction, with the page's captions, photo galleries,
promotions and comment threads pruned first by their markup (class or id), as trafilatura's
own prune option allows; a page that would be left empty by it is read unpruned; a page whose
story trafilatura can give only as the page run together on one line is read again tuned for recall,
else for precision; and a page too unusual for main-text detection is read whole (the cleaner then
drops what is not story).

The publisher is the name the page gives itself (``og:site_name``, ``application-name``, the
JSON-LD publisher), cleaned of what is not a name (a URL, a copyright line, a section after
" > "); else the page's host as people write it ("nj.com"); else, for a saved page that names
no link, the part of its ``<title>`` that is not the headline ("... - Pittsburgh Tribune-Review").
The title loses a site name glued to it and doubled punctuation.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

# Class or id words of page furniture around a story: pruned before extraction. Markup, not
# wording: "galleryCaption12", "photo-caption", "promo-box", "comments-list".
PRUNED_MARKUP = ("caption", "gallery", "promo", "comment", "disclosure")
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# And what the page hides from its reader until a script shows it: pop-up name cards, a form's
# "Thanks for signing up!" and "An error has occurred".
HIDDEN = ("@hidden", "@aria-hidden='true'", "contains(translate(@style, ' ', ''), 'display:none')",
          "contains(translate(@style, ' ', ''), 'visibility:hidden')")
PRUNE_XPATH = "//*[" + " or ".join(
    [f"contains(translate(@{attribute}, '{_UPPER}', '{_UPPER.lower()}'), '{word}')"
     for word in PRUNED_MARKUP for attribute in ("class", "id")] + list(HIDDEN)) + "]"
# A comment thread the page marks only by the anchor a "Comments" link jumps to (<a name=
# "comments"></a>): what follows the anchor in its block is the thread.
PRUNE_XPATH += (" | //a[not(@href)][contains(translate(@name, '" + _UPPER + "', '" + _UPPER.lower() + "'), 'comment')]"
                "/following-sibling::*")

# What separates a headline from the site's name in a <title>: "Headline - Site", "Site: Headline".
_SEPARATOR = re.compile(r"\s+(?:[-–—|:·•»>~/]|--|::)\s+|\s*[|»]\s*|\s*_\s*(?=[A-Z])")
_NOT_A_NAME = re.compile(r"©|\bcopyright\b|\ball rights reserved\b", re.I)
_TOWN_AND_STATE = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}, [A-Z]{2}\.?$")  # "Augusta, GA"
_HOST = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
# Script run into a title ('...ntById("font"); obj.style=...'); not a headline's ";".
_CODE = re.compile(r"[{}<>=]|\);")
_DOUBLED = re.compile(r"([.!?])[.!?]+$")
_HOST_FIRST = re.compile(r"^(\S+)\s*(?::{1,2}|[-–—|])\s+")
MAX_NAME_WORDS = 6
# A headline this short with its words capitalised, that the story never tells, is a site's or a
# section's name ("Local Sports Wire").
MAX_SITE_NAME_WORDS = 4
# What may stand between a headline and a site's name or sections around it.
_EDGE = " -–—|:·•»>~_/("
# A headline has three words or more; fewer is a section's name or a label. More than twenty is a
# sentence.
MIN_HEADING_WORDS = 3
MAX_HEADLINE_WORDS = 20
# Fewer words than this from main-text detection is a page it could not read (a date and the
# weather, a menu): the page's whole text is read instead, and cleaned.
MIN_EXTRACTED_WORDS = 25
# More words than this in one line is not a paragraph but a page run together.
MAX_PARAGRAPH_WORDS = 120


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    source: str | None
    url: str | None
    date: str | None


def _extract(html: str) -> tuple[str, Any]:
    import trafilatura

    settings = dict(with_metadata=True, include_comments=False, include_tables=False, include_images=False)
    flat: tuple[str, Any] | None = None
    for prune in (PRUNE_XPATH, None):
        extracted = trafilatura.bare_extraction(html, prune_xpath=prune, **settings)
        if extracted is not None and _flattened(extracted.text or ""):
            # trafilatura fell back on the page's every string run together: its own search
            # tuned for recall often still finds the story's paragraphs.
            flat = flat or (extracted.text, extracted)
            extracted = trafilatura.bare_extraction(html, prune_xpath=prune, favor_recall=True, **settings)
        text = (extracted.text or "") if extracted is not None else ""
        if len(text.split()) >= MIN_EXTRACTED_WORDS and not _flattened(text):
            return text, extracted
    if flat is not None:
        # Better a few sentences that are surely story (a teaser above a paywall) than a page's
        # menus and headlines glued into them.
        precise = trafilatura.bare_extraction(html, prune_xpath=PRUNE_XPATH, favor_precision=True, **settings)
        text = (precise.text or "") if precise is not None else ""
        return (text, precise) if text.strip() and not _flattened(text) else flat
    # Too short or too unusual for trafilatura's main-text detection (a page of nested layout
    # tables, or markup broken enough to stop its parser): all the page text, a line per block,
    # and the cleaner drops what is not the story.
    text = trafilatura.html2txt(html) or ""
    whole = all_text(html)
    return (whole if len(whole.split()) > len(text.split()) else text), trafilatura.extract_metadata(html)


def _flattened(text: str) -> bool:
    """A long text on one line: trafilatura's fallback when its main-text detection fails, the
    page's every string run together, headlines and links glued into the story's sentences
    where the cleaner can no longer tell them apart."""
    return "\n" not in text.strip() and len(text.split()) > MAX_PARAGRAPH_WORDS


_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>")
_BLOCKS = ("p", "div", "li", "br", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "pre", "table")
_HIDDEN = "//script|//style|//noscript|//iframe|//object|//embed|//select|//textarea|//button|//nav|//header|//footer"


def all_text(html: str, fragment: bool = False) -> str:
    """The text of an HTML page or fragment as lxml reads it, a paragraph per block; scripts,
    styles, form controls, navigation, headers and footers left out. Markup broken enough that
    lxml's parser gives up on it (a page whose ``<html>`` tag is cut off and closed at once, the
    story after it dropped) is read by Python's own tokenizer instead, which goes on tag by tag."""
    from lxml import etree
    from lxml import html as lxml_html

    if "<" not in html:
        return html
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div") if fragment \
            else lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        root = None
    text = ""
    if root is not None:
        for element in root.xpath(_HIDDEN):
            element.drop_tree()
        for element in root.iter(*_BLOCKS):
            element.tail = "\n\n" + (element.tail or "")
        # Markup broken enough that the parser took some of it for text: "<td width=302>Wednesday".
        text = _MARKUP.sub(" ", root.text_content())
    if len(text.split()) >= MIN_EXTRACTED_WORDS:
        return text
    tokenized = _TextTokenizer.text_of(html)
    return tokenized if len(tokenized.split()) > len(text.split()) else text


class _TextTokenizer(HTMLParser):
    """A page's text as the standard library's HTML tokenizer reads it, a paragraph per block,
    hidden elements left out (``all_text``'s fallback)."""

    _HIDDEN_TAGS = frozenset(tag.removeprefix("//") for tag in _HIDDEN.split("|"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    @classmethod
    def text_of(cls, html: str) -> str:
        reader = cls()
        reader.feed(html)
        reader.close()
        return "".join(reader.parts)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._HIDDEN_TAGS:
            self.hidden += 1
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN_TAGS and self.hidden:
            self.hidden -= 1
        if tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def host_of(url: str | None) -> str | None:
    """The host of ``url`` as people write it: lower case, without "www."."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:  # "http://[::1": not a URL
        return None
    return host.removeprefix("www.") if host else None


def _letters(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _document(html: str) -> Any:
    """The page as lxml reads it, or None for markup it cannot parse; read once for the names
    the page gives itself and its headings."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _declared_names(root: Any) -> list[str]:
    """The names a page (``_document``) gives itself, most trusted first."""
    if root is None:
        return []
    names = [*root.xpath("//meta[@property='og:site_name']/@content"),
             *root.xpath("//meta[@name='application-name']/@content")]
    for script in root.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        names.extend(_publishers(data))
    return [n for n in (str(n).strip() for n in names) if n]


def _publishers(data: Any, depth: int = 0) -> list[str]:
    """The publisher names in a JSON-LD document (nested in @graph or lists)."""
    if depth > 6:
        return []
    if isinstance(data, list):
        return [name for item in data for name in _publishers(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    found = []
    publisher = data.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        found.append(publisher["name"])
    for key in ("@graph", "mainEntity", "mainEntityOfPage"):
        if isinstance(data.get(key), (list, dict)):
            found.extend(_publishers(data[key], depth + 1))
    return found


def usable_name(name: str, host: str | None) -> str | None:
    """A publisher name as a reader can use it, or None: a URL becomes its host, a section
    after " > " or " | " goes, a copyright line is no name, nor is a country, a town and its
    state or a long phrase."""
    name = " ".join(name.replace("®", " ").replace("™", " ").split())
    if "://" in name or name.lower().startswith("www."):
        return host_of(name if "://" in name else "http://" + name)
    if _NOT_A_NAME.search(name) or _a_country(name) or _TOWN_AND_STATE.match(name):
        # a copyright line; an edition ("U.S.", a news site's American pages); a place, the end
        # of a local site's <title> ("... - Entertainment - Augusta, GA")
        return None
    name = re.split(r"\s+[>|]\s+", name)[0].strip(" .,;:-–—|")
    if not name or len(name.split()) > MAX_NAME_WORDS:
        return None
    if host and " " not in name and name != host and _letters(name) in (
            _letters(host), _letters(host.rsplit(".", 1)[0])):
        return host  # "NewsComAu" is news.com.au written as one word
    return name


def _a_country(name: str) -> bool:
    from briefing.actors.names import country_code
    from briefing.lang import DEFAULT_LANGUAGE, profile

    return country_code(name.strip(), profile(DEFAULT_LANGUAGE)) is not None


def title_parts(raw: str | None, headline: str | None) -> list[str]:
    """The parts of a page's <title> that are not its headline."""
    if not raw:
        return []
    raw = " ".join(raw.split())
    if headline and _letters(headline) and _letters(headline) in _letters(raw):
        start = raw.lower().find(headline.lower()[:20])
        rest = [raw[:start], raw[start + len(headline):]] if start >= 0 else [raw]
    else:
        rest = [raw]
    return [part.strip(" .,;:-–—|_»>~") for chunk in rest for part in _SEPARATOR.split(chunk)
            if part.strip(" .,;:-–—|_»>~")]


def _content_stems(text: str) -> list[str]:
    """The stems of the words of ``text`` that may say what it tells: of three letters or more,
    not a number, not a stop word ("Keeper Apologizes For Late Arrival" -> keeper, apolog, late, arriv)."""
    from briefing.lang import DEFAULT_LANGUAGE, profile
    from briefing.summarise import stem_of, stop_words

    language = profile(DEFAULT_LANGUAGE).sumy_name
    stop = stop_words(language)
    return [stem_of(language, w) for w in re.findall(r"\w{3,}", text.lower()) if not w.isdigit() and w not in stop]


def told_in(phrase: str, text: str) -> bool:
    """Does the story tell what ``phrase`` says (most of its content words, stemmed, are in
    ``text``: "apologizes" meets "apologized")? A headline's are; a site's name or a section's
    mostly are not; a phrase of stop words alone ("From The") tells nothing."""
    words = _content_stems(phrase)
    if not words:
        return False
    body = _stems_of_text(text)
    return sum(w in body for w in words) / len(words) >= 0.6


@functools.lru_cache(maxsize=4)
def _stems_of_text(text: str) -> frozenset[str]:
    """The story's content stems, once per story: a page's title parts all ask of the same text."""
    return frozenset(_content_stems(text))


def publisher(root: Any, raw_title: str | None, headline: str | None, url: str | None, text: str = "",
              credit: str | None = None) -> str | None:
    """The name a reader knows the page's publisher by (see the module's docstring); ``root`` is
    the page as ``_document`` reads it, ``credit`` the name its title credits."""
    host = host_of(url)
    for name in [*_declared_names(root), *([credit] if credit else [])]:
        usable = usable_name(name, host)
        if usable:
            return usable
    if host:
        return host
    parts = [p for p in title_parts(raw_title, headline) if len(p.split()) <= MAX_NAME_WORDS
             and not (len(p.split()) >= 3 and told_in(p, text)) and not re.search(r"\b\d{4}\b", p)]
    if not parts:
        # "NDTV.com: Modi meets ...": a title that opens or ends with a host names its site.
        ends = [p.strip() for p in _SEPARATOR.split(" ".join((raw_title or "").split()))]
        hosts = [p for p in (ends[0], ends[-1]) if len(ends) > 1 and _HOST.match(p)]
        return hosts[0] if hosts else None
    # "Headline - Section - Site": the site is the last part; "Site: Headline": the first.
    starts = bool(raw_title and headline and _letters(raw_title).find(_letters(headline)[:15]) > 0)
    return usable_name(parts[0] if starts else parts[-1], None)


# Sections and a site's name run onto a headline by bare hyphens: "... with Sallu-India
# Buzz-Entertainment-The Times of India", "... Airport- Travel-Services-News-The Economic Times".
_GLUED_PART = r"[A-Z][\w.&'’]*(?: [A-Za-z][\w.&'’]*){0,5}"
_GLUED_TAIL = re.compile(rf"(?<=[^\s-])-\s?(?={_GLUED_PART}(?:-\s?{_GLUED_PART})+$)")
MAX_TITLE_CHARS = 300


def _glued_tail(title: str | None) -> tuple[str, list[str]] | None:
    """The headline and the capitalised parts (two or more) that bare hyphens run onto its end,
    when a headline's length is left before them; else None."""
    from briefing.clean import is_title_case

    if not title or len(title) > MAX_TITLE_CHARS:
        return None  # a title this long is a broken page's text, not a headline and its sections
    found = _GLUED_TAIL.search(title)
    if found is None or len(title[:found.start()].split()) < MIN_HEADING_WORDS:
        return None
    parts = re.split(r"-\s?", title[found.end():])
    if not all(len(p.split()) <= MAX_NAME_WORDS and is_title_case(p) for p in parts):
        return None
    return title[:found.start()], parts


def _credit_pattern() -> str:
    from briefing.lang import DEFAULT_LANGUAGE, profile

    return profile(DEFAULT_LANGUAGE).title_credit_pattern


def _title_credit(title: str | None) -> str | None:
    """The publisher a title credits at its end: "Harrow Times" of "... (from Harrow Times)"."""
    found = re.search(_credit_pattern(), title or "")
    return found.group(1).strip() if found else None


def _without_credit(title: str | None) -> str | None:
    if not title:
        return title
    return re.sub(_credit_pattern(), "", title).strip() or None


def site_names(site: str | None, host: str | None) -> set[str]:
    """The ways a page names its site, as letters: the publisher, the host, the host's first part."""
    return {_letters(n) for n in (site, host, host.split(".")[0] if host else None) if n} - {""}


def clean_title(title: str | None, site: str | None, host: str | None, text: str = "") -> str | None:
    """The headline without a site name glued to either end ("... - TechCrunch", "AFP: ..."),
    without a site's address before it ("NDTV.com: ..."), without the sections and names after
    it that the story (``text``) never tells ("... - National - Sport", "... - The Honolulu
    Advertiser"), and without doubled punctuation ("Crime?." -> "Crime?")."""
    if not title:
        return title
    title = " ".join(title.split())
    if _CODE.search(title):
        return None  # a page whose markup broke its <title>: "...Title(The Times)ntById("font"); obj.style..."
    names = site_names(site, host)
    changed = True
    while changed and names:
        changed = False
        parts = _SEPARATOR.split(title)
        if len(parts) > 1 and _letters(parts[-1]) in names:
            title = title[:title.rfind(parts[-1])].rstrip(" -–—|:·•»>~_")
            changed = True
        elif len(parts) > 1 and _letters(parts[0]) in names:
            title = title[len(parts[0]):].lstrip(" -–—|:·•»>~_")
            changed = True
        else:
            for name in names:  # "... TechCrunch. TechCrunch": the name run on after a stop
                tail = re.search(r"[.!?]\s+(\S.*)$", title)
                if tail and _letters(tail.group(1)) == name:
                    title = title[:tail.start() + 1]
                    changed = True
    host_first = _HOST_FIRST.match(title)
    if host_first and _HOST.match(host_first.group(1)) and len(title[host_first.end():].split()) >= MIN_HEADING_WORDS:
        title = title[host_first.end():]  # "NDTV.com: Modi meets ...": a site's address opening a title
    if text:
        title = _without_untold_ends(title, text)
        from briefing.clean import without_dateline_tail

        title = without_dateline_tail(title, text)
    title = _DOUBLED.sub(r"\1", title.strip())
    return title or None


def _without_untold_ends(title: str, text: str) -> str:
    """``title`` without its parts after or before a separator that are short and that the
    story never tells ("... - World", "World -- Judges allow ...", "DNA - After Hrs - ..."), or
    only a date ("... | January 15, 2008"), while a headline's length is left."""
    while True:
        parts = [p for p in _SEPARATOR.split(title) if p.strip(_EDGE + ".,;)")]
        if len(parts) < 2:
            return title
        last, first = parts[-1], parts[0]
        head = title[:title.rfind(last)].rstrip(_EDGE)
        if (_untold(last, text) or _a_date(last) or _a_label(last)) and len(head.split()) >= MIN_HEADING_WORDS:
            title = head
            continue
        tail = title[title.find(first) + len(first):].lstrip(_EDGE)
        if _untold(first, text) and len(tail.split()) >= MIN_HEADING_WORDS:
            title = tail
            continue
        return title


def _a_label(part: str) -> bool:
    """One capitalised word after a headline: a section's label ("... - Entertainment")."""
    words = part.strip(_EDGE + ".,;)").split()
    return len(words) == 1 and words[0][:1].isupper() and words[0].isalpha()


def _untold(part: str, text: str) -> bool:
    """A part of a title short as a name or a section, with words of its own (not "But
    Should"), that the story never tells."""
    return len(part.split()) <= MAX_SITE_NAME_WORDS and bool(_content_stems(part)) and not told_in(part, text)


_DROP_CAP = re.compile(r">\s*[A-Z]\s*</")


def _join_drop_caps(root: Any) -> bool:
    """Put a first letter set apart as a drop cap back on its word: a lone capital in an element
    of its own, the next element's text starting in lower case (``<span>T</span><p>urkey,
    Poland ...``). Whether the page (``_document``) changed."""
    letters = [e for e in root.iter() if isinstance(e.tag, str) and not len(e) and e.text
               and len(e.text.strip()) == 1 and e.text.strip().isupper() and not (e.tail or "").strip()]
    changed = False
    for element in letters:
        target = element.getnext()
        while target is not None and not (target.text or "").strip() and len(target):
            target = target[0]  # the first text of the next element: "<p><a>urkey</a>"
        if target is None or not (target.text or "").lstrip()[:1].islower():
            continue
        target.text = element.text.strip() + target.text.lstrip()
        element.drop_tree()
        changed = True
    return changed


# Loose text of at least this many words that reads as a sentence, just before a story's first
# <p>, is the story's first paragraph written without its <p>.
MIN_LOOSE_WORDS = 8


def _wrap_loose_paragraphs(root: Any) -> bool:
    """Make paragraphs of text that stands loose beside a page's <p> tags, as main-text detection,
    which reads paragraphs, would miss it or run it together: prose right before a <p> (``<td>...
    Sam Smith has left the club.</p><p>Smith joined ...``: the page's first <p> tag missing), and
    what follows an empty <p/>, the mark some pages put between paragraphs instead of around them
    (``... on Friday.<p/>The club said ...<p/>``): prose, or anything up to the next such mark.
    Whether the page (``_document``) changed."""
    from briefing.clean import is_prose

    changed = False
    for paragraph in list(root.iter("p")):
        before = paragraph.getprevious()
        parent = paragraph.getparent()
        if parent is None:
            continue
        loose = (before.tail if before is not None else parent.text) or ""
        if len(loose.split()) >= MIN_LOOSE_WORDS and is_prose(loose.strip()):
            if before is not None:
                before.tail = "\n"
            else:
                parent.text = "\n"
            paragraph.addprevious(_paragraph(loose))
            changed = True
        following = paragraph.tail or ""
        if len(paragraph) or (paragraph.text or "").strip() or not following.strip():
            continue
        marked = paragraph.getnext() is not None and paragraph.getnext().tag == "p"
        if marked or (len(following.split()) >= MIN_LOOSE_WORDS and is_prose(following.strip())):
            paragraph.tail = "\n"
            paragraph.addnext(_paragraph(following))
            changed = True
    return changed


def _paragraph(text: str) -> Any:
    from lxml import etree

    wrapped = etree.Element("p")
    wrapped.text = text.strip()
    wrapped.tail = "\n"
    return wrapped


# A teaser of another story: a block that opens with a link of a headline's length on a line of
# its own, then a few words more (a standfirst, a time, a section). Two or more alike side by side
# (the same tag and class) are a list of other stories; the link's text is already left out as
# link text, what follows it is not. A story's paragraph that opens with a link runs on from it
# ("<a>He succeeded David Brennan</a>, who quit ...").
MAX_TEASER_WORDS = 60
MIN_TEASERS = 2
_VISIBLE_TEXT = ".//text()[normalize-space()][not(ancestor::script or ancestor::style)]"


def _visible(element: Any) -> str:
    """The text a reader sees in ``element``, its white space run together."""
    return " ".join(" ".join(element.xpath(_VISIBLE_TEXT)).split())


_RUNS_ON = ",;:)]'’”%-–"


def _teasers(root: Any) -> list[Any]:
    """The outermost teasers of other stories in a page (``_document``)."""
    found = []
    for parent in root.iter():
        alike: dict[tuple[str, str | None], list[Any]] = {}
        for child in parent:
            if isinstance(child.tag, str):
                alike.setdefault((child.tag, child.get("class")), []).append(child)
        for children in alike.values():
            if len(children) < MIN_TEASERS:
                continue
            teasers = [child for child in children if _is_teaser(child)]
            if len(teasers) >= MIN_TEASERS:
                found.extend(teasers)
    inside = set(found)
    return [e for e in found if not any(a in inside for a in e.iterancestors())]


def _is_teaser(element: Any) -> bool:
    """Does the block open with a link to one other page, of a headline's length and on a line of
    its own, and say a few words more?"""
    texts = element.xpath(_VISIBLE_TEXT)
    if not texts:
        return False
    holder = texts[0].getparent()
    link = next((e for e in ([holder] if texts[0].is_text else []) + list(holder.iterancestors())
                 if e.tag == "a" or e is element), None)
    if link is None or link.tag != "a" or not (link.get("href") or "").strip():
        return False  # the block opens with words of its own, not with a link
    targets = {a.get("href").split("#")[0].split("?")[0] for a in element.iter("a") if (a.get("href") or "").strip()}
    if len(targets) != 1:
        return False  # one story's link (a headline and its picture), not a paragraph's several
    tail = link.tail or ""
    if tail.strip() and not tail.startswith("\n") and (tail.lstrip()[:1].islower() or tail.lstrip()[:1] in _RUNS_ON):
        return False
    after = link.getnext()
    if after is not None and (after.text or "").strip()[:1].islower():
        return False
    headline = len(_visible(link).split())
    rest = len(" ".join(texts).split()) - sum(len(_visible(a).split())
                                            for a in element.iter("a"))
    return headline >= MIN_HEADING_WORDS and 0 < rest <= MAX_TEASER_WORDS


# A short paragraph that is a link to another page, bare or after a label ("Our Standards: <a>The
# Trust Principles</a>", "[<a>Our latest forecast</a>]"), points away from the story. A story's
# own links sit inside its sentences ("CNN used the <a>Empire State Building</a>.").
MAX_LINK_LINE_WORDS = 15
LINK_LINE_SHARE = 0.5


def _link_lines(root: Any) -> list[Any]:
    """The paragraphs of a page (``_document``) that are a label and a link to another page."""
    found = []
    for paragraph in root.iter("p"):
        text = _visible(paragraph)
        words = len(text.split())
        links = [a for a in paragraph.iter("a") if (a.get("href") or "").strip().startswith(("http", "/"))]
        if not links or not words or words > MAX_LINK_LINE_WORDS:
            continue
        linked = [_visible(a) for a in links]
        if sum(len(t.split()) for t in linked) < LINK_LINE_SHARE * words:
            continue
        at = text.find(linked[0]) if linked[0] else -1
        before = text[:at] if at >= 0 else text  # words before the first link: none, or a label
        if not any(c.isalpha() for c in before) or before.rstrip().endswith(":"):
            found.append(paragraph)
    return found


# A picture's caption often says again what its ``alt`` text says; beside the picture, a paragraph
# that opens with those words is the caption, whatever its markup is called.
MIN_ALT_WORDS = 3


def _alt_captions(root: Any) -> list[Any]:
    """The paragraphs beside a picture (in its block) that open with the picture's ``alt`` text."""
    found = []
    for image in root.iter("img"):
        alt = " ".join((image.get("alt") or "").split())
        block = image.getparent()
        if len(alt.split()) < MIN_ALT_WORDS or block is None:
            continue
        if block.tag == "a" and block.getparent() is not None:
            block = block.getparent()
        for paragraph in block.iter("p"):
            text = _visible(paragraph)
            if text.startswith(alt) and paragraph not in found:
                found.append(paragraph)
    return found


def story_markup(html: str, root: Any) -> str:
    """The page (``root``, its ``_document``) as main-text detection is given it: drop caps put
    back on their words and teasers of other stories left out; ``html`` itself when neither is
    there."""
    if root is None:
        return html
    changed = _join_drop_caps(root) if _DROP_CAP.search(html) else False
    changed = _wrap_loose_paragraphs(root) or changed
    teasers = _teasers(root)
    for element in teasers:
        element.drop_tree()
    links = [*_link_lines(root), *_alt_captions(root)]  # outside the teasers just left out
    for element in links:
        if element.getparent() is not None:
            element.drop_tree()
    if not (changed or teasers or links):
        return html
    from lxml import html as lxml_html

    return lxml_html.tostring(root, encoding="unicode")


def read_page(html: str, url: str | None = None) -> Page:
    """The story of one HTML page and what the brief says about where it came from."""
    root = _document(html)
    headings = _headings(root)  # the page's own, teasers' too: read before they are left out
    text, meta = _extract(story_markup(html, root))
    link = _string(getattr(meta, "url", None)) or url
    if link and not link.startswith(("http://", "https://")):
        link = url  # a relative canonical link says nothing on its own
    raw_title = _raw_title(html)
    headline = _string(getattr(meta, "title", None))
    # "Aidy recalls big guns (from Harrow Times)": the publisher's name, not the headline's;
    # "... with Sallu-India Buzz-Entertainment-The Times of India": sections and the site's name
    credits = [_title_credit(t) for t in (raw_title, headline)]
    raw_title, headline = (_without_credit(t) for t in (raw_title, headline))
    glued = [_glued_tail(t) for t in (raw_title, headline)]
    credit = credits[0] or credits[1] or (glued[0][1][-1] if glued[0] else None)
    raw_title, headline = (run[0] if run else t for run, t in zip(glued, (raw_title, headline)))
    if not headline:
        # trafilatura found no title (a <title> inside the body, none at all): the page's <title>
        # (its first part of three words or more: "Headline - Section - Site", "Site.com: Headline");
        # else the first heading the story tells.
        parts = [p for p in title_parts(raw_title, None) if len(p.split()) >= MIN_HEADING_WORDS]
        headline = (parts[0] if parts else raw_title) or next(
            (h for h in headings if len(h.split()) >= MIN_HEADING_WORDS and told_in(h, text)), None)
    elif raw_title and not told_in(headline, text):
        # "San Bernardino County Sun - USC has imposing challenge": the title trafilatura took is
        # the site's; the headline is the part the story tells.
        # If the story tells none, a part written in sentence case as a headline is ("Rovers face
        # a tough test") beats a name ("Harbour County Sun") or parts of the title run together
        # ("Harbour News, Weather - HTV 4 - We are Harbour!"); not a run of capitalised keywords
        # ("Football Transfer News, Live Scores").
        from briefing.clean import is_title_case

        parts = title_parts(raw_title, headline)
        told = [p for p in parts if told_in(p, text)] or ([
            p for p in parts if len(p.split()) >= MIN_HEADING_WORDS and not is_title_case(p)]
            if _a_site(headline) or len(_SEPARATOR.split(headline)) > 1 else [])
        headline = told[0] if told else headline
    if headline and raw_title and len(headline.split()) < MIN_HEADING_WORDS:
        # "Football": a section's label, the page's first heading; the part of the <title> the
        # page shows as a heading is the headline ("Sterjovski Derby-bound - Football - Fox Sports"),
        # else its longest part of a headline's length ("Spotlight | It's not 'monkey', more
        # likely a Punjabi abuse | Indiainteracts.com" beside the heading "Tags").
        longest = max((p for p in title_parts(raw_title, None) if len(p.split()) >= MIN_HEADING_WORDS),
                      key=len, default=headline)
        headline = heading_in_title(raw_title, [h for h in headings if len(h) > len(headline)], 2) or longest
    headline = heading_in_title(headline, headings) or headline
    site = publisher(root, raw_title, headline, link, text, credit)
    host = host_of(link)
    names = site_names(site, host)
    if headline and _letters(headline) in names and raw_title:
        # The site's own name taken for the headline (a logo in an <h1>): the <title>'s other part.
        others = [part for part in title_parts(raw_title, headline) if _letters(part) not in names]
        headline = max(others, key=len, default=headline)
    if headline and _a_site(headline) and not told_in(headline, text):
        # "Local Sports Wire", "A Netsports Site", "Sporting Life - Football News": a section's or
        # a site's name the story never tells, not its headline; the page's first heading the
        # story tells is, or the headline main-text detection found above the story.
        opening, _, rest = text.strip().partition("\n")
        candidates = headings + ([opening.strip()] if _headline_shaped(opening) and told_in(opening, rest) else [])
        told = [h for h in candidates if len(h.split()) >= MIN_HEADING_WORDS and told_in(h, text) and not _a_date(h)]
        headline = told[0] if told else headline
    found = _string(getattr(meta, "date", None))
    printed = printed_dates(root) if found and root is not None else []
    date = _dated(found, html, printed, text)
    return Page(text=text, title=clean_title(headline, site, host, text), source=site, url=link,
                date=_printed_over_searched(date, html, printed))


# How a page writes the first of January, when it does: "January 1", "Jan. 1st", "1 Jan", "01/01",
# "2008-01-01".
_NEW_YEARS_DAY = re.compile(r"\bjan(?:uary)?\.?\s+0?1(?:st)?\b|\b0?1\s+jan|\b01[/.-]01\b|-01-01\b", re.I)


def _dated(date: str | None, html: str, printed: Sequence[dt.date] = (), text: str = "") -> str | None:
    """The page's date from its metadata, unless it is a year alone: main-text detection's
    search of the text gives "2000-01-01" for "the 2000 bombing of the USS Cole". A first of
    January the page never writes is such a guess, and the article is undated rather than
    misdated (its events would be read against the wrong day)."""
    if date and date[4:] == "-01-01" and not _NEW_YEARS_DAY.search(html):
        return None
    return _month_first(date, html, printed, text) if date else date


# A date the page prints this far from the date found is not that date's day.
MAX_PRINTED_GAP_DAYS = 30
# A line this short holding a date prints a date stamp ("Mon, January 14, 2008",
# "Last updated: 7 Jan 2008 14:47"), not a sentence about a day.
MAX_STAMP_CHARS = 80
# Where a page's text is not read as what it prints: links (other pages' dates), code, forms.
_UNPRINTED = ("a", "script", "style", "noscript", "option", "select", "textarea")


def _printed_over_searched(date: str | None, html: str, printed: Sequence[dt.date]) -> str | None:
    """The date the page prints over one main-text detection only searched its markup for.

    Main-text detection's date comes from metadata, the page's address, a dated element; else
    from an extensive search of the whole page, markup and all, for the oldest date in it, which
    on a page listing other stories in a sidebar is the oldest link's ("/2006/09/01/...") or a
    number in a script. When that search alone found the date and every date the page prints
    in a line of its own (``printed``, from ``printed_dates``) is more than a month away from it,
    the first printed date is the page's.
    """
    if not date:
        return date
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return date
    if not printed or any(abs((p - day).days) <= MAX_PRINTED_GAP_DAYS for p in printed):
        return date
    from htmldate import find_date

    if find_date(html, extensive_search=False, original_date=True) is not None:
        return date  # found by metadata, address or markup: not only by the search
    return printed[0].isoformat()


def printed_dates(root: Any) -> list[dt.date]:
    """The dates a page prints in short lines of their own, outside links, scripts and forms, in
    page order: "Mon, January 14, 2008", "Published: 9th January 2008, 16:23", "2008-01-14"."""
    pattern, months = _stamp_pattern()
    found: list[dt.date] = []
    for node in root.xpath("//body//text()[not(" + " or ".join(f"ancestor::{t}" for t in _UNPRINTED) + ")]"):
        line = " ".join(str(node).split())
        if not line or len(line) > MAX_STAMP_CHARS:
            continue
        for match in pattern.finditer(line):
            name, day, year = ((match["m1"], match["d1"], match["y1"]) if match["m1"] else
                               (match["m2"], match["d2"], match["y2"]) if match["m2"] else (None, None, None))
            month = months.get(name.lower()) if name else int(match["mi"])
            day = int(day) if day else int(match["di"])
            try:
                found.append(dt.date(int(year or match["yi"]), month, day))
            except (TypeError, ValueError):
                continue
    return found


@functools.lru_cache(maxsize=None)
def _month_names() -> tuple[str, dict[str, int]]:
    """Each month name and abbreviation of the language profile with its number, and all of them
    as a pattern's alternatives, longest first."""
    from briefing.lang import DEFAULT_LANGUAGE, profile

    lang = profile(DEFAULT_LANGUAGE)
    months = {name: number for number, name in enumerate(lang.months, 1)}
    months.update({short: next(n for name, n in months.items() if name.startswith(short))
                   for short in lang.month_abbreviations})
    return "|".join(sorted(months, key=len, reverse=True)), months


@functools.lru_cache(maxsize=None)
def _stamp_pattern() -> tuple[re.Pattern, dict[str, int]]:
    """A full date as a page prints it ("January 14, 2008", "14 Jan 2008", "2008-01-14") and
    each month name's number, from the language profile."""
    name, months = _month_names()
    year, ordinal = r"(?:19|20)\d\d", r"(?:st|nd|rd|th)?"
    return re.compile(
        rf"\b(?:(?P<m1>{name})\.?\s+(?P<d1>\d{{1,2}}){ordinal},?\s+(?P<y1>{year})"
        rf"|(?P<d2>\d{{1,2}}){ordinal}\s+(?P<m2>{name})\.?,?\s+(?P<y2>{year})"
        rf"|(?P<yi>{year})-(?P<mi>\d\d)-(?P<di>\d\d))\b", re.I), months


_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
# The same followed by a clock time and its zone: "01/09/2008 09:37:25 PM PST".
_ZONED_DATE = re.compile(
    _NUMERIC_DATE.pattern + r"[\s,]+(?:at\s+)?\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*\(?([a-z]{2,4})\b", re.I)


def _month_first(date: str, html: str, printed: Sequence[dt.date] = (), text: str = "") -> str:
    """The date read month first when the page writes its dates so. Main-text detection reads a
    numeric date day first ("01/08/2008" as 1 August) unless the day cannot be a month; a page
    that writes another date month first beyond doubt ("01/15/2008") and none day first meant
    8 January; so did one that prints a date in words within a month of 8 January and none
    within a month of 1 August ("Tue, January 15, 2008" beside "Published: 01.08.2008"), or
    whose story opens on a wire dateline of a day near 8 January ("NEW YORK, Jan. 7 --")."""
    try:
        year, month, day = int(date[:4]), int(date[5:7]), int(date[8:10])
    except ValueError:
        return date
    if month == day or month > 12 or day > 12:
        return date  # not ambiguous
    written = [(int(a), int(b), c) for a, _, b, c in _NUMERIC_DATE.findall(html)]
    years = (str(year), f"{year % 100:02d}")
    if not any((a, b) == (day, month) and c in years for a, b, c in written) \
            or any((a, b) == (month, day) and c in years for a, b, c in written):
        return date  # not read from such a date, or the page writes it month first too
    month_first = any(a <= 12 < b <= 31 for a, b, _ in written) or _zoned_month_first(html, day, month, years)
    day_first = any(b <= 12 < a <= 31 for a, b, _ in written)
    if not (month_first or day_first):
        # No numeric date settles it: the dates the page prints in words do.
        read, swapped = dt.date(year, month, day), dt.date(year, day, month)
        written_out = [*printed, *_dateline_days(text, year)]
        month_first = any(abs((p - swapped).days) <= MAX_PRINTED_GAP_DAYS for p in written_out) \
            and not any(abs((p - read).days) <= MAX_PRINTED_GAP_DAYS for p in written_out)
    return f"{year:04d}-{day:02d}-{month:02d}{date[10:]}" if month_first and not day_first else date


# How far into the story a wire dateline's day may stand: "(Wire) NEW YORK, Jan. 7 --".
MAX_DATELINE_CHARS = 80


def _dateline_days(text: str, year: int) -> list[dt.date]:
    """The day a wire dateline opening the story names ("NEW YORK, Jan. 7 --", "Islamabad, Jan
    14 (Wire)"), in its own year if it names one, else in ``year``."""
    name, months = _month_names()
    opening = text.lstrip()[:MAX_DATELINE_CHARS]
    found = re.search(rf",\s*({name})\.?\s+(\d{{1,2}})\b(?:,?\s+((?:19|20)\d\d)\b)?", opening, re.I)
    try:
        return [dt.date(int(found[3] or year), months[found[1].lower()], int(found[2]))] if found else []
    except ValueError:
        return []


def _zoned_month_first(html: str, first: int, second: int, years: tuple[str, str]) -> bool:
    """Is the date written "first/second/year" followed by its time in a clock zone of a country
    that writes the month first ("01/09/2008 09:37:25 PM PST")?"""
    from briefing.lang import DEFAULT_LANGUAGE, profile

    zones = profile(DEFAULT_LANGUAGE).month_first_zones
    for match in _ZONED_DATE.finditer(html):
        a, b, c, zone = int(match[1]), int(match[3]), match[4], match[5].lower()
        if (a, b) == (first, second) and c in years and zone in zones:
            return True
    return False


def _a_name(phrase: str) -> bool:
    """A short phrase with its words capitalised, as a name is written: "Edmonton Sun"."""
    from briefing.clean import is_title_case

    return len(phrase.split()) <= MAX_SITE_NAME_WORDS and is_title_case(phrase)


def _a_site(phrase: str) -> bool:
    """A site's or a section's name: a short capitalised phrase ("Edmonton Sun"), such phrases
    between separators ("Sporting Life - Football News"), or one with a site's address
    ("Indiantelevision.com's Evening News Digest")."""
    parts = [p for p in _SEPARATOR.split(phrase) if p.strip(_EDGE)]
    addresses = [re.sub(r"['’]s$", "", w).strip(".,;:()") for w in phrase.split()]
    return (bool(parts) and all(_a_name(p) for p in parts)) or any(_HOST.match(w) for w in addresses)


def _headline_shaped(line: str) -> bool:
    """A line that may be a headline: a few words, no sentence's end, no byline, dateline or time."""
    from briefing.clean import is_dateline, is_prose

    return MIN_HEADING_WORDS <= len(line.split()) <= MAX_HEADLINE_WORDS and not is_prose(line) \
        and not is_dateline(line) and not re.search(r"\d", line) and not _SEPARATOR.search(line)


def _a_date(phrase: str) -> bool:
    """Only a date: "Thursday, January 17th, 2008"."""
    from briefing.actors.names import is_calendar
    from briefing.lang import DEFAULT_LANGUAGE, profile

    words = [re.sub(r"^(\d+)(?:st|nd|rd|th)$", r"\1", w) for w in re.findall(r"\w+", phrase.lower())]
    return bool(words) and is_calendar(words, profile(DEFAULT_LANGUAGE))


def heading_in_title(title: str | None, headings: list[str], min_words: int = MIN_HEADING_WORDS) -> str | None:
    """The headline of a title with more around it, as a heading of the page shows it: the
    title "Cyclone rips through villages - Breaking News - World" and the heading "Cyclone
    rips through villages" say which part is the story's; the rest, cut off at a separator,
    is the site's sections and name. The longest heading of ``min_words`` words or more that is
    such a part, or None."""
    if not title:
        return None
    flat = " ".join(title.split())
    lowered = flat.lower()
    found = []
    for heading in headings:
        if len(heading.split()) < min_words or len(heading) >= len(flat):
            continue
        start = lowered.find(heading.lower())
        if start < 0:
            continue
        before, after = flat[:start].rstrip(), flat[start + len(heading):].lstrip()
        if (not before or before[-1] in _EDGE) and (not after or after[0] in _EDGE):
            found.append(flat[start:start + len(heading)])
    return max(found, key=len, default=None)


def _headings(root: Any) -> list[str]:
    """The texts of the page's (``_document``) headings, h1 to h3, in page order."""
    if root is None:
        return []
    return [text for element in root.iter("h1", "h2", "h3") if (text := " ".join(element.text_content().split()))]


def _string(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _raw_title(html: str) -> str | None:
    """The text of the page's <title>, up to its end tag even when that is broken
    (``</titlevalue="true" -->``, where lxml reads the rest of the page as the title)."""
    found = re.search(r"<title\b[^>]*>(.*?)</title", html[:200_000], re.I | re.S)
    if not found:
        return None
    import html as html_module

    return html_module.unescape(found.group(1)).strip() or None
