"""Store.save / get / iter_extractions: exact round trip, idempotence, replacement, atomicity."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import event

from parley.model import Actor, Article, Event, Evidence, Extraction, Statement
from parley.store import Store

MakeExtraction = Callable[..., Extraction]
EMPTY = {"articles": 0, "actors": 0, "events": 0, "statements": 0}


def _sizes(x: Extraction, articles: int = 1) -> dict[str, int]:
    return {
        "articles": articles,
        "actors": len(x.actors),
        "events": len(x.events),
        "statements": len(x.statements),
    }


def test_fixture_sets_every_field(rich_extraction: Extraction) -> None:
    # Guards the round trip test: a field left at its default everywhere would go untested.
    x = rich_extraction
    items: dict[type[BaseModel], list[BaseModel]] = {
        Article: [x.article],
        Actor: list(x.actors),
        Event: list(x.events),
        Statement: list(x.statements),
        Evidence: [e for a in x.actors for e in a.evidence]
        + [i.evidence for i in (*x.events, *x.statements)],
    }
    for model, instances in items.items():
        for name, field in model.model_fields.items():
            if name == "correction":
                continue  # an analyst's mark, set when read, never stored (see test_corrections.py)
            default = field.get_default(call_default_factory=True)
            assert any(getattr(i, name) not in (None, default) for i in instances), f"{model.__name__}.{name}"


def test_round_trip_is_exact(store: Store, rich_extraction: Extraction) -> None:
    assert store.save(rich_extraction) == "new"
    got = store.get(rich_extraction.article.id)
    assert got == rich_extraction
    assert got is not None and got.model_dump_json() == rich_extraction.model_dump_json()
    assert store.count() == _sizes(rich_extraction)


def test_get_unknown_id_is_none(store: Store) -> None:
    assert store.get("no-such-article") is None


def test_article_without_items(store: Store) -> None:
    bare = Extraction(article=Article(id="bare", text="Nothing happened."))
    assert store.save(bare) == "new"
    assert store.get("bare") == bare
    assert store.count() == {"articles": 1, "actors": 0, "events": 0, "statements": 0}


def test_resave_is_unchanged(store: Store, make_extraction: MakeExtraction) -> None:
    assert store.save(make_extraction()) == "new"
    before = store.count()
    # An equal but separately built object: identity comes from content, not from the instance.
    assert store.save(make_extraction()) == "unchanged"
    assert store.count() == before


def test_new_extraction_replaces_items(store: Store, make_extraction: MakeExtraction) -> None:
    first, second = make_extraction(variant=0), make_extraction(variant=1)
    assert first != second
    store.save(first)
    assert store.save(second) == "updated"
    assert store.get(second.article.id) == second
    assert store.count() == _sizes(second)

    fewer = second.model_copy(update={"events": second.events[:1], "statements": []})
    assert store.save(fewer) == "updated"
    assert store.get(fewer.article.id) == fewer
    assert store.count() == _sizes(fewer)


def test_new_text_under_same_id_is_updated(store: Store, make_extraction: MakeExtraction) -> None:
    store.save(make_extraction())
    edited = make_extraction(tail=" The talks go on tomorrow.")
    assert store.save(edited) == "updated"
    assert store.get(edited.article.id) == edited
    assert store.article_ids() == [edited.article.id]


def test_same_text_under_another_id_is_duplicate(store: Store, make_extraction: MakeExtraction) -> None:
    original = make_extraction(doc_id="a")
    assert store.save(original) == "new"
    before = store.count()
    assert store.save(make_extraction(doc_id="b")) == "duplicate"
    assert store.save(make_extraction(doc_id="b", variant=1)) == "duplicate"
    assert store.article_ids() == ["a"]
    assert store.count() == before
    assert store.get("b") is None
    assert store.get("a") == original


@contextmanager
def _fail_on_insert_into(store: Store, table: str) -> Iterator[list[str]]:
    """Make the database driver refuse any INSERT into `table`, as a failing disk or server would."""
    seen: list[str] = []

    def boom(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(f"INSERT INTO {table.upper()}"):
            seen.append(statement)
            raise RuntimeError(f"simulated failure inserting into {table}")

    event.listen(store.engine, "before_cursor_execute", boom)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", boom)


def test_failed_save_of_new_article_leaves_nothing(store: Store, make_extraction: MakeExtraction) -> None:
    store.save(make_extraction(doc_id="other", tail=" Another piece."))
    before = store.count()
    x = make_extraction()
    with _fail_on_insert_into(store, "events") as seen, pytest.raises(RuntimeError, match="simulated"):
        store.save(x)
    assert seen, "the failure was never triggered"
    assert store.get(x.article.id) is None  # the article row and its actors went with the rollback
    assert store.count() == before
    assert store.save(x) == "new"  # and nothing blocks a later retry


def test_failed_update_keeps_previous_version(store: Store, make_extraction: MakeExtraction) -> None:
    first, second = make_extraction(variant=0), make_extraction(variant=1)
    store.save(first)
    before = store.count()
    with _fail_on_insert_into(store, "statements") as seen, pytest.raises(RuntimeError):
        store.save(second)
    assert seen
    assert store.get(first.article.id) == first
    assert store.count() == before
    assert store.save(second) == "updated"


def test_iter_extractions_streams_in_id_order(store: Store, make_extraction: MakeExtraction) -> None:
    ids = ["m", "c", "x", "a", "k", "b", "z"]
    saved = {i: make_extraction(doc_id=i, tail=f" Item {i}.") for i in ids}
    for x in saved.values():
        assert store.save(x) == "new"
    assert store.article_ids() == sorted(ids)

    # Count round trips to the database to see that batches are fetched lazily.
    queries: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: queries.append(a[2]))
    it = store.iter_extractions(batch_size=3)
    assert queries == []  # a generator: nothing read before the first item is asked for
    first = next(it)
    after_first = len(queries)
    assert first == saved["a"]
    assert [next(it), next(it)] == [saved["b"], saved["c"]]
    assert len(queries) == after_first  # still the first batch
    rest = list(it)
    # 7 articles in batches of 3: three reads of the articles table (3 + 3 + 1), each with its items.
    article_reads = [q for q in queries if "FROM articles" in q]
    assert len(article_reads) == 3
    assert [x.article.id for x in [first, saved["b"], saved["c"], *rest]] == sorted(ids)
    assert rest == [saved[i] for i in sorted(ids)[3:]]


@pytest.mark.parametrize("batch_size", [1, 2, 7, 100])
def test_iter_extractions_batch_boundaries(
    store: Store, make_extraction: MakeExtraction, batch_size: int
) -> None:
    ids = [f"doc-{n:02d}" for n in range(7)]
    for i in ids:
        store.save(make_extraction(doc_id=i, tail=f" {i}"))
    assert [x.article.id for x in store.iter_extractions(batch_size=batch_size)] == ids


def test_iter_extractions_empty_store(store: Store) -> None:
    assert list(store.iter_extractions()) == []
    assert store.article_ids() == []
    assert store.count() == EMPTY


def test_a_public_statement_with_no_plover_type_round_trips(
    store: Store, rich_extraction: Extraction
) -> None:
    # CAMEO 01 statements have no PLOVER type: the column takes None (migration 0005)
    said = rich_extraction.events[0].model_copy(update={"type": None, "cameo": "010", "target": None})
    x = rich_extraction.model_copy(update={"events": [*rich_extraction.events, said]})
    store.save(x)
    got = store.get(x.article.id)
    assert got is not None and got.events[-1].type is None and got.events[-1].cameo == "010"
    assert got.events[-1].kind == "STATEMENT"
