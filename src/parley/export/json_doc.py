"""One JSON array of EXTRACTION.md records, streamed so a corpus never sits in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from parley.model import Extraction


def write(extractions: Iterable[Extraction], stream: IO[str]) -> int:
    n = 0
    stream.write("[")
    for x in extractions:
        stream.write(("," if n else "") + "\n" + json.dumps(x.record(), ensure_ascii=False, indent=1))
        n += 1
    stream.write("\n]\n")
    return n
