"""One measurement in a fresh process, printed as JSON: `parley extract` or spaCy's parse alone.

    python benchmarks/measure.py extract CORPUS.jsonl
    python benchmarks/measure.py parse CORPUS.jsonl

Run by run_bench.py; each mode in its own process so that peak RSS is its own.
"""

from __future__ import annotations

import contextlib
import json
import resource
import sys
import time
from pathlib import Path


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    mode, corpus = sys.argv[1], Path(sys.argv[2])
    from parley import nlp

    nlp.load()  # model load is not part of throughput
    t0 = time.perf_counter()
    articles = sentences = 0
    if mode == "parse":
        texts = (json.loads(line)["text"] for line in corpus.open(encoding="utf-8"))
        for doc in nlp.parse(texts):
            articles += 1
            sentences += sum(1 for _ in doc.sents)
    else:
        from parley.cli import app

        with contextlib.suppress(SystemExit):  # exit code 1 when some input was bad
            app(["extract", str(corpus), "--format", "jsonl", "-o", "/dev/null"], standalone_mode=False)
        articles = sum(1 for _ in corpus.open(encoding="utf-8"))
    seconds = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "mode": mode,
                "articles": articles,
                "sentences": sentences,
                "seconds": seconds,
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )


if __name__ == "__main__":
    main()
