"""Tests on sentences as text, shared by the per-article and the cross-article stages."""

from __future__ import annotations

import re

from briefing.lang import LanguageProfile

# Control characters other than line breaks and tabs, and the invisible format characters
# (zero-width spaces and joiners, bidi embeddings, overrides and isolates, soft hyphens, byte
# order marks): they hide or reorder what a reader sees.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        r"\u2066-\u206f\ufeff\ufff9-\ufffb]")


def visible(text: str) -> str:
    """``text`` without control characters (but line breaks and tabs) or invisible format
    characters."""
    return _INVISIBLE.sub("", text)


def retells(a: str, b: str) -> bool:
    """Do two sentences say the same thing in nearly the same words (two sources' copies of a
    wire sentence, or one event told twice)? rapidfuzz's token-set ratio, at least 75."""
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(a, b) >= 75


def dangles(text: str, lang: LanguageProfile, expletive: bool = False) -> bool:
    """Does the sentence open with a pronoun or a back-reference to what came before ("He said
    ...", "However, ...", "The company said ..."), or end a quotation an earlier sentence opened
    ('Talks will resume soon," she said.')? Alone in a summary or a timeline it dangles. Not for
    its first word when the parse found it a pronoun standing for nothing (``expletive``: "There
    were two ...")."""
    opening = text.lstrip(" \"'‘“(").lower()
    first = opening.split(" ", 1)[0].strip(",;:")
    return (first in lang.back_references and not expletive) or opening.startswith(lang.back_reference_phrases) \
        or closes_a_quotation(text)


_QUOTE_MARK = re.compile(r"``|''|[\"“”]")


def closes_a_quotation(text: str) -> bool:
    """Is the sentence's first quotation mark one that closes (”, two apostrophes '' as wire copy
    writes it, or a straight mark glued to the word before it: 'soon," she said')? Then the
    quotation opened in a sentence before."""
    found = _QUOTE_MARK.search(text)
    if found is None or found.group() in ("``", "“"):
        return False
    if found.group() in ("”", "''"):
        return True
    i = found.start()
    return i > 0 and not text[i - 1].isspace() and text[i - 1] not in "(["


def continues(text: str, start: int) -> bool:
    """Does the sentence at ``start`` go on from a word on the same line? Then the model split
    one sentence in two ("... support for 802.11n | Wi-Fi on the 5GHz band into its
    computers."): a sentence ends in punctuation."""
    before = text[max(0, start - 80):start].rstrip(" \t")
    return re.search(r"\w[)\]]?$", before) is not None  # also "... the Harmony(R) | One advanced remote"
