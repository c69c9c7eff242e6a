from briefing.actors import alias_pairs, extract_actors, same_word

LABELS = ["PERSON", "ORG", "GPE", "LOC"]


def actors_of(analyse_texts, *texts):
    return {a.name: a for a in extract_actors(analyse_texts(*texts), LABELS)}


def test_titles_and_surnames_join_the_full_name(analyse_texts):
    actors = actors_of(analyse_texts, (
        "Foreign Secretary Helen Marlowe flew to Oslo on Monday for talks on the fishing dispute.\n\n"
        "Mrs Marlowe said the talks had been constructive. Marlowe will report to parliament on Tuesday."
    ))
    marlowe = actors["Helen Marlowe"]
    assert marlowe.kind == "person"
    assert marlowe.role == "Foreign Secretary"
    assert marlowe.mentions == 3
    assert "Marlowe" in marlowe.aliases
    assert not any(name in actors for name in ("Marlowe", "Mrs Marlowe"))


def test_spelling_variants_merge_across_sources(analyse_texts):
    actors = actors_of(
        analyse_texts,
        "Iranian commander Qasem Vahidi was killed in a strike near the border on Friday.",
        "General Qassem Vahidi died in the attack, officials in Tehran said on Saturday.",
    )
    names = [n for n in actors if "Vahidi" in n]
    assert len(names) == 1
    assert actors[names[0]].sources == [1, 2]


def test_people_sharing_a_surname_stay_apart(analyse_texts):
    actors = actors_of(analyse_texts, (
        "Tom Hale, the mayor, opened the new bridge on Monday. "
        "His sister Anna Hale, a local engineer, designed the structure.\n\n"
        "Anna Hale said the design had taken four years."
    ))
    assert "Tom Hale" in actors and "Anna Hale" in actors
    assert actors["Anna Hale"].mentions == 2
    assert actors["Tom Hale"].mentions == 1


def test_acronym_paired_with_long_form_is_one_actor(analyse_texts):
    actors = actors_of(analyse_texts, (
        "The World Health Organization (WHO) declared an emergency on Monday. "
        "WHO officials said the outbreak was spreading quickly in three provinces."
    ))
    who = actors["World Health Organization"]
    assert who.kind == "organisation"
    assert "WHO" in who.aliases
    assert "WHO" not in actors


def test_islamic_state_and_is_and_daesh(analyse_texts):
    actors = actors_of(analyse_texts, (
        "Troops are training local forces to fight the so-called Islamic State (IS) in the north. "
        "The coalition was formed to counter Daesh (also known as IS), officials said."
    ))
    merged = [a for a in actors.values() if "Islamic State" == a.name or "Islamic State" in a.aliases]
    assert len(merged) == 1
    assert "Daesh" in {merged[0].name, *merged[0].aliases}


def test_countries_merge_by_iso_code(analyse_texts):
    actors = actors_of(analyse_texts, (
        "The UK sent two warships to the Gulf on Monday. Britain said the ships would escort tankers. "
        "The United Kingdom has 400 sailors in the region."
    ))
    uk = [a for a in actors.values() if a.kind == "place" and {"UK", "Britain"} <= {a.name, *a.aliases}]
    assert len(uk) == 1 and uk[0].mentions == 3


def test_headline_case_words_do_not_become_people(analyse_texts):
    items = analyse_texts("Storm Damage Closes Severn Crossing For Second Day As Engineers Wait.")
    people = [a for a in extract_actors(items, LABELS) if a.kind == "person"]
    assert people == []


def test_alias_pairs_need_matching_initials():
    assert ("nhs", "national health service") in alias_pairs("the National Health Service (NHS) said")
    assert alias_pairs("the mayor (pictured) said") == []


def test_same_word_spelling_rules():
    assert same_word("Qasem", "Qassem")
    assert same_word("Mohammed", "Muhammad")
    assert not same_word("Mark", "Mary")
    assert not same_word("Jones", "James")
