"""`count`: a cheap first pass over the inputs, for a progress bar's total.

It says how many items `read` will yield (articles and input errors together), without
normalising, checking languages or building articles: a corpus is only split into records. Odd
input (a broken gzip stream, a CSV row the reader will refuse) may make it off by a little; it is
an estimate for progress, never used to decide anything.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from parley.ingest.checks import MAX_ARTICLE_BYTES
from parley.ingest.corpus import LINE_LIMIT_FACTOR, check_head
from parley.ingest.discover import Kind, Source, sources
from parley.ingest.streams import GZIP_ERRORS, lines, open_binary


def count(paths: Iterable[str | Path]) -> int:
    """Items `read(paths)` will yield: one per file of one article, one per corpus record."""
    return sum(_count_source(src) for src in sources(paths))


def _count_source(src: Source) -> int:
    if src.problem or src.kind in (Kind.TEXT, Kind.HTML) or check_head(src):
        return 1  # one article, or one error for the whole file
    counter = _jsonl_records if src.kind is Kind.JSONL else _csv_records
    try:
        return max(counter(src), 1)  # an empty corpus is one error
    except (*GZIP_ERRORS, OSError):
        return 1  # a file that breaks off part-way: the bar's total is then only a guess


def _jsonl_records(src: Source) -> int:
    with open_binary(src.path, src.gz) as f:
        # Blank lines are no records; over-long lines are (each is reported), never held in memory.
        return sum(
            1
            for line in lines(f, LINE_LIMIT_FACTOR * MAX_ARTICLE_BYTES)
            if line.data is None or line.data.strip()
        )


def _csv_records(src: Source) -> int:
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_BYTES + 1))
    with open_binary(src.path, src.gz) as f:
        reader = csv.reader(io.TextIOWrapper(f, encoding="utf-8", errors="replace", newline=""))
        rows = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error:
                rows += 1  # a row the reader reports as bad; it picks up again on the next line
                continue
            rows += any(cell.strip() for cell in row)
    return max(rows - 1, 0)  # the header is no record
