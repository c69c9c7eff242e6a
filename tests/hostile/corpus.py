"""A corpus of broken and hostile inputs, written by the tests, with what each should become.

Each case is a file (or a record of one) and its expected outcome: ``used`` with a phrase
the brief must show, or ``skipped`` with words of the one-line reason.
"""

from __future__ import annotations

import codecs
import json
import random
from dataclasses import dataclass
from pathlib import Path

STORY = (
    "Storm Ellen closed the coastal road between Marlow Bay and Penrith Point on Tuesday, the county "
    "council said. About 300 homes lost power overnight and crews expect to restore supply by Thursday. "
    "The council's highways chief, Dana Whitfield, said the road would reopen once engineers had "
    "inspected the sea wall.\n\nForecasters warned that gusts of up to 80 mph could return at the weekend.\n"
)


@dataclass(frozen=True)
class Case:
    name: str  # the file, or "file#record"
    outcome: str  # "used" or "skipped"
    expect: str  # a phrase of the brief (used) or of the skip reason (skipped)


def _feed(items: str) -> str:
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Coast Wire</title>{items}"
            "</channel></rss>")


def write_corpus(folder: Path) -> list[Case]:
    """Write every case into ``folder``; returns the expected outcomes."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, data: bytes | str, outcome: str, expect: str) -> None:
        path = folder / name.split("#")[0]
        if not path.exists():
            path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        cases.append(Case(name, outcome, expect))

    add("good.txt", "Storm closes coastal road\n\n" + STORY, "used", "Penrith Point")
    add("empty.txt", b"", "skipped", "empty")
    add("blank.txt", "   \n\t\n  \n", "skipped", "empty")
    add("binary.txt", random.Random(0).randbytes(4096), "skipped", "binary file")
    # Few bytes of noise and no NUL byte: it decodes as Windows-1252, then reads as binary.
    add("noise.txt", bytes(range(1, 32)) * 3, "skipped", "binary file")
    add("undecodable.txt", b"Port report \x81\x8d\x8f\x90 " + STORY.encode(), "skipped", "not UTF-8 or Windows-1252")
    add("cp1252.txt", ("Caf\u00e9 owners count the cost of the storm\n\n" + STORY.replace("Ellen", "Fiona"))
        .encode("cp1252"), "used", "Caf\u00e9 owners count the cost of the storm")
    add("utf16.txt", ("Harbour wall repairs begin\n\n" + STORY.replace("Ellen", "Fenna")).encode("utf-16"),
        "used", "Storm Fenna")
    add("utf8-bom.md", codecs.BOM_UTF8 + ("# Ferry timetable cut\n\n" + STORY.replace("Ellen", "Gerda")).encode(),
        "used", "Storm Gerda")
    add("huge.txt", b"flood warning " * (50 * 1024 * 1024 // 14), "skipped", "too large")
    rng = random.Random(1)
    sentence_words = ("the river and council road bridge was in town water crews said homes power "
                      "engineers mayor warned closed reopened").split()
    long_line = " ".join(" ".join(rng.choice(sentence_words) for _ in range(12)).capitalize() + "."
                         for _ in range(700))
    add("one-line.txt", "Harbour town counts the damage\n\nLong-line marker sentence opens the story today. "
        + long_line, "used", "Harbour town counts the damage")
    # A whole article on one line that ends in a photo caption, with no full stop: as JSON feeds send it.
    add("caption-tail.txt", STORY.replace("Ellen", "Hilde").replace("\n", " ").strip()
        + " Residents inspect a cracked wall in Penrith Point on Tuesday morning", "used", "Storm Hilde")
    add("endless-line.txt", "Endless line\n\n" + "The sea wall held again. " * 16000, "skipped", "too long")
    add("no-punctuation.txt", "flood barriers went up along the quay on monday morning and volunteers filled "
        "sandbags in the square while the mayor asked residents near the river to move their cars\n",
        "skipped", "no story text left after cleaning")
    add("numbers.txt", "Figures\n\n12 345 6789.\n2024 55.5 -3.\n+44 (0) 20 7946 0958.\n", "skipped",
        "only numbers")
    add("german.txt", "Hochwasser in Passau\n\nDie Stadt Passau hat am Dienstag den Katastrophenfall "
        "ausgerufen, nachdem die Donau über die Ufer getreten war. Hunderte Helfer füllten Sandsäcke und "
        "sicherten die Altstadt. Der Bürgermeister sagte, die Lage sei ernst, aber unter Kontrolle. Die "
        "Feuerwehr rechnet damit, dass der Pegel in der Nacht weiter steigt und erst am Donnerstag sinkt.\n",
        "skipped", "not in the model's language")
    add("scripts.html",
        "<html><head><title>Bridge inspection finds cracks</title><style>.x{color:red} STYLE-PAYLOAD</style>"
        "<script>var stolen = 'SCRIPT-PAYLOAD';</script></head><body>"
        "<iframe src='http://127.0.0.1:9/ad'>IFRAME-PAYLOAD</iframe><article><h1>Bridge inspection finds cracks</h1>"
        "<p>Engineers found cracks in two supports of the Kellan Bridge during a routine inspection on Monday, "
        "the transport agency said.</p><p>The bridge will close to lorries from Wednesday while repairs are "
        "planned, and about 12,000 drivers a day face detours.</p><script>alert('SCRIPT-PAYLOAD')</script>"
        "</article></body></html>", "used", "Kellan Bridge")
    add("malformed.html", "<html><body><div><p>Ferry services to Corra Island were cancelled on Friday after "
        "a crew shortage, the operator said.<p>Around 400 passengers were rebooked onto Saturday sailings."
        "<div><span>Unclosed <b>tags everywhere</i></body>", "used", "Corra Island")
    add("good.rss", _feed(
        "<item><title>Lifeboat crews rescue 14 from stranded yacht</title><link>https://coastwire.example/yacht</link>"
        "<pubDate>Mon, 06 Jan 2020 09:00:00 GMT</pubDate><description>&lt;p&gt;Lifeboat crews rescued 14 people "
        "from a yacht that ran aground off Marlow Bay on Sunday night, the coastguard said.&lt;/p&gt;&lt;p&gt;"
        "All were brought ashore safely.&lt;/p&gt;&lt;script&gt;FEED-SCRIPT&lt;/script&gt;</description></item>"),
        "used", "Lifeboat crews rescued 14 people")
    add("garbage.rss", "this is not xml at all {{{ <<<", "skipped", "not a readable RSS/Atom feed")
    add("empty.rss", _feed(""), "skipped", "feed has no items")
    add("broken.rss#1", "<?xml version='1.0'?><rss><channel><title>Wire</title><item><title>Half an item</title>"
        "<descr", "skipped", "feed item without text")
    wire = json.dumps({"title": "Port reopens", "text": "The port of Calder reopened on Monday after a two-day "
                       "closure, its operator said. About 40 ships had waited offshore."})
    add("wire.jsonl#1", wire + "\n{not json\n", "used", "port of Calder")
    add("wire.jsonl#2", b"", "skipped", "not valid JSON")
    # Dates that are no dates, or at the ends of the calendar (date arithmetic would overflow).
    add("month-13.md", "---\ntitle: Quay repairs\npublished: 2026-13-45\n---\n" + STORY, "skipped",
        "month must be in 1..12")
    add("february-30.md", "---\ntitle: Quay repairs\npublished: 2026-02-30\n---\n" + STORY, "skipped",
        "day is out of range for month")
    add("quoted-bad-date.md", "---\ntitle: Quay repairs\npublished: '2026-13-45'\n---\n" + STORY, "skipped",
        "is not a date")
    add("year-9999.md", "---\ntitle: Quay repairs\npublished: 9999-12-31\n---\n" + STORY, "skipped",
        "out of the range briefing reads")
    add("year-0001.json#1", json.dumps({"title": "Quay repairs", "text": STORY, "published": "0001-01-01"}),
        "skipped", "out of the range briefing reads")
    add("far-future.rss#1", _feed("<item><title>Quay repairs</title><pubDate>Fri, 31 Dec 9999 09:00:00 GMT</pubDate>"
                                 "<description>Crews began repairs to the quay at Marlow Bay on Monday, the harbour "
                                 "master said, and expect to finish within a week.</description></item>"),
        "skipped", "out of the range briefing reads")
    # Half a character: a lone surrogate from a JSON or YAML escape cannot be written out.
    add("surrogate.json#1", '{"title": "Quay repairs", "text": "Crews began repairs \\ud800 to the quay at Marlow '
        'Bay on Monday, the harbour master said, and expect to finish within a week."}', "skipped", "lone surrogate")
    add("surrogate-title.md", '---\ntitle: "Quay \\ud800 repairs"\n---\n' + STORY, "skipped", "lone surrogate")
    # Nested without end: the parsers would recurse until Python stops them.
    add("nested.json", "[" * 100_000, "skipped", "nested too deeply")
    add("nested.jsonl#1", "[" * 100_000 + "\n", "skipped", "nested too deeply")
    add("nested-front.md", "---\ntitle: x\ndeep: " + "[" * 100_000 + "\n---\n" + STORY, "skipped",
        "levels deep")
    # A few lines of YAML aliases that expand to billions of values.
    bomb = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    add("alias-bomb.md", "---\ntitle: Quay repairs\n" + bomb + "---\n" + STORY, "skipped", "aliases")
    # What would hide or reorder what a reader sees: bidi overrides, zero-width characters.
    add("bidi.md", "---\ntitle: \"Lighthouse \u202ekeeper retires\u202c after 40 years\"\n---\n\nThe "
        "light\u200bhouse keeper at Dun\u2066more Head\u2069 retired on Friday after 40 years, the "
        "harbour trust said. He will hand the keys to the coastguard at a ceremony next month.\n", "used",
        "Lighthouse keeper retires after 40 years")
    # Paragraphs that would open a code fence or a list in the Markdown brief.
    add("fence.txt", "Ferry fares rise\n\n~~~ Ferry fares on the Corra crossing will rise by 8% from March, "
        "the operator said on Monday.\n\n1. The operator blamed the cost of fuel for the rise in fares.\n",
        "used", "Ferry fares on the Corra crossing will rise")
    return cases


# What the brief must never show: page code, styles and frames of the hostile pages.
NEVER_SHOWN = ("SCRIPT-PAYLOAD", "STYLE-PAYLOAD", "IFRAME-PAYLOAD", "FEED-SCRIPT", "color:red")
