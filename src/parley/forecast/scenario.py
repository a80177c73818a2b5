"""A bargaining scenario: actors with capability, and per issue a position and a salience.

Every number may be a range (`[low, high]`): the models run on the point value (the midpoint
unless given), the Monte Carlo draws from the range. Issues are continuous (a scale with labelled
anchor points) or categorical (options). Any parameter may carry `evidence` and `draft: true`
when it was drafted from a negotiation case and awaits an analyst's review.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np


class ScenarioError(ValueError):
    """A scenario that cannot be used, with where in the file it went wrong."""


@dataclass(frozen=True)
class Param:
    """A number an analyst estimates: a point value and an optional range around it."""

    value: float
    low: float | None = None
    high: float | None = None

    @property
    def uncertain(self) -> bool:
        return self.low is not None and self.high is not None and self.high > self.low

    def draw(self, rng: np.random.Generator, size: int | None = None) -> Any:
        if not self.uncertain:
            return self.value if size is None else np.full(size, self.value)
        return rng.uniform(self.low, self.high, size)

    def to_data(self) -> float | list[float] | dict[str, Any]:
        if self.low is None or self.high is None:
            return self.value
        if self.value == (self.low + self.high) / 2:
            return [self.low, self.high]
        return {"value": self.value, "range": [self.low, self.high]}


@dataclass(frozen=True)
class Issue:
    id: str
    name: str
    kind: Literal["continuous", "categorical"] = "continuous"
    low: float = 0.0  # the scale of a continuous issue
    high: float = 100.0
    anchors: dict[float, str] = field(default_factory=dict)  # scale point -> what it means
    options: tuple[str, ...] = ()  # the options of a categorical issue
    status_quo: float | str | None = None

    @property
    def span(self) -> float:
        return (self.high - self.low) or 1.0


@dataclass(frozen=True)
class Position:
    """One actor's stand on one issue."""

    position: Param | str  # a point on the scale, or an option
    salience: Param
    acceptable: tuple[float, float] | tuple[str, ...] | None = None  # what the actor would sign
    utilities: dict[str, float] = field(default_factory=dict)  # categorical: option -> utility
    evidence: tuple[dict[str, Any], ...] = ()
    draft: bool = False


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    capability: Param
    veto: bool = False
    positions: dict[str, Position] = field(default_factory=dict)  # issue id -> position
    evidence: tuple[dict[str, Any], ...] = ()
    draft: bool = False


@dataclass(frozen=True)
class Link:
    """Extra utility an actor gets from a combination of options: packages of linked issues
    ("neutrality is worth something to Ukraine only together with guarantees")."""

    actor: str
    when: dict[str, str]  # issue id -> option
    value: float


