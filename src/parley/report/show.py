"""`parley show`: an article's text with every evidence span highlighted, then its events."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from parley.export.table import QUAD_STYLE, events_table
from parley.model import Extraction


def highlighted_text(x: Extraction) -> Text:
    """The stored text, each event's evidence underlined in its quad colour and numbered."""
    text = Text(x.article.text)
    for e in x.events:
        style = QUAD_STYLE.get(e.kind, "bold")
        text.stylize(f"underline {style}", e.evidence.start, e.evidence.end)
    for a in x.actors:
        for ev in a.evidence:
            text.stylize("bold", ev.start, ev.end)
    return text


def render(x: Extraction) -> Group:
    a = x.article
    meta = " | ".join(str(v) for v in (a.id, a.date, a.source, a.url) if v)
    actors = ", ".join(
        f"{act.name} ({act.code or '?'}{'/' + act.sector if act.sector else ''})" for act in x.actors
    )
    return Group(
        Panel(highlighted_text(x), title=Text(a.title or a.id), subtitle=Text(meta), title_align="left"),
        Text(f"Actors: {actors}" if actors else "Actors: none found"),
        events_table(x),
    )


def show(x: Extraction, console: Console | None = None) -> None:
    (console or Console()).print(render(x))
