"""How long a brief takes and how much memory, against spaCy's own floor, as the articles grow.

    .venv/bin/python benchmarks/speed.py [--sizes 200,1000,5000] [--jobs N] [--json]
        [--data ../shared/bench/bbc-dev.jsonl ...]

For each size N, in one run, each measurement in a fresh process:

- the floor: spaCy's own ``nlp.pipe`` over the same N texts with the same model and batch size,
  in one process and in ``--jobs`` processes (``n_process``);
- briefing end to end (read, clean, per-article stage, assembly, Markdown and PDF) with
  ``engine.jobs`` 1 and ``--jobs``, with the time of each step (the time until each progress
  message) and the peak memory of the process and its workers (``getrusage``);
- the ratios: briefing with one job over the one-process floor, and one job over ``--jobs``.

Texts come from the JSON Lines files of ``--data`` (their ``text``, or each document of a
Multi-News cluster); past the texts there are, they repeat with new titles (and group as one
story with their copies). When no file is there it says so and times the bundled examples/.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
DEFAULT_DATA = [BENCH / "bbc-dev.jsonl", BENCH / "cnndm-dev.jsonl", BENCH / "multinews-dev.jsonl"]


def texts_from(paths: list[Path]) -> list[dict]:
    records = []
    for path in paths:
        if not path.is_file():
            continue
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            documents = row.get("documents") or ([row["text"]] if row.get("text") else [])
            for n, document in enumerate(documents):
                text = document if isinstance(document, str) else document.get("text", "")
                if len(text.split()) >= 50:
                    records.append({"title": row.get("title") or f"{path.stem} {len(records)}", "text": text,
                                    "source": path.stem})
    return records


def peak_gb() -> float:
    """Peak resident memory of this process or any of its children, in GB (Linux: kilobytes)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1e6


def run_floor(path: Path, jobs: int) -> dict:
    from briefing.config import Config
    from briefing.nlp import load_pipeline

    config = Config()
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    nlp = load_pipeline(config.nlp.model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=config.nlp.batch_size, n_process=jobs):
        pass
    return {"seconds": time.perf_counter() - started, "peak_gb": peak_gb()}


def run_briefing(path: Path, jobs: int) -> dict:
    from briefing.config import Config
    from briefing.outputs import write_brief
    from briefing.pipeline import build_brief

    marks: list[tuple[str, float]] = [("start", time.perf_counter())]
    config = Config().with_overrides(inputs=[path])
    # no history: a brief of the benchmark's own, not one read against the project's out/ folder
    config = config.model_copy(update={"engine": config.engine.model_copy(update={"jobs": jobs}),
                                       "history": config.history.model_copy(update={"enabled": False})})
    brief = build_brief(config, progress=lambda message: marks.append((message, time.perf_counter())))
    marks.append(("brief assembled", time.perf_counter()))
    with tempfile.TemporaryDirectory() as out:
        write_brief(brief, ["md"], Path(out))
        marks.append(("markdown written", time.perf_counter()))
        write_brief(brief, ["pdf"], Path(out))
        marks.append(("pdf written", time.perf_counter()))
    steps: dict[str, float] = {}
    for (_, earlier), (name, later) in zip(marks, marks[1:]):
        key = "analysed" if name.startswith("Analysed") else name
        steps[key] = steps.get(key, 0.0) + later - earlier
    return {"seconds": marks[-1][1] - marks[0][1], "articles": len(brief.sources), "peak_gb": peak_gb(),
            "steps": {k: round(v, 2) for k, v in steps.items()}}


def measure(kind: str, path: Path, jobs: int) -> dict:
    """One measurement in a fresh Python process (its memory is its own)."""
    done = subprocess.run([sys.executable, __file__, "--one", kind, str(path), str(jobs)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    if done.returncode != 0:
        raise SystemExit(f"{kind} with {jobs} job(s) failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, nargs="*", default=DEFAULT_DATA)
    parser.add_argument("--sizes", default="200,1000,5000", help="comma-separated numbers of articles")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="processes (default: cores)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)  # kind, file, jobs: one measurement
    args = parser.parse_args()
    if args.one:
        kind, path, jobs = args.one
        result = (run_floor if kind == "floor" else run_briefing)(Path(path), int(jobs))
        print(json.dumps(result))
        return 0

    pool = texts_from(args.data)
    if not pool:
        print(f"note: none of {', '.join(str(p) for p in args.data)} found; timing examples/ texts instead",
              file=sys.stderr)
        from briefing.ingest import read_inputs

        documents, _ = read_inputs([ROOT / "examples"])
        pool = [{"title": d.title or d.path.stem, "text": d.text, "source": d.source or "examples"} for d in documents]
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"articles-{size}.jsonl"
            with path.open("w", encoding="utf-8") as out:
                for n in range(size):
                    record = dict(pool[n % len(pool)])
                    if n >= len(pool):
                        record["title"] = f"{record['title']} ({n // len(pool) + 1})"
                    out.write(json.dumps(record) + "\n")
            row = {"articles": size, "floor_1": measure("floor", path, 1),
                   f"floor_{args.jobs}": measure("floor", path, args.jobs),
                   "briefing_1": measure("briefing", path, 1),
                   f"briefing_{args.jobs}": measure("briefing", path, args.jobs)}
            row["ratio_1_to_floor"] = round(row["briefing_1"]["seconds"] / row["floor_1"]["seconds"], 2)
            row[f"speedup_{args.jobs}_jobs"] = round(row["briefing_1"]["seconds"]
                                                     / row[f"briefing_{args.jobs}"]["seconds"], 2)
            rows.append(row)
            if not args.json:
                print(f"measured {size} articles", file=sys.stderr)
    if args.json:
        print(json.dumps({"jobs": args.jobs, "texts": len(pool), "rows": rows}))
        return 0
    j = args.jobs
    print(f"texts: {len(pool)} distinct (repeated past that); jobs: {j}; each measurement in a fresh process")
    print(f"| articles | spaCy floor, 1 process | floor, {j} processes | briefing --jobs 1 | briefing --jobs {j} "
          f"| ratio 1 job / floor | speed-up {j} jobs | peak memory, {j} jobs |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['articles']:,} | {row['floor_1']['seconds']:.1f} s | {row[f'floor_{j}']['seconds']:.1f} s "
              f"| {row['briefing_1']['seconds']:.1f} s | {row[f'briefing_{j}']['seconds']:.1f} s "
              f"| {row['ratio_1_to_floor']:.2f}x | {row[f'speedup_{j}_jobs']:.2f}x "
              f"| {row[f'briefing_{j}']['peak_gb']:.2f} GB |")
    print(f"\nsteps of briefing --jobs {j} (seconds until each progress message):")
    names = list(dict.fromkeys(name for row in rows for name in row[f"briefing_{j}"]["steps"]))
    print("| step | " + " | ".join(f"{row['articles']:,}" for row in rows) + " |")
    print("|---|" + "---|" * len(rows))
    for name in names:
        print(f"| {name[:45]} | " + " | ".join(f"{row[f'briefing_{j}']['steps'].get(name, 0):.2f}" for row in rows)
              + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
