"""The timeline: relative dates resolved against each article's date, one event per happening."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.analyse import analyse_articles
from briefing.dates import resolve
from briefing.lang import profile
from briefing.timeline import extract_timeline
from conftest import article, settings

MONDAY = dt.date(2020, 1, 6)


@pytest.mark.parametrize("expression, forward, expected", [
    ("on Friday", False, dt.date(2020, 1, 3)),
    ("Saturday night", False, dt.date(2020, 1, 4)),
    ("on Monday", False, MONDAY),  # Monday's paper: today
    ("Monday morning", False, MONDAY),
    ("on Friday", True, dt.date(2020, 1, 10)),  # "talks will resume on Friday"
    ("yesterday", False, dt.date(2020, 1, 5)),
    ("January 2", False, dt.date(2020, 1, 2)),
    ("last year", False, None),  # no day: context, not an event
    ("three years", False, None),
])
def test_resolve_against_the_publication_date(expression, forward, expected):
    assert resolve(expression, MONDAY, forward, profile("en")) == expected


def articles(nlp, *items):
    """The facts of texts, each with its publication date."""
    return analyse_articles([article(text, i, published=published) for i, (text, published) in enumerate(items, 1)],
                            settings())


def test_two_sources_on_one_event_make_one_entry_dated_from_each_article(nlp):
    timeline = extract_timeline(articles(
        nlp,
        ("The dam at Kelso failed on Friday, flooding the valley. Engineers will inspect it on Wednesday.", MONDAY),
        ("The dam at Kelso failed on Thursday, flooding the valley, officials said.", dt.date(2020, 1, 4)),
    ), dt.date(2020, 1, 7))
    # Each article's "failed on ..." is read from its own date; the inspection looks forward.
    assert [(e.date, e.sources) for e in timeline] == [
        (dt.date(2020, 1, 2), [2]), (dt.date(2020, 1, 3), [1]), (dt.date(2020, 1, 8), [1])]
    same = extract_timeline(articles(
        nlp,
        ("The dam at Kelso failed on Friday, flooding the valley.", MONDAY),
        ("The dam at Kelso failed on Friday, flooding the whole valley.", MONDAY),
    ), MONDAY)
    assert [(e.date, e.sources) for e in same] == [(dt.date(2020, 1, 3), [1, 2])]


def test_an_undated_article_is_read_from_the_brief_date_and_says_so(nlp):
    (event,) = extract_timeline(articles(nlp, ("The strike killed the general on Friday, officials said.", None)),
                                MONDAY)
    assert event.date == dt.date(2020, 1, 3)
    assert event.undated_source
    assert event.text == "The strike killed the general on Friday, officials said."


def test_a_sentence_that_leans_on_the_one_before_brings_it_along(nlp):
    (event,) = extract_timeline(articles(nlp, (
        "Port chief Anna Berg repeated that the authority would not pay. "
        "She said the cranes would run again by Thursday.", MONDAY)), MONDAY)
    assert event.date == dt.date(2020, 1, 9)
    assert event.text == ("Port chief Anna Berg repeated that the authority would not pay. "
                          "She said the cranes would run again by Thursday.")


def test_a_programme_called_today_is_not_a_date(nlp):
    timeline = extract_timeline(articles(
        nlp, ("A retired general warned on Radio 4's Today programme that troops could be attacked.", MONDAY)),
        MONDAY)
    assert timeline == []


def test_timeline_section_in_markdown(nlp):
    from briefing.models import Event
    from briefing.render import render_markdown
    from conftest import small_brief

    brief = small_brief()
    brief.timeline = [Event(dt.date(2020, 1, 3), "The strike killed the general on Friday.", "on Friday", [1], True)]
    brief.sections = []
    brief.__post_init__()
    md = render_markdown(brief, None).decode()
    assert "## Timeline\n\n- **Friday 3 January 2020**\\*: The strike killed the general on Friday. [1]\n" in md
    assert "\\* Dated from the brief's date: the article gives no date of its own." in md


def test_a_long_timeline_keeps_the_events_told_by_most_sources_then_nearest_the_brief():
    from briefing.models import Event
    from briefing.timeline import key_events

    def event(day: int, *sources: int) -> Event:
        return Event(date=dt.date(2020, 1, day), text=f"Event on day {day}.", expression="on Friday",
                     sources=list(sources))

    events = [event(1, 1), event(2, 2, 3), event(3, 4), event(5, 5), event(6, 6)]
    kept = key_events(events, 3, MONDAY)  # Monday 6 January
    assert [e.date.day for e in kept] == [2, 5, 6]  # day 2 has two sources; 6 and 5 are nearest


@pytest.mark.parametrize("text, expected", [
    # The verb the date belongs to decides, not a "will" elsewhere in the sentence.
    ("He said on Monday that talks will resume.", dt.date(2020, 1, 6)),
    ("Ms Berg will chair a meeting later and spoke to the mayor by phone on Sunday morning.", dt.date(2020, 1, 5)),
    ("The minister, who resigned on Friday, will face questions next week.", dt.date(2020, 1, 3)),
    ("The man arrested on Sunday will appear in court.", dt.date(2020, 1, 5)),
    # A verb whose form does not say hands over to the clause it depends on.
    ("Parliament will be updated when it returns on Tuesday.", dt.date(2020, 1, 7)),
    ("Talks will resume on Friday.", dt.date(2020, 1, 10)),
    ("The cabinet is due to meet on Friday.", dt.date(2020, 1, 10)),
    ("Ministers will meet on Thursday, a spokesman said.", dt.date(2020, 1, 9)),
    # No verb at all (a caption): the sentence's words decide, as before.
    ("Protests in the capital on Friday.", dt.date(2020, 1, 3)),
])
def test_the_tense_of_the_verb_a_date_belongs_to_says_past_or_future(nlp, text, expected):
    (event,) = extract_timeline(articles(nlp, (text, MONDAY)), MONDAY)
    assert event.date == expected
