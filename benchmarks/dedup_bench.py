"""Near-duplicate stories: pair-level precision and recall of Store.save, by threshold.

A labelled set is built from the first --limit articles of ../shared/corpus/news-10k.jsonl.gz
(read, never copied): for a sample of originals, copies that are the same story (an exact copy,
5-10% of words dropped or replaced, a new headline and lede, a dateline and agency footer, the last
paragraph cut, and all of these at once) and rewrites that are not (40% of the sentences kept; half
of the article spliced onto half of another), mixed with the other, unrelated articles. Everything
is saved, in a shuffled order, into a fresh SQLite store per threshold, with no NLP (an Extraction
holding the article only). A predicted pair is two articles the store put in one story; a true
pair, an original and one of its copies, or two copies of one original.

Then the whole corpus is checked for near-duplicates of its own, with datasketch's in-memory LSH
and the store's signatures.

    .venv/bin/python benchmarks/dedup_bench.py --shared ../shared
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from datasketch import MinHash, MinHashLSH
from sqlalchemy import select

from parley.ingest import normalize_text
from parley.model import Article, Extraction
from parley.store import Store
from parley.store import stories as st
from parley.store.schema import story_sources

THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9)
FOOTERS = (
    "(Reporting by Maria Tsvetkova; Editing by Peter Graff and Frances Kerry)",
    "Copyright 2020 The Associated Press. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed without permission.",
    "Sign up for our newsletter to get the day's top stories in your inbox every morning. "
    "Follow us on Twitter and Facebook for the latest updates.",
)
DATELINES = ("WASHINGTON (AP) — ", "LONDON (Reuters) - ", "MOSCOW, Jan 8 (AFP) - ", "NEW YORK — ")
_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
_TOKEN = re.compile(r"(\s+)")


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    group: str | None  # the original's id for it and its copies; None: matches nothing


def read_corpus(path: Path, limit: int | None) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


# -- copies and rewrites -------------------------------------------------------------------------


def edit_words(text: str, rng: random.Random, vocab: list[str], rate: float) -> str:
    """Drop or replace each word with probability `rate` (half each), keeping spacing."""
    out = []
    for tok in _TOKEN.split(text):
        if tok.strip() and rng.random() < rate:
            if rng.random() < 0.5:
                continue
            tok = rng.choice(vocab)
        out.append(tok)
    return "".join(out)


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def new_headline(text: str, rng: random.Random, headlines: list[str]) -> str:
    """Another headline on top, and the lede (first paragraph) gone, as a rewrite desk would."""
    ps = paragraphs(text)
    return "\n\n".join([rng.choice(headlines), *ps[1:]])


def dateline_footer(text: str, rng: random.Random) -> str:
    return rng.choice(DATELINES) + text + "\n\n" + rng.choice(FOOTERS)


def cut_last(text: str) -> str:
    ps = paragraphs(text)
    return "\n\n".join(ps[:-1]) if len(ps) > 2 else text


def keep_sentences(text: str, rng: random.Random, share: float) -> str:
    sents = _SENTENCE.split(text.replace("\n\n", " "))
    keep = sorted(rng.sample(range(len(sents)), max(1, round(share * len(sents)))))
    return " ".join(sents[i] for i in keep)


def splice(text: str, other: str) -> str:
    a, b = paragraphs(text), paragraphs(other)
    return "\n\n".join(a[: len(a) // 2] + b[len(b) // 2 :])


def make_items(
    pool: list[dict[str, str]], originals: int, rng: random.Random
) -> tuple[list[Item], dict[str, str]]:
    """The labelled set, and each item's kind (for the per-kind table)."""
    vocab = sorted({w for a in pool[:200] for w in a["text"].split() if w.isalpha()})
    headlines = [a["title"] for a in pool if a.get("title")]
    chosen = rng.sample(range(len(pool)), originals)
    chosen_set = set(chosen)
    items: list[Item] = []
    kinds: dict[str, str] = {}
    light: dict[str, Callable[[str], str]] = {
        "exact copy": lambda t: t,
        "5-10% words edited": lambda t: edit_words(t, rng, vocab, rng.uniform(0.05, 0.10)),
        "new headline and lede": lambda t: new_headline(t, rng, headlines),
        "dateline and footer": lambda t: dateline_footer(t, rng),
        "last paragraph cut": cut_last,
        "all of these (wire reprint)": lambda t: dateline_footer(
            cut_last(new_headline(edit_words(t, rng, vocab, 0.05), rng, headlines)), rng
        ),
    }
    heavy: dict[str, Callable[[str], str]] = {
        "40% of sentences kept": lambda t: keep_sentences(t, rng, 0.4),
        "half spliced onto another": lambda t: splice(t, pool[rng.randrange(len(pool))]["text"]),
    }
    for n in chosen:
        a = pool[n]
        items.append(Item(a["id"], a["text"], a["id"]))
        kinds[a["id"]] = "original"
        for k, (name, fn) in enumerate(light.items()):
            item = Item(f"{a['id']}~copy{k}", normalize_text(fn(a["text"])), a["id"])
            items.append(item)
            kinds[item.id] = name
        for k, (name, fn) in enumerate(heavy.items()):
            item = Item(f"{a['id']}~rewrite{k}", normalize_text(fn(a["text"])), None)
            items.append(item)
            kinds[item.id] = name
    for n, a in enumerate(pool):
        if n not in chosen_set:
            items.append(Item(a["id"], a["text"], None))
            kinds[a["id"]] = "unrelated"
    return items, kinds


