"""Reading and writing scenarios: Parley's YAML, KTAB's CSV, and the one-issue CSV
`Actor,Capability,Position,Salience` of the expected-utility replications."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import yaml

from parley.forecast.scenario import Actor, Issue, Link, Param, Position, Scenario, ScenarioError


def load(path: str | Path) -> Scenario:
    """A scenario from a file, by its form: .yaml/.yml, or a .csv in either CSV format."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot read: {exc}") from None
    if path.suffix.lower() in {".yaml", ".yml"}:
        return from_yaml(text, source=str(path))
    if path.suffix.lower() == ".csv":
        first = text.splitlines()[0].lower().replace(" ", "") if text.strip() else ""
        if first.endswith((",capability,position,salience", ",resources,position,salience")):
            return from_bdm_csv(text, source=str(path))
        return from_ktab_csv(text, source=str(path))
    raise ScenarioError(f"{path}: unknown scenario format (use .yaml, or KTAB's or the one-issue .csv)")


# -- YAML ---------------------------------------------------------------------------------------


def from_yaml(text: str, *, source: str = "<yaml>") -> Scenario:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise ScenarioError(f"{source}{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: a scenario is a mapping with `issues` and `actors`")
    return from_data(data, source=source)


def from_data(data: dict[str, Any], *, source: str = "<data>") -> Scenario:
    """A scenario from plain data (the YAML's structure); every error names its place."""
    issues = [_issue(d, f"issues[{n}]", source) for n, d in enumerate(_list(data, "issues", source))]
    if not issues:
        raise ScenarioError(f"{source}: issues: at least one issue is needed")
    by_id = {i.id: i for i in issues}
    if len(by_id) != len(issues):
        raise ScenarioError(f"{source}: issues: issue ids must be unique")
    actors = [_actor(d, f"actors[{n}]", source, by_id) for n, d in enumerate(_list(data, "actors", source))]
    if len(actors) < 2:
        raise ScenarioError(f"{source}: actors: at least two actors are needed")
    if len({a.id for a in actors}) != len(actors):
        raise ScenarioError(f"{source}: actors: actor ids must be unique")
    for issue in issues:
        if not any(issue.id in a.positions for a in actors):
            raise ScenarioError(f"{source}: issue {issue.id}: no actor holds a position on it")
    links = []
    for n, d in enumerate(data.get("links") or []):
        where = f"{source}: links[{n}]"
        if not isinstance(d, dict) or not {"actor", "when", "value"} <= set(d):
            raise ScenarioError(f"{where}: a link needs actor, when and value")
        if d["actor"] not in {a.id for a in actors}:
            raise ScenarioError(f"{where}.actor: unknown actor {d['actor']!r}")
        when = d["when"]
        if not isinstance(when, dict) or not when:
            raise ScenarioError(f"{where}.when: a mapping of issue id to option")
        for issue_id, option in when.items():
            issue = by_id.get(issue_id)
            if issue is None or issue.kind != "categorical" or option not in issue.options:
                raise ScenarioError(
                    f"{where}.when: {issue_id}={option!r} is no option of a categorical issue"
                )
        links.append(Link(actor=d["actor"], when=dict(when), value=_number(d["value"], f"{where}.value")))
    return Scenario(
        name=str(data.get("name") or Path(source).stem),
        description=str(data.get("description") or ""),
        issues=tuple(issues),
        actors=tuple(actors),
        links=tuple(links),
        source=source,
    )


