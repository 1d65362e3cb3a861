"""refer handout: which helplines a poster shows, and what the HTML and PDF say (no browser needed here;
tests/test_handout_print.py prints them as people do)."""

from __future__ import annotations

import re
import sys

import pytest

from conftest import FIXTURES, ROOT, many_helplines
from refertool.catalog import load_catalog
from refertool.helplines import helplines
from refertool.render.handout import poster, write_html
from refertool.render.handout_pdf import write_pdf

HANDOUT = FIXTURES / "handout"


@pytest.fixture(scope="module")
def own():
    return load_catalog([HANDOUT], bundled=False, cache=False)


def ids(services):
    return [s.id for s in services]


def test_helplines_are_chosen_from_the_data(own):
    # emergency order first, then by name; adults-only, 18+, perpetrators-only, a line for perpetrators and
    # their relatives (bystanders, but not of the person it happened to), an organisation and a helpline
    # without any address are left out
    assert ids(helplines(own, "minors")) == ["grote-lijn", "hulplijn-markup", "gentse-lijn", "jongerenchat"]
    assert ids(helplines(own, "adults")) == ["grote-lijn", "jongerenchat", "volwassen-leeftijd", "volwassenenlijn"]


def test_a_region_keeps_only_what_serves_all_of_it(own):
    assert "gentse-lijn" not in ids(helplines(own, "minors", "flanders"))
    assert "gentse-lijn" in ids(helplines(own, "minors", "oost-vlaanderen"))
    assert ids(helplines(own, "minors", "brussels")) == ["grote-lijn", "jongerenchat"]


def test_bundled_minors_poster_has_the_youth_lines(catalog):
    chosen = helplines(catalog, "minors")
    assert {"child-focus", "nu-praat-ik-erover", "awel", "clbchat", "jac"} <= set(ids(chosen))
    assert "clb" not in ids(chosen)  # for pupils too, but on the poster through its own line, CLBch@t
    # open to all: what one phones, chats with or walks into; an organisation only when it names minors
    assert all(s.kind in ("emergency-number", "helpline", "chat", "hospital-service") or "minors" in s.audiences
               for s in chosen)
    assert all(not s.audiences or "minors" in s.audiences for s in chosen)
    # a line for people worried about their own feelings towards children is not for minors seeking help
    assert all(not s.roles or "victim" in s.roles for s in chosen) and "stop-it-now" not in ids(chosen)


def make(catalog, audience="minors", region=None, lang="en", size="a4"):
    services = helplines(catalog, audience, region)
    return services, poster(services, catalog.vocabulary, catalog.regions, catalog.sources, audience, region, lang,
                            size)


def test_html_shows_markup_from_a_users_directory_as_text(own):
    _, p = make(own)
    page = write_html(p, "a4")
    assert "<script" not in page and "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Hulp &amp; &lt;b&gt;Lijn&lt;/b&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Call &lt;i&gt;free&lt;/i&gt; &amp; anonymously." in page
    # the chat address: the link and the text both escaped, the ampersand included
    assert 'href="https://example.org/chat?a=1&amp;b=%3Cscript%3E"' in page
    assert ">example.org</a>" in page  # the short form is shown; the link and the code hold the whole address


def test_html_is_self_contained(catalog):
    _, p = make(catalog)
    page = write_html(p, "a4")
    for fetches in ("src=", "<link", "url(", "@import", "<script", "<iframe", "<object"):
        assert fetches not in page
    assert "@page { size: A4" in page and page.count("<svg") >= 1


def test_every_address_gets_a_qr_code_and_every_number_is_shown(own):
    services, p = make(own)
    page = write_html(p, "a4")
    phones = [c.value for s in services for c in s.contacts if c.channel == "phone"]
    addresses = {c.value for s in services for c in s.contacts if c.channel in ("chat", "website")}
    for number in phones:
        assert f'<span class="number">{number}</span>' in page
    assert page.count("<svg") == len(addresses) == 2
    assert "mo,tu,we,th,fr 09:00-17:00" in page  # hours travel with their number


