import pytest

from briefing.figures import extract_figures, parse_number


@pytest.mark.parametrize("text, value", [
    ("5,200", 5200), ("5.2bn", 5.2e9), ("$3 million", 3e6), ("€250m", 2.5e8), ("12%", 12),
    ("three", 3), ("twenty-five", 25), ("about 400", 400), ("a dozen", 12), ("tens", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def figures_of(analyse_texts, *texts):
    return extract_figures(analyse_texts(*texts))


def test_count_with_qualifier_and_what_it_counts(analyse_texts):
    (figure, *_) = figures_of(analyse_texts, "About 900 Danish soldiers are stationed in Estonia, officials said.")
    assert figure.value == "About 900"
    assert figure.qualifier == "about"
    assert figure.counts == "Danish soldiers stationed in Estonia"
    assert figure.number == 900


def test_bare_number_borrows_the_noun_of_the_figure_before_it(analyse_texts):
    figures = figures_of(analyse_texts, "About 900 Danish soldiers are stationed in Estonia, while Norway has 1,300.")
    assert [(f.value, f.counts) for f in figures] == [
        ("About 900", "Danish soldiers stationed in Estonia"), ("1,300", "Norway soldiers")]


def test_money_and_change_keep_their_qualifiers(analyse_texts):
    figures = figures_of(analyse_texts, (
        "The government approved €250m in emergency aid on Wednesday. "
        "Inflation rose to 5.1% in December, the statistics office said."
    ))
    by_value = {f.value: f for f in figures}
    assert by_value["€250m"].kind == "money"
    assert by_value["€250m"].number == 2.5e8
    assert by_value["rose to 5.1%"].kind == "percent"
    assert by_value["rose to 5.1%"].counts == "Inflation"


def test_years_and_dates_are_not_figures(analyse_texts):
    figures = figures_of(analyse_texts, "The 2015 agreement expired in March 2024 after nine years of talks.")
    assert figures == []


def test_same_figure_from_two_sources_is_one_row(analyse_texts):
    figures = figures_of(
        analyse_texts,
        "About 900 Danish soldiers are stationed in Estonia.",
        "Around 900 Danish soldiers are based in Estonia as part of a NATO mission.",
    )
    soldiers = [f for f in figures if f.number == 900]
    assert len(soldiers) == 1 and soldiers[0].sources == [1, 2]


def test_money_in_a_sentence_without_a_verb_terminates(analyse_texts):
    figures = figures_of(analyse_texts, "Price: €40 each.\n\nTotal: $5m for the whole season.")
    assert {f.value for f in figures} >= {"€40"}
