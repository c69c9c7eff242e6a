"""Templates get plain, immutable data: no way to files, to the brief's own records, or to a
value too big to finish."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from briefing.errors import RenderError
from briefing.models import SkippedInput
from briefing.render import render_template
from conftest import small_brief


def brief_with_a_skipped_file(folder: Path):
    (folder / "notes.txt").write_text("")
    return dataclasses.replace(small_brief(), skipped=[SkippedInput(folder / "notes.txt", "empty: no article text")])


@pytest.mark.parametrize("payload", [
    "{{ brief.skipped[0].path.joinpath('/etc/hostname').read_text() }}",
    "{{ brief.skipped[0].path.parent.joinpath('written.txt').write_text('x') }}",
    "{{ brief.skipped[0].path.parent.iterdir() | list }}",
    "{{ brief.skipped[0].path.open().read() }}",
    "{{ brief.sources.append(1) }}{{ brief.sources | length }}",
    "{% set _ = brief.sections.pop() %}{{ brief.sections | length }}",
    "{{ brief.actors[0].aliases.clear() }}",
    "{{ brief.title.__class__ }}",
])
def test_a_template_cannot_reach_files_or_change_the_brief(tmp_path, payload):
    brief = brief_with_a_skipped_file(tmp_path)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.md.j2").write_text(payload)
    with pytest.raises(RenderError):
        render_template("brief.md.j2", brief, templates)
    assert not (tmp_path / "written.txt").exists()
    assert len(brief.sources) == 1 and len(brief.actors[0].aliases) == 1  # the brief is as it was


def test_a_template_still_shows_a_skipped_file_by_name(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.md.j2").write_text("{% for item in brief.skipped %}{{ item.path.name }}: {{ item.reason }}"
                                           "{% endfor %} {{ brief.stories | length }} {{ brief.sections[0].items | length }}")
    assert render_template("brief.md.j2", brief_with_a_skipped_file(tmp_path), templates) == \
        "notes.txt: empty: no article text 0 1"


@pytest.mark.parametrize("payload", ["{{ 'a' * 10**10 }}", "{{ [1] * 10**9 }}", "{{ 7 ** (10 ** 9) }}",
                                     "{{ (brief.title * 100000) * 100000 }}"])
def test_a_template_cannot_build_a_value_too_big_to_finish(tmp_path, payload):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.md.j2").write_text(payload)
    started = time.monotonic()
    with pytest.raises(RenderError, match="may not"):
        render_template("brief.md.j2", small_brief(), templates)
    assert time.monotonic() - started < 5
