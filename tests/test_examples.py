"""Every `refer ...` example in the README, in docs/*.md and in every command's --help runs as written.

The documented examples run the way a new user runs them: in a shell (`sh`) that ran the quickstart's
activation line, from the repository root, with a PATH that has no `refer` of its own; so an example
that works only through the test's own Python (or a quickstart that leaves `refer` off the PATH) fails.
Each must exit 0 (found) or 1 (nothing found). Words in capitals (DIR, ID) are placeholders: such an
example is skipped. The commands are found from `refer --help` itself, so a new command's examples
are tested without changing this file.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

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


def examples_of(path: Path) -> list[str]:
    """The `refer` lines of a Markdown file's command blocks: those with no language tag (or a shell's);
    printed output is tagged `text`. Fences are paired in order, so a tagged block never hides the next."""
    found, tag = [], None  # tag: None outside a block, else the open block's language
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            tag = line[3:].strip() if tag is None else None
        elif tag in ("", "sh", "bash", "console") and line.strip().startswith("refer "):
            found.append(line.strip())
    return found


def readme_examples() -> list[str]:
    return examples_of(ROOT / "README.md")


def docs_examples() -> list[str]:
    """The examples of the documentation the README links to (docs/*.md), run the same way."""
    return [example for path in sorted((ROOT / "docs").glob("*.md")) for example in examples_of(path)]


EXAMPLES = list(dict.fromkeys(readme_examples() + docs_examples() + help_examples()))


def test_examples_are_found():
    from refertool.cli import COMMANDS

    assert len(readme_examples()) >= 5  # the README shows a few; the docs the rest
    assert len(readme_examples() + docs_examples()) >= 20
    helped = help_examples()
    for name in COMMANDS:  # every command's help shows at least one example
        assert any(example.startswith(f"refer {name}") for example in helped), name


def quickstart() -> list[str]:
    """The quickstart's first block, line by line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Quickstart\n", 1)[1]
    return re.findall(r"^```\n(.*?)^```", section, re.S | re.M)[0].strip().splitlines()


def activation() -> str:
    """What the quickstart runs between installing and the first `refer`: what sets up the session."""
    lines = quickstart()
    first = next(i for i, line in enumerate(lines) if line.startswith("refer "))
    return "\n".join(line for line in lines[:first] if "pip install" not in line)


# the system's tools only: `refer` must come from the quickstart, never from the test's environment
BARE_PATH = os.pathsep.join(p for p in ("/usr/local/bin", "/usr/bin", "/bin") if Path(p).is_dir())


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")  # one index cache for all the examples: built once


@pytest.fixture
def repository_root(tmp_path, monkeypatch):
    """The repository root as an example sees it, in a scratch folder: files an example writes land there.
    Its `.venv` is the environment the tests run in, as the quickstart made it."""
    if sys.prefix == sys.base_prefix:
        pytest.skip("the tests do not run in a virtual environment, which the quickstart makes")
    for entry in ROOT.iterdir():
        if entry.name not in (".git", ".venv"):
            (tmp_path / entry.name).symlink_to(entry)
    (tmp_path / ".venv").symlink_to(sys.prefix)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def in_shell(script: str, root: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": BARE_PATH, "REFER_CACHE_DIR": str(cache)}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(["sh", "-c", f"{activation()}\n{script}"], cwd=root, env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=120)


def test_quickstart_leaves_refer_on_the_path(repository_root, shared_cache):
    """After the quickstart's lines (the install done), `refer` is found, and the quickstart's own
    `refer` lines run."""
    assert activation(), "the quickstart says nothing that puts refer on the PATH"
    found = in_shell("command -v refer", repository_root, shared_cache)
    assert found.returncode == 0 and found.stdout.strip().endswith("refer"), found.stderr
    for line in quickstart():
        if line.startswith("refer "):
            r = in_shell(line, repository_root, shared_cache)
            assert r.returncode == 0, (line, r.stderr)


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_runs(example, repository_root, shared_cache):
    if PLACEHOLDER.search(example.replace("refer ", "", 1)):
        pytest.skip("has a placeholder")
    # files the examples write go to /tmp: here to the scratch folder, so that runs never meet
    written = example.replace(" /tmp/", f" {repository_root}/tmp-")
    r = in_shell(written, repository_root, shared_cache)
    assert r.returncode in (0, 1), (example, r.stderr)
    assert "Traceback" not in r.stderr and "Internal error" not in r.stderr
