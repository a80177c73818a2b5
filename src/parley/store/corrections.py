"""Analysts' corrections of the machine output: the `Correction` model, item keys, validation, `apply`.

Corrections are stored apart from the machine output (the `corrections` table) and applied when an
article is read, so re-extracting an article never loses them.

Item keys name an event or statement by what identifies it in the text, not by its list position,
so they survive re-extraction as long as the extractor still finds the same thing:

    event:{evidence.start}-{evidence.end}:{type}                e.g. "event:203-221:REJECT" (or STATEMENT)
    statement:{evidence.start}-{evidence.end}:{act}:{issue}     e.g. "statement:120-162:OFFER:fishing_quota"

Items sharing a key are indistinguishable to a correction: it applies to each of them. An item that
`apply` touched keeps the key it was corrected under (in `correction["item"]`) even when an edit
changed its evidence or type; `key()` returns that key, so `key(shown_item)` always addresses it.

How corrections combine (in id order, which is the order they were made):
- right / wrong: the latest verdict on an item wins; it also resets earlier edits of the item
  ("right" = the item as extracted is right).
- edit: `data` holds the changed fields; edits since the last verdict accumulate, a later value of
  a field replacing an earlier one.
- add: `data` holds a whole new Event or Statement (evidence required; `rule` defaults to
  "analyst", a statement's `id` to "c<correction id>"). Added items can be corrected like others.
- merge (kind "actor"): `data` = {"from": code, "to": code}; rewrites the code in the actors,
  events (source, target, said_by) and statements (actor, target, guarantors) of its article, or of
  every article when `article_id` is None. Merges chain (A->B, B->C: A becomes C); a merge that
  would close a loop replaces the older merge in it.

A correction that no longer fits the current extraction (its item is gone, its evidence no longer
matches the text, an added item is now found by the extractor itself) is kept and skipped; see
`orphans`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from parley.model import Actor, Codes, Event, Extraction, Statement

Action = Literal["right", "wrong", "edit", "add", "merge"]
Kind = Literal["event", "statement", "actor"]
ACTIONS: tuple[str, ...] = get_args(Action)
KINDS: tuple[str, ...] = get_args(Kind)
ANALYST_RULE = "analyst"

Item = Event | Statement
_MODELS: dict[str, type[Event] | type[Statement]] = {"event": Event, "statement": Statement}
# Fields an edit may not change: the analyst's mark itself, and a statement's id (others refer to it).
_NOT_EDITABLE = {"correction", "id"}


class Correction(BaseModel):
    """One analyst's correction; `id` and `created_at` are set when it is stored."""

    model_config = ConfigDict(extra="forbid")

    id: int | None = None
    article_id: str | None = Field(description="None only for a merge that holds in every article")
    action: Action
    kind: Kind
    item: str | None = Field(None, description="key of the corrected item; None for add and merge")
    data: dict[str, Any] = Field(default_factory=dict)
    note: str = ""
    author: str = "analyst"
    created_at: dt.datetime | None = None


def build(**fields: Any) -> Correction:
    """A Correction from loose values (e.g. a form), with a plain ValueError naming what is wrong."""
    if fields.get("action") not in ACTIONS:
        raise ValueError(f"unknown action {fields.get('action')!r}: one of {', '.join(ACTIONS)}")
    if fields.get("kind") not in KINDS:
        raise ValueError(f"unknown kind {fields.get('kind')!r}: one of {', '.join(KINDS)}")
    try:
        return Correction(**fields)
    except ValidationError as exc:
        raise ValueError(_errors(exc)) from None


def key(item: Item) -> str:
    """The stable key of an event or statement (see the module docstring)."""
    if item.correction and "item" in item.correction:
        return str(item.correction["item"])
    return _own_key(item)


def _own_key(item: Item) -> str:
    ev = item.evidence
    if isinstance(item, Event):
        # the other side's half of a mutual meeting shares its quote and type, not its key
        mutual = ":mutual" if "+mutual/" in (item.rule or "") else ""
        return f"event:{ev.start}-{ev.end}:{item.kind}{mutual}"
    return f"statement:{ev.start}-{ev.end}:{item.act}:{item.issue}"


