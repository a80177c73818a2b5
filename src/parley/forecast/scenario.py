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

    def acceptable(self, actor: Actor, issue: Issue, outcome: float | str) -> bool:
        """Would the actor sign this outcome of the issue? Its `acceptable` set when given; else
        when the outcome is no worse for it than the status quo; else yes."""
        p = actor.positions.get(issue.id)
        if p is None:
            return True
        if p.acceptable is not None:
            if issue.kind == "categorical":
                return outcome in p.acceptable
            lo, hi = p.acceptable  # type: ignore[misc]
            return float(lo) - 1e-9 <= float(outcome) <= float(hi) + 1e-9
        if issue.status_quo is None:
            return True
        if issue.kind == "categorical":
            return utility(p, str(outcome)) >= utility(p, str(issue.status_quo))
        ideal = _point(p.position)
        return abs(float(outcome) - ideal) <= abs(float(issue.status_quo) - ideal) + 1e-9

    def agreement(self, outcome: dict[str, float | str]) -> bool:
        """An outcome inside every veto player's acceptable set, on every issue."""
        return all(
            self.acceptable(a, issue, outcome[issue.id])
            for a in self.actors
            if a.veto
            for issue in self.issues
            if issue.id in outcome
        )


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
