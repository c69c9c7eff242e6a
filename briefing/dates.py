"""Reading a date expression as a day: "on Friday", "Monday morning", "January 3" (dateparser).

Plain text and dates in, a day out; the per-article stage reads an article's dates against its
publication date, the timeline those of an undated article against the brief's date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence

from briefing.lang import LanguageProfile

DAY_PERIODS = {"day", "part_of_day"}
# A month and day without a year is the nearest such day the tense points to, unless that is
# further away than this: "Jan. 14" in a paper of 15 January is yesterday, whatever the verb.
TENSE_REACH = 270
_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")
_BARE_NUMBER = re.compile(r"^\d{1,4}(?:st|nd|rd|th)?$", re.I)


@functools.lru_cache(maxsize=8)
def _leading(lang: LanguageProfile) -> re.Pattern:
    """Words before a date expression that dateparser would not read: "on Friday", "by Monday"."""
    return re.compile(rf"^(?:{lang.date_leading_words})\s+(?:on\s+)?", re.I)


@functools.lru_cache(maxsize=8)
def _range(lang: LanguageProfile) -> re.Pattern:
    """A span of days: "Aug. 14-Sept. 21", "Jan. 11-15", "Dec. 4 to 6, 2008", "14-21 August"."""
    month = "|".join(sorted((re.escape(m) for m in (*lang.months, *lang.month_abbreviations)), key=len, reverse=True))
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    joint = rf"\s*(?:[-–—]|\s(?:{'|'.join(map(re.escape, sorted(lang.range_words)))})\s)\s*"
    return re.compile(rf"^(?:(?P<month>(?:{month})\.?\s+{day}){joint}(?:(?:{month})\.?\s+)?{day}"
                      rf"|(?P<day>{day}){joint}{day}\s+(?P<later>(?:{month})\.?))(?P<year>,?\s+\d{{4}})?$", re.I)


def _range_start(text: str, lang: LanguageProfile) -> str | None:
    """The first day of a span of days, as an expression ("Aug. 14" of "Aug. 14-Sept. 21"), or
    None when ``text`` is no span of days."""
    found = _range(lang).match(text)
    if found is None:
        return None
    start = found.group("month") or f"{found.group('day')} {found.group('later')}"
    return start + (found.group("year") or "")


def _parser(base: dt.date, future: bool, lang: LanguageProfile):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang.code], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12, 0)),
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_TIME_AS_PERIOD": True,
    })


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+|\d+", text.lower())


def span_of_time(text: str, lang: LanguageProfile) -> bool:
    """A length of time or a count, not a day: "three days", "16-hour", "30-minute", "24" (an
    age); but "three days ago" and "in three days" name days."""
    if _BARE_NUMBER.match(text.strip()):
        return True
    words = _words(text)
    units = [w for w in words if w.rstrip("s") in lang.time_units or w in lang.time_units]
    counted = any(w.isdigit() or w in lang.small_numbers for w in words)
    if not (units and counted):
        return False
    return not (any(w in lang.ago_words for w in words) or (words and words[0] in lang.ahead_words))


def month_day(month: int, day: int, base: dt.date, future: bool, weekday: int | None = None) -> dt.date | None:
    """The year of a month and day written without one: the one whose weekday agrees when a
    weekday is given ("Friday, Dec. 6"); else the nearest in the direction the tense points,
    within TENSE_REACH days; else the nearest."""
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if weekday is not None:
        candidates = [c for c in candidates if c.weekday() == weekday] or candidates
    return _by_tense(candidates, base, future, TENSE_REACH)


def _by_tense(candidates: Sequence[dt.date], base: dt.date, future: bool, reach: int) -> dt.date | None:
    """Of the days a date without its year may be, the nearest in the direction the tense points,
    within ``reach`` days; else the nearest."""
    if not candidates:
        return None
    ahead = [c for c in candidates if c >= base]
    behind = [c for c in candidates if c <= base]
    preferred = (min(ahead) if ahead else None) if future else (max(behind) if behind else None)
    if preferred is not None and abs((preferred - base).days) <= reach:
        return preferred
    return min(candidates, key=lambda c: (abs((c - base).days), c))


def _parsed(text: str, base: dt.date, future: bool, lang: LanguageProfile, named: bool) -> dt.date | None:
    """dateparser's reading of ``text`` as a day (a clock time only with its day named)."""
    data = _parser(base, future, lang).get_date_data(text)
    if data.date_obj is None:
        return None
    if data.period not in DAY_PERIODS and not (data.period == "time" and named):
        return None
    return data.date_obj.date()


