"""The errors `briefing` raises for people: each says what went wrong and what to do.

The CLI prints them as ``Error: <message>`` and exits non-zero; a traceback is shown
only with ``--verbose``.
"""


class BriefingError(Exception):
    """Base class of every error meant to be shown to a user."""


class ConfigError(BriefingError):
    """The configuration file is missing, unreadable or invalid."""


class InputError(BriefingError):
    """An input path is missing, or no article could be read."""


class ModelError(BriefingError):
    """The spaCy model named in the config cannot be loaded."""


class RenderError(BriefingError):
    """A template is missing or broken, or an output file cannot be written."""


class NotRecorded(BriefingError):
    """The brief was written but the history could not be updated; ``brief`` and ``paths`` are
    what was written."""

    def __init__(self, message: str, brief, paths) -> None:
        super().__init__(message)
        self.brief = brief
        self.paths = paths
