"""Stories: articles that report the same event, grouped.

Each article becomes a TF-IDF vector over the lemmas of its content words and their bigrams
(from the spaCy pass it already had); terms found in one article only are left out, since
they cannot make two articles alike but dilute every similarity. Articles are merged by
average-linkage clustering of their cosine similarities until no two groups are more alike
than ``threshold``.

Not yet part of the brief: ``benchmarks/clustering.py`` measures it on Multi-News.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

DEFAULT_THRESHOLD = 0.15  # chosen on the Multi-News dev clusters (benchmarks/clustering.py)


def terms(doc: Doc) -> Counter:
    """Counts of the content-word lemmas of an article and of their adjacent pairs."""
    words = [t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop and len(t) > 1]
    counts = Counter(words)
    counts.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return counts


def similarities(documents: Sequence[Counter]):
    """The cosine similarity of every pair of documents' sublinear TF-IDF vectors."""
    import numpy

    n = len(documents)
    df = Counter(term for doc in documents for term in doc)
    # Terms of one article only, and terms of every article, tell no two apart.
    vocabulary = {term: i for i, term in enumerate(sorted(t for t, f in df.items() if 1 < f < n))}
    matrix = numpy.zeros((n, len(vocabulary)))
    for row, doc in enumerate(documents):
        for term, count in doc.items():
            column = vocabulary.get(term)
            if column is not None:
                matrix[row, column] = (1 + math.log(count)) * math.log((1 + n) / (1 + df[term]))
    norms = numpy.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = numpy.divide(matrix, norms, out=numpy.zeros_like(matrix), where=norms > 0)
    return matrix @ matrix.T


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


def group_documents(docs: Sequence[Doc], threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Indices of ``docs`` grouped into stories."""
    if not docs:
        return []
    return cluster(similarities([terms(doc) for doc in docs]), threshold)
