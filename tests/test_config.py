from pathlib import Path

import pytest

from briefing.config import Config, load_config
from briefing.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    return str(info.value)


def test_defaults_without_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config(None)
    assert config.summary.algorithm == "news"
    assert config.summary.engine == "reduction"
    assert config.formats == ["md", "pdf"]
    assert config.output_dir == tmp_path / "out"


def test_repository_config_is_valid_and_documents_every_key():
    repo_config = Path(__file__).parent.parent / "config.yaml"
    config = load_config(repo_config)
    text = repo_config.read_text()
    for name, field in Config.model_fields.items():
        assert f"{name}:" in text, f"config.yaml does not document {name}"
        sub = field.annotation
        if isinstance(sub, type) and hasattr(sub, "model_fields"):
            for key in sub.model_fields:
                assert f"  {key}:" in text, f"config.yaml does not document {name}.{key}"
    assert config.inputs == [repo_config.parent / "examples"]


def test_wrong_type_names_key_and_expectation(tmp_path):
    path = write(tmp_path, "summary:\n  sentences: three\n")
    assert error_of(path) == f"{path}: summary.sentences: expected an integer, got 'three'"


def test_bound_is_reported(tmp_path):
    path = write(tmp_path, "summary:\n  sentences: 0\n")
    assert error_of(path) == f"{path}: summary.sentences: expected an integer >= 1, got 0"


def test_unknown_key_suggests_the_close_one(tmp_path):
    path = write(tmp_path, "summary:\n  sentense: 3\n")
    assert error_of(path) == f"{path}: summary.sentense: unknown key; did you mean 'sentences'?"


def test_unknown_summariser_lists_the_registry(tmp_path):
    path = write(tmp_path, "summary:\n  algorithm: gpt\n")
    message = error_of(path)
    assert message.startswith(f"{path}: summary.algorithm: expected one of news, lexrank, textrank, lsa")
    assert message.endswith("got 'gpt'")


def test_every_error_is_reported_at_once(tmp_path):
    path = write(tmp_path, "title: 5\nformats: [md, docx]\n")
    lines = error_of(path).splitlines()
    assert lines == [
        f"{path}: title: expected a string, got 5",
        f"{path}: formats: expected formats from md, pdf, email, html, got 'docx'",
    ]


def test_yaml_syntax_error_gives_the_line(tmp_path):
    path = write(tmp_path, "title: ok\nsummary: [unclosed\n")
    assert error_of(path).startswith(f"{path}: line ")


def test_missing_file(tmp_path):
    path = tmp_path / "nope.yaml"
    assert error_of(path) == f"{path}: file not found (pass --config with an existing file)"


def test_paths_resolve_against_the_config_folder(tmp_path):
    folder = tmp_path / "conf"
    folder.mkdir()
    path = folder / "config.yaml"
    path.write_text("inputs: [news]\noutput_dir: ../briefs\ntemplates_dir: tpl\n")
    config = load_config(path)
    assert config.inputs == [folder / "news"]
    assert config.output_dir == folder / "../briefs"
    assert config.templates_dir == folder / "tpl"


def test_summary_weights_are_checked(tmp_path):
    path = write(tmp_path, "summary:\n  engine: news\n  weights:\n    position: -1\n    postion: 2\n")
    message = error_of(path)
    assert "summary.engine: expected one of lexrank" in message
    assert "summary.weights.position" in message
    assert "summary.weights.postion: unknown key; did you mean 'position'?" in message