def _core(text: str, base: dt.date, future: bool, lang: LanguageProfile) -> tuple[dt.date | None, bool]:
    """The day in a longer expression dateparser does not read whole: "the early hours of
    Thursday morning", "the day Friday", "last Oct. 23" (and the direction "last" or "next"
    gives)."""
    tokens = text.split()
    for cut in range(1, len(tokens)):
        dropped = _words(" ".join(tokens[:cut]))
        direction = future
        if any(w in lang.past_words for w in dropped):
            direction = False
        elif any(w in lang.future_words for w in dropped):
            direction = True
        rest = " ".join(tokens[cut:])
        rest_words = _words(rest)
        if not any(w in lang.weekdays or w in lang.months or w in lang.month_abbreviations for w in rest_words):
            break
        day = _parsed(rest, base, direction, lang, True)
        if day is not None:
            return day, direction
    return None, future


def resolve(expression: str, base: dt.date, future: bool, lang: LanguageProfile) -> dt.date | None:
    """The day ``expression`` names, read from ``base``; None unless it names a day. A weekday
    that is the day of ``base`` is that day ("on Monday" in Monday's paper); a month and day
    without a year is read as ``month_day`` says; a length of time, an age or a count names no
    day; a clock time names one only with its day ("9 a.m. Tuesday")."""
    text = _leading(lang).sub("", expression.strip())
    text = re.sub(r"['’]s$", "", text).strip()  # "Wednesday's ruling"
    if not text:
        return None
    if text.lower() in lang.today_words:
        return base
    if span_of_time(text, lang):
        return None
    if (start := _range_start(text, lang)) is not None:
        return resolve(start, base, future, lang)  # a span of days starts on its first: "Aug. 14-Sept. 21"
    words = _words(text)
    if len(words) == 2 and words[0] in lang.weekdays and words[1] in lang.past_words:
        text, words = f"{text.split()[-1]} {text.split()[0]}", words[::-1]  # "on Thursday last"
    named = next((w for w in words if w in lang.weekdays), None)
    month_named = any(w in lang.months or w in lang.month_abbreviations for w in words)
    if any(w in lang.relative_words for w in words[1:]):
        return _shifted(text, base, future, lang)
    if (feast := holiday(text, base, future, lang)) is not None:
        return feast  # before the weekday in its name: "Good Friday", "Easter Sunday"
    found = _parsed(text, base, future, lang, bool(named or month_named))
    if found is None and (named or month_named) and not any(w in lang.set_words for w in words):
        found, future = _core(text, base, future, lang)
    if found is None:
        return None
    day = found
    if month_named and not _YEAR.search(text):
        return month_day(day.month, day.day, base, future, lang.weekdays.index(named) if named else None)
    if named and not month_named and lang.weekdays.index(named) == base.weekday() and abs((day - base).days) == 7 \
            and not any(w in lang.past_words or w in lang.future_words for w in words):
        return base  # "on Monday" in Monday's paper; "last Monday" there is a week before
    return day


