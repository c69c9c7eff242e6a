"""How much of a real news page reaches the brief as story text, and how much page junk comes with it.

    .venv/bin/python benchmarks/pages.py [--data ../shared/bench/pages-dev.jsonl] [--limit N] [--errors N] [--json]

The pages of `pages-dev/` are read and cleaned in one batch as `briefing read` reads them
(`briefing.pipeline.read_articles`: trafilatura, then `briefing.clean`, which also drops the lines a site repeats
above or below the story on its pages) and compared with a person's selection of its article text (`gold`), both as
bags of lower-cased word tokens (`\\w+`):

- *kept*: the gold tokens found in the output, over the gold tokens;
- *junk*: the output tokens not matched in the gold, over the output tokens;
- and *kept* again with a paragraph the gold repeats word for word counted once: a few pages print
  their story twice, the person kept both copies, and the brief keeps one by design;

pooled over the pages of each source set (micro), for all full-gold pages, and for each fixed half of them (A, B: by
a hash of the page id; develop on one, confirm on the other). Pages left empty count the gold pages with no output.
Snippet pages (`gold_kind` "snippets") count the gold snippets found and the forbidden ones (`without`) leaked.
The baseline row is trafilatura's bare extraction, as briefing called it before cleaning, in the same run.

Metadata, per page as `briefing read` gives it: a title, and whether it is the headline a person took from the page
(`title`, where the data has one; same words up to case and punctuation); a link, over the pages whose HTML names
one (canonical or `og:url`; right when it is that link); source names a reader cannot use (a URL, a title glued on,
a copyright line, a phrase, a country), and pages with no name but their file's; and the page's date against the
date in its address, over the pages whose `url` holds one ("/2008/01/14/", "20080113": a silver standard, as a
site may put the day it filed the story there), as the same day, one or two days off, further off, or undated.
`--errors N` lists the N pages with most junk, with their junk lines, every unusable source name and every source
name given, and the dates further off, for a person to read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from briefing.actors.names import country_code
from briefing.lang import profile
from briefing.models import Article
from briefing.pipeline import read_articles
from common import half_of, parser, read_rows

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "pages-dev.jsonl"
_TOKEN = re.compile(r"\w+")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")


def url_date(url: str | None) -> dt.date | None:
    """The day a page's address gives: "/2008/01/14/", "news_20080113-..."."""
    found = _URL_DATE.search(urlsplit(url).path if url else "")
    return dt.date(*map(int, found.groups())) if found else None
_CANONICAL = re.compile(r"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*>|<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*>",
                        re.I)
_HREF = re.compile(r"\b(?:href|content)=[\"']([^\"']+)[\"']", re.I)


def tokens(text: str) -> Counter:
    return Counter(_TOKEN.findall(text.lower()))


def overlap(gold: Counter, out: Counter) -> int:
    return sum(min(n, out[t]) for t, n in gold.items())


def once(gold: str) -> str:
    """The gold text with a paragraph it repeats word for word kept once: some pages print their
    story twice (a second copy for print or another layout), the person selecting kept both, and
    the brief keeps one copy by design (the cleaner leaves out a line it has already read)."""
    seen: set[str] = set()
    kept = []
    for paragraph in gold.split("\n"):
        key = " ".join(paragraph.split())
        if key and key in seen:
            continue
        seen.add(key)
        kept.append(paragraph)
    return "\n".join(kept)


