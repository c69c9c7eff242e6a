import datetime as dt

import pytest

from briefing.clean import clean_text
from conftest import ARTICLES


def test_noisy_plain_text_keeps_the_whole_story_and_nothing_else():
    cleaned = clean_text((ARTICLES / "bridge-closure.txt").read_text())
    assert cleaned.title == "Storm Damage Closes Severn Crossing For Second Day"
    assert len(cleaned.paragraphs) == 3
    assert cleaned.paragraphs[0].startswith("The Severn crossing between England and Wales")
    assert cleaned.paragraphs[-1] == "The Welsh Government said it would pay £2m towards emergency repairs."
    body = "\n".join(cleaned.paragraphs)
    for noise in ("Broadband", "Switch Today", "Transport | Local", "Picture:", "Related topics",
                  "newsletter", "Rail fares", "Cardiff"):
        assert noise not in body
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["Photo: Lorries queue near the closed bridge (Picture: Western Post)."] == "caption or credit"
    assert reasons["Sign up for our transport newsletter"] == "prompt, link or notice"


def test_repeated_line_is_dropped_every_time():
    text = ("Minister resigns after vote\n\n"
            "The minister resigned on Friday after losing a vote of confidence in parliament.\n\n"
            "Crowds gathered outside.\n\n"
            "Crowds gathered outside.\n\n"
            "Her deputy will take over until an election is held next month.\n")
    cleaned = clean_text(text)
    assert "Crowds gathered outside." not in cleaned.paragraphs
    assert len(cleaned.paragraphs) == 2


def test_a_story_the_page_prints_twice_is_kept_once_with_its_short_sentences():
    story = ("KELSO - A harbour crane toppled into the dock on Friday.\n\n"
             "Two workers were hurt when the crane's arm struck a moored barge, the port authority said.\n\n"
             "Nobody else was hurt, the port said.\n\n")
    cleaned = clean_text("Crane topples into Kelso dock\n\n" + story + story)
    assert cleaned.paragraphs == ["A harbour crane toppled into the dock on Friday.",  # without its dateline
                                  *[line for line in story.split("\n\n")[1:] if line]]


def test_hard_wrapped_paragraphs_are_joined():
    text = ("Flood defences hold in York\n\n"
            "Flood defences along the river Ouse held overnight as water levels\n"
            "peaked at 4.2 metres, the Environment Agency said on Saturday morning.\n")
    cleaned = clean_text(text)
    assert cleaned.title == "Flood defences hold in York"
    assert cleaned.paragraphs == [
        "Flood defences along the river Ouse held overnight as water levels "
        "peaked at 4.2 metres, the Environment Agency said on Saturday morning."
    ]


def test_a_hard_wrapped_story_is_joined_even_with_a_long_line_after_it_in_its_block():
    # A club's release wrapped at 80 characters, with its list of links and a long disclaimer in
    # the same block (no blank line between): the story's lines are still one paragraph.
    story = ("The Harbour Hawks finished off their three-game road trip with a visit to Kelso\n"
             "and fell behind early in the play to end up losing 5-3 to the Rovers this\n"
             "afternoon. Kelso opened the scoring in the first period when Jan Peeters and Tom\n"
             "Berg each connected at 6:32 and then at 14:56, respectively, to gain a 2-0 lead\n"
             "before the Hawks replied twice in the second period through their captain and\n"
             "a defender who had not scored all season.\n")
    tail = ("• Discuss this story on the league's message board\n"
            "The opinions expressed in this release are those of the organisation issuing it, and do not "
            "necessarily reflect the thoughts of the league or its staff.\n")
    cleaned = clean_text("Hawks fall in Kelso\n\n" + story + tail)
    assert cleaned.paragraphs[0] == " ".join(story.split())


