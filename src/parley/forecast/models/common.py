"""Pieces the one-issue-at-a-time models share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from parley.forecast.result import Forecast, Round
from parley.forecast.scenario import Issue, Scenario, ScenarioError


def weighted_median(pos: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Per row of [B, n]: the position where the cumulative weight, in position order, first
    reaches half the total (the lower weighted median)."""
    pos, weight = np.atleast_2d(pos), np.atleast_2d(weight)
    order = np.argsort(pos, axis=1, kind="stable")
    p = np.take_along_axis(pos, order, axis=1)
    cum = np.cumsum(np.take_along_axis(weight, order, axis=1), axis=1)
    k = np.argmax(cum >= cum[:, -1:] / 2 - 1e-12, axis=1)
    return p[np.arange(len(p)), k]


def weighted_plurality(scenario: Scenario, issue_id: str) -> str:
    """A categorical issue: the option with the most capability x salience behind it."""
    support: dict[str, float] = {o: 0.0 for o in scenario.issue(issue_id).options}
    for a in scenario.members(issue_id):
        p = a.positions[issue_id]
        support[str(p.position)] += a.capability.value * p.salience.value
    return max(support, key=lambda o: support[o])


def continuous_issues(
    scenario: Scenario, outcome: dict[str, float | str]
) -> Iterator[tuple[Issue, list[str], np.ndarray, np.ndarray, np.ndarray]]:
    """Each continuous issue with its (actor ids, capability, position, salience); categorical
    issues are settled on the way by weighted plurality, into `outcome`."""
    for issue in scenario.issues:
        if issue.kind == "categorical":
            outcome[issue.id] = weighted_plurality(scenario, issue.id)
            continue
        ids, cap, pos, sal = scenario.arrays(issue.id)
        if not ids:
            raise ScenarioError(f"{scenario.source or scenario.name}: no actor holds issue {issue.id}")
        yield issue, ids, cap, pos, sal


def per_issue(
    scenario: Scenario, name: str, params: dict[str, Any], rounds_fn: Callable[..., list[np.ndarray]]
) -> Forecast:
    """Run a one-issue model on every continuous issue (`rounds_fn(cap, pos, sal, **params)`
    returns the positions after each round, round 0 first) and settle categorical issues by
    weighted plurality."""
    outcome: dict[str, float | str] = {}
    history: dict[str, list[Round]] = {}
    for issue, ids, cap, pos, sal in continuous_issues(scenario, outcome):
        rounds = [np.asarray(r, dtype=float) for r in rounds_fn(cap, pos, sal, **params)]
        history[issue.id] = [
            Round(
                positions=dict(zip(ids, map(float, r), strict=True)),
                median=float(weighted_median(r, cap * sal)[0]),
                mean=float(np.sum(cap * sal * r) / np.sum(cap * sal)),
            )
            for r in rounds
        ]
        outcome[issue.id] = history[issue.id][-1].median
    return Forecast(model=name, params=params, outcome=outcome, history=history)
