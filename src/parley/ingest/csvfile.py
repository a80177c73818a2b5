"""CSV corpora (.csv, optionally .gz): a header row, then one record per row, streamed.

A quoted field may span lines (articles have paragraphs), so rows are parsed by `csv` from lines
we decode ourselves: a bad byte or an oversized line then spoils only the row that holds it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from parley.ingest.checks import LIMIT_MB, MAX_ARTICLE_BYTES, BadUtf8, decode_utf8, one_line, too_big
from parley.ingest.corpus import LINE_LIMIT_FACTOR, check_head, read_failure
from parley.ingest.discover import Source, article_id
from parley.ingest.records import TEXT_FIELDS, from_record
from parley.ingest.streams import GZIP_ERRORS, lines, open_binary
from parley.model import Article, InputError


class _DecodedLines:
    """Feeds `csv.reader` text lines, noting which physical lines were undecodable or too long."""

    def __init__(self, f: BinaryIO) -> None:
        self._f = f
        self.problems: dict[int, str] = {}
        self.count = 0  # physical lines read so far, for errors raised by the file itself

    def __iter__(self) -> Iterator[str]:
        for line in lines(self._f, LINE_LIMIT_FACTOR * MAX_ARTICLE_BYTES):
            self.count = line.number
            if line.data is None:
                self.problems[line.number] = too_big(line.size)
                yield "\n"  # a stand-in keeps the row count right; the row is reported, not used
                continue
            text = decode_utf8(line.data, offset=line.offset, line=line.number)
            if isinstance(text, BadUtf8):
                self.problems[line.number] = text.message
                text = line.data.decode("utf-8", "replace")
            yield text

    def take_problem(self, first: int, last: int) -> tuple[int, str] | None:
        """The first problem on physical lines first..last, forgetting those lines' problems."""
        found = None
        for n in range(first, last + 1):
            message = self.problems.pop(n, None)
            if message and not found:
                found = (n, message)
        return found


def read_csv(src: Source) -> Iterator[Article | InputError]:
    path, stem = str(src.path), article_id(src.path)
    if problem := check_head(src):
        yield problem
        return
    # Long articles are long fields; the default limit (128 KB) would refuse them.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_ARTICLE_BYTES + 1))
    feed = None
    try:
        with open_binary(src.path, src.gz) as f:
            feed = _DecodedLines(f)
            yield from _rows(feed, path, stem)
    except (*GZIP_ERRORS, OSError) as e:
        yield read_failure(src, (feed.count if feed else 0) + 1, e)


def _rows(feed: _DecodedLines, path: str, stem: str) -> Iterator[Article | InputError]:
    reader = csv.reader(feed)
    header: list[str] | None = None
    done = 0  # physical lines consumed by the rows handled so far
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            # e.g. a field over the size limit; the reader picks up again on the next line.
            feed.take_problem(done + 1, reader.line_num)
            reason = f"bad CSV row: {one_line(str(e))}"
            if "field larger than field limit" in str(e):
                reason = f"a field is over the {LIMIT_MB} MB limit for one article"
            yield InputError(origin=path, line=reader.line_num, message=reason)
            done = reader.line_num
            continue
        first, done = done + 1, reader.line_num
        problem = feed.take_problem(first, done)
        if header is None:
            if problem:
                yield InputError(origin=path, line=problem[0], message=f"bad CSV header: {problem[1]}")
                return
            if not any(cell.strip() for cell in row):
                continue  # blank lines before the header
            header = [cell.strip().lower() for cell in row]
            if not any(name in header for name in TEXT_FIELDS):
                yield InputError(
                    origin=path,
                    line=first,
                    message=f"CSV has no text column (one of: {', '.join(TEXT_FIELDS)})",
                )
                return
            continue
        if problem:
            yield InputError(origin=path, line=problem[0], message=problem[1])
            continue
        if not any(cell.strip() for cell in row):
            continue  # blank line between rows
        record = {name: value for name, value in zip(header, row, strict=False) if name}
        yield from_record(record, path=path, line=first, stem=stem)
    if header is None:
        yield InputError(origin=path, message="empty file")
