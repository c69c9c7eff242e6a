import pytest

from briefing.summarise import SUMMARISERS, SpacyTokenizer, Summariser

STORY = """The city council approved a plan on Sunday to build 4,000 new homes on former railway land.

Council leader Priya Raman said the first homes would be ready within three years.

Ms Raman said a third of the homes would be offered at below-market rents to key workers.

Opposition councillors said the plan did not include enough money for new schools.

The council will publish its cost estimates for the housing plan next month, officials said.

Building work on the railway land is expected to start in the spring."""


@pytest.mark.parametrize("algorithm", sorted(SUMMARISERS))
def test_every_registered_algorithm_summarises_in_article_order(algorithm, nlp, analyse_texts):
    (item,) = analyse_texts(STORY)
    summariser = Summariser(algorithm, SpacyTokenizer(nlp, [item.doc]))
    picked = summariser.summarise("Council approves housing plan", item.sentences, 3)
    assert len(picked) == 3
    assert [s.index for s in picked] == sorted(s.index for s in picked)
    assert all(s in item.sentences for s in picked)


def test_rank_returns_every_sentence_once(nlp, analyse_texts):
    (item,) = analyse_texts(STORY)
    ranked = Summariser("textrank", SpacyTokenizer(nlp, [item.doc])).rank([("", item.sentences)])
    assert sorted(ranked, key=lambda s: s.index) == item.sentences


def test_tokenizer_answers_from_the_parsed_doc(nlp, analyse_texts):
    (item,) = analyse_texts(STORY)
    tokenizer = SpacyTokenizer(nlp, [item.doc])
    assert tokenizer.to_sentences(item.doc.text)[0] == item.sentences[0].text
    assert tokenizer.to_words("Ms Raman said a third of the homes would be offered.") == [
        "Ms", "Raman", "said", "a", "third", "of", "the", "homes", "would", "be", "offered"]


def test_paragraphs_always_start_a_sentence(analyse_texts):
    (item,) = analyse_texts("Rates rise to 4%\n\nThe bank raised rates on Thursday.")
    assert [s.text for s in item.sentences] == ["Rates rise to 4%", "The bank raised rates on Thursday."]
