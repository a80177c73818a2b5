"""One test per reader, plus directory walking and streaming."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

from parley.ingest import read
from parley.model import Article


def test_plain_text_file(tmp_path, texts, only_articles) -> None:
    path = tmp_path / "lakeside-talks-2022-03-29.txt"
    path.write_text(f"Lakeside talks resume\n\n{texts.talks}\n", encoding="utf-8")
    (a,) = only_articles(read([path]))
    assert a.id == "lakeside-talks-2022-03-29"
    assert a.title == "Lakeside talks resume"
    # The title stays in the text, so offsets cover it.
    assert a.text == f"Lakeside talks resume\n\n{texts.talks}"
    assert a.date == dt.date(2022, 3, 29)
    assert a.origin == str(path)
    assert a.lang == "en"


def test_plain_text_title_rules(tmp_path, texts, only_articles) -> None:
    cases = {
        "period.txt": f"{texts.talks}\n\n{texts.aid}",  # first line ends with "."
        "noblank.txt": f"Convoy reaches province\n{texts.aid}",  # not followed by a blank line
        "long.md": f"{'Very long heading ' * 12}\n\n{texts.aid}",  # 216 chars: too long
        "ok.md": f"Convoy reaches province\n\n{texts.aid}",
    }
    for name, body in cases.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    titles = {a.id: a.title for a in only_articles(read([tmp_path]))}
    assert titles == {"period": None, "noblank": None, "long": None, "ok": "Convoy reaches province"}


def test_html_file(tmp_path, texts, only_articles) -> None:
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Crossing to reopen | The Example Gazette</title>
<meta property="og:title" content="Crossing to reopen"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Crossing to reopen</h1><p>{texts.talks}</p><p>{texts.truce}</p></article>
<footer>All rights reserved.</footer><script>var tracking = 1;</script></body></html>"""
    path = tmp_path / "crossing.html"
    path.write_text(html, encoding="utf-8")
    (a,) = only_articles(read([path]))
    assert a.id == "crossing"
    assert a.title == "Crossing to reopen"
    assert texts.talks in a.text and texts.truce in a.text
    assert "tracking" not in a.text and "All rights reserved" not in a.text
    # Paragraphs become blank-line separated blocks, as in plain text.
    assert f"{texts.talks}\n\n{texts.truce}" in a.text


def test_html_gz_file(tmp_path, texts, only_articles) -> None:
    path = tmp_path / "a.html.gz"
    path.write_bytes(gzip.compress(f"<html><body><p>{texts.aid}</p></body></html>".encode()))
    (a,) = only_articles(read([path]))
    assert a.id == "a"
    assert texts.aid in a.text


def test_jsonl_corpus(tmp_path, texts, write_jsonl, only_articles) -> None:
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        [
            {
                "id": "n1",
                "title": "Talks",
                "date": "2021-06-01",
                "source": "Gazette",
                "url": "https://example.org/1",
                "text": texts.talks,
            },
            {"id": 42, "headline": "Aid arrives", "date": "2021-06-02T08:30:00Z", "body": texts.aid},
            "",  # a blank line is not a record
            {"content": texts.truce, "date": "3 June 2021"},
        ],
    )
    a, b, c = only_articles(read([path]))
    assert (a.id, a.title, a.date, a.source, a.url) == (
        "n1",
        "Talks",
        dt.date(2021, 6, 1),
        "Gazette",
        "https://example.org/1",
    )
    assert a.text == texts.talks and a.origin == f"{path}:1"
    assert (b.id, b.title, b.date, b.text) == ("42", "Aid arrives", dt.date(2021, 6, 2), texts.aid)
    # No id: "<file stem>:<line>"; a dateparser-style date is read too.
    assert (c.id, c.date, c.origin) == ("feed:4", dt.date(2021, 6, 3), f"{path}:4")


