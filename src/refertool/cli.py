"""The `refer` command: builds the app; each command lives in its module under `commands/`.

A command's module is imported only when the command is run or listed (Click's documented lazy
loading): `refer emergency` does not pay for the other commands. Exit codes, like grep and
ripgrep: 0 found, 1 nothing found, 2 error, 130 interrupted (`commands.base`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperGroup

from .commands import base, dutch
from .commands.base import CONTEXT, ERROR, FOUND, INTERRUPTED, Settings, _settings
from .commands.options import _say
from .errors import CacheDamaged, DataError, PipeClosed, ReferError
from .i18n import t
from .version import __version__

# Every command of `refer`, in the order of `refer --help` -> the module under commands/ that defines it.
COMMANDS = {"search": "search", "list": "search", "show": "search", "emergency": "emergency",
            "validate": "data", "facets": "search", "export": "data", "sources": "data", "handout": "handout",
            "plan": "plan", "cache": "data"}
GLOBAL_OPTIONS = ("data_dir", "no_bundled", "lang", "no_pager")


def build_command(name: str) -> Any:
    """The Click command Typer makes of a registered command; filter options put in where it asks for them."""
    import_module(f"{__package__}.commands.{COMMANDS[name]}")
    registered = base.COMMANDS[name]
    if not isinstance(registered, typer.Typer):
        one = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                          context_settings=CONTEXT)
        import inspect  # with ast and dis behind it: only when a command is built

        uses_filters = "filters" in inspect.signature(registered).parameters
        if uses_filters:
            from .commands.options import with_filters

            registered = with_filters(registered)
        one.command(name)(registered)
        registered = one
    return typer.main.get_command(registered)


class LazyGroup(TyperGroup):
    """Commands loaded lazily, as Click documents for large CLIs ("Lazily Loading Subcommands"); each
    also takes the global options, so that `refer show ID --lang nl` works as `refer --lang nl show ID`."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [*COMMANDS, *(name for name in super().list_commands(ctx) if name not in COMMANDS)]

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """`refer serach` -> "Did you mean 'search'?": Typer suggests from the commands it has built, and
        ours are built only when run, so the suggestion comes from the list of all of them."""
        try:
            return super().resolve_command(ctx, args)
        except ClickUsageError as exc:
            from difflib import get_close_matches

            close = get_close_matches(args[0], self.list_commands(ctx), n=2) if args else []
            if close and "Did you mean" not in exc.message:
                exc.message = f"{exc.message.rstrip('.')}. Did you mean {' or '.join(repr(c) for c in close)}?"
            raise

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        # a command added with @app.command() instead of @command() works too, only built at start-up
        built = build_command(cmd_name) if cmd_name in COMMANDS else super().get_command(ctx, cmd_name)
        # a group's subcommands (refer cache path) take them too
        for one in [built, *getattr(built, "commands", {}).values()] if built is not None else []:
            own = {p.name for p in one.params}  # a command's own option of that name (handout's --lang) first
            one.params += [_anywhere(p) for p in self.params if p.name in GLOBAL_OPTIONS and p.name not in own]
            if dutch.wanted(ctx):
                dutch.in_dutch(one)
        return built

    def get_help(self, ctx: Any) -> str:
        if not dutch.wanted(ctx):
            return super().get_help(ctx)
        dutch.translate_command(self, ctx)
        return dutch.click_words(super().get_help(ctx))


def _anywhere(option: Any) -> Any:
    """A copy of a global option for a command: it updates the settings instead of being an argument."""
    def store(ctx: Any, param: Any, value: Any) -> None:
        if value not in (None, (), [], False):
            _settings(ctx).apply(**{param.name: value})

    from copy import copy

    again = copy(option)
    again.expose_value, again.callback = False, store
    return again


app = typer.Typer(
    name="refer",
    cls=LazyGroup,
    help="Find the right service in Flanders and Brussels for sexual and other transgressive behaviour.\n\n"
    "The global options (--data-dir, --no-bundled, --lang, --no-pager) work before or after the command.\n\n"
    "\b\nExamples:\n  refer emergency\n  refer search \"minor perpetrator Brussels\"\n"
    "  refer show child-focus --lang en",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"refer {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[list[Path] | None, typer.Option(
        "--data-dir", "-d", help="Extra directory of services, laid over the bundled one (repeatable; "
        "also REFER_DATA_DIR).")] = None,
    no_bundled: Annotated[bool, typer.Option("--no-bundled", help="Leave the bundled services out.")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="nl or en (also REFER_LANG; default: locale).",
                                                autocompletion=lambda: ["nl", "en"])] = None,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Never page long output (on a terminal it goes "
                                           "through REFER_PAGER, PAGER or less -FRX).")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Global options work before or after the command."""
    _settings(ctx).apply(data_dir, no_bundled, lang, no_pager)


# ---------------------------------------------------------------- the error boundary
def run(argv: Sequence[str] | None = None, retried: bool = False) -> int:
    """Run the CLI and return its exit code; the tool's own errors become one clear message."""
    args = list(argv) if argv is not None else sys.argv[1:]
    settings = Settings()
    settings.lang = dutch.lang_asked(args) or settings.lang  # before Click reads --help, which it does first
    try:
        result = app(args=args, prog_name="refer", standalone_mode=False, obj=settings)
        return result if isinstance(result, int) else FOUND
    except CacheDamaged as exc:
        # a part of the cache read late was damaged: without it the next run rebuilds, so run again once
        Path(exc.path).unlink(missing_ok=True)
        if not retried:
            return run(args, retried=True)
        _say(f"refer: {exc}")
        return exc.exit_code
    except DataError as exc:
        _say(t("data_problems", settings.lang))
        for p in exc.problems:
            _say(f"  {p}")
        return ERROR
    except ReferError as exc:
        _say(f"refer: {exc}")
        return exc.exit_code
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        _say(t("interrupted", settings.lang))
        return INTERRUPTED
    except typer.TyperException as exc:  # Typer's own usage errors (bad option, bad value)
        dutch.show(exc) if settings.lang == "nl" else exc.show()  # type: ignore[attr-defined]
        return int(getattr(exc, "exit_code", ERROR))
    except KeyboardInterrupt:
        _say(t("interrupted", settings.lang))
        return INTERRUPTED
    except (PipeClosed, BrokenPipeError):
        # the reader went away (refer ... | head): not an error of ours. What is left in stdout's buffer
        # goes to /dev/null, so that Python's own flush at exit does not fail either.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return FOUND
    except Exception as exc:  # a bug: one line, the traceback only on request
        if os.environ.get("REFER_DEBUG"):
            raise
        _say(t("internal", settings.lang, f"{type(exc).__name__}: {exc}"))
        return ERROR


def main() -> None:
    sys.exit(run())
