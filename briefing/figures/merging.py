"""Key figures across articles: merged within each story, ranked, the table filled story by story.

Works on ``ArticleFacts`` alone. The same number of the same thing from several sources of one
story is one row with all of them ("two years" in unrelated stories is not one figure); the
table takes each story's best figure, then each one's second, ...
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from briefing.facts import ArticleFacts
from briefing.lang import LanguageProfile, profile
from briefing.models import Figure, FigureFact


def _figure_key(figure: FigureFact) -> tuple:
    number = figure.number if figure.number is not None else figure.value.lower()
    return (figure.kind, number, figure.unit or figure.counts.lower())


def _score(figure: FigureFact, sources: int, lang: LanguageProfile) -> float:
    score = 3.0 * (sources - 1)
    if figure.unit in lang.time_units:
        score -= 1.0  # "over the last two months" is context more than a key figure
    elif figure.kind != "count":
        score += 1.5
    if any(ch.isdigit() for ch in figure.value):
        score += 1.0
    if figure.number is not None and figure.number < 10 and figure.kind == "count":
        score -= 1.0
    if not figure.counts:
        score -= UNSAID  # a reader cannot use "$20" without what it is: the story's figures that say so come first
    return score


# What a figure that does not say what it counts loses against one that does.
UNSAID = 3.0


def merge_story(facts: Sequence[ArticleFacts], positions: Sequence[int]) -> list[Figure]:
    """The figures of the articles at ``positions`` (one story), best first; the same number of
    the same thing from several sources is one, cited with all of them."""
    first: dict[tuple, FigureFact] = {}
    cited: dict[tuple, set[int]] = {}
    for position in positions:
        for figure in facts[position].figures:
            if figure.minor:
                continue  # a bare number or a group already introduced says nothing in a brief
            key = _figure_key(figure)
            if key not in first and figure.kind != "count":
                # "€40m" said of nothing in particular is the "ransom of €40m" of another source.
                key = next((k for k, f in first.items() if k[:2] == key[:2] and not (f.unit and figure.unit)), key)
            first.setdefault(key, figure)
            cited.setdefault(key, set()).add(position + 1)
    if not first:
        return []
    lang = profile(facts[positions[0]].language)
    rows = [(figure, sorted(cited[key])) for key, figure in first.items()]
    ranked = sorted(enumerate(rows), key=lambda p: (-_score(p[1][0], len(p[1][1]), lang), p[0]))
    return [Figure(**{field.name: getattr(f, field.name) for field in dataclasses.fields(FigureFact)},
                   sources=sources) for _, (f, sources) in ranked]


def extract_figures(facts: Sequence[ArticleFacts], limit: int | None = None,
                    groups: Sequence[Sequence[int]] | None = None) -> list[Figure]:
    """The key figures, best first. Without ``groups`` all articles are one story. With
    ``groups`` (positions in ``facts`` of the articles that report one story, best story first),
    figures merge only within a story, and the table takes each story's best figure, then each
    one's second, ...; articles in no group are left out (stories already briefed)."""
    if groups is None:
        groups = [range(len(facts))]
    per_story = [merge_story(facts, list(group)) for group in groups]
    figures = [story[rank] for rank in range(max(map(len, per_story), default=0))
               for story in per_story if rank < len(story)]
    return figures[:limit] if limit is not None else figures
