"""Property: whatever bytes arrive, ingest, clean, NLP, summaries, actors and figures raise
nothing but a reasoned skip, and every summary sentence is a sentence of the input."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.actors.linking import extract_actors
from briefing.analyse import AnalysisSettings, analyse_article
from briefing.clean import clean_document
from briefing.config import Config, LimitsConfig
from briefing.figures.merging import extract_figures
from briefing.ingest import UnreadableInput, decode, markdown_to_text
from briefing.models import RawDocument
from briefing.nlp import parse
from briefing.pipeline import _unusable
from briefing.summarise import SpacyTokenizer
from briefing.timeline import extract_timeline
from corpus import STORY

# Characters that break naive text handling: controls, bidi marks, zero-width and combining
# marks, surrogates' neighbours, emoji, CJK, Markdown and HTML syntax.
ODD = ["\x00", "\x07", "\r", "\u2028", "\u202e", "\u200b", "\ufeff", "\u0301", "\ud7ff", "😀", "中文", "#", "*",
       "[", "](", "<", "</p>", "&amp;", "\\", "|", "\n\n", ".", "!?", "  ", "\t", "Mr.", "U.S.", "1,000", "%"]


@st.composite
def mutated_story(draw) -> str:
    """Our own article with random cuts, insertions, repeats and case changes."""
    text = STORY
    for _ in range(draw(st.integers(0, 8))):
        i = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "repeat", "upper", "odd"]))
        if action == "insert":
            text = text[:i] + draw(st.text(max_size=20)) + text[i:]
        elif action == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 60)):]
        elif action == "repeat":
            text = text[:i] + text[i:i + 80] * draw(st.integers(2, 5)) + text[i:]
        elif action == "upper":
            text = text[:i] + text[i:i + 120].upper() + text[i + 120:]
        else:
            text = text[:i] + draw(st.sampled_from(ODD)) + text[i:]
    return text


inputs = st.one_of(
    mutated_story().map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from(list("abc XYZ.,;!?\n-'\"0123456789") + ODD), max_size=120)
    .map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass")),
    st.binary(max_size=300),
    mutated_story().map(lambda t: t.encode("utf-16")),
)


@settings(max_examples=int(os.environ.get("BRIEFING_PROPERTY_EXAMPLES", "60")), deadline=None,
          derandomize="BRIEFING_PROPERTY_EXAMPLES" not in os.environ, suppress_health_check=[HealthCheck.too_slow])
@given(data=inputs, markdown=st.booleans(), algorithm=st.sampled_from(["news", "lexrank"]),
       words=st.one_of(st.none(), st.integers(1, 60)))
def test_any_input_is_briefed_or_skipped_with_a_reason(nlp, data, markdown, algorithm, words):
    try:
        text = decode(data)
    except UnreadableInput as skipped:
        assert str(skipped)
        return
    title = None
    if markdown:
        title, text = markdown_to_text(text)
    article = clean_document(RawDocument(path=Path("story.md"), text=text, format="text", title=title))
    if _unusable(article, LimitsConfig()) is not None:
        return
    (doc,) = parse([article.text], nlp)
    settings = AnalysisSettings.from_config(Config.model_validate({"summary": {"algorithm": algorithm, "words": words}}))
    facts = analyse_article(article, doc, settings)
    tokenizer = SpacyTokenizer(nlp, [doc])
    summary = [facts.sentences[i] for i in facts.summary]
    sentences = {s.text for s in facts.sentences}
    assert len(summary) <= 3
    assert len(summary) == len({s.index for s in summary})
    if words is not None and len(summary) > 1:
        assert sum(len(tokenizer.to_words(s.text)) for s in summary) <= words
    for sentence in summary:
        assert sentence.text in sentences
        assert sentence.text in article.text
    extract_actors([facts])
    extract_figures([facts])
    for event in extract_timeline([facts], dt.date(2026, 1, 15)):
        # A sentence of the article, or one with the sentence before it.
        assert event.text in sentences or any(
            event.text.startswith(f"{s} ") and event.text[len(s) + 1:] in sentences for s in sentences)
