"""The Markdown brief of examples/ at a fixed date, pinned byte for byte.

Regenerate after an intended change with `make golden`, then review the diff.
"""

import os
from pathlib import Path

from typer.testing import CliRunner

from briefing.cli import app
from conftest import EXAMPLES

GOLDEN = Path(__file__).parent / "golden" / "brief-2026-01-15.md"


def test_examples_brief_matches_golden(tmp_path):
    result = CliRunner().invoke(app, ["generate", str(EXAMPLES), "--config", str(EXAMPLES.parent / "config.yaml"),
                                      "--date", "2026-01-15", "--format", "md", "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    produced = (tmp_path / GOLDEN.name).read_text(encoding="utf-8")
    if os.environ.get("BRIEFING_UPDATE_GOLDEN"):
        GOLDEN.write_text(produced, encoding="utf-8")
    assert produced == GOLDEN.read_text(encoding="utf-8")
