"""Bring a database to the head schema with the Alembic migrations packaged in `migrations/`.

No alembic.ini is needed: the Config is built here. To write a new migration during development:

    from alembic import command
    from parley.store.migrate import alembic_config
    command.revision(alembic_config(), message="...", autogenerate=True)  # against $PARLEY_DB

or, with the alembic CLI, any ini whose script_location is `parley.store:migrations`.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine

from parley.store.engine import WRITE_OPTION

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config for the packaged migrations; env.py uses `connection` when given."""
    config = Config()
    # The value goes through configparser interpolation, hence the doubled '%'.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Run every pending migration, all in one transaction (where the backend allows DDL in one)."""
    # As a writer: on SQLite two processes opening a new file then queue rather than collide.
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        command.upgrade(alembic_config(conn), "head")
