"""The archive page: ``index.html`` in the output folder, every brief of the history by date,
newest first, with its top stories and links to its files that exist, and a small chart of
articles a day. Read from the history; rendered with ``archive.html.j2`` like the briefs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError
from briefing.history import briefs

TOP_STORIES = 5
ARCHIVE_NAME = "index.html"


@dataclass(frozen=True)
class ArchivedBrief:
    date: object  # dt.date
    articles: int
    stories: tuple  # (title, sources, status) of its top stories
    more: int  # stories not listed
    files: tuple  # (label, file name) of the brief's files in the folder


@dataclass(frozen=True)
class Archive:
    title: str
    briefs: tuple[ArchivedBrief, ...]
    coverage: tuple  # (date, articles) of the last briefs, oldest first, for the chart


def archive_of(history: Path, folder: Path, title: str, days: int = 14) -> Archive:
    """What the archive page shows: every brief the history holds, and the files of each that
    are in ``folder``."""
    found = []
    for past in briefs(history):
        stem = f"brief-{past.date.isoformat()}"
        files = tuple((label, f"{stem}.{ext}") for label, ext in (("Web page", "html"), ("PDF", "pdf"),
                                                                    ("Markdown", "md"))
                      if (folder / f"{stem}.{ext}").is_file())
        found.append(ArchivedBrief(past.date, past.articles, past.stories[:TOP_STORIES],
                                   max(0, len(past.stories) - TOP_STORIES), files))
    coverage = tuple((b.date, b.articles) for b in reversed(found[:days]))
    return Archive(title, tuple(found), coverage)


def write_archive(history: Path | None, folder: Path, title: str, templates_dir: Path | None = None) -> Path:
    """Render the archive page into ``folder`` (atomically); returns its path."""
    from briefing.outputs import write_file
    from briefing.render import render_archive

    if history is None:
        raise BriefingError("the archive is read from the history: set history.enabled: true in the config")
    if not history.exists():
        raise BriefingError(f"no history at {history} yet: write a brief first (briefing generate)")
    page = render_archive(archive_of(history, folder, title), templates_dir)
    return write_file(folder / ARCHIVE_NAME, page.encode("utf-8"))
