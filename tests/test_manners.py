"""Unix manners: a pager on a terminal only, `-o -` for stdout, a closed pipe ends quietly, and the
plan's questions say why they ask again.

The pager tests run `refer` on a real terminal (`script` gives it one), with a pager that marks each
line it is given, so that what went through the pager can be told from what did not.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from refertool.commands.pager import pager_command

REFER = [sys.executable, "-m", "refertool"]
MARK = "sed s/^/paged:/"
needs_script = pytest.mark.skipif(shutil.which("script") is None, reason="needs script(1) for a terminal")


def on_a_terminal(command: str, **env: str) -> str:
    """What a person at a 100-column terminal sees when running `command` (a shell line)."""
    full = {**os.environ, "COLUMNS": "100", "LINES": "40", "TERM": "xterm", **env}
    for chosen in ("PAGER", "REFER_PAGER"):  # only the pager the test names
        if chosen not in env:
            full.pop(chosen, None)
    ran = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True, text=True, env=full,
                         stdin=subprocess.DEVNULL, timeout=120)
    return ran.stdout.replace("\r\n", "\n")


def refer(args: str) -> str:
    return " ".join([*REFER, args])


@needs_script
def test_long_output_on_a_terminal_goes_through_the_pager():
    out = on_a_terminal(refer("list"), REFER_PAGER=MARK)
    assert "paged:" in out and "aditi" in out
    lines = [line for line in out.splitlines() if line.strip()]
    assert all(line.startswith("paged:") for line in lines), lines[:3]


@needs_script
def test_pager_is_chosen_as_git_does():
    assert "paged:" in on_a_terminal(refer("list"), PAGER=MARK)  # $PAGER when no $REFER_PAGER
    assert "paged:" not in on_a_terminal(refer("list"), PAGER=MARK, REFER_PAGER="cat")  # cat: none
    assert "paged:" not in on_a_terminal(refer("list --no-pager"), REFER_PAGER=MARK)
    assert "paged:" not in on_a_terminal(refer("--no-pager list"), REFER_PAGER=MARK)
    assert pager_command({}) == ["less"] and pager_command({"REFER_PAGER": ""}) is None
    assert pager_command({"PAGER": "most -s"}) == ["most", "-s"]


@needs_script
def test_never_in_a_pipe_and_never_for_the_emergency_numbers():
    piped = on_a_terminal(refer("list") + " | cat", REFER_PAGER=MARK)
    assert "aditi" in piped and "paged:" not in piped
    urgent = on_a_terminal(refer("emergency"), REFER_PAGER=MARK)
    assert "112" in urgent and "paged:" not in urgent


@needs_script
def test_a_missing_pager_prints_as_if_there_were_none():
    out = on_a_terminal(refer("list"), REFER_PAGER="no-such-pager-anywhere")
    assert "aditi" in out and "Traceback" not in out


def test_dash_is_standard_output(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = cli("export", "-f", "csv", "-o", "-")
    assert r.code == 0 and r.out.startswith("id,name") and not (tmp_path / "-").exists()
    assert json.loads(cli("list", "-f", "json", "-o", "-").out)
    assert cli("export", "-f", "hsds", "-o", "-").code == 2 and not (tmp_path / "-").exists()


@pytest.mark.parametrize("args", [["list"], ["search", "hulp"], ["export", "-f", "csv", "-o", "-"]])
def test_a_closed_pipe_ends_quietly_with_exit_0(args):
    """`refer list | head -1`: the reader went away; refer wrote its results and that is fine."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before refer writes: every write meets a closed pipe
    try:
        ran = subprocess.run([*REFER, *args], stdout=write, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write)
    assert ran.returncode == 0, ran.stderr
    assert ran.stderr == ""


@pytest.fixture
def terminal(monkeypatch):
    from refertool.commands import plan as plan_command

    monkeypatch.setattr(plan_command, "_interactive", lambda: True)


def test_the_plan_says_why_it_asks_again(terminal):
    from refertool import cli as cli_module

    ran = CliRunner().invoke(cli_module.app, ["plan", "een cliënt werd betast door een begeleider", "-f", "json"],
                             input="veertien\n15\nabc\nPROFESSIONAL\n")
    out = ran.output
    assert "'veertien' is not an age: type a number" in out
    assert "'abc' is not a choice: type 1, 2, 3 or 4" in out
    plan = json.loads(out[out.index("{"):])
    assert plan["situation"]["asker_role"] == "professional"  # a role's id in capitals is the role
