"""A story's coverage over the last days as a small inline SVG bar chart (no plotting library).

One bar a day, the brief's own day last and highlighted; the heights are the story's articles
first briefed that day. Made of numbers and dates only, so it is safe to put in a page as is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from markupsafe import Markup

WIDTH, HEIGHT, GAP = 112, 24, 2
DAY_COLOUR, TODAY_COLOUR, EMPTY_COLOUR = "#9fb3c8", "#1f3a5f", "#dde3ea"


def describe(coverage: Sequence[tuple[dt.date, int]]) -> str:
    """The chart in words: "Articles a day, 9 to 15 January: 0 0 1 0 2 0 3"."""
    first, last = coverage[0][0], coverage[-1][0]
    counts = " ".join(str(count) for _, count in coverage)
    return f"Articles a day, {first.day} {first:%B} to {last.day} {last:%B}: {counts}"


def coverage_svg(coverage: Sequence[tuple[dt.date, int]]) -> Markup:
    """An inline SVG of ``coverage`` (day, articles), or nothing for an empty one."""
    if not coverage:
        return Markup("")
    label = describe(coverage)
    top = max(count for _, count in coverage) or 1
    step = WIDTH / len(coverage)
    bars = []
    for i, (day, count) in enumerate(coverage):
        height = max(1.0, round((HEIGHT - 1) * count / top, 1))
        colour = TODAY_COLOUR if i == len(coverage) - 1 else DAY_COLOUR if count else EMPTY_COLOUR
        bars.append(f'<rect class="bar{" today" if i == len(coverage) - 1 else ""}" x="{i * step + GAP / 2:.1f}" '
                    f'y="{HEIGHT - height:.1f}" width="{step - GAP:.1f}" height="{height:.1f}" fill="{colour}">'
                    f'<title>{day.isoformat()}: {count}</title></rect>')
    return Markup(f'<svg class="coverage" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
                  f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}"><title>{label}</title>'
                  + "".join(bars) + "</svg>")
