"""The `parley` command line. Each command is a thin call of the API function with its name."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from parley import api
from parley.actors import manage
from parley.export import FORMATS
from parley.model import Extraction, InputError
from parley.report.brief import dumps_json as brief_json
from parley.report.brief import render_terminal as render_brief
from parley.report.brief import to_html as brief_html
from parley.report.explain import show as render_explain
from parley.report.show import show as render_show

app = typer.Typer(
    help="Parley: rebuild negotiations from news as source-linked data.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="PARLEY_DB", help="SQLite file or SQLAlchemy URL [default: ./parley.db]"),
]
DateOption = Annotated[
    dt.datetime | None,
    typer.Option("--date", formats=["%Y-%m-%d"], help="article date for a single file (YYYY-MM-DD)"),
]
Paths = Annotated[list[Path], typer.Argument(help="files or directories (text, HTML, JSONL, CSV, .gz)")]


def _report(e: InputError) -> None:
    err.print(f"[red]error[/red]: {escape(str(e))}", highlight=False, soft_wrap=True)


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """stdout, or a file written whole or not at all (temp file renamed on success)."""
    if path is None:
        yield sys.stdout
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        # mkstemp makes 0600 files; give the result the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@app.command()
def extract(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", "-f", help=f"one of: {', '.join(FORMATS)}")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="write here instead of stdout")
    ] = None,
    date: DateOption = None,
) -> None:
    """Extract actors and events from files, without a database."""
    if format not in FORMATS:
        raise typer.BadParameter(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    failed = 0

    def good() -> Iterator[Extraction]:
        nonlocal failed
        for item in api.extract(paths, date=date.date() if date else None):
            if isinstance(item, InputError):
                failed += 1
                _report(item)
            else:
                yield item

    with _output(output) as stream:
        FORMATS[format](good(), stream)
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(paths: Paths, db: DbOption = None, date: DateOption = None) -> None:
    """Extract articles and store them (one transaction per article; re-ingest is idempotent)."""
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingest", total=None, rate=0.0)

        def tick(item: Extraction | InputError) -> None:
            if isinstance(item, InputError):
                _report(item)
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 0.0
            progress.update(task, rate=progress.tasks[0].completed / elapsed if elapsed else 0.0)

        report = api.ingest(paths, db=db, date=date.date() if date else None, on_item=tick)
    summary = ", ".join(f"{n} {k}" for k, n in report.counts.items())
    err.print(f"stored: {summary}; {len(report.errors)} failed")
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def show(article_id: str, db: DbOption = None) -> None:
    """Show a stored article with its events, evidence highlighted."""
    try:
        x = api.show(article_id, db=db)
    except KeyError:
        err.print(
            f"[red]error[/red]: no article {escape(repr(article_id))} in the database",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1) from None
    render_show(x, Console())


@app.command()
def explain(doc: str, db: DbOption = None, date: DateOption = None) -> None:
    """Why each event was coded: its sentence, parse path and the pattern that fired.

    DOC is an article file, or the id of a stored article."""
    try:
        x = api.explain(doc, db=db, date=date.date() if date else None)
    except KeyError:
        err.print(
            f"[red]error[/red]: {escape(doc)} is neither a file nor a stored article id", soft_wrap=True
        )
        raise typer.Exit(1) from None
    except ValueError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(1) from None
    render_explain(x, Console())


@app.command()
def brief(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", "-f", help="terminal, json or html")] = "terminal",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="write here instead of stdout")
    ] = None,
    date: DateOption = None,
    db: DbOption = None,
) -> None:
    """The state of a negotiation from its articles (files, or a case id from `parley case list`):
    positions, guarantees, deferred and open issues, position changes, next steps; every line with
    its evidence."""
    if format not in {"terminal", "json", "html"}:
        raise typer.BadParameter("brief formats: terminal, json, html")
    try:
        case = api.brief(paths, date=date.date() if date else None, db=db)
    except ValueError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(1) from None
    if format == "terminal" and output is None:
        render_brief(case, Console())
        return
    with _output(output) as stream:
        stream.write(brief_html(case) if format == "html" else brief_json(case) + "\n")


@app.command()
def export(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, json or csv")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="write here instead of stdout")
    ] = None,
) -> None:
    """Export every stored article."""
    if format not in {"jsonl", "json", "csv"}:
        raise typer.BadParameter("export formats: jsonl, json, csv")
    with _output(output) as stream:
        api.export(stream, db=db, format=format)


case_app = typer.Typer(
    help="Negotiations (cases): stored articles grouped by parties and time.", no_args_is_help=True
)
app.add_typer(case_app, name="case")


def _print_cases(cases: dict[str, list[str]]) -> None:
    table = Table("case", "articles")
    for case_id, members in sorted(cases.items()):
        table.add_row(case_id, Text(", ".join(members)))
    Console().print(table)


@case_app.command("list")
def case_list(db: DbOption = None) -> None:
    """Every case and its articles (automatic grouping plus your overrides)."""
    _print_cases(api.case(db=db))


def _change_case(change: str, case_id: str, article_id: str, db: str | None) -> None:
    try:
        _print_cases(api.case(db=db, **{change: (case_id, article_id)}))
    except KeyError:
        err.print(f"[red]error[/red]: no article {escape(repr(article_id))} in the database", soft_wrap=True)
        raise typer.Exit(1) from None


@case_app.command("add")
def case_add(case_id: str, article_id: str, db: DbOption = None) -> None:
    """Put a stored article into a case (a new case id creates the case)."""
    _change_case("add", case_id, article_id, db)


@case_app.command("remove")
def case_remove(case_id: str, article_id: str, db: DbOption = None) -> None:
    """Take a stored article out of a case; the automatic grouping will not put it back."""
    _change_case("remove", case_id, article_id, db)


actors_app = typer.Typer(help="The actor dictionary: list, add and check entries.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")


@actors_app.command("list")
def actors_list(
    kind: Annotated[str | None, typer.Option("--kind", help="state, organization, group or person")] = None,
    code: Annotated[str | None, typer.Option("--code", help="only this root code")] = None,
    search: Annotated[str | None, typer.Option("--search", help="a name or part of one")] = None,
) -> None:
    """List dictionary entries (built-in and your own)."""
    rows = manage.list_actors(kind=kind, code=code, search=search)
    table = Table("code", "name", "kind", "sector", "role", "valid", "names")
    for r in rows:
        valid = f"{r.valid_from or ''}..{r.valid_until or ''}" if r.valid_from or r.valid_until else ""
        names = ", ".join(r.aliases[:6]) + (f" (+{len(r.aliases) - 6})" if len(r.aliases) > 6 else "")
        table.add_row(r.code, Text(r.name), r.kind, r.sector or "", Text(r.role or ""), valid, Text(names))
    Console().print(table)
    err.print(f"{len(rows)} entries")


@actors_app.command("add")
def actors_add(
    code: str,
    name: str,
    kind: Annotated[str, typer.Option("--kind", help="state, organization, group or person")] = "person",
    alias: Annotated[list[str] | None, typer.Option("--alias", help="another name (repeatable)")] = None,
    sector: Annotated[str | None, typer.Option("--sector", help="GOV, MIL, LEG, ... (people)")] = None,
    role: Annotated[str | None, typer.Option("--role", help="e.g. 'chief negotiator' (people)")] = None,
    valid_from: Annotated[dt.datetime | None, typer.Option("--valid-from", formats=["%Y-%m-%d"])] = None,
    valid_until: Annotated[dt.datetime | None, typer.Option("--valid-until", formats=["%Y-%m-%d"])] = None,
) -> None:
    """Add an entry to your own actor files (PARLEY_ACTORS)."""
    try:
        path = manage.add_actor(
            code,
            name,
            kind=kind,
            aliases=alias or [],
            sector=sector,
            role=role,
            valid_from=valid_from.date() if valid_from else None,
            valid_until=valid_until.date() if valid_until else None,
        )
    except ValueError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(1) from None
    err.print(f"added {escape(name)} ({code}) to {escape(str(path))}", soft_wrap=True)


@actors_app.command("check")
def actors_check(
    directory: Annotated[
        list[Path] | None, typer.Argument(help="folders to check [default: built-in + yours]")
    ] = None,
) -> None:
    """Check the dictionary files: codes, dates, sectors, and names that mean two actors at once."""
    problems = manage.check_dictionary(directory or None)
    for p in problems:
        err.print(escape(p), highlight=False, soft_wrap=True)
    err.print(f"{len(problems)} problems")
    if problems:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover
    app()
