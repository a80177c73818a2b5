"""`read`: every input path to a stream of articles and input errors, one file at a time."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from parley.ingest.csvfile import read_csv
from parley.ingest.discover import Kind, sources
from parley.ingest.htmlfile import read_html_file
from parley.ingest.jsonl import read_jsonl
from parley.ingest.plaintext import read_text_file
from parley.model import Article, InputError


def read(
    paths: Iterable[str | Path] | str | Path, *, date: dt.date | None = None
) -> Iterator[Article | InputError]:
    """Articles from files and directories, in order; bad input yields an `InputError` and reading goes on.

    Files are read one at a time and corpora line by line, so memory does not grow with the corpus.
    `date` is the date of single-article files (text, HTML); corpus records carry their own.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not an iterable of its characters
    if isinstance(date, dt.datetime):
        date = date.date()  # Article.date is a calendar date; a datetime would not validate
    for src in sources(paths):
        if src.problem:
            yield InputError(origin=str(src.path), message=src.problem)
        elif src.kind is Kind.HTML:
            yield read_html_file(src, date)
        elif src.kind is Kind.JSONL:
            yield from read_jsonl(src)
        elif src.kind is Kind.CSV:
            yield from read_csv(src)
        else:
            yield read_text_file(src, date)
