"""How good the summaries are: ROUGE against human reference summaries, beside lead-K and
every sumy algorithm alone.

    .venv/bin/python benchmarks/summarization.py [--data ../shared/bench/cnndm-dev.jsonl]
        [--sentences K] [--limit N] [--only lead,default] [--json]

Rows need `text` (paragraphs separated by a blank line) and `reference` (one summary sentence
a line); `title` is used when present. Every system gets the same sentences from the brief's
spaCy pass and picks K of them (K = the reference's sentence count unless --sentences):

- lead: the first K sentences;
- each sumy algorithm alone, through briefing's spaCy tokenizer adapter;
- ENGINE+lemmas: the default's engine alone, reading content lemmas as the default does
  (so the table shows what the news signals add to their own ranking);
- default: the summariser `config.yaml` uses by default, with its default weights;
- "default - X": the default with signal X turned off (an ablation row per signal).

Scores are ROUGE-1/2/Lsum F1 x100 (Google's rouge-score, stemming on), milliseconds per
article (the pick only; the shared spaCy pass is not counted), and the dangling-reference
rate: the share of chosen sentences that open with a pronoun or back-reference ("He", "It",
"However", "The paper", ...: `briefing.text.dangles`) whose preceding sentence was not
chosen (an article's first sentence has none to lean on); "opens so": the share of summaries
whose first sentence is such a back-reference, the worst place for one. Lead and the default are also
scored on each fixed half of the rows (A, B: by a hash of each row's id): develop on one,
confirm on the other. `--only` scores lead, the default and the systems named. The last line
is `default vs lead: dR1 dR2 dRL` in points.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from briefing.config import Config
from briefing.lang import profile
from briefing.nlp import load_pipeline, parse, sentences_of
from briefing.summarise import SUMY_SUMMARISERS, NewsWeights, SpacyTokenizer, make_text_summariser
from briefing.text import dangles
from common import half_of, parser, read_rows

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "cnndm-dev.jsonl"
METRICS = ("rouge1", "rouge2", "rougeLsum")


def dangling(chosen, lang) -> tuple[int, int]:
    """(dangling, chosen) counts of one summary."""
    picked = {s.index for s in chosen}
    return sum(1 for s in chosen if s.index > 0 and dangles(s.text, lang) and s.index - 1 not in picked), len(chosen)


def opens_dangling(chosen, lang) -> bool:
    """Does the summary open on a back-reference ("That is the view of ...") to a sentence left out?"""
    first = min(chosen, key=lambda s: s.index, default=None)
    return first is not None and first.index > 0 and dangles(first.text, lang)


def main() -> int:
    options = parser(__doc__, DEFAULT_DATA, "articles")
    options.add_argument("--sentences", type=int, default=None, help="summary length (default: the reference's)")
    options.add_argument("--only", default=None, help="score only these systems, comma-separated (e.g. lead,default)")
    args = options.parse_args()
    rows = read_rows(args.data, args.limit)
    if rows is None:
        return 2
    bad = [i for i, r in enumerate(rows, 1) if not isinstance(r.get("text"), str)
           or not isinstance(r.get("reference"), str)]
    if bad:
        print(f"{args.data}: row {bad[0]} has no 'text' and 'reference' strings; this benchmark needs both "
              f"(see ../shared/bench/README.md)", file=sys.stderr)
        return 2
    from rouge_score import rouge_scorer

    config = Config()
    nlp = load_pipeline(config.nlp.model)
    lang = profile(nlp.lang)
    texts = ["\n\n".join(p.strip() for p in r["text"].split("\n\n") if p.strip()) for r in rows]
    # As the per-article stage reads them: each article's parse and sentences, and a tokenizer
    # answering from that parse alone.
    analysed = [(doc, sentences_of(doc, text)) for doc, text in zip(parse(texts, nlp, config.nlp.batch_size), texts)]

    default = config.summary
    Factory = Callable[[SpacyTokenizer], object]
    systems: dict[str, Factory | None] = {"lead": None}
    for name in SUMY_SUMMARISERS:
        systems[name] = functools.partial(make_text_summariser, name)

    def news(weights: NewsWeights) -> Factory:
        return functools.partial(make_text_summariser, default.algorithm, engine=default.engine, weights=weights)

    ours = make_text_summariser(default.algorithm, SpacyTokenizer(nlp, (), lang), engine=default.engine,
                                weights=default.weights)
    engine = getattr(ours, "engine", None)
    if engine is not None and engine.lemmas:
        systems[f"{engine.algorithm}+lemmas"] = lambda tokenizer: news(default.weights)(tokenizer).engine
    systems["default"] = news(default.weights)
    if default.algorithm == "news":
        for signal in NewsWeights.model_fields:
            if getattr(default.weights, signal):
                systems[f"default - {signal}"] = news(default.weights.model_copy(update={signal: 0.0}))

    if args.only:
        wanted = {name.strip() for name in args.only.split(",")} | {"lead", "default"}
        systems = {name: factory for name, factory in systems.items() if name in wanted}
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    results = {}
    halves = [half_of(str(row.get("id", i))) for i, row in enumerate(rows)]
    by_half: dict[str, dict[str, dict[str, float]]] = {}
    for name, factory in systems.items():
        totals = dict.fromkeys(METRICS, 0.0)
        half_totals = {h: dict.fromkeys(METRICS, 0.0) for h in "AB"}
        dangling_count = chosen_count = opening_count = 0
        seconds = 0.0
        for row, half, (doc, sentences) in zip(rows, halves, analysed):
            reference = [line.strip() for line in row["reference"].splitlines() if line.strip()]
            k = args.sentences or len(reference)
            tokenizer = SpacyTokenizer(nlp, [doc], lang)  # the shared spaCy pass, not timed
            started = time.perf_counter()
            if factory is None:
                chosen = sentences[:k]
            else:
                chosen = factory(tokenizer).summarise(row.get("title") or "", sentences, k)
            seconds += time.perf_counter() - started
            d, c = dangling(chosen, lang)
            dangling_count += d
            chosen_count += c
            opening_count += opens_dangling(chosen, lang)
            scores = scorer.score("\n".join(reference), "\n".join(s.text for s in chosen))
            for metric in METRICS:
                totals[metric] += scores[metric].fmeasure
                half_totals[half][metric] += scores[metric].fmeasure
        results[name] = {metric: round(100 * totals[metric] / len(rows), 2) for metric in METRICS}
        by_half[name] = {h: {metric: round(100 * half_totals[h][metric] / halves.count(h), 2) for metric in METRICS}
                         for h in "AB" if halves.count(h)}
        results[name]["ms_per_article"] = round(1000 * seconds / len(rows), 2)
        results[name]["dangling_rate"] = round(dangling_count / chosen_count, 4) if chosen_count else 0.0
        results[name]["opens_dangling"] = round(opening_count / len(rows), 4)

    if args.json:
        print(json.dumps({"articles": len(rows), "sentences": args.sentences, "systems": results, "halves": by_half}))
        return 0
    length = f"{args.sentences} sentences" if args.sentences else "K = reference length"
    print(f"data: {args.data.name}; articles: {len(rows)}; {length}; default: {default.algorithm} "
          f"(engine {default.engine})")
    print(f"| {'system':<24} | {'R1':>6} | {'R2':>6} | {'RLsum':>6} | {'ms/art':>7} | {'dangling':>8} | {'opens so':>8} |")
    print(f"|{'-' * 26}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 9}|{'-' * 10}|{'-' * 10}|")
    for name, r in results.items():
        print(f"| {name:<24} | {r['rouge1']:6.2f} | {r['rouge2']:6.2f} | {r['rougeLsum']:6.2f} | "
              f"{r['ms_per_article']:7.2f} | {r['dangling_rate']:8.3f} | {r['opens_dangling']:8.3f} |")
    print(f"\nfixed halves (A {halves.count('A')}, B {halves.count('B')} articles, by a hash of each id): "
          "develop on A, confirm on B")
    print("| system | half | R1 | R2 | RLsum |\n|---|---|---|---|---|")
    for name in ("lead", "default"):
        for h, r in by_half[name].items():
            print(f"| {name} | {h} | {r['rouge1']:.2f} | {r['rouge2']:.2f} | {r['rougeLsum']:.2f} |")
    lead, ours = results["lead"], results["default"]
    print(f"default vs lead: dR1 {ours['rouge1'] - lead['rouge1']:+.2f} dR2 {ours['rouge2'] - lead['rouge2']:+.2f} "
          f"dRL {ours['rougeLsum'] - lead['rougeLsum']:+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