# -- validation ----------------------------------------------------------------------------------


def validate(c: Correction, extraction: Extraction | None, earlier: Sequence[Correction] = ()) -> None:
    """Raise ValueError unless `c` can be applied to `extraction` (its article, machine output) on
    top of the `earlier` corrections. `extraction` may be None only for a global merge."""
    _check_shape(c)
    if c.article_id is None:
        return
    if extraction is None or extraction.article.id != c.article_id:
        raise ValueError(f"correction of article {c.article_id!r} needs that article's extraction")
    current = apply(extraction, earlier, keep_wrong=True)
    text = extraction.article.text
    if c.action == "merge":
        codes = _codes_in(extraction) | _codes_in(current)
        if c.data["from"] not in codes:
            raise ValueError(f"actor code {c.data['from']!r} does not occur in article {c.article_id!r}")
        return
    items: list[Item] = list(current.events if c.kind == "event" else current.statements)
    if c.action == "add":
        new = _added(c, text)
        if _own_key(new) in {key(i) for i in items} | {_own_key(i) for i in items}:
            raise ValueError(f"{_own_key(new)} already exists: correct it instead of adding it")
        if isinstance(new, Statement) and "id" in c.data and new.id in {i.id for i in current.statements}:
            raise ValueError(f"statement id {new.id!r} is taken in article {c.article_id!r}")
        return
    found = [i for i in items if key(i) == c.item]
    if not found:
        raise ValueError(f"no {c.kind} {c.item!r} in article {c.article_id!r}")
    if c.action == "edit":
        _edited(found[0], c.data, text)


def _check_shape(c: Correction) -> None:
    """What a correction must look like, whatever the article holds."""
    if (c.action == "merge") != (c.kind == "actor"):
        raise ValueError("actors can only be merged, and only actors (kind 'actor') can be merged")
    if c.article_id is None and c.action != "merge":
        raise ValueError(f"{c.action!r} needs an article_id (only a merge can hold in every article)")
    if c.action in ("add", "merge"):
        if c.item is not None:
            raise ValueError(f"{c.action!r} takes no item key")
    elif not c.item:
        raise ValueError(f"{c.action!r} needs the key of the item it corrects")
    if c.action in ("right", "wrong") and c.data:
        raise ValueError(f"{c.action!r} takes no data")
    if c.action == "edit":
        if not c.data:
            raise ValueError("an edit needs the changed fields in data")
        model = _MODELS[c.kind]
        unknown = sorted(set(c.data) - (set(model.model_fields) - _NOT_EDITABLE))
        if unknown:
            editable = sorted(set(model.model_fields) - _NOT_EDITABLE)
            raise ValueError(f"{c.kind} has no editable field {unknown}; editable: {', '.join(editable)}")
    if c.action == "add" and "evidence" not in c.data:
        raise ValueError(f"an added {c.kind} needs evidence (a quote with its offsets in the text)")
    if c.action == "merge":
        if set(c.data) != {"from", "to"} or not all(isinstance(v, str) and v for v in c.data.values()):
            raise ValueError('a merge needs data {"from": code, "to": code}')
        if c.data["from"] == c.data["to"]:
            raise ValueError(f"merging {c.data['from']!r} into itself")


def _errors(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in exc.errors())


def _validated(model: type[Event] | type[Statement], values: dict[str, Any], text: str) -> Item:
    try:
        item = model.model_validate(values)
    except ValidationError as exc:
        raise ValueError(f"invalid {model.__name__.lower()}: {_errors(exc)}") from None
    if not item.evidence.check(text):
        ev = item.evidence
        raise ValueError(f"evidence {ev.exact!r} is not what the article text holds at {ev.start}-{ev.end}")
    return item


def _added(c: Correction, text: str) -> Item:
    """The item an add correction describes, checked against the article text."""
    values = {"rule": ANALYST_RULE, **c.data}
    if c.kind == "statement":
        values.setdefault("id", f"c{c.id if c.id is not None else ''}")
    evidence = values.get("evidence")
    if isinstance(evidence, dict) and {"start", "end"} <= evidence.keys():
        # Quote context as the extractor gives it, unless the analyst gave one.
        s, e = evidence["start"], evidence["end"]
        if isinstance(s, int) and isinstance(e, int):
            values["evidence"] = {"prefix": text[max(0, s - 32) : s], "suffix": text[e : e + 32], **evidence}
    return _validated(_MODELS[c.kind], values, text)


