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


def test_the_facet_table_decides_how_each_facet_filters(catalog, monkeypatch):
    """One row of FACET_SPECS changes the filter: a strict facet lets only services that list the value pass."""
    import refertool.model as model
    from refertool.query import Filters
    from refertool.ranking import flag_filter

    index = catalog.index
    filters = Filters(audiences=["minors"])
    lenient = flag_filter(index, catalog, filters, None)
    assert index.members("audiences=") <= lenient  # open to all passes
    monkeypatch.setattr(model, "FACET_SPECS", tuple(s._replace(strict=True) if s.id == "audiences" else s
                                                    for s in model.FACET_SPECS))
    strict = flag_filter(index, catalog, filters, None)
    assert strict == set(index.members("audiences=minors")) and strict < lenient
