"""How well articles about the same event are grouped into one story, and only they.

    .venv/bin/python benchmarks/clustering.py [--data ../shared/bench/multinews-dev.jsonl]
        [--clusters N] [--threshold T] [--json] [--diagnose]
    .venv/bin/python benchmarks/clustering.py --data ../shared/bench/events-dev.jsonl [--threshold T] [--json]

Two kinds of data, told by their rows:

- Multi-News style (rows with `documents`, a list of article texts): the documents of the
  first N clusters (default 100) are pooled and shuffled with a fixed seed, grouped by the
  brief's story grouping (`briefing.stories.group_terms` on the terms the per-article stage
  reads off the spaCy pass) and scored against the true clusters: B-cubed precision, recall
  and F1, the adjusted Rand index, and the seconds taken (spaCy pass included). The pooled
  clusters are on unrelated topics and hold non-articles: a check of recall, not the target.
- Event labels (rows with `id`, `event`, `story`, as `events-dev.jsonl`; texts from
  `bbc-dev.jsonl` beside it, or `--texts`): every article goes through the per-article stage,
  then the grouping (`briefing.stories.group_articles`) runs on all of them, on each half of the
  stories (split by a hash of the story label: develop on one, confirm on the other), on each
  category alone, and on "hard morning batches": each event of two or more articles with every
  article of its story, filled to 30 with other articles (fixed seed). Scores: pairwise
  precision, recall and F1 on same-event pairs (pairs of two events of one story are neither
  right nor wrong, and are left out); the false-merge rate, the share of multi-article stories
  whose articles belong to two stories; and batch dependence, the share of the hard batches'
  article pairs whose together/apart decision differs from the one on the whole set.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from briefing.analyse import AnalysisSettings, analyse_articles, terms
from briefing.config import Config
from briefing.models import Article
from briefing.nlp import load_pipeline
from briefing.stories import DEFAULT_THRESHOLD, cluster, group_terms, similarities, story_similarities
from common import half_of, prf, read_rows

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


BATCH_SIZE = 30  # articles in a hard morning batch


def hard_batches(events: list[str], stories: list[str], seed: int = SEED) -> list[list[int]]:
    """For each event of two or more articles: every article of its story, filled to BATCH_SIZE
    with other articles drawn with a fixed seed."""
    rng = random.Random(seed)
    by_event, by_story = defaultdict(list), defaultdict(list)
    for i, (event, story) in enumerate(zip(events, stories)):
        by_event[event].append(i)
        by_story[story].append(i)
    batches = []
    for event in sorted(by_event):
        if len(by_event[event]) < 2:
            continue
        members = list(by_story[stories[by_event[event][0]]])
        others = [i for i in range(len(events)) if i not in set(members)]
        members += rng.sample(others, max(0, BATCH_SIZE - len(members)))
        batches.append(sorted(members))
    return batches


def labelled(groups: list[list[int]]) -> dict[int, int]:
    return {i: number for number, group in enumerate(groups) for i in group}


def pairwise(runs: list[tuple[list[int], list[list[int]]]], events: list[str], stories: list[str]) -> dict:
    """Same-event pair P/R/F1 and the false-merge rate over (articles, groups) runs, pooled."""
    tp = fp = positives = multi = mixed = 0
    for articles, groups in runs:
        label = labelled(groups)
        for a, b in itertools.combinations(articles, 2):
            same_event = events[a] == events[b]
            positives += same_event
            if label[a] == label[b]:
                tp += same_event
                fp += stories[a] != stories[b]
        for group in groups:
            if len(group) > 1:
                multi += 1
                mixed += len({stories[i] for i in group}) > 1
    p, r, f1 = prf(tp, tp + fp, positives)
    return {"p": round(p if tp + fp else 1.0, 4), "r": round(r, 4), "f1": round(f1, 4),
            "false_merge_rate": round(mixed / multi, 4) if multi else 0.0, "stories": multi, "pairs": positives}


def events_main(args) -> int:
    rows = read_rows(args.data, None)
    if rows is None:
        return 2
    texts_path = args.texts or args.data.with_name("bbc-dev.jsonl")
    texts = read_rows(texts_path, None)
    if texts is None:
        return 2
    by_id = {t.get("id"): t for t in texts}
    missing = [r.get("id") for r in rows if r.get("id") not in by_id]
    if missing:
        print(f"{texts_path}: no text for {len(missing)} labelled article(s), e.g. {missing[0]}", file=sys.stderr)
        return 2
    events, stories = [r["event"] for r in rows], [r["story"] for r in rows]
    articles = [Article(title=by_id[r["id"]].get("title") or "", source=r["id"], path=Path(r["id"]),
                        paragraphs=[p.strip() for p in by_id[r["id"]]["text"].split("\n\n") if p.strip()])
                for r in rows]
    started = time.perf_counter()
    facts = analyse_articles(articles, AnalysisSettings.from_config(Config()))
    analysed = time.perf_counter() - started
    similarity = story_similarities(facts)  # of every pair; each depends on the two articles alone

    def group(members: list[int]) -> list[list[int]]:
        return [[members[k] for k in g] for g in cluster(similarity[members][:, members], args.threshold)]

    started = time.perf_counter()
    everything = list(range(len(rows)))
    whole = group(everything)
    result = {"articles": len(rows), "threshold": args.threshold, "all": pairwise([(everything, whole)], events, stories)}
    for name in ("A", "B"):
        half = [i for i in everything if half_of(stories[i]) == name]
        result[f"half {name}"] = pairwise([(half, group(half))], events, stories)
    categories = sorted({r["id"].split("_")[0] for r in rows})
    for category in categories:
        members = [i for i in everything if rows[i]["id"].split("_")[0] == category]
        result[category] = pairwise([(members, group(members))], events, stories)
    batches = hard_batches(events, stories)
    grouped = [(batch, group(batch)) for batch in batches]
    result["hard batches"] = pairwise(grouped, events, stories)
    together = labelled(whole)
    changed = total = 0
    for batch, groups in grouped:
        label = labelled(groups)
        for a, b in itertools.combinations(batch, 2):
            total += 1
            changed += (label[a] == label[b]) != (together[a] == together[b])
    result["batch_dependence"] = round(changed / total, 5) if total else 0.0
    result["seconds"] = {"per-article stage": round(analysed, 1), "grouping": round(time.perf_counter() - started, 1)}
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"data: {args.data.name} with texts from {texts_path.name}; {len(rows)} articles; threshold {args.threshold}; "
          f"{len(batches)} hard batches of {BATCH_SIZE}")
    print("| set | pairs | P | R | F1 | false merges | stories of 2+ |")
    print("|---|---|---|---|---|---|---|")
    for name in ("all", "half A", "half B", *categories, "hard batches"):
        r = result[name]
        print(f"| {name} | {r['pairs']} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} | {r['false_merge_rate']:.1%} "
              f"| {r['stories']} |")
    print(f"batch dependence: {result['batch_dependence']:.3%} of the hard batches' article pairs decided otherwise "
          f"than on the whole set")
    return 0


def main() -> int:
    import argparse

    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--data", type=Path, default=DEFAULT_DATA)
    options.add_argument("--clusters", type=int, default=100, help="true clusters to pool (default 100)")
    options.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="grouping threshold")
    options.add_argument("--json", action="store_true", help="print one JSON object")
    options.add_argument("--diagnose", action="store_true",
                         help="also measure how far the similarity itself can go (see ceiling())")
    options.add_argument("--texts", type=Path, default=None,
                         help="with event labels: the articles' texts (default: bbc-dev.jsonl beside --data)")
    args = options.parse_args()
    if args.data.is_file():
        with args.data.open(encoding="utf-8") as handle:
            first = json.loads(handle.readline() or "{}")
        if "event" in first and "story" in first:
            return events_main(args)
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
        result.update(ceiling(similarities(counts).toarray(), gold))
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
