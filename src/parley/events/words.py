"""Word lists the event coder applies, read from `data/words.tsv` (language data kept apart
from the code that uses it, as spaCy keeps its lexical attributes)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from parley.actors.dictionary import read_tsv

DATA = Path(__file__).parent / "data" / "words.tsv"


@lru_cache(maxsize=1)
def load(path: Path = DATA) -> dict[str, frozenset[str]]:
    """List name -> its words."""
    return {r["list"]: frozenset(w for w in r["words"].split("|") if w) for r in read_tsv(path)}