def _list(data: dict[str, Any], key: str, source: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise ScenarioError(f"{source}: {key}: a list is needed")
    return value


def _issue(d: Any, where: str, source: str) -> Issue:
    where = f"{source}: {where}"
    if not isinstance(d, dict) or "id" not in d:
        raise ScenarioError(f"{where}: an issue needs an id")
    kind = d.get("kind", "categorical" if "options" in d else "continuous")
    if kind == "categorical":
        options = d.get("options")
        if not isinstance(options, list) or len(options) < 2:
            raise ScenarioError(f"{where}.options: a categorical issue needs two or more options")
        sq = d.get("status_quo")
        if sq is not None and sq not in options:
            raise ScenarioError(f"{where}.status_quo: {sq!r} is not one of the options")
        return Issue(
            id=str(d["id"]),
            name=str(d.get("name", d["id"])),
            kind="categorical",
            options=tuple(map(str, options)),
            status_quo=sq,
        )
    if kind != "continuous":
        raise ScenarioError(f"{where}.kind: continuous or categorical, not {kind!r}")
    scale = d.get("scale") or {}
    if not isinstance(scale, dict):
        raise ScenarioError(f"{where}.scale: a mapping with min, max and anchors")
    low = _number(scale.get("min", 0), f"{where}.scale.min")
    high = _number(scale.get("max", 100), f"{where}.scale.max")
    if high <= low:
        raise ScenarioError(f"{where}.scale: max must be above min")
    anchors = {_number(k, f"{where}.scale.anchors"): str(v) for k, v in (scale.get("anchors") or {}).items()}
    sq = d.get("status_quo")
    if sq is not None:
        sq = _number(sq, f"{where}.status_quo")
        _within(sq, low, high, f"{where}.status_quo")
    return Issue(
        id=str(d["id"]), name=str(d.get("name", d["id"])), low=low, high=high, anchors=anchors, status_quo=sq
    )


def _actor(d: Any, where: str, source: str, issues: dict[str, Issue]) -> Actor:
    where = f"{source}: {where}"
    if not isinstance(d, dict) or "id" not in d:
        raise ScenarioError(f"{where}: an actor needs an id")
    where = f"{source}: actor {d['id']}"
    if "capability" not in d:
        raise ScenarioError(f"{where}: capability is missing")
    capability = _param(d["capability"], f"{where}.capability")
    if capability.value < 0 or (capability.low is not None and capability.low < 0):
        raise ScenarioError(f"{where}.capability: must not be negative")
    positions = {}
    for issue_id, p in (d.get("positions") or {}).items():
        issue = issues.get(issue_id)
        if issue is None:
            raise ScenarioError(f"{where}.positions: unknown issue {issue_id!r}")
        positions[issue_id] = _position(p, issue, f"{where}.positions.{issue_id}")
    return Actor(
        id=str(d["id"]),
        name=str(d.get("name", d["id"])),
        capability=capability,
        veto=bool(d.get("veto", False)),
        positions=positions,
        evidence=tuple(d.get("evidence") or ()),
        draft=bool(d.get("draft", False)),
    )


def _position(p: Any, issue: Issue, where: str) -> Position:
    if not isinstance(p, dict) or "position" not in p:
        raise ScenarioError(f"{where}: needs position and salience")
    salience = _param(p.get("salience", 1.0), f"{where}.salience")
    if salience.value < 0 or (salience.low is not None and salience.low < 0):
        raise ScenarioError(f"{where}.salience: must not be negative")
    acceptable = p.get("acceptable")
    utilities: dict[str, float] = {}
    position: Param | str
    if issue.kind == "categorical":
        position = str(p["position"])
        if position not in issue.options:
            raise ScenarioError(f"{where}.position: {position!r} is not an option of {issue.id}")
        if acceptable is not None:
            if not isinstance(acceptable, list) or not set(map(str, acceptable)) <= set(issue.options):
                raise ScenarioError(f"{where}.acceptable: a list of options of {issue.id}")
            acceptable = tuple(map(str, acceptable))
        for option, u in (p.get("utilities") or {}).items():
            if option not in issue.options:
                raise ScenarioError(f"{where}.utilities: {option!r} is not an option of {issue.id}")
            utilities[str(option)] = _number(u, f"{where}.utilities.{option}")
    else:
        position = _param(p["position"], f"{where}.position")
        for v in (position.value, position.low, position.high):
            if v is not None:
                _within(v, issue.low, issue.high, f"{where}.position")
        if acceptable is not None:
            if not isinstance(acceptable, list) or len(acceptable) != 2:
                raise ScenarioError(f"{where}.acceptable: [low, high] on the scale")
            acceptable = (_number(acceptable[0], where), _number(acceptable[1], where))
    return Position(
        position=position,
        salience=salience,
        acceptable=acceptable,
        utilities=utilities,
        evidence=tuple(p.get("evidence") or ()),
        draft=bool(p.get("draft", False)),
    )


def _param(v: Any, where: str) -> Param:
    """`30`, `[20, 40]` (point = midpoint) or `{value: 30, range: [20, 40]}`."""
    if isinstance(v, dict):
        if "value" not in v:
            raise ScenarioError(f"{where}: a mapping needs value (and range)")
        point = _number(v["value"], where)
        if "range" not in v:
            return Param(point)
        low, high = _pair(v["range"], where)
        if not low <= point <= high:
            raise ScenarioError(f"{where}: value {point:g} lies outside its range [{low:g}, {high:g}]")
        return Param(point, low, high)
    if isinstance(v, list):
        low, high = _pair(v, where)
        return Param((low + high) / 2, low, high)
    return Param(_number(v, where))


def _pair(v: Any, where: str) -> tuple[float, float]:
    if not isinstance(v, list) or len(v) != 2:
        raise ScenarioError(f"{where}: a range is [low, high]")
    low, high = _number(v[0], where), _number(v[1], where)
    if high < low:
        raise ScenarioError(f"{where}: range [{low:g}, {high:g}] has low above high")
    return low, high


def _number(v: Any, where: str) -> float:
    if isinstance(v, bool):
        raise ScenarioError(f"{where}: expected a number, got {v!r}")
    try:
        return float(v)
    except (TypeError, ValueError):
        raise ScenarioError(f"{where}: expected a number, got {v!r}") from None


def _within(v: float, low: float, high: float, where: str) -> None:
    if not low <= v <= high:
        raise ScenarioError(f"{where}: {v:g} lies outside the scale [{low:g}, {high:g}]")


def to_yaml(scenario: Scenario) -> str:
    """The scenario as Parley YAML (what `parley scenario init` writes)."""
    issues = []
    for i in scenario.issues:
        d: dict[str, Any] = {"id": i.id, "name": i.name, "kind": i.kind}
        if i.kind == "categorical":
            d["options"] = list(i.options)
        else:
            d["scale"] = {"min": i.low, "max": i.high, "anchors": dict(i.anchors)}
        if i.status_quo is not None:
            d["status_quo"] = i.status_quo
        issues.append(d)
    actors = []
    for a in scenario.actors:
        d = {"id": a.id, "name": a.name, "capability": a.capability.to_data(), "veto": a.veto}
        if a.draft:
            d["draft"] = True
        if a.evidence:
            d["evidence"] = list(a.evidence)
        d["positions"] = {}
        for issue_id, p in a.positions.items():
            pd: dict[str, Any] = {
                "position": p.position.to_data() if isinstance(p.position, Param) else p.position,
                "salience": p.salience.to_data(),
            }
            if p.acceptable is not None:
                pd["acceptable"] = list(p.acceptable)
            if p.utilities:
                pd["utilities"] = dict(p.utilities)
            if p.draft:
                pd["draft"] = True
            if p.evidence:
                pd["evidence"] = list(p.evidence)
            d["positions"][issue_id] = pd
        actors.append(d)
    data: dict[str, Any] = {"name": scenario.name, "description": scenario.description}
    data["issues"] = issues
    data["actors"] = actors
    if scenario.links:
        data["links"] = [{"actor": k.actor, "when": k.when, "value": k.value} for k in scenario.links]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


# -- CSV ----------------------------------------------------------------------------------------


def _rows(text: str) -> list[list[str]]:
    # universal newlines: some replication files end lines with a bare CR
    lines = io.StringIO(text, newline=None).read().splitlines()
    return [[c.strip() for c in row] for row in csv.reader(lines) if any(c.strip() for c in row)]


def from_bdm_csv(text: str, *, source: str = "<csv>") -> Scenario:
    """One issue: `Actor,Capability,Position,Salience` per line. The scale runs from the lowest
    to the highest position held."""
    rows = _rows(text)[1:]
    if len(rows) < 2:
        raise ScenarioError(f"{source}: at least two actor lines are needed")
    actors = []
    for n, row in enumerate(rows, start=2):
        if len(row) < 4:
            raise ScenarioError(f"{source} line {n}: expected Actor,Capability,Position,Salience")
        name = row[0]
        where = f"{source} line {n}"
        actors.append(
            {
                "id": name,
                "capability": _number(row[1], f"{where}: capability"),
                "positions": {
                    "issue": {
                        "position": _number(row[2], f"{where}: position"),
                        "salience": _number(row[3], f"{where}: salience"),
                    }
                },
            }
        )
    positions = [a["positions"]["issue"]["position"] for a in actors]
    issue = {"id": "issue", "kind": "continuous", "scale": {"min": min(positions), "max": max(positions)}}
    return from_data({"name": Path(source).stem, "issues": [issue], "actors": actors}, source=source)


def from_ktab_csv(text: str, *, source: str = "<csv>") -> Scenario:
    """KTAB's SMP format: line 1 `name,description,actors,dimensions`; line 2 the header
    `Actor,Description,Power,<dim1>,Sal1,...`; then one line per actor. Scales are 0-100."""
    rows = _rows(text)
    if len(rows) < 3 or len(rows[0]) < 4:
        raise ScenarioError(f"{source} line 1: expected name,description,actors,dimensions")
    try:
        n_actors, n_dims = int(rows[0][2]), int(rows[0][3])
    except ValueError:
        raise ScenarioError(f"{source} line 1: the actor and dimension counts must be integers") from None
    header = rows[1]
    if len(header) < 3 + 2 * n_dims:
        raise ScenarioError(f"{source} line 2: expected {n_dims} position/salience column pairs")
    dims = [header[3 + 2 * k] or f"dim{k + 1}" for k in range(n_dims)]
    body = rows[2:]
    if len(body) != n_actors:
        raise ScenarioError(f"{source}: line 1 announces {n_actors} actors, the file holds {len(body)}")
    actors = []
    for n, row in enumerate(body, start=3):
        where = f"{source} line {n}"
        if len(row) < 3 + 2 * n_dims:
            raise ScenarioError(f"{where}: expected name, description, power and {n_dims} pairs")
        positions = {
            dims[k]: {
                "position": _number(row[3 + 2 * k], f"{where}: {dims[k]} position"),
                "salience": _number(row[4 + 2 * k], f"{where}: {dims[k]} salience"),
            }
            for k in range(n_dims)
        }
        actors.append(
            {
                "id": row[0],
                "name": row[1] or row[0],
                "capability": _number(row[2], f"{where}: power"),
                "positions": positions,
            }
        )
    issues = [{"id": d, "kind": "continuous", "scale": {"min": 0, "max": 100}} for d in dims]
    return from_data(
        {"name": rows[0][0], "description": rows[0][1], "issues": issues, "actors": actors}, source=source
    )