def test_flags_only_where_the_data_says_so(own):
    _, p = make(own)
    flags = {line.name: line.flags for line in p.lines}
    assert flags["Grote lijn"] == ()
    assert flags["Jongerenchat"] == ("anonymous",)
    assert set(flags["Gentse lijn"]) == set()
    assert "free" in flags["<script>alert('x')</script> Hulp & <b>Lijn</b>"]


def test_both_languages_and_the_date_of_the_data(own):
    _, nl = make(own, lang="nl")
    _, en = make(own, lang="en")
    assert nl.title != en.title and "minderjarigen" in nl.subtitle and "minors" in en.subtitle
    assert "Luistert naar jongeren" in write_html(nl, "a4") and "Listens to young people" in write_html(en, "a4")
    # the fixture's records were checked on two dates: the footer gives both ends
    assert "1 oktober 2026" in nl.footer and "20 november 2026" in nl.footer
    assert "Data checked between 1 October 2026 and 20 November 2026" in en.footer
    # the footer points to where the sources are listed, and names none itself (no "undated" per line)
    assert "refer sources" in en.footer and "refer sources" in nl.footer
    assert "testlijn.be" not in en.footer + nl.footer
    _, one = make(own, region="brussels")
    assert "Data checked on 20 November 2026" in one.footer and "Brussels" in one.subtitle


def test_cards_repeat_the_poster_four_times(own):
    _, p = make(own)
    assert write_html(p, "a6").count('<section class="poster">') == 4
    assert write_html(p, "a4").count('<section class="poster">') == 1


def test_pdf_is_a_pdf_with_the_font_embedded(own):
    _, p = make(own)
    data = write_pdf(p, "a4")
    assert data.startswith(b"%PDF-") and b"DejaVu" in data


def test_cli_writes_html_and_pdf(cli, tmp_path):
    html, pdf = tmp_path / "poster.html", tmp_path / "cards.pdf"
    r = cli("--no-bundled", "--data-dir", str(HANDOUT), "handout", "--audience", "minors", "-o", str(html))
    assert r.code == 0 and "4" in r.err and html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    r = cli("--no-bundled", "--data-dir", str(HANDOUT), "handout", "--audience", "minors", "--size", "a6",
            "--lang", "nl", "-o", str(pdf))
    assert r.code == 0 and pdf.read_bytes().startswith(b"%PDF-")
    other = tmp_path / "poster.out"
    r = cli("handout", "--audience", "minors", "-f", "html", "-o", str(other))
    assert r.code == 0 and other.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_region_by_municipality(cli, tmp_path):
    out = tmp_path / "p.html"
    r = cli("--no-bundled", "--data-dir", str(HANDOUT), "handout", "--audience", "minors", "--region", "Gent",
            "-o", str(out))
    assert r.code == 0 and "Gentse lijn" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, code, message", [
    (["--audience", "minors", "-o", "poster.txt"], 2, "-f html|pdf"),
    (["--audience", "minrs", "-o", "p.html"], 2, "did you mean"),
    (["--audience", "minors", "--region", "Atlantis", "-o", "p.html"], 2, "unknown region"),
    (["--audience", "minors", "--lang", "fr", "-o", "p.html"], 2, "nl or en"),
])
def test_cli_bad_input_is_a_sentence(cli, tmp_path, monkeypatch, args, code, message):
    monkeypatch.chdir(tmp_path)
    r = cli("--no-bundled", "--data-dir", str(HANDOUT), "handout", *args)
    assert r.code == code and message.lower() in r.err.lower() and "Traceback" not in r.err
    assert not (tmp_path / "p.html").exists()


def test_cli_nothing_fits_exits_1(cli, tmp_path):
    own = tmp_path / "data"
    own.mkdir()
    (own / "volwassenenlijn.toml").write_text((HANDOUT / "services" / "volwassenenlijn.toml").read_text())
    r = cli("--no-bundled", "--data-dir", str(own), "handout", "--audience", "minors", "-o", str(tmp_path / "p.html"))
    assert r.code == 1 and "No helpline in the data fits" in r.err and not (tmp_path / "p.html").exists()


