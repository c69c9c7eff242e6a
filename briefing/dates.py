"""Reading a date expression as a day: "on Friday", "Monday morning", "January 3" (dateparser).

Plain text and dates in, a day out; the per-article stage reads an article's dates against its
publication date, the timeline those of an undated article against the brief's date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from briefing.lang import LanguageProfile

DAY_PERIODS = {"day", "part_of_day"}


@functools.lru_cache(maxsize=8)
def _leading(lang: LanguageProfile) -> re.Pattern:
    """Words before a date expression that dateparser would not read: "on Friday", "by Monday"."""
    return re.compile(rf"^(?:{lang.date_leading_words})\s+(?:on\s+)?", re.I)


def _parser(base: dt.date, future: bool, lang: LanguageProfile):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang.code], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12, 0)),
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_TIME_AS_PERIOD": True,
    })


def resolve(expression: str, base: dt.date, future: bool, lang: LanguageProfile) -> dt.date | None:
    """The day ``expression`` names, read from ``base``; None unless it names a day. A weekday
    that is the day of ``base`` is that day ("on Monday" in Monday's paper)."""
    text = _leading(lang).sub("", expression.strip())
    if not text or text.lower() in lang.today_words:
        return base if text else None
    data = _parser(base, future, lang).get_date_data(text)
    if data.date_obj is None or data.period not in DAY_PERIODS:
        return None
    day = data.date_obj.date()
    named = next((w for w in lang.weekdays if w in text.lower()), None)
    if named and lang.weekdays.index(named) == base.weekday() and abs((day - base).days) == 7:
        return base  # "on Monday" in Monday's paper
    return day


# A timeline keeps events within a year of the article's date: further off, a date is history
# or a misreading.
MAX_DAYS_AWAY = 366


def day_of(expression: str, base: dt.date, future: bool, lang: LanguageProfile) -> dt.date | None:
    """The day an event is dated by ``expression``: a day within MAX_DAYS_AWAY of ``base``, or None."""
    day = resolve(expression, base, future, lang)
    return day if day is not None and abs((day - base).days) <= MAX_DAYS_AWAY else None
