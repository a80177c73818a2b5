"""Article dates: from a record's date field, or from an ISO date in a file name."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

_ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")

# The settings the brief fixes, plus no relative parsing: "yesterday" in a stored record has no
# fixed meaning, and a date that changes with the day of the run would make ingest unrepeatable.
_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
}


@cache
def _dateparser() -> Any:
    # Imported on first need only: dateparser is slow to import and most dates are plain ISO.
    import dateparser

    return dateparser


def parse_date(value: Any) -> dt.date | None:
    """A date from an ISO date/datetime string or anything dateparser reads; None if unreadable."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s).date()
    except ValueError:
        pass
    try:
        parsed = _dateparser().parse(s, settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input; unreadable is not fatal
        return None
    return parsed.date() if parsed else None


def date_in_name(name: str) -> dt.date | None:
    """The first valid YYYY-MM-DD in a file name (e.g. istanbul-talks-2022-03-29.txt)."""
    for m in _ISO_IN_NAME.finditer(name):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
    return None
