"""`parley brief`: the state of a negotiation, in the terminal, as JSON, or as one HTML file.

Every line keeps its evidence: in the terminal the quote follows it, in JSON it is the evidence
object, in HTML each line links to its quote. The HTML report needs no network: its two plots
(a timeline of positions and a cooperation-conflict trend per dyad from Goldstein scores) are
inline SVG drawn here.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import defaultdict
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from parley.export.csv_rows import codes
from parley.negotiation.case import Case, Item

STANCE_STYLE = {
    "DEMAND": "yellow",
    "OFFER": "green",
    "ACCEPT": "bright_green",
    "REJECT": "red",
    "DEFER": "cyan",
}


def _ev(item_evidence: Any) -> dict[str, Any]:
    return item_evidence.model_dump(mode="json")


def to_json(case: Case) -> dict[str, Any]:
    def items(xs: list[Item]) -> list[dict[str, Any]]:
        return [
            {
                "text": i.text,
                "article": i.article,
                "date": i.date.isoformat() if i.date else None,
                "evidence": _ev(i.evidence),
                **{k: v for k, v in i.data.items()},
            }
            for i in xs
        ]

    matrix = {
        issue: {
            party: [
                {
                    "act": s.act,
                    "object": s.object,
                    "article": s.article,
                    "date": s.date.isoformat() if s.date else None,
                    "statement": s.statement.id,
                    "evidence": _ev(s.statement.evidence),
                }
                for s in stances
            ]
            for party, stances in by_party.items()
        }
        for issue, by_party in case.matrix.items()
    }
    return {
        "negotiation": case.name,
        "parties": case.parties,
        "venue": case.venue,
        "articles": case.articles,
        "matrix": matrix,
        "guarantees": items(case.guarantees),
        "guarantors_requested": case.guarantors_requested,
        "guarantor_conflicts": case.guarantor_conflicts,
        "deferred": items(case.deferred),
        "unaddressed": items(case.unaddressed),
        "contradictions": items(case.contradictions),
        "position_changes": items(case.position_changes),
        "next_steps": items(case.next_steps),
        "trend": trend(case),
    }


def render_terminal(case: Case, console: Console | None = None) -> None:
    c = console or Console()
    c.print(Text(case.name, style="bold"))
    c.print(
        Text(
            f"parties: {', '.join(case.parties)}   venue: {case.venue or '-'}   articles: "
            f"{', '.join(case.articles)}"
        )
    )
    t = Table(
        "issue",
        *case.parties,
        title="Positions (latest stance; history in the JSON and HTML)",
        title_justify="left",
    )
    for issue in sorted(case.matrix):
        row = []
        for p in case.parties:
            s = case.latest(issue, p)
            row.append(
                Text(f"{s.act} {s.object or ''}".strip(), style=STANCE_STYLE.get(s.act, ""))
                if s
                else Text("-")
            )
        t.add_row(issue, *row)
    c.print(t)
    sections = [
        ("Guarantees", case.guarantees),
        ("Deferred", case.deferred),
        ("Unaddressed", case.unaddressed),
        ("Contradictory stances", case.contradictions),
        ("Position changes", case.position_changes),
        ("Next steps", case.next_steps),
    ]
    if case.guarantor_conflicts:
        c.print(
            Text(
                f"Flag: requested guarantor(s) {', '.join(case.guarantor_conflicts)} are a party to the "
                "conflict",
                style="bold red",
            )
        )
    for title, items in sections:
        c.print(Text(title, style="bold underline"))
        for i in items or []:
            c.print(Text(f"  • {i.text}"))
            c.print(
                Text(
                    f"      “{i.evidence.exact}” [{i.article} s{i.evidence.sentence} "
                    f"{i.evidence.start}-{i.evidence.end}]",
                    style="dim",
                )
            )
        if not items:
            c.print(Text("  none found", style="dim"))


def trend(case: Case) -> dict[str, list[tuple[str, float]]]:
    """Mean Goldstein score per dyad and day, cooperation > 0 > conflict."""
    sums: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for _aid, x in case.events:
        for e in x.events:
            if e.goldstein is None or e.target is None or e.type is None:
                continue  # a public statement (CAMEO 01) is neither cooperation nor conflict
            dyad = f"{codes(e.source)}>{codes(e.target)}"
            day = (e.date or x.article.date or dt.date.min).isoformat()
            sums[dyad][day].append(e.goldstein)
    return {
        d: sorted((day, round(sum(v) / len(v), 2)) for day, v in days.items()) for d, days in sums.items()
    }


def svg_trend(trend: dict[str, list[tuple[str, float]]], width: int = 640, height: int = 220) -> str:
    days = sorted({d for pts in trend.values() for d, _ in pts})
    if not days:
        return "<p>No scored events.</p>"
    x_of = {d: 40 + (i * (width - 60) / max(1, len(days) - 1)) for i, d in enumerate(days)}

    def y(v: float) -> float:
        return 20 + (10 - v) * (height - 40) / 20  # Goldstein runs from -10 to +10

    colours = ["#1b7837", "#b2182b", "#2166ac", "#e08214", "#762a83", "#4d4d4d"]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        'aria-label="cooperation-conflict trend">',
        f'<line x1="40" x2="{width - 20}" y1="{y(0)}" y2="{y(0)}" stroke="#999" stroke-dasharray="4"/>',
        f'<text x="2" y="{y(10) + 4}" font-size="10">+10</text>',
        f'<text x="2" y="{y(-10)}" font-size="10">-10</text>',
    ]
    for k, (dyad, pts) in enumerate(sorted(trend.items())):
        colour = colours[k % len(colours)]
        path = " ".join(f"{x_of[d]:.1f},{y(v):.1f}" for d, v in pts)
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>')
        parts += [
            f'<circle cx="{x_of[d]:.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"><title>{html.escape(dyad)} '
            f"{d}: {v}</title></circle>"
            for d, v in pts
        ]
        parts.append(
            f'<text x="{width - 150}" y="{16 + 12 * k}" font-size="11" fill="{colour}">'
            f"{html.escape(dyad)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def svg_timeline(case: Case, width: int = 640) -> str:
    rows = [
        (s.date, issue, party, s.act)
        for issue, bp in case.matrix.items()
        for party, ss in bp.items()
        for s in ss
    ]
    if not rows:
        return "<p>No positions.</p>"
    issues = sorted({r[1] for r in rows})
    days = sorted({(r[0] or dt.date.min).isoformat() for r in rows})
    height = 30 + 22 * len(issues)
    x_of = {d: 170 + (i * (width - 200) / max(1, len(days) - 1)) for i, d in enumerate(days)}
    colour = {
        "DEMAND": "#d6a400",
        "OFFER": "#1b7837",
        "ACCEPT": "#5aae61",
        "REJECT": "#b2182b",
        "DEFER": "#2166ac",
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        'aria-label="timeline of positions">'
    ]
    for k, issue in enumerate(issues):
        yy = 20 + 22 * k
        parts.append(f'<text x="4" y="{yy + 4}" font-size="11">{html.escape(issue)}</text>')
        for day, iss, party, act in rows:
            if iss == issue:
                xx = x_of[(day or dt.date.min).isoformat()] + (8 if party == case.parties[-1] else 0)
                parts.append(
                    f'<circle cx="{xx:.1f}" cy="{yy}" r="5" fill="{colour.get(act, "#999")}">'
                    f"<title>{html.escape(party)} {act} {day}</title></circle>"
                )
    parts.append("</svg>")
    return "".join(parts)


def to_html(case: Case) -> str:
    esc = html.escape
    quotes: list[tuple[str, Item]] = []

    def cite(item: Item) -> str:
        ref = f"q{len(quotes) + 1}"
        quotes.append((ref, item))
        return f'{esc(item.text)} <a href="#{ref}">[{len(quotes)}]</a>'

    def section(title: str, items: list[Item]) -> str:
        body = "".join(f"<li>{cite(i)}</li>" for i in items) or "<li class=dim>none found</li>"
        return f"<h2>{esc(title)}</h2><ul>{body}</ul>"

    head = "".join(f"<th>{esc(p)}</th>" for p in case.parties)
    rows = []
    for issue in sorted(case.matrix):
        cells = []
        for p in case.parties:
            hist = case.matrix[issue].get(p, [])
            if not hist:
                cells.append("<td>-</td>")
                continue
            lines = "<br>".join(
                f'<span class="{s.act}">{esc(s.act)} {esc(s.object or "")}</span> '
                f"{cite(Item(s.statement.id, s.article, s.date, s.statement.evidence))}"
                for s in hist
            )
            cells.append(f"<td>{lines}</td>")
        rows.append(f"<tr><th>{esc(issue)}</th>{''.join(cells)}</tr>")
    flag = (
        (
            f'<p class="flag">Flag: requested guarantor(s) {esc(", ".join(case.guarantor_conflicts))} '
            "are a party to the conflict.</p>"
        )
        if case.guarantor_conflicts
        else ""
    )
    body = (
        f"<h1>{esc(case.name)}</h1><p>Parties: {esc(', '.join(case.parties))}"
        f" · venue: {esc(case.venue or '-')}"
        f" · articles: {esc(', '.join(case.articles))}</p>"
        f"<h2>Positions</h2><table><tr><th>issue</th>{head}</tr>{''.join(rows)}</table>"
        + section("Guarantees", case.guarantees)
        + flag
        + section("Deferred", case.deferred)
        + section("Unaddressed", case.unaddressed)
        + section("Contradictory stances", case.contradictions)
        + section("Position changes", case.position_changes)
        + section("Next steps", case.next_steps)
        + "<h2>Timeline of positions</h2>"
        + svg_timeline(case)
        + "<h2>Cooperation and conflict by dyad (Goldstein)</h2>"
        + svg_trend(trend(case))
    )
    notes = "".join(
        f'<li id="{ref}">“{esc(i.evidence.exact)}” <span class=dim>{esc(i.article)}, sentence '
        f"{i.evidence.sentence}, characters {i.evidence.start}-{i.evidence.end}</span></li>"
        for ref, i in quotes
    )
    style = (
        "body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#222}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;"
        "text-align:left}.DEMAND{color:#8a6d00}.OFFER{color:#1b7837}.ACCEPT{color:#2e7d32}.REJECT{color:#b2182b}"
        ".DEFER{color:#2166ac}.dim{color:#777}.flag{color:#b2182b;font-weight:bold}"
    )
    return (
        f"<!doctype html><html lang=en><meta charset=utf-8><title>{esc(case.name)}</title>"
        f"<style>{style}</style><body>{body}<h2>Evidence</h2><ol>{notes}</ol></body></html>"
    )


def dumps_json(case: Case) -> str:
    return json.dumps(to_json(case), ensure_ascii=False, indent=1)
