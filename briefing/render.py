"""Render a ``Brief`` with Jinja2 templates to Markdown, HTML and PDF.

Templates are looked up in the user's ``templates_dir`` first, then in the built-in
folder; an override can ``{% extends "builtin/brief.md.j2" %}``. Templates run in Jinja's
sandbox, and the PDF renderer fetches nothing outside the template folders. Which formats a
brief is written in, and how, is ``briefing.outputs``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import logging
import re
import subprocess
import textwrap
import unicodedata
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import dataclasses
import datetime as dt
import operator
from collections.abc import Mapping
from pathlib import PurePath
from types import MappingProxyType
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from briefing.chart import coverage_svg, describe
from briefing.errors import RenderError
from briefing.models import Brief
from briefing.text import visible

log = logging.getLogger(__name__)

KIND_LABELS = {"person": "Person", "organisation": "Organisation", "place": "Place", "group": "Group"}


def builtin_templates_dir() -> Path:
    """The built-in templates: ``templates/`` of the source tree, shipped in the wheel as
    ``briefing/templates``."""
    source_tree = Path(__file__).resolve().parent.parent / "templates"
    if (source_tree / "brief.md.j2").is_file():
        return source_tree
    return Path(str(resources.files("briefing") / "templates"))


TEMPLATE_NAMES = ("brief.md.j2", "brief.html.j2", "brief.css", "archive.html.j2")


def search_path(templates_dir: Path | None) -> list[Path]:
    return ([templates_dir] if templates_dir else []) + [builtin_templates_dir()]


def templates_in_use(templates_dir: Path | None) -> list[tuple[str, str, Path]]:
    """Each template briefing renders with: (name, "user" or "built-in", the file used)."""
    used = []
    for name in TEMPLATE_NAMES:
        user = templates_dir / name if templates_dir else None
        if user is not None and user.is_file():
            used.append((name, "user", user))
        else:
            used.append((name, "built-in", builtin_templates_dir() / name))
    return used


# Characters that would make article text into Markdown syntax. An underscore inside a
# word ("file_name") is literal in CommonMark, so only word-edge underscores are escaped;
# "!" makes an image only before "[", which is escaped; "~" makes a fence or, doubled, a
# strikethrough. What opens a list, a heading or a break only does so at the start of a line.
_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|~]|(?<!\w)_|_(?!\w))")
_LINE_START = re.compile(r"^(\d+)([.)])(?=\s|$)|^([-+=#])")


def _line_start(line: str) -> str:
    """A line that would open a list, a heading or a thematic break, escaped at its start."""
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", line,
                           count=1)


def md_escape(text: object) -> str:
    """Escape text so it shows literally in Markdown wherever it stands, at the start of a line
    too: no links, images, HTML, emphasis, fences, lists or headings."""
    return _line_start(_MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split())))


_ENDED = re.compile(r"[.!?…][\"'”’»)\]]*$")


def ended(text: object) -> str:
    """The text as a sentence of the Sources list: a full stop after it, unless it ends with
    one, a question or an exclamation ("The Final Chapter?", not "The Final Chapter?.")."""
    text = " ".join(str(text).split())
    return text if _ENDED.search(text) else text + "."


_MD_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~=])")


def md_unescape(markdown: str) -> str:
    """The Markdown brief as a person reads it in a plain mail client: its escapes taken out
    ("18\\)" -> "18)", "\\|" -> "|"), the text itself as written."""
    return _MD_ESCAPED.sub(r"\1", markdown)


WRAP_WIDTH = 78  # characters: a mail client shows the plain-text part without reflowing it


def md_wrap(text: object, indent: str = "", width: int = WRAP_WIDTH) -> str:
    """Wrap one Markdown line (already escaped) to ``width``; continuation lines get ``indent``
    and are escaped where they would start a list, heading or quote of their own."""
    lines = textwrap.wrap(str(text), width=width, subsequent_indent=indent, break_long_words=False,
                          break_on_hyphens=False)
    for i in range(1, len(lines)):
        lines[i] = indent + _line_start(lines[i][len(indent):])
    return "\n".join(lines)


_SAFE_URL = re.compile(r"https?://[^\s<>()\[\]]+")


def md_url(url: str | None) -> str:
    """A URL as a Markdown autolink, or escaped text when it is not a plain web address."""
    if not url:
        return ""
    return f"<{url}>" if _SAFE_URL.fullmatch(url) else md_escape(url)


def long_date(value: dt.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "undated"


def day_date(value: dt.date) -> str:
    """"Friday 3 January 2020"."""
    return f"{value:%A} {value.day} {value:%B %Y}"


MAX_DATA_URL = 200_000  # characters: a small inline image, not a smuggled document


def safe_fetcher(roots: Sequence[Path]):
    """A WeasyPrint URL fetcher that serves only files inside ``roots`` (the template folders)
    and small ``data:`` images. Anything else (``file://`` elsewhere, ``http(s)://``, FTP) is
    refused before a request is made, so a template or an article cannot read local files
    into the PDF or make a network call."""
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    allowed = [root.resolve() for root in roots]

    class SafeFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = urlsplit(url).scheme.lower()
            if scheme == "data" and len(url) <= MAX_DATA_URL and url[5:].lower().startswith("image/"):
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlsplit(url).path)).resolve()
                if any(path.is_relative_to(root) for root in allowed):
                    return super().fetch(url, headers)
            raise ValueError(f"briefing does not fetch {url[:80]!r}: only the template folder's own files "
                             f"and small data: images are used")

    return SafeFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


class View:
    """A record as templates see it: read-only, its fields by attribute or by key, its values
    plain (strings, numbers, dates, tuples and other views). Nothing in it reaches a file,
    a method that acts, or the brief itself. (Not a ``Mapping``: its methods would hide fields
    such as a section's ``items``.)"""

    __slots__ = ("_kind", "_fields")

    def __init__(self, kind: str, fields: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_fields", MappingProxyType(dict(fields)))

    def __getattr__(self, name: str) -> Any:
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"{self._kind} has no attribute {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{self._kind} is read-only")

    def __getitem__(self, key: str) -> Any:
        return self._fields[key]

    def __contains__(self, key: str) -> bool:
        return key in self._fields

    def __repr__(self) -> str:
        return f"<{self._kind}>"


class ShownPath(str):
    """A file's path as text, with the ``name`` templates show; no way to the file itself."""

    @property
    def name(self) -> str:
        return PurePath(self).name


def template_view(value: Any) -> Any:
    """``value`` as plain, immutable data for a template: dataclasses and mappings become
    views, sequences tuples, paths text."""
    if value is None or isinstance(value, (bool, int, float, dt.date)):
        return value
    if isinstance(value, str):
        return visible(str(value))
    if isinstance(value, PurePath):
        return ShownPath(visible(str(value)))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        # What a record derives from its fields ("story.sources"), as the fields are.
        fields.update((name, getattr(value, name)) for name, attr in vars(type(value)).items()
                      if isinstance(attr, property))
        return View(type(value).__name__, {name: template_view(v) for name, v in fields.items()})
    if isinstance(value, Mapping):
        return View("mapping", {str(k): template_view(v) for k, v in value.items()})
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(template_view(v) for v in value)
    raise TypeError(f"templates get plain data, not {type(value).__name__}")


# What a template may build with * and **: enough for any brief, not for a memory bomb.
MAX_TEMPLATE_SIZE = 1_000_000
MAX_EXPONENT = 64


class BriefSandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox for templates users may write: no Python internals, no changing of the
    data, and no * or ** that builds a string, a sequence or a number too big to finish."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, tuple, list)) and isinstance(times, int) \
                        and len(seq) * times > MAX_TEMPLATE_SIZE:
                    raise SecurityError(f"a template may not build a value over {MAX_TEMPLATE_SIZE:,} long")
            return operator.mul(left, right)
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT and not (
                    isinstance(left, (int, float)) and abs(left) <= 1):
                raise SecurityError(f"a template may not raise to a power over {MAX_EXPONENT}")
            return operator.pow(left, right)
        return super().call_binop(context, operator_name, left, right)


def make_environment(templates_dir: Path | None, autoescape: bool) -> jinja2.Environment:
    builtin = jinja2.FileSystemLoader(str(builtin_templates_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir:
        loaders.append(jinja2.FileSystemLoader(str(templates_dir)))
    loaders += [builtin, jinja2.PrefixLoader({"builtin": builtin})]
    # Templates may come from users: the sandbox keeps them from reaching Python internals.
    env = BriefSandbox(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["md_url"] = md_url
    env.filters["ended"] = ended
    env.filters["wrap"] = md_wrap
    env.filters["long_date"] = long_date
    env.filters["day_date"] = day_date
    env.filters["coverage_svg"] = coverage_svg
    env.filters["coverage_text"] = describe
    env.filters["source_marker"] = lambda number: f"[{number}]"
    env.filters["cited"] = lambda sentence: f"{md_escape(sentence.text)} [{sentence.article_id}]"
    env.filters["kind_label"] = lambda kind: KIND_LABELS.get(kind, kind.title())
    return env


# Inputs named one by one under "Not included"; past that, a count (the run's output lists all).
SKIPPED_LISTED = 25


def render_template(name: str, brief: Brief, templates_dir: Path | None, autoescape: bool = False,
                    medium: str = "pdf") -> str:
    """Render one template; ``medium`` ("pdf" or "email") lets the HTML template leave out
    what only paper has (the running header)."""
    return _render(name, templates_dir, autoescape, brief=template_view(brief), medium=medium,
                   skipped_listed=SKIPPED_LISTED)


def _render(name: str, templates_dir: Path | None, autoescape: bool, **context: Any) -> str:
    env = make_environment(templates_dir, autoescape)
    try:
        template = env.get_template(name)
        return template.render(**context)
    except jinja2.TemplateNotFound as exc:
        searched = ", ".join(str(p) for p in search_path(templates_dir))
        raise RenderError(f"template {exc.name!r} not found; searched: {searched}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"{exc.filename or exc.name}:{exc.lineno}: template syntax error: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise RenderError(f"template {name!r}: {exc.message}") from None
    except SecurityError as exc:
        raise RenderError(f"template {name!r} tried something templates may not do: {exc}") from None


def render_archive(archive, templates_dir: Path | None) -> str:
    """The archive page (``archive.html.j2``), from plain data as briefs are."""
    return _render("archive.html.j2", templates_dir, True, archive=template_view(archive), medium="web")


def render_markdown(brief: Brief, templates_dir: Path | None) -> bytes:
    return render_template("brief.md.j2", brief, templates_dir).encode("utf-8")


def render_html(brief: Brief, templates_dir: Path | None, medium: str = "pdf") -> str:
    return render_template("brief.html.j2", brief, templates_dir, autoescape=True, medium=medium)


@functools.lru_cache(maxsize=1)
def _installed_coverage() -> tuple[tuple[int, int], ...] | None:
    """The code point ranges some installed font covers (fontconfig's fc-list), merged; None
    when fc-list is not there to ask."""
    try:
        listing = subprocess.run(["fc-list", "--format", "%{charset}\n"], capture_output=True, text=True,
                                 timeout=20, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    ranges = []
    for part in listing.split():
        low, _, high = part.partition("-")
        try:
            ranges.append((int(low, 16), int(high or low, 16)))
        except ValueError:
            continue
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return tuple(merged)


def uncovered_characters(text: str) -> list[str]:
    """Characters of ``text`` that no installed font can draw (they would print as boxes)."""
    coverage = _installed_coverage()
    if not coverage:
        return []
    starts = [low for low, _ in coverage]
    missing = set()
    for ch in set(text):
        code = ord(ch)
        if code < 0x80 or ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Mn"):
            continue
        i = bisect.bisect_right(starts, code) - 1
        if i < 0 or code > coverage[i][1]:
            missing.add(ch)
    return sorted(missing)


def render_pdf(brief: Brief, templates_dir: Path | None) -> bytes:
    return pdf_from_html(render_html(brief, templates_dir), templates_dir)


def pdf_from_html(html: str, templates_dir: Path | None) -> bytes:
    """The PDF of the HTML brief (WeasyPrint), fetching only the template folders' files."""
    import weasyprint

    missing = uncovered_characters(html)
    if missing:
        log.warning("PDF: no installed font has %s (%d character(s)); they print as boxes. Install fonts that "
                    "cover them, e.g. fonts-noto-core and fonts-noto-cjk", " ".join(missing[:12]), len(missing))
    base = templates_dir if templates_dir else builtin_templates_dir()
    fetcher = safe_fetcher(search_path(templates_dir))
    try:
        return weasyprint.HTML(string=html, base_url=str(base), url_fetcher=fetcher).write_pdf()
    except Exception as exc:  # WeasyPrint raises many kinds; a person needs the message
        raise RenderError(f"PDF rendering failed: {exc}") from exc
