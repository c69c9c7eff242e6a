"""How long a brief takes: time per pipeline step on a batch of real articles.

    .venv/bin/python benchmarks/speed.py [--data ../shared/bench/bbc-dev.jsonl] [--limit 200] [--json]

Reads article texts from a JSON Lines file with `title` and `text` (the BBC dev set when
present); when the file is absent it says so and times the bundled examples/ instead.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from briefing.config import Config
from briefing.pipeline import build_brief
from briefing.outputs import write_brief

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "bbc-dev.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=200, help="articles to read from --data")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        if args.data.is_file():
            inputs = Path(tmp) / "articles.jsonl"
            with args.data.open(encoding="utf-8") as src, inputs.open("w", encoding="utf-8") as dst:
                for i, line in enumerate(src):
                    if i == args.limit:
                        break
                    record = json.loads(line)
                    dst.write(json.dumps({"title": record.get("title"), "text": record["text"],
                                          "source": record.get("category", "bench")}) + "\n")
            label = f"{args.data.name} (first {args.limit})"
        else:
            print(f"note: {args.data} not found; timing the bundled examples/ instead", file=sys.stderr)
            inputs, label = ROOT / "examples", "examples/"

        marks: list[tuple[str, float]] = [("start", time.perf_counter())]
        config = Config().with_overrides(inputs=[inputs])
        brief = build_brief(config, progress=lambda msg: marks.append((msg, time.perf_counter())))
        marks.append(("brief assembled", time.perf_counter()))
        write_brief(brief, ["md"], Path(tmp) / "out")
        marks.append(("markdown written", time.perf_counter()))
        write_brief(brief, ["pdf"], Path(tmp) / "out")
        marks.append(("pdf written", time.perf_counter()))

    steps = [(name, later - earlier) for (_, earlier), (name, later) in zip(marks, marks[1:])]
    total = marks[-1][1] - marks[0][1]
    n = len(brief.sources)
    if args.json:
        print(json.dumps({"data": label, "articles": n, "seconds": round(total, 3),
                          "articles_per_second": round(n / total, 2),
                          "steps": {name: round(sec, 3) for name, sec in steps}}))
        return 0
    print(f"data: {label}; articles: {n}")
    print(f"| {'step (time until this message)':<45} | {'seconds':>8} |")
    print(f"|{'-' * 47}|{'-' * 10}|")
    for name, seconds in steps:
        print(f"| {name[:45]:<45} | {seconds:8.2f} |")
    print(f"| {'total':<45} | {total:8.2f} |")
    print(f"articles per second: {n / total:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