@pytest.mark.parametrize("closing", [
    "I was thinking, 'We need to win.' \"",  # a space before the last mark
    "The club will appeal, the coach said. ''",  # wire copy's two apostrophes, after a space
    "It took more than 20,000 hours of work.“",  # the opening mark typed for the closing one
])
def test_a_sentence_ending_in_a_quotation_mark_of_any_kind_is_story(closing):
    text = ("Hawks edge Rovers in Kelso\n\n"
            "The Harbour Hawks beat the Kelso Rovers 3-2 on Saturday with a goal in the last minute.\n\n"
            f"\"We kept going until the end,\" said the captain. \"{closing}\n")
    assert any(closing in paragraph for paragraph in clean_text(text).paragraphs)


def test_a_sentence_to_the_reader_inside_the_story_is_the_storys_own():
    text = ("Kelso hopes for a title\n\n"
            "The Kelso Rovers have not won the league in forty years and start the season as outsiders.\n\n"
            "Now, some of you are probably asking whether the club even has a team this year.\n\n"
            "It does: the coach signed eleven players over the summer, most of them from the youth side.\n\n"
            "Feel free to send us your views on the new season at the usual address.\n\n"
            "The first game is at home against the Harbour Hawks on Saturday.\n\n"
            "Tell us what you think in the comments below.\n")
    paragraphs = clean_text(text).paragraphs
    assert any(p.startswith("Now, some of you") for p in paragraphs)
    assert not any(p.startswith(("Feel free", "Tell us")) for p in paragraphs)  # the site speaking; at the end


def test_a_sentence_printed_without_its_full_stop_inside_the_story_is_kept():
    text = ("Harbour ferry line to add a second boat for the summer season on the Kelso route\n\n"
            "The Harbour ferry line will add a second boat to its Kelso route from June, the operator said.\n\n"
            "The new boat was built in a yard near Leith and carries two hundred passengers and forty cars on "
            "each crossing\n\n"
            "Crossings will run every half hour at the busiest times of day, the operator said.\n")
    paragraphs = clean_text(text).paragraphs
    assert paragraphs[1].startswith("The new boat was built")
    assert not any(p.startswith("Harbour ferry line to add") for p in paragraphs)  # the headline, above the story


def test_a_notice_to_the_reader_behind_a_label_goes_but_an_interviews_questions_stay():
    story = "The Harbour ferry line laid off 32 crew on Monday as it cut its winter timetable.\n\n"
    notice = "Harbour Wire Reprints: This copy is for your personal, non-commercial use only.\n\n"
    assert clean_text("Ferry line cuts crew\n\n" + notice + story).paragraphs == [story.strip()]
    interview = ("Harbour Wire: Did you expect the cuts?\n\n"
                 "Ann Berg: No. We were told in the morning, and the boats stopped that night.\n\n"
                 "Harbour Wire: What will you do now?\n\n"
                 "Ann Berg: Look for work on the other line, like most of the crew.\n")
    assert "Harbour Wire: Did you expect the cuts?" in clean_text("Crew speak\n\n" + story + interview).paragraphs


def test_a_given_title_is_kept_and_not_repeated_in_the_body():
    text = "Markets fall\n\nShares fell sharply in early trading on Monday, led by banks."
    cleaned = clean_text(text, title="Markets fall")
    assert cleaned.title == "Markets fall"
    assert cleaned.paragraphs == ["Shares fell sharply in early trading on Monday, led by banks."]


def test_untitled_prose_gets_its_first_words_as_title():
    cleaned = clean_text("Police in Leeds arrested three men on Tuesday after a series of burglaries in the city centre.")
    assert cleaned.title == "Police in Leeds arrested three men on Tuesday after a series of …"


def test_an_untitled_article_is_titled_by_its_first_sentence_without_the_dateline():
    assert clean_text("LONDON (Wire) - Rail fares rise by 4% in March. Unions called the rise unfair.").title \
        == "Rail fares rise by 4% in March."
    assert clean_text("(Wire) NATO leaders met in Brussels on Monday. They agreed a new budget.").title \
        == "NATO leaders met in Brussels on Monday."


