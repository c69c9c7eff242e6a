"""English: the word lists and patterns every stage reads, in one place."""

from __future__ import annotations

from types import MappingProxyType

from briefing.lang import LanguageProfile


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HONORIFICS = _words("mr mrs ms miss mx dr sir dame lord lady prof professor rev reverend hon shri smt shrimati")
GENDERED_TITLES = MappingProxyType(
    {word: "Masc" for word in "mr sir lord shri king prince emperor congressman chairman spokesman".split()}
    | {word: "Fem" for word in "mrs ms miss dame lady smt shrimati queen princess empress congresswoman "
       "chairwoman spokeswoman".split()})
# Words that make up a role or title in front of a name. A role needs one of ROLE_HEADS.
ROLE_HEADS = _words("""
    president minister premier secretary chancellor general gen admiral colonel col captain capt commander
    lieutenant lt major sergeant sgt officer chief leader head senator sen governor gov mayor king queen prince
    princess emperor pope ayatollah sheikh imam cardinal bishop archbishop judge justice ambassador envoy
    spokesman spokeswoman spokesperson ceo chairman chairwoman chair director founder mp mep candidate
    representative rep congressman congresswoman speaker adviser advisor correspondent editor analyst coach
    manager striker""")
ROLE_WORDS = ROLE_HEADS | _words("""
    prime foreign home defence defense interior finance health justice education trade state deputy vice shadow
    former ex caretaker acting interim supreme retired army military navy air force security national opposition
    party labour conservative democratic republican executive top senior elite leadership attorney crown
    of the and affairs first lady grand high commissioner commission economy energy transport environment
    culture cabinet""")

# Short forms of countries that pycountry does not know by these names.
COUNTRY_ALIASES = MappingProxyType({
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR",
    "us": "USA", "u.s.": "USA", "usa": "USA", "u.s.a.": "USA", "america": "USA",
    "united states of america": "USA", "russia": "RUS", "south korea": "KOR", "north korea": "PRK",
    "iran": "IRN", "syria": "SYR", "venezuela": "VEN", "vietnam": "VNM", "taiwan": "TWN",
    "bolivia": "BOL", "tanzania": "TZA", "laos": "LAO", "moldova": "MDA", "czech republic": "CZE",
    "uae": "ARE", "ivory coast": "CIV", "turkey": "TUR", "palestine": "PSE",
})

QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "as much as", "as few as", "an estimated", "some", "about", "around", "roughly", "nearly",
    "almost", "approximately", "over", "under", "just over", "just under", "close to", "upwards of",
    "estimated", "only", "just", "below", "above", "an average of", "a further", "another",
    "the equivalent of", "in the region of", "in the neighborhood of", "in the neighbourhood of", "in excess of",
)

