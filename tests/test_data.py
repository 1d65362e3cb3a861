"""The bundled directory is true to the source document."""

from __future__ import annotations

import re
import unicodedata

import pytest

from conftest import SOURCE

REQUIRED_IDS = [
    "caw", "caw-slachtofferhulp", "jac", "vertrouwenscentrum-kindermishandeling", "igvm", "child-focus", "iter",
    "universitair-forensisch-centrum", "meerderjarige-plegers", "aditi", "stop-it-now", "tzitemzo", "sam",
    "lokale-politie", "parket", "justitiehuis", "zorgcentrum-seksueel-geweld-gent",
    "zorgcentrum-seksueel-geweld-brussel", "zorgcentrum-seksueel-geweld-luik", "noodnummer-112",
    "centra-geestelijke-gezondheidszorg", "vindeentherapeut", "het-punt", "moderator", "hulplijn-1712",
    "tele-onthaal", "lumi", "nu-praat-ik-erover", "tejo", "kind-en-gezin", "vaph", "rode-kruis-asielopvang",
    "clb", "onderwijskoepels", "onderwijsinspectie", "vlaamse-ombudsdienst", "sportieq", "de-ambrassade",
]

needs_source = pytest.mark.skipif(not SOURCE.exists(), reason="the shared source document is not beside the project")


def source_text() -> str:
    return unicodedata.normalize("NFKC", SOURCE.read_text(encoding="utf-8"))


def digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def test_every_required_service_is_there(catalog):
    assert len(catalog) >= 35
    missing = [i for i in REQUIRED_IDS if catalog.get(i) is None]
    assert missing == []


@needs_source
def test_every_phone_number_comes_from_the_source(catalog):
    text = source_text()
    source_numbers = {digits(m) for m in re.findall(r"\b\d[\d /.]{1,14}\d\b|\b1\d\d\b", text)}
    for s in catalog:
        for c in s.contacts:
            if c.channel == "phone":
                assert digits(c.value) in source_numbers, f"{s.id}: {c.value} is not in the source"


@needs_source
def test_every_phone_number_of_the_source_is_in_the_data(catalog):
    text = source_text()
    wanted = ["078/150.300", "0800/12 800", "116 000", "0800 200 50", "101", "112", "1712", "106", "02 551 13 50"]
    for number in wanted:
        assert number in text  # the list itself is read off the source
    ours = {digits(c.value) for s in catalog for c in s.contacts if c.channel == "phone"}
    assert {digits(n) for n in wanted} <= ours


@needs_source
def test_every_address_and_website_comes_from_the_source_and_back(catalog):
    text = source_text()
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    sites = {w.rstrip(".") for w in re.findall(r"\b(?:www\.)?[a-z0-9-]+\.(?:be)\b", text) if "@" not in w}
    sites = {w for w in sites if not any(w in e for e in emails)}
    ours_mail = {c.value for s in catalog for c in s.contacts if c.channel == "email"} | {
        s.email for s in catalog if s.email}
    ours_web = {c.value for s in catalog for c in s.contacts if c.channel == "website"} | {
        s.website for s in catalog if s.website}
    assert ours_mail == emails
    assert ours_web <= sites and sites <= ours_web


def test_no_personal_names(catalog):
    # The source names one contact person; a directory of services names none.
    for s in catalog:
        blob = " ".join([s.name, s.summary.nl, s.summary.en, s.description.nl, s.description.en])
        assert "Cools" not in blob and "Hans" not in blob


@needs_source
def test_descriptions_are_our_own_words(catalog):
    """No sentence of eight or more words is copied from the source."""
    source_words = re.findall(r"\w+", source_text().lower())
    shingles = {tuple(source_words[i:i + 8]) for i in range(len(source_words) - 7)}
    for s in catalog:
        for text in (s.summary.nl, s.description.nl, s.how_to_reach.nl):
            words = re.findall(r"\w+", text.lower())
            copied = [" ".join(w) for w in (tuple(words[i:i + 8]) for i in range(len(words) - 7)) if w in shingles]
            assert not copied, f"{s.id} copies the source: {copied[0]}"


def test_every_service_has_both_languages_and_a_region(catalog):
    for s in catalog:
        assert s.summary.nl and s.summary.en and s.regions, s.id
        assert s.summary.nl != s.summary.en, s.id


def test_emergency_order(catalog):
    ranked = sorted((s for s in catalog if s.emergency), key=lambda s: s.emergency)
    numbers = [c.value for s in ranked for c in s.contacts if c.channel == "phone"]
    assert numbers[:5] == ["112", "101", "116 000", "1712", "106"]


def test_every_record_says_where_its_facts_come_from(catalog):
    for s in catalog:
        assert s.source_document == "Vraag advies bij externe diensten", s.id
        assert s.source_section, s.id
