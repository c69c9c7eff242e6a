"""How well the brief reads key figures: quantities against human-annotated news sentences.

    .venv/bin/python benchmarks/figures.py [--data ../shared/bench/newsquant-dev.jsonl] [--limit N] [--json]

Each sentence is an article of one paragraph; the brief's figure extraction
(`briefing.figures.figures_in`) runs on it. A predicted figure and a gold quantity are paired
one to one within a sentence:

- value F1: the same number ("5,200", "5.2bn", "three" are normalised to numbers; a range
  "252-287" must be predicted as that range; equal up to one part in a million);
- value+unit F1: the same number, and the figure's unit or counted thing matches the gold
  `unit` or `normalized_unit` after lemmatising: the same words, one set inside the other, or
  the same head word. Currency signs and "%" are read as their names ("$" -> dollar).

Published scores on the full NewsQuant set are printed beside ours for comparison. Below the
table: the value precision of the figures a brief would show (those not marked minor: a bare
number, an age, an address, a time of day, a measure that describes a thing), and the scores of
each fixed half of the sentences (A, B: by a hash of the id).
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from briefing.analyse import AnalysisSettings, analyse_articles
from briefing.config import Config
from briefing.models import Article
from briefing.nlp import load_pipeline
from common import half_of, parser, prf, read_rows

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "newsquant-dev.jsonl"
PUBLISHED = [("CQE (published, full set)", 0.920, 0.856), ("quantulum3 (published, full set)", 0.730, 0.472),
             ("GPT-3 (published, full set)", 0.706, 0.591)]
SYMBOLS = {"$": "dollar", "us$": "dollar", "usd": "dollar", "£": "pound", "gbp": "pound", "€": "euro",
           "eur": "euro", "¥": "yen", "%": "percent", "percentage": "percent", "pc": "percent"}
_RANGE = re.compile(r"^\s*(-?[\d.]+(?:e[-+]?\d+)?)\s*-\s*(-?[\d.]+(?:e[-+]?\d+)?)\s*$", re.I)


def gold_value(text: str) -> tuple[float, float] | None:
    """A gold value as (low, high); a single number has low == high."""
    match = _RANGE.match(text)
    try:
        if match:
            return float(match.group(1)), float(match.group(2))
        number = float(text)
        return number, number
    except ValueError:
        return None


def same_number(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return all(abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y)) for x, y in zip(a, b))


class Lemmas:
    """Lemmatise unit phrases with the same spaCy pipeline, once per phrase."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.cache: dict[str, tuple[str, ...]] = {}

    def __call__(self, phrase: str) -> tuple[str, ...]:
        phrase = phrase.strip().lower()
        if phrase not in self.cache:
            phrase_words = SYMBOLS.get(phrase, phrase).replace("per cent", "percent")
            words = []
            with self.nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]):
                for token in self.nlp(phrase_words):
                    if token.is_punct and token.text not in SYMBOLS:
                        continue
                    lemma = SYMBOLS.get(token.lower_, token.lemma_.lower())
                    words.append(SYMBOLS.get(lemma, lemma))
            self.cache[phrase] = tuple(w for w in words if w not in {"a", "an", "the", "of"})
        return self.cache[phrase]


def same_unit(predicted: str, gold: dict, lemmas: Lemmas) -> bool:
    ours = lemmas(predicted)
    if not ours:
        return False
    for phrase in (gold.get("unit", ""), gold.get("normalized_unit", "")):
        theirs = lemmas(phrase) if phrase and phrase != "-" else ()
        if not theirs:
            continue
        if set(ours) <= set(theirs) or set(theirs) <= set(ours) or ours[-1] == theirs[-1]:
            return True
    return False


def predicted_value(figure) -> tuple[float, float] | None:
    if figure.number is None:
        return None
    high = figure.number_high if figure.number_high is not None else figure.number
    return figure.number, high


def pair(predicted: list, gold: list, match) -> int:
    """Greedy one-to-one pairs of predictions and gold quantities that ``match``."""
    used: set[int] = set()
    hits = 0
    for p in predicted:
        for i, g in enumerate(gold):
            if i not in used and match(p, g):
                used.add(i)
                hits += 1
                break
    return hits


