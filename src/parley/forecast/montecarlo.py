"""Monte Carlo over the ranges of a scenario: outcome distributions, the probability of agreement
and a one-at-a-time sensitivity (tornado) table.

Each draw replaces every range by a uniform draw from it and runs the model. Models registered
with a `batch` function (one issue at a time, e.g. compromise, median, bdm) run all draws of an
issue at once; the others run draw by draw.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from parley.forecast.models import get
from parley.forecast.scenario import Scenario


@dataclass
class Simulation:
    model: str
    draws: int
    seed: int
    outcomes: dict[str, list[float | str]]  # issue id -> one outcome per draw
    agreement: float | None  # share of draws inside every veto player's acceptable set
    tornado: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, dict[str, Any]]:
        """Per issue: quantiles of a continuous outcome, shares of a categorical one."""
        out: dict[str, dict[str, Any]] = {}
        for issue_id, values in self.outcomes.items():
            if values and isinstance(values[0], str):
                counts = Counter(values)
                out[issue_id] = {k: round(v / len(values), 4) for k, v in counts.most_common()}
            else:
                a = np.asarray(values, dtype=float)
                q = np.quantile(a, [0.05, 0.25, 0.5, 0.75, 0.95])
                out[issue_id] = {
                    "mean": round(float(a.mean()), 4),
                    "sd": round(float(a.std()), 4),
                    **{
                        k: round(float(v), 4)
                        for k, v in zip(("p5", "p25", "p50", "p75", "p95"), q, strict=True)
                    },
                }
        return out

    def to_data(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "draws": self.draws,
            "seed": self.seed,
            "probability_of_agreement": None if self.agreement is None else round(self.agreement, 4),
            "outcomes": self.summary(),
            "tornado": self.tornado,
        }


def simulate(
    scenario: Scenario, model: str, *, draws: int = 1000, seed: int = 0, **params: Any
) -> Simulation:
    """Run `model` on `draws` draws of the scenario's ranges."""
    rng = np.random.default_rng(seed)
    fn = get(model)
    batch = getattr(fn, "batch", None)
    if batch is not None and not scenario.categorical:
        outcomes, agreed = _batched(scenario, batch, draws, rng, params)
    else:
        outcomes = {i.id: [] for i in scenario.issues}
        agreed = np.zeros(draws, dtype=bool)
        for n in range(draws):
            draw = scenario.sample(rng)
            result = fn(draw, **params).outcome
            agreed[n] = draw.agreement(result)  # judged by the drawn positions
            for issue_id, v in result.items():
                outcomes[issue_id].append(v)
        outcomes = {k: v for k, v in outcomes.items() if v}
    # with no veto player named there is no acceptable set to fall in: not a probability of 1
    agreement = float(agreed.mean()) if draws and any(a.veto for a in scenario.actors) else None
    sim = Simulation(model, draws, seed, outcomes, agreement)
    sim.tornado = tornado(scenario, model, **params)
    return sim


def _batched(
    scenario: Scenario, batch: Any, draws: int, rng: np.random.Generator, params: dict[str, Any]
) -> tuple[dict[str, list[float | str]], np.ndarray]:
    """All draws of each issue in one call of the model's batch function; agreement judged
    per draw by the veto players' drawn positions."""
    out: dict[str, list[float | str]] = {}
    agreed = np.ones(draws, dtype=bool)
    gain = {a.id: np.zeros(draws) for a in scenario.actors if a.veto}  # over issues without a set
    capability = {a.id: a.capability.draw(rng, draws) for a in scenario.actors}  # one draw per actor
    for issue in scenario.continuous:
        actors = scenario.members(issue.id)
        cap = np.stack([capability[a.id] for a in actors], axis=1)
        pos = np.stack([a.positions[issue.id].position.draw(rng, draws) for a in actors], axis=1)  # type: ignore[union-attr]
        sal = np.stack([a.positions[issue.id].salience.draw(rng, draws) for a in actors], axis=1)
        outcome = np.asarray(batch(cap, pos, sal, **params), dtype=float)
        out[issue.id] = [float(v) for v in outcome]
        for j, a in enumerate(actors):
            if not a.veto:
                continue
            acceptable = a.positions[issue.id].acceptable
            if acceptable is not None:  # as Scenario.acceptable, over all draws at once
                lo, hi = acceptable
                agreed &= (outcome >= float(lo) - 1e-9) & (outcome <= float(hi) + 1e-9)
            elif issue.status_quo is not None:
                sq = float(issue.status_quo)
                gain[a.id] += sal[:, j] * (np.abs(sq - pos[:, j]) - np.abs(outcome - pos[:, j])) / issue.span
    for g in gain.values():
        agreed &= g >= -1e-9
    return out, agreed


def tornado(scenario: Scenario, model: str, **params: Any) -> list[dict[str, Any]]:
    """One at a time: each uncertain parameter at its low and at its high end, the others at
    their point values; rows sorted by the largest swing of a continuous outcome."""
    fn = get(model)
    base = fn(scenario, **params).outcome
    rows = []
    for name, p in scenario.uncertain():
        low = fn(scenario.with_values({name: p.low}), **params).outcome  # type: ignore[dict-item]
        high = fn(scenario.with_values({name: p.high}), **params).outcome  # type: ignore[dict-item]
        for issue_id, b in base.items():
            lo, hi = low.get(issue_id), high.get(issue_id)
            if isinstance(b, str) or lo is None or hi is None:
                changed = lo != b or hi != b
                swing = 1.0 if changed else 0.0
            else:
                swing = abs(float(hi) - float(lo))
            if swing > 0:
                rows.append(
                    {
                        "parameter": name,
                        "range": [p.low, p.high],
                        "issue": issue_id,
                        "base": b,
                        "at_low": lo,
                        "at_high": hi,
                        "swing": round(swing, 6),
                    }
                )
    rows.sort(key=lambda r: -r["swing"])
    return rows
