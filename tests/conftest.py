from __future__ import annotations

import socket
from pathlib import Path

import pytest

from refertool.catalog import load_catalog
from refertool.cli import run

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCE = ROOT.parent / "shared" / "source" / "vraag-advies-bij-externe-diensten.txt"


@pytest.fixture(autouse=True, scope="session")
def no_network():
    """Privacy: any attempt to open a network connection fails the test that makes it."""
    def refuse(*args, **kwargs):
        raise AssertionError("refertool tried to open a network connection")

    saved = socket.socket.connect, socket.socket.connect_ex, socket.create_connection
    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    yield
    socket.socket.connect, socket.socket.connect_ex, socket.create_connection = saved


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for var in ("REFER_DATA_DIR", "REFER_LANG", "REFER_DEBUG", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("REFER_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


class Ran:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def cli(capsys):
    """Run `refer ARGS...` in-process; returns exit code, stdout and stderr."""
    def invoke(*args: str) -> Ran:
        code = run(list(args))
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return invoke
