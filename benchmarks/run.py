"""Reproducible speed measurements: start-up, and search on a large directory.

Runs each command as a fresh process, interleaved (a, b, c, a, b, c, ...) and
repeated, and reports medians and ratios. Run from the project root after
`pip install .` (or -e), with the interpreter of the project's venv:

    .venv/bin/python benchmarks/run.py startup
    .venv/bin/python benchmarks/run.py large --services 50000
    .venv/bin/python benchmarks/run.py search
    .venv/bin/python benchmarks/run.py hostile
    .venv/bin/python benchmarks/run.py reader --against /tmp/main   # the situation reader's own cost
    .venv/bin/python benchmarks/run.py plan      # a plan against a search of the same text, in process
    .venv/bin/python benchmarks/run.py edits --services 50000 --against /tmp/main  # what an edit costs, and after

Nothing here is a test: the figures go into docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
REFER = str(BIN / "refer")
PLAN_TEXT = "een leerkracht vermoedt dat een leerling van 12 thuis wordt misbruikt"  # our own words
TYPER_APP = '''import typer
app = typer.Typer()
@app.command()
def main(name: str = "world"):
    print(name)
app()
'''


CPU: dict[tuple[str, ...], list[float]] = {}  # command -> the CPU seconds (user + system) of each timed run


def timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    """One run's wall time; its CPU time goes to CPU (on a shared machine it moves less than the wall time)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.setdefault(tuple(cmd), []).append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return wall


def samples(commands: dict[str, list[str]], repeat: int, env: dict[str, str] | None = None) -> dict[str, list[float]]:
    """Each command `repeat` times, interleaved (a, b, c, a, b, c, ...), after one warm-up run each."""
    for cmd in commands.values():  # warm the page cache and the refer cache
        timed(cmd, env)
    found: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            found[name].append(timed(cmd, env))
    return found


def interleaved(commands: dict[str, list[str]], repeat: int, env: dict[str, str] | None = None) -> dict[str, float]:
    return {name: statistics.median(s) for name, s in samples(commands, repeat, env).items()}


def measured(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """One run's wall time (s) and peak resident memory (MB)."""
    probe = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env, check=True)
    seconds, kb = out.stdout.split()
    return float(seconds), int(kb) / 1024


def peak_rss_mb(cmd: list[str], env: dict[str, str]) -> float:
    return measured(cmd, env)[1]


