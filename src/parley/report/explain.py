"""`parley explain`: for every event, the sentence, the parse path and the pattern that fired."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from parley import nlp
from parley.export.csv_rows import codes
from parley.export.table import QUAD_STYLE
from parley.model import Event, Extraction


@dataclass(frozen=True)
class Explanation:
    index: int
    event: Event
    sentence: str  # the whole sentence the event was read from


def explain(x: Extraction) -> list[Explanation]:
    """Pair each event with its sentence (the article is re-segmented exactly as in extraction)."""
    doc = next(nlp.parse([x.article.text]))
    sentences = [s.text.strip() for s in doc.sents]
    return [
        Explanation(i, e, sentences[e.evidence.sentence] if e.evidence.sentence < len(sentences) else "")
        for i, e in enumerate(x.events, 1)
    ]


def render(x: Extraction, explanations: list[Explanation]) -> Group:
    parts: list[Panel | Text] = [Text(f"{x.article.id}: {len(explanations)} events", style="bold")]
    for ex in explanations:
        e = ex.event
        t = Table.grid(padding=(0, 1))
        t.add_column(style="dim", justify="right")
        t.add_column()
        t.add_row("sentence", Text(f"s{e.evidence.sentence}: {ex.sentence}"))
        t.add_row("quote", Text(f"[{e.evidence.start}:{e.evidence.end}] {e.evidence.exact}"))
        t.add_row("trigger", Text(e.trigger or "-"))
        t.add_row("parse path", Text(e.path or "-"))
        t.add_row("pattern", Text(e.rule))
        extra = ", ".join(
            f"{k} {v}"
            for k, v in (("aux", e.aux), ("said by", codes(e.said_by)), ("mode", e.mode), ("date", e.date))
            if v
        )
        if extra:
            t.add_row("modes", Text(extra))
        head = Text(f"#{ex.index} ")
        head.append(e.type, style=QUAD_STYLE.get(e.type, ""))
        head.append(f"  {codes(e.source)} -> {codes(e.target) or '-'}  CAMEO {e.cameo} ({e.goldstein})")
        parts.append(Panel(t, title=head, title_align="left"))
    return Group(*parts)


def show(x: Extraction, console: Console | None = None) -> None:
    (console or Console()).print(render(x, explain(x)))
