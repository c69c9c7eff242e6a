"""A wrong config or template is one line on stderr, exit code 2, no traceback, nothing written."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from conftest import ARTICLES

runner = CliRunner()


@pytest.mark.parametrize("config, template, expected", [
    ("title: Brief\nformats: md: pdf\n", None, "line 2: not valid YAML"),
    ("sumary:\n  sentences: 3\n", None, "did you mean 'summary'"),
    ("summary:\n  sentences: three\n", None, "summary.sentences: expected an integer, got 'three'"),
    ("limits:\n  max_file_mb: -1\n", None, "limits.max_file_mb"),
    ("templates_dir: {templates}\n", ("brief.md.j2", "{% extends 'nowhere.j2' %}"), "'nowhere.j2' not found; searched: "),
    ("templates_dir: {templates}\n", ("brief.md.j2", "line one\n{% if %}\n"), "brief.md.j2:2: template syntax error"),
    ("templates_dir: {templates}\n", ("brief.md.j2", "{{ brief.no_such_field }}"), "has no attribute 'no_such_field'"),
])
def test_config_and_template_errors_are_one_line(tmp_path, monkeypatch, config, template, expected):
    monkeypatch.chdir(tmp_path)
    templates = tmp_path / "templates"
    templates.mkdir()
    if template:
        (templates / template[0]).write_text(template[1])
    path = tmp_path / "config.yaml"
    path.write_text(config.format(templates=templates))
    out = tmp_path / "out"
    result = runner.invoke(app, ["generate", str(ARTICLES / "bridge-closure.txt"), "--config", str(path),
                                 "--out", str(out), "--format", "md"])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_verbose_shows_the_traceback(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "config.yaml").write_text("summary:\n  sentences: three\n")
    result = runner.invoke(app, ["generate", str(ARTICLES / "bridge-closure.txt"), "--config",
                                 str(tmp_path / "config.yaml"), "--verbose"])
    assert result.exit_code == 2
    assert "Traceback" in result.stderr