def startup(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "one_command.py"
        app.write_text(TYPER_APP)
        env = {**os.environ, "REFER_CACHE_DIR": str(Path(tmp) / "cache")}
        result = interleaved({
            "python -c pass": [sys.executable, "-c", "pass"],
            "one-command Typer app": [sys.executable, str(app)],
            "refer --help": [REFER, "--help"],
            "refer emergency": [REFER, "emergency"],
            "refer search": [REFER, "search", "minor perpetrator Brussels"],
        }, repeat, env)
    bare, typer_app = result["python -c pass"], result["one-command Typer app"]
    print(f"start-up, median of {repeat} interleaved runs ({sys.version.split()[0]})")
    print(f"{'command':<24}{'median':>10}{'x Typer app':>13}{'x python':>10}")
    for name, t in result.items():
        print(f"{name:<24}{t * 1000:>8.0f}ms{t / typer_app:>13.2f}{t / bare:>10.1f}")


def _synthetic(n: int, keep: Path | None, prefix: str) -> tuple[Path, Path]:
    """A temporary folder, and in it (or in `keep`, made once and reused) a generated directory of n services."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_directory import make

    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    data = keep or tmp / "data"
    if not (data / "services").is_dir():
        make(n, data)
    return tmp, data


def large(n: int, repeat: int, keep: Path | None) -> None:
    """A synthetic directory of `n` services: the cold build, then warm `refer search` and `refer emergency`
    interleaved with `grep -rli` and `rg -li` over the same files (rg skipped when it is not installed) and
    with `refer emergency` on the bundled directory alone; min and median, and the peak memory of each."""
    tmp, data = _synthetic(n, keep, "refer-bench-")
    try:
        cache = tmp / "cache"
        env = {**os.environ, "REFER_CACHE_DIR": str(cache)}
        query = [REFER, "--data-dir", str(data), "search", "minor perpetrator Brussels", "--format", "json"]
        cold, cold_rss = measured(query, env)
        commands = {"refer search (warm)": query,
                    "refer plan (warm)": [REFER, "--data-dir", str(data), "plan", PLAN_TEXT, "--no-input",
                                          "--format", "json"],
                    "refer emergency": [REFER, "--data-dir", str(data), "emergency"],
                    "refer emergency, bundled": [REFER, "emergency"],
                    "grep -rli": ["grep", "-rli", "perpetrator", str(data / "services")]}
        rg = shutil.which("rg")
        if rg:
            commands["rg -li"] = [rg, "-li", "perpetrator", str(data / "services")]
        result = samples(commands, repeat, env)
        memory = {name: peak_rss_mb(cmd, env) for name, cmd in commands.items() if name.startswith("refer")}
        files = sorted((data / "services").glob("*.toml"))
        edits = []
        for k in range(3):
            target = files[k * 97]
            target.write_text(target.read_text(encoding="utf-8").replace("summary.en = \"", f"summary.en = \"{k} ", 1),
                              encoding="utf-8")
            edits.append(timed(query, env))
        median = {name: statistics.median(s) for name, s in result.items()}
        print(f"{n} services ({os.cpu_count()} cores; rtoml {'on' if _has('rtoml') else 'off'}, "
              f"PyStemmer {'on' if _has('Stemmer') else 'off'}), {repeat} interleaved runs each")
        print(f"  {'':<28}{'min':>8}{'median':>9}{'peak RSS':>10}{'CPU median':>12}")
        for name, runs in result.items():
            rss = f"{memory[name]:7.0f} MB" if name in memory else ""
            cpu = statistics.median(CPU[tuple(commands[name])][1:1 + repeat])  # the interleaved runs
            print(f"  {name:<28}{min(runs) * 1000:6.0f}ms{median[name] * 1000:7.0f}ms{rss:>10}{cpu * 1000:9.0f}ms")
        if not rg:
            print("  rg -li                      not installed: skipped")
        warm = median["refer search (warm)"]
        ratios = [f"search/grep {warm / median['grep -rli']:.2f}",
                  f"plan/search {median['refer plan (warm)'] / warm:.2f}"]
        if rg:
            ratios.append(f"search/rg {warm / median['rg -li']:.2f}")
        bundled = median["refer emergency, bundled"]
        ratios.append(f"emergency/bundled emergency {median['refer emergency'] / bundled:.2f}")
        print(f"  ratios of the medians: {', '.join(ratios)}")
        size = sum(f.stat().st_size for f in cache.glob("index-*.sqlite")) / 1e6
        print(f"  cold build + first search   {cold:8.2f} s {cold_rss:7.0f} MB   (the cache: {size:.0f} MB)")
        print(f"  search after one edited file {statistics.median(edits):7.2f} s (median of 3 edits)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def search_cost(repeat: int) -> None:
    """In-process time of one search on the bundled directory, over the project's relevance queries."""
    sys.path.insert(0, str(ROOT / "src"))
    import tomllib

    from refertool.catalog import load_catalog
    from refertool.ranking import search

    catalog = load_catalog()
    search(catalog, "warm up")  # imports and lazily built tables
    for name in ("queries.toml", "situations.toml"):  # keywords, then described situations
        queries = [q["q"] for q in tomllib.loads((ROOT / "tests" / "relevance" / name).read_text())["query"]]
        per_query = []
        for q in queries:
            runs = []
            for _ in range(repeat):
                start = time.perf_counter()
                search(catalog, q)
                runs.append(time.perf_counter() - start)
            per_query.append(statistics.median(runs))
        per_query.sort()
        print(f"search cost on the bundled directory, {len(queries)} queries of {name}, median of {repeat} each")
        print(f"  median {statistics.median(per_query) * 1000:.1f} ms, 90th percentile "
              f"{per_query[int(len(per_query) * 0.9)] * 1000:.1f} ms, slowest {per_query[-1] * 1000:.1f} ms")


def reader_cost(repeat: int, against: Path | None) -> None:
    """What the situation reader costs: loading its lexicon table (once per process), reading one sentence, and
    a warm `refer search` of a described situation as a fresh process (with --against SRC, next to that
    source tree's, e.g. an unpacked `git archive` of main: `refer` run as `python -m refertool`)."""
    sys.path.insert(0, str(ROOT / "src"))
    import tomllib

    from refertool.catalog import load_catalog
    from refertool.reading.lexicon import TABLE, Lexicon
    from refertool.reading.read import read

    loads = []
    for _ in range(repeat):
        start = time.perf_counter()
        Lexicon(TABLE.read_text(encoding="utf-8"))
        loads.append(time.perf_counter() - start)
    catalog = load_catalog()
    queries = [q["q"] for q in tomllib.loads((ROOT / "tests" / "relevance" / "situations.toml").read_text())["query"]]
    read(queries[0], catalog.vocabulary, catalog.regions)  # the tables, built once
    per = []
    for q in queries:
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            read(q, catalog.vocabulary, catalog.regions)
            runs.append(time.perf_counter() - start)
        per.append(statistics.median(runs))
    print(f"lexicon table: loaded in {statistics.median(loads) * 1000:.1f} ms (median of {repeat})")
    print(f"reading one sentence, {len(queries)} sentences: median {statistics.median(per) * 1000:.2f} ms, "
          f"slowest {max(per) * 1000:.2f} ms")
    sentence = queries[1]
    commands = {"this tree": [sys.executable, "-m", "refertool", "search", sentence]}
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if against is not None:
        commands["--against"] = ["env", f"PYTHONPATH={against / 'src'}", sys.executable, "-m", "refertool", "search",
                                 sentence]
    times = interleaved(commands, repeat, env)
    print(f"warm `refer search` of a described situation, median of {repeat}: "
          + ", ".join(f"{name} {t * 1000:.0f} ms" for name, t in times.items()))


def plan_cost(repeat: int) -> None:
    """In-process time of `refer plan TEXT -f json` against `refer search TEXT -f json` on the bundled directory,
    over the situations of tests/plan_cases.toml (the whole command: reading, search, steps, output)."""
    sys.path.insert(0, str(ROOT / "src"))
    import contextlib
    import io

    import tomllib

    from refertool.cli import run

    def once(args: list[str]) -> float:
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            run(args)
        return time.perf_counter() - start

    texts = [c["q"] for c in tomllib.loads((ROOT / "tests" / "plan_cases.toml").read_text())["case"]]
    once(["plan", texts[0], "--no-input", "-f", "json"])  # imports, the cache and lazily built tables
    plans, searches = [], []
    for q in texts:
        plans.append(statistics.median(once(["plan", q, "--no-input", "-f", "json"]) for _ in range(repeat)))
        searches.append(statistics.median(once(["search", q, "-f", "json"]) for _ in range(repeat)))
    ratios = sorted(p / s for p, s in zip(plans, searches, strict=True))
    print(f"plan against search of the same text, {len(texts)} situations, median of {repeat} each, in process")
    print(f"  the commands: plan median {statistics.median(plans) * 1000:.1f} ms, search median "
          f"{statistics.median(searches) * 1000:.1f} ms; plan/search median {statistics.median(ratios):.2f}, "
          f"max {ratios[-1]:.2f}")
    # the core alone, the catalog loaded: the plan reads and searches the text once (plan.read_text) and builds
    # its steps; the search ranks the same text for its first ten
    from refertool.catalog import load_catalog
    from refertool.plan import Given, make_plan, read_text
    from refertool.ranking import search

    catalog = load_catalog()

    def core(q: str) -> float:
        start = time.perf_counter()
        situation, searched = read_text(catalog, q)
        make_plan(catalog, situation, Given(), "en", q, searched=searched)
        return time.perf_counter() - start

    def ranked(q: str) -> float:
        start = time.perf_counter()
        search(catalog, q)
        return time.perf_counter() - start

    core(texts[0])
    made = [statistics.median(core(q) for _ in range(repeat)) for q in texts]
    found = [statistics.median(ranked(q) for _ in range(repeat)) for q in texts]
    print(f"  the core: plan median {statistics.median(made) * 1000:.1f} ms, search median "
          f"{statistics.median(found) * 1000:.1f} ms; plan/search median "
          f"{statistics.median(m / f for m, f in zip(made, found, strict=True)):.2f}")


def hostile(repeat: int) -> None:
    """Each hostile query of the robustness tests through the CLI's entry point, in process (as the test
    runs them; a NUL byte cannot reach a real process's argv): none may hang."""
    import contextlib
    import io

    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(ROOT / "src"))
    from refertool.cli import run
    from test_robust import HOSTILE

    def once(query: str) -> float:
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            run(["search", "-f", "json", "--", query])
        return time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["REFER_CACHE_DIR"] = str(Path(tmp) / "cache")
        once("warm up")  # the cache, built once
        times = sorted((statistics.median(once(q) for _ in range(repeat)), q) for q in HOSTILE)
    print(f"hostile queries through the CLI in process, {len(HOSTILE)} queries, median of {repeat} runs each")
    print(f"  median {statistics.median(t for t, _ in times) * 1000:.0f} ms, slowest {times[-1][0] * 1000:.0f} ms "
          f"({times[-1][1][:20]!r}{'...' if len(times[-1][1]) > 20 else ''})")