def test_cli_unwritable_output(cli, tmp_path):
    r = cli("handout", "--audience", "minors", "-o", str(tmp_path / "missing" / "p.html"))
    assert r.code == 2 and "cannot write" in r.err


def test_pdf_without_the_extra_says_how_to_get_it(cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "fpdf", None)  # as if fpdf2 were not installed
    r = cli("handout", "--audience", "minors", "-o", str(tmp_path / "p.pdf"))
    assert r.code == 2 and "pip install 'refertool[pdf]'" in r.err


def test_readme_handout_examples_run(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    readme = "\n".join((ROOT / name).read_text(encoding="utf-8") for name in ("README.md", "docs/posters.md"))
    examples = sorted(set(re.findall(r"^refer (handout .+)$", readme, re.M)))
    assert len(examples) >= 4
    for line in examples:
        words = line.split()
        r = cli(*words)
        assert r.code == 0, (line, r.err)
        assert (tmp_path / words[words.index("-o") + 1]).stat().st_size > 1000


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_too_many_lines_for_one_page_is_an_error_not_a_cut(cli, tmp_path, fmt):
    data = many_helplines(tmp_path / "data", 60)
    out = tmp_path / f"p.{fmt}"
    r = cli("--no-bundled", "--data-dir", str(data), "handout", "--audience", "minors", "-o", str(out))
    assert r.code == 2 and "60 helplines do not fit one page" in r.err and not out.exists()


def printed_sizes(page):
    """The phone numbers' type (pt) and the QR codes' side (mm) the page's CSS sets."""
    number = float(re.search(r"\.number \{[^}]*font-size: ([\d.]+)pt", page).group(1))
    qr = float(re.search(r"\.address svg \{ width: ([\d.]+)mm", page).group(1))
    return number, qr


@pytest.mark.parametrize("size", ["a4", "a6"])
@pytest.mark.parametrize("count", [1, 12])
def test_numbers_and_codes_never_below_their_minimums(tmp_path, size, count):
    services, p = make(load_catalog([many_helplines(tmp_path / "data", count)], bundled=False, cache=False),
                       size=size)
    number, qr = printed_sizes(write_html(p, size))
    # the addresses here make version 2 codes: 25 modules and a quiet zone of 4 each side, 0.45 mm a module
    assert number >= 14 and qr >= 33 * 0.45 - 0.01
    if count == 1:  # one line: the largest type and codes (1.2 times the base), well above the minimums
        assert number >= 20 and qr >= 18


def test_a_card_too_small_for_every_line_says_so(tmp_path, cli):
    data = many_helplines(tmp_path / "data", 12)
    services, p = make(load_catalog([data], bundled=False, cache=False), size="a6")
    _, poster_ = make(load_catalog([data], bundled=False, cache=False), size="a4")
    shown = len(p.lines)
    # the first lines in the poster's order, whole; the others named, and the card says how many more
    assert 3 <= shown < 12 and p.lines == tuple(line._replace(summary="") for line in poster_.lines[:shown])
    assert p.left_off == tuple(line.name for line in poster_.lines[shown:])
    assert write_html(p, "a6").count(f"More helplines ({12 - shown}) on the A4 poster.") == 4
    r = cli("--no-bundled", "--data-dir", str(data), "handout", "--audience", "minors", "--size", "a6",
            "-o", str(tmp_path / "cards.html"))
    assert r.code == 0 and f"The cards hold {shown} of the 12 helplines" in r.err
    assert poster_.lines[-1].name in r.err and "--size a4" in r.err
    assert poster_.left_off == () and not poster_.more  # the poster keeps every line


# ---------------------------------------------------------------- one poster per audience (issue 18)
def test_each_audience_has_its_own_poster(catalog):
    """Chosen by search's audience and age rules: every audience of the vocabulary a different set, the
    emergency numbers on each, and the lines that name an audience only on its poster."""
    chosen = {a: ids(helplines(catalog, a)) for a in catalog.vocabulary.values("audiences")}
    assert len({frozenset(v) for v in chosen.values()}) == len(chosen), chosen
    for audience, found in chosen.items():
        p = poster(helplines(catalog, audience), catalog.vocabulary, catalog.regions, catalog.sources, audience,
                   None, "en")
        assert [r.text for r in p.strip] == ["112", "101"], audience
        assert not {"noodnummer-112", "lokale-politie"} - set(found)
    assert "awel" in chosen["minors"] and "aditi" in chosen["people-with-disabilities"]
    assert "vaph" in chosen["people-with-disabilities"] and "vaph" not in chosen["elderly"]
    assert {a for a, found in chosen.items() if "clbchat" in found} <= {"minors", "young-adults"}
    assert {"caw", "caw-slachtofferhulp", "nu-praat-ik-erover", "hulplijn-1712", "tele-onthaal"} <= set(
        chosen["adults"])
    assert any(sid.startswith("zorgcentrum-seksueel-geweld-") for sid in chosen["adults"])
    assert "stop-it-now" not in {sid for found in chosen.values() for sid in found}


def test_care_centres_are_one_line_and_the_strip_is_not_repeated(catalog):
    p = poster(helplines(catalog, "adults"), catalog.vocabulary, catalog.regions, catalog.sources, "adults",
               None, "en")
    names = [line.name for line in p.lines]
    assert names.count("Zorgcentrum na Seksueel Geweld") == 1
    centres = next(line for line in p.lines if line.name == "Zorgcentrum na Seksueel Geweld")
    assert not centres.phones and {a.text for a in centres.addresses} == {"zsg.belgium.be", "sac.belgium.be"}
    assert not {"112", "101"} & {r.text for line in p.lines for r in line.phones}


def test_web_addresses_are_short_and_codes_hold_them_whole(catalog):
    from refertool.render.handout import short_address

    assert short_address("https://www.uza.be/zorgcentrum-na-seksueel-geweld") == "uza.be"
    assert short_address("www.1712.be") == "1712.be" and short_address("not a url") == "not a url"
    p = poster(helplines(catalog, "adults"), catalog.vocabulary, catalog.regions, catalog.sources, "adults",
               None, "en")
    page = write_html(p, "a4")
    assert "overflow-wrap: anywhere" not in page and "white-space: nowrap" in page
    for a in (a for line in p.lines for a in line.addresses if a.url):
        assert "/" not in a.text and a.url.startswith("https://")
        assert f'href="{a.url}"' in page.replace("&amp;", "&")


def test_footer_says_checked_on_and_where_the_sources_are(catalog):
    for lang, words in (("en", "Data checked"), ("nl", "Gegevens nagekeken")):
        p = poster(helplines(catalog, "minors"), catalog.vocabulary, catalog.regions, catalog.sources, "minors",
                   None, lang)
        assert p.footer.startswith(words) and "refer sources" in p.footer
        assert "undated" not in p.footer and "datum onbekend" not in p.footer


@pytest.mark.parametrize("given, expected", [("minors", "minors"), ("Minors", "minors"),
                                             ("minderjarigen", "minors"), ("MINDERJARIGEN", "minors"),
                                             ("Personen met een beperking", "people-with-disabilities"),
                                             (" older people ", "elderly")])
def test_an_audience_by_id_or_label_in_any_case(catalog, given, expected):
    from refertool.validate import facet_value

    assert facet_value(catalog.vocabulary, "audiences", given) == expected


def test_an_unknown_audience_lists_the_valid_ones(catalog):
    from refertool.errors import UsageError
    from refertool.validate import facet_value

    with pytest.raises(UsageError) as raised:
        facet_value(catalog.vocabulary, "audiences", "minrs")
    message = str(raised.value)
    assert "Did you mean 'minors'?" in message
    assert all(v in message for v in ("minors (Minderjarigen, Minors)", "people-with-disabilities", "elderly"))
