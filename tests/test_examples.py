"""Every `refer ...` example in the README and in every command's --help runs as written.

Each must exit 0 (found) or 1 (nothing found). Words in capitals (DIR, ID) are placeholders: such an
example is skipped. The commands are found from `refer --help` itself, so a new command's examples
are tested without changing this file.
"""

from __future__ import annotations

import io
import re
import shlex
from contextlib import redirect_stdout

import pytest

from conftest import ROOT
from refertool.cli import run

PLACEHOLDER = re.compile(r"\b[A-Z][A-Z_]+\b")


def _help(words: list[str]) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        run([*words, "--help"])
    return out.getvalue()


def _commands(text: str) -> list[str]:
    """The command names listed in a help text's "Commands:" section."""
    section = text.split("\nCommands:\n", 1)[1] if "\nCommands:\n" in text else ""
    return [m.group(1) for m in re.finditer(r"^  (\S+)", section, re.M)]


def help_examples(words: tuple[str, ...] = ()) -> list[str]:
    text = _help(list(words))
    found = [line.strip() for line in text.splitlines() if line.strip().startswith("refer ")]
    for name in _commands(text):
        found += help_examples((*words, name))
    return found


def readme_examples() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # command blocks have no language tag (or a shell's); printed output is tagged `text`
    blocks = re.findall(r"^```(?:sh|bash|console)?\n(.*?)^```", readme, re.S | re.M)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip().startswith("refer ")]


EXAMPLES = list(dict.fromkeys(readme_examples() + help_examples()))


def test_examples_are_found():
    from refertool.cli import COMMANDS

    assert len(readme_examples()) >= 10
    helped = help_examples()
    for name in COMMANDS:  # every command's help shows at least one example
        assert any(example.startswith(f"refer {name}") for example in helped), name


@pytest.fixture
def repository_root(tmp_path, monkeypatch):
    """The repository root as an example sees it, in a scratch folder: files an example writes land there."""
    for entry in ROOT.iterdir():
        if entry.name not in (".git", ".venv"):
            (tmp_path / entry.name).symlink_to(entry)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_runs(example, repository_root, cli):
    if PLACEHOLDER.search(example.replace("refer ", "", 1)):
        pytest.skip("has a placeholder")
    words = shlex.split(example)
    if "|" in words:  # `refer ... | cat`: the reader of the pipe is not ours; stdout is no terminal here either
        words = words[:words.index("|")]
    r = cli(*words[1:])
    assert r.code in (0, 1), (example, r.err)
    assert "Traceback" not in r.err and "Internal error" not in r.err
