"""`count`: the progress bar's total says how many items `read` will yield, without reading articles."""

from __future__ import annotations

import gzip
from pathlib import Path

from parley.ingest import count, read


def _assert_counts_items(paths: list[Path]) -> None:
    assert count(paths) == len(list(read(paths)))


def test_jsonl_counts_records_and_bad_lines_not_blank_ones(tmp_path, texts, write_jsonl) -> None:
    corpus = write_jsonl(
        tmp_path / "news.jsonl",
        [{"id": "a", "text": texts.talks}, "", "{not json", {"id": "b", "text": texts.aid}, "   ", {"x": 1}],
    )
    assert count([corpus]) == 4
    _assert_counts_items([corpus])


def test_gzipped_jsonl(tmp_path, texts, write_jsonl) -> None:
    corpus = write_jsonl(
        tmp_path / "news.jsonl.gz", [{"text": t} for t in (texts.talks, texts.aid, texts.truce)]
    )
    assert count([corpus]) == 3
    _assert_counts_items([corpus])


def test_csv_counts_rows_not_lines(tmp_path, texts, write_csv) -> None:
    # Each text spans several lines inside its quoted field.
    rows = [
        [str(i), f"{t}\n\nSecond paragraph.\nThird line."] for i, t in enumerate((texts.talks, texts.aid))
    ]
    corpus = write_csv(tmp_path / "news.csv", ["id", "text"], rows)
    assert count([corpus]) == 2
    _assert_counts_items([corpus])


def test_single_files_count_one_each_and_problems_one_each(tmp_path, texts, write_jsonl) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(texts.talks, encoding="utf-8")
    (folder / "b.html").write_text(f"<html><body><p>{texts.aid}</p></body></html>", encoding="utf-8")
    (folder / "c-empty.txt").write_bytes(b"")
    (folder / "d-empty.jsonl").write_bytes(b"")
    (folder / "e-scan.jsonl").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    write_jsonl(folder / "f.jsonl", [{"text": texts.truce}, {"text": texts.talks}])
    paths = [folder, tmp_path / "missing.txt"]
    assert count(paths) == 8  # 3 single files, 2 unreadable corpora, 2 records, 1 missing path
    _assert_counts_items(paths)


def test_truncated_gzip_is_an_estimate_not_a_crash(tmp_path, texts) -> None:
    data = gzip.compress(("\n".join(f'{{"text": "{texts.talks}"}}' for _ in range(50)) + "\n").encode())
    broken = tmp_path / "cut.jsonl.gz"
    broken.write_bytes(data[: len(data) // 2])
    assert count([broken]) >= 1
