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


def test_a_sentence_opening_on_there_is_or_there_were_stands_alone(nlp):
    # "There" standing for nothing ("There were ...") refers to no sentence before; "There, she ..." does.
    (event,) = extract_timeline(articles(nlp, (
        "Port chief Anna Berg repeated that the authority would not pay. "
        "There were two more crane failures at the harbour on Friday.", MONDAY)), MONDAY)
    assert event.text == "There were two more crane failures at the harbour on Friday."
    (event,) = extract_timeline(articles(nlp, (
        "Port chief Anna Berg flew to the island harbour. "
        "There, she met the crane engineers on Friday.", MONDAY)), MONDAY)
    assert event.text.startswith("Port chief Anna Berg flew")


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


def test_a_long_timeline_takes_one_event_from_each_article_before_a_second_from_any():
    from briefing.models import Event
    from briefing.timeline import key_events

    def event(day: int, source: int) -> Event:
        return Event(date=dt.date(2020, 1, day), text=f"Event on day {day} in {source}.", expression="on Friday",
                     sources=[source])

    live_blog = [event(6, 1), event(5, 1), event(5, 1), event(4, 1)]  # a live blog's times of day
    others = [event(1, 2), event(2, 3)]
    kept = key_events(live_blog + others, 4, MONDAY)
    assert sorted(e.sources[0] for e in kept) == [1, 1, 2, 3]
    assert [e.date.day for e in kept if e.sources == [1]] == [5, 6]  # its nearest


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
    # The present of what is scheduled looks ahead; a present that reports speech does not.
    ("The Hawks finish their road trip Saturday night at Leith.", dt.date(2020, 1, 11)),
    ("The ferry company says Friday that fares will rise.", dt.date(2020, 1, 3)),
    # ...and so does a participle of its clause with its day ("beginning Saturday")
    ("The harbour fair takes place on the quays, beginning early in the afternoon Saturday.", dt.date(2020, 1, 11)),
    # ...but not a state, nor a day in a phrase below the verb
    ("The papers have two stories in common on Friday morning.", dt.date(2020, 1, 3)),
    ("Those left out include the ferry film, the winner at the harbour awards on Saturday.", dt.date(2020, 1, 4)),
])
def test_the_tense_of_the_verb_a_date_belongs_to_says_past_or_future(nlp, text, expected):
    (event,) = extract_timeline(articles(nlp, (text, MONDAY)), MONDAY)
    assert event.date == expected


# Wednesday 20 November 2019: the dates below are read from it.
WEDNESDAY = dt.date(2019, 11, 20)


@pytest.mark.parametrize("expression, forward, expected", [
    # A weekday and a month-day together: the year in which they agree (6 Dec 2019 is a Friday).
    ("10 a.m. Friday, Dec. 6", False, dt.date(2019, 12, 6)),
    ("Friday, Dec. 6", True, dt.date(2019, 12, 6)),
    # A month-day alone: the nearest one the tense points to, not a year away.
    ("Nov. 1", False, dt.date(2019, 11, 1)),
    ("Dec. 2", True, dt.date(2019, 12, 2)),
    ("Nov. 19", True, dt.date(2019, 11, 19)),  # ahead would be a year off: yesterday, whatever the verb
    ("last Oct. 23", True, dt.date(2019, 10, 23)),
    # Lengths of time, ages and counts are not days.
    ("30-minute", False, None),
    ("16-hour", False, None),
    ("three days", False, None),
    ("17", False, None),
    ("13-year", False, None),
    # ...but a length of time counted from the date is one.
    ("three days ago", False, dt.date(2019, 11, 17)),
    # "today" and "tonight" are the publication date; a clock time alone is no day, with its day it is.
    ("tonight", False, WEDNESDAY),
    ("10 p.m.", False, None),
    ("9 a.m. Tuesday", True, dt.date(2019, 11, 26)),
    # Words around the day that dateparser does not read.
    ("the early hours of Thursday morning", False, dt.date(2019, 11, 14)),
    ("Wednesday's", False, WEDNESDAY),
    ("every Friday", False, None),
    # The day next to a day named is that day's neighbour; counted further, or from an event, none.
    ("the day after Friday", False, dt.date(2019, 11, 16)),
    ("the day before last Tuesday", False, dt.date(2019, 11, 18)),
    ("two days after Friday", False, None),
    ("the day after his death", False, None),
    # In a Wednesday paper, "Wednesday" is that day, but "last Wednesday" the week before and
    # "next Wednesday" the week after; "Wednesday last" is "last Wednesday".
    ("last Wednesday", False, dt.date(2019, 11, 13)),
    ("next Wednesday", True, dt.date(2019, 11, 27)),
    ("Wednesday last", False, dt.date(2019, 11, 13)),
    ("Monday last", False, dt.date(2019, 11, 18)),
])
def test_resolution_uses_what_the_text_says(expression, forward, expected):
    assert resolve(expression, WEDNESDAY, forward, profile("en")) == expected


