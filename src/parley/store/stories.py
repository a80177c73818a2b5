"""Near-duplicate stories: MinHash signatures of article texts and their LSH bands.

The same wire copy runs in many outlets, often lightly edited (a new headline, a dateline, a footer,
a cut last paragraph, words changed here and there). Such copies are one story: the store keeps the
first as the story and records the others as its sources, so events are counted once.

A text becomes the set of its word pairs (2-grams: lower case, punctuation dropped); two texts are
near-duplicates when the Jaccard similarity of those sets is at least THRESHOLD. Pairs rather than
the usual 5-grams: a changed word breaks every shingle that holds it, so with 5-grams a copy with
one word in ten changed keeps about half its shingles and looks like another story, while with
pairs it stays well above a copy that keeps only 40% of the sentences (benchmarks/dedup_bench.py).

MinHash estimates the similarity from NUM_PERM minimum hashes. Locality-sensitive hashing finds
candidates without comparing against every story: the signature is cut into BANDS bands of ROWS
values, each band hashed to one 64-bit integer, and texts sharing any band hash are candidates.
With 32 bands of 4 rows a pair becomes one with probability 1 - (1 - J^4)^32: 0.87 at J = 0.5,
0.985 at 0.6, 0.9996 at 0.7; 0.003 at 0.1, where unrelated news stays. Candidates are confirmed
with the estimated similarity, so the bands are set for recall. The bands live in the database
(schema.story_bands), so detection holds across runs, processes and resumed ingests.

Everything here is persisted: NUM_PERM, SEED, SCHEME, the shingling, BANDS and ROWS may not change
without a migration that recomputes the signatures and bands of every stored copy.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from datasketch.hashfunc import sha1_hash32

NUM_PERM = 128
SEED = 20240601
# datasketch 2.0 changed its default permutation scheme; name it so stored signatures stay comparable.
SCHEME = "affine32"
SHINGLE_WORDS = 2
BANDS = 32
ROWS = 4
# Chosen with benchmarks/dedup_bench.py (2,000 corpus articles, 1,800 edited copies, 600 rewrites):
# pair precision 0.992 and recall 0.974; 0.55 trades precision for recall, 0.65 the reverse, and
# from 0.7 up copies with a tenth of their words changed are missed.
THRESHOLD = 0.6
# Shorter texts are never merged: in a brief, the few words that differ (a new toll, another day)
# are often the news itself, and a template with different figures scores as a near-duplicate.
MIN_SHINGLES = 100

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Signature:
    """A text's MinHash values and the LSH band hashes derived from them."""

    values: np.ndarray  # NUM_PERM uint32
    shingles: int  # how many distinct shingles the text has (0: nothing to compare)
    bands: tuple[int, ...]  # BANDS signed 64-bit hashes, see band_hashes

    @property
    def comparable(self) -> bool:
        """Long enough to be matched against stored stories (see MIN_SHINGLES)."""
        return self.shingles >= MIN_SHINGLES

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @staticmethod
    def values_from_bytes(data: bytes) -> np.ndarray:
        return np.frombuffer(data, dtype="<u4")

    def similarity(self, other: np.ndarray) -> float:
        """Estimated Jaccard similarity with another signature's values."""
        return float(np.count_nonzero(self.values == other)) / NUM_PERM


def band_hashes(values: np.ndarray) -> tuple[int, ...]:
    """One signed 64-bit hash per band of ROWS values; the band's index is hashed in, so equal
    values in two different bands do not collide (and a hash is also a PostgreSQL lock key)."""
    out = []
    for i in range(BANDS):
        chunk = values[i * ROWS : (i + 1) * ROWS].astype("<u4").tobytes()
        digest = hashlib.blake2b(bytes([i]) + chunk, digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return tuple(out)


def shingles(text: str) -> set[bytes]:
    """The distinct word pairs of a text, lower case, punctuation and spacing ignored."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)
    }


@functools.cache
def _permutations() -> np.ndarray:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=sha1_hash32).permutations


def signature(text: str) -> Signature:
    """The MinHash of `text`: the same for the same text in every process and every run."""
    grams = shingles(text)
    m = MinHash(
        num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=sha1_hash32, permutations=_permutations()
    )
    if grams:
        m.update_batch(list(grams))
    values = np.asarray(m.hashvalues, dtype=np.uint32)
    return Signature(values=values, shingles=len(grams), bands=band_hashes(values))


def lock_key(kind: str, value: str) -> int:
    """A signed 64-bit key (for PostgreSQL advisory locks) naming an article id or a text."""
    digest = hashlib.blake2b(f"{kind}\0{value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)
