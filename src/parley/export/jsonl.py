"""JSON Lines: one EXTRACTION.md record per article (what `make eval` scores)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from parley.model import Extraction


def write(extractions: Iterable[Extraction], stream: IO[str]) -> int:
    """Write one line per article; return the number of articles written."""
    n = 0
    for x in extractions:
        stream.write(json.dumps(x.record(), ensure_ascii=False) + "\n")
        n += 1
    return n
