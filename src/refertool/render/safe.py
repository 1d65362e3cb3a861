"""Data is shown as text, never as instructions to a terminal or a spreadsheet."""

from __future__ import annotations

import re

from ..text import CONTROL_CHARS

# CSI/OSC/other escape sequences; then any remaining control character (CONTROL_CHARS) goes too.
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]|\x9b[0-?]*[ -/]*[@-~]")
NUMBER_LIKE = re.compile(r"^[+-]\s*[\d(][\d\s./()-]*$")


def clean(text: str) -> str:
    """Strip escape sequences and control characters (a second guard after validation)."""
    return CONTROL_CHARS.sub("", ESCAPES.sub("", text))


def spreadsheet_safe(cell: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula (OWASP CSV injection)."""
    leading_control = cell[:1] in ("\t", "\r")
    cell = clean(cell)
    first = cell[:1]
    if leading_control or first in ("=", "@") or (first in ("+", "-") and not NUMBER_LIKE.match(cell)):
        return "'" + cell
    return cell


def http_link(value: str) -> str | None:
    """A link target only for a validated web address; anything else is shown as text only."""
    from ..validate import is_url

    if not is_url(value):
        return None
    return value if value.startswith(("http://", "https://")) else "https://" + value


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#])")


def markdown_text(text: str) -> str:
    """Text that Markdown shows as written: no emphasis, link, HTML or table from the data."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", clean(text).replace("\n", " "))
