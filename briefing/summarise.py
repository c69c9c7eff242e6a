"""Extractive summaries of one article with sumy, fed by the spaCy pass the article already had.

Part of the per-article stage. sumy's own tokenizer needs NLTK's punkt data, which cannot be
downloaded everywhere, so ``SpacyTokenizer`` hands sumy spaCy's sentences and tokens instead.
The summariser is picked by name from ``SUMMARISERS``: ``news`` (the default,
``NewsSummariser``: sumy ranks, news signals decide) or one sumy algorithm alone; sumy is
imported only when a summary is made. A summariser works on any sentences with an ``index``
(their position in the article) and a ``text``.
"""

from __future__ import annotations

import functools
import importlib
import logging
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from briefing.lang import LanguageProfile
from briefing.text import dangles

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)

# Every deterministic sumy summariser, by the name used in config.yaml.
# (sumy's "random" summariser is left out: a brief must be reproducible.)
SUMY_SUMMARISERS: dict[str, str] = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "briefing.ordered_lsa:OrderedLsaSummarizer",  # sumy's, with a repeatable term order
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "reduction": "sumy.summarizers.reduction:ReductionSummarizer",
    "edmundson": "sumy.summarizers.edmundson:EdmundsonSummarizer",
}

# Every summariser config.yaml can name: briefing's news summariser (sumy as its engine),
# then each sumy algorithm alone.
SUMMARISERS: tuple[str, ...] = ("news", *SUMY_SUMMARISERS)


class Passage(Protocol):
    """A sentence to rank: its position in the article and its text."""

    @property
    def index(self) -> int: ...

    @property
    def text(self) -> str: ...


S = TypeVar("S", bound=Passage)

MIN_WORDS = 5  # sentences shorter than this are poor summary material (datelines, fragments)
MIN_TO_RANK = 3  # fewer sentences than this are kept in text order
# Graph rankers compare every pair of sentences. A news story puts its essentials first, so
# only the opening sentences of an overlong text are ranked (a 3,000-sentence text took 40 s).
MAX_RANKED = 300


def words_of(span: Span | Doc) -> list[str]:
    """The word tokens of a span, as sumy wants them: no punctuation, no whitespace."""
    return [t.text for t in span if not (t.is_punct or t.is_space)]


# The parts of speech that carry what a sentence is about; their lemmas are what the news
# summariser's engine compares sentences by.
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


def content_lemmas(span: Span | Doc) -> list[str]:
    """The lemmas of a span's content words ("said", "says" -> "say"; "the", "very" left out),
    lower-cased; its plain words if it has none."""
    lemmas = [t.lemma_.lower() for t in span if t.pos_ in CONTENT_POS and not (t.is_punct or t.is_space)]
    return lemmas or [w.lower() for w in words_of(span)]


@functools.lru_cache(maxsize=200_000)
def stem_of(language: str, word: str) -> str:
    """sumy's stem of a word, once per word (Snowball is slow and the same words recur)."""
    return _stemmer(language)(word)


@functools.lru_cache(maxsize=8)
def _stemmer(language: str):
    from sumy.nlp.stemmers import Stemmer

    return Stemmer(language)


