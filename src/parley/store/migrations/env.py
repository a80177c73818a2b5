"""Alembic environment: runs on the connection Store.open hands over, or on $PARLEY_DB from the CLI."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from parley.store.engine import make_engine, resolve_url
from parley.store.schema import metadata

config = context.config
target_metadata = metadata


def _configure(**kwargs: object) -> None:
    # Batch mode lets later migrations ALTER tables on SQLite (copy-and-move); it is a no-op elsewhere.
    context.configure(target_metadata=target_metadata, render_as_batch=True, compare_type=True, **kwargs)


def _url() -> str:
    # `alembic -x db=...` or the same rules as the application.
    return resolve_url(context.get_x_argument(as_dictionary=True).get("db"))


def run_offline() -> None:
    _configure(url=_url(), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def _run(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(_url())
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