def test_markup_let_through_as_text_is_no_headline():
    text = ('<!-- InstanceBeginEditable name="date" --><!-- InstanceEndEditable -->\n\n'
            "Harbour councillors approved a new ferry timetable on Monday. The first boat leaves at six.")
    assert "<!--" not in (clean_text(text).title or "")


def test_the_wire_dateline_is_not_story_text():
    # what a summary or timeline line would otherwise open with
    cases = {
        "Harbourton (WNS) -- Before the vote, councillors met in private.": "Harbourton (WNS) --",
        "OSLO, Nov 7 (Wire) - The ferry strike ended on Friday.": "OSLO, Nov 7 (Wire) -",
        "NEWTOWN -- Rob Marsh's reputation did not save him.": "NEWTOWN --",
        "LISBON—Port workers walked out on Monday.": "LISBON—",
        "(Wire Service) ST. ALBANS, Jan. 7 -- As part of the plan, the hall closes.":
            "(Wire Service) ST. ALBANS, Jan. 7 --",
        "By Dana Berg Jan. 11 (Wire) -- The ferry strike ended on Friday.": "By Dana Berg Jan. 11 (Wire) --",
        "BERGEN, Norway — Port workers walked out on Monday.": "BERGEN, Norway —",
        "OSLO, JAN 17 (Wire) — The ferry strike ended on Friday.": "OSLO, JAN 17 (Wire) —",
        "LEEDS/YORK, UK - Rail staff voted to strike.": "LEEDS/YORK, UK -",
        "Kingston, ON - The Harbour Hawks lost 5-3 on Friday.": "Kingston, ON -",
        "NEWPORT, Harbour Isle, (Wire) - The ferry sank at dawn.": "NEWPORT, Harbour Isle, (Wire) -",
        "(HTV/Wire) OSLO - The ferry strike ended on Friday.": "(HTV/Wire) OSLO -",  # two credits
        "BERGEN (Wire) -Hawks guard Tom Lund was cleared to play.": "BERGEN (Wire) -",  # the dash run onto a word
        "Harbour Town, Dec 29: The ferry strike ended on Friday.": "Harbour Town, Dec 29:",  # a town and the day
        "BERGEN (Wire) Hawks guard Tom Lund was cleared to play.": "BERGEN (Wire)",  # no dash after a short credit
    }
    for text, dateline in cases.items():
        cleaned = clean_text(text + " It reopens in May.", title="A title")
        assert cleaned.paragraphs[0] == text[len(dateline):].lstrip() + " It reopens in May."
        assert [(r.text, r.reason) for r in cleaned.removed] == [(dateline, "dateline")]
    # the publisher's own name as a dateline, only when it is the publisher
    text = "Harbour Times – Police said the boat sank at dawn."
    assert clean_text(text, title="A title", source="Harbour Times").paragraphs == ["Police said the boat sank at dawn."]
    assert clean_text(text, title="A title", source="Valley Courier").paragraphs == [text]
    # not a dateline: a hyphenated word in capitals, a ticker, a sentence with a dash
    for text in ("AL-NOOR chief Samir Haddad resigned on Monday.", "Apple (AAPL) Shares rose 3% on Monday.",
                 "HTV (Harbour Television Network) Board members met on Monday.",
                 "In Harbour Town, Dec 29 was the coldest day.",
                 "US officials said on Monday - at last - that talks would resume."):
        assert clean_text(text, title="A title").paragraphs == [text]


def test_a_headline_the_page_ran_into_the_story_is_not_story_text():
    title = "Ferry strike ends after two weeks"
    cleaned = clean_text(f"{title} OSLO (Wire) — The ferry strike ended on Friday. Boats sail again on Monday.",
                         title=title)
    assert cleaned.paragraphs == ["The ferry strike ended on Friday. Boats sail again on Monday."]
    # a story whose first words are its headline's keeps them
    story = "Ferry strike ends after two weeks of talks. Boats sail again on Monday."
    assert clean_text(story, title=title).paragraphs == [story]
    # printed twice, or before a first sentence that tells it again
    cleaned = clean_text(f"{title} {title} Staff reporters The ferry strike ended on Friday.", title=title)
    assert cleaned.paragraphs == ["Staff reporters The ferry strike ended on Friday."]
    cleaned = clean_text(f"{title} Ferry strike ended on Friday after two weeks of talks.", title=title)
    assert cleaned.paragraphs == ["Ferry strike ended on Friday after two weeks of talks."]


