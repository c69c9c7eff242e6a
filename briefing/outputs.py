"""The formats a brief is written in, from one registry, and writing them.

``FORMATS`` maps each name config.yaml and ``--format`` accept to its file extension and the
function that renders it. A ``Rendering`` makes each template and the PDF at most once for a
brief, whichever formats ask for them (the email reuses the Markdown, and the PDF when it is
attached). Every format is rendered in memory before any file is written, and each file is
written to a temporary name and moved into place, so a failed run leaves no partial brief.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import RenderError

if TYPE_CHECKING:  # pragma: no cover
    from briefing.config import EmailConfig
    from briefing.models import Brief


class Rendering:
    """One brief being rendered with one set of templates: each part made once, on demand."""

    def __init__(self, brief: Brief, templates_dir: Path | None = None, email: EmailConfig | None = None) -> None:
        from briefing.config import EmailConfig

        self.brief = brief
        self.templates_dir = templates_dir
        self.email = email or EmailConfig()

    @functools.cached_property
    def markdown(self) -> str:
        from briefing.render import render_template

        return render_template("brief.md.j2", self.brief, self.templates_dir)

    @functools.cached_property
    def html(self) -> str:
        """The HTML brief the PDF is made from."""
        from briefing.render import render_html

        return render_html(self.brief, self.templates_dir, medium="pdf")

    @functools.cached_property
    def pdf(self) -> bytes:
        from briefing.render import pdf_from_html

        return pdf_from_html(self.html, self.templates_dir)

    @functools.cached_property
    def web_html(self) -> str:
        """The brief as one self-contained web page."""
        from briefing.render import render_html

        return render_html(self.brief, self.templates_dir, medium="web")

    @functools.cached_property
    def email_html(self) -> str:
        """The HTML brief for a mail client (no running header)."""
        from briefing.render import render_html

        return render_html(self.brief, self.templates_dir, medium="email")

    @functools.cached_property
    def plain_text(self) -> str:
        """The Markdown brief without its escapes: the email's plain-text part."""
        from briefing.render import md_unescape

        return md_unescape(self.markdown)

    @functools.cached_property
    def eml(self) -> bytes:
        from briefing.message import build_message

        return build_message(self.brief, self.plain_text, self.email_html, self.email,
                             pdf=self.pdf if self.email.attach_pdf else None)


@dataclass(frozen=True)
class OutputFormat:
    name: str
    extension: str  # of the file written: brief-YYYY-MM-DD.<extension>
    render: Callable[[Rendering], bytes]


FORMATS: dict[str, OutputFormat] = {fmt.name: fmt for fmt in (
    OutputFormat("md", "md", lambda rendering: rendering.markdown.encode("utf-8")),
    OutputFormat("pdf", "pdf", lambda rendering: rendering.pdf),
    OutputFormat("email", "eml", lambda rendering: rendering.eml),
    OutputFormat("html", "html", lambda rendering: rendering.web_html.encode("utf-8")),
)}


def output_name(brief: Brief, fmt: str) -> str:
    return f"brief-{brief.date.isoformat()}.{FORMATS[fmt].extension}"


def render(brief: Brief, fmt: str, templates_dir: Path | None = None, email: EmailConfig | None = None) -> bytes:
    """One format of the brief, as the bytes of its file."""
    return FORMATS[fmt].render(Rendering(brief, templates_dir, email))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


PARTIAL = ".partial"  # the ending of a file being written; the next run removes any a killed run left


def _stage(path: Path, data: bytes) -> Path:
    """``data`` written in full to a temporary file beside ``path``."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PARTIAL, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes the file private; a brief is a normal file
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _remove_leftovers(out_dir: Path) -> None:
    """Temporary files a killed run left behind."""
    for leftover in out_dir.glob(f".brief-*{PARTIAL}"):
        leftover.unlink(missing_ok=True)


def write_file(path: Path, data: bytes) -> Path:
    """Write one file atomically (a temporary file renamed into place); returns its path."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _stage(path, data)
        os.replace(tmp, path)
    except OSError as exc:
        raise RenderError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def write_brief(brief: Brief, formats: Sequence[str], out_dir: Path,
                templates_dir: Path | None = None, email: EmailConfig | None = None) -> list[Path]:
    """Render every format, then write them all into ``out_dir``; returns the paths. Every file
    is written in full under a temporary name before any is moved into place, so either every
    format of the run is replaced or none is."""
    rendering = Rendering(brief, templates_dir, email)
    rendered = {fmt: FORMATS[fmt].render(rendering) for fmt in formats}
    staged: list[tuple[Path, Path]] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(out_dir)
        for fmt, data in rendered.items():
            path = out_dir / output_name(brief, fmt)
            staged.append((_stage(path, data), path))
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as exc:
        raise RenderError(f"cannot write to {out_dir}: {exc.strerror or exc}; no brief was replaced") from None
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return [path for _, path in staged]
