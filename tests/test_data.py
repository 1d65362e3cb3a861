"""The bundled directory is true to its two sources: the guide and public-facts.toml."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from conftest import ROOT, SOURCE

FACTS = ROOT.parent / "shared" / "source" / "public-facts.toml"
REQUIRED_IDS = [
    "caw", "caw-slachtofferhulp", "jac", "vertrouwenscentrum-kindermishandeling", "igvm", "child-focus", "iter",
    "universitair-forensisch-centrum", "meerderjarige-plegers", "aditi", "stop-it-now", "tzitemzo", "sam",
    "lokale-politie", "parket", "justitiehuis", "noodnummer-112",
    "centra-geestelijke-gezondheidszorg", "vindeentherapeut", "het-punt", "moderator", "hulplijn-1712",
    "tele-onthaal", "lumi", "nu-praat-ik-erover", "tejo", "kind-en-gezin", "vaph", "rode-kruis-asielopvang",
    "clb", "onderwijskoepels", "onderwijsinspectie", "vlaamse-ombudsdienst", "sportieq", "de-ambrassade",
    # new since the public facts: the Flemish reporting point, the CLB chat, Child Focus's reporting point
    "vlaams-meldpunt-grensoverschrijdend-gedrag", "clbchat", "stopchildporno",
]
# The ten operating care centres (public-facts.toml: ten since 9 November 2023) and the city of each.
CARE_CENTRES = {"gent": "Gent", "brussel": "Brussel", "luik": "Liège", "antwerpen": "Edegem",
                "charleroi": "Charleroi", "roeselare": "Roeselare", "leuven": "Leuven", "genk": "Genk",
                "namen": "Namur", "aarlen": "Arlon"}
ANNOUNCED = ("jette", "ottignies", "doornik", "tournai")  # announced for 2026, not operating

needs_source = pytest.mark.skipif(not (SOURCE.exists() and FACTS.exists()),
                                  reason="the shared sources are not beside the project")


def source_text() -> str:
    return unicodedata.normalize("NFKC", SOURCE.read_text(encoding="utf-8"))


def digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def shown_texts(s) -> list[str]:
    """Every text a user can read about a service, in both languages."""
    texts = [s.name, s.summary.nl, s.summary.en, s.description.nl, s.description.en, s.how_to_reach.nl,
             s.how_to_reach.en]
    texts += [t for c in s.contacts for t in (c.value, c.note.nl, c.note.en)]
    return texts


def contact_values(s) -> list[str]:
    values = [c.value for c in s.contacts] + [v for v in (s.website, s.email) if v]
    return values + [loc.address for loc in s.locations if loc.address]


def test_every_required_service_is_there(catalog):
    missing = [i for i in REQUIRED_IDS if catalog.get(i) is None]
    assert missing == []


@needs_source
def test_every_contact_value_appears_exactly_in_a_source(catalog):
    """Phone numbers, addresses and URLs as the source writes them: the same characters, so the same digits."""
    text = SOURCE.read_text(encoding="utf-8") + FACTS.read_text(encoding="utf-8")
    wrong = [(s.id, v) for s in catalog for v in contact_values(s) if v not in text]
    assert wrong == []


@needs_source
def test_a_contact_is_written_as_the_source_it_cites_writes_it(catalog):
    """Character for character in its own source: the guide's "116 000" keeps its narrow no-break space."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib

    guide = SOURCE.read_text(encoding="utf-8")
    facts = tomllib.loads(FACTS.read_text(encoding="utf-8"))["fact"]
    by_url: dict[str, set[str]] = {}
    for fact in facts:
        by_url.setdefault(fact["url"], set()).add(str(fact["value"]))
    wrong = []
    for s in catalog:
        for c in s.contacts:
            cited = catalog.sources[c.source]
            written = guide if cited.kind == "guide" else " | ".join(by_url.get(cited.url, ()))
            if c.value not in written:
                wrong.append((s.id, c.value, c.source))
    assert wrong == []


@needs_source
def test_every_phone_number_of_the_guide_is_in_the_data(catalog):
    text = source_text()
    wanted = ["078/150.300", "0800/12 800", "116 000", "0800 200 50", "101", "112", "1712", "106", "02 551 13 50"]
    for number in wanted:
        assert number in text  # the list itself is read off the source
    ours = {digits(c.value) for s in catalog for c in s.contacts if c.channel == "phone"}
    assert {digits(n) for n in wanted} <= ours


