"""'briefing init' writes a config and templates a user owns; 'briefing templates' says which are used."""

from __future__ import annotations

import yaml
from typer.testing import CliRunner

from briefing.cli import app
from briefing.config import Config, load_config
from briefing.render import builtin_templates_dir
from conftest import ARTICLES

runner = CliRunner()


def test_init_writes_a_valid_commented_config_and_the_templates(tmp_path):
    result = runner.invoke(app, ["init", str(tmp_path / "desk")])
    assert result.exit_code == 0, result.output
    config_file = tmp_path / "desk" / "config.yaml"
    text = config_file.read_text()
    assert "# Output formats: md, pdf, email (.eml), html.\nformats: [md, pdf]\n" in text
    assert "password_env: BRIEFING_SMTP_PASSWORD" in text
    assert Config.model_validate(yaml.safe_load(text)).summary.weights.position == 1.0  # every key valid
    config = load_config(config_file)
    assert config.templates_dir == tmp_path / "desk" / "templates"
    for name in ("brief.md.j2", "brief.html.j2", "brief.css", "archive.html.j2"):
        assert (config.templates_dir / name).read_text() == (builtin_templates_dir() / name).read_text()


def test_init_does_not_overwrite_without_force(tmp_path):
    assert runner.invoke(app, ["init", str(tmp_path)]).exit_code == 0
    (tmp_path / "config.yaml").write_text("title: Mine\n")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2 and "--force" in result.stderr
    assert (tmp_path / "config.yaml").read_text() == "title: Mine\n"
    assert runner.invoke(app, ["init", str(tmp_path), "--force"]).exit_code == 0
    assert (tmp_path / "config.yaml").read_text() != "title: Mine\n"


def test_an_override_extends_the_builtin_and_templates_says_where_each_comes_from(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["init", "."]).exit_code == 0
    (tmp_path / "templates" / "brief.md.j2").write_text(
        '{% extends "builtin/brief.md.j2" %}{% block summary %}## Top lines\n\n{% endblock %}')
    (tmp_path / "templates" / "brief.css").unlink()
    listing = runner.invoke(app, ["templates"]).stdout.splitlines()
    assert [line.split()[:2] for line in listing] == [
        ["brief.md.j2", "user"], ["brief.html.j2", "user"], ["brief.css", "built-in"], ["archive.html.j2", "user"]]
    result = runner.invoke(app, ["generate", str(ARTICLES / "bridge-closure.txt"), "--date", "2026-03-03",
                                 "--format", "md", "--quiet"])
    assert result.exit_code == 0, result.output
    brief = (tmp_path / "out" / "brief-2026-03-03.md").read_text()
    assert "## Top lines" in brief and "## Summary" not in brief
    assert "## Key actors" in brief  # every other block is the built-in one
