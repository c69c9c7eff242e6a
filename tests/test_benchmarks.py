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


def test_pages_kept_and_junk_are_bags_of_words():
    from pages import overlap, tokens, unusable_source

    gold = tokens("The ferry left. The ferry came back.")
    out = tokens("The ferry left. Sign up now!")
    assert overlap(gold, out) == 3  # "the", "ferry", "left": one of each found
    assert sum(out.values()) - overlap(gold, out) == 3  # "sign", "up", "now" are junk
    assert unusable_source("https://harbour.example/", "page") == "a URL"
    assert unusable_source("page", "page") == "none (the file name)"
    assert unusable_source("Harbour Times", "page") is None


def test_pages_kept_can_count_a_paragraph_the_gold_repeats_once():
    from pages import once

    gold = "The ferry left at six.\nIt came back at noon.\n\nThe ferry left at six.\n  It came back  at noon."
    assert once(gold) == "The ferry left at six.\nIt came back at noon.\n"


def test_timeline_scores_count_each_gold_date_once():
    from collections import Counter

    from timeline import score

    s = score(Counter(gold=4, predicted=5, right=4, matched=3))
    assert (s["p"], s["r"]) == (0.8, 0.75)
