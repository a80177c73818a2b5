"""Bad input: each yields one one-line InputError naming the file (and line), and reading goes on."""

from __future__ import annotations

import gzip
import json
import os

import pytest

# `from ... import`: the attribute parley.ingest is the API function of parley/__init__, not this package.
from parley.ingest import MAX_ARTICLE_BYTES, read, single
from parley.model import Article, InputError


def test_empty_and_blank_files(tmp_path, texts, only_errors, assert_reported) -> None:
    empty, blank, good = tmp_path / "empty.txt", tmp_path / "blank.txt", tmp_path / "good.txt"
    empty.write_bytes(b"")
    blank.write_text(" \n\t\u00a0\n\u200b\n", encoding="utf-8")
    good.write_text(texts.talks, encoding="utf-8")
    items = list(read([empty, blank, good]))
    e1, e2 = only_errors(items)
    assert_reported(e1, empty, "empty file")
    assert_reported(e2, blank, "empty file")
    assert isinstance(items[2], Article)  # reading went on


def test_empty_corpus_files(tmp_path, only_errors, assert_reported) -> None:
    jl, cs = tmp_path / "e.jsonl", tmp_path / "e.csv"
    jl.write_text("\n\n", encoding="utf-8")
    cs.write_bytes(b"")
    e1, e2 = only_errors(read([jl, cs]))
    assert_reported(e1, jl, "empty file")
    assert_reported(e2, cs, "empty file")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("nul.txt", b"Some words\x00\x00\x01 more words"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("archive.md", b"PK\x03\x04\x14\x00\x06\x00"),
        ("picture.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
        ("anim.txt", b"GIF89a\x01\x00\x01\x00"),
        ("packed.txt", gzip.compress(b"text inside a gzip stream that is not named .gz")),
        ("corpus.jsonl", b"%PDF-1.4 not a corpus"),
        ("table.csv", b"PK\x03\x04 not a table"),
    ],
)
def test_binary_file(tmp_path, name, data, only_errors, assert_reported) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (e,) = only_errors(read([path]))
    assert_reported(e, path, "binary file, not text")


def test_invalid_utf8_in_text_file(tmp_path, texts, only_errors, assert_reported) -> None:
    path = tmp_path / "latin1.txt"
    data = b"First line\n\nCaf" + b"\xe9 in Latin-1\n"  # 0xE9 is "é" in Latin-1, not UTF-8
    path.write_bytes(data)
    bad_byte = data.index(b"\xe9")
    (e,) = only_errors(read([path]))
    assert_reported(e, path, f"invalid UTF-8 at byte {bad_byte} (line 3)", line=3)


def test_invalid_utf8_in_corpus_line(tmp_path, texts, only_errors, assert_reported) -> None:
    path = tmp_path / "mixed.jsonl.gz"
    good = json.dumps({"text": texts.talks}).encode()
    bad = b'{"text": "Caf\xe9 owners protested on Monday."}'
    path.write_bytes(gzip.compress(good + b"\n" + bad + b"\n" + good + b"\n"))
    items = list(read([path]))
    assert [type(x).__name__ for x in items] == ["Article", "InputError", "Article"]
    offset = len(good) + 1 + bad.index(b"\xe9")
    assert_reported(items[1], path, f"invalid UTF-8 at byte {offset} (line 2)", line=2)


def test_invalid_utf8_in_csv_row(tmp_path, texts, only_errors, assert_reported) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(
        b'id,text\nr1,"'
        + texts.talks.encode()
        + b'"\nr2,"Caf\xe9\nsecond line"\nr3,'
        + texts.aid.encode().replace(b",", b" ")
        + b"\n"
    )
    items = list(read([path]))
    assert [x.id if isinstance(x, Article) else x.line for x in items] == ["r1", 3, "r3"]
    assert_reported(items[1], path, "invalid UTF-8 at byte", line=3)


def test_sixty_megabyte_file_refused_unread(tmp_path, monkeypatch, only_errors, assert_reported) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(60 * 1024 * 1024)  # sparse: instant, and no disk actually used

    def must_not_read(*args, **kwargs):
        raise AssertionError("an oversized file was read")

    monkeypatch.setattr(single, "read_limited", must_not_read)
    (e,) = only_errors(read([path]))
    assert_reported(e, path, "60.0 MB is over the 10 MB limit for one article")


def test_oversized_corpus_records(tmp_path, texts, write_jsonl, only_errors, assert_reported) -> None:
    path = tmp_path / "big.jsonl"
    big_text = "a" * (MAX_ARTICLE_BYTES + 1024 * 1024)  # 11 MB of text in one record
    huge_line = "x" * (2 * MAX_ARTICLE_BYTES + 1)  # longer than any line is allowed to be
    write_jsonl(path, [{"text": texts.talks}, {"text": big_text}, huge_line, {"text": texts.aid}])
    items = list(read([path]))
    assert [type(x).__name__ for x in items] == ["Article", "InputError", "InputError", "Article"]
    assert_reported(items[1], path, "11.0 MB is over the 10 MB limit for one article", line=2)
    assert_reported(items[2], path, "20.0 MB is over the 10 MB limit for one article", line=3)