class SpacyTokenizer:
    """A sumy tokenizer that answers from spaCy.

    Texts already parsed are remembered, so giving it the Docs of the NLP stage means
    sumy never triggers a second parse; unseen text is parsed with ``nlp`` on demand.
    ``lemmas()`` is the same tokenizer giving each sentence's content lemmas as its words.
    """

    def __init__(self, nlp: Language, docs: Iterable[Doc] = (), lang: LanguageProfile | None = None) -> None:
        from briefing.lang import profile

        self._nlp = nlp
        self.lang = lang or profile(nlp.lang)
        self.language = self.lang.sumy_name
        self._sentences: dict[str, list[str]] = {}
        self._words: dict[str, list[str]] = {}
        self._lemmas: dict[str, list[str]] = {}
        for doc in docs:
            self.remember(doc)

    def remember(self, doc: Doc) -> None:
        from briefing.nlp import text_of

        sentences = []
        for sent in doc.sents:
            text = sent.text.strip()
            if text:
                sentences.append(text)
                self._words.setdefault(text, words_of(sent))
                self._lemmas.setdefault(text, content_lemmas(sent))
        self._sentences[text_of(doc)] = sentences

    def lemmas(self) -> ContentLemmas:
        return ContentLemmas(self)

    def to_lemmas(self, sentence: str) -> list[str]:
        text = sentence.strip()
        if text not in self._lemmas:
            # A text the NLP stage did not see (a headline): tagged on demand, once.
            self._lemmas[text] = content_lemmas(self._nlp(text))
        return list(self._lemmas[text])

    def to_sentences(self, text: str) -> list[str]:
        if text not in self._sentences:
            self.remember(self._nlp(text))
        return list(self._sentences[text])

    def to_words(self, sentence: str) -> list[str]:
        text = sentence.strip()
        if text not in self._words:
            self._words[text] = words_of(self._nlp.make_doc(text))
        return list(self._words[text])


class ContentLemmas:
    """A sumy tokenizer whose words are a sentence's content lemmas (``SpacyTokenizer.lemmas``).

    Graph rankers score a sentence by the words it shares with the others. Compared by their
    spaCy lemmas, "said" meets "says" (sumy's Porter stemmer keeps them apart) and "general" no
    longer meets "generate" (it makes both "gener"), and function words no stop-word list
    caught do not link sentences.
    """

    def __init__(self, tokenizer: SpacyTokenizer) -> None:
        self._tokenizer = tokenizer
        self.language = tokenizer.language

    def to_sentences(self, text: str) -> list[str]:
        return self._tokenizer.to_sentences(text)

    def to_words(self, sentence: str) -> list[str]:
        return self._tokenizer.to_lemmas(sentence)


@functools.lru_cache(maxsize=8)
def stop_words(language: str) -> frozenset[str]:
    """sumy's stop words of a language (read from its package data once per process)."""
    from sumy.utils import get_stop_words

    return get_stop_words(language)


def make_summariser(name: str, lang: LanguageProfile, bonus_words: Sequence[str] | None = None,
                    stigma_words: Sequence[str] | None = None, lemmas: bool = False) -> Any:
    """Build the sumy summariser registered under ``name``, set up for the language (for words
    that are lemmas already when ``lemmas``: no stemming)."""
    from sumy.nlp.stemmers import Stemmer, null_stemmer

    module_name, class_name = SUMY_SUMMARISERS[name].split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    summariser = cls(null_stemmer if lemmas else Stemmer(lang.sumy_name))
    if name == "edmundson":
        # Edmundson's cue method needs words that signal an important (bonus) or a weak (stigma)
        # sentence: the profile's news cues unless config.yaml replaces them.
        summariser.bonus_words = bonus_words if bonus_words is not None else lang.bonus_words
        summariser.stigma_words = stigma_words if stigma_words is not None else lang.stigma_words
        summariser.null_words = stop_words(lang.sumy_name)
    else:
        summariser.stop_words = stop_words(lang.sumy_name)
    return summariser


