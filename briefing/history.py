"""What has been briefed before: an SQLite file of the articles each brief used.

A story is *new* when none of its articles was in an earlier brief, *updated* when some were
and some were not, and *seen* when all were (``--since-last`` leaves those out). Articles are
known by their URL, else by source, title and opening words. A brief's date is what counts:
re-running the same date reads only earlier dates and records nothing twice. The file is
updated in one transaction, after the brief's files are written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from briefing.errors import BriefingError
from briefing.models import Article, Source, Story

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
"""


def article_key(article: Article) -> str:
    """How the history knows an article: its URL, else its source, title and opening words."""
    if article.url:
        return "url:" + article.url
    text = "|".join([article.source, article.title, article.text[:200]])
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()


COLUMNS = {"articles": {"key", "title", "source", "first_brief"}, "briefs": {"date", "article"}}


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


def story_statuses(path: Path, stories: Sequence[Story], date: dt.date) -> list[str]:
    """Each story's status from the briefs before ``date``: "new", "updated" or "seen"; with no
    history yet (the first brief), there is nothing to compare with and every status is ""."""
    if not path.exists():
        return [""] * len(stories)
    with closing(_connect(path)) as connection:
        try:
            known = {key for (key,) in connection.execute(
                "SELECT key FROM articles WHERE first_brief < ?", (date.isoformat(),))}
        except sqlite3.Error as exc:
            raise HistoryError(f"history {path}: {exc}") from None
    statuses = []
    for story in stories:
        seen = [item.article.key in known for item in story.articles]
        statuses.append("seen" if all(seen) else "updated" if any(seen) else "new")
    return statuses


def record(path: Path, sources: Sequence[Source], date: dt.date) -> None:
    """Record the articles of the brief of ``date``, in one transaction."""
    with closing(_connect(path)) as connection:
        try:
            with connection:  # one transaction: all or nothing
                for source in sources:
                    key = source.key
                    connection.execute("INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?)",
                                       (key, source.title, source.source, date.isoformat()))
                    connection.execute("UPDATE articles SET first_brief = ? WHERE key = ? AND first_brief > ?",
                                       (date.isoformat(), key, date.isoformat()))
                    connection.execute("INSERT OR IGNORE INTO briefs VALUES (?, ?)", (date.isoformat(), key))
        except sqlite3.Error as exc:
            raise HistoryError(f"history {path}: {exc}") from None
