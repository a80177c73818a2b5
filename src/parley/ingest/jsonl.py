"""JSON Lines corpora (.jsonl, .ndjson, optionally .gz): one record per line, streamed."""

from __future__ import annotations

import json
from collections.abc import Iterator

from parley.ingest.checks import MAX_ARTICLE_BYTES, BadUtf8, decode_utf8, too_big
from parley.ingest.corpus import LINE_LIMIT_FACTOR, check_head, read_failure
from parley.ingest.discover import Source, article_id
from parley.ingest.records import NO_TEXT, from_record
from parley.ingest.streams import GZIP_ERRORS, lines, open_binary
from parley.model import Article, InputError


def read_jsonl(src: Source) -> Iterator[Article | InputError]:
    path, stem = str(src.path), article_id(src.path)
    if problem := check_head(src):
        yield problem
        return
    records, line_no = 0, 0
    try:
        with open_binary(src.path, src.gz) as f:
            for line in lines(f, LINE_LIMIT_FACTOR * MAX_ARTICLE_BYTES):
                line_no = line.number
                if line.data is None:
                    records += 1
                    yield InputError(origin=path, line=line.number, message=too_big(line.size))
                    continue
                if not line.data.strip():
                    continue  # blank lines (often a trailing one) are not records
                records += 1
                yield _record(line.data, line.offset, line.number, path, stem)
    except (*GZIP_ERRORS, OSError) as e:
        yield read_failure(src, line_no + 1, e)
        return
    if not records:
        yield InputError(origin=path, message="empty file")


def _record(data: bytes, offset: int, number: int, path: str, stem: str) -> Article | InputError:
    text = decode_utf8(data, offset=offset, line=number)
    if isinstance(text, BadUtf8):
        return InputError(origin=path, line=number, message=text.message)
    try:
        # Without its line break, an unterminated string is reported as such, not as a control char.
        record = json.loads(text.rstrip("\r\n"))
    except json.JSONDecodeError as e:
        reason = f"{e.msg.removesuffix(' at')} at column {e.colno}"
        return InputError(origin=path, line=number, message=f"line is not valid JSON: {reason}")
    except RecursionError:  # absurdly nested input
        return InputError(origin=path, line=number, message="line is not valid JSON: nested too deeply")
    if not isinstance(record, dict):
        return InputError(origin=path, line=number, message=NO_TEXT)
    return from_record(record, path=path, line=number, stem=stem)
