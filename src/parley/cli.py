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
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from parley import api
from parley.actors import manage
from parley.export import FORMATS
from parley.forecast import ScenarioError, to_yaml
from parley.model import Extraction, InputError
from parley.parallel import WorkersFailed
from parley.report.brief import dumps_json as brief_json
from parley.report.brief import render_terminal as render_brief
from parley.report.brief import to_html as brief_html
from parley.report.explain import show as render_explain
from parley.report.forecast import render_terminal as render_forecast
from parley.report.forecast import svg as forecast_svg
from parley.report.forecast import to_json as forecast_json
from parley.report.show import show as render_show

app = typer.Typer(
    help="Parley: rebuild negotiations from news as source-linked data.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)  # one message per line, however narrow the terminal

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
def ingest(
    paths: Paths,
    db: DbOption = None,
    date: DateOption = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="extract on this many local processes")
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option("--dask", metavar="SCHEDULER", help="extract on a Dask cluster (tcp://host:8786)"),
    ] = None,
) -> None:
    """Extract articles and store them (one transaction per article; re-ingest is idempotent).

    With --workers N or --dask, a run that was stopped continues: articles already stored with the
    same text are skipped."""
    if dask and workers > 1:
        raise typer.BadParameter("use --workers or --dask, not both (a Dask cluster has its own workers)")
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingest", total=None, rate=0.0)

        def tick(item: Extraction | InputError) -> None:
            if isinstance(item, InputError):
                _report(item)
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 0.0
            progress.update(task, rate=progress.tasks[0].completed / elapsed if elapsed else 0.0)

        try:
            report = api.ingest(
                paths,
                db=db,
                date=date.date() if date else None,
                workers=workers,
                dask=dask,
                on_item=tick,
                on_total=lambda n: progress.update(task, total=n),
            )
        except WorkersFailed as exc:
            progress.stop()
            err.print(f"[red]error[/red]: {escape(str(exc))}", soft_wrap=True)
            raise typer.Exit(1) from None
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
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, json, csv or plover")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="write here instead of stdout")
    ] = None,
) -> None:
    """Export every stored article, with the analysts' corrections applied."""
    if format not in {"jsonl", "json", "csv", "plover"}:
        raise typer.BadParameter("export formats: jsonl, json, csv, plover")
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


scenario_app = typer.Typer(
    help="Bargaining scenarios: draft one from a case, check one.", no_args_is_help=True
)
app.add_typer(scenario_app, name="scenario")


@scenario_app.command("init")
def scenario_init(
    paths: Annotated[list[Path], typer.Argument(help="a case id (see `parley case list`) or article files")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="write the YAML here instead of stdout")
    ] = None,
    date: DateOption = None,
    db: DbOption = None,
) -> None:
    """Draft a scenario (YAML) from a negotiation: parties, issues, stances as positions, salience
    from attention; every value traced to its evidence and marked draft for review."""
    try:
        scenario = api.scenario_init(paths, date=date.date() if date else None, db=db)
    except ValueError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(1) from None
    with _output(output) as stream:
        stream.write(to_yaml(scenario))


@scenario_app.command("check")
def scenario_check(path: Path) -> None:
    """Validate a scenario file (YAML, KTAB CSV or one-issue CSV) and summarise it."""
    try:
        s = api.scenario_check(path)
    except ScenarioError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(1) from None
    drafts = sum(p.draft for a in s.actors for p in a.positions.values()) + sum(a.draft for a in s.actors)
    err.print(
        f"{escape(str(path))}: {len(s.actors)} actors ({sum(a.veto for a in s.actors)} with veto), "
        f"{len(s.issues)} issues, {len(s.uncertain())} ranges, {drafts} draft values",
        soft_wrap=True,
    )


@app.command()
def forecast(
    scenario: Annotated[Path, typer.Argument(help="scenario file: YAML, KTAB CSV or one-issue CSV")],
    model: Annotated[
        str, typer.Option("--model", "-m", help="compromise, median, bdm, smp, nash or ks")
    ] = "bdm",
    rounds: Annotated[int | None, typer.Option("--rounds", help="rounds (BDM) or turns (SMP)")] = None,
    draws: Annotated[int, typer.Option("--draws", help="Monte Carlo draws over the ranges (0: none)")] = 0,
    seed: Annotated[int, typer.Option("--seed", help="random seed of the Monte Carlo")] = 0,
    param: Annotated[
        list[str] | None, typer.Option("--param", help="a model parameter, name=value (repeatable)")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
    plot: Annotated[Path | None, typer.Option("--plot", help="also write an SVG plot here")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="write here instead of stdout")
    ] = None,
) -> None:
    """Forecast where a negotiation lands with one bargaining model; with --draws, the outcome
    distribution, the probability of agreement and a sensitivity table."""
    if format not in {"table", "json"}:
        raise typer.BadParameter("forecast formats: table, json")
    try:
        params = dict(_param(p) for p in param or [])
        s, result, sim = api.forecast(
            scenario, model=model, rounds=rounds, draws=draws, seed=seed, params=params
        )
    except (ScenarioError, KeyError, ValueError, TypeError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        err.print(f"[red]error[/red]: {escape(str(message))}", soft_wrap=True)
        raise typer.Exit(1) from None
    if plot is not None:
        with _output(plot) as stream:
            stream.write(forecast_svg(s, result))
    if format == "table" and output is None:
        render_forecast(s, result, sim, Console())
        return
    with _output(output) as stream:
        stream.write(forecast_json(s, result, sim) + "\n")


def _param(text: str) -> tuple[str, object]:
    """`name=value`: value read as a number or true/false when it is one."""
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise ValueError(f"--param {text!r}: expected name=value")
    low = value.lower()
    if low in {"true", "false"}:
        return name, low == "true"
    for kind in (int, float):
        try:
            return name, kind(value)
        except ValueError:
            pass
    return name, value


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="address to bind; any but loopback needs a token")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="port to listen on")] = 8000,
    token: Annotated[
        str | None, typer.Option("--token", envvar="PARLEY_TOKEN", help="required on every request when set")
    ] = None,
) -> None:
    """The browser workspace: negotiations, articles with their evidence, events with filters and
    exports, corrections, forecasts. Binds 127.0.0.1 unless told otherwise."""
    try:
        api.serve(db=db, host=host, port=port, token=token)
    except ValueError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(1) from None


def main() -> None:  # pragma: no cover
    app()
