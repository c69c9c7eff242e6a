"""The per-article stage hands back plain ``ArticleFacts``; everything after it works on those
alone, without spaCy, and changes none of them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

from briefing.facts import ArticleFacts, DateMention, FigureFact, Mention, SentenceSpan
from briefing.models import Article
from conftest import article, settings

DAY = dt.date(2026, 3, 3)


def hand_made(title: str, source: str, sentences: list[str], mentions=(), figures=(), dates=(), terms=(),
              published: dt.date | None = DAY) -> ArticleFacts:
    """The facts of an article of ours, written by hand as the per-article stage would."""
    spans, start = [], 0
    for i, text in enumerate(sentences):
        spans.append(SentenceSpan(i, text, start, start + len(text)))
        start += len(text) + 2
    return ArticleFacts(
        article=Article(title=title, source=source, paragraphs=list(sentences), path=Path(f"{source}.txt"),
                        published=published),
        language="en", sentences=tuple(spans), summary=tuple(range(min(2, len(spans)))), terms=tuple(terms),
        mentions=tuple(mentions), figures=tuple(figures), dates=tuple(dates))


PORT_TERMS = (("port", 3), ("ransomware", 2), ("terminal", 2), ("ransom", 2), ("crane", 1), ("port ransomware", 1))
FLOOD_TERMS = (("flood", 3), ("river", 2), ("evacuate", 2), ("village", 1), ("levee", 1))


def port_facts() -> list[ArticleFacts]:
    ransom = FigureFact(value="€40m", counts="ransom", sentence="Hackers demanded a ransom of €40m.", kind="money",
                        number=4e7, unit="euro")
    return [
        hand_made("Hackers demand €40m from Harwick port", "Coast News",
                  ["Hackers demanded a ransom of €40m from the port of Harwick.",
                   "Port chief Anna Berg said on Monday the port would not pay."],
                  mentions=[Mention("person", ("Anna", "Berg"), 70, 79, role="Port chief", group=0),
                            Mention("place", ("Harwick",), 49, 56, group=1)],
                  figures=[ransom],
                  dates=[DateMention(1, "on Monday", False, "Port chief Anna Berg said on Monday the port would "
                                                          "not pay.", dt.date(2026, 3, 2))],
                  terms=PORT_TERMS),
        hand_made("Harwick port refuses ransom", "Harbour Times",
                  ["The port of Harwick refused to pay a €40m ransom to the hackers.",
                   "Ms Berg said the cranes would run again by Thursday."],
                  mentions=[Mention("place", ("Harwick",), 12, 19, group=0),
                            Mention("person", ("Berg",), 70, 74, titled=True, group=1)],
                  figures=[dataclasses.replace(ransom, sentence="The port refused to pay a €40m ransom.")],
                  terms=PORT_TERMS),
        hand_made("Floods force villagers from homes", "Valley Courier",
                  ["Floods forced 600 villagers from their homes along the river.",
                   "Rescuers evacuated two villages on Sunday."],
                  figures=[FigureFact(value="600", counts="villagers", sentence="Floods forced 600 villagers.",
                                      kind="count", number=600.0, unit="villager")],
                  dates=[DateMention(1, "on Sunday", False, "Rescuers evacuated two villages on Sunday.")],
                  terms=FLOOD_TERMS, published=None),
    ]


def test_the_brief_is_assembled_from_hand_made_facts_without_spacy():
    # In a fresh interpreter: this test run has loaded spaCy for other tests.
    script = textwrap.dedent("""
        import datetime as dt, sys
        sys.path.insert(0, sys.argv[1])
        from test_facts import port_facts
        from briefing.assemble import assemble_brief
        from briefing.config import Config
        from briefing.outputs import render

        brief = assemble_brief(port_facts(), Config(), date=dt.date(2026, 3, 3))
        print(render(brief, "md").decode())
        print("MODULES", " ".join(sorted(m for m in ("spacy", "thinc", "sumy") if m in sys.modules)))
    """)
    done = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent)], capture_output=True,
                          text=True, check=True)
    md, modules = done.stdout.rsplit("MODULES", 1)
    assert modules.split() == []
    # The two reports of the port attack are one story citing both; the floods stand apart.
    assert "*2 sources: Coast News, 3 March 2026 [1]; Harbour Times, 3 March 2026 [2]*" in md
    assert "*1 source: Valley Courier, undated [3]*" in md
    assert "| Anna Berg (also: Berg) | Person | Port chief | 2 | [1][2] |" in md
    assert "| €40m | ransom | [1][2] |" in md
    # An undated article's dates are read from the brief's date, and the timeline says so.
    assert "- **Monday 2 March 2026**: Port chief Anna Berg said on Monday" in md
    assert "- **Sunday 1 March 2026**\\*: Rescuers evacuated two villages on Sunday. [3]" in md


def test_assembly_changes_none_of_the_facts():
    from briefing.assemble import assemble_brief
    from briefing.config import Config

    facts = port_facts()
    before = pickle.dumps(facts)
    brief = assemble_brief(facts, Config(), date=DAY)
    assert pickle.dumps(facts) == before
    (ransom,) = [f for f in brief.figures if f.value == "€40m"]
    assert ransom.sources == [1, 2]  # a new row citing both sources


def test_actors_link_across_articles_from_facts_alone():
    from briefing.actors.linking import extract_actors

    first = hand_made("A", "one", ["Iranian commander Qasem Vahidi was killed."],
                      mentions=[Mention("person", ("Qasem", "Vahidi"), 19, 31, group=0)])
    second = hand_made("B", "two", ["General Qassem Vahidi died in the attack."],
                       mentions=[Mention("person", ("Qassem", "Vahidi"), 8, 21, role="General", group=0)])
    (actor,) = extract_actors([first, second])
    assert (actor.kind, actor.sources, actor.mentions, actor.role) == ("person", [1, 2], 2, "General")


def test_facts_are_plain_and_picklable_and_the_same_alone_or_in_a_batch(nlp):
    from briefing.analyse import analyse_articles

    articles = [
        article("The council approved 4,000 homes on Sunday. Council leader Priya Raman said building would "
                "start in the spring.", 1),
        article("Hackers demanded €40m from the Port of Harwick on Monday. The port authority, led by Anna "
                "Berg, refused to pay.", 2),
        article("Floods forced 600 people from their homes along the river Po. Rescuers will search again on "
                "Friday.", 3, published=None),
    ]
    batch = analyse_articles(articles, settings())
    alone = analyse_articles(articles[1:2], settings())
    assert batch[1] == alone[0]
    assert pickle.loads(pickle.dumps(batch)) == batch
    item = batch[1]
    assert [m.name for m in item.mentions if m.kind == "person"] == ["Anna Berg"]
    assert [f.value for f in item.figures] == ["€40m"]
    assert [(d.expression, d.day) for d in item.dates] == [("Monday", dt.date(2026, 3, 2))]
    # An undated article keeps its dates unread, for the brief's date.
    assert [(d.expression, d.day) for d in batch[2].dates] == [("Friday", None)]


def test_linking_joins_every_group_of_a_name_a_person_bears_and_no_others():
    # Each spelling is compared once, however many articles carry it: the groups of one
    # spelling that a person bears are one actor, and every group of a spelling it matches joins
    # it, whatever the model tagged those; two organisations of one spelling need their own key.
    from briefing.actors.linking import link_mentions

    def named(kind, *words):
        return hand_made("t", "s", ["x"], mentions=[Mention(kind, words, 0, 1)])

    facts = [named("organisation", "Dana", "Whitfeld"), named("person", "Dana", "Whitfeld"),
             named("person", "Dana", "Whitfield"), named("organisation", "Dana", "Whitfield"),
             named("organisation", "Delta", "Works"), named("place", "Delta", "Works")]
    groups = [sorted(position for position, _ in group) for group in link_mentions(facts * 3)]
    whitfield = [p for p in range(18) if p % 6 < 4]
    assert whitfield in groups
    delta = [group for group in groups if set(group) & {4, 5, 10, 11, 16, 17}]
    assert sum(map(len, delta)) == 6 and not any(set(group) & set(whitfield) for group in delta)
    # a spelling no person bears joins one a person bears, every group of it
    facts = [named("person", "Omar", "Haddad"), named("organisation", "Omar", "Hadad"),
             named("place", "Omar", "Hadad")]
    assert [sorted(p for p, _ in group) for group in link_mentions(facts * 3)] == [list(range(9))]


def test_a_name_alone_joins_a_full_name_spelled_the_same_not_one_letter_off():
    from briefing.actors.linking import link_mentions

    def named(kind, *words):
        return hand_made("t", "s", ["x"], mentions=[Mention(kind, words, 0, 1)])

    facts = [named("person", "Sam", "Bolton"), named("place", "Boston"), named("organisation", "Blyton"),
             named("person", "Bolton")]
    groups = sorted(sorted(p for p, _ in group) for group in link_mentions(facts))
    assert groups == [[0, 3], [1], [2]]


def test_a_first_name_two_people_open_goes_to_the_nearest_when_read_as_a_person():
    from briefing.actors.mentions import link_within_article
    from briefing.lang import profile

    text = "Bobby Jindal was sworn in. Bobby Flay cooked. Bobby thanked the chef. Bobby Jindal spoke. Bobby waved."
    def at(kind, name, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        return Mention(kind, tuple(name.split()), start, start + len(name))

    mentions = [at("person", "Bobby Jindal"), at("person", "Bobby Flay"), at("person", "Bobby", 2),
                at("person", "Bobby Jindal", 1), at("person", "Bobby", 4)]
    linked = link_within_article(mentions, text, profile("en"))
    assert linked[2].group == linked[1].group  # the nearest full name before it
    assert linked[4].group == linked[3].group == linked[0].group != linked[1].group  # two people stay two
    # read as a place, an opening word two people share is left alone
    placed = link_within_article(mentions[:2] + [dataclasses.replace(mentions[2], kind="place")], text,
                                 profile("en"))
    assert placed[2].kind == "place" and placed[2].group not in (placed[0].group, placed[1].group)


def test_a_place_that_opens_a_persons_name_is_no_family_name():
    from briefing.actors.linking import link_mentions

    def named(kind, *words, beside=()):
        others = [Mention("person", other, 2, 3, group=1) for other in beside]
        return hand_made("t", "s", ["x"], mentions=[Mention(kind, words, 0, 1), *others])

    # (a first word alone, or a word never read as a person, joins only where the articles name
    # someone else alike: here Trump)
    facts = [named("person", "Harbourside", "FC"), named("place", "Harbourside"),
             named("person", "Moon", "Jae-in", beside=[("Donald", "Trump")]),
             named("person", "Moon", beside=[("Trump",)]), named("organisation", "Jae-in", beside=[("Trump",)])]
    groups = sorted(sorted(p for p, _ in group) for group in link_mentions(facts))
    assert groups == [[0], [1], [2, 3, 4], [2, 3, 4]]  # "Moon" read as a person: the family name first


def test_a_full_name_read_as_a_place_and_its_surname_as_a_person_are_one_person():
    from briefing.actors.linking import extract_actors
    from briefing.actors.mentions import link_within_article
    from briefing.lang import profile

    # as the model read a sprint report: "Kemar Holt" once as a place, "Holt" as a person after
    text = "Kemar Holt won the 200 metres. Holt ran 19.3 seconds and Holt said he was happy."
    mentions = [Mention("place", ("Kemar", "Holt"), 0, 10), Mention("person", ("Holt",), 31, 35),
                Mention("person", ("Holt",), 58, 62)]
    linked = link_within_article(mentions, text, profile("en"))
    (actor,) = extract_actors([hand_made("t", "s", [text], mentions=linked)])
    assert (actor.name, actor.kind, actor.aliases) == ("Kemar Holt", "person", ["Holt"])


def test_a_closing_quote_mark_the_model_split_off_stays_with_its_sentence(nlp):
    from briefing.nlp import sentences_of

    text = 'The harbour festival will show "The Ferryman and the Sea."\n\n"It is a fine film," she said.'
    doc = nlp.make_doc(text)
    for token in doc:  # the boundaries the model drew on a real page: before the closing mark too
        token.is_sent_start = token.i == 0 or (token.text == '"' and doc[token.i - 1].text == ".") \
            or token.text == "\n\n"
    sentences = sentences_of(doc)
    assert sentences[0].text == 'The harbour festival will show "The Ferryman and the Sea."'
    assert text[sentences[0].start:sentences[0].end] == sentences[0].text
    assert [s.index for s in sentences] == list(range(len(sentences)))  # every sentence keeps its number
