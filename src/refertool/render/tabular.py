"""TSV, CSV, JSON and JSON Lines writers for scripts (each imports only what it writes with)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from .safe import clean, spreadsheet_safe


def write_delimited(out: IO[str], rows: Sequence[dict[str, Any]], columns: Sequence[str], delimiter: str,
                    header: bool = True) -> None:
    """CSV or TSV, every cell spreadsheet-safe; an empty result still has its header."""
    import csv

    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if header:
        writer.writerow(columns)
    for row in rows:
        writer.writerow([spreadsheet_safe(str(row.get(c, "") if row.get(c) is not None else "")) for c in columns])


def write_plain_lines(out: IO[str], rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """What a pipe gets by default: one service a line, tab-separated, no header, nothing cut."""
    for row in rows:
        cells = [clean(str(row.get(c) or "")).replace("\t", " ").replace("\n", " ") for c in columns]
        out.write("\t".join(spreadsheet_safe(c) for c in cells) + "\n")


def write_json(out: IO[str], objects: Sequence[dict[str, Any]] | dict[str, Any]) -> None:
    """An array of objects, or one object (a service shown, a plan)."""
    import json

    json.dump(objects if isinstance(objects, dict) else list(objects), out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(out: IO[str], objects: Sequence[dict[str, Any]]) -> None:
    import json

    for obj in objects:
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
