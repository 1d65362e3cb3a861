from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from refertool.catalog import load_catalog
from refertool.cli import run

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCE = ROOT.parent / "shared" / "source" / "vraag-advies-bij-externe-diensten.txt"


# The modules whose tests take seconds each (10,000 services, every terminal width, subprocesses, a browser),
# slowest first: collected before the others, so that pytest-xdist hands them out early and the thousands of
# quick reading tests, collected last, even out the workers' ends.
SLOW_FIRST = ("test_scores.py", "test_widths.py", "test_install.py", "test_cache.py", "test_handout_print.py",
              "test_examples.py", "test_emergency.py", "test_handout.py", "test_robust.py", "test_plan.py",
              "test_manners.py", "test_tuning_leaks.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: n for n, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: each module keeps its order


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


@pytest.fixture(autouse=True, scope="session")
def compiled_once(tmp_path_factory):
    """Where PYTHONDONTWRITEBYTECODE is set, every Python a test starts (`refer`, `python -c`) would compile
    each module it imports again: they share one folder of compiled modules for the session instead."""
    if not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("PYTHONDONTWRITEBYTECODE")
        patch.setenv("PYTHONPYCACHEPREFIX", str(tmp_path_factory.mktemp("pycache")))
        yield


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory):
    """The session's own cache directory (one per xdist worker): the session-wide catalog below never writes
    into the user's cache or another worker's. Each test then gets its own (clean_env)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REFER_CACHE_DIR", str(tmp_path_factory.mktemp("session-cache")))
        yield


@pytest.fixture(scope="session")
def bundled_cache(tmp_path_factory) -> Path:
    """The bundled directory's index cache, built once a session (a cold build takes most of a second): each
    test's own cache directory starts with a copy of it, as a user's after the first run (see clean_env)."""
    root = tmp_path_factory.mktemp("bundled-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REFER_CACHE_DIR", str(root))
        for var in ("REFER_DATA_DIR", "REFER_CACHE", "REFER_TODAY"):
            patch.delenv(var, raising=False)
        load_catalog()
    return root


def warmed(cache: Path, bundled_cache: Path) -> Path:
    """`cache` made, holding a copy of the bundled directory's index: a run on the bundled data reads it (a run
    on another set of directories has another index, so it still builds its own)."""
    cache.mkdir(parents=True, exist_ok=True)
    for index in bundled_cache.glob("index-*.sqlite"):
        shutil.copyfile(index, cache / index.name)
    return cache


@pytest.fixture(autouse=True)
def clean_env(request, monkeypatch, tmp_path):
    """A clean environment and the test's own cache directory: empty for a test marked `cold_cache` (one
    about building the cache, or that looks at what is written there), else warm (see bundled_cache)."""
    for var in ("REFER_DATA_DIR", "REFER_LANG", "REFER_DEBUG", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    cache = tmp_path / "cache"
    if request.node.get_closest_marker("cold_cache") is None:
        warmed(cache, request.getfixturevalue("bundled_cache"))
    monkeypatch.setenv("REFER_CACHE_DIR", str(cache))
    yield
    # the copy is the test's alone: removed after it, so a run holds a few of them on disk, not thousands
    shutil.rmtree(cache, ignore_errors=True)


@pytest.fixture(scope="session")
def catalog(bundled_cache):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REFER_CACHE_DIR", str(bundled_cache))
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


def many_helplines(directory: Path, count: int) -> Path:
    """A directory of `count` helplines for minors, each with two phone numbers and a chat address."""
    directory.mkdir(parents=True)
    for n in range(count):
        (directory / f"lijn-{n:02d}.toml").write_text(f'''
name = "Hulplijn nummer {n} met een wat langere naam"
kind = "helpline"
summary.nl = "Een hulplijn voor jongeren die met iemand willen praten over wat hen is overkomen, dag en nacht."
summary.en = "A helpline for young people who want to talk to someone about what happened to them."
audiences = ["minors"]
roles = []
topics = []
regions = ["belgium"]
[[contacts]]
channel = "phone"
value = "0800 {n:02d}0 {n:02d}"
[[contacts]]
channel = "phone"
value = "02 {n:03d} 12 34"
[[contacts]]
channel = "chat"
value = "https://hulplijn{n}.example.be/chat"
[source]
verified_at = 2026-11-20
''', encoding="utf-8")
    return directory
