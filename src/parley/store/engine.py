"""Where the database is (`resolve_url`) and how to connect to it (`make_engine`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DEFAULT_DB = "parley.db"
ENV_VAR = "PARLEY_DB"
# Execution option marking a connection that will write (see the SQLite "begin" hook below).
WRITE_OPTION = "parley_write"


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for `db`, else $PARLEY_DB, else ./parley.db.

    A value containing `://` is already a URL (e.g. `postgresql+psycopg://...`); anything else is a
    SQLite file path, made absolute so the URL does not depend on a later change of directory.
    """
    value = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, WAL (file dbs) and real transactions."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, in_memory=_sqlite_in_memory(url))
    return engine


def _sqlite_in_memory(url: str) -> bool:
    u = make_url(url)
    return u.database in (None, "", ":memory:") or u.query.get("mode") == "memory"


def _configure_sqlite(engine: Engine, in_memory: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module, which would otherwise start
        # transactions lazily (not before SELECTs); SQLAlchemy emits BEGIN below instead, so a
        # save's reads and writes share one transaction.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        # SQLite ignores foreign keys (and so ON DELETE CASCADE) unless asked, per connection.
        cur.execute("PRAGMA foreign_keys = ON")
        if not in_memory:
            # WAL lets readers (e.g. a report) run while the pipeline writes.
            cur.execute("PRAGMA journal_mode = WAL")
        # Wait for a concurrent writer instead of failing at once with "database is locked".
        cur.execute("PRAGMA busy_timeout = 5000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front, so concurrent saves queue (busy_timeout) instead of
        # one failing when it turns its read into a write; readers stay DEFERRED and never block.
        mode = "IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")
