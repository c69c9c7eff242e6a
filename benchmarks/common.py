"""What the accuracy benchmarks share: their command line, reading a data set, P/R/F1."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path


def parser(doc: str, default_data: Path, items: str) -> argparse.ArgumentParser:
    """The options every accuracy benchmark takes: --data, --limit and --json."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--limit", type=int, default=None, help=f"score only the first N {items}")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def read_rows(path: Path, limit: int | None) -> list[dict] | None:
    """The records of a JSON Lines data set; None, after saying so, when it is absent or not JSON Lines."""
    if not path.is_file():
        print(f"{path} not found: nothing to measure (see ../shared/bench/README.md)", file=sys.stderr)
        return None
    rows = []
    for number, line in enumerate(path.open(encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"{path}:{number}: not a JSON Lines data set ({exc.msg})", file=sys.stderr)
            return None
        if not isinstance(row, dict):
            print(f"{path}:{number}: expected one JSON object a line", file=sys.stderr)
            return None
        rows.append(row)
    return rows[:limit] if limit else rows


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def half_of(key: str) -> str:
    """A fixed half of a dev set, by a hash of each item's key: develop on "A", confirm on "B"."""
    return "A" if int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "B"
