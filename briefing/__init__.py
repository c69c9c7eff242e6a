"""briefing: turn a pile of news articles into a dated situation brief.

The library API is ``briefing.pipeline``: ``build_brief`` assembles a ``Brief`` from
articles and a ``Config``; ``generate`` also writes it as Markdown and PDF.
"""

__version__ = "0.1.0"
