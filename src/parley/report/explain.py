"""`parley explain`: for every event, the sentence, the parse path and the pattern that fired;
for every stated position, the sentence, the quote and the rule that read it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from parley import nlp
from parley.export.csv_rows import codes
from parley.export.table import QUAD_STYLE
from parley.model import Event, Extraction, Statement


@dataclass(frozen=True)
class Explanation:
    index: int
    item: Event | Statement
    sentence: str  # the whole sentence the item was read from


def explain(x: Extraction) -> list[Explanation]:
    """Pair each event, then each statement, with its sentence (the article is re-segmented
    exactly as in extraction)."""
    doc = next(nlp.parse([x.article.text]))
    sentences = [s.text.strip() for s in doc.sents]

    def sentence(i: int) -> str:
        return sentences[i] if i < len(sentences) else ""

    items: list[Event | Statement] = [*x.events, *x.statements]
    return [Explanation(i, it, sentence(it.evidence.sentence)) for i, it in enumerate(items, 1)]


def render(x: Extraction, explanations: list[Explanation]) -> Group:
    n_events = sum(isinstance(ex.item, Event) for ex in explanations)
    head = f"{x.article.id}: {n_events} events, {len(explanations) - n_events} statements"
    parts: list[Panel | Text] = [Text(head, style="bold")]
    for ex in explanations:
        if isinstance(ex.item, Statement):
            parts.append(_statement_panel(ex.item, ex.sentence))
            continue
        e = ex.item
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
        head.append(e.kind, style=QUAD_STYLE.get(e.kind, ""))
        head.append(f"  {codes(e.source)} -> {codes(e.target) or '-'}  CAMEO {e.cameo} ({e.goldstein})")
        parts.append(Panel(t, title=head, title_align="left"))
    return Group(*parts)


def _statement_panel(s: Statement, sentence: str) -> Panel:
    t = Table.grid(padding=(0, 1))
    t.add_column(style="dim", justify="right")
    t.add_column()
    t.add_row("sentence", Text(f"s{s.evidence.sentence}: {sentence}"))
    t.add_row("quote", Text(f"[{s.evidence.start}:{s.evidence.end}] {s.evidence.exact}"))
    t.add_row("rule", Text(s.rule))
    for label, value in (
        ("object", s.object),
        ("target", codes(s.target)),
        ("guarantors", ", ".join(s.guarantors)),
        ("conditional on", ", ".join(s.conditional_on)),
    ):
        if value:
            t.add_row(label, Text(str(value)))
    title = Text(f"{s.id} {s.act}  {codes(s.actor)}  {s.issue}", style="bold")
    return Panel(t, title=title, title_align="left")


def show(x: Extraction, console: Console | None = None) -> None:
    (console or Console()).print(render(x, explain(x)))