@needs_source
def test_every_address_and_website_of_the_guide_is_in_the_data(catalog):
    text = source_text()
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    sites = {w.rstrip(".") for w in re.findall(r"\b(?:www\.)?[a-z0-9-]+\.(?:be)\b", text) if "@" not in w}
    sites = {w for w in sites if not any(w in e for e in emails)}
    ours = " ".join(v for s in catalog for v in contact_values(s))  # "ambrassade.be" in "https://ambrassade.be"
    assert [e for e in emails if e not in ours] == []
    assert [w for w in sites if w not in ours] == []


def test_every_contact_names_a_known_source(catalog):
    from refertool.sources import unknown_references

    assert catalog.sources, "data/sources.toml is missing or empty"
    assert unknown_references(catalog, catalog.sources) == []
    assert all(c.source in catalog.sources for s in catalog for c in s.contacts)


@needs_source
def test_every_source_is_used_dated_and_from_the_facts(catalog):
    from refertool.sources import UNDATED, as_of_date, relying_on

    facts = FACTS.read_text(encoding="utf-8")
    used = relying_on(catalog)
    for source in catalog.sources.values():
        assert used.get(source.id), f"{source.id} is relied on by no service"
        assert source.as_of == UNDATED or as_of_date(source.as_of), source.id
        if source.kind != "guide":
            assert source.url and source.url in facts, source.id


def test_nearly_every_service_has_a_direct_contact_and_the_rest_a_route(catalog):
    direct = [s for s in catalog if any(c.channel in ("phone", "website", "email", "chat") for c in s.contacts)]
    # 3 of 56 have no contact in any source (sportieq, the Sporttribunaal, the Mensenrechteninstituut): a route
    assert len(direct) / len(catalog) >= 0.94, sorted(set(catalog.services) - {s.id for s in direct})
    for s in catalog:
        if s not in direct:  # a route that names a number or a site, in both languages
            for route in (s.how_to_reach.nl, s.how_to_reach.en):
                assert re.search(r"\b\d{3,}\b|\b[a-z0-9-]+\.(?:be|vlaanderen|brussels)\b", route), (s.id, route)


def test_every_result_row_says_how_to_reach(catalog):
    from refertool.render.records import reach_line

    for s in catalog:
        for lang in ("nl", "en"):
            line = reach_line(s, lang)
            assert line and "geen contactgegevens" not in line and "no contact details" not in line, s.id


def area_stated(service_id: str, regions) -> str | None:
    """The region a `region` fact of public-facts.toml gives for a service (its longest name in the text:
    "West-Vlaanderen" is not Flanders), None when no fact gives one."""
    facts = tomllib.loads(FACTS.read_text(encoding="utf-8"))["fact"]
    texts = [f["value"].casefold() for f in facts if f["service"] == service_id and f["field"] == "region"]
    named = [(len(name), a.id) for a in regions.areas.values()
             for name in (*a.synonyms, a.nl.casefold(), a.en.casefold()) for text in texts
             if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]
    return max(named)[1] if named else None


@needs_source
def test_the_ten_operating_care_centres(catalog):
    # A centre takes in any victim (the guide), but its area is the one its facts give, else all of Belgium.
    centres = {s.id.removeprefix("zorgcentrum-seksueel-geweld-"): s for s in catalog
               if s.id.startswith("zorgcentrum-seksueel-geweld-")}
    assert set(centres) == set(CARE_CENTRES)
    assert len({s.emergency for s in centres.values()}) == 1  # one line in the emergency view
    for key, s in centres.items():
        assert s.regions == (area_stated(s.id, catalog.regions) or "belgium",), s.id
        assert [loc.city for loc in s.locations] == [CARE_CENTRES[key]], s.id
        assert all(loc.region in catalog.regions.areas for loc in s.locations)
        assert re.search(r"zorgcentr|sexual assault (care )?cent|ZSG", s.name, re.I), s.name
        assert s.free and "2026" in s.description.nl and "2026" in s.description.en
        # the guide's "only three for now" is superseded and must not be shown
        assert "voorlopig" not in s.description.nl and "for now" not in s.description.en


def test_no_announced_care_centre_is_shown_as_operating(catalog):
    for s in catalog:
        where = " ".join([s.id, s.name, *(f"{loc.name} {loc.city}" for loc in s.locations)]).lower()
        assert not any(place in where for place in ANNOUNCED), s.id


def test_superseded_number_is_not_shown(catalog):
    for s in catalog:
        assert not any("080024050" in digits(t) for t in shown_texts(s)), s.id
    assert any(c.value == "1700" for c in catalog.get("vlaamse-ombudsdienst").contacts)


