"""Loading a one-article file (text or HTML) into a string, with the checks on its raw bytes."""

from __future__ import annotations

import os

from parley.ingest.checks import (
    BINARY_MESSAGE,
    LIMIT_MB,
    MAX_ARTICLE_BYTES,
    BadUtf8,
    binary_kind,
    decode_utf8,
    one_line,
    os_reason,
    too_big,
)
from parley.ingest.discover import Source
from parley.ingest.streams import GZIP_ERRORS, read_limited
from parley.model import InputError


def load(src: Source) -> str | InputError:
    """The file's decoded (not yet normalised) text, or why it cannot be an article."""
    origin = str(src.path)

    def error(message: str, line: int | None = None) -> InputError:
        return InputError(origin=origin, line=line, message=message)

    try:
        # The size comes from stat, so an oversized file is refused without reading a byte of it.
        size = os.stat(src.path).st_size
        if not src.gz and size > MAX_ARTICLE_BYTES:
            return error(too_big(size))
        data, more = read_limited(src.path, src.gz, MAX_ARTICLE_BYTES)
    except GZIP_ERRORS as e:
        return error(f"cannot decompress: {one_line(str(e))}")
    except OSError as e:
        return error(os_reason(e))
    if more:  # only a .gz can get here: its size on disk says little about what it holds
        return error(f"over the {LIMIT_MB} MB limit for one article once decompressed")
    if not data.strip():
        return error("empty file")
    if binary_kind(data):
        return error(BINARY_MESSAGE)
    text = decode_utf8(data)
    if isinstance(text, BadUtf8):
        # The line goes in the error's own field too, so `file:line:` points at the bad byte.
        return error(text.message, text.line)
    return text
