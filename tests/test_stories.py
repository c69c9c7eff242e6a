"""Story grouping: articles on one event go together, other events stay apart."""

from __future__ import annotations

import itertools

import pytest

from briefing.stories import cluster, group_articles

ROTTERDAM_1 = ("Hackers have demanded a ransom of 40 million euros from the Port of Rotterdam after a ransomware "
               "attack shut one of its container terminals. The port authority said it would not pay the ransom. "
               "Engineers expect to restart the terminal's crane systems by Thursday.")
ROTTERDAM_2 = ("A ransomware attack shut a container terminal at the Port of Rotterdam, where about 1,200 containers "
               "wait on the quay. The criminal group demanded a ransom, and the port authority refused to pay. "
               "The national cyber security centre sent specialists to the terminal.")
PO_FLOODS = ("Italy declared a state of emergency after the river Po burst its banks and forced 6,000 people from "
             "their homes. Rescuers searched flooded villages near Piacenza, and the army helped evacuate families "
             "as water levels rose.")
RATES = ("The central bank raised its main interest rate to 4.5 percent as inflation stayed well above target. "
         "Mortgage lenders said the average fixed mortgage rate had climbed, and the governor said inflation "
         "would fall next year.")
PO_FLOODS_2 = ("The death toll from flooding along the river Po rose to three as rescuers found a body near Cremona. "
               "More than 6,000 people have been forced from their homes by the floods, and water levels near "
               "Piacenza are still rising.")


def test_articles_on_one_event_form_one_story(analyse_texts):
    facts = analyse_texts(ROTTERDAM_1, PO_FLOODS, RATES, ROTTERDAM_2, PO_FLOODS_2)
    assert group_articles(facts) == [[0, 3], [1, 4], [2]]


def test_a_single_article_is_its_own_story(analyse_texts):
    assert group_articles(analyse_texts(RATES)) == [[0]]
    assert group_articles([]) == []


def test_average_linkage_stops_at_the_threshold():
    similarity = [[1.0, 0.9, 0.2], [0.9, 1.0, 0.3], [0.2, 0.3, 1.0]]
    assert cluster(similarity, 0.5) == [[0, 1], [2]]
    assert cluster(similarity, 0.2) == [[0, 1, 2]]  # the pair's average with the third is 0.25
    assert cluster(similarity, 0.95) == [[0], [1], [2]]


DAM_1 = ("The Kelso dam on the river Tweed failed early on Friday, flooding the villages of Ednam and Sprouston and "
         "forcing 900 residents from their homes. Engineers from the Tweed Water Board said a crack in the dam's "
         "concrete spillway had widened overnight before the wall gave way. The Scottish Fire and Rescue Service used "
         "boats to reach families trapped in Ednam, and no deaths have been reported.")
DAM_2 = ("About 900 people were evacuated from Ednam and Sprouston after the Kelso dam collapsed on Friday morning and "
         "sent the river Tweed through both villages. Firefighters rescued families by boat. The Tweed Water Board "
         "said a crack in the concrete spillway had been spotted on Thursday and had widened during the night.")
# Same topic, different events: two matches of one league round, two console launches on one day.
MATCH_1 = ("Harbury Rovers beat Castleford Town 3-1 at Mill Lane on Saturday to go top of the Northern League. Rovers "
           "striker Dan Okoye scored twice before half-time and Castleford's keeper Sam Reed was sent off after an "
           "hour. Town manager Phil Dorsey said his side had been second best all afternoon.")
MATCH_2 = ("Wexley United drew 2-2 with Brampton City at the Old Quay on Saturday, a result that keeps both clubs in the "
           "Northern League relegation zone. City led through goals from Ryan Platt and Joe Marr, but United's captain "
           "Lee Hall scored twice in the last ten minutes. United manager Tom Keane said the point was deserved.")
CONSOLE_1 = ("Nintaro launched its new handheld games console, the Nintaro Flip, in Japan on Thursday, with queues "
             "outside shops in Tokyo's Akihabara district. The console has two screens and costs 25,000 yen. The "
             "company expects to ship two million units by March.")
CONSOLE_2 = ("Sonara's new handheld games console, the Sonara Pocket, went on sale in the United States on Thursday at "
             "a price of $249. The console plays films and music as well as games. Sonara said it had shipped one "
             "million units to American shops.")


def together(groups: list[list[int]], a: int, b: int) -> bool:
    return any(a in group and b in group for group in groups)