def test_provisional_statements_carry_their_date(catalog):
    """What a source says "for now" is shown with the source's date, never as a timeless fact."""
    provisional = re.compile(r"\b(voorlopig|voortaan|for now|from now on)\b", re.I)
    dated = re.compile(r"\b(19|20)\d\d\b|datum onbekend|undated")
    for s in catalog:
        for text in shown_texts(s):
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if provisional.search(sentence):
                    assert dated.search(sentence), (s.id, sentence)


def _sentences(text: str, marks: str = ".!?;:") -> list[list[str]]:
    return [re.findall(r"\w+", part.lower()) for part in re.split(rf"[{re.escape(marks)}\n•]", text)]


def _runs(words: list[str], n: int = 6) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def copied_runs(catalog) -> list[tuple[str, str]]:
    """Six-word runs shared with the guide inside one sentence, organisation names excepted."""
    guide = set().union(*(_runs(words) for words in _sentences(source_text())))
    names = [" ".join(re.findall(r"\w+", n.lower())) for s in catalog for n in (s.name, s.organisation) if n]
    names.append("instituut voor de gelijkheid van vrouwen en mannen")
    found = []
    for s in catalog:
        for text in shown_texts(s):
            for words in _sentences(unicodedata.normalize("NFKC", text)):
                for run in _runs(words) & guide:
                    if not any(" ".join(run) in name for name in names):
                        found.append((s.id, " ".join(run)))
    return found


@needs_source
def test_at_most_two_six_word_runs_copied_from_the_guide(catalog):
    assert len(copied_runs(catalog)) <= 2, copied_runs(catalog)


# The values of facts are facts, not sentences: numbers, hours and addresses (runs with a digit), and names
# (of services, organisations, places) carry over. Connecting words may join names ("Sint Lucia of FIDES R").
VALUE_FIELDS = {"phone", "email", "website", "chat", "address"}
NAME_LINKS = {"en", "and", "of", "or", "van", "de", "des", "het", "the", "s"}
NAMES = ("agentschap justitie en handhaving", "vlaams mensenrechteninstituut", "procureur des konings",
         "parketten van de procureur", "vlaams sporttribunaal")


def fact_texts() -> list[str]:
    """The sentences of public-facts.toml: every statement (value, caveat, conflict), not its phone numbers,
    addresses or URLs."""
    facts = tomllib.loads(FACTS.read_text(encoding="utf-8"))["fact"]
    return [t for f in facts for t in ((str(f["value"]) if f["field"] not in VALUE_FIELDS else ""),
                                       f.get("caveat", ""), f.get("conflict", "")) if t]


def copied_fact_runs(catalog) -> list[tuple[str, str]]:
    """Six-word runs a user reads that a fact's text has in one sentence, values and names excepted."""
    # a colon or semicolon does not end a copied sentence ("mainly for citizens: professionals are referred")
    facts = set().union(*(_runs(words) for text in fact_texts() for words in _sentences(text, ".!?")))
    name_words = {w for s in catalog for n in (s.name, s.organisation) for w in re.findall(r"\w+", n.lower())}
    name_words |= {w for a in catalog.regions.areas.values() for n in (a.nl, a.en, *a.municipalities)
                   for w in re.findall(r"\w+", n.lower())}
    name_words |= {w for n in NAMES for w in n.split()}
    found = []
    for s in catalog:
        for text in shown_texts(s):
            for words in _sentences(unicodedata.normalize("NFKC", text), ".!?"):
                for run in _runs(words) & facts:
                    # a number carries over as a value, the words around it do not ("24 hours a day, 7 days")
                    if all(w in name_words or w in NAME_LINKS or any(ch.isdigit() for ch in w) for w in run):
                        continue
                    found.append((s.id, " ".join(run)))
    return found


@needs_source
def test_no_six_word_run_copied_from_the_facts(catalog):
    """Own words (issue 18): the audit of 2026-12-02 found 91 runs shared with the facts' notes."""
    assert copied_fact_runs(catalog) == []


@needs_source
def test_the_fact_runs_check_finds_a_copied_sentence(catalog):
    copied = fact_texts()[0] if len(fact_texts()[0].split()) >= 6 else next(t for t in fact_texts()
                                                                              if len(t.split()) >= 8)
    s = catalog.get("awel")
    fake = type(catalog)({"awel": s._replace(summary=s.summary._replace(en=copied))}, catalog.vocabulary,
                         catalog.regions)
    assert copied_fact_runs(fake)