def _shifted(text: str, base: dt.date, future: bool, lang: LanguageProfile) -> dt.date | None:
    """"the day before last Tuesday", "the day after Friday's vote": the day next to the one
    named; None for other days counted from another ("two days after Friday", "the week before
    Christmas") or from an event ("the day after his death")."""
    keys = "|".join(re.escape(key) for key in lang.day_shifts)
    found = re.match(rf"^(?:\w+\s+)?({keys})\s+(\S.*)$", text, re.I)
    if found is None or not (day := resolve(found.group(2), base, future, lang)):
        return None
    return day + dt.timedelta(days=lang.day_shifts[found.group(1).lower()])


def holiday(text: str, base: dt.date, future: bool, lang: LanguageProfile) -> dt.date | None:
    """The day a public holiday named alone falls on: "Thanksgiving Day", "last Thanksgiving",
    "on Christmas Day"; the nearest one the tense (or "last", "next") points to, within a year.
    The name is looked up in the holidays of ``lang.holiday_countries`` in turn (the `holidays`
    package), a day observed in its place left out."""
    words = _words(text)
    # "last Thanksgiving" says which one, as far back as a year; the tense alone, within
    # TENSE_REACH ("rely on debt in the run-up to Christmas" in late October is the one ahead)
    reach = TENSE_REACH
    if words and words[0] in lang.past_words | lang.future_words:
        future, words, reach = words[0] in lang.future_words, words[1:], MAX_DAYS_AWAY
    name = " ".join(words)
    if not name or not any(w[:1].isupper() for w in text.split()):
        return None  # a holiday is written with capitals
    if all(w in lang.months or w in lang.month_abbreviations or w in lang.weekdays for w in words):
        return None  # "May" is the month, not "May Day"; "Friday" no "Good Friday"
    for country in lang.holiday_countries:
        by_name = _holidays(country, base.year)
        days = by_name.get(name, []) + by_name.get(f"{name} day", [])
        if days:
            found = _by_tense(days, base, future, reach)
            return found if found is not None and abs((found - base).days) <= MAX_DAYS_AWAY else None
    return None


@functools.lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> dict[str, list[dt.date]]:
    """A country's public holidays of the years around ``year``, by their names as words
    ("thanksgiving day"), without the days observed in their place."""
    import warnings

    import holidays

    with warnings.catch_warnings():  # a country's calendar known only from some year on
        warnings.simplefilter("ignore")
        # Days a paper names that are no day off are holidays too ("on Christmas Eve", "Halloween")
        kinds = [k for k in ("public", "unofficial") if k in holidays.country_holidays(country).supported_categories]
        calendar = holidays.country_holidays(country, years=[year - 1, year, year + 1], categories=kinds)
    by_name: dict[str, list[dt.date]] = {}
    for day, names in sorted(calendar.items()):
        for part in names.split(";"):
            if "observed" not in part.lower():
                by_name.setdefault(" ".join(_words(part)), []).append(day)
    return by_name


# A date without its year is read within a year of the article's date: further off, it is a
# misreading. One with its year written is that day ("on Aug. 7, 1998"), from 1900 to 2199.
MAX_DAYS_AWAY = 366


def day_of(expression: str, base: dt.date, future: bool, lang: LanguageProfile) -> dt.date | None:
    """The day ``expression`` names, read from ``base``: within MAX_DAYS_AWAY of it, or any from
    1900 to 2199 with its year written; else None."""
    day = resolve(expression, base, future, lang)
    if day is None:
        return None
    if _YEAR.search(expression):
        return day if dt.date(1900, 1, 1) <= day <= dt.date(2199, 12, 31) else None
    return day if abs((day - base).days) <= MAX_DAYS_AWAY else None


def event_day(expression: str, base: dt.date, future: bool, lang: LanguageProfile) -> dt.date | None:
    """The day a timeline dates an event by: ``day_of``, within MAX_DAYS_AWAY of ``base`` even
    with its year written. Further off, a date is history the article recalls ("since the
    September 11, 2001, attacks"), not news."""
    day = day_of(expression, base, future, lang)
    return day if day is not None and abs((day - base).days) <= MAX_DAYS_AWAY else None