def _edited(item: Item, changes: dict[str, Any], text: str) -> Item:
    values = {**item.model_dump(exclude={"correction"}), **changes}
    return _validated(type(item), values, text).model_copy(update={"correction": item.correction})


# -- applying ------------------------------------------------------------------------------------


def apply(
    extraction: Extraction, corrections: Iterable[Correction], *, keep_wrong: bool = False
) -> Extraction:
    """A corrected copy of `extraction`: items marked wrong dropped (kept, marked, with
    `keep_wrong`), edits applied, added items appended, actor merges applied. Every touched item has
    its `correction` set. `corrections` may hold other articles' corrections; they are ignored."""
    return _apply(extraction, corrections, keep_wrong)[0]


def orphans(extraction: Extraction, corrections: Iterable[Correction]) -> list[Correction]:
    """The corrections of this article that no longer fit its extraction and so are not applied."""
    return _apply(extraction, corrections, keep_wrong=True)[1]


def _apply(
    extraction: Extraction, corrections: Iterable[Correction], keep_wrong: bool
) -> tuple[Extraction, list[Correction]]:
    article = extraction.article
    mine = [
        c for c in corrections if c.article_id == article.id or (c.article_id is None and c.action == "merge")
    ]
    mine.sort(key=_order)
    lost: list[Correction] = []
    items: dict[str, list[Item]] = {
        "event": list(extraction.events),
        "statement": list(extraction.statements),
    }

    for c in (c for c in mine if c.action == "add"):
        try:
            new = _added(c, article.text)
        except ValueError:
            lost.append(c)
            continue
        if _own_key(new) in {_own_key(i) for i in items[c.kind]}:
            lost.append(c)  # the extractor finds it now: the machine item stands
            continue
        if isinstance(new, Statement) and new.id in {i.id for i in items["statement"]}:
            new = new.model_copy(update={"id": f"c{c.id}"})
        mark = {**_mark(c, _own_key(new)), "added": True}
        items[c.kind].append(new.model_copy(update={"correction": mark}))

    judged: dict[tuple[str, str], list[Correction]] = {}
    for c in mine:
        if c.action in ("right", "wrong", "edit"):
            judged.setdefault((c.kind, c.item or ""), []).append(c)
    for (kind, item_key), cs in judged.items():
        hits = [n for n, i in enumerate(items[kind]) if key(i) == item_key]
        if not hits:
            lost.extend(cs)
        for n in hits:
            items[kind][n] = _judge(items[kind][n], item_key, cs, article.text, lost)

    out = extraction.model_copy(
        update={
            "events": _kept(items["event"], keep_wrong),
            "statements": _kept(items["statement"], keep_wrong),
        }
    )
    merges = [c for c in mine if c.action == "merge"]
    if merges:
        out = _merged(out, _merge_map(merges))
    return out, sorted(_unique(lost), key=_order)


def _judge(item: Item, item_key: str, cs: list[Correction], text: str, lost: list[Correction]) -> Item:
    """`item` after its right/wrong/edit corrections (in order); edits that no longer fit go to `lost`."""
    base, current = item, item
    fields: set[str] = set()
    applied: list[Correction] = []
    for c in cs:
        if c.action == "edit":
            try:
                current = _edited(current, c.data, text)
            except ValueError:
                if c not in lost:
                    lost.append(c)
                continue
            fields |= set(c.data)
        else:
            current, fields = base, set()
        applied.append(c)
    if not applied:
        return item
    mark = _mark(applied[-1], item_key)
    if fields:
        mark["fields"] = sorted(fields)
    prior = base.correction or {}
    mark["ids"] = [*prior.get("ids", []), *(c.id for c in applied if c.id is not None)]
    if prior.get("added"):
        mark["added"] = True
    return current.model_copy(update={"correction": mark})


