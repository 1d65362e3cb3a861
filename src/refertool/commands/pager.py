"""Long output through a pager, the way git does it: only on a terminal, `less -FRX` unless told
otherwise ($REFER_PAGER, then $PAGER; empty or `cat` for none; `--no-pager`).

`less -F` quits at once when the text fits one screen and `-X` leaves it on the screen afterwards,
so a short answer reads as if no pager were there; a long one starts at its first line.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Mapping

DEFAULT = "less"
LESS_DEFAULT = "FRX"  # what git sets when $LESS is not set: quit if one screen, colours, no clearing


def pager_command(env: Mapping[str, str]) -> list[str] | None:
    """The pager to run, as words; None when none is wanted ($REFER_PAGER first, as git's $GIT_PAGER)."""
    chosen = env.get("REFER_PAGER", env.get("PAGER", DEFAULT)).strip()
    words = shlex.split(chosen) if chosen else []
    return None if not words or words == ["cat"] else words


def wanted(asked: bool) -> bool:
    """A pager only for a person at a terminal: never in a pipe, a file or a script."""
    return asked and sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


def page(text: str) -> bool:
    """Show `text` through the pager; False when there is none to run (the caller prints it)."""
    command = pager_command(os.environ)
    if command is None:
        return False
    env = {**os.environ, "LESS": os.environ.get("LESS", LESS_DEFAULT), "LV": os.environ.get("LV", "-c")}
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env=env, text=True, encoding="utf-8")
    except OSError:  # not installed: print as if there were no pager
        return False
    assert pager.stdin is not None
    try:
        pager.stdin.write(text)
        pager.stdin.close()
    except BrokenPipeError:  # the person quit the pager before the end: nothing wrong
        pass
    while True:
        try:
            pager.wait()
            return True
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager (less stays open), as in git
            continue
