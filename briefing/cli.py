"""The ``briefing`` command: a thin layer over ``briefing.pipeline``.

Heavy libraries (spaCy, sumy, WeasyPrint) are imported only inside the command that needs
them, so ``briefing --help`` answers at once.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from typing import Optional

import typer

from briefing import __version__
from briefing.text import visible
from briefing.outputs import FORMATS

EXIT_OK = 0
EXIT_PARTIAL = 1  # the brief was written, but some inputs could not be read
EXIT_ERROR = 2  # nothing was written
EXIT_NOT_SENT = 3  # generate --send: the brief was written but could not be sent
EXIT_NOT_RECORDED = 4  # the brief was written but the history could not be updated

# The --config option of every command that reads the config.
CONFIG_OPTION = typer.Option(
    None, "--config", "-c", help="YAML config file. Default: ./config.yaml if present, else built-in defaults.",
    show_default=False)

app = typer.Typer(
    help="Turn a pile of news articles into a dated situation brief (Markdown and PDF).\n\n"
         "Example:  briefing generate examples/ --date 2020-01-06 --format md,pdf --out out/",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Optional[bool] = typer.Option(  # noqa: UP007 - typer reads the annotation
        None, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Turn a pile of news articles into a dated situation brief (Markdown and PDF)."""


def _config_file(config: Path | None) -> Path | None:
    """The config named with --config, else ./config.yaml if there is one (else defaults)."""
    if config is None and Path("config.yaml").is_file():
        return Path("config.yaml")
    return config


def _sent(message: Path, recipients: list[str], settings) -> str:
    smtp = settings.email.smtp
    return f"Sent {message} to {len(recipients)} recipient(s) via {smtp.host}:{smtp.port}"


def _fail(message: str, verbose: bool) -> None:
    if verbose:
        traceback.print_exc()
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(EXIT_ERROR)


