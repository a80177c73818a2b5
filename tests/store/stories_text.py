"""Long made-up texts for the near-duplicate tests: unrelated stories, and lightly edited copies.

Not a conftest: the concurrency test's worker processes import it too.
"""

from __future__ import annotations

import random

# 64 made-up words: two texts drawn from them share few word pairs, as unrelated news does.
WORDS = [
    a + b
    for a in ("ka", "lo", "mi", "ren", "tas", "vo", "dun", "pe")
    for b in ("ro", "sa", "nel", "ti", "mak", "do", "vi", "lun")
]


def story_text(seed: int, words: int = 160) -> str:
    """A text of `words` words, sentences of eight; different seeds give unrelated texts."""
    rng = random.Random(seed)
    picked = [rng.choice(WORDS) for _ in range(words)]
    sentences = [" ".join(picked[i : i + 8]).capitalize() + "." for i in range(0, words, 8)]
    return " ".join(sentences)


def edited(text: str, seed: int, changes: int = 3) -> str:
    """`changes` words replaced, one in each of `changes` stretches of the text: a light edit."""
    rng = random.Random(seed)
    words = text.split(" ")
    stretch = len(words) // changes
    for k in range(changes):
        i = k * stretch + rng.randrange(stretch)
        words[i] = f"edited{seed}x{k}"
    return " ".join(words)
