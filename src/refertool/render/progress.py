"""A progress bar for a long first build of the index cache (see `cache.Progress`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


class stderr_bar:
    """A Rich progress bar on stderr, and only on a terminal: stdout carries the results,
    and a pipe must not get a progress bar."""

    def __init__(self, total: int):
        self.total = total
        self.bar: Any = None

    def __enter__(self) -> Callable[[int], None]:
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(transient=True, console=Console(stderr=True))
            self.bar.start()
            task = self.bar.add_task("indexing", total=self.total)
            return lambda n: self.bar.advance(task, n)
        return lambda n: None

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