@app.command(
    epilog="Examples:\n\n"
           "  briefing generate examples/ --date 2020-01-06\n\n"
           "  briefing generate feeds/ today.html --config config.yaml --format md --out briefs/\n\n"
           "  briefing generate https://feeds.example/world.rss --format md\n\n"
           "  briefing generate --send            # also write brief-DATE.eml and mail it\n\n"
           "  briefing generate feeds/ --jobs 4   # read and analyse on 4 cores\n\n"
           "  briefing generate feeds/ --scheduler tcp://10.0.0.5:8786   # on a Dask cluster\n\n"
           "Exit status: 0 brief written; 1 brief written but some inputs were skipped (listed, and under\n"
           "'Not included' in the brief); 2 nothing written (bad config, no readable article, or --strict\n"
           "and an input would be skipped); 3 brief written but --send could not send it; 4 brief written\n"
           "but the history could not be updated.",
)
def generate(
    inputs: Optional[list[str]] = typer.Argument(  # noqa: UP007
        None, help="Article files or folders (.txt .md .html .json .jsonl .rss .atom .xml), or feed and page "
                   "URLs. Default: 'inputs' in the config.", show_default=False),
    config: Optional[Path] = CONFIG_OPTION,  # noqa: UP007
    date: Optional[str] = typer.Option(  # noqa: UP007
        None, "--date", "-d", help="Date of the brief, YYYY-MM-DD. Default: $SOURCE_DATE_EPOCH, else today.",
        show_default=False),
    formats: Optional[str] = typer.Option(  # noqa: UP007
        None, "--format", "-f", help=f"Comma-separated output formats: {', '.join(FORMATS)}. Default: 'formats' "
                                     f"in the config.",
        show_default=False),
    out: Optional[Path] = typer.Option(  # noqa: UP007
        None, "--out", "-o", help="Output folder. Default: 'output_dir' in the config.", show_default=False),
    strict: bool = typer.Option(False, "--strict", help="Write nothing if any input would be skipped (exit 2)."),
    since_last: bool = typer.Option(False, "--since-last", help="Leave out stories already in an earlier brief."),
    send: bool = typer.Option(False, "--send", help="Also write the email (.eml) and send it through the SMTP "
                                                    "server in the config."),
    jobs: Optional[int] = typer.Option(  # noqa: UP007
        None, "--jobs", "-j", min=1, help="Worker processes for the per-article stage. Default: 'engine.jobs' in "
                                          "the config, else one per core.", show_default=False),
    scheduler: Optional[str] = typer.Option(  # noqa: UP007
        None, "--scheduler", help="Run the per-article stage on the Dask cluster at this scheduler address "
                                  "(tcp://host:8786; needs pip install 'briefing\\[dask]').", show_default=False),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the files written and errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log details; show tracebacks on errors."),
) -> None:
    """Write a dated brief (brief-YYYY-MM-DD.md / .pdf) from news articles."""
    _log_to_stderr(verbose)
    from briefing.config import load_config, validate_formats
    from briefing.errors import BriefingError, NotRecorded
    from briefing.pipeline import brief_date, generate as run

    progress = _Progress(quiet)

    try:
        config = _config_file(config)
        settings = load_config(config)
        if config is not None:
            progress(f"Using config {config}")
        chosen = None
        if formats is not None:
            try:
                chosen = validate_formats(formats.split(","))
            except ValueError as exc:
                raise BriefingError(f"--format: {exc}") from None
        when = brief_date(date)
        if send:
            from briefing.smtp import check_sendable

            check_sendable(settings.email)
            chosen = list(dict.fromkeys([*(chosen or settings.formats), "email"]))
        from briefing.ingest import is_url

        named = [item if is_url(item) else Path(item) for item in inputs or []]
        settings = settings.with_overrides(inputs=named or None, formats=chosen, output_dir=out)
        if jobs is not None or scheduler is not None:
            from pydantic import ValidationError

            from briefing.config import EngineConfig

            try:
                engine = EngineConfig(kind="dask", address=scheduler,
                                      connect_seconds=settings.engine.connect_seconds) if scheduler else \
                    settings.engine.model_copy(update={"jobs": jobs, "kind": "local"})
            except ValidationError as exc:
                raise BriefingError(f"--scheduler: {exc.errors()[0]['msg']}") from None
            settings = settings.model_copy(update={"engine": engine})
        unrecorded = None
        try:
            brief, paths = run(settings, date=when, progress=progress, strict=strict, since_last=since_last)
        except NotRecorded as exc:
            brief, paths, unrecorded = exc.brief, exc.paths, str(exc)
    except BriefingError as exc:
        _fail(str(exc), verbose)
    except KeyboardInterrupt:
        typer.echo("Interrupted: nothing was written.", err=True)
        raise typer.Exit(130) from None
    except Exception as exc:  # a bug: say so plainly, with the traceback on request
        _fail(f"unexpected failure: {exc.__class__.__name__}: {exc} (rerun with --verbose for details)", verbose)
    for path in paths:
        typer.echo(f"Wrote {path}")
    for item in brief.skipped:
        typer.echo(f"Skipped {visible(str(item.path))}: {visible(item.reason)}", err=True)
    typer.echo(f"{len(brief.sources)} article(s) used, {len(brief.skipped)} skipped", err=True)
    if brief.nothing_new:
        typer.echo(f"Nothing new since {brief.since.isoformat()}: all {len(brief.left_out)} stor"
                   f"{'ies' if len(brief.left_out) != 1 else 'y'} were briefed before", err=True)
    if unrecorded:
        typer.echo(f"Warning: {unrecorded}", err=True)
    if send:
        _send_written(next(p for p in paths if p.suffix == ".eml"), settings, verbose)
    if unrecorded:
        raise typer.Exit(EXIT_NOT_RECORDED)
    if brief.skipped:
        raise typer.Exit(EXIT_PARTIAL)


def _log_to_stderr(verbose: bool) -> None:
    """Warnings (with -v, details) on stderr, without the libraries' own that a reader cannot
    act on: WeasyPrint and fontTools on font subsetting, trafilatura on pages whose main text it
    did not find (briefing then reads the whole page, or says why the page was skipped)."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s: %(message)s",
                        stream=sys.stderr)
    if not verbose:
        for noisy in ("weasyprint", "fontTools", "trafilatura", "htmldate", "courlan"):
            logging.getLogger(noisy).setLevel(logging.ERROR)


class _Progress:
    """What a long run tells the person waiting: a line per step on stderr, and on a terminal a
    progress bar for the articles being analysed (rich); nothing with --quiet. Without a
    terminal there is no ``count``, and the pipeline says each tenth of the way in a line."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None
        self.task = None
        if not quiet and sys.stderr.isatty():
            self.count = self._bar

    def __call__(self, message: str) -> None:
        if not self.quiet:
            self._close()
            typer.echo(message, err=True)

    def _bar(self, label: str, done: int, total: int) -> None:
        if self.bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeRemainingColumn(), console=Console(stderr=True))
            self.bar.start()
            self.task = self.bar.add_task(label, total=total)
        self.bar.update(self.task, completed=done)
        if done >= total:
            self._close()

    def _close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _send_written(message: Path, settings, verbose: bool) -> None:
    """Send the brief just written; if that fails the brief stays written (exit 3)."""
    from briefing.errors import BriefingError
    from briefing.smtp import send_message

    try:
        recipients = send_message(message, settings.email)
    except Exception as exc:  # any failure to send: the brief stays written
        if verbose:
            traceback.print_exc()
        reason = str(exc) if isinstance(exc, BriefingError) else f"{exc.__class__.__name__}: {exc}"
        typer.echo(f"Error: not sent: {reason}. The brief is written; send it later with: briefing send {message}",
                   err=True)
        raise typer.Exit(EXIT_NOT_SENT) from None
    typer.echo(_sent(message, recipients, settings), err=True)


