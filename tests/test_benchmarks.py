"""The scoring helpers of the benchmarks, on data small enough to check by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from clustering import bcubed, ceiling  # noqa: E402


def test_bcubed_of_a_perfect_and_of_a_lumped_grouping():
    gold = [0, 0, 1, 1]
    assert bcubed([5, 5, 7, 7], gold) == (1.0, 1.0, 1.0)
    p, r, f1 = bcubed([1, 1, 1, 1], gold)
    assert (p, r) == (0.5, 1.0)
    assert f1 == pytest.approx(2 / 3)


def test_ceiling_counts_documents_more_like_another_cluster():
    gold = [0, 0, 0, 1, 1]
    similarity = [
        [1.0, 0.5, 0.1, 0.0, 0.0],
        [0.5, 1.0, 0.1, 0.0, 0.0],
        [0.1, 0.1, 1.0, 0.6, 0.6],  # filed under 0, but reads like cluster 1
        [0.0, 0.0, 0.6, 1.0, 0.7],
        [0.0, 0.0, 0.6, 0.7, 1.0],
    ]
    result = ceiling(similarity, gold)
    assert result["misplaced"] == 1
    # Documents 0 and 1 find 2 of their 3; document 2 finds itself alone; 3 and 4 are whole.
    recall = (2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5
    assert result["ceiling_f1"] == pytest.approx(2 * recall / (1 + recall), abs=1e-4)