# -- scoring ---------------------------------------------------------------------------------------


def pairs(groups: dict[str, list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for members in groups.values() for p in itertools.combinations(members, 2)}


def run_store(
    items: list[Item], threshold: float, folder: Path
) -> tuple[dict[str, str], Counter[str], float]:
    """Save every item; return each saved id's story, the outcomes, and the seconds taken."""
    outcomes: Counter[str] = Counter()
    with Store.open(str(folder / f"dedup-{threshold}.db"), near_duplicates=threshold) as store:
        start = time.perf_counter()
        for it in items:
            outcomes[store.save(Extraction(article=Article(id=it.id, text=it.text)))] += 1
        seconds = time.perf_counter() - start
        with store.engine.connect() as conn:
            story_of = {
                r[0]: r[1] for r in conn.execute(select(story_sources.c.article_id, story_sources.c.story_id))
            }
    return story_of, outcomes, seconds


def score(items: list[Item], story_of: dict[str, str]) -> tuple[float, float, int, int]:
    truth: dict[str, list[str]] = {}
    for it in items:
        if it.group is not None:
            truth.setdefault(it.group, []).append(it.id)
    predicted: dict[str, list[str]] = {}
    for it in items:
        predicted.setdefault(story_of.get(it.id, it.id), []).append(it.id)
    t, p = pairs(truth), pairs(predicted)
    hit = len(t & p)
    return hit / len(p) if p else 1.0, hit / len(t) if t else 1.0, len(p), len(t)


def per_kind(items: list[Item], kinds: dict[str, str], story_of: dict[str, str]) -> dict[str, float]:
    """Share of each kind of copy or rewrite put into its original's story."""
    story = {it.id: story_of.get(it.id, it.id) for it in items}
    joined: dict[str, list[bool]] = {}
    for it in items:
        kind = kinds[it.id]
        if kind in ("original", "unrelated"):
            continue
        original = it.id.split("~")[0]
        joined.setdefault(kind, []).append(story[it.id] == story[original])
    return {k: sum(v) / len(v) for k, v in joined.items()}


def drop_own_duplicates(pool: list[dict[str, str]]) -> tuple[list[dict[str, str]], int]:
    """Leave out of the pool articles that are already near-duplicates (J >= 0.5) of an earlier one,
    so the truth holds only the pairs made here."""
    lsh = MinHashLSH(threshold=0.5, num_perm=st.NUM_PERM)
    kept, dropped = [], 0
    for a in pool:
        m = _minhash(a["text"])
        if lsh.query(m):
            dropped += 1
            continue
        lsh.insert(a["id"], m)
        kept.append(a)
    return kept, dropped


def _minhash(text: str) -> MinHash:
    sig = st.signature(text)
    return MinHash(num_perm=st.NUM_PERM, seed=st.SEED, scheme=st.SCHEME, hashvalues=sig.values)


def corpus_duplicates(path: Path, threshold: float) -> None:
    """Near-duplicate pairs within the whole corpus, with the store's signatures: how many at each
    threshold, and the closest pairs at `threshold`."""
    lowest = min(THRESHOLDS)
    lsh = MinHashLSH(threshold=lowest, num_perm=st.NUM_PERM)
    meta: dict[str, dict[str, str]] = {}
    sigs: dict[str, st.Signature] = {}
    found: list[tuple[str, str, float]] = []
    identical = set()
    start = time.perf_counter()
    for a in read_corpus(path, None):
        if a["id"] in meta:
            continue
        meta[a["id"]] = a
        sig = st.signature(normalize_text(a["text"]))
        m = MinHash(num_perm=st.NUM_PERM, seed=st.SEED, scheme=st.SCHEME, hashvalues=sig.values)
        for other in lsh.query(m):
            sim = sig.similarity(sigs[other].values)
            if sim >= lowest:
                found.append((other, a["id"], sim))
                if normalize_text(meta[other]["text"]) == normalize_text(a["text"]):
                    identical.add((other, a["id"]))
        lsh.insert(a["id"], m)
        sigs[a["id"]] = sig
    seconds = time.perf_counter() - start
    print(f"\nThe corpus itself: {len(meta)} articles, signatures and in-memory LSH in {seconds:.0f} s\n")
    print("| threshold | near-duplicate pairs | of them identical texts | articles in a pair |")
    print("|---:|---:|---:|---:|")
    for t in THRESHOLDS:
        at = [p for p in found if p[2] >= t]
        ids = {i for p in at for i in p[:2]}
        same = sum((x, y) in identical for x, y, _ in at)
        print(f"| {t} | {len(at)} | {same} | {len(ids)} |")
    at = sorted((p for p in found if p[2] >= threshold), key=lambda p: -p[2])
    if at:
        print(f"\nAt J >= {threshold}:\n\n| similarity | first | second |\n|---:|---|---|")
        for x, y, sim in at[:12]:
            print(f"| {sim:.2f} | {_label(meta[x])} | {_label(meta[y])} |")


def _label(a: dict[str, str]) -> str:
    title = (a.get("title") or "")[:50].replace("|", "/")
    return f"{a['id']} ({a.get('source')}, {a.get('date')}): {title}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--limit", type=int, default=2000, help="corpus articles to build the set from")
    ap.add_argument("--originals", type=int, default=300, help="articles given copies and rewrites")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--threshold", type=float, default=st.THRESHOLD, help="for the corpus count")
    args = ap.parse_args()
    src = args.shared / "corpus" / "news-10k.jsonl.gz"
    if not src.exists():
        print(f"the benchmark needs {src}; it is not there", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    pool = [{**a, "text": normalize_text(a["text"])} for a in read_corpus(src, args.limit)]
    pool, dropped = drop_own_duplicates(pool)
    items, kinds = make_items(pool, args.originals, rng)
    rng.shuffle(items)  # a copy may well be saved before its original
    n_copies = sum(k not in ("original", "unrelated") and "~copy" in i for i, k in kinds.items())
    n_rewrites = sum("~rewrite" in i for i in kinds)
    print(
        f"{len(items)} articles: {args.originals} originals from the first {args.limit} of {src.name} "
        f"({dropped} left out as near-duplicates of earlier ones), {n_copies} copies of them, "
        f"{n_rewrites} rewrites that are other stories, {len(pool) - args.originals} unrelated; "
        f"{st.NUM_PERM} permutations, word {st.SHINGLE_WORDS}-grams, {st.BANDS} bands x {st.ROWS} rows\n"
    )
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for t in THRESHOLDS:
            results[t] = run_store(items, t, Path(tmp))
    print("| threshold | precision | recall | predicted pairs | true pairs | saves/s | outcomes |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for t, (story_of, outcomes, seconds) in results.items():
        p, r, n_pred, n_true = score(items, story_of)
        out = ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
        print(f"| {t} | {p:.3f} | {r:.3f} | {n_pred} | {n_true} | {len(items) / seconds:.0f} | {out} |")

    print("\nShare of each kind put into its original's story (copies: higher is better; rewrites: lower)\n")
    print("| kind | " + " | ".join(f"J >= {t}" for t in THRESHOLDS) + " |")
    print("|---|" + "---:|" * len(THRESHOLDS))
    tables = {t: per_kind(items, kinds, story_of) for t, (story_of, _, _) in results.items()}
    for kind in tables[THRESHOLDS[0]]:
        print(f"| {kind} | " + " | ".join(f"{tables[t][kind]:.3f}" for t in THRESHOLDS) + " |")

    corpus_duplicates(src, args.threshold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
