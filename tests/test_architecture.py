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


def test_one_age_rule_read_from_the_index_or_from_a_service(catalog):
    """The ages a service serves come from the vocabulary's age groups; the ranking (index) and the plan
    (service) read them by one rule and agree on every service."""
    from refertool.ages import indexed_ages, service_ages
    from refertool.model import audience_span

    vocab = catalog.vocabulary
    spans = vocab.age_spans()
    assert spans["minors"] == (0, 17) and "people-with-disabilities" not in spans
    assert audience_span(["minors", "people-with-disabilities"], spans) is None  # any age
    assert audience_span(["minors", "young-adults"], spans) == (0, 25)
    index = catalog.index
    for n in index.live:
        s = catalog.services[index.data.ids[n]]
        assert indexed_ages(index, n, vocab) == service_ages(s, vocab), s.id


def test_an_age_group_without_a_proper_span_is_a_problem(tmp_path):
    from refertool.directories import load_vocabulary

    path = tmp_path / "vocabulary.toml"
    path.write_text('[audiences.kids]\nnl = "Kinderen"\nen = "Kids"\nages = [12, 3]\n', encoding="utf-8")
    problems: list = []
    vocab = load_vocabulary([path], problems)
    assert [p.code for p in problems] == ["REF005"] and vocab.age_spans() == {}


# The two modules whose job it is.
AGE_RULE_EXEMPT = ("ages.py", "places.py")


def test_no_age_threshold_or_audience_id_outside_ages_places_and_the_data():
    """Who is a minor, and which audience is which, is decided in `ages` from data/vocabulary.toml;
    a threshold or an audience id anywhere else in the code is a second rule that can disagree."""
    import re

    import tomllib

    from conftest import ROOT

    audiences = tomllib.loads((ROOT / "data" / "vocabulary.toml").read_text(encoding="utf-8"))["audiences"]
    patterns = [re.compile(p) for p in (r"<\s*18\b", r"<=\s*17\b", r"MINOR", r"CHILD_MAX")]
    patterns += [re.compile(rf"""["']{re.escape(a)}["']""") for a in audiences]
    package = ROOT / "src" / "refertool"
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative.startswith(AGE_RULE_EXEMPT):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{relative}:{n}: {line.strip()}" for p in patterns if p.search(line)]
    assert found == []


def test_small_modules_and_a_thin_cli():
    """cli.py only builds the app; each command module stays small; no module is a world of its own."""
    from conftest import ROOT

    package = ROOT / "src" / "refertool"

    def length(path):
        return len(path.read_text(encoding="utf-8").splitlines())

    assert length(package / "cli.py") <= 200
    assert {p.name: length(p) for p in (package / "commands").glob("*.py") if length(p) > 250} == {}
    big = {p.relative_to(package).as_posix(): length(p) for p in package.rglob("*.py") if length(p) > 600}
    assert big == {}, big
