"""Migrations: Store.open builds the head schema, which matches schema.py, on every backend."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from parley.model import Extraction
from parley.store import Store
from parley.store.migrate import alembic_config
from parley.store.schema import metadata

CHILDREN = ("actors", "events", "statements")


def test_open_creates_all_tables_at_head(store: Store) -> None:
    insp = inspect(store.engine)
    assert set(insp.get_table_names()) >= {"articles", *CHILDREN, "alembic_version"}
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head
    assert store.count() == {"articles": 0, "actors": 0, "events": 0, "statements": 0}


def test_migrated_schema_matches_schema_py(store: Store) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    assert diff == []


def test_children_cascade_from_articles_and_are_indexed_by_article(store: Store) -> None:
    insp = inspect(store.engine)
    assert insp.get_unique_constraints("articles")[0]["column_names"] == ["content_hash"]
    for table in CHILDREN:
        (fk,) = insp.get_foreign_keys(table)
        assert (fk["referred_table"], fk["constrained_columns"]) == ("articles", ["article_id"])
        assert fk["options"].get("ondelete", "").upper() == "CASCADE"
        # The primary key (article_id, idx) leads with article_id: it is the per-article index.
        assert insp.get_pk_constraint(table)["constrained_columns"] == ["article_id", "idx"]
    assert any(ix["column_names"] == ["source_key", "type"] for ix in insp.get_indexes("events"))


def test_deleting_an_article_deletes_its_items(store: Store, rich_extraction: Extraction) -> None:
    store.save(rich_extraction)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE id = :id"), {"id": rich_extraction.article.id})
    assert store.count() == {"articles": 0, "actors": 0, "events": 0, "statements": 0}


def test_reopening_is_a_no_op_and_keeps_data(db_url: str, rich_extraction: Extraction) -> None:
    with Store.open(db_url) as s:
        s.save(rich_extraction)
    with Store.open(db_url) as s:
        assert s.get(rich_extraction.article.id) == rich_extraction


def test_sqlite_file_uses_wal_and_foreign_keys(store: Store) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_in_memory_sqlite_url_works(rich_extraction: Extraction) -> None:
    with Store.open("sqlite://") as s:
        assert s.save(rich_extraction) == "new"
        assert s.get(rich_extraction.article.id) == rich_extraction
