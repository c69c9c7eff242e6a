"""How well the brief finds its key actors: PER/ORG/LOC against human-annotated news.

    .venv/bin/python benchmarks/actors.py [--data ../shared/bench/conll2003-dev.jsonl] [--limit N] [--json]

Each document's text is its tokens joined by spaces, one sentence a line (each line a
paragraph of the article). The brief's own extraction runs on it: the configured spaCy model,
then `briefing.actors` (title stripping, filters, alias merging; a mention's type is the type
of the actor it was merged into). Scores:

- spans: exact character span and type against the gold entities, P/R/F1 per type and micro
  (MISC and the brief's "group" kind are not scored). People -> PER, organisations -> ORG,
  places (GPE, LOC, FAC) -> LOC.
- doc_unique_f1: per document, the distinct actors after alias merging against the distinct
  gold names. An actor is right when one of its names (name or alias) is a gold name of its
  type; a gold name is found when some actor of its type carries it.
- raw_model: spaCy's entities as the model gives them, same mapping, same text, same run.
- each fixed half of the documents (A, B: by a hash of the document id): develop on one, confirm
  on the other; `--errors N` lists the commonest spans predicted but not gold ("wrong type" when
  the span is gold with another type) and gold spans missed.

Data: JSON Lines with `sentences` (token lists) and `entities` (`sent`, `start`, `end`, `type`),
the CoNLL-2003 layout of ../shared/bench/README.md.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

import spacy

from briefing.actors.linking import actor_kind, link_mentions
from briefing.analyse import AnalysisSettings, analyse_articles
from briefing.config import Config
from briefing.models import Article
from common import half_of, parser, prf, read_rows

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "conll2003-dev.jsonl"
TYPES = ("PER", "ORG", "LOC")
KIND_TYPE = {"person": "PER", "organisation": "ORG", "place": "LOC"}
RAW_TYPE = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def document(record: dict) -> tuple[Article, set[tuple[int, int, str]], dict[str, set[str]]]:
    """The article for a record, its gold spans (char offsets in ``Article.text``) and its
    distinct gold names per type."""
    lines = [" ".join(tokens) for tokens in record["sentences"]]
    starts = []  # character offset of every token
    offset = 0
    for tokens in record["sentences"]:
        row = []
        for token in tokens:
            row.append(offset)
            offset += len(token) + 1
        starts.append(row)
        offset += 1  # paragraphs are joined by "\n\n": one more character than the space
    gold, names = set(), {t: set() for t in TYPES}
    for ent in record["entities"]:
        if ent["type"] not in TYPES:
            continue
        tokens = record["sentences"][ent["sent"]]
        begin = starts[ent["sent"]][ent["start"]]
        last = ent["end"] - 1
        gold.add((begin, starts[ent["sent"]][last] + len(tokens[last]), ent["type"]))
        names[ent["type"]].add(" ".join(tokens[ent["start"]:ent["end"]]).lower())
    article = Article(title="", source=record["id"], paragraphs=lines, path=Path(record["id"]))
    return article, gold, names


def rounded(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p, r, f = prf(tp, predicted, gold)
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


class Tally:
    def __init__(self) -> None:
        self.tp, self.pred, self.gold = Counter(), Counter(), Counter()

    def add(self, predicted: set[tuple[int, int, str]], gold: set[tuple[int, int, str]]) -> None:
        for _, _, t in predicted:
            self.pred[t] += 1
        for _, _, t in gold:
            self.gold[t] += 1
        for _, _, t in predicted & gold:
            self.tp[t] += 1

    def scores(self) -> dict[str, dict[str, float]]:
        out = {t: rounded(self.tp[t], self.pred[t], self.gold[t]) for t in TYPES}
        out["micro"] = rounded(sum(self.tp.values()), sum(self.pred.values()), sum(self.gold.values()))
        return out


def main() -> int:
    options = parser(__doc__, DEFAULT_DATA, "documents")
    options.add_argument("--model", default=None, help="spaCy model (default: the config default)")
    options.add_argument("--errors", type=int, default=0, help="list the N most frequent errors of each kind and type")
    args = options.parse_args()
    records = read_rows(args.data, args.limit)
    if records is None:
        return 2

    config = Config.model_validate({"nlp": {"model": args.model}} if args.model else {})
    model = config.nlp.model
    docs = [document(r) for r in records]
    settings = AnalysisSettings.from_config(config)
    plain = spacy.load(model)  # the model as it comes, for the raw score

    started = time.perf_counter()
    analysed = analyse_articles([d[0] for d in docs], settings)
    ours, raw = Tally(), Tally()
    halves = {"A": Tally(), "B": Tally()}
    errors: Counter = Counter()
    unique_tp = unique_pred = unique_gold_found = unique_gold = 0
    for record, item, (article, gold, names) in zip(records, analysed, docs):
        groups = [[m for _, m in placed] for placed in link_mentions([item])]
        predicted = set()
        for members in groups:
            kind = KIND_TYPE.get(actor_kind(members))
            if kind is None:
                continue
            predicted.update((m.start, m.end, kind) for m in members)
            unique_pred += 1
            unique_tp += any(m.name.lower() in names[kind] for m in members)
        ours.add(predicted, gold)
        halves[half_of(record["id"])].add(predicted, gold)
        text = article.text
        for start, end, t in predicted - gold:
            spans = {(s, e) for s, e, _ in gold}
            kind = "wrong type" if (start, end) in spans else "not gold"
            errors[(kind, t, text[start:end])] += 1
        for start, end, t in gold - predicted:
            if not any((start, end) == (s, e) for s, e, _ in predicted):
                errors[("missed", t, text[start:end])] += 1
        for t in TYPES:
            carried = {m.name.lower() for members in groups if KIND_TYPE.get(actor_kind(members)) == t
                       for m in members}
            unique_gold += len(names[t])
            unique_gold_found += len(names[t] & carried)
    seconds = time.perf_counter() - started

    raw_docs = plain.pipe((d[0].text for d in docs), batch_size=config.nlp.batch_size)
    for raw_doc, (_, gold, _) in zip(raw_docs, docs):
        raw.add({(e.start_char, e.end_char, RAW_TYPE[e.label_]) for e in raw_doc.ents if e.label_ in RAW_TYPE},
                gold)

    scores = ours.scores()
    raw_scores = raw.scores()
    half_scores = {name: tally.scores() for name, tally in halves.items()}
    up = unique_tp / unique_pred if unique_pred else 0.0
    ur = unique_gold_found / unique_gold if unique_gold else 0.0
    unique_f1 = round(2 * up * ur / (up + ur) if up + ur else 0.0, 4)
    if args.json:
        print(json.dumps({"documents": len(docs), **{k: scores[k] for k in ("micro", *TYPES)},
                          "halves": half_scores,
                          "doc_unique_f1": unique_f1, "raw_model_micro_f1": raw_scores["micro"]["f1"],
                          "model": model, "seconds": round(seconds, 2)}))
        return 0
    print(f"data: {args.data.name}; documents: {len(docs)}; model: {model}; {seconds:.1f} s "
          f"({len(docs) / seconds:.1f} documents/s)")
    print(f"| {'type':<6} | {'P':>6} | {'R':>6} | {'F1':>6} | {'raw model F1':>12} |")
    print(f"|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 14}|")
    for t in (*TYPES, "micro"):
        s = scores[t]
        print(f"| {t:<6} | {s['p']:6.3f} | {s['r']:6.3f} | {s['f1']:6.3f} | {raw_scores[t]['f1']:12.3f} |")
    print(f"document-level unique-actor F1: {unique_f1:.3f} (P {up:.3f}, R {ur:.3f})")
    print("\n| half | PER F1 | ORG F1 | LOC F1 | micro P | micro R | micro F1 |")
    print("|---|---|---|---|---|---|---|")
    for name, h in half_scores.items():
        print(f"| {name} | {h['PER']['f1']:.3f} | {h['ORG']['f1']:.3f} | {h['LOC']['f1']:.3f} | {h['micro']['p']:.3f} "
              f"| {h['micro']['r']:.3f} | {h['micro']['f1']:.3f} |")
    if args.errors:
        for kind in ("not gold", "wrong type", "missed"):
            for t in TYPES:
                top = [(text, n) for (k, tt, text), n in errors.most_common() if k == kind and tt == t][:args.errors]
                if top:
                    print(f"\n{kind} {t}: " + "; ".join(f"{text} ({n})" for text, n in top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