def flat(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def same_title(ours: str | None, gold: str) -> bool:
    """The same headline, up to case, punctuation and spacing."""
    return " ".join(_TOKEN.findall((ours or "").lower())) == " ".join(_TOKEN.findall(gold.lower()))


def named_link(html: str) -> str | None:
    """The page's own link (canonical or og:url), when it is an absolute http(s) URL."""
    for tag in _CANONICAL.findall(html):
        found = _HREF.search(tag)
        if found and found.group(1).startswith(("http://", "https://")):
            return found.group(1)
    return None


def same_link(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    x, y = urlsplit(a.strip()), urlsplit(b.strip())
    return (x.netloc.lower().removeprefix("www."), x.path.rstrip("/"), x.query) == \
        (y.netloc.lower().removeprefix("www."), y.path.rstrip("/"), y.query)


def unusable_source(name: str | None, stem: str) -> str | None:
    """Why a source name would puzzle a reader, or None."""
    if not name or name == stem:
        return "none (the file name)"
    if "://" in name or name.lower().startswith("www."):
        return "a URL"
    if " | " in name or (" - " in name and len(name.split()) > 6):
        return "a title glued on"
    if re.search(r"©|copyright|all rights reserved", name, re.I):
        return "a copyright line"
    if len(name.split()) > 6:
        return "a phrase, not a name"
    if country_code(name, profile("en")) or country_code(name + ".", profile("en")):  # "U.S" of "U.S."
        return "a country"
    if re.fullmatch(r"[A-Z][\w.'’ -]*, [A-Z]{2}\.?", name):
        return "a town and its state"
    return None


def baseline_text(html: str) -> str:
    """trafilatura's bare extraction, as briefing called it before its own cleaning."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                            include_images=False)
    text = extracted.text if extracted is not None else ""
    return text if (text or "").strip() else (trafilatura.html2txt(html) or "")


def main() -> int:
    options = parser(__doc__, DEFAULT_DATA, "pages")
    options.add_argument("--errors", type=int, default=0, help="list the N pages with most junk")
    options.add_argument("--no-baseline", action="store_true", help="skip trafilatura's bare row (faster)")
    args = options.parse_args()
    rows = read_rows(args.data, args.limit)
    if rows is None:
        return 2
    folder = args.data.with_suffix("")
    if not folder.is_dir():
        print(f"{folder} not found: the pages themselves are needed (see ../shared/bench/README.md)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    counts: dict[str, Counter] = defaultdict(Counter)  # group -> gold, out, found (and the baseline's)
    pages: list[dict] = []
    meta = Counter()
    bad_sources: list[str] = []
    off_dates: list[str] = []
    names: Counter = Counter()
    # All pages in one batch, as the brief reads them: lines a site repeats on its pages go.
    paths = [folder / f"{row['id']}.html" for row in rows]
    read = {item.path: item for item in read_articles(paths) if isinstance(item, Article)}
    for row, path in zip(rows, paths):
        html = path.read_text(encoding="utf-8", errors="replace")
        article = read.get(path)
        out = article.text if article else ""
        gold_text = row["gold"] or ""
        if row.get("gold_kind") == "snippets":
            snippets = [s for s in gold_text.split("\n\n") if s.strip()]
            counts["snippets"]["gold"] += len(snippets)
            counts["snippets"]["found"] += sum(flat(s) in flat(out) for s in snippets)
            counts["snippets"]["without"] += len(row.get("without") or [])
            counts["snippets"]["leaked"] += sum(flat(s) in flat(out) for s in row.get("without") or [])
            if not args.no_baseline:
                base = baseline_text(html)
                counts["snippets"]["baseline found"] += sum(flat(s) in flat(base) for s in snippets)
                counts["snippets"]["baseline leaked"] += sum(flat(s) in flat(base) for s in row.get("without") or [])
        else:
            gold, got = tokens(gold_text), tokens(out)
            single = tokens(once(gold_text))
            tally = Counter(gold=sum(gold.values()), out=sum(got.values()), found=overlap(gold, got),
                            empty=int(not out.strip() and bool(gold)), pages=1,
                            **{"gold once": sum(single.values()), "found once": overlap(single, got)})
            if not args.no_baseline:
                base = tokens(baseline_text(html))
                tally.update({"baseline out": sum(base.values()), "baseline found": overlap(gold, base),
                              "baseline empty": int(not base and bool(gold))})
            for group in (row["source_set"], "all full-gold", f"half {half_of(row['id'])}"):
                counts[group].update(tally)
            junk_lines = [p for p in (article.paragraphs if article else [])
                          if sum(1 for t in _TOKEN.findall(p.lower()) if t not in gold) > len(p.split()) / 2]
            pages.append({"id": row["id"], "junk": tally["out"] - tally["found"], "out": tally["out"],
                          "kept": tally["found"] / tally["gold"] if tally["gold"] else 1.0, "lines": junk_lines})
        meta["pages"] += 1
        meta["title"] += bool(article and article.title and article.title != path.stem)
        if row.get("title"):  # the headline a person took from the page, where the data has it
            right = bool(article and same_title(article.title, row["title"]))
            for group in ("", f" half {half_of(row['id'])}"):
                meta[f"gold titles{group}"] += 1
                meta[f"title right{group}"] += right
        day = url_date(row.get("url"))
        if day is not None:
            ours = article.published if article else None
            gap = abs((ours - day).days) if ours else None
            meta["dated urls"] += 1
            meta["date " + ("undated" if gap is None else "same day" if gap == 0 else "1-2 days off" if gap <= 2
                            else "further off")] += 1
            if gap is not None and gap > 2:
                off_dates.append(f"{row['id']}: {ours} (address {day}, {gap} days)")
        link = named_link(html)
        if link:
            meta["pages naming a link"] += 1
            meta["link"] += same_link(article.url if article else None, link)
        why = unusable_source(article.source if article else None, path.stem)
        if why == "none (the file name)":
            meta["no source name"] += 1
        elif why:
            meta["unusable source"] += 1
            bad_sources.append(f"{row['id']}: {article.source if article else None!r} ({why})")
        if article and why is None:
            names[article.source] += 1
    seconds = time.perf_counter() - started

    def score(c: Counter, prefix: str = "") -> dict:
        out, found = c[f"{prefix}out"], c[f"{prefix}found"]
        result = {"pages": c["pages"], "kept": round(found / c["gold"], 4) if c["gold"] else 0.0,
                  "junk": round((out - found) / out, 4) if out else 0.0, "empty": c[f"{prefix}empty"]}
        if not prefix and c["gold once"]:
            result["kept, gold once"] = round(c["found once"] / c["gold once"], 4)
        return result

    groups = [g for g in ("l3s-gn1", "dragnet-2012", "all full-gold", "half A", "half B") if counts[g]["pages"]]
    result = {
        "pages": len(rows),
        "briefing": {g: score(counts[g]) for g in groups},
        "baseline": {} if args.no_baseline else {g: score(counts[g], "baseline ") for g in groups},
        "snippets": dict(counts["snippets"]),
        "metadata": {"title": meta["title"] / meta["pages"] if meta["pages"] else 0.0,
                     **{f"title right{g}": round(meta[f"title right{g}"] / meta[f"gold titles{g}"], 4)
                        for g in ("", " half A", " half B") if meta[f"gold titles{g}"]},
                     "pages with a gold title": meta["gold titles"],
                     "link": meta["link"] / meta["pages naming a link"] if meta["pages naming a link"] else 0.0,
                     "pages naming a link": meta["pages naming a link"],
                     "unusable source names": meta["unusable source"],
                     "no source name (the file name)": meta["no source name"],
                     "pages dated by their address": meta["dated urls"],
                     **{f"date {k}": meta[f"date {k}"] for k in ("same day", "1-2 days off", "further off", "undated")}},
        "seconds": round(seconds, 1),
    }
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"data: {args.data.name}; pages: {len(rows)}; {seconds:.1f} s")
    print("| extraction | set | pages | kept | junk | empty |")
    print("|---|---|---|---|---|---|")
    for name in ("briefing", "baseline"):
        for group, s in result[name].items():
            label = "briefing read" if name == "briefing" else "trafilatura bare (baseline)"
            print(f"| {label} | {group} | {s['pages']} | {s['kept']:.3f} | {s['junk']:.3f} | {s['empty']} |")
    once_kept = {g: s["kept, gold once"] for g, s in result["briefing"].items() if "kept, gold once" in s}
    if once_kept:
        print("kept with a paragraph the gold repeats counted once (a page printing its story twice): "
              + ", ".join(f"{g} {k:.3f}" for g, k in once_kept.items()))
    sn = result["snippets"]
    if sn:
        print(f"\nsnippets: found {sn.get('found', 0)}/{sn.get('gold', 0)}, forbidden leaked "
              f"{sn.get('leaked', 0)}/{sn.get('without', 0)}"
              + ("" if args.no_baseline else f" (baseline: found {sn.get('baseline found', 0)}, leaked "
                                             f"{sn.get('baseline leaked', 0)})"))
    m = result["metadata"]
    print(f"metadata: title {m['title']:.3f}; link {m['link']:.3f} of {m['pages naming a link']} pages naming one; "
          f"unusable source names {m['unusable source names']}; no name but the file's "
          f"{m['no source name (the file name)']}")
    if m["pages with a gold title"]:
        print(f"title as the page's headline: {m['title right']:.3f} of {m['pages with a gold title']} pages with a "
              f"gold title (half A {m.get('title right half A', 0):.3f}, half B {m.get('title right half B', 0):.3f})")
    if m["pages dated by their address"]:
        print(f"date against the address's date, {m['pages dated by their address']} pages: same day "
              f"{m['date same day']}, 1-2 days off {m['date 1-2 days off']}, further off {m['date further off']}, "
              f"undated {m['date undated']}")
    if args.errors:
        print(f"\nmost junk ({args.errors} pages):")
        for page in sorted(pages, key=lambda p: -p["junk"])[:args.errors]:
            print(f"  {page['id']}: {page['junk']} junk of {page['out']} tokens, kept {page['kept']:.2f}")
            for line in page["lines"][:6]:
                print(f"    - {line[:150]}")
        print("\nunusable source names:")
        for line in bad_sources:
            print(f"  {line}")
        print("\ndates further off than two days from the address's:")
        for line in off_dates:
            print(f"  {line}")
        print("\nsource names (pages):")
        print("  " + "; ".join(f"{name} ({n})" for name, n in sorted(names.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