@app.command(
    epilog="Examples:\n\n"
           "  briefing generate --format email && briefing send out/brief-2026-01-15.eml\n\n"
           "  BRIEFING_SMTP_PASSWORD=... briefing send brief.eml --config desk.yaml\n\n"
           "Server, port, security and login come from email.smtp in the config; the password from\n"
           "the environment variable named by email.smtp.password_env. Exit status: 0 sent; 2 not sent.",
)
def send(
    message: Path = typer.Argument(..., help="A .eml file, as written by 'generate --format email'."),
    config: Optional[Path] = CONFIG_OPTION,  # noqa: UP007
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show tracebacks on errors."),
) -> None:
    """Send a brief written with --format email through the SMTP server in the config."""
    from briefing.config import load_config
    from briefing.errors import BriefingError
    from briefing.smtp import send_message

    try:
        config = _config_file(config)
        settings = load_config(config)
        recipients = send_message(message, settings.email)
    except BriefingError as exc:
        _fail(str(exc), verbose)
    except Exception as exc:  # a bug: say so plainly, with the traceback on request
        _fail(f"unexpected failure: {exc.__class__.__name__}: {exc} (rerun with --verbose for details)", verbose)
    typer.echo(_sent(message, recipients, settings))


@app.command(
    epilog="Examples:\n\n"
           "  briefing init desk/          # desk/config.yaml and desk/templates/\n\n"
           "  briefing init . --force      # overwrite an earlier init\n\n"
           "Edit the copied templates, or replace them with one that starts with\n"
           "{% extends \"builtin/brief.md.j2\" %} and overrides a single block.",
)
def init(
    folder: Path = typer.Argument(Path("."), help="Where to write config.yaml and templates/."),
    force: bool = typer.Option(False, "--force", help="Overwrite files that are already there."),
) -> None:
    """Write a commented config.yaml and copies of the built-in templates to edit."""
    import shutil

    from briefing.config import commented_config
    from briefing.render import TEMPLATE_NAMES, builtin_templates_dir

    targets = [folder / "config.yaml"] + [folder / "templates" / name for name in TEMPLATE_NAMES]
    links = [str(path) for path in (folder / "templates", *targets) if path.is_symlink()]
    if links:
        typer.echo(f"Error: {', '.join(links)} is a symbolic link; briefing init writes only files of its own "
                   f"(remove the link, or choose another folder)", err=True)
        raise typer.Exit(EXIT_ERROR)
    existing = [str(path) for path in targets if path.exists()]
    if existing and not force:
        typer.echo(f"Error: {', '.join(existing)} already exist(s); pass --force to overwrite", err=True)
        raise typer.Exit(EXIT_ERROR)
    try:
        (folder / "templates").mkdir(parents=True, exist_ok=True)
        header = ("# briefing configuration: every key with its default. Delete what you do not change.\n"
                  "# Relative paths are relative to this file's folder.\n\n")
        (folder / "config.yaml").write_text(header + commented_config(overrides={"templates_dir": "templates"}),
                                            encoding="utf-8")
        for name in TEMPLATE_NAMES:
            shutil.copyfile(builtin_templates_dir() / name, folder / "templates" / name)
    except OSError as exc:
        typer.echo(f"Error: cannot write to {folder}: {exc.strerror or exc}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    for path in targets:
        typer.echo(f"Wrote {path}")


@app.command(
    epilog="Examples:\n\n"
           "  briefing read page.html                 # the article as briefing reads it\n\n"
           "  briefing read https://example.org/story --removed   # and the lines cleaning dropped, with why\n\n"
           "  briefing read feeds/ --json | jq .source    # one JSON object per article or skipped input\n\n"
           "Exit status: 0 every input read; 1 some skipped (listed); 2 nothing readable or a bad config.",
)
def read(
    inputs: list[str] = typer.Argument(..., help="Article files or folders, or feed and page URLs, as for "
                                                 "'generate'.", show_default=False),
    config: Optional[Path] = typer.Option(  # noqa: UP007
        None, "--config", "-c", help="YAML config file (its limits and language). Default: ./config.yaml if "
                                     "present, else built-in defaults.", show_default=False),
    removed: bool = typer.Option(False, "--removed", help="Also list the lines cleaning removed, and why."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object a line: title, source, url, published, "
                                                      "text (and removed, skipped)."),
) -> None:
    """Print each article as briefing reads it: title, source, link, date and the text after cleaning.

    When a brief says something odd, start here: this is what the brief was made from."""
    import json

    from briefing.analyse import model_language
    from briefing.config import load_config
    from briefing.errors import BriefingError
    from briefing.lang import profile
    from briefing.models import Article
    from briefing.pipeline import read_articles

    _log_to_stderr(False)
    try:
        settings = load_config(_config_file(config))
        found = read_articles(inputs, settings.limits, profile(model_language(settings.nlp.model)))
    except BriefingError as exc:
        _fail(str(exc), False)
    for item in found:
        article = item if isinstance(item, Article) else item.article
        record = {
            "path": str(item.path),
            "title": article.title if article else None,
            "source": article.source if article else None,
            "url": article.url if article else None,
            "published": article.published.isoformat() if article and article.published else None,
            "text": article.text if article else "",
        }
        if not isinstance(item, Article):
            record["skipped"] = item.reason
        if removed:
            record["removed"] = [{"text": line.text, "reason": line.reason} for line in article.removed] \
                if article else []
        if as_json:
            typer.echo(json.dumps(record, ensure_ascii=False))
            continue
        typer.echo(f"== {visible(record['path'])}")
        if "skipped" in record:
            typer.echo(f"skipped: {visible(record['skipped'])}")
        for name in ("title", "source", "url", "published"):
            typer.echo(f"{name}: {visible(record[name]) if record[name] else '-'}")
        if record["text"]:
            typer.echo("\n" + visible(record["text"]))
        for line in record.get("removed", []):
            typer.echo(f"  removed ({line['reason']}): {visible(line['text'])}")
        typer.echo("")
    if not any(isinstance(item, Article) for item in found):
        raise typer.Exit(EXIT_ERROR)
    if any(not isinstance(item, Article) for item in found):
        raise typer.Exit(EXIT_PARTIAL)


@app.command(
    epilog="Examples:\n\n"
           "  briefing archive                    # out/index.html from out/history.sqlite\n\n"
           "  briefing archive --config desk/config.yaml --out /var/www/briefs\n\n"
           "Set history.archive: true in the config to write it after every brief.",
)
def archive(
    config: Optional[Path] = CONFIG_OPTION,  # noqa: UP007
    out: Optional[Path] = typer.Option(  # noqa: UP007
        None, "--out", "-o", help="Output folder (where the briefs are). Default: 'output_dir' in the config.",
        show_default=False),
) -> None:
    """Write index.html: every brief of the history by date, with its top stories and files."""
    from briefing.archive import write_archive
    from briefing.config import load_config
    from briefing.errors import BriefingError
    from briefing.pipeline import history_path

    try:
        settings = load_config(_config_file(config)).with_overrides(output_dir=out)
        path = write_archive(history_path(settings), settings.output_dir, settings.title, settings.templates_dir)
    except BriefingError as exc:
        _fail(str(exc), False)
    typer.echo(f"Wrote {path}")


@app.command(epilog="Example:\n\n  briefing templates --config desk/config.yaml")
def templates(
    config: Optional[Path] = CONFIG_OPTION,  # noqa: UP007
) -> None:
    """List the templates a brief is rendered with, and where each comes from."""
    from briefing.config import load_config
    from briefing.errors import BriefingError
    from briefing.render import templates_in_use

    try:
        config = _config_file(config)
        settings = load_config(config)
    except BriefingError as exc:
        _fail(str(exc), False)
    for name, origin, path in templates_in_use(settings.templates_dir):
        typer.echo(f"{name:<14} {origin:<9} {path}")


if __name__ == "__main__":  # pragma: no cover
    app()