def main() -> int:
    options = parser(__doc__, DEFAULT_DATA, "sentences")
    options.add_argument("--errors", action="store_true", help="print the sentences with a mistake")
    args = options.parse_args()
    rows = read_rows(args.data, args.limit)
    if rows is None:
        return 2

    config = Config()
    nlp = load_pipeline(config.nlp.model)
    lemmas = Lemmas(nlp)
    articles = [Article(title="", source=r["id"], paragraphs=[r["text"]], path=Path(r["id"])) for r in rows]

    started = time.perf_counter()
    predictions = [item.figures for item in analyse_articles(articles, AnalysisSettings.from_config(config))]
    seconds = time.perf_counter() - started

    n_pred = n_gold = value_tp = unit_tp = 0
    shown = shown_tp = 0
    halves = {"A": [0, 0, 0, 0], "B": [0, 0, 0, 0]}  # predicted, gold, value tp, unit tp
    for row, figures in zip(rows, predictions):
        gold = [(gold_value(q["value"]), q) for q in row["quantities"]]
        gold = [(v, q) for v, q in gold if v is not None]
        ours = [(predicted_value(f), f) for f in figures]
        n_pred += len(ours)
        n_gold += len(gold)
        v_hits = pair(ours, gold, lambda p, g: p[0] is not None and same_number(p[0], g[0]))
        u_hits = pair(ours, gold, lambda p, g: p[0] is not None and same_number(p[0], g[0])
                      and same_unit(p[1].unit, g[1], lemmas))
        value_tp += v_hits
        unit_tp += u_hits
        half = halves[half_of(row["id"])]
        for i, n in enumerate((len(ours), len(gold), v_hits, u_hits)):
            half[i] += n
        # What a brief shows: the figures not marked minor (a bare number, an age, an address...).
        visible = [(v, f) for v, f in ours if not f.minor]
        shown += len(visible)
        shown_tp += pair(visible, gold, lambda p, g: p[0] is not None and same_number(p[0], g[0]))
        if args.errors and (v_hits != len(gold) or v_hits != len(ours) or u_hits != v_hits):
            print(row["text"])
            print("   gold:", [(q["value"], q["unit"], q["normalized_unit"]) for _, q in gold])
            print("   ours:", [(v, f.value, f.unit, f.counts) for v, f in ours])
    vp, vr, vf = prf(value_tp, n_pred, n_gold)
    up, ur, uf = prf(unit_tp, n_pred, n_gold)
    shown_p = shown_tp / shown if shown else 0.0
    half_scores = {}
    for name, (hp, hg, hv, hu) in halves.items():
        half_scores[name] = {"value_f1": round(prf(hv, hp, hg)[2], 4), "value_unit_f1": round(prf(hu, hp, hg)[2], 4)}
    if args.json:
        print(json.dumps({"sentences": len(rows), "value_f1": round(vf, 4), "value_unit_f1": round(uf, 4),
                          "shown": shown, "shown_value_p": round(shown_p, 4), "halves": half_scores,
                          "value": {"p": round(vp, 4), "r": round(vr, 4)},
                          "value_unit": {"p": round(up, 4), "r": round(ur, 4)}, "seconds": round(seconds, 2)}))
        return 0
    print(f"data: {args.data.name}; sentences: {len(rows)}; quantities: {n_gold}; predicted: {n_pred}; "
          f"{seconds:.1f} s")
    print(f"| {'system':<34} | {'value P':>7} | {'value R':>7} | {'value F1':>8} | {'+unit F1':>8} |")
    print(f"|{'-' * 36}|{'-' * 9}|{'-' * 9}|{'-' * 10}|{'-' * 10}|")
    print(f"| {'briefing (this run)':<34} | {vp:7.3f} | {vr:7.3f} | {vf:8.3f} | {uf:8.3f} |")
    for name, value, unit in PUBLISHED:
        print(f"| {name:<34} | {'':>7} | {'':>7} | {value:8.3f} | {unit:8.3f} |")
    print(f"\nfigures a brief would show (not minor): {shown}, value precision {shown_p:.3f}")
    for name, h in half_scores.items():
        print(f"half {name}: value F1 {h['value_f1']:.3f}, +unit F1 {h['value_unit_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
