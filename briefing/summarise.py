"""Extractive summaries with sumy, fed by the spaCy pass the article already had.

sumy's own tokenizer needs NLTK's punkt data, which cannot be downloaded everywhere, so
``SpacyTokenizer`` hands sumy spaCy's sentences and tokens instead. The summariser is
picked by name from ``SUMMARISERS``; sumy is imported only when a summary is made.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from briefing.models import Sentence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)

# Every deterministic sumy summariser, by the name used in config.yaml.
# (sumy's "random" summariser is left out: a brief must be reproducible.)
SUMMARISERS: dict[str, str] = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "reduction": "sumy.summarizers.reduction:ReductionSummarizer",
    "edmundson": "sumy.summarizers.edmundson:EdmundsonSummarizer",
}

# Edmundson's cue method needs words that signal an important (bonus) or a weak (stigma)
# sentence. These are general English news cues; config.yaml can replace them.
BONUS_WORDS = (
    "announced", "confirmed", "decided", "agreed", "killed", "warned", "urged", "ordered",
    "major", "significant", "important", "key", "crucial", "first", "new", "said",
)
STIGMA_WORDS = (
    "perhaps", "maybe", "reportedly", "allegedly", "possibly", "might", "meanwhile",
    "also", "hardly", "unclear", "rumour", "rumoured",
)

LANGUAGE = "english"
MIN_WORDS = 5  # sentences shorter than this are poor summary material (datelines, fragments)
MIN_TO_RANK = 3  # fewer sentences than this are kept in text order
# Graph rankers compare every pair of sentences. A news story puts its essentials first, so
# only the opening sentences of an overlong text are ranked (a 3,000-sentence text took 40 s).
MAX_RANKED = 300


def words_of(span: Span | Doc) -> list[str]:
    """The word tokens of a span, as sumy wants them: no punctuation, no whitespace."""
    return [t.text for t in span if not (t.is_punct or t.is_space)]


class SpacyTokenizer:
    """A sumy tokenizer that answers from spaCy.

    Texts already parsed are remembered, so giving it the Docs of the NLP stage means
    sumy never triggers a second parse; unseen text is parsed with ``nlp`` on demand.
    """

    language = LANGUAGE

    def __init__(self, nlp: Language, docs: Iterable[Doc] = ()) -> None:
        self._nlp = nlp
        self._sentences: dict[str, list[str]] = {}
        self._words: dict[str, list[str]] = {}
        for doc in docs:
            self.remember(doc)

    def remember(self, doc: Doc) -> None:
        sentences = []
        for sent in doc.sents:
            text = sent.text.strip()
            if text:
                sentences.append(text)
                self._words.setdefault(text, words_of(sent))
        self._sentences[doc.text] = sentences

    def to_sentences(self, text: str) -> list[str]:
        if text not in self._sentences:
            self.remember(self._nlp(text))
        return list(self._sentences[text])

    def to_words(self, sentence: str) -> list[str]:
        text = sentence.strip()
        if text not in self._words:
            self._words[text] = words_of(self._nlp.make_doc(text))
        return list(self._words[text])


def make_summariser(name: str, bonus_words: Sequence[str] | None = None,
                    stigma_words: Sequence[str] | None = None) -> Any:
    """Build the sumy summariser registered under ``name``, set up for English."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    module_name, class_name = SUMMARISERS[name].split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    summariser = cls(Stemmer(LANGUAGE))
    stop_words = get_stop_words(LANGUAGE)
    if name == "edmundson":
        summariser.bonus_words = bonus_words if bonus_words is not None else BONUS_WORDS
        summariser.stigma_words = stigma_words if stigma_words is not None else STIGMA_WORDS
        summariser.null_words = stop_words
    else:
        summariser.stop_words = stop_words
    return summariser


class Summariser:
    """Ranks and picks sentences of one or more articles with a sumy algorithm."""

    def __init__(self, algorithm: str, tokenizer: SpacyTokenizer,
                 bonus_words: Sequence[str] | None = None,
                 stigma_words: Sequence[str] | None = None) -> None:
        self.algorithm = algorithm
        self._tokenizer = tokenizer
        self._sumy = make_summariser(algorithm, bonus_words, stigma_words)

    def rank(self, groups: Sequence[tuple[str, Sequence[Sentence]]]) -> list[Sentence]:
        """Return the sentences of ``groups`` (title, sentences) best first.

        Each group becomes a sumy paragraph under its title as a heading. Sentences
        shorter than MIN_WORDS are ranked last; ties keep their order in the text.
        """
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        ours: dict[int, Sentence] = {}
        short: list[Sentence] = []
        paragraphs = []
        seen: set[str] = set()
        for title, sentences in groups:
            items = [SumySentence(title, self._tokenizer, is_heading=True)] if title else []
            for sentence in sentences:
                # sumy keys ratings by text, so a repeated sentence would be rated once.
                if sentence.text in seen:
                    continue
                seen.add(sentence.text)
                if len(self._tokenizer.to_words(sentence.text)) < MIN_WORDS:
                    short.append(sentence)
                    continue
                item = SumySentence(sentence.text, self._tokenizer)
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

    def summarise(self, title: str, sentences: Sequence[Sentence], count: int) -> list[Sentence]:
        """The ``count`` best sentences of one article (of its first MAX_RANKED), in article order."""
        best = self.rank([(title, sentences[:MAX_RANKED])])[:count]
        return sorted(best, key=lambda s: (s.article_id, s.index))


def pick_overview(ranked: Sequence[Sentence], count: int,
                  is_redundant: Callable[[Sentence, Sentence], bool]) -> list[Sentence]:
    """Take ranked sentences best first, skipping any that repeat one already taken."""
    chosen: list[Sentence] = []
    for sentence in ranked:
        if len(chosen) == count:
            break
        if not any(is_redundant(sentence, other) for other in chosen):
            chosen.append(sentence)
    return sorted(chosen, key=lambda s: (s.article_id, s.index))
