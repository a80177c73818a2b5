"""`make eval`: run `parley extract` over every gold file in ../shared/eval/dev and score it.

Articles (`*.gold.json`) and sentence sets (`*.gold.jsonl`, one document per line) are written
as JSONL corpora of their text, extracted with the real CLI, and scored with the shared scorer.
Tables: the seed article, the 16 real dev articles, all articles, and each sentence set.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def corpus_of(gold_files: list[Path], out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for f in gold_files:
            docs = (
                [json.loads(f.read_text(encoding="utf-8"))]
                if f.suffix == ".json"
                else [json.loads(line) for line in f.open(encoding="utf-8") if line.strip()]
            )
            for d in docs:
                rec = {"id": d["doc_id"], "text": d["text"], "date": d.get("date"), "title": d.get("title")}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def score(scorer: Path, gold: list[Path], pred: Path, label: str) -> None:
    print(f"\n### {label}")
    sys.stdout.flush()
    subprocess.run([sys.executable, str(scorer), "--gold", *map(str, gold), "--pred", str(pred)], check=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--keep", type=Path, help="also copy the predictions here")
    args = ap.parse_args()
    dev = args.shared / "eval" / "dev"
    scorer = args.shared / "eval" / "score.py"
    if not dev.is_dir():
        print(f"make eval needs {dev} (the shared gold); it is not there", file=sys.stderr)
        return 2
    articles = sorted(dev.glob("*.gold.json"))
    sets = sorted(dev.glob("*.gold.jsonl"))
    parley = Path(sys.executable).with_name("parley")
    with tempfile.TemporaryDirectory() as tmp:
        corpus, pred = Path(tmp) / "gold-texts.jsonl", Path(tmp) / "pred.jsonl"
        n = corpus_of(articles + sets, corpus)
        print(f"extracting {n} gold documents with `parley extract` ...", file=sys.stderr)
        run = subprocess.run([str(parley), "extract", str(corpus), "--format", "jsonl", "-o", str(pred)])
        if run.returncode not in (0, 1):
            return run.returncode
        seed = [f for f in articles if not f.name.startswith("abp-")]
        real = [f for f in articles if f.name.startswith("abp-")]
        score(scorer, seed, pred, f"seed article ({', '.join(f.name for f in seed)})")
        score(scorer, real, pred, f"{len(real)} real dev articles (abp-*)")
        for s in sets:
            score(scorer, [s], pred, s.name)
        if args.keep:
            args.keep.write_text(pred.read_text(encoding="utf-8"), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