def test_jsonl_gz_corpus(tmp_path, texts, write_jsonl, only_articles) -> None:
    path = write_jsonl(tmp_path / "feed.ndjson.gz", [{"text": texts.talks}, {"text": texts.aid}])
    got = only_articles(read([path]))
    assert [a.id for a in got] == ["feed:1", "feed:2"]
    assert [a.text for a in got] == [texts.talks, texts.aid]


def test_csv_corpus(tmp_path, texts, write_csv, only_articles) -> None:
    two_paragraphs = f"{texts.talks}\n\n{texts.aid}"
    path = write_csv(
        tmp_path / "items.csv",
        [" ID", "Title", "date", "text", "extra"],
        [
            ["c1", "Two paragraphs", "2020-01-08", two_paragraphs, "x"],  # a field spanning lines
            ["", "", "not a date at all", texts.truce, ""],
        ],
    )
    a, b = only_articles(read([path]))
    assert (a.id, a.title, a.date, a.text, a.origin) == (
        "c1",
        "Two paragraphs",
        dt.date(2020, 1, 8),
        two_paragraphs,
        f"{path}:2",
    )
    # The second row starts on physical line 5 (the first row's text has three lines).
    assert (b.id, b.title, b.date, b.origin) == ("items:5", None, None, f"{path}:5")


def test_csv_gz_corpus_with_long_field(tmp_path, texts, write_csv, only_articles) -> None:
    long_text = " ".join([texts.talks] * 1000)  # ~260 KB, over csv's default 128 KB field limit
    path = write_csv(tmp_path / "items.csv.gz", ["id", "content"], [["g1", long_text], ["g2", texts.aid]])
    a, b = only_articles(read([path]))
    assert (a.id, a.text, b.id, b.text) == ("g1", long_text, "g2", texts.aid)


def test_directory_walk_order(tmp_path, texts, write_jsonl, only_articles) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "inner").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "c.txt").write_text(texts.truce, encoding="utf-8")
    (tmp_path / "a.md").write_text(texts.talks, encoding="utf-8")
    (tmp_path / "b" / "z.txt").write_text(texts.aid, encoding="utf-8")
    (tmp_path / "b" / "inner" / "y.text").write_text(texts.aid, encoding="utf-8")
    write_jsonl(tmp_path / "b" / "m.jsonl", [{"id": "m1", "text": texts.talks}])
    (tmp_path / ".skip.txt").write_text(texts.talks, encoding="utf-8")  # hidden file
    (tmp_path / ".hidden" / "x.txt").write_text(texts.talks, encoding="utf-8")  # in a hidden folder
    (tmp_path / "b" / "notes.log").write_text(texts.talks, encoding="utf-8")  # unknown suffix
    (tmp_path / "b" / "image.png.gz").write_bytes(gzip.compress(b"\x89PNG"))  # unknown under .gz
    got = only_articles(read([tmp_path]))
    assert [a.id for a in got] == ["a", "y", "m1", "z", "c"]


def test_unknown_suffix_named_explicitly_is_text(tmp_path, texts, only_articles) -> None:
    path = tmp_path / "dispatch.log"
    path.write_text(texts.talks, encoding="utf-8")
    (a,) = only_articles(read([path]))
    assert (a.id, a.text) == ("dispatch", texts.talks)


def test_read_streams_lazily(tmp_path, texts) -> None:
    # The first article comes out before the next path is even looked at.
    first = tmp_path / "first.txt"
    first.write_text(texts.talks, encoding="utf-8")
    asked: list[Path] = []

    def paths():
        for p in (first, tmp_path / "second.txt"):
            asked.append(p)
            yield p

    stream = read(paths())
    assert asked == []
    item = next(stream)
    assert isinstance(item, Article) and item.id == "first"
    assert asked == [first]


def test_single_path_string(tmp_path, texts, only_articles) -> None:
    path = tmp_path / "one.txt"
    path.write_text(texts.aid, encoding="utf-8")
    assert [a.id for a in only_articles(read(str(path)))] == ["one"]