@needs_source
def test_the_fact_runs_check_finds_a_copy_with_a_number_or_a_colon(catalog):
    """A number in a copied run, or a colon or semicolon inside it, does not hide the copy."""
    def words(t: str) -> list[str]:
        return re.findall(r"\w+", t)

    text = next(t for t in fact_texts() if len(words(t)) >= 8 and re.search(r"\b\d+\b", t) and "." not in t)
    w = words(text)
    at = max(0, min(next(i for i, x in enumerate(w) if x.isdigit()) - 2, len(w) - 6))
    with_number = " ".join(w[at:at + 6])  # the one run there is holds the number
    s = catalog.get("awel")
    for text in (with_number, with_number.replace(" ", ": "), with_number.replace(" ", "; ")):
        fake = type(catalog)({"awel": s._replace(summary=s.summary._replace(en=text))}, catalog.vocabulary,
                             catalog.regions)
        assert copied_fact_runs(fake), text


# What the sources do or do not contain is for maintainers (provenance, [source] notes), not for the caller.
ABOUT_THE_SOURCES = re.compile(r"\b(?:niet bekend|onbekend is|not known|is known|een bron|a source|the source)\b", re.I)


def test_no_remark_about_the_sources_in_what_a_user_reads(catalog):
    found = [(s.id, t) for s in catalog for t in shown_texts(s) if ABOUT_THE_SOURCES.search(t)]
    assert found == []


def test_no_personal_names(catalog):
    # the guide names one contact person, the public pages name ministers and a victim; a directory names none
    people = ("Cools", "Hans ", "Crevits", "Rousseau", "Lemmens", "Rapol", "Van Espen", "De Croo", "Schlitz", "Leroy")
    blobs = [" ".join(shown_texts(s)) for s in catalog]
    blobs += [f"{src.title} {src.publisher}" for src in catalog.sources.values()]
    assert [(name, b[:40]) for b in blobs for name in people if name in b] == []


def test_audit_corrections(catalog):
    get = catalog.get
    stop = get("stop-it-now")
    assert stop.audiences == () and stop.age_min is None and stop.age_max is None  # no source gives an age
    assert get("child-focus").anonymous is not True and get("stopchildporno").anonymous is True
    for sid in ("noodnummer-112", "lokale-politie"):  # no source says 112 or 101 is always open
        assert not get(sid).always_reachable, sid
    clb = get("clb")  # for pupils; their parents and school staff come to it about a pupil (roles)
    assert clb.audiences == ("minors",) and {"bystander", "professional"} <= set(clb.roles)
    assert "professional" not in get("hulplijn-1712").roles  # 1712 refers professionals on
    police = get("lokale-politie")
    assert "slachtofferonthaal" in police.description.nl and "eerste bijstand" in police.description.nl
    assert "slachtofferbejegening" not in police.description.nl and "eerste hulp" not in police.description.nl
    assert "until the sentence is carried out" in police.description.en
    overstatements = {"jac": ["elke vraag", "any question"], "tzitemzo": ["mag of moet", "may or must"],
                      "caw": ["langere begeleiding", "longer guidance"], "child-focus": ["direct lines"],
                      "vindeentherapeut": ["bij de persoon en de vraag", "the person and the question"],
                      "sportieq": ["clubs en federaties", "clubs and federations"],
                      "nu-praat-ik-erover": ["sexually assaulted", "seksueel misbruikt"]}
    for sid, phrases in overstatements.items():
        blob = " ".join(shown_texts(get(sid)))
        assert not [p for p in phrases if p in blob], sid
    for s in catalog:
        if s.id.startswith("zorgcentrum-seksueel-geweld-"):  # no source makes them a reporting point
            assert "reporting" not in s.topics
            assert not {"sporenonderzoek", "forensic examination", "evidence"} & set(s.keywords), s.id


def test_every_service_has_both_languages_and_a_region(catalog):
    for s in catalog:
        assert s.summary.nl and s.summary.en, s.id
        # an area only where a source gives it: none listed is said in the record's notes for maintainers
        assert s.regions or "no source states it" in s.source_notes.en, s.id
        assert s.summary.nl != s.summary.en, s.id


def test_emergency_order(catalog):
    ranked = sorted((s for s in catalog if s.emergency), key=lambda s: s.emergency)
    first = [s.contacts[0].value for s in ranked if s.contacts and s.contacts[0].channel == "phone"]
    assert first[:5] == ["112", "101", "116\u202f000", "1712", "106"]


def test_every_record_says_where_its_facts_come_from(catalog):
    for s in catalog:
        assert s.sources, s.id
        if s.source_document:  # a record drawn from the guide says where in it, and lists it
            assert s.source_section and "guide" in s.sources, s.id