@pytest.mark.parametrize("text, expected", [
    # A deadline set in the past is still ahead when it is a weekday...
    ("The agency has given the family until 9 a.m. Tuesday to sign the agreement.", dt.date(2019, 11, 26)),
    # ...unless the verb says it was before a past moment; a month-day deadline may have passed.
    ("Until Monday, the police had not named him as a suspect.", dt.date(2019, 11, 18)),
    ("Tenants had until Nov. 1 to leave the block.", dt.date(2019, 11, 1)),
    # A modal points ahead: "would", "might".
    ("The minister said the delegation would be ready to travel as soon as Friday.", dt.date(2019, 11, 22)),
    # A weekday and a month-day that must agree, in a sentence of the present tense.
    ("Tickets for the tour go on sale at 10 a.m. Friday, Dec. 6, the promoter said.", dt.date(2019, 12, 6)),
    # A plan made in the past is dated by a date that opens its clause; what is planned lies ahead.
    ("On Friday, the council planned to pay the first claims to the families.", dt.date(2019, 11, 15)),
    ("Residents planned a march to the town hall on Saturday, the organisers said.", dt.date(2019, 11, 23)),
    # A day counted from another: the model tags "The day" and "last Tuesday's" apart.
    ("The day before last Tuesday's court hearing, the lawyer visited the family.", dt.date(2019, 11, 18)),
    # A day the model did not tag: the word itself.
    ("The couple planned to apply for visas today at the embassy.", WEDNESDAY),
    # A clock time and its day are one expression, even with the time in another zone between them.
    ("The blast occurred at about 10:35 a.m. (0735 GMT) Monday, toppling the building.", dt.date(2019, 11, 18)),
    # A date that modifies a noun dates the sentence when that noun is what the sentence is about,
    # and "Friday night" is one date, not a night named Friday.
    ("The Friday explosions killed at least 40 people, police said.", dt.date(2019, 11, 15)),
    ("The guard was shot on Friday night as he locked the gate.", dt.date(2019, 11, 15)),
    # The first date that dates the event, not one that names a thing.
    ("After the Nov. 2 vote, the council met again on Monday.", dt.date(2019, 11, 18)),
    ("It comes after the minister announced last Wednesday that the border would close.", dt.date(2019, 11, 13)),
    # What someone expects to do by a day is the event, however the parser hangs "expected" on a noun.
    ("He said engineers expected to restart the crane systems by Friday, using backups.", dt.date(2019, 11, 22)),
    # "Today" opening a quotation is the day, also after the two backticks of wire copy.
    ("``Today is a sad day for the harbour,'' the mayor said after the vote.", WEDNESDAY),
    # A named firm's present with "today" is what it does on the day, not what firms do nowadays.
    ("Harbour Line today announces a new crossing to Corra Island.", WEDNESDAY),
])
def test_each_sentence_is_dated_as_a_reader_would(nlp, text, expected):
    (event,) = extract_timeline(articles(nlp, (text, WEDNESDAY)), WEDNESDAY)
    assert event.date == expected


@pytest.mark.parametrize("text", [
    "The ferry crossing is about a 30-minute drive from the camp.",  # a duration
    "She was 17 when she was first treated at the clinic.",  # an age
    "The 13-year league veteran signed a new contract.",  # a count of years
    "The nurses worked a 16-hour shift, the union said.",
])
def test_durations_ages_and_counts_make_no_line(nlp, text):
    assert extract_timeline(articles(nlp, (text, WEDNESDAY)), WEDNESDAY) == []


