"""A case across three articles written by us about successive rounds of the 2022 talks."""

from pathlib import Path

from parley import brief
from parley.report.brief import to_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# two earlier rounds in their folder, and the Istanbul round of 29 March 2022
ROUNDS = [EXAMPLES / "ukraine-russia-2022", EXAMPLES / "istanbul-round-2022-03-29.txt"]


def test_three_rounds_give_histories_and_a_detected_change():
    case = brief(ROUNDS)
    assert len(case.articles) == 3 and set(case.parties) == {"RUS", "UKR"}
    history = case.matrix["alliance_membership"]
    assert history["RUS"][0].act == "DEMAND"
    assert [(s.act, str(s.date)) for s in history["UKR"]] == [
        ("REJECT", "2022-03-07"),
        ("OFFER", "2022-03-29"),
    ]
    changes = to_json(case)["position_changes"]
    assert any(
        c["party"] == "UKR"
        and c["issue"] == "alliance_membership"
        and c["before"].startswith("REJECT")
        and c["after"].startswith("OFFER")
        for c in changes
    )


def test_histories_are_in_date_order_with_evidence():
    case = brief(ROUNDS)
    for by_party in case.matrix.values():
        for stances in by_party.values():
            dates = [s.date for s in stances]
            assert dates == sorted(dates)
            assert all(s.statement.evidence.exact for s in stances)


def test_contradictory_stances_of_one_party_are_flagged(tmp_path):
    f = tmp_path / "talks-2023-02-01.txt"
    f.write_text(
        "Serbia and Kosovo resumed talks in Brussels on Monday.\n\n"
        "Serbia offered to recognize Kosovo's passports. Later the same day Serbia refused to recognize "
        "Kosovo's passports, the negotiators said, and the talks ended without a deal.",
        encoding="utf-8",
    )
    out = to_json(brief([f]))
    assert any(c["text"].startswith("SRB") for c in out["contradictions"]), out["contradictions"]
