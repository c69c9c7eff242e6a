"""Stories: articles that report the same event, grouped, with one summary each.

Works on ``ArticleFacts`` alone. Each article becomes a TF-IDF vector over the lemmas of its
content words and their bigrams (``ArticleFacts.terms``), weighted also by how rare each word
is in the language (wordfreq). Articles are merged by average-linkage clustering of their
cosine similarities until no two groups are more alike than ``threshold``.

Each story gets one summary drawn from all its sources: the leads of every source first, then
their next sentences, leaving out any that repeat one already taken. Stories are ranked by how
many sources report them, then by how recent they are. ``benchmarks/clustering.py`` measures
the grouping on Multi-News.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from briefing.facts import ArticleFacts
from briefing.lang import DEFAULT_LANGUAGE
from briefing.models import ArticleSummary, Sentence, Story

# Chosen on the Multi-News dev clusters (benchmarks/clustering.py) and checked on a morning's
# handful of articles, where unrelated stories must stay apart.
DEFAULT_THRESHOLD = 0.06


@functools.lru_cache(maxsize=200_000)
def rarity(term: str, language: str = DEFAULT_LANGUAGE) -> float:
    """How rare a term is in the language: 8 less its Zipf frequency in wordfreq (English: "the"
    7.7, "port" 4.7, "ransomware" 2.7), at least 0.5; a word pair, the mean of its words."""
    from wordfreq import zipf_frequency

    words = term.split()
    return sum(max(0.5, 8.0 - zipf_frequency(word, language)) for word in words) / len(words)


def similarities(documents: Sequence[Mapping[str, int]], language: str = DEFAULT_LANGUAGE):
    """The cosine similarity of every pair of documents' sublinear TF-IDF vectors."""
    import numpy

    n = len(documents)
    df = Counter(term for doc in documents for term in doc)
    # Every term counts toward an article's length, also those of one article only: in a
    # morning's handful of articles, leaving them out would let two or three common words make
    # unrelated stories alike. Only shared terms can add to a dot product, so only they get a
    # column: the same cosines, without a matrix as wide as every word of every article.
    vocabulary = {term: i for i, term in enumerate(sorted(t for t, f in df.items() if f > 1))}
    matrix = numpy.zeros((n, len(vocabulary)))
    norms = numpy.zeros(n)
    for row, doc in enumerate(documents):
        for term, count in doc.items():
            # Smoothed idf plus one: a term of every article still counts (two articles, both
            # on one story, share all their useful terms). A morning's few articles make a poor
            # idf, so how rare the word is in English at large (wordfreq) weighs in too.
            local = math.log((1 + n) / (1 + df[term])) + 1
            weight = (1 + math.log(count)) * local * rarity(term, language)
            norms[row] += weight * weight
            column = vocabulary.get(term)
            if column is not None:
                matrix[row, column] = weight
    norms = numpy.sqrt(norms)[:, None]
    matrix = numpy.divide(matrix, norms, out=numpy.zeros_like(matrix), where=norms > 0)
    similarity = matrix @ matrix.T
    numpy.fill_diagonal(similarity, [1.0 if norm > 0 else 0.0 for norm in norms[:, 0]])
    return similarity


def cluster(similarity, threshold: float) -> list[list[int]]:
    """Average-linkage agglomerative clustering: merge the two most similar groups while their
    average similarity is at least ``threshold``. Groups are returned in order of their first
    member, members in order."""
    import numpy

    groups: list[list[int]] = [[i] for i in range(len(similarity))]
    link = numpy.array(similarity, dtype=float)
    numpy.fill_diagonal(link, -numpy.inf)
    sizes = numpy.ones(len(groups))
    alive = numpy.ones(len(groups), dtype=bool)
    while alive.sum() > 1:
        masked = numpy.where(numpy.outer(alive, alive), link, -numpy.inf)
        a, b = numpy.unravel_index(numpy.argmax(masked), masked.shape)
        if masked[a, b] < threshold:
            break
        a, b = min(a, b), max(a, b)
        # The average similarity of the merged group to every other: size-weighted.
        merged = (link[a] * sizes[a] + link[b] * sizes[b]) / (sizes[a] + sizes[b])
        link[a, :] = merged
        link[:, a] = merged
        link[a, a] = -numpy.inf
        sizes[a] += sizes[b]
        alive[b] = False
        groups[a] = sorted(groups[a] + groups[b])
        groups[b] = []
    return sorted((g for g in groups if g), key=lambda g: g[0])


def group_terms(documents: Sequence[Mapping[str, int]], threshold: float = DEFAULT_THRESHOLD,
                language: str = DEFAULT_LANGUAGE) -> list[list[int]]:
    """Positions of ``documents`` (each one's term counts) grouped into stories."""
    if not documents:
        return []
    return cluster(similarities(documents, language), threshold)


def group_articles(facts: Sequence[ArticleFacts], threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Positions of ``facts`` grouped into stories."""
    if not facts:
        return []
    return group_terms([dict(item.terms) for item in facts], threshold, facts[0].language)


def interleave(runs: Sequence[Sequence[Sentence]], count: int,
               is_redundant: Callable[[Sentence, Sentence], bool] | None = None) -> list[Sentence]:
    """Up to ``count`` sentences taken across ``runs`` a rank at a time (every first sentence,
    then every second, ...), leaving out any that repeats one already taken."""
    chosen: list[Sentence] = []
    for position in range(max((len(run) for run in runs), default=0)):
        for run in runs:
            if position < len(run) and len(chosen) < count:
                sentence = run[position]
                if is_redundant is None or not any(is_redundant(sentence, other) for other in chosen):
                    chosen.append(sentence)
    return chosen


def story_summary(summaries: Sequence[ArticleSummary], count: int,
                  is_redundant: Callable[[Sentence, Sentence], bool]) -> list[Sentence]:
    """Up to ``count`` sentences from the sources' own summaries, leads first, none repeating
    another."""
    return interleave([s.sentences for s in summaries], count, is_redundant)


def build_stories(summaries: Sequence[ArticleSummary], groups: Sequence[Sequence[int]], sentences: int,
                  is_redundant: Callable[[Sentence, Sentence], bool]) -> list[Story]:
    """One story per group of article summaries, ranked: most sources, then most recent."""
    stories = []
    for group in groups:
        members = [summaries[i] for i in group]
        newest = max(members, key=lambda s: (s.article.published or dt.date.min, -s.article.id))
        # One sentence more for each further source, at most twice the summary length.
        count = min(sentences + len(members) - 1, 2 * sentences)
        stories.append(Story(newest.article.title, members, story_summary(members, count, is_redundant)))
    return sorted(stories, key=lambda s: (-len(s.articles), -(s.latest or dt.date.min).toordinal(),
                                          s.sources[0]))
