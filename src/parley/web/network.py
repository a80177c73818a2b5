"""The actor network of a negotiation as SVG: who demands, offers, accepts or rejects what of whom
(solid arrows, coloured by act), who is asked to guarantee whom (dashed green arrows)."""

from __future__ import annotations

import math
from collections import Counter
from html import escape

from parley.negotiation.case import Case

ACT_COLOUR = {
    "DEMAND": "#b8860b",
    "OFFER": "#1b7837",
    "ACCEPT": "#5aae61",
    "REJECT": "#b2182b",
    "DEFER": "#2166ac",
}


def edges(case: Case) -> Counter[tuple[str, str, str]]:
    """(from, to, kind) -> how often; kind is a statement act or GUARANTEE."""
    out: Counter[tuple[str, str, str]] = Counter()
    for _issue, row in case.matrix.items():
        for party, stances in row.items():
            for s in stances:
                targets = _codes(s.statement.target) or [p for p in case.parties if p != party]
                for t in targets:
                    if t != party:
                        out[(party, t, s.act)] += 1
                for g in s.statement.guarantors:
                    out[(g, party, "GUARANTEE")] += 1
    return out


def svg(case: Case, size: int = 520) -> str:
    links = edges(case)
    others = [n for n in dict.fromkeys(n for a, b, _ in links for n in (a, b)) if n not in case.parties]
    # the parties face each other across the circle, the others fill the two arcs between them
    half = (len(others) + 1) // 2
    nodes = list(dict.fromkeys([*case.parties[:1], *others[:half], *case.parties[1:], *others[half:]]))
    if len(nodes) < 2:
        return "<p class=dim>No relations between actors found.</p>"
    c, r = size / 2, size / 2 - 60
    at = {
        n: (
            c + r * math.cos(2 * math.pi * k / len(nodes) - math.pi / 2),
            c + r * math.sin(2 * math.pi * k / len(nodes) - math.pi / 2),
        )
        for k, n in enumerate(nodes)
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" role="img" '
        'aria-label="actor network" font-family="sans-serif" font-size="12">',
        "<defs>"
        + "".join(
            f'<marker id="arrow-{k}" viewBox="0 0 10 10" refX="24" refY="5" markerWidth="6" markerHeight="6" '
            f'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
            for k, colour in {**ACT_COLOUR, "GUARANTEE": "#2e7d32"}.items()
        )
        + "</defs>",
    ]
    seen: Counter[tuple[str, str]] = Counter()
    for (a, b, kind), n in sorted(links.items()):
        (x1, y1), (x2, y2) = at[a], at[b]
        bend = 18 * seen[(a, b)]  # parallel relations fan out
        seen[(a, b)] += 1
        mx, my = (
            (x1 + x2) / 2 + bend * (y2 - y1) / (math.dist(at[a], at[b]) or 1),
            (y1 + y2) / 2 - bend * (x2 - x1) / (math.dist(at[a], at[b]) or 1),
        )
        colour = ACT_COLOUR.get(kind, "#2e7d32")
        dash = ' stroke-dasharray="6 4"' if kind == "GUARANTEE" else ""
        parts.append(
            f'<path d="M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {x2:.1f},{y2:.1f}" fill="none" '
            f'stroke="{colour}" '
            f'stroke-width="{1.5 + min(n, 4) * 0.5}"{dash} marker-end="url(#arrow-{kind})">'
            f"<title>{escape(a)} {kind.lower()} → {escape(b)} ({n})</title></path>"
        )
    for n in nodes:
        x, y = at[n]
        party = n in case.parties
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="18" fill="{"#1f4e79" if party else "#fff"}" '
            'stroke="#1f4e79"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" fill="{"#fff" if party else "#1f4e79"}" '
            f'font-weight="bold" font-size="10">{escape(n)}</text>'
        )
    legend = [*ACT_COLOUR.items(), ("GUARANTEE", "#2e7d32")]
    for k, (kind, colour) in enumerate(legend):
        parts.append(f'<text x="8" y="{16 + 14 * k}" fill="{colour}">{kind.lower()}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _codes(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
