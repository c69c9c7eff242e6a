"""Stories: articles that report the same event, grouped, with one summary each.

Works on ``ArticleFacts`` alone. Each article becomes a vector over the lemmas of its content
words and their pairs (``ArticleFacts.terms``), each weighted by its sublinear count and by how
rare the word is in the language at large (wordfreq), never by how common it is in the batch:
how alike two articles are does not depend on what else is briefed with them. Reports of one
event come out within days of each other, so two dated articles a week apart are never alike.
Articles are merged by average-linkage clustering of their cosine similarities until no two
groups are more alike than ``threshold``.

Each story gets one summary drawn from all its sources, read in order: the lead source's own
summary first (the source most like the others), then what the other sources add, each
source's sentences together and in their order, none repeating one already taken. Stories are
ranked by how many sources report them, then by how recent they are.
``benchmarks/clustering.py`` measures the grouping on articles labelled by event and story
(events-dev) and on Multi-News; ``benchmarks/story_summaries.py`` the summaries.
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

# Chosen on one half of the events-dev labels (benchmarks/clustering.py --data events-dev.jsonl)
# and confirmed on the other: the lowest threshold before articles of different stories merge.
DEFAULT_THRESHOLD = 0.27
# Two reports of one event come out within SAME_EVENT_DAYS of each other; further apart their
# similarity fades, and from NEVER_SAME_DAYS apart they are two events (a follow-up, a trial
# months after the crime) however alike their words.
SAME_EVENT_DAYS = 2
NEVER_SAME_DAYS = 7


@functools.lru_cache(maxsize=200_000)
def rarity(term: str, language: str = DEFAULT_LANGUAGE) -> float:
    """How rare a term is in the language: 8 less its Zipf frequency in wordfreq (English: "the"
    7.7, "port" 4.7, "ransomware" 2.7), at least 0.5; a word pair, the mean of its words."""
    from wordfreq import zipf_frequency

    words = term.split()
    return sum(max(0.5, 8.0 - zipf_frequency(word, language)) for word in words) / len(words)


def weight(term: str, count: int, language: str = DEFAULT_LANGUAGE) -> float:
    """What a term says about an article: its sublinear count times its rarity."""
    return (1 + math.log(count)) * rarity(term, language)


def vectors(documents: Sequence[Mapping[str, int]], language: str = DEFAULT_LANGUAGE):
    """The documents' term weights as the rows of a sparse matrix, each row of length one."""
    import numpy
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    rows, columns, values = [], [], []
    for row, doc in enumerate(documents):
        for term, count in doc.items():
            rows.append(row)
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(weight(term, count, language))
    matrix = sparse.csr_matrix((values, (rows, columns)), shape=(len(documents), max(1, len(vocabulary))))
    norms = numpy.sqrt(numpy.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ matrix


def days_apart_factor(a: dt.date | None, b: dt.date | None) -> float:
    """How far two publication dates let two articles be one event: 1 within SAME_EVENT_DAYS
    (or when either is unknown), fading to 0 at NEVER_SAME_DAYS."""
    if a is None or b is None:
        return 1.0
    gap = abs((a - b).days)
    return max(0.0, min(1.0, (NEVER_SAME_DAYS - gap) / (NEVER_SAME_DAYS - SAME_EVENT_DAYS)))


# Pairs of articles less alike than this are taken as not alike at all (their similarity is
# left out of the sparse matrix): well below any threshold that would merge them, they only
# nudge an average, and keeping every pair that shares a common word makes the matrix dense.
SIMILARITY_FLOOR = 0.05
# Rows of the similarity matrix computed at a time: memory stays flat in the number of articles.
BLOCK_ROWS = 512


def similarities(documents: Sequence[Mapping[str, int]], language: str = DEFAULT_LANGUAGE,
                 published: Sequence[dt.date | None] | None = None):
    """The cosine similarity of every pair of documents (their term counts) that are at least
    SIMILARITY_FLOOR alike, faded by how far apart they were published when ``published``
    gives dates, as a sparse symmetric matrix (scipy CSR) with 1 on the diagonal of each
    non-empty document. Each pair's similarity depends on the two documents alone."""
    import numpy
    from scipy import sparse

    matrix = vectors(documents, language)
    n = len(documents)
    days = numpy.array([day.toordinal() if day is not None else numpy.nan
                        for day in (published if published is not None else [None] * n)], dtype=float)
    blocks = []
    for first in range(0, n, BLOCK_ROWS):
        block = (matrix[first:first + BLOCK_ROWS] @ matrix.T).tocoo()
        rows, columns, values = block.row + first, block.col, block.data
        keep = (values >= SIMILARITY_FLOOR) & (rows != columns)
        rows, columns, values = rows[keep], columns[keep], values[keep]
        gaps = numpy.abs(days[rows] - days[columns])
        fade = numpy.clip((NEVER_SAME_DAYS - gaps) / (NEVER_SAME_DAYS - SAME_EVENT_DAYS), 0.0, 1.0)
        values = values * numpy.where(numpy.isnan(gaps), 1.0, fade)
        blocks.append(sparse.csr_matrix((values, (rows - first, columns)), shape=(block.shape[0], n)))
    similarity = sparse.vstack(blocks, format="csr") if blocks else sparse.csr_matrix((n, n))
    diagonal = sparse.diags([1.0 if doc else 0.0 for doc in documents], shape=(n, n))
    return (similarity + diagonal).tocsr()


def cluster(similarity, threshold: float) -> list[list[int]]:
    """Average-linkage agglomerative clustering: merge the two most similar groups while their
    average similarity is at least ``threshold``. Groups are returned in order of their first
    member, members in order.

    Works on the graph of alike pairs (a sparse matrix, or anything scipy reads as one): each
    group keeps the sum of its similarities to its neighbouring groups, and a heap the best
    merge, so the cost grows with the pairs rather than with the square of the articles."""
    import heapq

    from scipy import sparse

    from scipy.sparse import csgraph

    graph = sparse.coo_matrix(similarity)
    graph.sum_duplicates()
    n = graph.shape[0]
    # Two groups can only merge if some pair of their members is ``threshold`` alike (an average
    # is at most its largest part), so every story lies within one connected part of the graph
    # of such pairs: the pairs between parts never matter, and are not kept.
    strong = graph.data >= threshold
    linked = sparse.coo_matrix((graph.data[strong], (graph.row[strong], graph.col[strong])), shape=graph.shape)
    _, part = csgraph.connected_components(linked, directed=False)
    keep = (part[graph.row] == part[graph.col]) & (graph.row < graph.col) & (graph.data > 0)
    sums: list[dict[int, float]] = [{} for _ in range(n)]
    for i, j, value in zip(graph.row[keep].tolist(), graph.col[keep].tolist(), graph.data[keep].tolist()):
        sums[i][j] = value
        sums[j][i] = value
    sizes = [1] * n
    members: list[list[int]] = [[i] for i in range(n)]
    version = [0] * n
    heap = [(-total, i, j, 0, 0) for i in range(n) for j, total in sums[i].items() if i < j and total >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b, version_a, version_b = heapq.heappop(heap)
        if version[a] != version_a or version[b] != version_b or not members[a] or not members[b]:
            continue  # a pair one of whose groups has merged since
        # Into the group of the first member: the merged group's sums are the two groups' sums.
        for other, total in sums[b].items():
            if other != a:
                sums[a][other] = sums[a].get(other, 0.0) + total
                sums[other][a] = sums[other].get(a, 0.0) + total
            sums[other].pop(b, None)
        sums[a].pop(b, None)
        sums[b] = {}
        sizes[a] += sizes[b]
        members[a] = sorted(members[a] + members[b])
        members[b] = []
        version[a] += 1
        version[b] += 1
        for other, total in sums[a].items():
            average = total / (sizes[a] * sizes[other])
            if average >= threshold:
                low, high = min(a, other), max(a, other)
                heapq.heappush(heap, (-average, low, high, version[low], version[high]))
    return sorted((g for g in members if g), key=lambda g: g[0])


def group_terms(documents: Sequence[Mapping[str, int]], threshold: float = DEFAULT_THRESHOLD,
                language: str = DEFAULT_LANGUAGE, published: Sequence[dt.date | None] | None = None) -> list[list[int]]:
    """Positions of ``documents`` (each one's term counts) grouped into stories."""
    if not documents:
        return []
    return cluster(similarities(documents, language, published), threshold)


def story_similarities(facts: Sequence[ArticleFacts]):
    """How alike every two articles are, as ``similarities`` reads them from their facts."""
    language = facts[0].language if facts else DEFAULT_LANGUAGE
    return similarities([dict(item.terms) for item in facts], language, [item.article.published for item in facts])


def group_articles(facts: Sequence[ArticleFacts], threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Positions of ``facts`` grouped into stories."""
    return cluster(story_similarities(facts), threshold) if facts else []


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


def lead_first(group: Sequence[int], similarity) -> list[int]:
    """The members of a group (positions in ``similarity``), the story's lead source first: the
    one most like the others (the report the others agree with, not one that strays into page
    furniture or another angle); then the others, most like the lead first."""
    if len(group) < 2:
        return list(group)
    lead = max(group, key=lambda i: (sum(similarity[i, j] for j in group if j != i), -i))
    return [lead, *sorted((i for i in group if i != lead), key=lambda i: (-similarity[lead, i], i))]


def _unit(counts: Mapping[str, int], language: str) -> dict[str, float]:
    """Weights of single words (no pairs), of length one."""
    weights = {t: weight(t, c, language) for t, c in counts.items() if " " not in t}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def support(facts: Sequence[ArticleFacts], positions: Sequence[int]) -> dict[tuple[int, int], float]:
    """How much the other sources of a story say what each summary sentence of its sources says:
    the sum of the sentence's cosine with each other source's whole text, by (source marker,
    sentence index). What every report backs is the core of the event."""
    language = facts[positions[0]].language
    texts = {p: _unit(dict(facts[p].terms), language) for p in positions}
    found = {}
    for p in positions:
        for i in facts[p].summary:
            sentence = _unit(Counter(facts[p].sentences[i].terms), language)
            found[(p + 1, i)] = sum(_dot(sentence, texts[q]) for q in positions if q != p)
    return found


def story_summary(runs: Sequence[Sequence[Sentence]], count: int,
                  is_redundant: Callable[[Sentence, Sentence], bool],
                  leans: Callable[[Sentence], bool],
                  backed: Mapping[tuple[int, int], float] | None = None) -> list[Sentence]:
    """Up to ``count`` sentences of the sources' own summaries (``runs``, the lead source's
    first), told in order. One source: its summary. Several: sentence by sentence, the one the
    other sources back most (``backed``, by source marker and sentence index) among each
    source's next sentence, so that a source is read from its start and a name or a fact is
    never used before the sentence that introduced it; none repeating one already taken. Shown
    source by source, lead source first, each source's in its own order; a sentence that leans
    on the one before it ("He said ...", "And the band ...") only right after that one."""
    if len(runs) < 2 or backed is None:
        return list(runs[0][:count]) if runs else []
    place = {(s.article_id, s.index): (k, s.index) for k, run in enumerate(runs) for s in run}
    # Another source's lead tells the event the story opens with again, in other words.
    queues = [list(run) if k == 0 else list(run[1:]) for k, run in enumerate(runs)]
    chosen: list[Sentence] = []
    while len(chosen) < count and any(queues):
        best = max((queue[0] for queue in queues if queue),
                   key=lambda s: (backed.get((s.article_id, s.index), 0.0), [-x for x in place[(s.article_id, s.index)]]))
        queues[place[(best.article_id, best.index)][0]].pop(0)
        if not any(is_redundant(best, other) for other in chosen):
            chosen.append(best)
    told: list[Sentence] = []
    for sentence in sorted(chosen, key=lambda s: place[(s.article_id, s.index)]):
        before = told[-1] if told else None
        if leans(sentence) and not (before is not None and before.article_id == sentence.article_id
                                    and before.index == sentence.index - 1):
            continue
        told.append(sentence)
    return told


# A sentence whose content words are mostly (by weight) in one already taken tells nothing new.
REPEATS = 0.5


def repeats(facts: Sequence[ArticleFacts], candidates: Sequence[Sentence]) -> Callable[[Sentence, Sentence], bool]:
    """Does sentence ``a`` say again what ``b`` says: most of ``a``'s content words are in
    ``b``? Words count by their rarity, divided by how many of the story's ``candidates`` use
    them: the names every sentence of a story repeats ("Maarten Visser, the port's chief
    executive") do not make two sentences one, the words of one fact do ("€250m in emergency
    funding", "€250 million in emergency aid")."""
    language = facts[0].language if facts else DEFAULT_LANGUAGE

    def terms(sentence: Sentence) -> set[str]:
        return set(facts[sentence.article_id - 1].sentences[sentence.index].terms)

    used = Counter(t for sentence in candidates for t in terms(sentence))

    def said_again(a: Sentence, b: Sentence) -> bool:
        mine, theirs = terms(a), terms(b)
        weights = {t: rarity(t, language) / used[t] for t in mine}
        total = sum(weights.values())
        return bool(total) and sum(w for t, w in weights.items() if t in theirs) / total >= REPEATS

    return said_again


def build_stories(facts: Sequence[ArticleFacts], summaries: Sequence[ArticleSummary], groups: Sequence[Sequence[int]],
                  similarity, sentences: int, is_redundant: Callable[[Sentence, Sentence], bool],
                  leans: Callable[[Sentence], bool]) -> list[Story]:
    """One story per group of articles (positions in ``facts``, ``summaries`` and
    ``similarity``; a sentence's ``article_id`` is its source's position plus one), ranked: most
    sources, then most recent. A sentence is left out when ``is_redundant`` or ``repeats`` says
    it tells one already taken again."""
    stories = []
    for group in groups:
        members = [summaries[i] for i in group]
        newest = max(members, key=lambda s: (s.article.published or dt.date.min, -s.article.id))
        # One sentence more for each further source, at most twice the summary length.
        count = min(sentences + len(members) - 1, 2 * sentences)
        runs = [summaries[i].sentences for i in lead_first(group, similarity)]
        if len(group) > 1:
            said_again = repeats(facts, [s for run in runs for s in run])
            summary = story_summary(runs, count, lambda a, b: is_redundant(a, b) or said_again(a, b), leans,
                                    support(facts, group))
        else:
            summary = story_summary(runs, count, is_redundant, leans)
        stories.append(Story(newest.article.title, members, summary))
    return sorted(stories, key=lambda s: (-len(s.articles), -(s.latest or dt.date.min).toordinal(),
                                          s.sources[0]))
