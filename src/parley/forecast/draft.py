"""A draft scenario from a negotiation case, for an analyst to review before any forecast.

Each issue of the case's issue x party matrix becomes a continuous issue on a 0-100 scale:
0 = the status quo (the term not adopted), 100 = the term as first put on the table (the object
of the first demand or offer). A party's latest stance gives its position (demand, offer, accept
-> 100; defer -> 50; reject -> 0), its share of attention gives the salience (statements on the
issue over statements on its most-discussed issue). A party with no stated stance gets the whole
scale as its range. Capabilities are not in the text: every party starts equal, with a wide range.
Every parameter carries the evidence it came from and `draft: true`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from parley.forecast.readers import from_data
from parley.forecast.scenario import Scenario
from parley.negotiation.case import Case, Stance

STANCE_POSITION = {"DEMAND": 100.0, "OFFER": 100.0, "ACCEPT": 100.0, "DEFER": 50.0, "REJECT": 0.0}
VERB = {
    "DEMAND": "demanded",
    "OFFER": "offered",
    "ACCEPT": "accepted",
    "DEFER": "deferred",
    "REJECT": "rejected",
}
CAPABILITY = [25.0, 75.0]  # no text states power: equal parties, wide range, for the analyst to set


def draft(case: Case) -> Scenario:
    parties = list(case.parties)
    attention = {p: Counter() for p in parties}
    for issue, row in case.matrix.items():
        for party, stances in row.items():
            if party in attention:
                attention[party][issue] += len(stances)
    issues: list[dict[str, Any]] = []
    positions: dict[str, dict[str, Any]] = {p: {} for p in parties}
    for issue, row in case.matrix.items():
        stances = [s for p in parties for s in row.get(p, [])]
        if not stances:
            continue
        first = min(
            (s for s in stances if s.act in {"DEMAND", "OFFER"}),
            key=lambda s: (s.date is None, s.date, s.statement.evidence.start),
            default=stances[0],
        )
        owner = first.statement.actor
        owner = owner if isinstance(owner, str) else "+".join(owner or [])
        term = f"as {owner} {VERB[first.act]}: {_short(first.statement.evidence.exact)}"
        issues.append(
            {
                "id": issue,
                "name": issue.replace("_", " "),
                "kind": "continuous",
                "scale": {"min": 0, "max": 100, "anchors": {0: "status quo", 100: term}},
                "status_quo": 0,
            }
        )
        for party in parties:
            positions[party][issue] = _position(row.get(party, []), attention[party], issue)
    actors = [
        {
            "id": party,
            "name": party,
            "capability": CAPABILITY,
            "veto": True,  # each party of the talks must sign
            "draft": True,
            "evidence": [{"note": "capability is not stated in the articles; set it (e.g. from CINC)"}],
            "positions": positions[party],
        }
        for party in parties
    ]
    data = {
        "name": f"draft: {case.name}",
        "description": (
            f"Drafted by `parley scenario init` from {len(case.articles)} article(s); "
            "every value is marked draft until an analyst reviews it."
        ),
        "issues": issues,
        "actors": actors,
    }
    return from_data(data, source=f"case {case.name}")


def _position(stances: list[Stance], attention: Counter, issue: str) -> dict[str, Any]:
    if not stances:
        return {
            "position": [0, 100],
            "salience": [0.1, 1.0],
            "draft": True,
            "evidence": [{"note": "no stated stance in the articles"}],
        }
    latest = stances[-1]
    salience = round(attention[issue] / max(attention.values()), 3)
    return {
        "position": STANCE_POSITION[latest.act],
        "salience": {
            "value": salience,
            "range": [round(salience / 2, 3), min(1.0, round(salience * 1.5, 3))],
        },
        "draft": True,
        "evidence": [_evidence(s) for s in stances],
    }


def _short(quote: str, limit: int = 90) -> str:
    return quote if len(quote) <= limit else quote[: limit - 1].rsplit(" ", 1)[0] + "…"


def _evidence(s: Stance) -> dict[str, Any]:
    e = s.statement.evidence
    return {
        "article": s.article,
        "date": s.date.isoformat() if s.date else None,
        "act": s.act,
        "object": s.object,
        "sentence": e.sentence,
        "start": e.start,
        "end": e.end,
        "quote": e.exact,
        "rule": s.statement.rule,
    }
