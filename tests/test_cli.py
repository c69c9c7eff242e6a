import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from conftest import ARTICLES

runner = CliRunner()


@pytest.fixture(autouse=True)
def away_from_the_repo_config(tmp_path, monkeypatch):
    """Run where no ./config.yaml is picked up by default."""
    monkeypatch.chdir(tmp_path)


def test_help_shows_an_example():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "briefing generate examples/" in result.output
    result = runner.invoke(app, ["generate", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "--date" in result.output


def test_help_does_not_import_heavy_libraries():
    code = "import sys; from briefing.cli import app; print(any(m in sys.modules for m in ('spacy', 'weasyprint', 'sumy')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("briefing ")


def test_generate_writes_markdown_and_pdf(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["generate", str(ARTICLES / "bridge-closure.txt"),
                                 str(ARTICLES / "bridge-closure-second-source.md"),
                                 "--date", "2026-03-03", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    md, pdf = out / "brief-2026-03-03.md", out / "brief-2026-03-03.pdf"
    assert result.stdout == f"Wrote {md}\nWrote {pdf}\n"
    text = md.read_text()
    assert "Owen Pritchard" in text and "Severn" in text
    assert "Broadband" not in text and "newsletter" not in text
    assert pdf.read_bytes().startswith(b"%PDF")


def test_bad_config_is_one_clear_line(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("summary:\n  sentences: three\n")
    result = runner.invoke(app, ["generate", str(ARTICLES), "--config", str(config)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {config}: summary.sentences: expected an integer, got 'three'\n"
    assert "Traceback" not in result.output


def test_missing_input_is_reported(tmp_path):
    missing = tmp_path / "nowhere"
    result = runner.invoke(app, ["generate", str(missing), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr == f"Error: input not found: {missing}\n"
    assert not (tmp_path / "out").exists()


def test_bad_format_and_date(tmp_path):
    result = runner.invoke(app, ["generate", str(ARTICLES), "--format", "md,docx"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --format: expected formats from md, pdf, email, html, got 'docx'\n"
    result = runner.invoke(app, ["generate", str(ARTICLES), "--date", "06/01/2020"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --date: expected a date as YYYY-MM-DD, got '06/01/2020'\n"


def test_a_bad_input_does_not_sink_the_batch(tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(ARTICLES, inputs)
    (inputs / "scan.txt").write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "out"
    result = runner.invoke(app, ["generate", str(inputs), "--date", "2026-03-03", "--out", str(out),
                                 "--format", "md"])
    assert result.exit_code == 1
    assert "scan.txt: binary file, not text" in result.stderr
    assert result.stderr.strip().endswith("4 article(s) used, 2 skipped")
    text = (out / "brief-2026-03-03.md").read_text()
    assert "- scan.txt: binary file, not text" in text
    assert "- wire.jsonl#2: no 'text'" in text


def test_config_inputs_and_source_date_epoch(tmp_path, monkeypatch):
    config = tmp_path / "config.yaml"
    config.write_text(f"inputs: [{ARTICLES / 'city-hall.html'}]\noutput_dir: briefs\nformats: [md]\ntitle: Council watch\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772668800")  # 2026-03-05
    result = runner.invoke(app, ["generate", "--config", str(config), "-q"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "briefs" / "brief-2026-03-05.md").read_text()
    assert text.startswith("# Council watch\n\n**5 March 2026**")
    assert "Priya Raman" in text


def test_generate_help_names_the_dask_extra_and_shows_jobs_and_a_cluster():
    result = CliRunner().invoke(app, ["generate", "--help"], terminal_width=200)
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "pip install 'briefing[dask]'" in text  # not eaten as markup
    assert "--jobs 4" in text and "--scheduler tcp://" in text
