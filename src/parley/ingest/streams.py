"""Opening input files (gzip transparently) and reading them in bounded pieces."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# Errors a damaged or mislabelled gzip stream raises part-way through reading.
GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)

_CHUNK = 1024 * 1024


def open_binary(path: Path, gz: bool) -> BinaryIO:
    return gzip.open(path, "rb") if gz else open(path, "rb")  # the caller closes it (with-block)


def read_limited(path: Path, gz: bool, limit: int) -> tuple[bytes, bool]:
    """(up to `limit` bytes, whether there was more): never holds more than limit + 1 bytes."""
    with open_binary(path, gz) as f:
        data = f.read(limit + 1)
    return data[:limit], len(data) > limit


def read_head(path: Path, gz: bool, n: int) -> bytes:
    with open_binary(path, gz) as f:
        return f.read(n)


@dataclass(frozen=True)
class Line:
    """One physical line: `data` is None when the line is longer than the limit (then only counted)."""

    number: int  # 1-based
    offset: int  # byte offset of the line's start in the (decompressed) file
    size: int
    data: bytes | None


def lines(f: BinaryIO, limit: int) -> Iterator[Line]:
    """Lines of `f`, each held in memory only when it fits within `limit` bytes.

    An over-long line is skipped chunk by chunk, so one giant line cannot exhaust memory.
    """
    number, offset = 0, 0
    while True:
        data = f.readline(limit + 1)
        if not data:
            return
        number += 1
        size = len(data)
        if size > limit and not data.endswith(b"\n"):
            while True:
                rest = f.readline(_CHUNK)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield Line(number, offset, size, None)
        else:
            yield Line(number, offset, size, data)
        offset += size
