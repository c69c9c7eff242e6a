"""``python -m briefing``: the same command line as ``briefing``."""

from briefing.cli import app

app(prog_name="briefing")
