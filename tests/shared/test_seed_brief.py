"""The founding example: the seed's brief, from its raw text alone, holds every gold case fact."""

import json

import pytest

from parley import brief
from parley.report.brief import to_json

pytestmark = pytest.mark.shared


def test_seed_brief_contains_every_case_fact(shared):
    gold = json.loads((shared / "eval" / "dev" / "istanbul-talks-2022-03-29.gold.json").read_text())[
        "case_facts"
    ]
    case = brief([shared / "seed" / "istanbul-talks-2022-03-29.txt"])
    out = to_json(case)
    assert set(out["parties"]) == set(gold["parties"])
    assert out["venue"] == gold["venue"]
    assert set(out["guarantors_requested"]) == set(gold["guarantors_requested"])
    assert set(out["guarantor_conflicts"]) == set(gold["guarantor_conflicts"])
    assert any("Crimea" in d["text"] and "15-year" in d["text"] for d in out["deferred"])
    assert [u["text"] for u in out["unaddressed"]] == gold["unaddressed"]
    change = out["position_changes"]
    assert any(
        c["party"] == "RUS"
        and c["issue"] == "talks_process"
        and "meeting" in c["after"].lower()
        and "after an agreement" in c["before"]
        for c in change
    )
    assert any("Russia to deliver a response" in s["text"] for s in out["next_steps"])
    # every line carries its evidence, quoted exactly from the text
    text = (shared / "seed" / "istanbul-talks-2022-03-29.txt").read_text(encoding="utf-8")
    from parley.ingest import normalize_text

    stored = normalize_text(text)
    for key in ("deferred", "unaddressed", "position_changes", "next_steps", "guarantees"):
        for item in out[key]:
            ev = item["evidence"]
            assert stored[ev["start"] : ev["end"]] == ev["exact"]