def test_jsonl_bad_lines(tmp_path, texts, write_jsonl, only_errors, assert_reported) -> None:
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        [
            {"id": "ok1", "text": texts.talks},
            '{"id": "broken", "text": "unterminated',
            {"id": "notext", "title": "Only a title"},
            '["a", "list"]',
            {"id": "blank", "text": " \n "},
            {"id": "ok2", "text": texts.aid},
        ],
    )
    items = list(read([path]))
    assert [x.id if isinstance(x, Article) else x.line for x in items] == ["ok1", 2, 3, 4, 5, "ok2"]
    assert_reported(items[1], path, "line is not valid JSON: Unterminated string", line=2)
    for e, line in zip(items[2:5], (3, 4, 5), strict=True):
        assert_reported(e, path, "record has no text field", line=line)


def test_csv_row_without_text(tmp_path, texts, write_csv, assert_reported) -> None:
    path = write_csv(tmp_path / "t.csv", ["id", "body"], [["r1", texts.talks], ["r2", ""], ["r3", texts.aid]])
    items = list(read([path]))
    assert [x.id if isinstance(x, Article) else x.line for x in items] == ["r1", 3, "r3"]
    assert_reported(items[1], path, "record has no text field", line=3)


def test_csv_without_text_column(tmp_path, write_csv, only_errors, assert_reported) -> None:
    path = write_csv(tmp_path / "t.csv", ["id", "title"], [["r1", "One"], ["r2", "Two"]])
    items = list(read([path]))
    (e,) = only_errors(items)
    assert len(items) == 1  # one error for the file, not one per row
    assert_reported(e, path, "CSV has no text column", line=1)


def test_html_without_article_body(tmp_path, only_errors, assert_reported) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><head><title>Menu</title><script>var a = 1;</script></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
        "<footer>Contact us</footer></body></html>",
        encoding="utf-8",
    )
    (e,) = only_errors(read([path]))
    assert_reported(e, path, "no article body found in HTML")


@pytest.mark.parametrize("lang", ["de", "fr", "ru", "es"])
def test_non_english_article_skipped(tmp_path, texts, lang, only_errors, assert_reported) -> None:
    path = tmp_path / f"{lang}.txt"
    path.write_text(texts.foreign[lang], encoding="utf-8")
    (e,) = only_errors(read([path]))
    assert_reported(e, path, f"language detected as '{lang}' (p=")
    assert e.message.endswith("not English; skipped")
    assert float(e.message.split("p=")[1].split(")")[0]) >= 0.9


def test_non_english_corpus_record_skipped(tmp_path, texts, write_jsonl, assert_reported) -> None:
    path = write_jsonl(
        tmp_path / "c.jsonl", [{"text": texts.talks}, {"text": texts.foreign["de"]}, {"text": texts.aid}]
    )
    items = list(read([path]))
    assert [type(x).__name__ for x in items] == ["Article", "InputError", "Article"]
    assert_reported(items[1], path, "language detected as 'de'", line=2)


def test_short_or_unclear_text_kept_as_english(tmp_path, only_articles) -> None:
    # Too few letters for a verdict: kept, not rejected.
    path = tmp_path / "short.txt"
    path.write_text("Berlin, 12.03.2021 - 14:00", encoding="utf-8")
    (a,) = only_articles(read([path]))
    assert a.lang == "en"


def test_missing_path(tmp_path, texts, assert_reported) -> None:
    missing, good = tmp_path / "nope.txt", tmp_path / "good.txt"
    good.write_text(texts.talks, encoding="utf-8")
    e, a = list(read([missing, good]))
    assert isinstance(e, InputError) and isinstance(a, Article)
    assert_reported(e, missing, "no such file or directory")


def test_unreadable_file(tmp_path, texts, monkeypatch, only_errors, assert_reported) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(texts.talks, encoding="utf-8")
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything: make the open itself fail as it would for another user

        def denied(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(single, "read_limited", denied)
    (e,) = only_errors(read([path]))
    assert_reported(e, path, "permission denied")


def test_truncated_gzip_corpus(tmp_path, texts, assert_reported) -> None:
    path = tmp_path / "cut.jsonl.gz"
    lines = "".join(json.dumps({"id": f"r{i}", "text": texts.talks}) + "\n" for i in range(200))
    data = gzip.compress(lines.encode())
    path.write_bytes(data[: len(data) - 20])  # the stream's end is missing
    items = list(read([path]))
    *good, e = items
    assert good and all(isinstance(a, Article) for a in good)
    assert isinstance(e, InputError) and e.line == len(good) + 1
    assert_reported(e, path, "reading stopped", line=len(good) + 1)


def test_gz_that_is_not_gzip(tmp_path, texts, assert_reported) -> None:
    path = tmp_path / "plain.txt.gz"
    path.write_text(texts.talks, encoding="utf-8")
    (e,) = list(read([path]))
    assert_reported(e, path, "cannot decompress")
