"""Alembic environment and versions for parley.store (a package so that it ships in the wheel)."""
