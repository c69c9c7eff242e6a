"""An interrupted or failed run leaves the previous brief or the new one, never a torn file."""

from __future__ import annotations

import os

import pytest

from briefing.errors import RenderError
from briefing.outputs import write_brief
from conftest import small_brief


def _previous(out):
    out.mkdir()
    old = {"md": b"# previous brief\n", "pdf": b"%PDF-previous"}
    for fmt, data in old.items():
        (out / f"brief-2026-03-03.{fmt}").write_bytes(data)
    return old


def test_interrupted_while_writing_keeps_the_previous_brief(tmp_path, monkeypatch):
    out = tmp_path / "out"
    old = _previous(out)

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_brief(small_brief(), ["md", "pdf"], out)
    for fmt, data in old.items():
        assert (out / f"brief-2026-03-03.{fmt}").read_bytes() == data
    assert sorted(p.name for p in out.iterdir()) == ["brief-2026-03-03.md", "brief-2026-03-03.pdf"]


def test_failed_render_keeps_the_previous_brief(tmp_path):
    out = tmp_path / "out"
    old = _previous(out)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.html.j2").write_text("{{ brief.missing }}")
    with pytest.raises(RenderError):
        write_brief(small_brief(), ["md", "pdf"], out, templates)
    for fmt, data in old.items():
        assert (out / f"brief-2026-03-03.{fmt}").read_bytes() == data  # md was not replaced either


def test_full_disk_is_an_error_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    out = tmp_path / "out"
    old = _previous(out)
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    with pytest.raises(RenderError, match="No space left on device"):
        write_brief(small_brief(), ["md"], out)
    assert (out / "brief-2026-03-03.md").read_bytes() == old["md"]
    assert sorted(p.name for p in out.iterdir()) == ["brief-2026-03-03.md", "brief-2026-03-03.pdf"]
