"""Broken and hostile articles: each is used or skipped with a one-line reason, the rest of
the batch still makes a brief, and the run says how many were used and skipped."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from corpus import NEVER_SHOWN, write_corpus

runner = CliRunner()
DATE = "2026-01-15"


def invoke(args: list[str], where):
    """Run the CLI from a folder without a config.yaml, so only built-in defaults apply."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(where)
        return runner.invoke(app, args)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "in"
    return folder, write_corpus(folder)


@pytest.fixture(scope="module")
def run(corpus, tmp_path_factory):
    folder, cases = corpus
    out = tmp_path_factory.mktemp("out")
    result = invoke(["generate", str(folder), "--date", DATE, "--out", str(out), "--format", "md"], out)
    return result, (out / f"brief-{DATE}.md").read_text(encoding="utf-8"), cases


def _skip_lines(stderr: str) -> dict[str, str]:
    lines = {}
    for line in stderr.splitlines():
        match = re.match(r"Skipped (.+?): (.+)$", line)
        if match:
            lines[match.group(1).replace("\\", "/").rsplit("/", 1)[-1]] = match.group(2)
    return lines


def test_the_batch_survives_and_says_what_it_used_and_skipped(run):
    result, _, cases = run
    used = sum(c.outcome == "used" for c in cases)
    skipped = len(cases) - used
    assert result.exit_code == 1, result.output  # written, with skips
    assert result.stderr.splitlines()[-1] == f"{used} article(s) used, {skipped} skipped"
    assert "Traceback" not in result.output and "unexpected failure" not in result.output
    assert "Warning" not in result.stderr  # library warnings do not reach the reader


def test_every_case_has_its_outcome(run):
    result, brief, cases = run
    skips = _skip_lines(result.stderr)
    for case in cases:
        if case.outcome == "skipped":
            assert case.name in skips, f"{case.name} was not skipped"
            assert case.expect in skips[case.name], f"{case.name}: {skips[case.name]}"
            assert "\n" not in skips[case.name]
        else:
            assert case.name not in skips, f"{case.name} skipped: {skips.get(case.name)}"
            assert case.expect in brief, f"{case.name}: {case.expect!r} not in the brief"
    # The brief lists the skipped inputs too, under "Not included": the first ones by name, then a count.
    from briefing.render import SKIPPED_LISTED

    listed = brief.split("\nNot included:\n")[1]
    assert len(re.findall(r"^- ", listed, re.M)) == min(len(skips), SKIPPED_LISTED) + (len(skips) > SKIPPED_LISTED)
    assert len(skips) <= SKIPPED_LISTED or f"- and {len(skips) - SKIPPED_LISTED} more" in listed


def test_page_code_never_reaches_the_brief(run):
    _, brief, _ = run
    for payload in NEVER_SHOWN:
        assert payload not in brief


def test_nothing_invisible_reaches_the_brief_and_no_paragraph_opens_a_fence(run):
    _, brief, _ = run
    assert not re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\x00-\x08]", brief)
    assert not re.search(r"^(~~~|```)", brief, re.M)
    assert "\n## Sources\n" in brief and "\nNot included:\n" in brief  # nothing swallowed by a fence


def test_same_inputs_give_byte_identical_markdown(corpus, run, tmp_path):
    folder, _ = corpus
    _, first, _ = run
    result = invoke(["generate", str(folder), "--date", DATE, "--out", str(tmp_path), "--format", "md", "--quiet"],
                    tmp_path)
    assert result.exit_code == 1
    assert (tmp_path / f"brief-{DATE}.md").read_text(encoding="utf-8") == first


def test_strict_writes_nothing_when_anything_would_be_skipped(corpus, tmp_path):
    folder, cases = corpus
    out = tmp_path / "out"
    result = invoke(["generate", str(folder), "--date", DATE, "--out", str(out), "--strict", "--quiet"], tmp_path)
    assert result.exit_code == 2
    skipped = sum(c.outcome == "skipped" for c in cases)
    assert result.stderr.startswith(f"Error: --strict: {skipped} input(s) would be skipped, so nothing was written; ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_strict_passes_a_clean_batch(corpus, tmp_path):
    folder, _ = corpus
    out = tmp_path / "out"
    result = invoke(["generate", str(folder / "good.txt"), "--date", DATE, "--out", str(out), "--format", "md",
                     "--strict", "--quiet"], tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == "1 article(s) used, 0 skipped"