@dataclass(frozen=True)
class Scenario:
    name: str
    issues: tuple[Issue, ...]
    actors: tuple[Actor, ...]
    links: tuple[Link, ...] = ()
    description: str = ""
    source: str = ""  # where it was read from, for error messages

    # -- access ---------------------------------------------------------------------------------

    def issue(self, issue_id: str) -> Issue:
        for i in self.issues:
            if i.id == issue_id:
                return i
        raise KeyError(issue_id)

    @property
    def continuous(self) -> list[Issue]:
        return [i for i in self.issues if i.kind == "continuous"]

    @property
    def categorical(self) -> list[Issue]:
        return [i for i in self.issues if i.kind == "categorical"]

    def members(self, issue_id: str) -> list[Actor]:
        """The actors that hold a position on the issue, in scenario order."""
        return [a for a in self.actors if issue_id in a.positions]

    def arrays(self, issue_id: str) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        """One continuous issue as (actor ids, capability, position, salience) at point values."""
        actors = self.members(issue_id)
        cap = np.array([a.capability.value for a in actors], dtype=float)
        pos = np.array([_point(a.positions[issue_id].position) for a in actors], dtype=float)
        sal = np.array([a.positions[issue_id].salience.value for a in actors], dtype=float)
        return [a.id for a in actors], cap, pos, sal

    def matrices(self) -> tuple[list[str], list[str], np.ndarray, np.ndarray, np.ndarray]:
        """All continuous issues at once, for multi-dimensional models: (actor ids, issue ids,
        capability[n], position[n, d], salience[n, d]). Every actor must hold every issue."""
        issues = self.continuous
        for a in self.actors:
            missing = [i.id for i in issues if i.id not in a.positions]
            if missing:
                raise ScenarioError(f"{self.source or self.name}: actor {a.id} has no position on {missing}")
        cap = np.array([a.capability.value for a in self.actors], dtype=float)
        pos = np.array(
            [[_point(a.positions[i.id].position) for i in issues] for a in self.actors], dtype=float
        )
        sal = np.array([[a.positions[i.id].salience.value for i in issues] for a in self.actors], dtype=float)
        return [a.id for a in self.actors], [i.id for i in issues], cap, pos, sal

    # -- uncertainty ----------------------------------------------------------------------------

    def uncertain(self) -> list[tuple[str, Param]]:
        """Every parameter given as a range, by a dotted name: `UKR.capability`,
        `UKR.neutrality.salience`, `UKR.neutrality.position`."""
        out: list[tuple[str, Param]] = []
        for a in self.actors:
            if a.capability.uncertain:
                out.append((f"{a.id}.capability", a.capability))
            for issue_id, p in a.positions.items():
                if isinstance(p.position, Param) and p.position.uncertain:
                    out.append((f"{a.id}.{issue_id}.position", p.position))
                if p.salience.uncertain:
                    out.append((f"{a.id}.{issue_id}.salience", p.salience))
        return out

    def with_values(self, values: dict[str, float]) -> Scenario:
        """A copy with the named parameters (as in `uncertain`) set to fixed values."""
        if not values:
            return self
        actors = []
        for a in self.actors:
            cap = a.capability
            if (v := values.get(f"{a.id}.capability")) is not None:
                cap = Param(float(v))
            positions = {}
            for issue_id, p in a.positions.items():
                pos, sal = p.position, p.salience
                if (v := values.get(f"{a.id}.{issue_id}.position")) is not None:
                    pos = Param(float(v))
                if (v := values.get(f"{a.id}.{issue_id}.salience")) is not None:
                    sal = Param(float(v))
                positions[issue_id] = replace(p, position=pos, salience=sal)
            actors.append(replace(a, capability=cap, positions=positions))
        return replace(self, actors=tuple(actors))

    def sample(self, rng: np.random.Generator) -> Scenario:
        """One draw: every range replaced by a uniform draw from it."""
        return self.with_values({name: float(p.draw(rng)) for name, p in self.uncertain()})

    # -- agreement ------------------------------------------------------------------------------

    def acceptable(self, actor: Actor, outcome: dict[str, float | str]) -> bool:
        """Would the actor sign this outcome? It must lie inside the actor's explicit
        `acceptable` set on every issue that has one; on the other issues taken together the
        actor must be no worse off than under the status quo (salience-weighted utility, links
        included), so a loss on one issue can be made good on another. Issues without a status
        quo and not in `outcome` do not count."""
        rest: list[Issue] = []
        for issue in self.issues:
            p = actor.positions.get(issue.id)
            if p is None or issue.id not in outcome:
                continue
            if p.acceptable is None:
                if issue.status_quo is not None:
                    rest.append(issue)
                continue
            x = outcome[issue.id]
            if issue.kind == "categorical":
                if x not in p.acceptable:
                    return False
            else:
                lo, hi = p.acceptable  # type: ignore[misc]
                if not float(lo) - 1e-9 <= float(x) <= float(hi) + 1e-9:
                    return False
        if not rest:
            return True
        status_quo = {i.id: i.status_quo for i in self.issues if i.status_quo is not None}
        gain = sum(
            actor.positions[i.id].salience.value
            * (
                issue_utility(i, actor.positions[i.id], outcome[i.id])
                - issue_utility(i, actor.positions[i.id], i.status_quo)  # type: ignore[arg-type]
            )
            for i in rest
        )
        for link in self.links:
            if link.actor == actor.id and {k for k in link.when} <= {i.id for i in rest}:
                gain += link.value * (_holds(link, outcome) - _holds(link, status_quo))  # type: ignore[arg-type]
        return gain >= -1e-9

    def agreement(self, outcome: dict[str, float | str]) -> bool:
        """An outcome inside every veto player's acceptable set."""
        return all(self.acceptable(a, outcome) for a in self.actors if a.veto)


def issue_utility(issue: Issue, p: Position, x: float | str) -> float:
    """What an outcome of one issue is worth to an actor, in [0, 1] unless its categorical
    utilities say otherwise: 1 - distance / scale span for a continuous issue."""
    if issue.kind == "categorical":
        return utility(p, str(x))
    return 1.0 - abs(float(x) - _point(p.position)) / issue.span


def _holds(link: Link, chosen: dict[str, float | str]) -> bool:
    return all(chosen.get(k) == v for k, v in link.when.items())


def utility(p: Position, option: str) -> float:
    """An actor's utility for an option of a categorical issue: as given, else 1 for its own
    option and 0 for the others."""
    if p.utilities:
        return float(p.utilities.get(option, 0.0))
    return 1.0 if option == p.position else 0.0


def _point(value: Param | str) -> float:
    if isinstance(value, Param):
        return value.value
    raise ScenarioError(f"expected a number, got option {value!r}")
