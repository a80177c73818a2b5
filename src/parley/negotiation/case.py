"""The state of one negotiation, from one or more articles: parties, venue, the issue x party
matrix with each party's stance history, guarantees with their flags, what is deferred or left
unaddressed, position changes and next steps. Every item keeps the evidence it was read from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from parley import nlp
from parley.model import Evidence, Extraction, Statement
from parley.negotiation.lexicon import Lexicon, forms
from parley.negotiation.lexicon import load as load_lexicon

TIMEFRAME = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)[- ](year|month|week|day)s?\b",
    re.I,
)


@dataclass
class Item:
    """One line of the brief, with where it was read."""

    text: str
    article: str
    date: dt.date | None
    evidence: Evidence
    data: dict = field(default_factory=dict)


@dataclass
class Stance:
    act: str
    object: str | None
    article: str
    date: dt.date | None
    statement: Statement


@dataclass
class Case:
    name: str
    parties: list[str]
    venue: str | None
    articles: list[str]
    matrix: dict[str, dict[str, list[Stance]]]  # issue -> party -> stances, oldest first
    guarantees: list[Item]
    guarantors_requested: list[str]
    guarantor_conflicts: list[str]
    deferred: list[Item]
    unaddressed: list[Item]
    contradictions: list[Item]
    position_changes: list[Item]
    next_steps: list[Item]
    events: list[tuple[str, Extraction]]  # (article id, extraction) for timelines and trends

    def latest(self, issue: str, party: str) -> Stance | None:
        stances = self.matrix.get(issue, {}).get(party, [])
        return stances[-1] if stances else None


def build(extractions: list[Extraction], lexicon: Lexicon | None = None) -> Case:
    lexicon = lexicon or load_lexicon()
    xs = sorted(extractions, key=lambda x: (x.article.date or dt.date.min, x.article.id))
    parties = _parties(xs)
    matrix: dict[str, dict[str, list[Stance]]] = {}
    for x in xs:
        for s in x.statements:
            for actor in _codes(s.actor):
                matrix.setdefault(s.issue, {}).setdefault(actor, []).append(
                    Stance(s.act, s.object, x.article.id, x.article.date, s)
                )
    guarantees, requested, conflicts = _guarantees(xs, parties)
    deferred = [
        Item(_deferred_text(s), x.article.id, x.article.date, s.evidence, {"statement": s.id})
        for x in xs
        for s in x.statements
        if s.act == "DEFER"
    ]
    unaddressed = _unaddressed(xs, parties)
    changes, steps = _sentence_cues(xs, lexicon, matrix)
    changes += _changes_across_articles(matrix)
    venue = next((e.location for x in xs for e in x.events if e.type == "CONSULT" and e.location), None)
    names = "-".join(_name(p, xs) for p in parties) or "Unknown parties"
    return Case(
        f"{names} talks" + (f", {venue}" if venue else ""),
        parties,
        venue,
        [x.article.id for x in xs],
        matrix,
        guarantees,
        requested,
        conflicts,
        deferred,
        unaddressed,
        _contradictions(xs),
        changes,
        steps,
        [(x.article.id, x) for x in xs],
    )


def _codes(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _parties(xs: list[Extraction]) -> list[str]:
    """The two (or more) sides: those who state positions towards each other most often."""
    counts: Counter[str] = Counter()
    for x in xs:
        for s in x.statements:
            counts.update(_codes(s.actor))
            counts.update(_codes(s.target))
    if not counts:
        for x in xs:
            for e in x.events:
                counts.update(_codes(e.source))
                counts.update(_codes(e.target))
    top = [c for c, _ in counts.most_common(2)]
    return sorted(top)


def _name(code: str, xs: list[Extraction]) -> str:
    for x in xs:
        for a in x.actors:
            if a.code == code and a.kind != "person":
                return a.name
    return code


def _guarantees(xs: list[Extraction], parties: list[str]) -> tuple[list[Item], list[str], list[str]]:
    """Guarantees asked for or offered (after ATOP's coding of alliance obligations): guarantor,
    beneficiary, obligation, status; a guarantor who is the other side of the talks is flagged."""
    items: list[Item] = []
    requested: list[str] = []
    for x in xs:
        for s in x.statements:
            if s.issue != "security_guarantees" or not s.guarantors:
                continue
            status = "requested" if s.act == "DEMAND" else "offered" if s.act == "OFFER" else s.act.lower()
            for g in s.guarantors:
                if g not in requested:
                    requested.append(g)
            items.append(
                Item(
                    f"{'+'.join(_codes(s.actor))} asks {', '.join(s.guarantors)} to guarantee its security",
                    x.article.id,
                    x.article.date,
                    s.evidence,
                    {
                        "beneficiary": s.actor,
                        "guarantors": s.guarantors,
                        "obligation": "defence",
                        "status": status,
                    },
                )
            )
    beneficiaries = {c for i in items for c in _codes(i.data["beneficiary"])}
    conflicts = [g for g in requested if g in parties and g not in beneficiaries]
    return items, requested, conflicts


def _deferred_text(s: Statement) -> str:
    frame = TIMEFRAME.search(s.evidence.exact)
    what = s.object or s.issue
    if frame:
        after = s.evidence.exact[frame.end() :].split()[:1]
        return f"{what} ({frame.group(0)}{' ' + after[0].strip('.,;') if after else ''})"
    return what


def _unaddressed(xs: list[Extraction], parties: list[str]) -> list[Item]:
    """A party's demand on an issue where the other side states positions on other items but
    never on this one: Russia wants Crimea and Donbas recognised; Ukraine's proposal speaks of
    Crimea only, so Donbas is unaddressed. (An issue the other side has not spoken to at all is
    simply open, and shows as such in the matrix.)"""
    out: list[Item] = []
    statements = [(x, s) for x in xs for s in x.statements]
    for x, s in statements:
        if s.act != "DEMAND" or not s.object:
            continue
        others = set(parties) - set(_codes(s.actor))
        replies = [
            o for _, o in statements if set(_codes(o.actor)) & others and o.issue == s.issue and o.object
        ]
        answered = any(
            _norm(s.object) in _norm(o.object or "") or _norm(o.object or "") in _norm(s.object)
            for o in replies
        )
        if replies and not answered and all(i.text != s.object for i in out):
            out.append(
                Item(
                    s.object,
                    x.article.id,
                    x.article.date,
                    s.evidence,
                    {"raised_by": s.actor, "issue": s.issue},
                )
            )
    return out


def _norm(s: str) -> str:
    return "".join(ch for ch in s.lower() if ch.isalnum())


OPPOSITE = {("OFFER", "REJECT"), ("ACCEPT", "REJECT"), ("REJECT", "OFFER"), ("REJECT", "ACCEPT")}


def _contradictions(xs: list[Extraction]) -> list[Item]:
    """One party offering (or accepting) and rejecting the same thing in the same article."""
    out: list[Item] = []
    for x in xs:
        for i, a in enumerate(x.statements):
            for b in x.statements[i + 1 :]:
                same_thing = (
                    not a.object
                    or not b.object
                    or _norm(a.object) in _norm(b.object)
                    or _norm(b.object) in _norm(a.object)
                )
                if a.actor == b.actor and a.issue == b.issue and (a.act, b.act) in OPPOSITE and same_thing:
                    who = "+".join(_codes(a.actor))
                    out.append(
                        Item(
                            f"{who} {a.issue}: {a.act} {a.object or ''} and {b.act} {b.object or ''}",
                            x.article.id,
                            x.article.date,
                            b.evidence,
                            {"statements": [a.id, b.id]},
                        )
                    )
    return out


def _changes_across_articles(matrix: dict[str, dict[str, list[Stance]]]) -> list[Item]:
    """A party that takes another stance on the same issue in a later article: Ukraine rejects
    neutrality on 7 March and offers it on 29 March."""
    out: list[Item] = []
    for issue, by_party in matrix.items():
        for party, stances in by_party.items():
            for before, after in pairwise(stances):
                if before.article == after.article or before.act == after.act:
                    continue
                if (
                    before.object
                    and after.object
                    and not (
                        _norm(before.object) in _norm(after.object)
                        or _norm(after.object) in _norm(before.object)
                    )
                ):
                    continue
                text = (
                    f"{party} {issue}: {before.act} {before.object or ''} ({before.date}) -> "
                    f"{after.act} {after.object or ''} ({after.date})"
                )
                out.append(
                    Item(
                        " ".join(text.split()),
                        after.article,
                        after.date,
                        after.statement.evidence,
                        {
                            "party": party,
                            "issue": issue,
                            "before": f"{before.act} {before.object or ''}",
                            "after": f"{after.act} {after.object or ''}",
                            "from_article": before.article,
                        },
                    )
                )
    return out


def _sentence_cues(
    xs: list[Extraction], lexicon: Lexicon, matrix: dict[str, dict[str, list[Stance]]]
) -> tuple[list[Item], list[Item]]:
    """Position changes ("Russia's previous position was ...") and next steps ("The next step
    for the talks is ..."), read sentence by sentence."""
    changes: list[Item] = []
    steps: list[Item] = []
    docs = nlp.parse(x.article.text for x in xs)
    for x, doc in zip(xs, docs, strict=True):
        for i, sent in enumerate(doc.sents):
            words = [forms(t.lemma_.lower(), t.lower_) for t in sent]
            text = sent.text.strip()
            ev = Evidence.from_span(x.article.text, i, sent.start_char, sent.start_char + len(text))
            if lexicon.has("next_step", words):
                steps.append(Item(text, x.article.id, x.article.date, ev))
            if lexicon.has("change", words):
                party = _party_in(sent, x)
                issue, _ = lexicon.issue_of(words)
                if party and issue:
                    said = {w for ws in words for w in ws}
                    stances = matrix.get(issue, {}).get(party, [])
                    # the current stance on the same thing ("a Putin-Zelensky meeting")
                    now = max(
                        reversed(stances),
                        key=lambda st: len(said & set((st.object or "").lower().split())),
                        default=None,
                    )
                    after = f"{now.act.lower()} {now.object or issue}" if now else "?"
                    changes.append(
                        Item(
                            f"{party} {issue}: {text} -> now: {after}",
                            x.article.id,
                            x.article.date,
                            ev,
                            {"party": party, "issue": issue, "before": text, "after": after},
                        )
                    )
    return changes, steps


def _party_in(sent, x: Extraction) -> str | None:
    """The party a sentence is about: the first actor quoted in it."""
    for a in x.actors:
        for ev in a.evidence:
            if sent.start_char <= ev.start < sent.end_char and a.code:
                return a.code
    return None
