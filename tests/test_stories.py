"""Story grouping: articles on one event go together, other events stay apart."""

from __future__ import annotations

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


def test_a_story_summary_draws_on_every_source_without_repeating(analyse_texts):
    from briefing.assemble import cite
    from briefing.models import ArticleSummary, Sentence
    from briefing.stories import build_stories
    from briefing.text import retells

    items = analyse_texts(ROTTERDAM_1, ROTTERDAM_2, RATES)
    summaries = [ArticleSummary(source, [Sentence(source.id, s.index, s.text) for s in item.sentences[:2]])
                 for item, source in zip(items, cite(items))]
    stories = build_stories(summaries, [[0, 1], [2]], 2, lambda a, b: retells(a.text, b.text))
    top = stories[0]
    assert top.sources == [1, 2]  # the story told by two sources ranks first
    assert [s.article_id for s in top.sentences] == [1, 2, 1]  # both leads, then the next sentence
    assert len({s.text for s in top.sentences}) == len(top.sentences)
    assert stories[1].sources == [3]


def test_the_overall_summary_continues_a_story_from_its_lead_source_not_another_lead():
    from briefing.assemble import overview
    from briefing.models import Sentence, Story

    port = Story("Port attack", [], [Sentence(2, 0, "Hackers shut a terminal."), Sentence(3, 0, "A terminal was shut."),
                                     Sentence(2, 1, "The port will not pay.")])
    rates = Story("Rates", [], [Sentence(4, 0, "The bank raised rates.")])
    assert [s.text for s in overview([port, rates], 3)] == [
        "Hackers shut a terminal.", "The bank raised rates.", "The port will not pay."]
    assert len(overview([port, rates], 5)) == 3  # nothing else to add: no second telling of the lead
