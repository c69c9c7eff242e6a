import datetime as dt
import io
import re
from pathlib import Path

import pytest

from briefing.errors import RenderError
from briefing.outputs import write_brief
from briefing.render import md_escape, render_html, render_markdown, render_pdf
from conftest import small_brief


def test_markdown_has_every_section_and_source_markers():
    md = render_markdown(small_brief(), None).decode()
    assert md.startswith("# Morning brief\n\n**3 March 2026** · OFFICIAL · Ops desk\n")
    for heading in ("## Summary", "## Articles", "## Key actors", "## Key figures", "## Sources"):
        assert heading in md
    assert "- The harbour reopened on Monday after repairs. [1]" in md
    assert "| Jo Tate (also: Tate) | Person | Mayor | 2 | [1] |" in md
    assert "| about 40 | boats in the harbour | [1] |" in md
    assert "1. Harbour reopens. Coast News, 2 March 2026. <https://coast.example/harbour>" in md


def test_a_title_that_ends_a_sentence_gets_no_second_full_stop_in_the_sources():
    import dataclasses

    brief = small_brief()
    asked = dataclasses.replace(brief.sources[0], title="Will the harbour reopen?")
    brief = dataclasses.replace(brief, sections=[], sources=[asked])  # the sections made again
    md = render_markdown(brief, None).decode()
    assert "1. Will the harbour reopen? Coast News, 2 March 2026." in md
    html = render_html(brief, None)
    assert "Will the harbour reopen?</span>" in html and "reopen?." not in html


def test_article_text_cannot_inject_markdown():
    md = render_markdown(small_brief("Click [here](http://evil.example) <b>now</b> or ![x](y.png) *really*."), None).decode()
    assert "[here](" not in md and "<b>" not in md and "![x]" not in md
    assert md_escape("a_b [c]") == "a_b \\[c\\]"


def test_user_template_overrides_one_block_of_the_builtin(tmp_path):
    (tmp_path / "brief.md.j2").write_text(
        '{% extends "builtin/brief.md.j2" %}\n{% block figures %}## Numbers\n\nNone today.\n{% endblock %}\n')
    md = render_markdown(small_brief(), tmp_path).decode()
    assert "## Numbers\n\nNone today." in md
    assert "## Key figures" not in md
    assert "## Key actors" in md


def test_missing_template_lists_the_folders_searched(tmp_path):
    (tmp_path / "brief.md.j2").write_text('{% include "nothere.j2" %}')
    with pytest.raises(RenderError) as info:
        render_markdown(small_brief(), tmp_path)
    assert str(info.value).startswith(f"template 'nothere.j2' not found; searched: {tmp_path}, ")


def test_template_syntax_error_names_file_and_line(tmp_path):
    (tmp_path / "brief.md.j2").write_text("# ok\n{% if %}\n")
    with pytest.raises(RenderError, match=r"brief\.md\.j2:2: template syntax error"):
        render_markdown(small_brief(), tmp_path)


def test_undefined_variable_is_an_error_not_blank(tmp_path):
    (tmp_path / "brief.md.j2").write_text("{{ brief.nonsense }}")
    with pytest.raises(RenderError, match="nonsense"):
        render_markdown(small_brief(), tmp_path)


def test_pdf_text_has_title_date_and_headings():
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(render_pdf(small_brief(), None)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for expected in ("Morning brief", "3 March 2026", "OFFICIAL", "Summary", "Articles", "Key actors",
                     "Key figures", "Sources", "Jo Tate", "about 40"):
        assert expected in text
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=1)  # A4


def test_a_source_marker_stays_with_its_sentence_in_the_pdf():
    # The first sentence just fills a line and its marker does not fit after it: WeasyPrint broke
    # the line after "The" and set the rest of the sentence with its marker on the next line. A
    # marker glued to its sentence (a no-break space) moves down with the sentence's last word.
    import dataclasses

    from pypdf import PdfReader

    from briefing.models import Sentence, Story

    brief = small_brief()
    first = Sentence(1, 0, "The tugboat will not sail again until the engines are repaired; repairs will take "
                           "weeks, said Tom Holm.")
    story = Story("Tugboat laid up", brief.articles, [first, Sentence(1, 1, "The ferry ran twice a day.")])
    brief = dataclasses.replace(brief, sections=[], stories=[story])
    lines = [line.strip() for page in PdfReader(io.BytesIO(render_pdf(brief, None))).pages
             for line in page.extract_text().splitlines()]
    assert "The" not in lines
    assert any(line.startswith("The tugboat will not sail again") for line in lines)
    html = render_html(brief, None)
    assert not re.search(r'\s<a class="marker"', html)  # no break before any marker


def test_nothing_is_written_when_a_format_fails(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.html.j2").write_text("{{ brief.missing }}")
    out = tmp_path / "out"
    with pytest.raises(RenderError):
        write_brief(small_brief(), ["md", "pdf"], out, templates)
    assert not out.exists() or list(out.iterdir()) == []


def test_markdown_lines_fit_a_mail_client_and_wrapping_starts_no_list():
    from briefing.render import md_wrap

    wrapped = md_wrap("- The count rose to " + "x " * 30 + "2. - + # = in the text", "  ", width=30)
    lines = wrapped.splitlines()
    assert all(len(line) <= 30 for line in lines)
    assert lines[0].startswith("- ")
    for line in lines[1:]:
        assert line.startswith("  ") and not re.match(r"\s*(\d+[.)]\s|[-+=#]\s)", line), line
    assert " ".join(line.strip() for line in lines).replace("\\", "") == (
        "- The count rose to " + "x " * 30 + "2. - + # = in the text").strip()
    md = render_markdown(small_brief("The harbour reopened on Monday after repairs. " * 8), None).decode()
    assert all(len(line) <= 78 for line in md.splitlines() if not line.startswith("|"))


def test_pdf_draws_non_latin_names_with_an_installed_font():
    names = "Иван Петров, Νίκος Παππάς, محمد علي and דוד לוי met in Geneva."
    from briefing.render import uncovered_characters

    assert uncovered_characters(names) == []  # DejaVu (a documented requirement) covers these scripts
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(render_pdf(small_brief(names), None)))
    text = "".join(page.extract_text() for page in reader.pages)
    for name in ("Иван", "Петров", "Νίκος", "Παππάς"):
        assert name in text


def test_characters_no_font_can_draw_are_reported(monkeypatch, caplog):
    import briefing.render as render

    monkeypatch.setattr(render, "_installed_coverage", lambda: ((0x20, 0x24F),))
    assert render.uncovered_characters("Café 東京 Ωmega") == ["Ω", "京", "東"]
    with caplog.at_level("WARNING", logger="briefing.render"):
        render_pdf(small_brief("Talks in 東京 ended."), None)
    assert "no installed font has" in caplog.text and "東" in caplog.text and "fonts-noto-cjk" in caplog.text
