"""A terminal table of each article's events (rich)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from parley.export.csv_rows import codes
from parley.model import Extraction

QUAD_STYLE = {
    "AGREE": "green",
    "CONSULT": "green",
    "SUPPORT": "green",
    "CONCEDE": "green",
    "COOPERATE": "bright_green",
    "AID": "bright_green",
    "RETREAT": "bright_green",
    "REQUEST": "yellow",
    "ACCUSE": "yellow",
    "REJECT": "yellow",
    "THREATEN": "yellow",
    "PROTEST": "red",
    "SANCTION": "red",
    "MOBILIZE": "red",
    "COERCE": "red",
    "ASSAULT": "red",
}


def events_table(x: Extraction) -> Table:
    a = x.article
    title = f"{a.id}" + (f"  {a.date}" if a.date else "") + (f"  {a.title}" if a.title else "")
    if x.source_count > 1:
        title += f"  ({x.source_count} sources)"
    # Article text is data, never rich markup: every cell that holds it is a plain Text.
    t = Table(title=Text(title), title_justify="left", show_lines=False, expand=False)
    for col in ("#", "source", "type", "target", "cameo", "aux", "said by", "evidence"):
        t.add_column(col, overflow="fold")
    for i, e in enumerate(x.events, 1):
        src = codes(e.source) + (f"/{e.source_sector}" if e.source_sector else "")
        tgt = codes(e.target) + (f"/{e.target_sector}" if e.target_sector else "")
        quote = e.evidence.exact if len(e.evidence.exact) <= 90 else e.evidence.exact[:87] + "..."
        t.add_row(
            str(i),
            src,
            Text(e.kind, style=QUAD_STYLE.get(e.kind, "")),
            tgt,
            e.cameo or "",
            e.aux or "",
            codes(e.said_by),
            Text(f"s{e.evidence.sentence}: {quote}"),
        )
    return t


def write(extractions: Iterable[Extraction], stream: IO[str]) -> int:
    console = Console(file=stream, width=160, force_terminal=None)
    n = 0
    for x in extractions:
        console.print(events_table(x))
        console.print(f"{len(x.actors)} actors, {len(x.events)} events, {len(x.statements)} statements\n")
        n += 1
    return n