def _mark(c: Correction, item_key: str) -> dict[str, Any]:
    """What an item carries about the correction that touched it (JSON-ready, no None values)."""
    mark: dict[str, Any] = {"action": c.action, "item": item_key, "note": c.note, "author": c.author}
    if c.id is not None:
        mark["id"] = c.id
        mark["ids"] = [c.id]
    if c.created_at is not None:
        mark["created_at"] = c.created_at.isoformat()
    return mark


def _kept(items: list[Item], keep_wrong: bool) -> list[Any]:
    return [i for i in items if keep_wrong or not (i.correction and i.correction["action"] == "wrong")]


# -- merging actor codes -------------------------------------------------------------------------


def _merge_map(merges: list[Correction]) -> dict[str, Correction]:
    """code -> the merge that renames it, loop-free: a merge closing a loop drops the older edge."""
    edges: dict[str, Correction] = {}
    for c in merges:
        src, dst = c.data["from"], c.data["to"]
        if src == dst:
            continue
        edges[src] = c
        cur = dst
        while cur in edges:
            nxt = edges[cur].data["to"]
            if nxt == src:
                del edges[cur]
                break
            cur = nxt
    return edges


def _resolve(code: str, edges: dict[str, Correction], used: list[Correction]) -> str:
    while code in edges:
        used.append(edges[code])
        code = edges[code].data["to"]
    return code


def _recode(value: Codes, edges: dict[str, Correction], used: list[Correction]) -> Codes:
    if value is None:
        return None
    if isinstance(value, str):
        return _resolve(value, edges, used)
    # A compound whose members merge into one another keeps each code once.
    return list(dict.fromkeys(_resolve(v, edges, used) for v in value))


_CODE_FIELDS = {"event": ("source", "target", "said_by"), "statement": ("actor", "target", "guarantors")}


def _merged(x: Extraction, edges: dict[str, Correction]) -> Extraction:
    actors: dict[tuple[Any, ...], Actor] = {}
    for a in x.actors:
        code = _recode(a.code, edges, []) if a.code else a.code
        a = a.model_copy(update={"code": code})
        # Two mentions of one actor become one entry, with the evidence of both.
        same = (a.code, a.name, a.kind, a.sector, a.role)
        if same in actors:
            seen = actors[same]
            extra = [e for e in a.evidence if e not in seen.evidence]
            actors[same] = seen.model_copy(update={"evidence": [*seen.evidence, *extra]})
        else:
            actors[same] = a
    return x.model_copy(
        update={
            "actors": list(actors.values()),
            "events": [_merged_item(e, _CODE_FIELDS["event"], edges) for e in x.events],
            "statements": [_merged_item(s, _CODE_FIELDS["statement"], edges) for s in x.statements],
        }
    )


def _merged_item(item: Any, names: tuple[str, ...], edges: dict[str, Correction]) -> Any:
    used: list[Correction] = []
    changes = {}
    for name in names:
        old = getattr(item, name)
        new = _recode(old, edges, used)
        if new != old:
            changes[name] = new
    if not changes:
        return item
    used = sorted(_unique(used), key=_order)
    if item.correction:
        mark = dict(item.correction)  # the item's own correction says more than a renamed code
    else:
        mark = {**_mark(used[-1], key(item)), "action": "merge", "ids": []}
    mark["fields"] = sorted({*mark.get("fields", []), *changes})
    mark["ids"] = [*mark.get("ids", []), *(c.id for c in used if c.id is not None)]
    mark["merged"] = [{"from": c.data["from"], "to": c.data["to"]} for c in used]
    return item.model_copy(update={**changes, "correction": mark})


def _order(c: Correction) -> tuple[bool, int]:
    """The order corrections were made in: stored ones by id, unsaved ones (id None) after them."""
    return (c.id is None, c.id or 0)


def _unique(cs: list[Correction]) -> list[Correction]:
    """Each correction once, in order (models are not hashable, so by identity)."""
    return list({id(c): c for c in cs}.values())


def _codes_in(x: Extraction) -> set[str]:
    found = {a.code for a in x.actors if a.code}
    for kind, items in (("event", x.events), ("statement", x.statements)):
        for item in items:
            for name in _CODE_FIELDS[kind]:
                value = getattr(item, name)
                found.update([value] if isinstance(value, str) else value or [])
    return found
