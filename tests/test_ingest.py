import datetime as dt

import pytest

from briefing.errors import InputError
from briefing.ingest import markdown_to_text, parse_date, read_inputs
from conftest import ARTICLES


def test_reads_every_supported_format_in_name_order():
    docs, skipped = read_inputs([ARTICLES])
    names = [d.path.name for d in docs]
    assert names == ["bridge-closure-second-source.md", "bridge-closure.txt", "city-hall.html", "wire.jsonl"]
    assert [s.path.name for s in skipped] == ["wire.jsonl#2"]
    assert skipped[0].reason == "no 'text'"


def test_markdown_front_matter():
    docs, _ = read_inputs([ARTICLES / "bridge-closure-second-source.md"])
    doc = docs[0]
    assert doc.title == "Severn bridge to stay shut as engineers inspect cables"
    assert doc.source == "Valley Record"
    assert doc.published == dt.date(2026, 3, 3)
    assert "specialist contractors" in doc.text and "](" not in doc.text and "**" not in doc.text


def test_html_main_text_and_metadata():
    docs, _ = read_inputs([ARTICLES / "city-hall.html"])
    doc = docs[0]
    assert doc.title == "City council approves new housing plan"
    assert doc.source == "Metro Bulletin"
    assert doc.published == dt.date(2026, 3, 1)
    assert "4,000 new homes" in doc.text
    assert "Subscribe" not in doc.text and "All rights reserved" not in doc.text


def test_jsonl_records():
    docs, _ = read_inputs([ARTICLES / "wire.jsonl"])
    assert docs[0].title == "Wheat prices climb after poor harvest"
    assert docs[0].published == dt.date(2026, 3, 2)
    assert docs[0].record == 1


def test_a_json_record_may_give_its_date_as_published_or_date(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"title": "A", "text": "One story.", "published": "2026-03-02"}\n'
                    '{"title": "B", "text": "Another story.", "date": "3 March 2026"}\n', encoding="utf-8")
    docs, _ = read_inputs([path])
    assert [d.published for d in docs] == [dt.date(2026, 3, 2), dt.date(2026, 3, 3)]


@pytest.mark.parametrize("written, date", [
    ("2026-03-02T09:30:00Z", dt.date(2026, 3, 2)), ("Mon, 02 Mar 2026 09:00:00 GMT", dt.date(2026, 3, 2)),
    ("3 March 2026", dt.date(2026, 3, 3)), ("March 3, 2026", dt.date(2026, 3, 3)),
    ("yesterday", None), ("March 2026", None), ("soon", None),  # relative or not a day: no date
])
def test_publication_dates_as_machines_and_people_write_them(written, date):
    assert parse_date(written) == date


def test_cp1252_fallback(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("The minister\u2019s caf\u00e9 said \u201cno\u201d to the plan.".encode("cp1252"))
    docs, skipped = read_inputs([path])
    assert not skipped
    assert docs[0].text == "The minister\u2019s caf\u00e9 said \u201cno\u201d to the plan."


def test_binary_empty_and_unsupported_files_are_skipped_not_fatal(tmp_path):
    (tmp_path / "a.txt").write_text("A real article about the harbour reopening on Monday.")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.md").write_text("   \n\n")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    docs, skipped = read_inputs([tmp_path, tmp_path / "notes.docx"])
    assert [d.path.name for d in docs] == ["a.txt"]
    reasons = {s.path.name: s.reason for s in skipped}
    assert reasons["photo.txt"] == "binary file, not text"
    assert reasons["empty.md"] == "empty: no article text"
    assert reasons["notes.docx"].startswith("unsupported file type")


def test_missing_path_stops_the_run(tmp_path):
    with pytest.raises(InputError, match="input not found: .*nowhere"):
        read_inputs([tmp_path / "nowhere"])


def test_markdown_stripping_keeps_words_not_syntax():
    heading, text = markdown_to_text("# Big news\n\nA [link](http://x) and ![img](y.png) and _snake_case_ **bold**.\n")
    assert heading == "Big news"
    assert text.strip() == "A link and  and snake_case bold."


def test_feed_items_are_articles_with_title_link_source_and_date(tmp_path):
    feed = tmp_path / "wire.atom"
    feed.write_text(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Coast Wire</title>"
        "<entry><title>Lifeboat rescue off Marlow Bay</title><link href='https://coastwire.example/rescue'/>"
        "<updated>2020-01-06T09:00:00Z</updated><content type='html'>&lt;p&gt;Crews rescued 14 people on Sunday."
        "&lt;/p&gt;&lt;p&gt;All were brought ashore.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</content></entry>"
        "<entry><title>Empty</title><summary></summary></entry></feed>")
    documents, skipped = read_inputs([feed])
    (doc,) = documents
    assert (doc.title, doc.source, doc.url) == ("Lifeboat rescue off Marlow Bay", "Coast Wire",
                                               "https://coastwire.example/rescue")
    assert doc.published == dt.date(2020, 1, 6)
    assert doc.text.split() == "Crews rescued 14 people on Sunday. All were brought ashore.".split()
    assert "\n\n" in doc.text  # paragraphs stay apart
    assert [(s.path.name, s.reason) for s in skipped] == [("wire.atom#2", "feed item without text")]
