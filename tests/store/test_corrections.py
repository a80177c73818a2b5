"""Analysts' corrections: each action, stable keys across re-extraction, orphans, exports, validation.

Store tests run on SQLite and, with PARLEY_TEST_PG_URL, on PostgreSQL (the `store` and `db_url`
fixtures of conftest.py).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import pytest

from parley import api
from parley.export import FORMATS
from parley.model import Event, Extraction, Statement
from parley.store import Correction, Store, rows
from parley.store.corrections import apply, build, key, orphans

MakeExtraction = Callable[..., Extraction]
DOC = "faroe-talks-2024-03-04"


def _event(x: Extraction, type_: str) -> Event:
    return next(e for e in x.events if e.type == type_)


def _statement(x: Extraction, id_: str) -> Statement:
    return next(s for s in x.statements if s.id == id_)


def _correct(store: Store, item: Event | Statement | None = None, **fields: Any) -> Correction:
    fields.setdefault("article_id", DOC)
    if item is not None:
        fields.setdefault("kind", "event" if isinstance(item, Event) else "statement")
        fields["item"] = key(item)
    return store.add_correction(build(**fields))


def _evidence(x: Extraction, quote: str, sentence: int) -> dict[str, Any]:
    start = x.article.text.index(quote)
    return {"sentence": sentence, "start": start, "end": start + len(quote), "exact": quote}


@pytest.fixture
def saved(store: Store, rich_extraction: Extraction) -> Extraction:
    store.save(rich_extraction)
    return rich_extraction


# -- keys ----------------------------------------------------------------------------------------


def test_keys_name_items_by_their_evidence(rich_extraction: Extraction) -> None:
    x = rich_extraction
    reject = _event(x, "REJECT")
    start = x.article.text.index("rejected the offer")
    assert key(reject) == f"event:{start}-{start + len('rejected the offer')}:REJECT"
    s1 = _statement(x, "s1")
    assert key(s1) == f"statement:{s1.evidence.start}-{s1.evidence.end}:OFFER:fishing_quota"
    keys = [key(i) for i in (*x.events, *x.statements)]
    assert len(set(keys)) == len(keys)


# -- each action ---------------------------------------------------------------------------------


def test_add_correction_returns_it_stored(store: Store, saved: Extraction) -> None:
    c = _correct(store, _event(saved, "ACCUSE"), action="right", note="checked", author="ana")
    assert c.id is not None and c.created_at is not None and c.created_at.tzinfo is not None
    assert store.corrections(DOC) == [c]
    assert store.corrections() == [c]
    assert store.corrections("another-article") == []


def test_right_keeps_the_item_and_marks_it(store: Store, saved: Extraction) -> None:
    c = _correct(store, _event(saved, "ACCUSE"), action="right", note="checked", author="ana")
    got = store.get(DOC, corrected=True)
    assert got is not None
    accuse = _event(got, "ACCUSE")
    assert accuse.correction is not None
    assert {k: accuse.correction[k] for k in ("action", "id", "item", "note", "author")} == {
        "action": "right",
        "id": c.id,
        "item": key(_event(saved, "ACCUSE")),
        "note": "checked",
        "author": "ana",
    }
    assert accuse.model_copy(update={"correction": None}) == _event(saved, "ACCUSE")
    assert [e.correction for e in got.events if e.type != "ACCUSE"] == [None] * 3
    # The plain read is the machine output, untouched.
    assert store.get(DOC) == saved


def test_wrong_drops_the_item_or_keeps_it_marked(store: Store, saved: Extraction) -> None:
    _correct(store, _event(saved, "REJECT"), action="wrong", note="not a rejection")
    _correct(store, _statement(saved, "s4"), action="wrong")
    got = store.get(DOC, corrected=True)
    assert got is not None
    assert [e.type for e in got.events] == ["CONSULT", "ACCUSE", "AGREE"]
    assert [s.id for s in got.statements] == ["s1", "s2", "s3"]
    flagged = store.get(DOC, corrected=True, keep_wrong=True)
    assert flagged is not None
    assert len(flagged.events) == 4
    assert _event(flagged, "REJECT").correction == {
        **(_event(flagged, "REJECT").correction or {}),
        "action": "wrong",
        "note": "not a rejection",
    }


def test_edit_changes_fields_and_edits_accumulate(store: Store, saved: Extraction) -> None:
    s2 = _statement(saved, "s2")
    first = _correct(store, s2, action="edit", data={"act": "DEFER"})
    second = _correct(store, s2, action="edit", data={"object": "ports", "target": ["NOR", "EU"]})
    got = store.get(DOC, corrected=True)
    assert got is not None
    edited = _statement(got, "s2")
    assert (edited.act, edited.object, edited.target) == ("DEFER", "ports", ["NOR", "EU"])
    assert edited.correction is not None
    assert edited.correction["action"] == "edit"
    assert edited.correction["fields"] == ["act", "object", "target"]
    assert edited.correction["ids"] == [first.id, second.id]
    # Still addressed by the key it had as extracted, though act (part of that key) changed.
    assert key(edited) == key(s2)
    assert got.statements.index(edited) == 1


def test_edit_of_an_event_revalidates_it(store: Store, saved: Extraction) -> None:
    _correct(store, _event(saved, "AGREE"), action="edit", data={"type": "SUPPORT", "goldstein": 3.4})
    got = store.get(DOC, corrected=True)
    assert got is not None
    assert _event(got, "SUPPORT").goldstein == 3.4
    assert _event(got, "SUPPORT").correction["fields"] == ["goldstein", "type"]  # type: ignore[index]


def test_latest_verdict_wins_and_right_resets_edits(store: Store, saved: Extraction) -> None:
    accuse = _event(saved, "ACCUSE")
    _correct(store, accuse, action="wrong")
    _correct(store, accuse, action="right")
    s1 = _statement(saved, "s1")
    _correct(store, s1, action="edit", data={"issue": "port_access"})
    _correct(store, s1, action="right")
    s3 = _statement(saved, "s3")
    _correct(store, s3, action="edit", data={"issue": "port_access"})
    _correct(store, s3, action="wrong")
    got = store.get(DOC, corrected=True)
    assert got is not None
    assert _event(got, "ACCUSE").correction["action"] == "right"  # type: ignore[index]
    assert _statement(got, "s1").issue == "fishing_quota"
    assert _statement(got, "s1").correction["action"] == "right"  # type: ignore[index]
    assert "s3" not in {s.id for s in got.statements}


def test_add_an_event_and_a_statement(store: Store, saved: Extraction) -> None:
    ev = _evidence(saved, "Envoys from Norway and Iceland sat down", 0)
    added_event = _correct(
        store,
        kind="event",
        action="add",
        data={"source": "NOR", "target": "ISL", "type": "CONSULT", "evidence": ev},
    )
    ev2 = _evidence(saved, "settle the long quarrel over mackerel quotas", 0)
    added = _correct(
        store,
        kind="statement",
        action="add",
        data={"actor": ["NOR", "ISL"], "act": "DEMAND", "issue": "fishing_quota", "evidence": ev2},
        note="missed",
    )
    got = store.get(DOC, corrected=True)
    assert got is not None
    new_event, new_statement = got.events[-1], got.statements[-1]
    assert len(got.events) == 5 and len(got.statements) == 5
    assert new_event.rule == "analyst" and new_event.correction is not None
    assert new_event.correction["action"] == "add" and new_event.correction["id"] == added_event.id
    text, start = saved.article.text, ev["start"]
    assert new_event.evidence.prefix == text[max(0, start - 32) : start]  # context as the extractor gives it
    assert new_statement.id == f"c{added.id}"
    assert new_statement.correction == {**new_statement.correction, "action": "add", "added": True}  # type: ignore[dict-item]
    # An added item is corrected like any other, by its key.
    _correct(store, new_statement, action="wrong")
    again = store.get(DOC, corrected=True)
    assert again is not None and len(again.statements) == 4


def test_merge_in_one_article_rewrites_every_code(store: Store, saved: Extraction) -> None:
    c = _correct(store, kind="actor", action="merge", data={"from": "ISL", "to": "NOR"})
    got = store.get(DOC, corrected=True)
    assert got is not None
    record = got.record()
    for item in (*record["events"], *record["statements"]):
        item.pop("correction", None)
    assert '"ISL"' not in json.dumps(record)
    consult = _event(got, "CONSULT")
    assert consult.source == ["NOR"]  # a compound keeps each code once
    assert consult.correction is not None
    assert consult.correction["action"] == "merge" and consult.correction["fields"] == ["source"]
    assert consult.correction["merged"] == [{"from": "ISL", "to": "NOR"}] and consult.correction["ids"] == [
        c.id
    ]
    reject = _event(got, "REJECT")
    assert (reject.source, reject.target, reject.said_by) == ("NOR", "NOR", "NOR")
    assert _statement(got, "s3").actor == ["NOR"]
    assert _event(got, "AGREE").correction["fields"] == ["target"]  # type: ignore[index]
    assert _statement(got, "s4").correction is None  # EU, UN: not touched
    assert [a.code for a in got.actors] == ["NOR", "NOR", None]


def test_merges_chain_and_the_latest_wins_a_loop(rich_extraction: Extraction) -> None:
    def merge(n: int, a: str, b: str) -> Correction:
        return Correction(id=n, article_id=None, action="merge", kind="actor", data={"from": a, "to": b})

    chained = apply(rich_extraction, [merge(1, "ISL", "XXX"), merge(2, "XXX", "NOR")])
    assert _event(chained, "REJECT").source == "NOR"
    assert _event(chained, "REJECT").correction["ids"] == [1, 2]  # type: ignore[index]
    undone = apply(rich_extraction, [merge(1, "ISL", "NOR"), merge(2, "NOR", "ISL")])
    assert _event(undone, "REJECT").source == "ISL"
    assert _event(undone, "REJECT").target == "ISL"


def test_global_merge_applies_to_every_article(store: Store, make_extraction: MakeExtraction) -> None:
    store.save(make_extraction())
    store.save(make_extraction(doc_id="other", tail=" Later."))
    local = _correct(store, _event(make_extraction(), "ACCUSE"), action="right")
    merge = _correct(store, article_id=None, kind="actor", action="merge", data={"from": "EU", "to": "EEC"})
    assert store.corrections(DOC) == [local, merge]
    assert store.corrections("other") == [merge]
    for x in store.iter_extractions(corrected=True):
        assert _event(x, "AGREE").source == "EEC"
        assert _statement(x, "s4").guarantors == ["EEC", "UN"]
    assert [_event(x, "AGREE").source for x in store.iter_extractions()] == ["EU", "EU"]


# -- re-extraction -------------------------------------------------------------------------------


def test_corrections_survive_reingest_and_vanished_items_become_orphans(
    store: Store, make_extraction: MakeExtraction
) -> None:
    first = make_extraction()
    store.save(first)
    kept = _correct(store, _event(first, "REJECT"), action="edit", data={"goldstein": -7.0})
    vanishing = _correct(store, _event(first, "ACCUSE"), action="wrong")
    changed = _correct(store, _statement(first, "s2"), action="right")  # variant 1 makes s2 a DEFER
    # The article's text changed (a sentence appended), the extractor no longer finds the ACCUSE.
    second = make_extraction(tail=" Talks go on in April.", variant=1)
    second.events = [e for e in second.events if e.type != "ACCUSE"]
    assert store.save(second) == "updated"

    assert store.get(DOC) == second
    assert store.corrections(DOC) == [kept, vanishing, changed]
    got = store.get(DOC, corrected=True)
    assert got is not None and got.article.text.endswith("April.")
    assert _event(got, "REJECT").goldstein == -7.0
    assert _event(got, "REJECT").correction["id"] == kept.id  # type: ignore[index]
    assert orphans(second, store.corrections(DOC)) == [vanishing, changed]
    assert all(s.correction is None for s in got.statements)


def test_added_item_whose_quote_moved_is_an_orphan(store: Store, make_extraction: MakeExtraction) -> None:
    first = make_extraction()
    store.save(first)
    ev = _evidence(first, "mackerel quotas", 0)
    add = _correct(
        store,
        kind="statement",
        action="add",
        data={"actor": "NOR", "act": "OFFER", "issue": "x", "evidence": ev},
    )
    moved = make_extraction(doc_id=DOC)
    moved.article.text = "Breaking. " + moved.article.text  # offsets shift; machine items are rebuilt to fit
    moved = Extraction(article=moved.article)
    store.save(moved)
    got = store.get(DOC, corrected=True)
    assert got is not None and got.statements == []
    assert orphans(moved, store.corrections(DOC)) == [add]


def test_resaving_the_machine_output_is_unchanged(store: Store, make_extraction: MakeExtraction) -> None:
    store.save(make_extraction())
    _correct(store, _event(make_extraction(), "ACCUSE"), action="wrong")
    assert store.save(make_extraction()) == "unchanged"
    assert len(store.corrections(DOC)) == 1


def test_the_store_never_writes_the_correction_field(store: Store, saved: Extraction) -> None:
    _correct(store, _event(saved, "ACCUSE"), action="edit", data={"goldstein": 1.0})
    corrected = store.get(DOC, corrected=True)
    assert corrected is not None
    _, _, events, statements = rows.to_rows(corrected)
    assert all("correction" not in r for r in (*events, *statements))


# -- what users see ------------------------------------------------------------------------------


def test_uncorrected_records_are_byte_identical(store: Store, saved: Extraction) -> None:
    before = json.dumps(saved.record(), ensure_ascii=False)
    assert "correction" not in before
    assert json.dumps(apply(saved, []).record(), ensure_ascii=False) == before
    corrected = store.get(DOC, corrected=True)
    assert corrected is not None
    assert corrected == saved
    assert json.dumps(corrected.record(), ensure_ascii=False) == before
    # The fingerprint of stored machine output does not change with the new field either.
    assert rows.extraction_hash(saved) == rows.extraction_hash(apply(saved, []))


def test_export_holds_corrections_and_drops_wrong_items(db_url: str, rich_extraction: Extraction) -> None:
    with Store.open(db_url) as store:
        store.save(rich_extraction)
        store.save(
            rich_extraction.model_copy(
                update={
                    "article": rich_extraction.article.model_copy(
                        update={"id": "untouched", "text": rich_extraction.article.text + " "}
                    )
                }
            )
        )
    api.correct(DOC, action="wrong", kind="event", item=key(_event(rich_extraction, "ACCUSE")), db=db_url)
    api.correct(
        DOC,
        action="edit",
        kind="statement",
        item=key(_statement(rich_extraction, "s2")),
        data={"act": "DEFER"},
        note="they put it off",
        db=db_url,
    )
    out = io.StringIO()
    assert api.export(out, db=db_url, format="jsonl") == 2
    records = {r["doc_id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    mine = records[DOC]
    assert [e["type"] for e in mine["events"]] == ["CONSULT", "REJECT", "AGREE"]
    s2 = next(s for s in mine["statements"] if s["id"] == "s2")
    assert (
        s2["act"] == "DEFER"
        and s2["correction"]["action"] == "edit"
        and s2["correction"]["note"] == "they put it off"
    )
    assert all("correction" not in s for s in mine["statements"] if s["id"] != "s2")
    assert "correction" not in json.dumps(records["untouched"])

    table = io.StringIO()
    api.export(table, db=db_url, format="csv")
    types = [r["type"] for r in csv.DictReader(io.StringIO(table.getvalue())) if r["doc_id"] == DOC]
    assert types == ["CONSULT", "REJECT", "AGREE"]
    for format in FORMATS:
        api.export(io.StringIO(), db=db_url, format=format)


def test_show_and_brief_use_the_corrected_extraction(db_url: str, rich_extraction: Extraction) -> None:
    with Store.open(db_url) as store:
        store.save(rich_extraction)
    api.correct(DOC, action="wrong", kind="statement", item=key(_statement(rich_extraction, "s2")), db=db_url)
    shown = api.show(DOC, db=db_url)
    assert "s2" not in {s.id for s in shown.statements}
    flagged = api.show(DOC, db=db_url, keep_wrong=True)
    assert _statement(flagged, "s2").correction["action"] == "wrong"  # type: ignore[index]
    api.case(db=db_url, add=("corrections-test-case", DOC))
    case = api.brief(["corrections-test-case"], db=db_url)
    assert "port_access" not in case.matrix
    assert "fishing_quota" in case.matrix
    assert [c.action for c in api.corrections(article_id=DOC, db=db_url)] == ["wrong"]
    assert api.corrections(db=db_url) == api.corrections(article_id=DOC, db=db_url)


# -- validation ----------------------------------------------------------------------------------

REJECT = "event:{reject}:REJECT"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"action": "delete", "kind": "event"}, "unknown action 'delete'"),
        ({"action": "right", "kind": "article"}, "unknown kind 'article'"),
        ({"action": "right", "kind": "event", "item": "event:0-1:AGREE"}, "no event 'event:0-1:AGREE'"),
        ({"action": "right", "kind": "event"}, "needs the key"),
        ({"action": "right", "kind": "event", "item": REJECT, "data": {"x": 1}}, "takes no data"),
        ({"action": "edit", "kind": "event", "item": REJECT, "data": {"colour": "red"}}, "no editable field"),
        (
            {"action": "edit", "kind": "event", "item": REJECT, "data": {"type": "BLAME"}},
            "invalid event: type",
        ),
        ({"action": "edit", "kind": "event", "item": REJECT, "data": {}}, "needs the changed fields"),
        (
            {"action": "edit", "kind": "event", "item": REJECT, "data": {"correction": {}}},
            "no editable field",
        ),
        (
            {"action": "edit", "kind": "statement", "item": "S2", "data": {"act": "MAYBE"}},
            "invalid statement: act",
        ),
        ({"action": "edit", "kind": "statement", "item": "S2", "data": {"id": "s9"}}, "no editable field"),
        (
            {
                "action": "edit",
                "kind": "event",
                "item": REJECT,
                "data": {"evidence": {"sentence": 0, "start": 0, "end": 3, "exact": "Foo"}},
            },
            "is not what the article text holds",
        ),
        ({"action": "add", "kind": "event", "data": {"source": "NOR", "type": "AGREE"}}, "needs evidence"),
        (
            {
                "action": "add",
                "kind": "event",
                "data": {
                    "source": "NOR",
                    "type": "AGREE",
                    "evidence": {"sentence": 0, "start": 0, "end": 6, "exact": "Harbor"},
                },
            },
            "is not what the article text holds",
        ),
        (
            {
                "action": "add",
                "kind": "event",
                "data": {
                    "source": "NOR",
                    "type": "AGREE",
                    "evidence": {"sentence": 0, "start": 0, "end": 7, "exact": "Harbour"},
                    "goldstein": "high",
                },
            },
            "invalid event: goldstein",
        ),
        ({"action": "add", "kind": "event", "item": REJECT, "data": {}}, "takes no item key"),
        ({"action": "merge", "kind": "event", "data": {"from": "ISL", "to": "NOR"}}, "only actors"),
        ({"action": "right", "kind": "actor", "item": "NOR"}, "only actors"),
        ({"action": "merge", "kind": "actor", "data": {"from": "ISL"}}, "needs data"),
        ({"action": "merge", "kind": "actor", "data": {"from": "ISL", "to": "ISL"}}, "into itself"),
        ({"action": "merge", "kind": "actor", "data": {"from": "RUS", "to": "NOR"}}, "does not occur"),
        ({"action": "right", "kind": "event", "item": REJECT, "article_id": None}, "needs an article_id"),
    ],
)
def test_invalid_corrections_are_refused(
    store: Store, saved: Extraction, fields: dict[str, Any], message: str
) -> None:
    reject = _event(saved, "REJECT").evidence
    s2 = key(_statement(saved, "s2"))
    if "item" in fields:
        fields["item"] = fields["item"].replace("{reject}", f"{reject.start}-{reject.end}").replace("S2", s2)
    with pytest.raises(ValueError, match=message):
        store.add_correction(build(**{"article_id": DOC, **fields}))
    assert store.corrections() == []


def test_adding_an_item_that_exists_is_refused(store: Store, saved: Extraction) -> None:
    reject = _event(saved, "REJECT")
    data = {"source": "ISL", "type": "REJECT", "evidence": reject.evidence.model_dump()}
    with pytest.raises(ValueError, match="already exists"):
        _correct(store, kind="event", action="add", data=data)
    s1 = _statement(saved, "s1")
    data = {"id": "s1", "actor": "NOR", "act": "DEMAND", "issue": "x", "evidence": s1.evidence.model_dump()}
    with pytest.raises(ValueError, match="statement id 's1' is taken"):
        _correct(store, kind="statement", action="add", data=data)


def test_api_correct_errors(db_url: str, rich_extraction: Extraction) -> None:
    with Store.open(db_url) as store:
        store.save(rich_extraction)
    with pytest.raises(KeyError):
        api.correct("no-such-article", action="right", kind="event", item="event:0-1:AGREE", db=db_url)
    with pytest.raises(ValueError, match="unknown action"):
        api.correct(DOC, action="approve", kind="event", item="event:0-1:AGREE", db=db_url)
    merge = api.correct(None, action="merge", kind="actor", data={"from": "EU", "to": "EUR"}, db=db_url)
    assert merge.article_id is None and merge.id is not None
