"""Read a TOML file into a dict, turning every failure into a located problem."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from .errors import Problem


class TomlProblem(Exception):
    def __init__(self, code: str, message: str, line: int = 0):
        super().__init__(message)
        self.code, self.message, self.line = code, message, line

    def at(self, path: Path) -> Problem:
        return Problem(str(path), self.line, self.code, self.message)


def read_table(path: Path, problems: list[Problem], fast: bool = False) -> tuple[dict[str, Any], str] | None:
    """A meta file (vocabulary, regions, sources) read whole, or None with its problem noted; `fast`: with rtoml
    when the `fast` extra is there (see `parse_toml`)."""
    try:
        return parse_toml(path, fast)
    except TomlProblem as exc:
        problems.append(exc.at(path))
        return None


def _fast_loads() -> Any:
    """rtoml (the optional `fast` extra) parses about 13 times faster than tomllib; a big cold build uses it."""
    try:
        import rtoml
    except ImportError:
        return None
    return rtoml.loads


def parse_toml(path: Path, fast: bool = False) -> tuple[dict[str, Any], str]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TomlProblem("REF022", f"cannot read the file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TomlProblem("REF002", f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                          line) from None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    loads = _fast_loads() if fast else None
    if loads is not None:
        try:
            return loads(text), text
        except Exception:  # fall through: tomllib gives the located message
            pass
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc)) or "invalid TOML"
        if found:
            line = int(found.group(1))
        else:  # "at end of document": the last line, where the file stops too early
            line = len(text.splitlines()) or 1
        raise TomlProblem("REF001", f"TOML syntax error: {message}", line) from None