@pytest.mark.parametrize("text", [
    "LEEDS, Nov. 19 (Wire) --",  # a dateline
    "Sept. 3 -- Riverside Arena – Leeds, W. Yorks.",  # a tour list item
    "Council to vote on the budget on Friday",  # a headline: no full stop
    "Protests in the capital on Friday.",  # a caption: no verb, no subject
    'CLOSED," the mayor wrote on Monday night.',  # the tail of a quotation the page broke
    '"We will reopen the bridge on Friday."',  # a bare quotation: who says so?
    # a quotation an earlier sentence opened runs on: still the speaker's words
    "“The port opens its new terminal this spring. Also, there is a training day that is going to be held "
    "on Thursday for crane drivers.",
    # ...also where the speaker is named after it: the line would put the words in the writer's voice
    '"The court was not aware of any of that," the clerk said. "This ruling is about what was before the court. '
    'The hearing was about that evening," she said, referring to Jan. 3.',
    # a transcript's first person: who arrived?
    "I arrived at the harbour on Monday night.",
    # the model splits this (garbled) sentence at "802.11ax": the second half is no sentence of its own
    "The Harbour firm shipped routers with support for 802.11ax Wi-Fi arrived in shops on Friday across the country.",
    "Detectives have searched for the driver since the Oct. 23 crash.",  # the date names the crash
    "The group again claimed the bombing of March 3, 2004, in its video.",  # history, years before
    # the day something else is planned for, not the day of the sentence's event
    "The mayor was injured in a fall ahead of elections scheduled for Friday, officials said.",
    "Lawyers for the operator criticised the ruling, which is expected on Friday.",
    # a word of a team's name, not a holiday ("Columbus Day")
    "Rick Nash scored three goals to help the Columbus Jackets beat the Edmonton Oilers at Nationwide Arena.",
    # what something is worth now, not when anything happened
    "The donations, equivalent to about £700,000 today, were transfers from the ferry company's account.",
    # ...or how things are nowadays
    "Today, the Harbour ferry line is a one-boat company with a single route.",
    "Conventional ferry engines today burn 40 litres of fuel an hour, the engineers said.",
    "Most island teenagers today own a smartphone, the survey found.",
    "The floods are a warning of the storms we are witnessing today along the island's coast, the report said.",
    # a time before a day, not the day
    "Shoppers borrowed heavily on their credit cards in the runup to Christmas, the bank said.",
    # any such day, not one day
    '"It is a quieter crossing on a Monday," the ferry captain said with a laugh.',
    "The ferry captain said the crossing is quieter on any Sunday in winter.",
])
def test_only_sentences_that_report_something_happening_make_a_line(nlp, text):
    assert extract_timeline(articles(nlp, (text, WEDNESDAY)), WEDNESDAY) == []


def test_a_sentence_after_a_closed_quotation_makes_a_line(nlp):
    text = "“We are ready,” the mayor said. The bridge will reopen on Friday, the council said."
    (event,) = extract_timeline(articles(nlp, (text, WEDNESDAY)), WEDNESDAY)
    assert event.text.startswith("The bridge will reopen on Friday")


def test_an_undated_article_is_read_from_the_date_of_another_source_of_its_story(nlp):
    facts = articles(nlp,
                     ("Engineers inspected the Kelso dam on Friday, the council said.", None),
                     ("The Kelso dam was inspected by engineers, the council said.", WEDNESDAY),
                     ("Crews cleared the coast road on Friday, police said.", None))
    timeline = extract_timeline(facts, dt.date(2019, 12, 2), stories=[[0, 1], [2]])
    by_source = {e.sources[0]: e for e in timeline}
    # Read from its story's other source (Wednesday 20 November): Friday 15 November, not the
    # Friday before the brief of Monday 2 December.
    assert by_source[1].date == dt.date(2019, 11, 15)
    assert by_source[1].undated_source and by_source[1].read_from == 2
    # Alone in its story: from the brief's date, and marked so.
    assert by_source[3].date == dt.date(2019, 11, 29)
    assert by_source[3].undated_source and by_source[3].read_from is None
    # A story whose latest source is of the week before the brief: the undated article may be
    # as recent as the brief, and is read from its date.
    recent = {e.sources[0]: e for e in extract_timeline(facts, dt.date(2019, 11, 23), stories=[[0, 1], [2]])}
    assert recent[1].date == dt.date(2019, 11, 22) and recent[1].read_from is None


def test_the_timeline_says_where_an_undated_article_was_read_from():
    from briefing.models import Event
    from briefing.render import render_markdown
    from conftest import small_brief

    brief = small_brief()
    brief.timeline = [Event(dt.date(2020, 1, 3), "The dam failed on Friday.", "on Friday", [1], True, read_from=2),
                      Event(dt.date(2020, 1, 4), "The road closed on Saturday.", "on Saturday", [3], True)]
    brief.sections = []
    brief.__post_init__()
    md = render_markdown(brief, None).decode()
    assert "- **Friday 3 January 2020**†: The dam failed on Friday. [1]\n" in md
    assert "- **Saturday 4 January 2020**\\*: The road closed on Saturday. [3]\n" in md
    assert "† Dated from another source of the same story: the article gives no date of its own." in md
    assert "\\* Dated from the brief's date: the article gives no date of its own." in md


def test_a_date_with_its_year_is_that_day_but_a_timeline_keeps_to_the_year_around_the_article():
    from briefing.dates import day_of, event_day

    lang = profile("en")
    assert day_of("Aug. 7, 1998", WEDNESDAY, False, lang) == dt.date(1998, 8, 7)
    assert event_day("Aug. 7, 1998", WEDNESDAY, False, lang) is None
    assert event_day("Aug. 7, 2019", WEDNESDAY, False, lang) == dt.date(2019, 8, 7)


