"""Text normalisation applied once on ingest.

Every later offset (evidence spans, sentence boundaries) refers to the text this returns, so the
function must be deterministic and idempotent: normalising twice gives the same string.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width characters and the soft hyphen carry no visible text but split words for the tokeniser.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Every kind of line break becomes "\n" (CRLF first, so it yields one newline, not two).
_LINE_BREAKS = re.compile("\r\n|[\r\v\f\u0085\u2028\u2029]")
# Tabs, NBSP and the other Unicode space separators (category Zs) all read as one plain space.
_SPACES = re.compile("[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_TRAILING_SPACES = re.compile(" +\n")
_BLANK_LINES = re.compile("\n{3,}")


def normalize_text(s: str) -> str:
    """NFC, one kind of newline and space, at most one blank line between paragraphs, stripped.

    Typographic quotes and apostrophes are kept: evidence quotes must match the text as written.
    """
    # Zero-width characters go before NFC: removing one can bring a base letter and its combining
    # mark together, which NFC then composes (so a second pass finds nothing to change).
    s = _ZERO_WIDTH.sub("", s)
    s = unicodedata.normalize("NFC", s)
    s = _LINE_BREAKS.sub("\n", s)
    s = _SPACES.sub(" ", s)
    s = _TRAILING_SPACES.sub("\n", s)
    s = _BLANK_LINES.sub("\n\n", s)
    return s.strip()
