"""Where output goes: stdout or the -o file (`-o -` is stdout), Rich output through the pager on a
terminal, and a reader that went away (`| head -1`) ends the command quietly."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import PipeClosed, ReferError
from .base import Settings

STDOUT = "-"  # `-o -`: standard output, as in curl, tar and most Unix tools


def _stdout_if_dash(output: Path | None) -> Path | None:
    return None if output is not None and str(output) == STDOUT else output


@contextmanager
def _writing(output: Path | None) -> Iterator[IO[str]]:
    """stdout, or the -o file (closed afterwards); a file that cannot be written is a clear error; a
    reader that went away (`| head -1`) ends the command quietly."""
    if output is None or str(output) == STDOUT:
        try:
            yield sys.stdout
            sys.stdout.flush()
        except BrokenPipeError:
            raise PipeClosed() from None
        return
    try:
        stream = open(output, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise ReferError(f"cannot write {output}: {exc.strerror}") from None
    with stream:
        yield stream


def _print_rich(renderable: Any, output: Path | None, paged: Settings | None = None) -> None:
    """Rich output to stdout or the -o file; on a terminal through the pager when `paged` (the settings)
    allow it. The emergency view is never paged: its numbers must be on screen at once."""
    from ..render.table import console

    if output is None and paged is not None:
        from .pager import page, wanted

        if wanted(paged.pager):
            screen = console()
            with screen.capture() as captured:  # rendered at the terminal's width, with its colours
                screen.print(renderable)
            if page(captured.get()):
                return
    with _writing(output) as out:
        console(out if output else None).print(renderable)
