"""Tests on sentences as text, shared by the per-article and the cross-article stages."""

from __future__ import annotations

from briefing.lang import LanguageProfile


def retells(a: str, b: str) -> bool:
    """Do two sentences say the same thing in nearly the same words (two sources' copies of a
    wire sentence, or one event told twice)? rapidfuzz's token-set ratio, at least 75."""
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(a, b) >= 75


def dangles(text: str, lang: LanguageProfile) -> bool:
    """Does the sentence open with a pronoun or a back-reference to what came before ("He said
    ...", "However, ...", "The company said ...")? Alone in a summary or a timeline it dangles."""
    opening = text.lstrip(" \"'‘“(").lower()
    first = opening.split(" ", 1)[0].strip(",;:")
    return first in lang.back_references or opening.startswith(lang.back_reference_phrases)