class Summariser:
    """Ranks and picks sentences of one or more articles with a sumy algorithm, which reads
    the sentences' words, or with ``lemmas`` their content lemmas (``ContentLemmas``)."""

    def __init__(self, algorithm: str, tokenizer: SpacyTokenizer,
                 bonus_words: Sequence[str] | None = None,
                 stigma_words: Sequence[str] | None = None, lemmas: bool = False) -> None:
        self.algorithm = algorithm
        self.lemmas = lemmas
        self._tokenizer = tokenizer
        self._reads: SpacyTokenizer | ContentLemmas = tokenizer.lemmas() if lemmas else tokenizer
        self._sumy = make_summariser(algorithm, tokenizer.lang, bonus_words, stigma_words, lemmas)

    def rank(self, groups: Sequence[tuple[str, Sequence[S]]]) -> list[S]:
        """Return the sentences of ``groups`` (title, sentences) best first.

        Each group becomes a sumy paragraph under its title as a heading. Sentences
        shorter than MIN_WORDS are ranked last; ties keep their order in the text.
        """
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        ours: dict[int, S] = {}
        short: list[S] = []
        paragraphs = []
        seen: set[str] = set()
        for title, sentences in groups:
            items = [SumySentence(title, self._reads, is_heading=True)] if title else []
            for sentence in sentences:
                # sumy keys ratings by text, so a repeated sentence would be rated once.
                if sentence.text in seen:
                    continue
                seen.add(sentence.text)
                if len(self._tokenizer.to_words(sentence.text)) < MIN_WORDS:
                    short.append(sentence)
                    continue
                item = SumySentence(sentence.text, self._reads)
                ours[id(item)] = sentence
                items.append(item)
            paragraphs.append(Paragraph(items))
        if len(ours) < MIN_TO_RANK:
            # Too few sentences for word statistics (LexRank's idf is zero for every word of
            # a two-sentence text): keep the text order.
            return list(ours.values()) + short
        ranked: list[Any] = []

        def keep_ranking(infos: list[Any]) -> list[Any]:
            # sumy calls this with its sentences sorted best first: record that order.
            ranked.extend(info.sentence for info in infos)
            return infos

        import numpy

        # Degenerate texts (every sentence made of the same few words) give 0/0 in the graph
        # rankers; the ranking is still complete, so the warning would only alarm a reader.
        with numpy.errstate(divide="ignore", invalid="ignore"):
            self._sumy(ObjectDocumentModel(paragraphs), keep_ranking)
        return [ours[id(item)] for item in ranked] + short

    def summarise(self, title: str, sentences: Sequence[S], count: int, words: int | None = None) -> list[S]:
        """The ``count`` best sentences of one article (of its first MAX_RANKED) that fit in
        ``words`` words, in article order."""
        budget = WordBudget(self._tokenizer, words)
        best: list[S] = []
        for sentence in self.rank([(title, sentences[:MAX_RANKED])]):
            if len(best) == count:
                break
            if budget.take(sentence):
                best.append(sentence)
        return sorted(best, key=lambda s: s.index)


class WordBudget:
    """A summary's length in words: a sentence is taken while it fits, and the first always is
    (a summary of nothing helps no one). No limit when ``words`` is None."""

    def __init__(self, tokenizer: SpacyTokenizer, words: int | None) -> None:
        self._tokenizer = tokenizer
        self.left = words
        self._first = True

    def fits(self, sentence: Passage) -> bool:
        return self.left is None or self._first or len(self._tokenizer.to_words(sentence.text)) <= self.left

    def take(self, sentence: Passage) -> bool:
        """Spend the sentence's words if it fits; whether it did."""
        if not self.fits(sentence):
            return False
        if self.left is not None:
            self.left -= len(self._tokenizer.to_words(sentence.text))
        self._first = False
        return True


