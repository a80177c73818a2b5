"""What the line-based corpus readers (JSONL, CSV) share: the up-front check of the file's head."""

from __future__ import annotations

from parley.ingest.checks import BINARY_MESSAGE, SNIFF_BYTES, binary_kind, one_line, os_reason
from parley.ingest.discover import Source
from parley.ingest.streams import GZIP_ERRORS, read_head
from parley.model import InputError

# Room for JSON escaping and CSV quoting around an article at the size limit; the article text
# itself is checked against MAX_ARTICLE_BYTES once decoded.
LINE_LIMIT_FACTOR = 2


def check_head(src: Source) -> InputError | None:
    """An error when the file cannot be read at all or is binary; None when worth streaming."""
    try:
        head = read_head(src.path, src.gz, SNIFF_BYTES)
    except GZIP_ERRORS as e:
        return InputError(origin=str(src.path), message=f"cannot decompress: {one_line(str(e))}")
    except OSError as e:
        return InputError(origin=str(src.path), message=os_reason(e))
    if binary_kind(head):
        return InputError(origin=str(src.path), message=BINARY_MESSAGE)
    return None


def read_failure(src: Source, line: int, e: Exception) -> InputError:
    """A file that broke off part-way (truncated gzip, I/O error): reported at the line it stopped."""
    reason = os_reason(e) if isinstance(e, OSError) and e.strerror else one_line(str(e))
    return InputError(origin=str(src.path), line=line, message=f"reading stopped: {reason}")
