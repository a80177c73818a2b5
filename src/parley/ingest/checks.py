"""Cheap checks on raw bytes, made before any parsing: size, binary content, UTF-8."""

from __future__ import annotations

from dataclasses import dataclass

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
LIMIT_MB = MAX_ARTICLE_BYTES // (1024 * 1024)

# How much of a file the binary sniff looks at: enough for any magic number and a NUL test.
SNIFF_BYTES = 8192

# Formats people most often drop into an input folder by mistake. gzip counts only when the
# file is not named .gz (a named one is decompressed instead).
_MAGIC = {
    b"%PDF-": "PDF",
    b"PK\x03\x04": "ZIP",
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"\x1f\x8b": "gzip",
    b"BZh": "bzip2",
    b"\xfd7zXZ\x00": "xz",
    b"7z\xbc\xaf\x27\x1c": "7z",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "MS Office",
    b"\x7fELF": "ELF",
}


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def too_big(n: int) -> str:
    return f"{megabytes(n)} is over the {LIMIT_MB} MB limit for one article"


def binary_kind(head: bytes) -> str | None:
    """Name of the binary format `head` (the first bytes of a file) looks like, else None."""
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            return name
    # UTF-8 text never holds NUL; UTF-16 and every binary format almost always do early on.
    if b"\x00" in head[:SNIFF_BYTES]:
        return "NUL bytes"
    return None


BINARY_MESSAGE = "binary file, not text"


@dataclass(frozen=True)
class BadUtf8:
    """Where decoding failed: byte offset in the (decompressed) file and 1-based line."""

    byte: int
    line: int

    @property
    def message(self) -> str:
        return f"invalid UTF-8 at byte {self.byte} (line {self.line})"


def decode_utf8(data: bytes, *, offset: int = 0, line: int = 1) -> str | BadUtf8:
    """The text, or where it is not UTF-8; `offset` and `line` place `data` within its file.

    A leading BOM is dropped: it marks the encoding, it is not text.
    """
    try:
        # Plain "utf-8" then strip: "utf-8-sig" would count error offsets from after the BOM.
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        return BadUtf8(offset + e.start, line + data.count(b"\n", 0, e.start))


def one_line(message: str) -> str:
    """Error messages are printed one per line, so never let a reason (OS, JSON) span several."""
    return " ".join(message.split())


def os_reason(e: OSError) -> str:
    """The OS's own reason ("permission denied"), worded like the other messages."""
    if isinstance(e, FileNotFoundError):
        return "no such file or directory"
    reason = one_line(e.strerror or str(e))
    return reason[:1].lower() + reason[1:]