class NewsWeights(BaseModel):
    """How the news summariser weighs its signals (config ``summary.weights``); 0 turns one off.
    The defaults were chosen on the CNN/DailyMail and BBC dev sets together."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    position: float = Field(1.0, ge=0, description="News puts the essentials first: weight of 1 / (1 + position / length).")
    centrality: float = Field(0.05, ge=0, description="The sumy engine's ranking (1 for its best sentence down to 0), "
                                                   "for a summary a tenth of the article long, growing with the cube of the "
                                                   "summary's share; see NewsSummariser.scores.")
    title: float = Field(1.5, ge=0, description="Share of the headline's words the sentence repeats.")
    redundancy: float = Field(0.5, ge=0, description="Penalty times the word overlap with a sentence already chosen, "
                                                   "when it repeats most of its words.")
    dangling: float = Field(0.5, ge=0, description="Penalty for a back-reference whose antecedent is not chosen.")
    quote: float = Field(0.3, ge=0, description="Penalty for a sentence that is mostly direct quotation.")
    form: float = Field(1.0, ge=0, description="Penalty for a fragment: no capital at the start, no full stop "
                                               "at the end (captions, fact boxes) or a run-on of over 45 words.")


_QUOTED = re.compile(r"[\"“”‘’']([^\"“”]{12,}?)[\"“”’']")
_OPENERS = " \"'‘“(["
_CLOSERS = " \"'’”)]"
MAX_WORDS = 45
# How fast centrality gains on position as a summary takes more of its article (see
# NewsSummariser.scores): with the weight 0.05, they count alike at about a quarter.
SHARE_EXPONENT = 3
# A sentence whose content words are mostly in one already chosen says the same thing again.
# Lower overlaps are the shared topic of a story, which a longer summary should not punish.
REPEATS = 0.5


def ill_formed(text: str, n_words: int) -> bool:
    """A fragment rather than a sentence: it starts without a capital or digit (the tail of a
    split quotation), ends without . ! ? (a caption or a fact box) or trails off ("... but not
    any more...", a standfirst cut short), or runs on too long."""
    start = text.lstrip(_OPENERS)[:1]
    ending = text.rstrip(_CLOSERS)
    return (not (start.isupper() or start.isdigit()) or ending[-1:] not in (".", "!", "?")
            or ending.endswith(("..", "…")) or n_words > MAX_WORDS)


def mostly_quoted(text: str) -> bool:
    """A direct quotation: it opens with a quote mark, or quotes make up most of it."""
    if text[:1] in "\"'‘“":
        return True
    return sum(len(m.group(1)) for m in _QUOTED.finditer(text)) > 0.5 * len(text)


# Engines that match cue words by their form ("announced", "reportedly") read words, not lemmas.
WORD_FORM_ENGINES = frozenset({"edmundson"})


class NewsSummariser:
    """Extractive news summaries: sumy ranks the sentences by centrality (the engine, reading
    content lemmas), and a position prior, the headline, redundancy control and back-reference
    avoidance decide the pick. ``rank`` (used for the overall summary) is the ranking of
    ``engine``, the sumy summariser underneath."""

    def __init__(self, tokenizer: SpacyTokenizer, engine: str = "reduction",
                 weights: NewsWeights | None = None) -> None:
        self.algorithm = "news"
        self.weights = weights or NewsWeights()
        self._tokenizer = tokenizer
        self._lang = tokenizer.lang
        self.engine = Summariser(engine, tokenizer, lemmas=engine not in WORD_FORM_ENGINES)
        self._stop_words = frozenset(stop_words(self._lang.sumy_name))
        self._contents: dict[str, frozenset[str]] = {}

    def rank(self, groups: Sequence[tuple[str, Sequence[S]]]) -> list[S]:
        return self.engine.rank(groups)

    def _content(self, text: str) -> frozenset[str]:
        """The stemmed content words of a text, once per text (the headline signal and the
        redundancy check both ask)."""
        if text not in self._contents:
            self._contents[text] = frozenset(stem_of(self._lang.sumy_name, w.lower())
                                             for w in self._tokenizer.to_words(text)
                                             if w.lower() not in self._stop_words and any(ch.isalnum() for ch in w))
        return self._contents[text]

    def scores(self, title: str, sentences: Sequence[Passage], count: int = 1) -> dict[int, float]:
        """Each sentence's score before redundancy and back-references, by sentence index. The
        position prior is relative to the budget: asked for ``count`` sentences, the first
        ``count`` all belong to the lead."""
        w = self.weights
        ranked = self.engine.rank([(title, sentences)]) if w.centrality else []
        central = {s.index: 1 - rank / len(ranked) for rank, s in enumerate(ranked)}
        headline = self._content(title) if title and w.title else frozenset()
        # The longer the summary is against the article, the less its order matters and the more
        # its central sentences do: the centrality weight is stated for a summary a tenth of the
        # article long and grows with the cube of that share (a 3-sentence brief of a 30-sentence
        # story keeps its lead; a summary of 40% of a story is mostly its core).
        share = count / len(sentences) if sentences else 0.0
        centrality = w.centrality * (share / 0.1) ** SHARE_EXPONENT
        scores = {}
        for order, sentence in enumerate(sentences):
            score = w.position / (1 + order / count) + centrality * central.get(sentence.index, 0.0)
            if headline:
                score += w.title * len(self._content(sentence.text) & headline) / len(headline)
            n_words = len(self._tokenizer.to_words(sentence.text))
            if w.quote and mostly_quoted(sentence.text):
                score -= w.quote
            if w.form and ill_formed(sentence.text, n_words):
                score -= w.form
            if n_words < MIN_WORDS:
                score -= 1.0  # datelines and fragments
            scores[sentence.index] = score
        return scores

    def summarise(self, title: str, sentences: Sequence[S], count: int, words: int | None = None) -> list[S]:
        """``count`` sentences that fit in ``words`` words, greedily: best score less redundancy
        with those already chosen and a penalty for a back-reference without its antecedent;
        in article order."""
        sentences = list(sentences[:MAX_RANKED])
        if len(sentences) <= count and words is None:
            return sorted(sentences, key=lambda s: s.index)
        # Neither half of a sentence the model split in two (``SentenceSpan.continues``) is a
        # summary sentence: one would read "Wi-Fi on the 6GHz band into its laptops.", and the
        # brief cites each sentence, so the two cannot be shown as one.
        halves = {s.index - d for s in sentences if getattr(s, "continues", False) for d in (0, 1)}
        w = self.weights
        budget = WordBudget(self._tokenizer, words)
        base = self.scores(title, sentences, count)
        content = {s.index: self._content(s.text) for s in sentences}
        opens_badly = {s.index: dangles(s.text, self._lang, getattr(s, "expletive", False)) for s in sentences}
        chosen: list[S] = []
        left = [s for s in sentences if s.index not in halves]
        # A sentence that ends on a colon announces what follows it ("She told us about her plans:"),
        # which a summary would not show.
        left = [s for s in left if not s.text.rstrip().endswith(":")] or left
        while left and len(chosen) < count:
            picked = {c.index for c in chosen}

            def value(s: S) -> float:
                v = base[s.index]
                if w.redundancy and chosen and content[s.index]:
                    overlap = max(len(content[s.index] & content[c.index]) / len(content[s.index]) for c in chosen)
                    if overlap >= REPEATS:
                        v -= w.redundancy * overlap
                if w.dangling and opens_badly[s.index] and s.index - 1 not in picked:
                    v -= w.dangling
                return v

            left = [s for s in left if budget.fits(s)]
            if not left:
                break
            best = max(left, key=lambda s: (value(s), -s.index))
            budget.take(best)
            chosen.append(best)
            left.remove(best)
            # A summary's best sentence that refers back ("That is the view of ...") brings the
            # sentence before it along, when there is room: it would open the summary unanswered.
            before = next((s for s in left if s.index == best.index - 1), None)
            if len(chosen) == 1 and opens_badly[best.index] and before is not None and len(chosen) < count \
                    and budget.fits(before):
                budget.take(before)
                chosen.append(before)
                left.remove(before)
        return sorted(chosen, key=lambda s: s.index)


def make_text_summariser(name: str, tokenizer: SpacyTokenizer, engine: str = "reduction",
                         weights: NewsWeights | None = None, bonus_words: Sequence[str] | None = None,
                         stigma_words: Sequence[str] | None = None) -> NewsSummariser | Summariser:
    """The summariser config.yaml names: "news" (with ``engine`` and ``weights``) or a sumy one."""
    if name == "news":
        return NewsSummariser(tokenizer, engine, weights)
    return Summariser(name, tokenizer, bonus_words, stigma_words)
