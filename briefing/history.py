"""What has been briefed before: an SQLite file of the articles and stories of each brief.

A story is *new* when none of its articles was in an earlier brief, *updated* when some were
and some were not, and *seen* when all were (``--since-last`` leaves those out). Articles are
known by their URL, else by source, title and opening words. A brief is a function of its
inputs, its date and the briefs of *earlier* dates: re-running a date reads only earlier dates
(so it gives the same brief) and records nothing twice, and running an earlier date after a
later one does not count the later one. With no earlier brief, nothing is marked. The file is
updated in one transaction, after the brief's files are written; the archive page is read
from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError
from briefing.models import Article, Brief, Story

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    first_brief TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS briefs (
    date TEXT NOT NULL,
    article TEXT NOT NULL REFERENCES articles(key),
    PRIMARY KEY (date, article)
);
CREATE TABLE IF NOT EXISTS stories (
    date TEXT NOT NULL,
    rank INTEGER NOT NULL,
    title TEXT NOT NULL,
    sources INTEGER NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (date, rank)
);
"""


def article_key(article: Article) -> str:
    """How the history knows an article: its URL, else its source, title and opening words."""
    if article.url:
        return "url:" + article.url
    text = "|".join([article.source, article.title, article.text[:200]])
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()


COLUMNS = {"articles": {"key", "title", "source", "first_brief"}, "briefs": {"date", "article"},
           "stories": {"date", "rank", "title", "sources", "status"}}


class HistoryError(BriefingError):
    """The history could not be read or updated."""


def _connect(path: Path) -> sqlite3.Connection:
    """The history file, made if new; a HistoryError if it is not a briefing history."""
    connection = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=5)
        connection.executescript(SCHEMA)
        for table, wanted in COLUMNS.items():
            found = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
            if found != wanted:
                raise HistoryError(f"history {path}: not a briefing history (its table {table!r} has columns "
                                   f"{', '.join(sorted(found))}); set history.path to another file")
        return connection
    except (OSError, sqlite3.Error) as exc:
        if connection is not None:
            connection.close()
        raise HistoryError(f"history {path}: {exc} (set history.path in the config, or history.enabled: false)") \
            from None
    except HistoryError:
        connection.close()
        raise


@dataclass(frozen=True)
class Past:
    """What the history knows before a date: when each article was first briefed, and the
    latest brief."""

    first_briefed: Mapping[str, dt.date]  # article key -> date of its first earlier brief
    last_brief: dt.date | None  # the latest brief before the date; None: this is the first
    first_brief: dt.date | None = None  # the earliest brief of the history

    def status(self, story: Story) -> str:
        """"new", "updated" or "seen" against earlier briefs; "" with none to compare with."""
        if self.last_brief is None:
            return ""
        seen = [item.article.key in self.first_briefed for item in story.articles]
        return "seen" if all(seen) else "updated" if any(seen) else "new"

    def coverage(self, story: Story, day: dt.date, days: int) -> tuple[tuple[dt.date, int], ...]:
        """The story's articles by the day they were first briefed, for the last ``days`` days up
        to ``day`` that the history covers (articles new today count on ``day``); empty with no
        earlier brief."""
        if self.first_brief is None:
            return ()
        span = min(days, (day - self.first_brief).days + 1)
        counts = {day - dt.timedelta(days=n): 0 for n in range(span - 1, -1, -1)}
        for item in story.articles:
            first = self.first_briefed.get(item.article.key, day)
            if first in counts:
                counts[first] += 1
        return tuple(counts.items())


def past(path: Path, date: dt.date) -> Past:
    """What the history at ``path`` knows of the briefs before ``date`` (nothing if no file)."""
    if not path.exists():
        return Past({}, None)
    with closing(_connect(path)) as connection:
        try:
            first = {key: dt.date.fromisoformat(day) for key, day in connection.execute(
                "SELECT key, first_brief FROM articles WHERE first_brief < ?", (date.isoformat(),))}
            earliest, last = connection.execute("SELECT MIN(date), MAX(date) FROM briefs WHERE date < ?",
                                                (date.isoformat(),)).fetchone()
        except (sqlite3.Error, ValueError) as exc:
            raise HistoryError(f"history {path}: {exc}") from None
    return Past(first, dt.date.fromisoformat(last) if last else None,
                dt.date.fromisoformat(earliest) if earliest else None)


def record(path: Path, brief: Brief) -> None:
    """Record the articles and the stories of the brief of its date, in one transaction; the
    stories of an earlier run of the same date are replaced."""
    day = brief.date.isoformat()
    with closing(_connect(path)) as connection:
        try:
            with connection:  # one transaction: all or nothing
                for source in brief.sources:
                    connection.execute("INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?)",
                                       (source.key, source.title, source.source, day))
                    connection.execute("UPDATE articles SET first_brief = ? WHERE key = ? AND first_brief > ?",
                                       (day, source.key, day))
                    connection.execute("INSERT OR IGNORE INTO briefs VALUES (?, ?)", (day, source.key))
                connection.execute("DELETE FROM stories WHERE date = ?", (day,))
                connection.executemany("INSERT INTO stories VALUES (?, ?, ?, ?, ?)", [
                    (day, rank, story.title, len(story.articles), story.status)
                    for rank, story in enumerate(brief.stories, 1)])
        except sqlite3.Error as exc:
            raise HistoryError(f"history {path}: {exc}") from None


@dataclass(frozen=True)
class PastBrief:
    """One brief as the archive lists it."""

    date: dt.date
    stories: tuple[tuple[str, int, str], ...]  # (title, sources, status), best first
    articles: int


def briefs(path: Path) -> list[PastBrief]:
    """Every brief the history holds, newest first."""
    if not path.exists():
        return []
    with closing(_connect(path)) as connection:
        try:
            counts = dict(connection.execute("SELECT date, COUNT(*) FROM briefs GROUP BY date"))
            stories: dict[str, list[tuple[str, int, str]]] = {}
            for day, title, sources, status in connection.execute(
                    "SELECT date, title, sources, status FROM stories ORDER BY date, rank"):
                stories.setdefault(day, []).append((title, sources, status))
        except sqlite3.Error as exc:
            raise HistoryError(f"history {path}: {exc}") from None
    return [PastBrief(dt.date.fromisoformat(day), tuple(stories.get(day, ())), counts[day])
            for day in sorted(counts, reverse=True)]
