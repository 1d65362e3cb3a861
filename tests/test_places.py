"""Places decided once (refertool.places): names, postcodes, coverage and nearness, from the regions."""

from __future__ import annotations

from refertool import places


def test_a_place_name_names_its_province_and_a_municipality_its_town(catalog):
    table = places.table(catalog.regions)
    assert table[("gent",)] == ("oost-vlaanderen", "gent")
    assert table[("limburg",)] == ("limburg", "")
    assert places.folded(catalog.regions)["gent"] == "oost-vlaanderen"


def test_one_postcode_rule(catalog):
    regions = catalog.regions
    assert places.postcode(["9000"], 0, regions) == "oost-vlaanderen"
    assert places.postcode(["bel", "1712"], 1, regions, known={"1712"}.__contains__) is None  # a helpline
    assert places.postcode(["postcode", "1712"], 1, regions, known={"1712"}.__contains__) is not None
    assert places.postcode(["900"], 0, regions) is None and places.postcode(["abcd"], 0, regions) is None
    assert places.region_of("3500", regions) == "limburg" and places.region_of("limburg", regions) == "limburg"


def test_coverage_up_and_down_and_of_the_whole(catalog):
    regions = catalog.regions
    assert places.covers(["flanders"], "limburg", regions)  # a service for Flanders serves Limburg
    assert places.covers(["limburg"], "flanders", regions)  # and one for Limburg is one in Flanders
    assert not places.covers(["limburg"], "antwerpen", regions)
    assert places.covers_all_of(["flanders"], "limburg", regions)
    assert not places.covers_all_of(["limburg"], "flanders", regions)


def test_nearness_town_then_province_then_region(catalog):
    index = catalog.index
    near = places.nearness(index.members, catalog.regions, ["oost-vlaanderen"], ["gent"])
    in_gent = index.members("city=gent")
    assert in_gent and all(near[i] == places.NEAR_TOWN for i in in_gent)
    assert all(near[i] <= places.NEAR_PROVINCE for i in index.members("located=oost-vlaanderen"))
    assert set(near.values()) <= {places.NEAR_TOWN, places.NEAR_PROVINCE, places.NEAR_REGION}


def test_a_mistyped_region_gets_a_suggestion(catalog):
    assert places.suggestion("limburgg", catalog.regions) == "limburg"
    assert places.suggestion("zzzz", catalog.regions) is None


def test_a_contact_for_one_area_is_left_out_for_other_places_only(catalog):
    """Every contact with an area of its own, against every area: kept where its area covers the place,
    left out elsewhere; with no place told, left out only beside a contact for everyone; contacts without
    an area always stay."""
    regions = catalog.regions
    narrow = [s for s in catalog if any(c.regions for c in s.contacts)]
    assert narrow  # the bundled data has such contacts (a police zone's line, one office's number)
    for s in narrow:
        unplaced = places.for_places(s, (), regions).contacts
        everyone = [c for c in s.contacts if not c.regions]
        assert list(unplaced) == (everyone or list(s.contacts)), s.id
        for area in regions.areas:
            kept = places.for_places(s, [area], regions).contacts
            for c in s.contacts:
                assert (c in kept) == (not c.regions or places.covers(c.regions, area, regions)), (s.id, area)
    police = catalog.get("lokale-politie")
    assert all(not c.regions for c in places.for_places(police, ["oost-vlaanderen"], regions).contacts)
    assert places.for_places(police, ["brussels"], regions) == police
    assert all(not c.regions for c in places.for_places(police, (), regions).contacts)
    only_local = police._replace(contacts=tuple(c for c in police.contacts if c.regions))
    assert places.for_places(only_local, (), regions) == only_local
