"""The figures of one article: every number of its parse with its value, qualifier, what it
counts and its unit. Part of the per-article stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.models import FigureFact
from briefing.figures.counts import counted, unit_of
from briefing.figures.spans import is_year, number_spans, part_of_a_name, pronoun_one, qualifier, span_value
from briefing.lang import LanguageProfile

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


def figures_in(doc: Doc, lang: LanguageProfile) -> list[FigureFact]:
    """Every figure of an article, in text order; ``minor`` marks the ones that say little
    alone (a bare number, "the three leaders" already introduced)."""
    found: list[FigureFact] = []
    for sent in doc.sents:
        previous: Token | None = None
        for ent in number_spans(sent, lang):
            kind = "quantity" if ent.label_ == "DURATION" else lang.figure_labels.get(ent.label_)
            if kind is None or is_year(ent) or part_of_a_name(ent, lang):
                continue
            before = doc[ent.start - 1] if ent.start > 0 else None
            if before is not None and before.text in lang.number_labels:
                continue  # "No 10" is an address, not a figure
            if pronoun_one(ent, lang):
                continue
            value_span = span_value(ent, lang)
            if value_span is None:
                continue
            said, start = qualifier(ent, lang)
            if before is not None and before.lower_ in ("between", "from") and value_span[0] != value_span[1]:
                start = ent.start - 1
            value = doc[start:ent.end].text
            counts, noun = counted(ent, previous, lang)
            if noun is not None:
                previous = noun
            number, high = value_span
            minor = kind == "count" and (not counts or number == 1 or (
                before is not None and before.lower_ in ("the", "these", "those") and number < 10))
            found.append(FigureFact(
                value=value, counts=counts, sentence=sent.text.strip(), kind=kind, number=number,
                qualifier=said.lower() if said else None, unit=unit_of(ent, kind, noun, lang),
                number_high=high if high != number else None, minor=minor,
            ))
    return found