def test_an_article_on_one_line_keeps_its_story_when_a_caption_runs_on_at_the_end():
    story = ("The harbour at Kessel reopened on Monday after three days of repairs to its sea wall. "
             "About 40 fishing boats returned by the evening, the harbour master said.")
    cleaned = clean_text(story + " Boats wait outside the harbour wall at Kessel on Sunday evening")
    assert cleaned.paragraphs == [story]
    assert [r.text for r in cleaned.removed] == ["Boats wait outside the harbour wall at Kessel on Sunday evening"]


def test_a_headline_with_an_abbreviation_is_not_split():
    cleaned = clean_text("U.S. Navy sends second carrier to the Gulf\n\n"
                         "The US Navy has sent a second aircraft carrier to the Gulf, officials said on Monday.")
    assert cleaned.title == "U.S. Navy sends second carrier to the Gulf"
    assert cleaned.paragraphs == ["The US Navy has sent a second aircraft carrier to the Gulf, officials said on Monday."]


def test_an_article_on_one_line_keeps_its_story_when_it_opens_with_a_prompt_or_caption():
    story = ("The harbour at Kessel reopened on Monday after three days of repairs to its sea wall. "
             "About 40 fishing boats returned by the evening, the harbour master said.")
    for opening, reason in [("Advertisement", "prompt, link or notice"),
                            ("Photo: Boats at the quay (Western Post).", "caption or credit")]:
        cleaned = clean_text(f"{opening} {story}")
        assert cleaned.paragraphs == [story]
        assert [(r.text, r.reason) for r in cleaned.removed] == [(opening, reason)]


def test_a_run_of_capitalised_menu_words_is_not_story_text():
    menu = ("Home U.S. World Politics Video Investigative Health Entertainment Money Tech Travel Weather "
            "Opinion Headlines Port Strike Enters Second Week: Talks Resume As Ships Queue Off The Coast "
            "The Harbour Note: Cranes Idle Again...")
    lineup = ("Harbour Town: Okafor; Lindqvist, Moreau, Tanaka, Whitfield; Brennan, Ossei, Kowalczyk, Dunne; "
              "Marsh, Abara.")
    story = ("Dock workers at the northern terminal stayed out for an eighth day on Monday, and the port "
             "authority said talks would resume on Tuesday.")
    cleaned = clean_text("\n\n".join([menu, story, lineup]))
    assert cleaned.paragraphs == [story, lineup]
    assert any(r.reason == "a menu or a run of headlines" for r in cleaned.removed)


def test_a_byline_and_its_stamp_run_into_the_first_paragraph_before_the_dateline_are_not_story_text():
    text = ("Staff and wires 14 March, 2026 By DANA BERG, Wire Service Writer 12 minutes ago BERGEN, Norway - "
            "Port workers walked out on Monday, the union said. The ferry strike ended on Friday.")
    cleaned = clean_text(text, title="Port workers walk out")
    assert cleaned.paragraphs == ["Port workers walked out on Monday, the union said. The ferry strike ended on "
                                  "Friday."]
    assert [r.reason for r in cleaned.removed] == ["byline or dateline", "dateline"]
    # a sentence before a dateline-shaped phrase stays: "By" there is no byline's
    text = ("Workers stood by the gates for hours. BERGEN, Norway - Port workers walked out on Monday, the "
            "union said, and the ferry strike ended on Friday.")
    assert clean_text(text, title="Port workers walk out").paragraphs == [text]


