"""The Python API. Each CLI command is a thin call of the function with the same name."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import IO, Any

from parley import forecast as models
from parley import ingest as ingest_inputs
from parley import parallel, pipeline
from parley.export import FORMATS
from parley.forecast.draft import draft
from parley.forecast.montecarlo import Simulation, simulate
from parley.model import Extraction, InputError
from parley.negotiation.case import Case
from parley.negotiation.case import build as build_case
from parley.negotiation.grouping import apply_overrides, auto_cases
from parley.store import Correction, Store
from parley.store import corrections as fixes


def extract(paths: Iterable[str | Path], *, date: dt.date | None = None) -> Iterator[Extraction | InputError]:
    """Extract every article found in `paths`, without a database. Bad inputs come through as
    `InputError` items, in order, and the rest goes on."""
    return pipeline.extract(paths, date=date)


# The outcomes of `Store.save` when this was written; a store that grows another one (or the
# "skipped" of a resumed run) is counted all the same.
SAVE_OUTCOMES = ("new", "updated", "unchanged", "duplicate")


@dataclass
class IngestReport:
    """What `ingest` did, per outcome of `Store.save` (and "skipped": stored before a resumed run),
    and the inputs that failed."""

    counts: Counter[str] = field(default_factory=lambda: Counter(dict.fromkeys(SAVE_OUTCOMES, 0)))
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def ingest(
    paths: Iterable[str | Path],
    *,
    db: str | None = None,
    date: dt.date | None = None,
    workers: int = 1,
    dask: str | None = None,
    on_item: Callable[[Extraction | InputError], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> IngestReport:
    """Extract and store every article: one transaction per article, all written by this process.

    `workers` > 1 extracts on that many local processes, `dask` (a scheduler address such as
    tcp://host:8786) on a Dask cluster; results are stored as they come, in no set order, and
    records whose id is stored with the same text are skipped before extraction (counted as
    "skipped"), so a run that was killed continues where it stopped. `on_item` sees every article
    stored and every input error; `on_total` gets the number of items it will see, counted first
    with a quick pass over the inputs, and again, lower, as a resumed run skips records.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if dask and workers > 1:
        raise ValueError("workers and dask exclude each other: the Dask cluster has its own workers")
    paths = [paths] if isinstance(paths, (str, PathLike)) else list(paths)  # counted, then read
    total = ingest_inputs.count(paths) if on_total is not None else 0
    if on_total is not None:
        on_total(total)
    report = IngestReport()
    with Store.open(db) as store, closing(_extractions(paths, date, workers, dask, store)) as items:
        for item in items:  # closing: a parallel run stops its workers however this loop ends
            if isinstance(item, parallel.Skipped):
                report.counts["skipped"] += 1
                if on_total is not None:
                    on_total(total - report.counts["skipped"])
                continue
            _store(store, item, report)
            if on_item is not None:
                on_item(item)
    return report


def _extractions(
    paths: list[str | Path], date: dt.date | None, workers: int, dask: str | None, store: Store
) -> Generator[Extraction | InputError | parallel.Skipped, None, None]:
    if dask or workers > 1:
        inputs = ingest_inputs.read(paths, date=date)
        yield from parallel.extract(inputs, workers=workers, dask=dask, known=store.known)
    else:
        yield from pipeline.extract(paths, date=date)


def _store(store: Store, item: Extraction | InputError, report: IngestReport) -> None:
    if isinstance(item, InputError):
        report.errors.append(item)
        return
    try:
        outcome = store.save(item)
    except Exception as exc:
        report.errors.append(
            InputError(
                origin=item.article.origin or item.article.id,
                message=f"could not store article: {exc}".splitlines()[0],
            )
        )
    else:
        report.counts[outcome] += 1


def show(article_id: str, *, db: str | None = None, keep_wrong: bool = False) -> Extraction:
    """One stored article with its extractions, analysts' corrections applied (items marked wrong
    left out, or kept and marked with `keep_wrong`); KeyError when it is not stored."""
    with Store.open(db) as store:
        x = store.get(article_id, corrected=True, keep_wrong=keep_wrong)
    if x is None:
        raise KeyError(article_id)
    return x


def correct(
    article_id: str | None,
    *,
    action: str,
    kind: str,
    item: str | None = None,
    data: dict[str, Any] | None = None,
    note: str = "",
    author: str = "analyst",
    db: str | None = None,
) -> Correction:
    """Record an analyst's correction of a stored article (see parley.store.corrections for the
    actions and item keys); `article_id` None: a merge of actor codes in every article. Returns it
    stored, with its id. ValueError when it does not fit the article, KeyError for an unknown article."""
    c = fixes.build(
        article_id=article_id,
        action=action,
        kind=kind,
        item=item,
        data=data or {},
        note=note,
        author=author,
    )
    with Store.open(db) as store:
        return store.add_correction(c)


def corrections(*, article_id: str | None = None, db: str | None = None) -> list[Correction]:
    """The analysts' corrections in the order they were made: an article's own and the global
    merges, or, without `article_id`, all of them."""
    with Store.open(db) as store:
        return store.corrections(article_id)


def explain(doc: str | Path, *, db: str | None = None, date: dt.date | None = None) -> Extraction:
    """The extraction to explain: `doc` is a file (extracted now) or the id of a stored article.
    Raises KeyError when it is neither; ValueError when the file is bad input."""
    path = Path(doc)
    if path.exists():
        items = list(pipeline.extract([path], date=date))
        for item in items:
            if isinstance(item, InputError):
                raise ValueError(str(item))
        if len(items) != 1:
            raise ValueError(f"{doc}: explain takes one article; this input holds {len(items)}")
        return items[0]  # type: ignore[return-value]
    return show(str(doc), db=db)


def brief(paths: Iterable[str | Path], *, date: dt.date | None = None, db: str | None = None) -> Case:
    """The state of a negotiation: from the articles in `paths`, or, when the one argument is no
    file but a case id, from that case's stored articles (see `case`)."""
    paths = list(paths)
    if len(paths) == 1 and not Path(paths[0]).exists():
        members = case(db=db).get(str(paths[0]))
        if members is None:
            raise ValueError(f"{paths[0]}: neither a file nor a case id (see `parley case list`)")
        with Store.open(db) as store:
            stored = [x for a in members if (x := store.get(a, corrected=True)) is not None]
        return build_case(stored)
    good = [x for x in pipeline.extract(paths, date=date) if isinstance(x, Extraction)]
    if not good:
        raise ValueError("no readable article in the input")
    return build_case(good)


def case(
    *, db: str | None = None, add: tuple[str, str] | None = None, remove: tuple[str, str] | None = None
) -> dict[str, list[str]]:
    """The stored articles grouped into negotiations (by parties and time), with an analyst's
    overrides; `add`/`remove` = (case id, article id) records one first."""
    with Store.open(db) as store:
        if add is not None:
            store.set_case_member(*add, "added")
        if remove is not None:
            store.set_case_member(*remove, "removed")
        return apply_overrides(auto_cases(store.iter_extractions()), store.case_overrides())


def export(stream: IO[str], *, db: str | None = None, format: str = "jsonl") -> int:
    """Write every stored article in `format`, analysts' corrections applied (items marked wrong
    left out, touched items carrying `correction`); return the number of articles."""
    with Store.open(db) as store:
        return FORMATS[format](store.iter_extractions(corrected=True), stream)


def scenario_init(
    paths: Iterable[str | Path], *, date: dt.date | None = None, db: str | None = None
) -> models.Scenario:
    """A draft scenario from a negotiation (files, or a case id, as for `brief`): parties,
    issues, stances as positions, salience from attention; every value marked draft and traced
    to its evidence."""
    return draft(brief(paths, date=date, db=db))


def scenario_check(path: str | Path) -> models.Scenario:
    """Read and validate a scenario file; ScenarioError says what is wrong and where."""
    return models.load(path)


def forecast(
    scenario: str | Path | models.Scenario,
    *,
    model: str = "bdm",
    rounds: int | None = None,
    draws: int = 0,
    seed: int = 0,
    params: dict[str, object] | None = None,
) -> tuple[models.Scenario, models.Forecast, Simulation | None]:
    """Run one model on a scenario (a file or a Scenario); with `draws`, also the Monte Carlo
    over the scenario's ranges. `rounds` is the model's number of rounds (or turns)."""
    s = scenario if isinstance(scenario, models.Scenario) else models.load(scenario)
    fn = models.get(model)
    kwargs = dict(params or {})
    if rounds is not None:
        kwargs[models.rounds_parameter(fn)] = rounds
    result = fn(s, **kwargs)
    sim = simulate(s, model, draws=draws, seed=seed, **kwargs) if draws else None
    return s, result, sim


def serve(
    *, db: str | None = None, host: str = "127.0.0.1", port: int = 8000, token: str | None = None
) -> None:
    """Run the browser workspace until interrupted. Binding anything but loopback requires a
    token, which every request must then carry."""
    import uvicorn  # only the server needs it

    from parley.web import create_app
    from parley.web.security import needs_token

    if needs_token(host) and not token:
        raise ValueError(f"binding {host} exposes the workspace: give --token or set PARLEY_TOKEN")
    uvicorn.run(create_app(db, token=token), host=host, port=port, log_level="info")
