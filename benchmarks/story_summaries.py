"""How well a story's summary tells the event: ROUGE against Multi-News's human multi-document
summaries, beside lead and sumy's LexRank and TextRank over the same sources.

    .venv/bin/python benchmarks/story_summaries.py [--data ../shared/bench/multinews-dev.jsonl]
        [--limit N] [--json]

Each Multi-News cluster (rows with `documents`, a list of article texts, and `reference`, the
human summary) is briefed as one story: every document goes through the per-article stage
(`briefing.analyse`), and `briefing.stories` makes the story summary from their summaries, as a
brief does. The same run scores, over the same sentences of the same documents:

- lead: the first sentences of each document in turn (every first sentence, then every second, ...);
- lexrank, textrank: sumy's ranking of all the cluster's sentences pooled;
- interleave: the sources' own summaries a rank at a time (every source's lead, then every
  second sentence, ...), the story summary briefing made before it read in order;
- story: the story summary a brief shows.

Every system is cut to the same number of words, the story summary's, so only the choice of
sentences differs. Scores: ROUGE-1/2/L F1 x100 (Google's rouge-score, stemming on), and the
share of chosen sentences that lean on a sentence before them ("He said ...", "But ...") without
it being the sentence right before; ROUGE also on each fixed half of the clusters (A, B: by a
hash of each id), to develop on one and confirm on the other.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from briefing.analyse import AnalysisSettings, analyse_articles
from briefing.assemble import cite, summaries_of
from briefing.config import Config
from briefing.lang import profile
from briefing.models import Article, Sentence
from briefing.nlp import load_pipeline
from briefing.stories import build_stories, interleave, story_similarities
from briefing.summarise import SpacyTokenizer, make_text_summariser
from briefing.text import dangles, retells
from common import half_of, parser, read_rows

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "multinews-dev.jsonl"
METRICS = ("rouge1", "rouge2", "rougeL")
SYSTEMS = ("lead", "lexrank", "textrank", "interleave", "story")


def cut(sentences: list[Sentence], words: int) -> list[Sentence]:
    """The sentences up to ``words`` words, the last one cut short."""
    out, left = [], words
    for sentence in sentences:
        if left <= 0:
            break
        tokens = sentence.text.split()
        out.append(sentence if len(tokens) <= left else Sentence(sentence.article_id, sentence.index,
                                                                 " ".join(tokens[:left])))
        left -= len(tokens)
    return out


def leaning(chosen: list[Sentence], lang) -> tuple[int, int]:
    """(sentences that lean on one before them without it just before, sentences)."""
    bad = 0
    for k, s in enumerate(chosen):
        before = chosen[k - 1] if k else None
        if dangles(s.text, lang) and not (before and before.article_id == s.article_id
                                           and before.index == s.index - 1):
            bad += 1
    return bad, len(chosen)


def main() -> int:
    options = parser(__doc__, DEFAULT_DATA, "clusters")
    args = options.parse_args()
    rows = read_rows(args.data, args.limit)
    if rows is None:
        return 2
    if not all(isinstance(r.get("documents"), list) and isinstance(r.get("reference"), str) for r in rows):
        print(f"{args.data}: rows need 'documents' (article texts) and 'reference' (see ../shared/bench/README.md)",
              file=sys.stderr)
        return 2
    from rouge_score import rouge_scorer

    config = Config()
    settings = AnalysisSettings.from_config(config)
    nlp = load_pipeline(settings.model)
    lang = profile(settings.language)
    clusters = [[d for d in row["documents"] if d.strip()] for row in rows]
    articles = [Article(title="", source=f"{row.get('id', c)}#{k}", path=Path(f"{c}-{k}"),
                        paragraphs=[p.strip() for p in doc.split("\n") if p.strip()])
                for c, (row, docs) in enumerate(zip(rows, clusters)) for k, doc in enumerate(docs)]
    facts = analyse_articles(articles, settings)
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    totals = {name: dict.fromkeys(METRICS, 0.0) for name in SYSTEMS}
    halves = [half_of(str(row.get("id", c))) for c, row in enumerate(rows)]
    half_totals = {(name, h): dict.fromkeys(METRICS, 0.0) for name in SYSTEMS for h in "AB"}
    leans = {name: [0, 0] for name in SYSTEMS}
    start = 0
    for row, half, docs in zip(rows, halves, clusters):
        story_facts = facts[start:start + len(docs)]
        start += len(docs)
        sources = cite(story_facts)
        summaries = summaries_of(story_facts, sources)
        similarity = story_similarities(story_facts)
        (story,) = build_stories(story_facts, summaries, [list(range(len(docs)))], similarity, config.summary.sentences,
                                 lambda a, b: retells(a.text, b.text),
                                 lambda s: dangles(s.text, lang, story_facts[s.article_id - 1].sentences[s.index].expletive))
        words = sum(len(s.text.split()) for s in story.sentences)
        pooled = [Sentence(source.id, s.index, s.text) for item, source in zip(story_facts, sources)
                  for s in item.sentences]
        runs = [[Sentence(source.id, s.index, s.text) for s in item.sentences] for item, source in
                zip(story_facts, sources)]
        count = len(story.sentences)
        chosen = {
            "lead": interleave(runs, len(pooled)),
            "interleave": interleave([s.sentences for s in summaries], count, lambda a, b: retells(a.text, b.text)),
            "story": story.sentences,
        }
        tokenizer = SpacyTokenizer(nlp, [], lang)
        for name in ("lexrank", "textrank"):
            ranked = make_text_summariser(name, tokenizer).rank([("", pooled)])
            chosen[name] = ranked
        for name in SYSTEMS:
            picked = cut(chosen[name], words)
            bad, total = leaning(picked, lang)
            leans[name][0] += bad
            leans[name][1] += total
            scores = scorer.score(row["reference"], "\n".join(s.text for s in picked))
            for metric in METRICS:
                totals[name][metric] += scores[metric].fmeasure
                half_totals[name, half][metric] += scores[metric].fmeasure
    by_half = {name: {h: {m: round(100 * half_totals[name, h][m] / halves.count(h), 2) for m in METRICS}
                      for h in "AB" if halves.count(h)} for name in SYSTEMS}
    results = {name: {**{m: round(100 * totals[name][m] / len(rows), 2) for m in METRICS},
                      "leaning": round(leans[name][0] / leans[name][1], 3) if leans[name][1] else 0.0}
               for name in SYSTEMS}
    if args.json:
        print(json.dumps({"clusters": len(rows), "documents": len(articles), "systems": results, "halves": by_half}))
        return 0
    print(f"data: {args.data.name}; clusters: {len(rows)}; documents: {len(articles)}; every system cut to the "
          f"story summary's length in words")
    print(f"| {'system':<12} | {'R1':>6} | {'R2':>6} | {'RL':>6} | {'leaning':>7} |")
    print(f"|{'-' * 14}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 9}|")
    for name, r in results.items():
        print(f"| {name:<12} | {r['rouge1']:6.2f} | {r['rouge2']:6.2f} | {r['rougeL']:6.2f} | {r['leaning']:7.3f} |")
    print(f"\nfixed halves (A {halves.count('A')}, B {halves.count('B')} clusters, by a hash of each id): "
          "develop on A, confirm on B")
    print("| system | half | R1 | R2 | RL |\n|---|---|---|---|---|")
    for name in SYSTEMS:
        for h, r in by_half[name].items():
            print(f"| {name} | {h} | {r['rouge1']:.2f} | {r['rouge2']:.2f} | {r['rougeL']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
