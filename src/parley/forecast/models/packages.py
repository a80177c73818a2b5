"""Packages: one option (or scale point) per issue, and what each is worth to each actor.

The axiomatic bargaining models (Nash, Kalai-Smorodinsky) choose among packages rather than
issue by issue, because a term can be worth something to a party only together with another
(neutrality for Ukraine only with binding guarantees). An actor's utility for a package is its
salience-weighted utility per issue, plus the value of every `link` of its that the package
completes:

    U_i(x) = sum_k s_ik u_ik(x_k) / sum_k s_ik  +  sum_{links l of i, l satisfied by x} v_l

with u_ik = the actor's utility of an option (categorical; 1 for its own option unless given)
or 1 - |x_k - p_ik| / span_k (continuous, on a grid of scale points).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from parley.forecast.scenario import Actor, Issue, Scenario, ScenarioError, issue_utility

MAX_PACKAGES = 200_000  # beyond this the product of options is too large to enumerate


@dataclass
class Space:
    """Every package and every bargainer's utility for it."""

    issues: list[Issue]
    packages: list[tuple[float | str, ...]]
    actors: list[Actor]
    utility: np.ndarray  # [packages, actors]
    disagreement: np.ndarray  # [actors]: the utility of no deal
    weights: np.ndarray  # [actors]: bargaining power
    allowed: np.ndarray  # [packages]: inside every bargainer's explicit acceptable sets

    def feasible(self) -> np.ndarray:
        """The packages every bargainer prefers to no deal and would sign."""
        gains = self.utility - self.disagreement
        return np.flatnonzero(np.all(gains > 1e-12, axis=1) & self.allowed)

    def package(self, k: int) -> dict[str, float | str]:
        return {i.id: v for i, v in zip(self.issues, self.packages[k], strict=True)}


def bargainers(scenario: Scenario) -> list[Actor]:
    """Who must agree: the veto players when the scenario names any, else every actor."""
    veto = [a for a in scenario.actors if a.veto]
    return veto or list(scenario.actors)


def space(scenario: Scenario, *, grid: int | None = None, weighted: bool = True) -> Space:
    """Enumerate the packages. Continuous issues become `grid` evenly spaced scale points; by
    default as many as keep the packages under MAX_PACKAGES, at most 21 (steps of 5%)."""
    issues = list(scenario.issues)
    if grid is None:
        options = int(np.prod([len(i.options) for i in scenario.categorical]))
        grid = 21
        while grid > 3 and options * grid ** len(scenario.continuous) > MAX_PACKAGES:
            grid = (grid + 1) // 2
    values: list[list[float | str]] = []
    for issue in issues:
        if issue.kind == "categorical":
            values.append(list(issue.options))
        else:
            values.append([float(v) for v in np.linspace(issue.low, issue.high, grid)])
    count = int(np.prod([len(v) for v in values]))
    if count > MAX_PACKAGES:
        raise ScenarioError(
            f"{scenario.source or scenario.name}: {count:,} packages to compare; "
            f"lower --grid or split the issues (at most {MAX_PACKAGES:,})"
        )
    packages = list(itertools.product(*values))
    actors = bargainers(scenario)
    table = _table(scenario, actors, issues, values)
    disagreement = _disagreement(scenario, actors, issues, table)
    weights = (
        np.array([a.capability.value for a in actors], dtype=float) if weighted else np.ones(len(actors))
    )
    if weights.sum() <= 0:
        weights = np.ones(len(actors))
    allowed = _allowed(actors, issues, values)
    return Space(issues, packages, actors, table, disagreement, weights / weights.sum(), allowed)


def pareto(utility: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """The candidates (package indices) that no other candidate dominates. In descending
    lexicographic order a package can only be dominated by one before it, and then by one
    already on the frontier, so each is checked against the (short) frontier alone."""
    u = utility[candidates]
    order = np.lexsort(-u.T[::-1])
    kept: list[int] = []
    for k in order:
        if kept:
            f = u[kept]
            if np.any(np.all(f >= u[k], axis=1) & np.any(f > u[k], axis=1)):
                continue
        kept.append(int(k))
    return candidates[np.array(sorted(kept), dtype=int)]


def _table(scenario: Scenario, actors: list[Actor], issues: list[Issue], values: list[list]) -> np.ndarray:
    """U[package, actor] for the product of `values` in itertools.product order, built per issue
    and broadcast, so thousands of packages cost array operations, not Python loops."""
    shape = [len(v) for v in values]
    total = np.zeros((*shape, len(actors)))
    weight = np.zeros(len(actors))
    for k, (issue, vals) in enumerate(zip(issues, values, strict=True)):
        u = np.zeros((len(vals), len(actors)))
        for j, a in enumerate(actors):
            p = a.positions.get(issue.id)
            if p is None:
                continue
            u[:, j] = [issue_utility(issue, p, x) for x in vals]
            u[:, j] *= p.salience.value
            weight[j] += p.salience.value
        view = [1] * len(values) + [len(actors)]
        view[k] = len(vals)
        total = total + u.reshape(view)
    total = total / np.where(weight > 0, weight, 1.0)
    for link in scenario.links:
        if link.actor not in [a.id for a in actors]:
            continue
        mask = np.ones(shape, dtype=bool)
        for k, (issue, vals) in enumerate(zip(issues, values, strict=True)):
            if issue.id in link.when:
                hit = np.array([v == link.when[issue.id] for v in vals])
                view = [1] * len(values)
                view[k] = len(vals)
                mask = mask & hit.reshape(view)
        total[..., [a.id for a in actors].index(link.actor)] += np.where(mask, link.value, 0.0)
    return total.reshape(-1, len(actors))


def _allowed(actors: list[Actor], issues: list[Issue], values: list[list]) -> np.ndarray:
    """Packages inside every bargainer's explicit `acceptable` sets (broadcast per issue)."""
    mask = np.ones([len(v) for v in values], dtype=bool)
    for k, (issue, vals) in enumerate(zip(issues, values, strict=True)):
        ok = np.ones(len(vals), dtype=bool)
        for a in actors:
            p = a.positions.get(issue.id)
            if p is None or p.acceptable is None:
                continue
            if issue.kind == "categorical":
                ok &= np.array([v in p.acceptable for v in vals])
            else:
                lo, hi = p.acceptable  # type: ignore[misc]
                ok &= np.array([float(lo) - 1e-9 <= float(v) <= float(hi) + 1e-9 for v in vals])
        view = [1] * len(values)
        view[k] = len(vals)
        mask = mask & ok.reshape(view)
    return mask.reshape(-1)


def _value(scenario: Scenario, actor: Actor, issues: list[Issue], package: tuple) -> float:
    """One actor's utility for one package (the status quo)."""
    values = [[x] for x in package]
    return float(_table(scenario, [actor], issues, values)[0, 0])


def _disagreement(
    scenario: Scenario, actors: list[Actor], issues: list[Issue], table: np.ndarray
) -> np.ndarray:
    """No deal leaves the status quo; where an issue has none, each actor's worst package."""
    if all(i.status_quo is not None for i in issues):
        sq = tuple(float(i.status_quo) if i.kind == "continuous" else i.status_quo for i in issues)  # type: ignore[arg-type]
        return np.array([_value(scenario, a, issues, sq) for a in actors], dtype=float)
    return table.min(axis=0)
