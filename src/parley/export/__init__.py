"""Exporters: every format is a module with the same `write(extractions, stream)` function.

`FORMATS` maps a format name to its writer; the CLI's `--format` choices come from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO

from parley.export import csv_rows, json_doc, jsonl, plover_json, table
from parley.model import Extraction

Writer = Callable[[Iterable[Extraction], IO[str]], int]

FORMATS: dict[str, Writer] = {
    "jsonl": jsonl.write,
    "json": json_doc.write,
    "csv": csv_rows.write,
    "plover": plover_json.write,
    "table": table.write,
}

__all__ = ["FORMATS", "Writer"]
