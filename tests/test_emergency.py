"""The emergency view as data: lines by rank, places from locations or names, nearest first."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from refertool.catalog import emergency_services
from refertool.emergency import emergency_lines, shared_name
from refertool.model import Localized, Location, Service
from refertool.places import distance, places_of

pytestmark = pytest.mark.cold_cache  # the view's tests build and look into their own cache

# Ten care centres as the data will hold them: one record per hospital, one shared rank, a location each.
HOSPITALS = [("Antwerpen", "antwerpen"), ("Brugge", "west-vlaanderen"), ("Brussel", "brussels"),
             ("Genk", "limburg"), ("Gent", "oost-vlaanderen"), ("Hasselt", "limburg"),
             ("Kortrijk", "west-vlaanderen"), ("Leuven", "vlaams-brabant"), ("Luik", "liege"),
             ("Mechelen", "antwerpen")]


def centre(n: int, city: str, region: str, always_open: bool = True) -> Service:
    return Service(id=f"care-{n}", name=f"Care centre after sexual violence – Hospital {n}",
                   summary=Localized("a", "b"), audiences=(), roles=("victim",), topics=(), regions=("belgium",),
                   contacts=(), verified_at=dt.date(2026, 1, 1), kind="hospital-service", always_open=always_open,
                   emergency=6, locations=(Location(f"Hospital {n}", city, region),))


@pytest.fixture
def ten():
    return [centre(n, city, region) for n, (city, region) in enumerate(HOSPITALS)]


def test_a_shared_rank_is_one_line_with_every_city(catalog, ten):
    numbers = [s for s in emergency_services(catalog) if not s.id.startswith("zorgcentrum")]
    lines = emergency_lines([*numbers, *ten], catalog.regions)
    assert [len(line.services) for line in lines] == [1, 1, 1, 1, 1, 10]
    assert [p.city for p in lines[-1].places] == [city for city, _ in HOSPITALS]
    assert lines[-1].always_open and not lines[-1].free


def test_nearest_first(catalog, ten):
    [line] = emergency_lines(ten, catalog.regions, near="limburg")
    cities = [p.city for p in line.places]
    assert cities[:2] == ["Genk", "Hasselt"]  # the same province
    assert cities.index("Luik") == 9  # outside Flanders: last
    assert line.services[0].locations[0].city == "Genk"


def test_always_open_only_when_the_data_says_so_for_all(catalog, ten):
    ten[3] = centre(3, "Genk", "limburg", always_open=False)
    [line] = emergency_lines(ten, catalog.regions)
    assert not line.always_open
    assert line.not_always == ("Genk",)


def test_a_line_says_day_and_night_with_the_exceptions(catalog, ten):
    import io

    from rich.console import Console

    from refertool.render.table import emergency_view

    def said(services):
        buf = io.StringIO()
        Console(file=buf, width=200, color_system=None).print(
            emergency_view(emergency_lines(services, catalog.regions), catalog.vocabulary, "en", set()))
        return buf.getvalue()

    assert "you can go there directly, day and night" in said(ten)
    ten[3] = centre(3, "Genk", "limburg", always_open=False)
    # the id to type for the one that is not: its card says when it is open
    assert "you can go directly, day and night, except in Genk (refer show care-3)" in said(ten)
    assert "day and night" not in said([centre(n, c, r, always_open=False) for n, (c, r) in enumerate(HOSPITALS)])


def test_the_place_from_the_name_without_locations(catalog):
    gent = centre(1, "", "")._replace(name="Zorgcentrum na Seksueel Geweld – UZ Gent", locations=())
    assert [(p.city, p.region) for p in places_of(gent, catalog.regions)] == [("Gent", "oost-vlaanderen")]
    brussel = gent._replace(name="Zorgcentrum – UMC Sint-Pieter Brussel")
    assert [p.region for p in places_of(brussel, catalog.regions)] == ["brussels"]
    assert places_of(gent._replace(name="Nowhere in particular"), catalog.regions) == []


def test_distance(catalog):
    regions = catalog.regions
    assert distance("limburg", "limburg", regions) == 0
    assert distance("antwerpen", "limburg", regions) == 1  # both in Flanders
    assert distance("liege", "limburg", regions) == 2  # only Belgium in common
    assert distance("", "limburg", regions) > distance("liege", "limburg", regions)


def test_shared_name():
    assert shared_name(["Zorgcentrum na Seksueel Geweld – UZ Gent", "Zorgcentrum na Seksueel Geweld – UMC Luik"]) \
        == "Zorgcentrum na Seksueel Geweld"
    assert shared_name(["Alfa", "Beta"]) == ""


@pytest.mark.parametrize("width,most", [(80, 22), (60, 30)])
def test_ten_care_centres_still_fit(catalog, ten, width, most):
    import io

    from rich.console import Console

    from refertool.render.table import emergency_view

    numbers = [s for s in emergency_services(catalog) if not s.id.startswith("zorgcentrum")]
    buf = io.StringIO()
    Console(file=buf, width=width, color_system=None).print(
        emergency_view(emergency_lines([*numbers, *ten], catalog.regions, "limburg"), catalog.vocabulary, "en", set()))
    rows = buf.getvalue().splitlines()
    assert len(rows) <= most and max(map(len, rows)) <= width
    assert "Care centre after sexual violence: Genk, Hasselt," in " ".join(r.strip() for r in rows)


def test_a_shared_line_shows_a_number_only_when_all_share_it(catalog, ten):
    import io

    from rich.console import Console

    from refertool.model import Contact
    from refertool.render.table import emergency_view

    def first_row(services, near):
        buf = io.StringIO()
        view = emergency_view(emergency_lines(services, catalog.regions, near), catalog.vocabulary, "en", set())
        Console(file=buf, width=80, color_system=None).print(view)
        return buf.getvalue().splitlines()[1]

    own = [s._replace(contacts=(Contact("phone", f"09 000 00 0{n}"),)) for n, s in enumerate(ten)]
    assert first_row(own, "limburg").startswith("go there ")  # never one centre's number for all
    shared = [s._replace(contacts=(Contact("phone", "078 00 00 00"),)) for s in ten]
    assert first_row(shared, None).startswith("078 00 00 00 ")


def test_a_line_without_places_still_reads(catalog):
    import io

    from rich.console import Console

    from refertool.render.table import emergency_view

    nowhere = [centre(n, "", "")._replace(locations=(), name=f"Helpline {n}", always_open=False) for n in range(2)]
    buf = io.StringIO()
    Console(file=buf, width=80, color_system=None).print(
        emergency_view(emergency_lines(nowhere, catalog.regions), catalog.vocabulary, "en", set()))
    assert buf.getvalue().splitlines()[1].rstrip() == "go there Helpline"  # no ": ." after it


PLACES = [("antwerpen", "Mechelen"), ("limburg", "Hasselt"), ("oost-vlaanderen", "Aalst"),
          ("west-vlaanderen", "Kortrijk"), ("vlaams-brabant", "Leuven"), ("brussels", "Anderlecht"), ("", "")]


def many_emergency_services(directory: Path, copies: int) -> Path:
    """`copies` of each bundled emergency service, in turn in one of six places (in its name and its area) or
    in none: lines far longer than one screen, in many places."""
    import re

    from conftest import ROOT

    target = directory / "services"
    target.mkdir(parents=True)
    for path in sorted((ROOT / "data" / "services").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        if not re.search(r"^emergency = ", text, re.M):
            continue
        for i in range(copies):
            region, place = PLACES[i % len(PLACES)]
            copy = re.sub(r'^(name = ".*)"$', lambda m, s=f" {place} {i}": f'{m.group(1)}{s}"', text, count=1,
                          flags=re.M)
            if region:
                copy = re.sub(r"^regions = \[.*\]$", f'regions = ["{region}"]', copy, count=1, flags=re.M)
            (target / f"{path.stem}-{i:04d}.toml").write_text(copy, encoding="utf-8")
    return directory


def view(lines):
    return [(line.rank, [s.id for s in line.services], line.places, line.not_always) for line in lines]


NEAR = [None, "limburg", "brussels", "west-vlaanderen", "hasselt", "liege"]


def crowded_and_built(directory: Path) -> Path:
    """A directory whose emergency lines hold 30 services each, its cache built (in the cache directory of the
    moment) keeping only what the emergency view can show ready (as in a directory too large to keep every
    service). READY_ALL_UP_TO must be 0 meanwhile."""
    from refertool.catalog import load_catalog

    data = many_emergency_services(directory, 30)
    for made in data.rglob("*.toml"):  # made a while ago: a file changed just before a run is read again then
        os.utime(made, ns=(made.stat().st_atime_ns, made.stat().st_mtime_ns - 10**9))
    load_catalog([data])  # cold: builds the cache
    return data


@pytest.fixture
def crowded(tmp_path, monkeypatch):
    """The crowded directory, this test's own: for a test that edits its files."""
    import refertool.cache as cache

    monkeypatch.setattr(cache, "READY_ALL_UP_TO", 0)
    return crowded_and_built(tmp_path / "crowded")


