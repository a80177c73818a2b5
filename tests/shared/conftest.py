"""Fixtures for tests that need ../shared (gold files, scorer); they skip when it is absent."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip(f"needs ../shared (gold and scorer) at {SHARED}; not present")
    return SHARED
