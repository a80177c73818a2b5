"""Keeping non-English articles out: the extraction grammar only reads English.

Only confident verdicts reject. A false rejection loses an article from the analysis, while a
foreign article that slips through merely yields no events, so the bar for rejecting is high.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# The first few thousand characters are plenty for a verdict and keep long articles cheap.
SAMPLE_CHARS = 3000
# Below this, too few letters to trust any verdict (a dateline, a list of names).
MIN_LETTERS = 20
MIN_PROBABILITY = 0.9
# Verdicts that never reject. Nigerian Pidgin is English-lexified: English news dense with West
# African names scored up to p=0.70 'pcm' on the dev gold. 'zxx' (no language: numbers, code) and
# 'und' (undetermined) say nothing about the language the article is in.
KEEP = frozenset({"en", "pcm", "zxx", "und"})


@cache
def _identifier() -> Any:
    # py3langid ships its model inside the package: loading it needs no network. 0.4 loads it with
    # from_model_file; older releases named the loader from_pickled_model.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    load = getattr(LanguageIdentifier, "from_model_file", None) or LanguageIdentifier.from_pickled_model
    return load(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) for the start of `text`."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return lang, float(prob)


def not_english(text: str) -> str | None:
    """Why `text` is skipped as non-English, or None to keep it (then it counts as English)."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    lang, prob = detect(sample)
    if lang in KEEP or prob < MIN_PROBABILITY:
        return None
    return f"language detected as '{lang}' (p={prob:.2f}), not English; skipped"
