"""CAMEO names, Goldstein scores and the CAMEO -> PLOVER map, read from the bundled codebooks."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Codebook:
    names: dict[str, str]
    goldstein_scores: dict[str, float]
    plover: dict[str, tuple[str, str | None]]  # cameo -> (PLOVER type, mode)

    def goldstein(self, cameo: str | None) -> float | None:
        """The score of a code, falling back to its parent code ("0874" -> "087" -> "08")."""
        code = cameo or ""
        while code:
            if code in self.goldstein_scores:
                return self.goldstein_scores[code]
            code = code[:-1]
        return None

    def name(self, cameo: str | None) -> str | None:
        return self.names.get(cameo or "")

    def is_code(self, cameo: str) -> bool:
        return cameo in self.names


def _two_columns(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8") as fh:
        rows = csv.reader(fh, delimiter="\t")
        next(rows)  # header
        return {r[0].strip(): r[1].strip() for r in rows if len(r) >= 2}


def _plover_map(path: Path) -> dict[str, tuple[str, str | None]]:
    """Lines like `0874: RETREAT, withdraw, military # Withdraw troops`."""
    out: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?", line)
        if m:
            mode = (m.group(3) or "").strip() or None
            out[m.group(1)] = (m.group(2), mode)
    return out


@lru_cache(maxsize=1)
def load() -> Codebook:
    return Codebook(
        names=_two_columns(DATA_DIR / "cameo_codes.tsv"),
        goldstein_scores={k: float(v) for k, v in _two_columns(DATA_DIR / "goldstein.tsv").items()},
        plover=_plover_map(DATA_DIR / "cameo2plover.txt"),
    )