@pytest.mark.parametrize("text, published, day", [
    # a public holiday named alone is its day, the last one before the paper...
    ("The boy was found clinging to an inner tube off the coast on Thanksgiving Day, his family said.",
     dt.date(2000, 1, 7), dt.date(1999, 11, 25)),
    ("The shop at the harbour was robbed on Boxing Day, police said.", dt.date(2021, 1, 5), dt.date(2020, 12, 26)),
    # ...also where the model sees no date in it
    ("He was rescued from an inner tube in the Atlantic last Thanksgiving following a boat wreck.",
     dt.date(2000, 2, 10), dt.date(1999, 11, 25)),
    # ...or the next one, when the sentence looks ahead
    ("The new ferry will make its first crossing on Christmas Day, the operator said.", dt.date(2021, 11, 2),
     dt.date(2021, 12, 25)),
    # ...before the weekday in its name; and a day that is no day off is one too
    ("The church roof collapsed on Good Friday during a service, the diocese said.", dt.date(2021, 4, 20),
     dt.date(2021, 4, 2)),
    ("The warehouse burned down on Christmas Eve, the fire service said.", dt.date(2021, 1, 5),
     dt.date(2020, 12, 24)),
    # ...but not most of a year back when the next one is near, unless "last" says so
    ("Low wages have forced families to borrow for Christmas, the charity said.", dt.date(2021, 10, 29),
     dt.date(2021, 12, 25)),
    ("Low wages forced families to borrow last Christmas, the charity said.", dt.date(2021, 10, 29),
     dt.date(2020, 12, 25)),
])
def test_a_public_holiday_named_alone_is_its_day(nlp, text, published, day):
    (event,) = extract_timeline(articles(nlp, (text, published)), published)
    assert event.date == day


def test_a_month_or_weekday_alone_is_no_holiday():
    from briefing.dates import holiday

    lang = profile("en")
    assert holiday("May", dt.date(2000, 3, 29), False, lang) is None  # not "May Day"
    assert holiday("Friday", dt.date(2021, 4, 20), False, lang) is None
    assert holiday("May Day", dt.date(2021, 5, 20), False, lang) == dt.date(2021, 5, 3)


@pytest.mark.parametrize("text, days", [
    ("The ministers will meet in Geneva on Dec. 4 and 5, the agency said.",
     [dt.date(2019, 12, 4), dt.date(2019, 12, 5)]),
    ("The festival ran on 8 and 9 November in the old town.", [dt.date(2019, 11, 8), dt.date(2019, 11, 9)]),
    # a list the model cut in two, the first day no date to it ("5" CARDINAL, "6 April" DATE)
    ("Rovers will play their fifth home game over the weekend of 5 and 6 April.",
     [dt.date(2020, 4, 5), dt.date(2020, 4, 6)]),
    # a span of days is no list of them: it starts on its first day
    ("The fair runs from Dec. 4 to 6 at the harbour.", [dt.date(2019, 12, 4)]),
    ("The show will play at the Harbour Theatre Dec. 14-Jan. 21.", [dt.date(2019, 12, 14)]),
    ("The festival ran 8-10 November in the old town.", [dt.date(2019, 11, 8)]),
])
def test_each_day_a_date_lists_is_found(nlp, text, days):
    from briefing.dates import day_of
    from briefing.events import date_expressions
    from briefing.nlp import parse

    (doc,) = parse([text], nlp)
    lang = profile("en")
    found = [day_of(e.text, WEDNESDAY, e.forward, lang) for e in date_expressions(doc, text, lang)]
    assert [d for d in found if d is not None] == days


def test_a_list_of_days_the_model_cut_into_two_dates_is_each_day(nlp):
    from spacy.tokens import Span

    from briefing.dates import day_of
    from briefing.events import date_expressions
    from briefing.nlp import parse

    text = "The clubs will play their next games on the midweek of 23 and 24 October."
    (doc,) = parse([text], nlp)
    first, second = text.index("the midweek of 23"), text.index("24 October")
    doc.ents = [doc.char_span(first, first + len("the midweek of 23"), label="DATE"),
                doc.char_span(second, second + len("24 October"), label="DATE")]
    assert all(isinstance(ent, Span) for ent in doc.ents)
    lang = profile("en")
    found = [(e.text, day_of(e.text, WEDNESDAY, True, lang)) for e in date_expressions(doc, text, lang)]
    assert [expression for expression, _ in found] == ["23 October", "24 October"]
    assert found[1][1] - found[0][1] == dt.timedelta(days=1)  # the day before the one the month is given with
