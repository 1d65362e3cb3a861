"""No query text in the project: what the reader knows comes from the language, not from the query files.

Runs ../shared/eval/tuning_leaks.py (skipped where ../shared is absent) over the shared query files and our
own (tests/relevance/*.toml), and fails on
  - a run of 5+ words from a query in data/ or src/ (two plain common phrases allowed, named below);
  - a misspelling from a query in data/ or src/: a query word that no dictionary knows (simplemma's Dutch and
    English), that is no compound of known words, and that names no service or place of the data;
  - a run of 8+ words from a query in tests/ (the query files themselves aside).
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT.parent / "shared" / "eval" / "tuning_leaks.py"
OWN = sorted((ROOT / "tests" / "relevance").glob("*.toml"))
# Plain phrases anyone writes, which a service's own text or an interface string may hold.
COMMON = {"iemand om mee te praten", "mediation between victim and offender"}
LEAK = re.compile(r"^(?P<path>[^:]+): '(?P<run>[^']+)'")

pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="../shared/eval is not beside this checkout")


def leaks(run: int) -> list[tuple[str, str]]:
    shared = [p for p in sorted(SCRIPT.parent.glob("*.toml")) if p.name != "services.toml"]
    out = subprocess.run([sys.executable, str(SCRIPT), "--project", str(ROOT), "--run", str(run), "--max", "100000",
                          "--queries", *map(str, shared + OWN)], capture_output=True, text=True, check=True).stdout
    own = {str(p.relative_to(ROOT)) for p in OWN}
    return [(m["path"], m["run"]) for line in out.splitlines() if (m := LEAK.match(line)) and m["path"] not in own]


def shown(found) -> str:
    return "\n".join(f"{path}: {run}" for path, run in found[:20])


def test_no_five_word_run_of_a_query_in_data_or_src():
    found = [(path, run) for path, run in leaks(5) if path.startswith(("data/", "src/"))]
    phrases = {run for _, run in found}
    assert phrases <= {run for c in COMMON for run in _runs(c, 5)}, shown(
        [f for f in found if f[1] not in {r for c in COMMON for r in _runs(c, 5)}])


def test_no_eight_word_run_of_a_query_in_the_tests():
    found = [(path, run) for path, run in leaks(8) if path.startswith("tests/")]
    assert not found, shown(found)


def _runs(text: str, n: int) -> set[str]:
    words = _tool().fold(text)
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def _tool():
    spec = importlib.util.spec_from_file_location("tuning_leaks", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_misspelling_of_a_query_in_data_or_src():
    dictionaries = pytest.importorskip("simplemma.strategies.dictionaries")
    tool = _tool()
    factory = dictionaries.DefaultDictionaryFactory()
    known = {w for lang in ("nl", "en") for form, lemma in factory.get_dictionary(lang).items()
             for w in tool.fold(f"{form} {lemma}")}

    def real(word: str) -> bool:
        if word in known or not word.isalpha():  # "3u", "12yo": numbers with a unit are the time and age grammar
            return True
        return any(word[:i] in known and (word[i:] in known or word[i + 1:] in known and word[i] == "s")
                   for i in range(2, len(word) - 1))  # a compound of two real words ("gezinsgeweld")

    shared = [p for p in SCRIPT.parent.glob("*.toml") if p.name != "services.toml"]
    typos = {w for q in tool.queries(shared + OWN) for w in tool.fold(q) if not real(w)}
    names = {w for p in (ROOT / "data").rglob("*.toml") if p.name != "situation.toml"
             for w in tool.fold(p.read_text(encoding="utf-8"))}  # the names of services and places
    found = [(str(p.relative_to(ROOT)), w) for p in [ROOT / "data" / "situation.toml", *(ROOT / "src").rglob("*.py")]
             for w in sorted(set(tool.fold(p.read_text(encoding="utf-8"))) & typos - names)]
    assert not found, shown(found)