SMALL_NUMBERS = MappingProxyType({
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a dozen": 12, "dozen": 12, "half": 0.5, "a hundred": 100, "a thousand": 1000,
})
FRACTIONS = MappingProxyType({"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
                              "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1})
MULTIPLIERS = MappingProxyType({
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
})
# "thousands of people", "dozens of", "tens of millions": between one and ten of the unit.
VAGUE = MappingProxyType({"dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
                          "billions": 1e9, "trillions": 1e12})
CURRENCY_SIGNS = MappingProxyType({
    "$": "dollar", "us$": "dollar", "a$": "australian dollar", "c$": "canadian dollar", "£": "pound", "€": "euro",
    "¥": "yen", "₹": "rupee", "₩": "won", "₽": "rouble", "₺": "lira", "fr": "franc", "chf": "swiss franc",
    "usd": "dollar", "eur": "euro", "gbp": "pound", "rs": "rupee", "inr": "rupee"})

# Page furniture, by the words it is made of (cleaning judges lines by their shape first).
CAPTION = (r"\((?:pictures?|photos?|photograph|images?|credit|pic|video)\s*:[^)]*\)"
           r"|^(?:(?:cover|main|top|header|lead|featured)\s+)?"
           r"(?:images?|photos?|pictures?|photograph|caption|credit|media caption|image caption"
           r"|image copyright|image source|video caption|illustration)s?\s*[:|–-]"
           # a wire photo's own caption: "This undated file photo shows ...", "In this Aug. 3 photo, ..."
           r"|^(?:in )?this\b.{0,40}?\b(?:file )?(?:photo|image|picture|photograph)\b(?: taken\b.{0,40}?)?"
           r"(?:,| shows\b| released\b| provided\b)")
CREDIT = r"\b(?:getty images|afp via getty|ap photo|pa media|pa wire|shutterstock|reuters/|epa-efe)\b"
BYLINE = r"^(?:by|published|updated|posted|last updated|first published)\b"
PROMPT_START = (r"^(?:sign up|subscribe|follow us|follow @|share (?:this|on)|click here|tap here|read more|read next"
                r"|download (?:our|the)|join (?:our|us|the conversation)|get (?:our|the latest)|don'?t miss"
                r"|watch(?: now)?:|listen(?: now)?:|advertisement|sponsored|see also|also read|copyright|©)")
PROMPT_ANY = (r"newsletter|all rights reserved|©|cookie (?:policy|settings)|privacy policy|terms of (?:use|service)"
              r"|sign up (?:for|to)|subscribe (?:to|for|now|today)|follow us on|our app\b|https?://|www\.|\S+@\S+\.\w+")
# A line that announces a list of other stories: everything short after it is not the story.
LIST_MARKER = (r"^(?:related(?:\s+(?:topics|articles|stories|content|coverage|links|reading))?|more on this story"
               r"|more from \S+|more stories|you may also like|you might also like|read more|see also|most read"
               r"|most popular|recommended(?: for you)?|top stories|latest news|trending|in other news)\s*:?$")

PROFILE = LanguageProfile(
    code="en",
    sumy_name="english",
    entity_kinds=MappingProxyType({"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
                                   "FAC": "place", "NORP": "group"}),
    weekdays=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    months=("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december"),
    month_abbreviations=_words("jan feb mar apr may jun jul aug sep sept oct nov dec"),
    time_zones=_words("gmt utc bst cet est pst edt pdt cdt cst mdt mst et pt ct mt pacific eastern central mountain"),
    month_first_zones=_words("est pst edt pdt cdt cst mdt mst akst akdt hst et pt ct mt"),
    honorifics=HONORIFICS,
    gendered_titles=GENDERED_TITLES,
    role_heads=ROLE_HEADS,
    role_words=ROLE_WORDS,
    name_particles=_words("al el bin ibn abu de del della der di da du van von la le dos das y"),
    name_linkers=_words("of and for the de on in"),
    alias_markers="also known as|aka|or|formerly",
    country_aliases=COUNTRY_ALIASES,
    generic_names=_words("government parliament police army court council ministry cabinet committee coalition "
                         "commission embassy military navy state senate opposition party union company group city"),
    contest_verbs=_words("beat defeat draw lose thrash rout edge overcome eliminate outplay upset trail dismiss bowl "
                         "host face play tie"),
    versus=_words("v v. vs vs. versus"),
    figure_labels=MappingProxyType({"CARDINAL": "count", "MONEY": "money", "PERCENT": "percent",
                                    "QUANTITY": "quantity"}),
    qualifiers=QUALIFIERS,
    change_verbs=_words("rise fall increase decrease drop climb jump grow surge plunge decline soar slump slip "
                        "tumble reach cut raise lower double halve shrink expand dip edge gain lose"),
    small_numbers=SMALL_NUMBERS,
    fractions=FRACTIONS,
    multipliers=MULTIPLIERS,
    vague_amounts=VAGUE,
    time_units=_words("second minute hour day week fortnight month year decade century season"),
    lasting_words=_words("for over during throughout within"),
    currency_signs=CURRENCY_SIGNS,
    pronoun_determiners=_words("same this that each every any no which another the other"),
    street_words=_words("road rd street st avenue ave lane ln way drive boulevard blvd place square terrace crescent "
                        "close court highway parade row walk"),
    credit_cues=("told", "according to", "said in a statement to", "in an interview with", "quoted by"),
    report_verbs=_words("report"),
    age_words=_words("aged age old"),
    clock_words=_words("a.m. p.m. am pm o'clock gmt utc bst est pst"),
    number_labels=frozenset({"No", "No.", "Number", "number"}),
    ratio_words=frozenset({"times"}),
    unit_fillers=_words("the a an past last next first"),
    date_leading_words="on|by|from|until|till|since|early|late|earlier|later",
    future_words=frozenset({"will", "'ll", "shall", "next", "tomorrow", "upcoming"}),
    future_verbs=_words("expect plan due intend aim schedule set"),
    modal_future=_words("would might may"),
    deadline_words=_words("by until till before"),
    holiday_countries=("US", "GB", "CA", "AU", "IE", "NZ", "IN"),
    today_words=_words("today now tonight"),
    ago_words=_words("ago"),
    time_point_words=_words("ago later earlier"),
    ahead_words=_words("in"),
    past_words=_words("last past previous"),
    set_words=_words("every each any"),
    relative_words=_words("before after following preceding"),
    day_shifts={"day before": -1, "day preceding": -1, "day after": 1, "day following": 1},
    range_words=_words("to through until till"),
    back_references=_words("""
        he she it they this these that those his her its their him them however but and also meanwhile still yet
        instead moreover furthermore nevertheless then so such both there here another other later thus"""),
    back_reference_phrases=("the paper", "the newspaper", "the company", "the firm", "the report", "the group",
                            "the move", "the man", "the woman", "the pair", "the couple", "the same"),
    bonus_words=("announced", "confirmed", "decided", "agreed", "killed", "warned", "urged", "ordered",
                 "major", "significant", "important", "key", "crucial", "first", "new", "said"),
    stigma_words=("perhaps", "maybe", "reportedly", "allegedly", "possibly", "might", "meanwhile",
                  "also", "hardly", "unclear", "rumour", "rumoured"),
    caption_pattern=CAPTION,
    credit_pattern=CREDIT,
    byline_pattern=BYLINE,
    prompt_start_pattern=PROMPT_START,
    prompt_any_pattern=PROMPT_ANY,
    reader_words=_words("you your yours yourself please"),
    writer_words=_words("we us our ours ourselves"),
    self_reference_pattern=r"\bthis (?:article|story|report|post)\b",
    title_credit_pattern=r"\s*\(from ([^()]{2,60}?)\s*\)\s*$",
    list_marker_pattern=LIST_MARKER,
)
