"""What every bargaining model returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Round:
    """The state of one issue after one round (round 0 = the actors' initial positions)."""

    positions: dict[str, float]  # actor id -> position
    median: float
    mean: float

    def to_data(self) -> dict[str, Any]:
        return {
            "median": round(self.median, 6),
            "mean": round(self.mean, 6),
            "positions": {k: round(v, 6) for k, v in self.positions.items()},
        }


@dataclass
class Forecast:
    """A model's forecast: the outcome per issue (a scale point or an option), the per-round
    history per issue where the model has rounds, and model-specific diagnostics."""

    model: str
    params: dict[str, Any]
    outcome: dict[str, float | str]
    history: dict[str, list[Round]] = field(default_factory=dict)  # issue id -> rounds
    diagnostics: dict[str, Any] = field(default_factory=dict)

    @property
    def rounds(self) -> int:
        return max((len(h) - 1 for h in self.history.values()), default=0)

    def to_data(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "params": self.params,
            "outcome": {k: round(v, 6) if isinstance(v, float) else v for k, v in self.outcome.items()},
            "rounds": {
                issue: [dict(round=n, **r.to_data()) for n, r in enumerate(h)]
                for issue, h in self.history.items()
            },
            "diagnostics": self.diagnostics,
        }
