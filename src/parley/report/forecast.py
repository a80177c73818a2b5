"""A forecast for people: a terminal table with a text plot per issue, JSON, and an SVG plot of
the positions round by round."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from rich.console import Console
from rich.table import Table

from parley.forecast import Forecast, Scenario
from parley.forecast.montecarlo import Simulation

BAR = 40  # characters of the text plot's scale


def to_json(scenario: Scenario, forecast: Forecast, sim: Simulation | None = None) -> str:
    data: dict[str, Any] = {"scenario": scenario.name, **forecast.to_data()}
    if sim is not None:
        data["monte_carlo"] = sim.to_data()
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def render_terminal(scenario: Scenario, forecast: Forecast, sim: Simulation | None, console: Console) -> None:
    console.print(f"[bold]{forecast.model}[/bold] forecast of [bold]{escape(scenario.name)}[/bold]")
    outcome = Table(title="Outcome", title_justify="left")
    for column in ("issue", "outcome", "nearest anchor", "rounds"):
        outcome.add_column(column)
    for issue in scenario.issues:
        if issue.id not in forecast.outcome:
            continue
        value = forecast.outcome[issue.id]
        shown = value if isinstance(value, str) else f"{value:.2f}"
        rounds = len(forecast.history.get(issue.id, [])) - 1
        outcome.add_row(issue.name, shown, _anchor(issue, value), str(max(rounds, 0)) if rounds > 0 else "")
    console.print(outcome)
    for issue_id, history in forecast.history.items():
        if len(history) < 2:
            continue
        issue = scenario.issue(issue_id)
        plot = Table(title=f"{issue.name}: median (●) and mean (○) by round", title_justify="left")
        for column in ("round", "median", "mean", f"{issue.low:g} … {issue.high:g}"):
            plot.add_column(
                column, justify="right" if column != f"{issue.low:g} … {issue.high:g}" else "left"
            )
        for n, r in enumerate(history):
            plot.add_row(
                str(n), f"{r.median:.2f}", f"{r.mean:.2f}", _bar(issue.low, issue.high, r.median, r.mean)
            )
        console.print(plot)
    shown = {k: v for k, v in forecast.diagnostics.items() if isinstance(v, (int, float, str, bool))}
    if shown:
        console.print("diagnostics: " + ", ".join(f"{k}={v}" for k, v in shown.items()))
    if sim is not None:
        _render_simulation(sim, console)


def _render_simulation(sim: Simulation, console: Console) -> None:
    console.print(
        f"\n[bold]Monte Carlo[/bold]: {sim.draws:,} draws (seed {sim.seed}); "
        + (
            f"probability of agreement {sim.agreement:.1%}"
            if sim.agreement is not None
            else "probability of agreement: n/a (the scenario names no veto player)"
        )
    )
    table = Table(title="Outcome distribution", title_justify="left")
    for column in ("issue", "mean", "sd", "p5", "p50", "p95", "shares"):
        table.add_column(column)
    for issue_id, s in sim.summary().items():
        if "mean" in s:
            table.add_row(issue_id, *(f"{s[k]:.2f}" for k in ("mean", "sd", "p5", "p50", "p95")), "")
        else:
            table.add_row(issue_id, "", "", "", "", "", ", ".join(f"{k} {v:.0%}" for k, v in s.items()))
    console.print(table)
    if sim.tornado:
        tornado = Table(
            title="Sensitivity (one at a time, low / high end of each range)", title_justify="left"
        )
        for column in ("parameter", "range", "issue", "at low", "at high", "swing"):
            tornado.add_column(column)
        for row in sim.tornado[:15]:
            tornado.add_row(
                row["parameter"],
                f"{row['range'][0]:g}–{row['range'][1]:g}",
                row["issue"],
                _fmt(row["at_low"]),
                _fmt(row["at_high"]),
                f"{row['swing']:.2f}",
            )
        console.print(tornado)


def _fmt(v: Any) -> str:
    return f"{v:.2f}" if isinstance(v, float) else str(v)


def _anchor(issue: Any, value: float | str) -> str:
    if isinstance(value, str) or not issue.anchors:
        return ""
    point = min(issue.anchors, key=lambda a: abs(a - float(value)))
    return f"{point:g}: {issue.anchors[point]}"


def _bar(low: float, high: float, median: float, mean: float) -> str:
    cells = ["·"] * (BAR + 1)
    for value, mark in ((mean, "○"), (median, "●")):
        k = round((value - low) / ((high - low) or 1) * BAR)
        cells[min(max(k, 0), BAR)] = mark
    return "".join(cells)


def svg(scenario: Scenario, forecast: Forecast, *, width: int = 640, panel: int = 180) -> str:
    """Per issue, every actor's position by round (grey), the median (bold) and the mean (dashed);
    issues without rounds show the positions and the outcome on the scale."""
    issues = [i for i in scenario.continuous if i.id in forecast.outcome]
    height = max(1, len(issues)) * (panel + 30) + 40
    left, right, top = 60, 20, 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="11">',
        f'<text x="{left}" y="16" font-size="13" font-weight="bold">'
        f"{escape(forecast.model)}: {escape(scenario.name)}</text>",
        f'<text x="{left}" y="32" fill="#555">by round: median (bold blue), mean (dashed orange), '
        "each actor (grey; hover for its name)</text>",
    ]
    for n, issue in enumerate(issues):
        y0 = top + n * (panel + 30)
        history = forecast.history.get(issue.id) or []
        steps = max(len(history) - 1, 1)

        def x(k: float, steps: int = steps) -> float:
            return left + (width - left - right) * k / steps

        def y(v: float, issue: Any = issue, y0: float = y0) -> float:
            return y0 + panel - panel * (v - issue.low) / issue.span

        parts.append(f'<text x="{left}" y="{y0 - 4}" font-weight="bold">{escape(issue.name)}</text>')
        parts.append(
            f'<rect x="{left}" y="{y0}" width="{width - left - right}" height="{panel}" '
            f'fill="none" stroke="#bbb"/>'
        )
        for v in (issue.low, (issue.low + issue.high) / 2, issue.high):
            parts.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
        if len(history) >= 2:
            for actor in history[0].positions:
                points = " ".join(f"{x(k):.1f},{y(r.positions[actor]):.1f}" for k, r in enumerate(history))
                parts.append(
                    f'<polyline points="{points}" fill="none" stroke="#ccc">'
                    f"<title>{escape(actor)}</title></polyline>"
                )
            for attr, style in (
                ("median", 'stroke="#1f4e79" stroke-width="2.5"'),
                ("mean", 'stroke="#c55a11" stroke-dasharray="5 3" stroke-width="1.5"'),
            ):
                points = " ".join(f"{x(k):.1f},{y(getattr(r, attr)):.1f}" for k, r in enumerate(history))
                parts.append(
                    f'<polyline points="{points}" fill="none" {style}><title>{attr}</title></polyline>'
                )
            for k in range(len(history)):
                parts.append(f'<text x="{x(k):.1f}" y="{y0 + panel + 13}" text-anchor="middle">{k}</text>')
        else:
            for a in scenario.members(issue.id):
                v = a.positions[issue.id].position.value  # type: ignore[union-attr]
                parts.append(
                    f'<circle cx="{x(0.5):.1f}" cy="{y(v):.1f}" r="3" fill="#999">'
                    f"<title>{escape(a.id)}</title></circle>"
                )
            value = forecast.outcome[issue.id]
            if not isinstance(value, str):
                parts.append(
                    f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                    f'stroke="#1f4e79" stroke-width="2.5"><title>outcome {value:.2f}</title></line>'
                )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
