"""`make bench`: throughput and peak memory of `parley extract` against spaCy's parse alone.

Both run in one `make bench`, each in its own process, over the same first N articles of
../shared/corpus/news-10k.jsonl.gz; the ratio is what matters (machines differ, ratios less).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent


def measure(mode: str, corpus: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), mode, str(corpus)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--limit", type=int, default=1000)
    args = ap.parse_args()
    src = args.shared / "corpus" / "news-10k.jsonl.gz"
    if not src.exists():
        print(f"make bench needs {src}; it is not there", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        with gzip.open(src, "rt", encoding="utf-8") as fin, corpus.open("w", encoding="utf-8") as fout:
            for i, line in enumerate(fin):
                if i >= args.limit:
                    break
                fout.write(line)
        parse = measure("parse", corpus)
        extract = measure("extract", corpus)
    sentences = parse["sentences"]
    print(f"\n{args.limit} articles of {src.name}, {sentences} sentences, one process, one core each\n")
    print(
        f"| {'run':<22} | {'articles/s':>10} | {'sentences/s':>11} | {'seconds':>8} | {'peak RSS MB':>11} |"
    )
    print(f"|{'-' * 24}|{'-' * 12}|{'-' * 13}|{'-' * 10}|{'-' * 13}|")
    for name, r in (("spaCy parse alone", parse), ("parley extract", extract)):
        print(
            f"| {name:<22} | {r['articles'] / r['seconds']:>10.1f} | {sentences / r['seconds']:>11.1f} | "
            f"{r['seconds']:>8.1f} | {r['peak_rss_mb']:>11.0f} |"
        )
    ratio = extract["seconds"] / parse["seconds"]
    rss_ratio = extract["peak_rss_mb"] / parse["peak_rss_mb"]
    print(f"\nextract / parse time ratio: {ratio:.2f}x  (peak RSS ratio {rss_ratio:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
