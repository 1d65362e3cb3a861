from __future__ import annotations

import pytest

from refertool.query import parse


@pytest.fixture
def parse_q(catalog):
    def go(text):
        q = parse(text, catalog.vocabulary, catalog.regions)
        return {(f.facet, f.value) for f in q.pulled}, q
    return go


@pytest.mark.parametrize("text,expected", [
    ("minor perpetrator Brussels", {("audiences", "minors"), ("roles", "perpetrator"), ("regions", "brussels")}),
    ("minderjarige pleger Brussel", {("audiences", "minors"), ("roles", "perpetrator"), ("regions", "brussels")}),
    ("slachtoffer Bruxelles", {("roles", "victim"), ("regions", "brussels")}),
    ("victim Liège", {("roles", "victim"), ("regions", "liege")}),
    ("Vilvoorde", {("regions", "vlaams-brabant")}),
    ("Vilvorde", {("regions", "vlaams-brabant")}),  # one typo
    ("postcode 2000", {("regions", "antwerpen")}),
    ("3000", {("regions", "vlaams-brabant")}),
    ("sportclub", {("sectors", "sport")}),
    ("wraakporno", {("topics", "image-abuse")}),
])
def test_facets_pulled(parse_q, text, expected):
    got, _ = parse_q(text)
    assert expected <= got


@pytest.mark.parametrize("text,age", [
    ("15-jarige slachtoffer", "15-15"), ("meisje van 12 jaar", "12-12"), ("12-year-old victim", "12-12"),
    ("jongeren 10 tot 20 jaar", "10-20"), ("zoon van 13", "13-13"),
])
def test_ages(parse_q, text, age):
    got, _ = parse_q(text)
    assert ("age", age) in got


def test_real_words_are_not_typos_of_places(parse_q):
    got, _ = parse_q("meisje")  # not the town of Meise
    assert not any(f == "regions" for f, _ in got)


def test_parent_is_not_elderly(parse_q):
    got, _ = parse_q("ouder met pedofiele gedachten")
    assert ("audiences", "elderly") not in got


def test_dutch_and_english_word_are_one_concept(parse_q):
    _, q = parse_q("ziekenhuis hospital")
    assert len(q.concepts) == 1


def test_stopwords_are_not_concepts(parse_q):
    _, q = parse_q("de het een the of")
    assert q.concepts == []


def test_very_long_query_is_cut(parse_q):
    _, q = parse_q("kind " * 5000)
    assert q.notes