@pytest.fixture(scope="module")
def crowded_once(tmp_path_factory):
    """The crowded directory and the cache built of it, made once for the tests that read its files only."""
    import refertool.cache as cache

    built = tmp_path_factory.mktemp("crowded-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cache, "READY_ALL_UP_TO", 0)
        patch.setenv("REFER_CACHE_DIR", str(built))
        data = crowded_and_built(tmp_path_factory.mktemp("crowded") / "crowded")
    return data, built


@pytest.fixture
def crowded_read(crowded_once, monkeypatch):
    """The crowded directory as `crowded` gives it, for a test that never edits its files: made once, with a
    copy of its cache in this test's cache directory (which the test may damage)."""
    import shutil

    import refertool.cache as cache

    data, built = crowded_once
    monkeypatch.setattr(cache, "READY_ALL_UP_TO", 0)
    root = cache.cache_root()
    root.mkdir(parents=True, exist_ok=True)
    for index in built.glob("index-*.sqlite"):
        shutil.copyfile(index, root / index.name)
    return data


@pytest.fixture(scope="module")
def crowded_fresh(crowded_once):
    """The crowded directory read from its files, without a cache (read only)."""
    from refertool.catalog import load_catalog

    return load_catalog([crowded_once[0]], cache=False)


def test_the_view_from_the_cache_is_the_view_from_every_service(crowded_read, crowded_fresh, monkeypatch):
    """The cache keeps a few services ready for the emergency view (index.shortlist), and never reads another;
    the lines are those the whole directory gives, near anywhere, each cut to one screen."""
    import refertool.validate as validate
    from refertool.catalog import load_catalog
    from refertool.index import SHOWN_PER_LINE

    crowded, fresh = crowded_read, crowded_fresh
    everyone = emergency_services(fresh)
    monkeypatch.setattr(validate, "check_service_file", lambda *a, **k: pytest.fail("a service file was read"))
    warm = load_catalog([crowded])
    ready = emergency_services(warm)
    assert len(ready) < len(everyone)
    for near in NEAR:
        where = None if near is None else resolve(fresh, near)
        lines = emergency_lines(everyone, fresh.regions, where)
        assert view(emergency_lines(ready, warm.regions, where)) == view(lines), near
        assert max(len(line.services) for line in lines) == SHOWN_PER_LINE
    # cut to one screen, a line of many places shows as many places as it can, not one place twelve times
    care = emergency_lines(everyone, fresh.regions)[-1]
    assert len({p.city for p in care.places}) >= 10


def resolve(catalog, place):
    from refertool.ranking import resolve_region

    return resolve_region(catalog, place)


def test_an_edited_added_or_removed_file_is_seen_by_the_view(crowded):
    from refertool.catalog import load_catalog

    services = crowded / "services"
    first = sorted(services.glob("noodnummer-112-*.toml"))[0]
    first.unlink()
    added = services / "aaa-first-of-all.toml"
    added.write_text(sorted(services.glob("noodnummer-112-*.toml"))[1].read_text(encoding="utf-8"),
                     encoding="utf-8")
    edited = sorted(services.glob("tele-onthaal-*.toml"))[0]
    edited.write_text(edited.read_text(encoding="utf-8").replace("emergency = ", "emergency = 40 # "),
                      encoding="utf-8")
    fresh = load_catalog([crowded], cache=False)
    warm = load_catalog([crowded])  # the cache with these files laid over it
    for near in NEAR:
        where = None if near is None else resolve(fresh, near)
        assert view(emergency_lines(emergency_services(warm), warm.regions, where)) == \
            view(emergency_lines(emergency_services(fresh), fresh.regions, where)), near
    shown = {s.id for line in emergency_lines(emergency_services(warm), warm.regions) for s in line.services}
    assert "aaa-first-of-all" in shown and first.stem not in shown and edited.stem in shown


def test_one_screen_whatever_the_directory_holds(catalog):
    """More ranks than a screen holds: the first LINES_SHOWN of them, in order; a line of more services than
    it shows: the first SHOWN_PER_LINE."""
    from refertool.index import LINES_SHOWN, SHOWN_PER_LINE

    ranks = [centre(n, "Gent", "oost-vlaanderen")._replace(id=f"rank-{n:02d}", emergency=n)
             for n in range(1, LINES_SHOWN + 4)]
    lines = emergency_lines(ranks, catalog.regions)
    assert [line.rank for line in lines] == list(range(1, LINES_SHOWN + 1))
    crowd = [centre(n, "Gent", "oost-vlaanderen")._replace(id=f"care-{n:02d}") for n in range(SHOWN_PER_LINE * 2)]
    [line] = emergency_lines(crowd, catalog.regions)
    assert [s.id for s in line.services] == [f"care-{n:02d}" for n in range(SHOWN_PER_LINE)]


def numbers_shown(catalog):
    return {c.value for line in emergency_lines(emergency_services(catalog), catalog.regions)
            for s in line.services for c in s.contacts}


def test_the_view_reads_only_its_ready_services_when_every_file_is_as_stored(crowded_read, crowded_fresh,
                                                                              monkeypatch):
    """`refer emergency` does not open the index when the cache agrees with every file: its lines are those
    of the whole directory."""
    import refertool.cache as cache
    from refertool.catalog import load_emergency_catalog

    crowded, fresh = crowded_read, crowded_fresh
    monkeypatch.setattr(cache, "Store", lambda *a: pytest.fail("the index was opened"))
    ready = load_emergency_catalog([crowded])
    for near in NEAR:
        where = None if near is None else resolve(ready, near)
        assert view(emergency_lines(emergency_services(ready), ready.regions, where)) == \
            view(emergency_lines(emergency_services(fresh), fresh.regions, where)), near


def test_an_edited_number_a_new_and_a_removed_file_show_at_once(crowded):
    """The view's exact freshness check: a number edited in a ready file, a new emergency file and a removed
    one are seen by the next run (each run after the one before, as a user would)."""
    from refertool.catalog import load_emergency_catalog

    services = crowded / "services"
    shown = sorted(services.glob("noodnummer-112-*.toml"))[0]
    assert "112" in numbers_shown(load_emergency_catalog([crowded]))
    shown.write_text(shown.read_text(encoding="utf-8").replace('value = "112"', 'value = "078/150.399"'),
                     encoding="utf-8")
    assert "078/150.399" in numbers_shown(load_emergency_catalog([crowded]))
    added = services / "aaa-new-line.toml"
    added.write_text(shown.read_text(encoding="utf-8").replace('value = "078/150.399"', 'value = "0800-13 599"')
                     , encoding="utf-8")
    assert "0800-13 599" in numbers_shown(load_emergency_catalog([crowded]))
    added.unlink()
    assert "0800-13 599" not in numbers_shown(load_emergency_catalog([crowded]))


@pytest.mark.parametrize("damage", [
    "DELETE FROM meta WHERE key = 'notes'",
    "UPDATE meta SET value = x'00ff00' WHERE key = 'notes'",
    "UPDATE meta SET value = x'00ff00' WHERE key = 'urgent'",
    "UPDATE meta SET value = x'00ff00' WHERE key = 'emergency'",
    "UPDATE meta SET value = x'00ff00' WHERE key = 'stats'",
    "UPDATE meta SET value = x'00ff00' WHERE key = 'meta'",
    "DROP TABLE meta",
])
def test_a_damaged_cache_still_shows_every_line(crowded_read, crowded_fresh, damage):
    import sqlite3

    from refertool.cache import cache_root
    from refertool.catalog import load_emergency_catalog

    crowded = crowded_read
    fresh = view(emergency_lines(emergency_services(crowded_fresh), crowded_fresh.regions))
    (db,) = cache_root().glob("index-*.sqlite")
    con = sqlite3.connect(db)
    with con:
        con.execute(damage)
    con.close()
    ready = load_emergency_catalog([crowded])
    assert view(emergency_lines(emergency_services(ready), ready.regions)) == fresh
