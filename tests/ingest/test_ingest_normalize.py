"""normalize_text: the one normalisation every stored text gets, and that offsets rely on."""

from __future__ import annotations

import pytest

from parley.ingest import normalize_text, read


def test_nfc_composes_accents() -> None:
    # "e" + combining acute -> the single code point "é"
    assert normalize_text("Caf\u0065\u0301 talks") == "Caf\u00e9 talks"


def test_zero_width_removed_and_letters_rejoined() -> None:
    assert normalize_text("cease\u200bfire\u00ad \ufeffnow\u2060") == "ceasefire now"
    # Removing a zero-width joiner between a letter and its accent still yields the NFC form.
    assert normalize_text("e\u200d\u0301") == "\u00e9"


def test_line_endings_unified() -> None:
    assert normalize_text("one\r\ntwo\rthree\u2028four") == "one\ntwo\nthree\nfour"


def test_unicode_spaces_and_tabs_become_one_space() -> None:
    s = "a\u00a0b\tc\u2009d\u202fe\u3000f   g \t\u00a0 h"
    assert normalize_text(s) == "a b c d e f g h"


def test_trailing_spaces_stripped_and_blank_lines_capped() -> None:
    s = "  First line.   \nSecond line.\t\n\n\n\n \n\nNew paragraph.  \n\n"
    assert normalize_text(s) == "First line.\nSecond line.\n\nNew paragraph."


def test_typographic_quotes_kept() -> None:
    s = "The minister said: \u201cwe\u2019re close\u201d \u2014 \u2018maybe\u2019."
    assert normalize_text(s) == s


@pytest.mark.parametrize(
    "s",
    [
        "",
        "  \n\t\r\n ",
        "Title\r\n\r\n\r\n\u00a0Body\u200b text  \n\n\n\nEnd\u2029",
        "e\u200b\u0301 \u2001x\u00a0\u0301\n \n\u00ad\n\n\n",
    ],
)
def test_idempotent(s: str) -> None:
    once = normalize_text(s)
    assert normalize_text(once) == once


def test_stored_text_is_already_normalised(tmp_path, texts) -> None:
    # Offsets found in Article.text stay valid if anything normalises it again.
    path = tmp_path / "note.txt"
    raw = f"Border talks\r\n\r\n\r\n{texts.talks}\u00a0 \u200b\n\n\n\n{texts.aid}\t\n"
    path.write_text(raw, encoding="utf-8")
    (article,) = read([path])
    assert article.text == normalize_text(article.text)
    assert article.text == f"Border talks\n\n{texts.talks}\n\n{texts.aid}"
    start = article.text.index("convoy")
    assert article.text[start : start + 6] == "convoy"
