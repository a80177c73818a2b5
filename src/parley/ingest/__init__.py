"""Ingest: the first pipeline stage, reading input files into `Article`s (or `InputError`s).

Text is normalised here, once; every later offset refers to `Article.text` as stored.
"""

from parley.ingest.checks import MAX_ARTICLE_BYTES
from parley.ingest.count import count
from parley.ingest.normalize import normalize_text
from parley.ingest.reader import read

__all__ = ["MAX_ARTICLE_BYTES", "count", "normalize_text", "read"]
