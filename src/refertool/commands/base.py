"""What every command shares: exit codes, the settings carried in the Typer context, the registry.

Exit codes, like grep and ripgrep: 0 found, 1 nothing found, 2 error, 130 interrupted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import typer

from ..errors import UsageError
from ..i18n import detect_lang

FOUND, NOTHING, ERROR, INTERRUPTED = 0, 1, 2, 130
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
F = TypeVar("F", bound=Callable[..., Any])


class Settings:
    """The global options, carried to every command by the Typer context (`ctx.obj`)."""

    def __init__(self) -> None:
        self.data_dirs: list[Path] = []
        self.bundled = True
        self.lang = detect_lang()  # --lang, else REFER_LANG, else the locale
        self.pager = True  # long output on a terminal through the pager, unless --no-pager

    def apply(self, data_dir: Sequence[str | Path] | None = None, no_bundled: bool = False,
              lang: str | None = None, no_pager: bool = False) -> None:
        """Take global options given before the command or after it (the later add to the earlier)."""
        self.data_dirs += [Path(d) for d in data_dir or ()]
        self.bundled = self.bundled and not no_bundled
        self.pager = self.pager and not no_pager
        if lang is not None:
            self.lang = _checked_lang(lang)


def _checked_lang(lang: str) -> str:
    lang = lang.strip().lower()  # --lang NL is nl
    if lang not in ("nl", "en"):
        raise UsageError(f"--lang must be nl or en, not '{lang}'")
    return lang


def _settings(ctx: typer.Context) -> Settings:
    return ctx.ensure_object(Settings)



# name -> the command's function (or a Typer app of subcommands, such as `refer cache`), filled as
# each command module is imported (cli imports a module only when its command is run or listed)
COMMANDS: dict[str, Callable[..., Any] | typer.Typer] = {}


def command(name: str | None = None) -> Callable[[F], F]:
    """Register a command of `refer`. It is built, its parameters read by Typer, only when it is
    run or listed: `refer emergency` does not pay for the other commands' options."""
    def register(fn: F) -> F:
        COMMANDS[name or fn.__name__] = fn
        return fn

    return register

