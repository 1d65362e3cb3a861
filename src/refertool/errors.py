"""The tool's own exceptions: each becomes one clear message and an exit code."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Problem(NamedTuple):
    """One broken rule in a data file, printed as ``path:line: CODE message``."""

    path: str
    line: int
    code: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.code} {self.message}"


class ReferError(Exception):
    """A problem the user can act on; shown as a sentence, exit code 2."""

    exit_code = 2


class DataError(ReferError):
    """The data could not be loaded; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        n = sum(1 for p in self.problems if p.severity == "error")
        super().__init__(f"the data has {n} problem(s)")


class UsageError(ReferError):
    """A bad argument that Typer could not catch itself (an unknown id, a bad region)."""


class CacheDamaged(ReferError):
    """A part of the index cache read lazily turned out damaged; the CLI removes it and runs again."""

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"the index cache {path} is damaged; it was removed, run the command again")


class PipeClosed(Exception):
    """The reader of standard output went away (`refer list | head -1`): not an error of ours, and not an
    OSError, so that Click does not turn it into exit 1 (the CLI ends quietly with exit 0)."""
