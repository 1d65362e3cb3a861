"""The layers hold: no import cycle, and the core runs without Typer and Rich."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import grimp


def test_no_import_cycle_in_the_package():
    graph = grimp.build_graph("refertool")  # imports inside functions count too
    cycles = []
    for module in sorted(graph.modules):
        if module == "refertool":
            continue  # the package's lazy attributes (load_catalog, search) are its public face
        for imported in graph.find_modules_directly_imported_by(module):
            if imported != "refertool" and graph.find_shortest_chain(importer=imported, imported=module):
                cycles.append(f"{module} <-> {imported}")
    assert cycles == []


BLOCKED = textwrap.dedent("""
    import sys
    from importlib.abc import MetaPathFinder

    class Block(MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("typer", "click", "rich"):
                raise ImportError(f"{name} is blocked")

    sys.meta_path.insert(0, Block())
    from refertool import load_catalog, search
    catalog = load_catalog(cache=CACHE)
    print(search(catalog, "minor perpetrator Brussels").hits[0].service.id)
""")


def test_the_core_works_with_typer_and_rich_blocked(tmp_path):
    for cache in (True, False):
        ran = subprocess.run([sys.executable, "-c", BLOCKED.replace("CACHE", str(cache))], capture_output=True,
                             text=True, env={"REFER_CACHE_DIR": str(tmp_path), "PATH": ""}, check=False)
        assert ran.returncode == 0, ran.stderr
        assert ran.stdout.strip() == "iter"
