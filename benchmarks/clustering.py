"""How well articles about the same event are grouped: B-cubed and adjusted Rand index.

    .venv/bin/python benchmarks/clustering.py [--data ../shared/bench/multinews-dev.jsonl]
        [--clusters N] [--threshold T] [--json] [--diagnose]

Pools the documents of the first N clusters (default 100) of a Multi-News style file (rows
with `documents`, a list of article texts), shuffles them with a fixed seed, runs the brief's
story grouping (`briefing.stories.group_terms` on the terms the per-article stage reads off the spaCy pass) and scores the groups
against the true clusters: B-cubed precision, recall and F1, the adjusted Rand index, and the
seconds taken (spaCy pass included).
"""

from __future__ import annotations

import json
import math
import random
import sys
import time
from collections import Counter
from pathlib import Path

from briefing.analyse import terms
from briefing.config import Config
from briefing.nlp import load_pipeline
from briefing.stories import DEFAULT_THRESHOLD, group_terms, similarities
from common import read_rows

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "multinews-dev.jsonl"
SEED = 13


def bcubed(predicted: list[int], gold: list[int]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of cluster labels, averaged over items."""
    n = len(gold)
    p = r = 0.0
    for i in range(n):
        same_pred = [j for j in range(n) if predicted[j] == predicted[i]]
        same_gold = [j for j in range(n) if gold[j] == gold[i]]
        both = sum(1 for j in same_pred if gold[j] == gold[i])
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / n, r / n
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def adjusted_rand(predicted: list[int], gold: list[int]) -> float:
    def pairs(k: int) -> float:
        return k * (k - 1) / 2

    n = len(gold)
    joint = sum(pairs(c) for c in Counter(zip(predicted, gold)).values())
    a = sum(pairs(c) for c in Counter(predicted).values())
    b = sum(pairs(c) for c in Counter(gold).values())
    expected = a * b / pairs(n) if n > 1 else 0.0
    top = (a + b) / 2
    return (joint - expected) / (top - expected) if top != expected else 1.0


def ceiling(similarity, gold: list[int]) -> dict:
    """How far the similarity can carry an average-linkage grouping. A document is misplaced
    when it is on average more like the documents of another true cluster than like those of
    its own: average linkage would rather join it there. Returns how many are misplaced and the
    B-cubed F1 of a grouping perfect on every other document that leaves these alone."""
    members: dict[int, list[int]] = {}
    for i, label in enumerate(gold):
        members.setdefault(label, []).append(i)

    def mean_similarity(i: int, label: int) -> float:
        others = [j for j in members[label] if j != i]
        return sum(similarity[i][j] for j in others) / len(others) if others else -1.0

    misplaced = {i for i, label in enumerate(gold) if len(members[label]) > 1
                 and any(mean_similarity(i, other) > mean_similarity(i, label) for other in members if other != label)}
    alone = [label if i not in misplaced else -1 - i for i, label in enumerate(gold)]
    return {"misplaced": len(misplaced), "ceiling_f1": round(bcubed(alone, gold)[2], 4)}


def main() -> int:
    import argparse

    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--data", type=Path, default=DEFAULT_DATA)
    options.add_argument("--clusters", type=int, default=100, help="true clusters to pool (default 100)")
    options.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="grouping threshold")
    options.add_argument("--json", action="store_true", help="print one JSON object")
    options.add_argument("--diagnose", action="store_true",
                         help="also measure how far the similarity itself can go (see ceiling())")
    args = options.parse_args()
    rows = read_rows(args.data, args.clusters)
    if rows is None:
        return 2
    if not all(isinstance(r.get("documents"), list) for r in rows):
        print(f"{args.data}: rows need 'documents', a list of article texts (see ../shared/bench/README.md)",
              file=sys.stderr)
        return 2
    items = [(text, label) for label, row in enumerate(rows) for text in row["documents"] if text.strip()]
    random.Random(SEED).shuffle(items)
    config = Config()
    threshold = args.threshold
    nlp = load_pipeline(config.nlp.model)

    started = time.perf_counter()
    counts = [dict(terms(doc)) for doc in nlp.pipe((text for text, _ in items), batch_size=config.nlp.batch_size)]
    groups = group_terms(counts, threshold)
    seconds = time.perf_counter() - started
    gold = [label for _, label in items]

    predicted = [0] * len(items)
    for number, group in enumerate(groups):
        for i in group:
            predicted[i] = number
    p, r, f1 = bcubed(predicted, gold)
    ari = adjusted_rand(predicted, gold)
    result = {"documents": len(items), "clusters": len(rows), "bcubed_p": round(p, 4), "bcubed_r": round(r, 4),
              "bcubed_f1": round(f1, 4), "ari": round(ari, 4), "seconds": round(seconds, 2)}
    if args.diagnose:
        result.update(ceiling(similarities(counts), gold))
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"data: {args.data.name}; documents: {len(items)} from {len(rows)} clusters; threshold {threshold}; "
          f"{len(groups)} groups found")
    print("| B-cubed P | B-cubed R | B-cubed F1 |   ARI | seconds |")
    print("|-----------|-----------|------------|-------|---------|")
    print(f"| {p:9.3f} | {r:9.3f} | {f1:10.3f} | {ari:5.3f} | {seconds:7.1f} |")
    print("reference: plain TF-IDF with average linkage, threshold picked on these clusters: B-cubed F1 0.837")
    if args.diagnose:
        print(f"ceiling: {result['misplaced']} of {len(items)} documents are on average more like another true "
              f"cluster than their own; a grouping perfect on all the others, leaving these alone, scores B-cubed "
              f"F1 {result['ceiling_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