def test_reports_of_different_events_on_one_topic_stay_apart_and_two_reports_of_one_event_merge(analyse_texts):
    facts = analyse_texts(MATCH_1, DAM_1, CONSOLE_1, MATCH_2, DAM_2, CONSOLE_2)
    assert group_articles(facts) == [[0], [1, 4], [2], [3], [5]]


def test_whether_two_articles_share_a_story_does_not_depend_on_what_else_is_briefed(analyse_texts):
    from briefing.stories import story_similarities

    facts = analyse_texts(MATCH_1, MATCH_2, DAM_1, CONSOLE_1, DAM_2, CONSOLE_2)
    whole = story_similarities(facts)
    for batch in ([0, 1], [0, 1, 2], [0, 1, 3, 5], [2, 4], [1, 2, 3, 4]):
        part = story_similarities([facts[i] for i in batch])
        assert part.toarray() == pytest.approx(whole[batch][:, batch].toarray())
        groups = [[batch[k] for k in g] for g in group_articles([facts[i] for i in batch])]
        for a, b in itertools.combinations(batch, 2):
            assert together(groups, a, b) == together(group_articles(facts), a, b), (batch, a, b)


@pytest.mark.parametrize("days, merged", [(0, True), (1, True), (4, True), (7, False), (30, False)])
def test_dated_reports_a_week_apart_are_two_events(nlp, days, merged):
    import datetime as dt

    from briefing.analyse import analyse_articles
    from conftest import article, settings

    friday = dt.date(2026, 3, 6)
    facts = analyse_articles([article(DAM_1, 1, published=friday),
                              article(DAM_2, 2, published=friday + dt.timedelta(days=days))], settings())
    assert (group_articles(facts) == [[0, 1]]) is merged


def test_a_story_reads_in_order_from_its_lead_source(analyse_texts):
    from briefing.assemble import assemble_brief
    from briefing.config import Config
    from briefing.text import dangles
    from briefing.lang import profile

    second = DAM_2 + (" And the board's chief engineer, Moira Dunn, said the spillway had passed its last inspection "
                      "in May. She said the dam would not be rebuilt before the autumn.")
    facts = analyse_texts(DAM_1, second, RATES)
    brief = assemble_brief(facts, Config(), date=facts[0].article.published)
    story = brief.stories[0]
    assert story.sources == [1, 2]
    own = {item.article.id: item.sentences for item in story.articles}
    lead = story.sentences[0].article_id
    assert story.sentences[0] == own[lead][0]  # opens with its lead source's lead
    markers = [s.article_id for s in story.sentences]
    assert markers == sorted(markers, key=lambda m: m != lead)  # each source's sentences together
    other = next(m for m in (1, 2) if m != lead)
    assert own[other][0] not in story.sentences  # the other source's lead would tell the event again
    for before, sentence in zip(story.sentences, story.sentences[1:]):
        if dangles(sentence.text, profile("en")):  # "And ...", "She said ...": only after its own sentence
            assert (before.article_id, before.index) == (sentence.article_id, sentence.index - 1)
    # A story of one source reads as that source's summary.
    (rates,) = [s for s in brief.stories if s.sources == [3]]
    assert rates.sentences == rates.articles[0].sentences


def test_the_overall_summary_continues_a_story_from_its_lead_source_not_another_lead():
    from briefing.assemble import overview
    from briefing.models import Sentence, Story

    port = Story("Port attack", [], [Sentence(2, 0, "Hackers shut a terminal."), Sentence(3, 0, "A terminal was shut."),
                                     Sentence(2, 1, "The port will not pay.")])
    rates = Story("Rates", [], [Sentence(4, 0, "The bank raised rates.")])
    assert [s.text for s in overview([port, rates], 3)] == [
        "Hackers shut a terminal.", "The bank raised rates.", "The port will not pay."]
    assert len(overview([port, rates], 5)) == 3  # nothing else to add: no second telling of the lead


def test_a_sources_sentence_opening_on_there_were_is_no_back_reference(analyse_texts):
    # "There were ..." stands for nothing before it: the story may take it from the second source
    # though the sentence before it in that source is not shown.
    from briefing.assemble import assemble_brief
    from briefing.config import Config

    second = ("A ransomware attack shut a container terminal at the Port of Rotterdam on Monday. "
              "There were about 1,200 containers on the quay when the attack stopped the crane systems, and "
              "ships bound for the terminal were sent on to Antwerp. "
              "Dutch officials gave no further comment.")
    facts = analyse_texts(ROTTERDAM_1, second)
    (story,) = assemble_brief(facts, Config(), date=facts[0].article.published).stories
    assert any(s.text.startswith("There were about 1,200 containers") for s in story.sentences), story.sentences
