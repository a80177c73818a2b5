"""Parley: rebuild the negotiations that news describes as source-linked data.

The public API (the CLI wraps exactly these):

    import parley
    for x in parley.extract(["article.txt"]):      # Extraction or InputError, per article
        print(x.record())
    parley.ingest(["corpus.jsonl.gz"], db="parley.db")
    parley.show("article")                          # a stored Extraction
"""

from parley.api import IngestReport, brief, case, explain, export, extract, ingest, show
from parley.model import Actor, Article, Event, Evidence, Extraction, InputError, Statement

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Event",
    "Evidence",
    "Extraction",
    "IngestReport",
    "InputError",
    "Statement",
    "brief",
    "case",
    "explain",
    "export",
    "extract",
    "ingest",
    "show",
]
