"""The emergency view as data: lines by rank, places from locations or names, nearest first."""

from __future__ import annotations

import datetime as dt

import pytest

from refertool.catalog import emergency_services
from refertool.emergency import emergency_lines, places_of, shared_name
from refertool.model import Localized, Location, Service
from refertool.places import distance

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