def test_a_dateline_on_a_line_of_its_own_is_no_headline():
    # wire copy prints the dateline above the story; " _ " is an old terminal's dash
    for dateline in ("HARBOURTON, August 11 (Wire) --", "HARBOURTON _"):
        cleaned = clean_text(f"{dateline}\n\nU.S. envoy Dana Berg said the port talks had resumed.")
        assert cleaned.title == "U.S. envoy Dana Berg said the port talks had resumed."
        assert [(r.text, r.reason) for r in cleaned.removed] == [(dateline, "dateline")]


def test_a_headline_after_a_separator_and_before_a_press_wire_dateline_is_not_story_text():
    text = ("| Harbour Line Unveils New Ferry For Island Route LEITH --(Wire Service)-- Today at the port, Harbour "
            "Line unveiled a new ferry for the island route. It sails in May.")
    cleaned = clean_text(text, title="Harbour Line Unveils New Ferry For Island Route")
    assert cleaned.paragraphs == ["Today at the port, Harbour Line unveiled a new ferry for the island route. "
                                  "It sails in May."]
    assert ("LEITH --(Wire Service)--", "dateline") in [(r.text, r.reason) for r in cleaned.removed]


@pytest.mark.parametrize("stamp, day", [
    ("2026-03-02 18:04:13 -", dt.date(2026, 3, 2)),
    ("Monday, March 2, 2026", dt.date(2026, 3, 2)),
    ("Posted by the harbour desk on March 2, 2026", None),  # more than a date: a byline, not a stamp
    ("March 2026", None),  # no day
])
def test_an_article_without_a_date_is_dated_by_a_stamp_above_its_story(tmp_path, stamp, day):
    from briefing.clean import clean_document
    from briefing.ingest import read_inputs

    path = tmp_path / "harbour.txt"
    path.write_text(f"Harbour News\n\n{stamp}\n\n" + "Harbour councillors approved a new ferry timetable on "
                    "Monday after a month of complaints about late sailings.\n\nThe first boat will leave at six "
                    "in the morning from next week, the council said.\n", encoding="utf-8")
    (document,), _ = read_inputs([path])
    article = clean_document(document)
    assert article.published == day
    assert stamp not in article.text


def test_headlines_listed_with_the_time_they_were_posted_are_not_story_text():
    cleaned = clean_text(
        "Harbour councillors approved a new ferry timetable on Monday after a month of complaints about late "
        "sailings.\n\nThe council said the first boat would leave at six in the morning, at 6:05 a.m., from next "
        "week.\n\nMore news\n\nLifeboat crews rescue fourteen sailors 3/2/2026, 6:41 p.m.\n\n"
        "Harbour wall repairs to begin in spring 3/2/2026, 5:55 p.m.\n")
    text = "\n".join(cleaned.paragraphs)
    assert "Lifeboat crews" not in text and "Harbour wall repairs" not in text
    assert "at 6:05 a.m., from next week." in text  # a clock time in a sentence stays


def test_a_dateline_run_into_the_headline_is_not_part_of_the_title():
    from briefing.clean import without_dateline_tail

    cleaned = clean_text("Ferry timetable approved after a month of complaints HARBOURTON\n\n"
                         "Councillors approved a new ferry timetable on Monday after a month of complaints about "
                         "late sailings.\n\nThe first boat will leave at six in the morning, the council said.")
    assert cleaned.title == "Ferry timetable approved after a month of complaints"
    # an acronym the story names again ends a headline as it is
    story = "Members of NATO met in Brussels on Monday. NATO said the talks would go on."
    assert without_dateline_tail("Harbour state asks to join NATO", story) == "Harbour state asks to join NATO"
    assert without_dateline_tail("HARBOUR STATE ASKS TO JOIN", story) == "HARBOUR STATE ASKS TO JOIN"


