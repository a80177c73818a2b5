"""The negotiation layer's language data: issue cues and the cue lists of data/cues.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parley.actors.dictionary import read_tsv

DATA_DIR = Path(__file__).parent / "data"
ISSUES_FILE = DATA_DIR / "issue_cues.tsv"


@dataclass(frozen=True)
class IssueCue:
    issue: str
    cue: tuple[str, ...]  # lemmas
    weight: int


@dataclass(frozen=True)
class Lexicon:
    issues: tuple[IssueCue, ...]
    order: tuple[str, ...]  # issue ids in file order, for ties
    cues: dict[str, tuple[tuple[str, ...], ...]]  # kind -> phrases as lemma tuples

    def issue_of(
        self, lemmas: list[str] | list[set[str]], head: str | None = None
    ) -> tuple[str | None, list[str]]:
        """The best-supported issue for a run of lemmas, and the cues that matched. When the
        content's own verb is a cue ("withdraw its troops from Crimea"), it counts three times:
        what is asked is the withdrawal, not the places named. Ties go to the issue named first:
        "deploy observers to monitor the cease-fire" is about the observers."""
        scores: dict[str, int] = {}
        first: dict[str, int] = {}
        matched: dict[str, list[str]] = {}
        for cue in self.issues:
            at = _find(lemmas, cue.cue)
            if at >= 0:
                bonus = 3 if head is not None and cue.cue == (head,) else 1
                words = len(cue.cue) - 2 * cue.cue.count("-")  # "cease - fire" is one word
                scores[cue.issue] = scores.get(cue.issue, 0) + cue.weight * words * bonus
                first[cue.issue] = min(first.get(cue.issue, at), at)
                matched.setdefault(cue.issue, []).append(" ".join(cue.cue))
        if not scores:
            return None, []
        best = max(scores, key=lambda i: (scores[i], -first[i], -self.order.index(i)))
        return best, matched[best]

    def has(self, kind: str, lemmas: list[str] | list[set[str]]) -> str | None:
        """The first cue of `kind` found in the lemmas, or None."""
        for phrase in self.cues.get(kind, ()):
            if _contains(lemmas, phrase):
                return " ".join(phrase)
        return None

    def count(self, kind: str, lemmas: list[str]) -> int:
        singles = {p[0] for p in self.cues.get(kind, ()) if len(p) == 1}
        return sum(1 for lemma in lemmas if lemma in singles)


def _contains(words: list[str] | list[set[str]], phrase: tuple[str, ...]) -> bool:
    """Whether the phrase occurs in a run of words; a word may be a set of its forms."""
    return _find(words, phrase) >= 0


def _find(words: list[str] | list[set[str]], phrase: tuple[str, ...]) -> int:
    """Where the phrase first occurs in a run of words (-1: nowhere)."""
    forms = [w if isinstance(w, set) else {w} for w in words]
    n = len(phrase)
    return next(
        (i for i in range(len(forms) - n + 1) if all(phrase[k] in forms[i + k] for k in range(n))), -1
    )


def forms(token_lemma: str, token_lower: str) -> set[str]:
    """The forms a cue may match: the lemma, the word, and the word without a plural 's'
    ("bases" is lemmatised "basis", but its cue is "base")."""
    out = {token_lemma, token_lower}
    if len(token_lower) > 3 and token_lower.endswith("s") and not token_lower.endswith("ss"):
        out.add(token_lower[:-1])
    return out


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.strip().lower().split())


@lru_cache(maxsize=1)
def load() -> Lexicon:
    rows = list(read_tsv(ISSUES_FILE))
    issues = tuple(
        IssueCue(r["issue"], _phrase(c), int(r["weight"])) for r in rows for c in r["cues"].split("|")
    )
    cues = {
        r["kind"]: tuple(_phrase(c) for c in r["cues"].split("|")) for r in read_tsv(DATA_DIR / "cues.tsv")
    }
    return Lexicon(issues, tuple(r["issue"] for r in rows), cues)
