"""Language data: one profile per language, handed to every stage that reads words.

A profile holds the word lists and patterns the stages use (titles and roles before names,
month and day names, number words, the words a summary or a timeline leans on, the prompts
and captions cleaning drops), spaCy's entity-label map and the names other libraries give
the language (dateparser and wordfreq take ISO 639-1 codes, sumy its own names). Briefing
picks the profile of the spaCy model's language (``Doc.lang_``); adding a language means
adding a module here and a line in ``PROFILES``, not editing the stages.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping
from dataclasses import dataclass

from briefing.errors import ConfigError

# Language code (as spaCy names it) -> the module whose PROFILE is that language's data.
PROFILES = {"en": "briefing.lang.en"}
# The language of the default spaCy model, and of functions called without a profile.
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, eq=False)  # one profile per language: compared and hashed by identity
class LanguageProfile:
    """Everything a stage needs to know about one language. Plain, immutable, picklable."""

    code: str  # ISO 639-1, as spaCy, dateparser and wordfreq name it
    sumy_name: str  # sumy's name for its stemmer and stop words ("english")

    # spaCy entity labels -> the kind of actor each becomes
    entity_kinds: Mapping[str, str]

    # Calendar
    weekdays: tuple[str, ...]  # Monday first, as datetime.weekday() counts
    months: tuple[str, ...]
    month_abbreviations: frozenset[str]
    time_zones: frozenset[str]
    # the clock zones of a country that writes a numeric date month first ("01/09/2008 9:37 PM PST"
    # is 9 January): the page's own evidence for reading its date so
    month_first_zones: frozenset[str]

    # Actors
    honorifics: frozenset[str]
    # honorifics and role words that say whether a person is a man or a woman, as spaCy's
    # morphology names genders: "mr" -> "Masc", "queen" -> "Fem"
    gendered_titles: Mapping[str, str]
    role_heads: frozenset[str]  # a role needs one of these ("minister", "chief")
    role_words: frozenset[str]  # words that make up a role with a head ("prime", "foreign")
    name_particles: frozenset[str]  # lower-case words inside names ("bin", "von")
    name_linkers: frozenset[str]  # words an acronym's long form may hold ("Bank of England (BoE)")
    alias_markers: str  # regex alternation that declares another name ("also known as|aka")
    country_aliases: Mapping[str, str]  # short forms of countries -> ISO 3166 alpha-3
    generic_names: frozenset[str]  # one-word names that are usually common nouns
    contest_verbs: frozenset[str]  # a place that beats or plays another is a team
    versus: frozenset[str]

    # Figures
    figure_labels: Mapping[str, str]  # spaCy number labels -> kind of figure
    qualifiers: tuple[str, ...]  # "about", "more than": kept with the value
    change_verbs: frozenset[str]  # "rose to 5%"
    small_numbers: Mapping[str, float]  # number words
    fractions: Mapping[str, float]
    multipliers: Mapping[str, float]  # "million", "bn"
    vague_amounts: Mapping[str, float]  # "thousands" -> 1000
    time_units: frozenset[str]
    lasting_words: frozenset[str]  # prepositions of how long something lasts: "for 10 days"
    currency_signs: Mapping[str, str]  # "$" -> "dollar"
    pronoun_determiners: frozenset[str]  # "the same one": "one" is no number
    street_words: frozenset[str]  # the last word of a street address
    credit_cues: tuple[str, ...]  # "told", "according to": what comes before a news source named as one
    report_verbs: frozenset[str]  # "X reported": a source, not an actor
    age_words: frozenset[str]  # "aged 43", "43 years old": an age, not a key figure
    clock_words: frozenset[str]  # "10 a.m.": a time of day, not a key figure
    number_labels: frozenset[str]  # words before a number that make it a label ("No 10")
    ratio_words: frozenset[str]  # words after a number that make it a ratio or how often ("75 times more")
    unit_fillers: frozenset[str]  # words next to a number that are never its unit ("the", "last")

    # Dates and the timeline
    date_leading_words: str  # regex alternation of words before a date expression ("on", "by")
    future_words: frozenset[str]  # "will": the event lies ahead
    future_verbs: frozenset[str]  # "expected to", "due to"
    modal_future: frozenset[str]  # "would be travelling Thursday": a modal that points ahead
    deadline_words: frozenset[str]  # "by Thursday" lies ahead
    today_words: frozenset[str]  # "today", "now": the publication date
    ago_words: frozenset[str]  # "three days ago": a count of time before the date names a day
    # "three days ago", "three days later": a length of time that places something in time, so no
    # key figure (but "later" counts from a moment the text names, not from the date)
    time_point_words: frozenset[str]
    ahead_words: frozenset[str]  # "in three days": so does one ahead of it
    past_words: frozenset[str]  # "last Oct. 23" lies behind
    set_words: frozenset[str]  # "every Friday", "any Sunday" is no one day
    relative_words: frozenset[str]  # "the day after Friday" is not Friday...
    day_shifts: Mapping[str, int]  # ...but the day after it: "day after" -> 1, "day before" -> -1
    range_words: frozenset[str]  # "Dec. 4 to 6": a span of days, which starts on its first
    # Countries whose public holidays a text in the language names by their name alone
    # ("Thanksgiving Day"), in the order a name is looked up (the `holidays` package's codes)
    holiday_countries: tuple[str, ...]

    # Summaries
    back_references: frozenset[str]  # "He said ...", "However, ...": leans on the sentence before
    back_reference_phrases: tuple[str, ...]  # "the company said ..."
    bonus_words: tuple[str, ...]  # edmundson's cue words
    stigma_words: tuple[str, ...]

    # Cleaning: patterns of page furniture (case-insensitive regular expressions)
    caption_pattern: str
    credit_pattern: str
    byline_pattern: str
    prompt_start_pattern: str
    prompt_any_pattern: str
    list_marker_pattern: str
    reader_words: frozenset[str]  # "you", "your", "please": a line that speaks to the reader
    # "we", "us", "our": with a reader word, the site speaking to its reader ("send us your comments")
    writer_words: frozenset[str] = frozenset()
    # the article naming itself: "this article", "this report" ("contributed to this report")
    self_reference_pattern: str = r"(?!x)x"
    # a title's closing credit to its publisher, the name in group 1: "... (from Harrow Times)"
    title_credit_pattern: str = r"(?!x)x"

    def __reduce__(self):
        # Sent to a worker process as its code; the worker reads its own copy of the data.
        return profile, (self.code,)

    @functools.cached_property
    def days_and_months(self) -> frozenset[str]:
        """Days and months, also abbreviated, lower-cased."""
        return frozenset(self.weekdays) | frozenset(self.months) | self.month_abbreviations

    @functools.cached_property
    def calendar_words(self) -> frozenset[str]:
        """Days, months and clock zones: words the model sometimes takes for a name."""
        return self.days_and_months | self.time_zones


@functools.lru_cache(maxsize=None)
def profile(code: str) -> LanguageProfile:
    """The profile of a language by its code ("en"); a clear error for a language briefing has
    no data for."""
    module = PROFILES.get(code)
    if module is None:
        raise ConfigError(f"briefing has no language data for {code!r} (the spaCy model's language); it has: "
                          f"{', '.join(sorted(PROFILES))}")
    return importlib.import_module(module).PROFILE


def entity_labels() -> frozenset[str]:
    """Every entity label some profile maps to a kind of actor (what config may name)."""
    return frozenset(label for code in PROFILES for label in profile(code).entity_kinds)