def test_a_dateline_after_a_paragraph_the_page_kept_above_the_story_is_not_story_text():
    cleaned = clean_text("A file photo shows the old ferry leaving the harbour at dawn.\n\n"
                         "(Wire) HARBOURTON - Councillors approved a new ferry timetable on Monday after a month of "
                         "complaints.\n\nThe first boat will leave at six in the morning, the council said.\n\n"
                         "NEWPORT - is where the second boat will call.", title="Ferry timetable approved")
    assert cleaned.paragraphs[1].startswith("Councillors approved")
    assert [r.text for r in cleaned.removed if r.reason == "dateline"] == ["(Wire) HARBOURTON -"]
    assert cleaned.paragraphs[-1].startswith("NEWPORT")  # only the story's own dateline, once


def test_notes_about_the_article_itself_are_not_story_text():
    story = "Harbour councillors approved a new ferry timetable on Monday after a month of complaints."
    notes = ["Wire Service writer Dana Berg in Oslo contributed to this report.",
             "A version of this article appeared March 3, 2026, on page B3 in the print edition of the Harbour "
             "Times, with the headline: Ferry Deal Approved.",
             "This story originally appeared on Harbour Online."]
    cleaned = clean_text("\n\n".join([story, *notes]), title="Ferry timetable approved")
    assert cleaned.paragraphs == [story]
    assert [r.reason for r in cleaned.removed] == ["a note about the article"] * 3
    # A quotation may name "this report", and a story's long paragraph may say "this story" in passing.
    kept = ['"What will the council do to put the findings of this report into effect?" asked Ms Berg.',
            "It probably did not occur to the operator that anybody would believe this story, but thousands of "
            "islanders apparently did, and by the spring the council had received more than four hundred letters "
            "asking for the old timetable back, some of them from families who had used the ferry since 1998."]
    assert clean_text("\n\n".join([story, *kept]), title="Ferry timetable approved").paragraphs == [story, *kept]


def test_trade_marks_are_left_out_and_do_not_break_a_sentence():
    text = ("Harbour Marine unveiled the Tidewatch® One navigation screen on Monday, marking a leap for its "
            "Tidewatch™ line of ferry instruments.")
    cleaned = clean_text(text, title="A title")
    assert cleaned.paragraphs == ["Harbour Marine unveiled the Tidewatch One navigation screen on Monday, marking a "
                                  "leap for its Tidewatch line of ferry instruments."]


def test_the_time_a_page_posted_its_story_run_into_the_first_paragraph_is_not_story_text():
    cleaned = clean_text("Saturday 14-Mar-2026 11:48 AM Harbour councillors approved a new ferry timetable on "
                         "Friday.\n\nThe first boat leaves at six.", title="Ferry timetable approved")
    assert cleaned.paragraphs[0] == "Harbour councillors approved a new ferry timetable on Friday."
    assert ("Saturday 14-Mar-2026 11:48 AM", "time stamp") in [(r.text, r.reason) for r in cleaned.removed]
    assert cleaned.stamp == dt.date(2026, 3, 14)
    # a sentence that opens with a time is story
    text = "At 11:48 AM on Friday police closed the quay road."
    assert clean_text(text, title="Quay road closed").paragraphs == [text]


def test_a_wire_photos_caption_above_the_story_is_not_story_text():
    story = ("A ferry that ran aground off Corra Island on Monday was towed back to port on Tuesday, the "
             "operator said.\n\nNo one was hurt, and the crossing will reopen on Friday, the operator added.")
    for caption in ("This undated file photo shows the ferry Corra Star. The ferry was built in 1998.",
                    "In this Aug. 3, 2025 file photo, the Corra Star leaves Harbour Town.",
                    "This image provided by the coastguard shows the ferry on the rocks."):
        assert clean_text(f"{caption}\n\n{story}", title="Ferry towed back to port").paragraphs == story.split("\n\n")
    # a story about a photo keeps its sentences
    text = "This photo of the ferry went viral on Monday, the operator said, and drew 2,000 comments.\n\n" + story
    assert clean_text(text, title="Ferry towed back to port").paragraphs[0].startswith("This photo of the ferry")