def emergency_cost(n: int, repeat: int, keep: Path | None, against: Path | None) -> None:
    """`refer emergency` on a directory of `n` services against the bundled directory alone, warm caches; with
    --against SRC, that source tree's figures beside these (each tree with its own cache); all runs
    interleaved, min and median of `repeat`."""
    tmp, data = _synthetic(n, keep, "refer-emergency-")
    try:
        trees = {"this tree": ROOT} | ({"--against": against} if against is not None else {})
        commands: dict[str, list[str]] = {}
        envs: dict[str, dict[str, str]] = {}
        for k, (name, src) in enumerate(trees.items()):
            env = {**os.environ, "PYTHONPATH": str(src / "src"), "REFER_CACHE_DIR": str(tmp / f"cache-{k}")}
            for label, extra in ((f"{n}", ["--data-dir", str(data)]), ("bundled", [])):
                cmd = [sys.executable, "-m", "refertool", *extra, "emergency"]
                subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)  # the cold build
                commands[f"{name}, {label}"], envs[f"{name}, {label}"] = cmd, env
        result: dict[str, list[float]] = {name: [] for name in commands}
        for k in range(repeat):
            for name in (list(commands) if k % 2 == 0 else list(reversed(commands))):
                result[name].append(timed(commands[name], envs[name]))
        print(f"refer emergency, {n} services against the bundled directory, warm, {repeat} interleaved runs")
        for name, runs in result.items():
            print(f"  {name:<28}{min(runs) * 1000:6.0f}ms min {statistics.median(runs) * 1000:6.0f}ms median")
        for name in trees:
            ratio = statistics.median(result[f"{name}, {n}"]) / statistics.median(result[f"{name}, bundled"])
            print(f"  {name}: {n} / bundled, medians {ratio:.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def edit_cost(n: int, repeat: int, keep: Path | None, against: Path | None) -> None:
    """What one edited file costs on a directory of `n` services: a warm `refer search`, the run right after an
    edit (it reads the file), the run after that, and the first run under another name of the same folder (a
    relative `--data-dir` after an absolute one). With --against SRC, that source tree's figures beside these,
    each tree with its own cache, the runs interleaved; min and median of `repeat` edits. An edit is followed by
    a pause of 0.2 s, as a person's would be (a file changed less than 0.1 s before a run is read again)."""
    tmp, data = _synthetic(n, keep, "refer-edits-")
    try:
        trees = {"this tree": ROOT} | ({"--against": against} if against is not None else {})
        envs = {name: {**os.environ, "PYTHONPATH": str(src / "src"), "REFER_CACHE_DIR": str(tmp / f"cache-{k}")}
                for k, (name, src) in enumerate(trees.items())}

        def search(name: str, where: str = str(data)) -> float:
            return timed([sys.executable, "-m", "refertool", "--data-dir", where, "search",
                          "minor perpetrator Brussels", "--format", "json"], envs[name])

        for name in trees:  # the cold builds, then one warm run each
            search(name)
            search(name)
        runs: dict[str, dict[str, list[float]]] = {name: {"warm": [], "edit": [], "next": []} for name in trees}
        files = sorted((data / "services").glob("*.toml"))
        for k in range(repeat):
            target = files[(k * 97 + 13) % len(files)]
            target.write_text(target.read_text(encoding="utf-8").replace('summary.en = "', f'summary.en = "{k} ', 1),
                              encoding="utf-8")
            time.sleep(0.2)
            order = list(trees) if k % 2 == 0 else list(reversed(trees))
            for name in order:
                runs[name]["edit"].append(search(name))
            for name in order:
                runs[name]["next"].append(search(name))
            for name in order:
                runs[name]["warm"].append(search(name))
        parent, relative = data.parent, data.name
        switched = {}
        for name in trees:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "refertool", "--data-dir", relative, "search", "kind"], cwd=parent,
                           env=envs[name], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            switched[name] = time.perf_counter() - start
        print(f"{n} services, {repeat} edits (rtoml {'on' if _has('rtoml') else 'off'}, "
              f"PyStemmer {'on' if _has('Stemmer') else 'off'}); min / median")
        for name, found in runs.items():
            cells = "  ".join(f"{what} {min(s) * 1000:5.0f} / {statistics.median(s) * 1000:5.0f} ms"
                              for what, s in found.items())
            print(f"  {name:<10} {cells}  relative name after absolute {switched[name]:6.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _has(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["startup", "large", "search", "hostile", "reader", "plan", "edits", "emergency"])
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--services", type=int, default=50_000)
    ap.add_argument("--keep", type=Path, help="reuse (or make) the synthetic directory here")
    ap.add_argument("--against", type=Path, help="reader, edits: a source tree to compare with")
    args = ap.parse_args()
    if args.what == "startup":
        startup(args.repeat)
    elif args.what == "search":
        search_cost(args.repeat)
    elif args.what == "hostile":
        hostile(args.repeat)
    elif args.what == "reader":
        reader_cost(args.repeat, args.against)
    elif args.what == "plan":
        plan_cost(args.repeat)
    elif args.what == "edits":
        edit_cost(args.services, args.repeat, args.keep, args.against)
    elif args.what == "emergency":
        emergency_cost(args.services, args.repeat, args.keep, args.against)
    else:
        large(args.services, args.repeat, args.keep)


if __name__ == "__main__":
    main()
