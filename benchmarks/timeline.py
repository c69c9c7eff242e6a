"""How well the timeline dates what the text says: day dates against TimeML's gold values.

    .venv/bin/python benchmarks/timeline.py [--data ../shared/bench/timeml-dev.jsonl] [--limit N]
        [--errors N] [--json]

Each document (`text`, its creation date `dct`, and gold `timexes` with character spans, `type`
and normalised `value`) goes through the brief's date finding (`briefing.events`: spaCy's DATE
and TIME entities and day words, the tense of the verb each belongs to) and resolution
(`briefing.dates`, read from `dct` as the article's publication date). A predicted day is right
when its span overlaps a gold DATE/TIME expression whose value starts with the same YYYY-MM-DD;
a gold day date no prediction matches is missed. Precision counts predictions, recall gold dates
matched (a prediction over two gold dates matches both). Scores for all documents and for each
fixed half (A, B: by a hash of the document id; develop on one, confirm on the other).

Errors by kind: wrong year, wrong week (same weekday, 7 days off), wrong month/day (any other
day), not a day date in the gold (a duration, an age, a set time, a vague date), not in the gold
at all, and missed; `--errors N` lists N examples of each kind. "timeline lines" are what a
brief shows: each sentence worth a line dated by its first event date; "lines P" is the share
of them whose date overlaps a gold expression of the same day.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from briefing.config import Config
from briefing.dates import day_of, event_day
from briefing.events import date_expressions
from briefing.lang import profile
from briefing.nlp import load_pipeline, parse
from common import half_of, parser, read_rows

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "timeml-dev.jsonl"
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")
KINDS = ("wrong year", "wrong week", "wrong month/day", "not a day date in the gold", "not in the gold", "missed")


def gold_day(timex: dict) -> dt.date | None:
    if timex["type"] in ("DATE", "TIME") and _DAY.match(timex["value"]):
        try:
            return dt.date.fromisoformat(timex["value"][:10])
        except ValueError:
            return None
    return None


def kind_of(predicted: dt.date, gold: dt.date) -> str:
    if predicted.year != gold.year and (predicted.month, predicted.day) == (gold.month, gold.day):
        return "wrong year"
    if abs((predicted - gold).days) % 7 == 0:
        return "wrong week"
    return "wrong month/day"


def score(c: Counter) -> dict:
    """Precision over predictions, recall over gold day dates matched."""
    p = c["right"] / c["predicted"] if c["predicted"] else 0.0
    r = c["matched"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold_day_dates": c["gold"], "predicted": c["predicted"], "right": c["right"], "p": round(p, 4),
            "r": round(r, 4), "f1": round(f1, 4), "lines": c["lines"],
            "lines_p": round(c["lines right"] / c["lines"], 4) if c["lines"] else 0.0}


def main() -> int:
    options = parser(__doc__, DEFAULT_DATA, "documents")
    options.add_argument("--errors", type=int, default=0, help="list N examples of each kind of error")
    args = options.parse_args()
    rows = read_rows(args.data, args.limit)
    if rows is None:
        return 2
    if not all(isinstance(r.get("text"), str) and isinstance(r.get("timexes"), list) and r.get("dct") for r in rows):
        print(f"{args.data}: rows need 'text', 'dct' and 'timexes' (see ../shared/bench/README.md)", file=sys.stderr)
        return 2
    config = Config()
    nlp = load_pipeline(config.nlp.model)
    lang = profile(nlp.lang)
    started = time.perf_counter()
    counts = {name: Counter() for name in ("all", "half A", "half B")}
    errors: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for row, doc in zip(rows, parse((r["text"] for r in rows), nlp, config.nlp.batch_size)):
        text, base = row["text"], dt.date.fromisoformat(row["dct"][:10])
        golds = [(t["start"], t["end"], t, gold_day(t)) for t in row["timexes"]]
        tally = Counter(gold=sum(1 for *_, day in golds if day is not None))
        found: set[int] = set()  # gold day dates matched
        lined: set[int] = set()  # sentences with a timeline line
        for expression in date_expressions(doc, text, lang):
            day = day_of(expression.text, base, expression.forward, lang)
            if day is None:
                continue
            tally["predicted"] += 1
            overlapping = [(i, t, g) for i, (s, e, t, g) in enumerate(golds)
                           if s < expression.end and expression.start < e]
            right = [i for i, t, g in overlapping if g == day]
            if expression.event and expression.sentence not in lined and event_day(
                    expression.text, base, expression.forward, lang) is not None:  # what the timeline shows
                lined.add(expression.sentence)
                tally["lines"] += 1
                tally["lines right"] += bool(right)
            if right:
                tally["right"] += 1
                found.update(right)
                continue
            dated = [(t, g) for i, t, g in overlapping if g is not None]
            if dated:
                kind = kind_of(day, dated[0][1])
                note = f"gold {dated[0][0]['value']}"
            elif overlapping:
                gold = overlapping[0][1]
                kind, note = "not a day date in the gold", f"gold {gold['type']} {gold['value']}"
            else:
                kind, note = "not in the gold", "no gold expression"
            errors[kind] += 1
            examples[kind].append(f"{row['id']}: {expression.text!r} -> {day} ({note}; dct {base}): "
                                  f"{expression.told[:160]}")
        for i, (s, e, t, g) in enumerate(golds):
            if g is not None and i not in found:
                errors["missed"] += 1
                context = text[max(0, s - 60):e + 60].replace("\n", " ")
                examples["missed"].append(f"{row['id']}: {t['text']!r} = {t['value']} (dct {base}): ...{context}...")
        tally["matched"] += len(found)
        for name in ("all", f"half {half_of(str(row.get('id', text)))}"):
            counts[name].update(tally)
    seconds = time.perf_counter() - started
    scores = {name: score(c) for name, c in counts.items()}
    result = {"documents": len(rows), **scores["all"], "halves": {k: v for k, v in scores.items() if k != "all"},
              "errors": {k: errors[k] for k in KINDS}, "seconds": round(seconds, 1)}
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"data: {args.data.name}; documents: {len(rows)}; {seconds:.1f} s")
    print("| documents | gold day dates | predicted | right | P | R | F1 | timeline lines | lines P |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, c in scores.items():
        print(f"| {name} | {c['gold_day_dates']} | {c['predicted']} | {c['right']} | {c['p']:.3f} | {c['r']:.3f} "
              f"| {c['f1']:.3f} | {c['lines']} | {c['lines_p']:.3f} |")
    print("| error | count |")
    print("|---|---|")
    for kind in KINDS:
        print(f"| {kind} | {errors[kind]} |")
    if args.errors:
        for kind in KINDS:
            if examples[kind]:
                print(f"\n{kind}:")
                for line in examples[kind][:args.errors]:
                    print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
