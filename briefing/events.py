"""The dated sentences of one article, from its spaCy parse: the per-article half of the timeline.

Each date the model finds in a sentence ("on Friday", "Monday morning", "January 3") is a
candidate. A sentence about what is to come looks forward ("talks will resume on Friday",
"expected to restart by Thursday"); every other looks back. The tense is the one of the verb
the date belongs to: "He said on Monday that talks will resume" looks back. A sentence that
leans on the one before ("He said ...") brings that one along. Read against the article's
publication date, the first candidate of a sentence that names a day dates it; an undated
article keeps all its candidates, to be read against the brief's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.dates import event_day, holiday
from briefing.facts import DateMention
from briefing.lang import LanguageProfile
from briefing.nlp import entities_of, opens_on_expletive
from briefing.text import continues, dangles

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


def _future_verb(token: Token, lang: LanguageProfile) -> bool:
    """"expected to", "plans to", "due to", "set to", "scheduled a news conference": the verb
    says something is to come (with its object: what is planned lies ahead, whatever the tense
    of the planning)."""
    doc = token.doc
    if token.lemma_.lower() not in lang.future_verbs:
        return False
    return (token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to") or any(
        child.dep_ == "dobj" for child in token.children)


def _tense(verb: Token, lang: LanguageProfile, before: bool = False, own: bool = False) -> bool | None:
    """Does this verb look forward (True: "will resume", "expected to"), back (False: "spoke",
    "has spoken", "was killed"), or does its form not say (None: "returns", "to restart")?
    ``before``: the date opens the verb's clause ("On Friday, the government planned to pay"):
    it dates a plan made in the past, not what was planned ("planned a march on Saturday").
    ``own``: a weekday that belongs to this verb itself, not to a clause or a phrase below it."""
    auxiliaries = [t for t in verb.children if t.dep_ in ("aux", "auxpass")]
    planned = _future_verb(verb, lang) and not (before and verb.tag_ == "VBD" and not auxiliaries)
    if any(t.lower_ in lang.future_words or t.lower_ == "wo" for t in auxiliaries) or planned:
        return True
    if any(t.lower_ in lang.modal_future for t in auxiliaries) and not any(t.lemma_ == "have" for t in auxiliaries):
        return True  # "would be travelling Thursday", "might come as soon as Tuesday"; not "would have"
    if verb.tag_ in ("VBD", "VBN") and not auxiliaries and verb.dep_ != "amod":
        return False  # "spoke", "killed" (a participle alone is a past in news: "arrested on Friday")
    if any(t.tag_ == "VBD" or t.lemma_ == "have" for t in auxiliaries):
        return False
    if own and verb.tag_ in ("VBZ", "VBP") and not auxiliaries and verb.pos_ == "VERB" and verb.lemma_ != "have":
        # "They finish their trip Saturday night": the present of what is scheduled, on the day it
        # names, looks ahead; "The company says Friday that ...": a present that reports speech
        # tells what was said. Not a state ("the papers have two stories in common on Monday").
        return not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
    return None


# How many clauses up a date looks for a verb whose form says when: in "Parliament will be
# updated when it returns on Tuesday", "returns" does not say and "will be updated" does.
CLAUSE_STEPS = 3


def _clause_says(ent: Span, lang: LanguageProfile) -> bool | None:
    """The tense of the verb the date belongs to: "He said on Monday that talks will resume" is
    Monday past; "X will chair ... and spoke to Y on Monday" is Monday past too. A verb whose
    form does not say hands over to the clause it depends on. None when no verb decides."""
    token = _verb_of(ent)
    # a weekday alone lies within days; a month and day in a present ("dates back to a loss on
    # December 28") is more often a state's past than a plan's future
    weekday = any(t.lower_ in lang.weekdays for t in ent) and not _names_month_day(ent, lang)
    own = weekday and _on_the_verb(ent, token)
    for step in range(CLAUSE_STEPS):
        if token.pos_ not in ("VERB", "AUX"):
            return None
        said = _tense(token, lang, before=step == 0 and ent.end <= token.i, own=own)
        if said is not None or token.head.i == token.i:
            return said
        # A weekday on a participle or an infinitive of the verb's own clause is the verb's
        # ("The party takes place across the city, beginning Monday"): it goes up with it.
        own = own and _nonfinite(token)
        token = token.head
        while token.pos_ == "ADJ" and token.head.i != token.i:
            token = token.head  # "would be ready to leave as soon as Tuesday": on to "be"
    return None


def _on_the_verb(ent: Span, verb: Token) -> bool:
    """Does the date hang on the verb itself ("begin a road trip Wednesday", "ends its homestand
    on Monday"), not inside a noun's phrase below it ("include 1917, the winner at the awards on
    Saturday")?"""
    token = ent.root
    if token.head.dep_ == "prep" or token.dep_ == "pobj":
        token = token.head  # "on Monday": the preposition hangs on the verb
    return token.head.i == verb.i


def _nonfinite(verb: Token) -> bool:
    """A participle or a bare infinitive without an auxiliary, in its head verb's clause
    ("beginning", "culminating"): its time is its head verb's."""
    return verb.tag_ in ("VBG", "VB") and verb.dep_ in ("advcl", "conj", "xcomp") and not any(
        t.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for t in verb.children)


def _verb_of(ent: Span) -> Token:
    """The verb a date belongs to (or the root of its sentence, when none governs it)."""
    token = ent.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:  # (a root is its own head)
        token = token.head
    return token


def _past_perfect(verb: Token) -> bool:
    """"they had not called": an event before a past moment."""
    return verb.tag_ == "VBN" and any(t.dep_ == "aux" and t.lemma_ == "have" and t.tag_ == "VBD" for t in verb.children)


def _looks_forward(sent: Span, ent: Span, lang: LanguageProfile) -> bool:
    """Does the event lie ahead ("will resume on Friday", "expected to restart", "by Thursday")?
    The verb the date belongs to decides; when its form does not say, any future word in the
    sentence does."""
    doc = ent.doc
    i = ent.start - 1
    while i >= sent.start and doc[i].ent_type_ in ("DATE", "TIME"):
        i -= 1  # "until 9 a.m. Tuesday": past the clock time to the word before it
    said = _clause_says(ent, lang)
    if i >= sent.start and doc[i].lower_ in lang.deadline_words:
        # "by Thursday" lies ahead. A deadline set in the past is still ahead when it is a weekday
        # ("has given them until 9 a.m. Tuesday"), unless the verb says it was before a past moment
        # ("until Thursday, they had not called him a suspect").
        weekday_only = any(t.lower_ in lang.weekdays for t in ent) and not _names_month_day(ent, lang)
        return said is not False or (weekday_only and not _past_perfect(_verb_of(ent)))
    if said is not None:
        return said
    return any(t.lower_ in lang.future_words or _future_verb(t, lang) for t in sent)


@dataclass(frozen=True)
class Expression:
    """A date expression of a sentence, with what the timeline needs to read it."""

    sentence: int  # index of the sentence, as ``sentences_of`` counts them
    start: int  # character offsets in the text
    end: int
    text: str
    forward: bool  # the sentence speaks of what is to come
    told: str  # the sentence, with the one before when it leans on it
    # It dates an event: its sentence reports one (``_worth_a_line``) and it is no noun's (``_names_a_thing``).
    event: bool = True


def date_expressions(doc: Doc, text: str, lang: LanguageProfile) -> Iterator[Expression]:
    """Every date expression of ``doc`` (the parse of ``text``) that may date its sentence."""
    previous = ""
    index = -1  # of the sentence, as ``sentences_of`` counts them (sentences of only white space are none)
    quotations = _Quotations(text)
    for sent in doc.sents:
        said = text[sent.start_char:sent.end_char].strip()
        index += bool(said)
        # "He said ..." alone in a timeline leaves the reader asking who: the sentence before
        # comes along, as in the summaries.
        told, previous = (f"{previous} {said}" if previous and dangles(said, lang, opens_on_expletive(sent))
                          else said), said
        candidates = list(_candidates(sent, lang))
        if not candidates:
            continue  # most sentences: whether they are worth a line is not asked
        worth = _worth_a_line(sent, said, quotations.open_at(sent.start_char)) and not (
            continues(text, sent.start_char) or (sent.end < len(doc) and continues(text, doc[sent.end].idx)))
        for span, expression in candidates:
            yield Expression(index, span.start_char, span.end_char, expression, _looks_forward(sent, span, lang),
                             told, worth and not (_names_a_thing(span) or _planned_for_a_noun(span, lang)
                                                  or _measured_now(span, lang)))


def _names_a_thing(span: Span) -> bool:
    """"after the September 11 attacks", "appealed against Wednesday's ruling": a date that
    modifies a noun names the thing; it does not say when the sentence's event happened. Unless
    the thing is what the sentence is about: "The Friday explosions killed 110 people". So does a
    date a noun leads "to": "in the runup to Christmas" is a time before the day."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.pos_ == "NOUN" and head.head.i < head.i:
        return True  # "in the runup to Christmas", "the build-up to Friday's vote": a time before it
    if root.dep_ not in ("compound", "nmod", "amod", "poss") or head.pos_ not in ("NOUN", "PROPN") \
            or span.start <= head.i < span.end or head.ent_type_ in ("DATE", "TIME"):  # "Friday night"
        return False
    return not (head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"))


def _measured_now(span: Span, lang: LanguageProfile) -> bool:
    """"equivalent to about £700,000 today", "worth $2m today": "today" that goes with an
    adjective says what something is worth or how it stands now, not when anything happened; so
    does "today" on a present "is" with its complement ("Today, the firm is a one-product
    company", "She is a lively three-year-old today"), which is "nowadays"; and so does "today"
    on a plural noun ("ferry engines today burn ...") or on a present that tells what a
    kind of thing does ("Most teenagers today own a phone"); and so does "today" in a relative
    clause whose subject is "we" or "you" ("the heatwaves we are witnessing today", "the world
    you see today"). Not "The vote is today": there
    "today" is the complement; nor "Acme today announces ...": a named subject's present."""
    if len(span) != 1 or span[0].lower_ not in lang.today_words:
        return False
    head = span[0].head
    if head.pos_ == "ADJ" or (head.tag_ == "NNS" and head.i != span[0].i):
        return True  # not a thing done today: "a statement today by the attorney"
    if head.dep_ == "relcl" and any(c.dep_ == "nsubj" and _speaks(c) for c in head.children):
        return True  # "the suffering we are witnessing today", "the world you see today": nowadays
    if span[0].dep_ not in ("npadvmod", "advmod") or head.tag_ not in ("VBZ", "VBP"):
        return False
    if head.lemma_ == "be":
        return any(c.dep_ in ("attr", "acomp") for c in head.children)
    return not any(c.dep_ in ("aux", "auxpass") for c in head.children) and any(
        c.dep_ == "nsubj" and c.tag_ == "NNS" for c in head.children)


def _planned_for_a_noun(span: Span, lang: LanguageProfile) -> bool:
    """"killed ahead of elections scheduled for January 8", "a ruling, which is expected next
    month": a date in a clause that tells when a thing is planned (a participle or a relative
    clause of a planning verb on a noun) dates that thing, not the sentence's event."""
    token = span.root
    while token.head.i != token.i and token.i != span.sent.root.i:
        if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN") and token.tag_ == "VBN" \
                and token.lemma_.lower() in lang.future_verbs and not any(c.dep_ == "xcomp" for c in token.children) \
                and (token.dep_ == "acl" or any(c.dep_ == "auxpass" for c in token.children)):
            # "scheduled for", "which is expected"; not "engineers expected to restart ... by
            # Thursday" (a clause the parser hung on the noun): what is to be done is the event
            return True
        token = token.head
    return False


_ANY_DAY = dt.date(2000, 6, 30)  # a day to ask whether an event's name is a holiday at all

_STOPS = ".!?:"  # a colon ends "The paper said in an editorial on Monday, Oct. 26:"
_SINGLE_QUOTES = frozenset("'‘’`")


class _Quotations:
    """Whether a quotation opened earlier in its paragraph runs on at a point of ``text`` ('“We
    meet on Monday. Also, the seminar is on Thursday.': the second sentence is still the
    speaker's), asked at points in text order: the marks are counted once."""

    def __init__(self, text: str):
        self.text, self.at = text, 0
        self.curly = self.backticks = self.straight = 0

    def open_at(self, start: int) -> bool:
        seen = self.text[self.at:start]
        self.at = start
        if "\n" in seen:  # a new paragraph: only its own marks count
            seen = seen[seen.rfind("\n") + 1:]
            self.curly = self.backticks = self.straight = 0
        self.curly += seen.count("“") - seen.count("”")
        self.backticks += seen.count("``") - seen.count("''")
        self.straight += seen.count('"')
        return self.curly > 0 or self.backticks > 0 or self.straight % 2 == 1


def _worth_a_line(sent: Span, said: str, quoted_at_start: bool = False) -> bool:
    """Does the sentence report something happening, as a timeline line must? It has a verb
    with a subject outside any quotation, ends as a sentence ends and starts as one starts. Not
    a dateline ("WASHINGTON, Aug. 11 (Xinhua) --"), a list item or table row ("Aug. 14 --
    Amphitheatre, St. Louis"), a headline ("Talks to resume on Friday"), a piece of a sentence
    the page broke ('OUT," she tweeted Monday night.') or a bare quotation. Nor a sentence that
    opens inside a quotation an earlier sentence opened (``quoted_at_start``): '... The testimony
    was about that evening," he said.' is the speaker's words, which a line alone would put in
    the writer's voice, whoever is named after them."""
    if quoted_at_start:
        return False
    body = said.rstrip("\"”’')")
    if not body or body[-1] not in _STOPS:
        return False  # a headline, a list item, a caption: no full stop
    first = said.lstrip("\"“‘'`(")
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False  # the tail of a sentence the page broke
    quoted, inside, marks = set(), False, 0
    doc = sent.doc
    for token in sent:
        if token.is_quote:
            if token.i > sent.start and doc[token.i - 1].is_quote:
                continue  # "``" comes as two tokens
            mark = token.text + (doc[token.i + 1].text if token.i + 1 < sent.end and doc[token.i + 1].is_quote else "")
            if mark in _SINGLE_QUOTES:
                continue  # a single quote may be an apostrophe
            if token.i == sent.start and token.whitespace_:
                inside = False
                continue  # '" Also on Sunday, ...': the sentence before's closing mark
            if not marks and token.i > sent.start and not doc[token.i - 1].whitespace_ \
                    and doc[token.i - 1].text not in "([":
                return False  # the first mark is glued to the word before: it closes a quotation ('OUT," she tweeted.')
            marks += 1
            inside = not inside
        elif inside:
            quoted.add(token.i)
    if any(t.head.i == sent.root.i and t.dep_ in ("nsubj", "nsubjpass") and _speaks(t) for t in sent):
        return False  # "I arrived tonight.": someone's words (a transcript, a letter) that do not say who
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.pos_ in ("VERB", "AUX")
               and t.i not in quoted and t.head.i not in quoted for t in sent)


def _speaks(token: Token) -> bool:
    """A personal pronoun of the first or second person: "I", "we", "you"."""
    return token.pos_ == "PRON" and token.morph.get("PronType") == ["Prs"] and token.morph.get("Person") in (["1"], ["2"])


# Tokens between a clock time and its day that keep them one expression: "9 a.m. (1400 GMT) Tuesday".
CLOCK_GAP = 4


def _candidates(sent: Span, lang: LanguageProfile) -> Iterator[tuple[Span, str]]:
    """The date expressions of a sentence: spaCy's DATE and TIME entities, and the words that
    name a day on their own where the model saw none ("Late Monday, officials said", "apply for
    visas today"). A clock time and the day right after it are one expression ("9 a.m.
    Tuesday"); a day another is counted from is one with what counts from it ("the day before
    last Tuesday", read by ``dates.resolve``)."""
    doc = sent.doc
    spans = list(_spans(sent, lang))
    taken = -1  # the last span joined to a clock time before it
    for n, span in enumerate(spans):
        if n <= taken:
            continue
        if n + 1 < len(spans) and _counted_from(spans[n + 1], lang) and spans[n + 1].start == span.end + 1:
            taken = n + 1
            yield doc[span.start:spans[n + 1].end], f"{span.text} {doc[span.end].text} {spans[n + 1].text}"
            continue
        if _counted_from(span, lang):
            continue
        day = next((m for m in range(n + 1, len(spans)) if _names_day(spans[m], lang)), None) \
            if span.label_ == "TIME" else None
        if day is not None and _one_expression(span, spans[day], lang):
            taken = day  # read without what stands between: "0735" would be a year
            yield doc[span.start:spans[day].end], f"{span.text} {spans[day].text}"
            continue
        following = _day_listed_before(spans[n + 1], lang) if n + 1 < len(spans) else None
        if following is not None and following[0].start == span.end - 1 and not any(_is_month(t, lang) for t in span):
            yield following  # "the midweek of 23 | and | 24 October": the model cut the list in two
            continue
        lone = _day_listed_before(span, lang)
        if lone is not None and lone[0].root.ent_type_ not in ("DATE", "TIME"):
            yield lone  # "the weekend of 5 and | 6 April", the "5" no date to the model
        yield from _listed_days(span, lang) or [(span, span.text)]


def _is_month(token: Token, lang: LanguageProfile) -> bool:
    return token.lower_ in lang.months or token.lower_.rstrip(".") in lang.month_abbreviations


def _is_day_number(token: Token) -> bool:
    return token.text.isdigit() and 1 <= int(token.text) <= 31


def _day_listed_before(span: Span, lang: LanguageProfile) -> tuple[Span, str] | None:
    """The day number listed right before a day and month ("23 and | 24 October", "5, | 6 April"),
    one joining word between them, read with that month: "23 October"; None when there is none.
    Whether the model tagged the number a date is the caller's to weigh."""
    doc = span.doc
    months = [t for t in span if _is_month(t, lang)]
    joint, number = span.start - 1, span.start - 2
    if len(months) != 1 or number < span.sent.start or not span[0].text.isdigit() \
            or span[0].i + 1 != months[0].i or not (doc[joint].pos_ == "CCONJ" or doc[joint].text == ","):
        return None
    day = doc[number]
    if not _is_day_number(day):
        return None
    return doc[number:number + 1], f"{day.text} {doc[months[0].i:span.end].text}"


def _listed_days(span: Span, lang: LanguageProfile) -> list[tuple[Span, str]]:
    """"April 24 and 25", "3, 4 and 5 May": one expression of the model's for each day it lists,
    each read with the month (and what follows: "April 24 and 25, 1999"); [] for any other."""
    doc = span.doc
    months = [t for t in span if _is_month(t, lang)]
    days = [t for t in span if _is_day_number(t)]
    if len(months) != 1 or len(days) < 2:
        return []
    month, first, last = months[0], days[0], days[-1]
    listed = {t.i for t in days}
    if any(t.i not in listed and not (t.pos_ == "CCONJ" or t.text == ",") for t in doc[first.i:last.i + 1]):
        return []  # "April 24 to 25" is a span of days; "24 April and 3 May" two dates the model keeps apart
    if month.i == first.i - 1:  # "April 24 and 25"
        tail = doc[last.i].whitespace_ + doc[last.i + 1:span.end].text if last.i + 1 < span.end else ""
        return [(doc[span.start:first.i + 1], doc[span.start:first.i + 1].text + tail)] + [
            (doc[d.i:d.i + 1], f"{month.text} {d.text}{tail}") for d in days[1:]]
    if month.i == last.i + 1:  # "24 and 25 April"
        tail = doc[month.i:span.end].text
        return [(doc[d.i:d.i + 1], f"{d.text} {tail}") for d in days[:-1]] + [(doc[last.i:span.end],
                                                                             doc[last.i:span.end].text)]
    return []


def _names_day(span: Span, lang: LanguageProfile) -> bool:
    return _names_month_day(span, lang) or any(t.lower_ in lang.weekdays or t.lower_ in lang.today_words
                                               for t in span)


def _one_expression(clock: Span, day: Span, lang: LanguageProfile) -> bool:
    """Only a time zone or its clock time between them: "10:35 a.m. (0735 GMT) Friday"."""
    gap = clock.doc[clock.end:day.start]
    return len(gap) <= CLOCK_GAP and all(t.is_punct or t.like_num or t.lower_ in lang.time_zones for t in gap)


def _counted_from(span: Span, lang: LanguageProfile) -> bool:
    """"the day before last Tuesday", "two weeks after Friday": the day named is not the one meant."""
    doc = span.doc
    i = span.start - 1
    return (i > span.sent.start and doc[i].lower_ in lang.relative_words
            and (doc[i - 1].ent_type_ in ("DATE", "TIME") or doc[i - 1].lemma_.lower() in lang.time_units))


def _spans(sent: Span, lang: LanguageProfile) -> Iterator[Span]:
    doc = sent.doc
    for token in sent:
        if token.ent_iob_ == "B" and token.ent_type_ in ("DATE", "TIME", "EVENT"):
            ent = next(e for e in entities_of(sent) if e.start == token.i)
            if ent.label_ == "EVENT" and not _names_month_day(ent, lang) \
                    and holiday(ent.text, _ANY_DAY, False, lang) is None:
                continue  # "the Aug. 7 bombings", "Thanksgiving Day" carry a date; "the World Cup" does not
            if not _a_name(ent, lang) and not _any_such_day(ent, lang):
                yield ent
        elif not token.ent_type_ and (
                (token.lower_ in lang.weekdays and token.pos_ == "PROPN"
                 and not _any_such_day(doc[token.i:token.i + 1], lang))
                or (token.lower_ in lang.today_words and token.pos_ == "NOUN")):
            yield doc[token.i:token.i + 1]
        elif not token.ent_type_ and token.pos_ == "PROPN" and token.is_title \
                and not (token.dep_ == "compound" and token.head.pos_ == "PROPN") \
                and holiday(token.text, _ANY_DAY, False, lang) is not None:
            # A holiday the model saw no date in ("found in the Atlantic last Thanksgiving"),
            # with the "last" or "next" that says which one; not a word of a name ("the Columbus
            # Jackets" is a team, not Columbus Day).
            first = token.i - 1 if token.i > sent.start and (
                doc[token.i - 1].lower_ in lang.past_words | lang.future_words) else token.i
            yield doc[first:token.i + 1]


def _any_such_day(span: Span, lang: LanguageProfile) -> bool:
    """"It's different on a Monday", "closed every Friday", "any Sunday": a weekday with an
    indefinite article or a word of a set is no one day."""
    root = span.root
    return root.lower_ in lang.weekdays and any(
        child.dep_ == "det" and (child.morph.get("Definite") == ["Ind"] or child.lower_ in lang.set_words)
        for child in root.children)


def _names_month_day(ent: Span, lang: LanguageProfile) -> bool:
    return any(t.like_num for t in ent) and any(_is_month(t, lang) for t in ent)


def _a_name(ent: Span, lang: LanguageProfile) -> bool:
    """"Radio 4's Today programme": a capitalised "Today" inside a sentence is a name; at the
    start of one, even after an opening quote, it is the day."""
    if ent.text.lower() not in lang.today_words or not ent.text.istitle():
        return False
    return any(not (t.is_punct or t.is_space or t.is_quote) for t in ent.doc[ent.sent.start:ent.start])


def date_mentions(doc: Doc, text: str, published: dt.date | None, lang: LanguageProfile) -> list[DateMention]:
    """The dates that may date each sentence of ``doc`` (the parse of ``text``) as an event. With
    a publication date, each sentence keeps the first that names a day near it, read as that
    day; without one, every candidate, to be read against the brief's date."""
    found: list[DateMention] = []
    dated: set[int] = set()
    for expression in date_expressions(doc, text, lang):
        if not expression.event:
            continue
        if published is None:
            found.append(DateMention(expression.sentence, expression.text, expression.forward, expression.told))
            continue
        if expression.sentence in dated:
            continue  # one event a sentence, at its first day
        day = event_day(expression.text, published, expression.forward, lang)
        if day is not None:
            found.append(DateMention(expression.sentence, expression.text, expression.forward, expression.told, day))
            dated.add(expression.sentence)
    return found
