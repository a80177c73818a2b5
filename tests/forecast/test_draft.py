"""`scenario init`: a draft scenario from a negotiation, every value traced to its evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley import api
from parley.forecast import MODELS, Scenario
from parley.forecast.readers import from_yaml, to_yaml

ROOT = Path(__file__).resolve().parents[2]
ISTANBUL = ROOT / "examples" / "istanbul-round-2022-03-29.txt"


@pytest.fixture(scope="module")
def draft() -> Scenario:
    return api.scenario_init([ISTANBUL])


def test_parties_are_veto_players_with_draft_capability(draft: Scenario) -> None:
    assert [a.id for a in draft.actors] == ["RUS", "UKR"]
    assert all(a.veto and a.draft and a.capability.uncertain for a in draft.actors)


def test_stances_become_positions(draft: Scenario) -> None:
    ukr = {a.id: a for a in draft.actors}["UKR"]
    rus = {a.id: a for a in draft.actors}["RUS"]
    assert ukr.positions["security_guarantees"].position.value == 100  # demanded
    assert ukr.positions["territory"].position.value == 50  # deferred (Crimea over 15 years)
    assert rus.positions["territory"].position.value == 100
    # Russia said nothing on guarantees: the whole scale, for the analyst to set
    unknown = rus.positions["security_guarantees"].position
    assert (unknown.low, unknown.high) == (0, 100)


def test_every_value_carries_its_evidence(draft: Scenario) -> None:
    text = ISTANBUL.read_text(encoding="utf-8")
    quotes = 0
    for a in draft.actors:
        for p in a.positions.values():
            assert p.draft and p.evidence
            for e in p.evidence:
                if "quote" in e:
                    quotes += 1
                    assert " ".join(e["quote"].split()) in " ".join(text.split())
                    assert e["rule"] and e["act"] in {"DEMAND", "OFFER", "ACCEPT", "REJECT", "DEFER"}
                else:
                    assert e["note"] == "no stated stance in the articles"
    assert quotes >= 6


def test_salience_follows_attention(draft: Scenario) -> None:
    for a in draft.actors:
        stated = [p.salience.value for p in a.positions.values() if "quote" in p.evidence[0]]
        assert max(stated) == 1.0 and all(0 < v <= 1 for v in stated)


def test_draft_is_valid_yaml_and_forecastable(draft: Scenario) -> None:
    again = from_yaml(to_yaml(draft))
    assert again.actors == draft.actors
    for name in ("compromise", "bdm", "nash"):
        assert MODELS[name](again).outcome
