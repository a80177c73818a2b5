"""Scenarios: YAML and both CSV formats in, YAML out, and errors that say where."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from parley.forecast import ScenarioError, load, to_yaml
from parley.forecast.readers import from_yaml

YAML = """
name: test
issues:
  - id: border
    scale: {min: 0, max: 10, anchors: {0: "old line", 10: "new line"}}
    status_quo: 0
  - id: status
    options: [neutral, aligned]
    status_quo: aligned
actors:
  - id: A
    capability: [2, 4]
    veto: true
    positions:
      border: {position: 8, salience: {value: 0.5, range: [0.4, 0.9]}}
      status: {position: neutral, salience: 1, acceptable: [neutral]}
  - id: B
    capability: 1
    veto: true
    positions:
      border: {position: 2, salience: 0.8, acceptable: [0, 6]}
      status: {position: aligned, salience: 0.5}
links:
  - {actor: B, when: {status: neutral}, value: 0.6}
"""


def write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_is_read_with_ranges_and_options(tmp_path: Path) -> None:
    s = load(write(tmp_path, YAML))
    a = s.actors[0]
    assert a.capability.value == 3 and (a.capability.low, a.capability.high) == (2, 4)
    assert a.positions["border"].salience.value == 0.5
    assert s.issue("status").options == ("neutral", "aligned") and s.issue("border").anchors[10] == "new line"
    assert [name for name, _ in s.uncertain()] == ["A.capability", "A.border.salience"]


def test_yaml_round_trip(tmp_path: Path) -> None:
    s = load(write(tmp_path, YAML))
    again = from_yaml(to_yaml(s))
    assert again.actors == s.actors and again.issues == s.issues and again.links == s.links


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("position: 8,", "position: 12,"),
            "actor A.positions.border.position: 12 lies outside the scale [0, 10]",
        ),
        (("capability: [2, 4]", "capability: [4, 2]"), "actor A.capability: range [4, 2] has low above high"),
        (("position: neutral", "position: allied"), "'allied' is not an option of status"),
        (("border: {position: 2", "borders: {position: 2"), "actor B.positions: unknown issue 'borders'"),
        (("capability: 1\n", "capability: lots\n"), "actor B.capability: expected a number, got 'lots'"),
        (
            ("status_quo: aligned", "status_quo: other"),
            "issues[1].status_quo: 'other' is not one of the options",
        ),
        (("when: {status: neutral}", "when: {status: other}"), "links[0].when: status='other'"),
        (("{value: 0.5, range: [0.4, 0.9]}", "{value: 0.1, range: [0.4, 0.9]}"), "lies outside its range"),
    ],
)
def test_errors_name_the_place(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    assert change[0] in YAML
    with pytest.raises(ScenarioError) as exc:
        load(write(tmp_path, YAML.replace(*change, 1)))
    assert str(tmp_path / "s.yaml") in str(exc.value) and message in str(exc.value)


def test_bad_yaml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match=r"s\.yaml line 3: not valid YAML"):
        load(write(tmp_path, "name: x\nissues: [\n  - id: a\n  - : b: c\n"))


def test_one_issue_csv_with_bare_cr_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_bytes(b"Stakeholder,Resources,Position,Salience\rA,1,0,1\rB,2,10,0.5\rC,1,5,0.5\r")
    s = load(path)
    assert [a.id for a in s.actors] == ["A", "B", "C"]
    assert (s.issues[0].low, s.issues[0].high) == (0, 10)
    _ids, cap, pos, _sal = s.arrays("issue")
    assert list(pos) == [0, 10, 5] and list(cap) == [1, 2, 1]


def test_one_issue_csv_bad_number_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "Actor,Capability,Position,Salience\nA,1,0,1\nB,x,10,0.5\n", "one.csv")
    with pytest.raises(ScenarioError, match=r"one\.csv line 3: capability: expected a number"):
        load(path)


KTAB = """Demo,a made-up case,3,2,
Actor,Description,Power,Pos1,Sal1,Pos2,Sal2,
A,first,10,20,50,80,20,
B,second,20,60,30,40,40,
C,third,15,90,60,10,30,
"""


def test_ktab_csv(tmp_path: Path) -> None:
    s = load(write(tmp_path, KTAB, "k.csv"))
    ids, issues, cap, pos, _sal = s.matrices()
    assert ids == ["A", "B", "C"] and issues == ["Pos1", "Pos2"] and s.description == "a made-up case"
    assert np.allclose(pos, [[20, 80], [60, 40], [90, 10]]) and list(cap) == [10, 20, 15]


def test_ktab_csv_wrong_actor_count(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="line 1 announces 4 actors, the file holds 3"):
        load(write(tmp_path, KTAB.replace("Demo,a made-up case,3", "Demo,a made-up case,4"), "k.csv"))


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="unknown scenario format"):
        load(write(tmp_path, "x", "s.txt"))


def test_sample_stays_inside_ranges_and_with_values_fixes(tmp_path: Path) -> None:
    s = load(write(tmp_path, YAML))
    rng = np.random.default_rng(0)
    for _ in range(50):
        d = s.sample(rng)
        assert 2 <= d.actors[0].capability.value <= 4
        assert 0.4 <= d.actors[0].positions["border"].salience.value <= 0.9
    fixed = s.with_values({"A.capability": 2.5})
    assert fixed.actors[0].capability.value == 2.5 and not fixed.actors[0].capability.uncertain


def test_agreement_needs_every_veto_player(tmp_path: Path) -> None:
    s = load(write(tmp_path, YAML))
    assert s.agreement({"border": 5, "status": "neutral"})
    assert not s.agreement({"border": 7, "status": "neutral"})  # outside B's acceptable [0, 6]
    assert not s.agreement({"border": 5, "status": "aligned"})  # outside A's acceptable set


def test_without_a_set_no_worse_than_the_status_quo_counts_across_issues(tmp_path: Path) -> None:
    text = YAML.replace(", acceptable: [neutral]", "").replace(", acceptable: [0, 6]", "")
    s = load(write(tmp_path, text))
    # B loses 0.5 on status (aligned -> neutral), which its 0.6 link to neutrality makes good;
    # the border at 4 is as good to it (ideal 2) as the status quo 0, at 9 much worse
    assert s.acceptable(s.actors[1], {"border": 4, "status": "neutral"}) is True
    assert s.acceptable(s.actors[1], {"border": 9, "status": "neutral"}) is False
    assert s.acceptable(s.actors[0], {"border": 8, "status": "aligned"}) is True  # gains on the border
