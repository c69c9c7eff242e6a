"""Nothing leaks through rendering: article text cannot pull files or URLs into the PDF,
templates are sandboxed, and Markdown output shows article text literally."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import RenderError
from briefing.render import builtin_templates_dir, render_template, safe_fetcher
from conftest import small_brief

runner = CliRunner()
SECRET = "LOCAL-SECRET-FILE-CONTENT"


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def _images(pdf: bytes) -> set[tuple[int, int]]:
    """The distinct images of a PDF, by size (a running header repeats its image on every page)."""
    from pypdf import PdfReader

    return {image.image.size for page in PdfReader(io.BytesIO(pdf)).pages for image in page.images}


def _text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_pdf_fetches_nothing_an_article_or_template_points_at(tmp_path, recording_server):
    base, requests = recording_server
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "page.html").write_text(
        f"<html><head><title>Harbour crane collapses</title><link rel='stylesheet' href='{base}/page.css'></head>"
        f"<body><article><h1>Harbour crane collapses</h1><p>A crane collapsed at the Dunmore container terminal "
        f"on Monday, the port authority said.</p><img src='file://{secret}'><img src='{base}/pixel.png'>"
        f"<p>Two workers were taken to hospital. <iframe src='{base}/frame'></iframe></p></article></body></html>")
    (articles / "note.md").write_text(
        f"# Crane inspections ordered\n\nInspectors will check every crane at the Dunmore terminal, the port "
        f"authority said on Tuesday. ![map]({base}/map.png) <img src=\"file://{secret}\"> "
        f"<link rel=stylesheet href=\"{base}/x.css\"> See file://{secret} for details.\n")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "logo.png").write_bytes(_png())
    (templates / "brief.html.j2").write_text(
        '{% extends "builtin/brief.html.j2" %}{% block header %}{{ super() }}'
        '<img src="logo.png" alt="logo">'  # the template folder's own file: allowed
        f'<img src="file://{secret}"><img src="{base}/template.png">'
        f'<link rel="stylesheet" href="{base}/template.css"><style>@import url("{base}/imported.css");</style>'
        '{% endblock %}')
    config = tmp_path / "config.yaml"
    config.write_text(f"templates_dir: {templates}\n")
    out = tmp_path / "out"
    result = runner.invoke(app, ["generate", str(articles), "--config", str(config), "--date", "2026-01-15",
                                 "--out", str(out), "--format", "pdf", "--quiet"])
    assert result.exit_code == 0, result.output
    pdf = (out / "brief-2026-01-15.pdf").read_bytes()
    assert requests == []  # no request reached the server
    assert SECRET not in _text(pdf)
    assert "Dunmore" in _text(pdf)
    assert _images(pdf) == {(4, 4)}  # the logo, nothing else


def test_fetcher_refuses_files_outside_the_template_folders_and_remote_urls(tmp_path, recording_server):
    base, requests = recording_server
    inside = builtin_templates_dir() / "brief.css"
    fetcher = safe_fetcher([builtin_templates_dir()])
    assert b"A4" in fetcher.fetch(inside.as_uri()).read()
    for url in (f"file://{tmp_path}/x.txt", (builtin_templates_dir() / ".." / ".." / "etc").as_uri(),
                f"{base}/a.png", "https://example.com/a.png", "ftp://127.0.0.1/x",
                "data:text/html,<b>x</b>"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch("data:image/png;base64,iVBORw0KGgo=").read().startswith(b"\x89PNG")
    assert requests == []


def test_user_templates_are_sandboxed(tmp_path):
    (tmp_path / "brief.md.j2").write_text("{{ brief.__class__.__init__.__globals__ }}")
    with pytest.raises(RenderError, match="unsafe"):
        render_template("brief.md.j2", small_brief(), tmp_path)
    (tmp_path / "brief.md.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(RenderError, match="unsafe"):
        render_template("brief.md.j2", small_brief(), tmp_path)


@pytest.mark.parametrize("attack", [
    "[click](http://evil.example/phish)", "![x](http://evil.example/t.png)", "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>", "**bold** and _em_", "<http://evil.example>", "| a | b |\n|---|---|",
])
def test_markdown_shows_article_text_literally(attack):
    """Rendered as a mail client would (CommonMark with HTML and tables), the article's text
    shows as written: no link, image, script, emphasis or table comes out of it."""
    import html

    from markdown_it import MarkdownIt

    from briefing.render import render_markdown

    def render(text: str) -> str:
        md = render_markdown(small_brief(f"The harbour reopened on Monday. {text}"), None).decode()
        return MarkdownIt("commonmark").enable("table").render(md)

    rendered, plain = render(attack), render("Nothing to see.")
    for tag in ("<a ", "<img", "<script", "<strong>", "<em>", "<table", "<h"):
        assert rendered.count(tag) == plain.count(tag), tag  # the brief's own markup only
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert " ".join(attack.split()) in text


def test_html_brief_escapes_article_text():
    from briefing.render import render_html

    html = render_html(small_brief("Port <script>alert(1)</script> & <img src=file:///etc/passwd> reopened."), None)
    assert "<script>alert(1)" not in html and "<img src=file" not in html
    assert "&lt;script&gt;" in html


def test_output_is_a_normal_file_of_the_user(tmp_path):
    from briefing.outputs import write_brief

    (path,) = write_brief(small_brief(), ["md"], tmp_path)
    assert path.stat().st_mode & 0o644 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
    assert Path(path).read_text().startswith("# Morning brief")


def test_the_email_fetches_nothing_a_template_links(tmp_path, recording_server):
    base, requests = recording_server
    secret = tmp_path / "secret.css"
    secret.write_text("p { color: " + SECRET + " }")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.html.j2").write_text(
        '{% extends "builtin/brief.html.j2" %}{% block header %}{{ super() }}'
        f'<link rel="stylesheet" href="{base}/mail.css"><link rel="stylesheet" href="{secret.as_uri()}">'
        '{% endblock %}')
    from briefing.outputs import render

    eml = render(small_brief(), "email", templates)
    assert requests == []
    assert SECRET.encode() not in eml
    assert b"The harbour reopened on Monday" in eml


@pytest.mark.parametrize("attack", [
    "~~~ The harbour reopened on Monday.", "``` The harbour reopened.", "1. The harbour reopened.",
    "2) The harbour reopened.", "- The harbour reopened.", "+ The harbour reopened.", "~~The harbour~~ reopened.",
    "# The harbour reopened.", "> The harbour reopened.", "=== The harbour reopened.",
])
def test_an_article_sentence_cannot_open_a_fence_a_list_or_a_heading(attack):
    """A sentence that starts a paragraph or a line (the summary's bullets, a story's first
    sentence, the articles section) shows as written; nothing after it is swallowed."""
    import html

    from markdown_it import MarkdownIt

    from briefing.render import render_markdown

    def render(text: str) -> str:
        md = render_markdown(small_brief(text), None).decode()
        return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md)

    rendered, plain = render(attack), render("The harbour reopened.")
    for tag in ("<pre", "<code", "<ol", "<ul", "<li", "<s>", "<h1", "<h2", "<h3", "<blockquote", "<table"):
        assert rendered.count(tag) == plain.count(tag), tag
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert attack in text
    assert "## Sources" in render_markdown(small_brief(attack), None).decode()
