"""Migration scripts, applied in order by Alembic (which skips this file)."""
