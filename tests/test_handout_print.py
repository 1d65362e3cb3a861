"""The handout as people use it: the HTML in headless Chromium, the PDF through poppler, every QR code
decoded by zbar. Needs Debian's chromium, poppler-utils and zbar-tools (.ci/run installs them); without
them these tests skip on a developer's machine and fail in CI."""

from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image

from conftest import FIXTURES, many_helplines
from refertool.catalog import load_catalog
from refertool.helplines import helplines
from refertool.render.handout import poster, write_html
from refertool.render.handout_pdf import write_pdf

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
A4_POINTS = (595.28, 841.89)
ZBAR = "{http://zbar.sourceforge.net/2008/barcode}"  # the namespace of zbarimg's XML


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed (Debian: chromium, poppler-utils, zbar-tools)"
        if IN_CI:
            pytest.fail(message + "; in CI it must be")
        pytest.skip(message)
    return found


def test_a_missing_tool_fails_in_ci(monkeypatch):
    monkeypatch.setattr(__import__(__name__), "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="in CI it must be"):
        tool("no-such-tool-for-refer")


def run(*args: str | Path, timeout: int = 120) -> str:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args[0]} failed: {done.stderr[-2000:]}"
    return done.stdout


class Chromium:
    """One headless Chromium for the whole run, driven over its DevTools pipe (fds 3 and 4, no socket): each
    page opens in a fresh tab, as a person's browser would, with no profile, network service or first-run
    noise. Starting the browser once instead of once a page saves a second or so a page."""

    def __init__(self, profile: Path):
        theirs_in, ours_out = os.pipe()  # we write commands, Chromium reads them on fd 3
        ours_in, theirs_out = os.pipe()  # Chromium writes answers and events on fd 4

        def on_3_and_4() -> None:  # dup first: a pipe end may already be fd 3 or 4
            read, write = os.dup(theirs_in), os.dup(theirs_out)
            os.dup2(read, 3)
            os.dup2(write, 4)

        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage",  # containers often have a small /dev/shm
                 f"--user-data-dir={profile}", "--hide-scrollbars", "--remote-debugging-pipe"]
        self.process = subprocess.Popen([tool("chromium"), *flags, "about:blank"], preexec_fn=on_3_and_4,
                                        close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(theirs_in)
        os.close(theirs_out)
        self.send, self.receive = ours_out, ours_in
        self.count, self.buffer, self.events = 0, b"", []

    def __call__(self, html: Path, work: Path, *, screenshot: bool) -> Path:
        """The page as a screenshot (PNG) or printed (PDF) into `work`."""
        out = work / ("shot.png" if screenshot else "printed.pdf")
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        tab = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", tab)
        if screenshot:  # an A4 page at 96 CSS pixels an inch, drawn at twice that so QR modules are sharp
            self.call("Emulation.setDeviceMetricsOverride", tab, width=794, height=1123, deviceScaleFactor=2,
                      mobile=False)
        self.call("Page.navigate", tab, url=html.as_uri())
        self.event("Page.loadEventFired", tab)
        self.call("Runtime.evaluate", tab, expression="document.fonts.ready.then(() => true)", awaitPromise=True)
        if screenshot:
            made = self.call("Page.captureScreenshot", tab, format="png")
        else:  # as --print-to-pdf --no-pdf-header-footer does
            made = self.call("Page.printToPDF", tab, printBackground=True, preferCSSPageSize=True,
                             displayHeaderFooter=False)
        self.call("Target.closeTarget", targetId=target)
        out.write_bytes(base64.b64decode(made["data"]))
        assert out.is_file() and out.stat().st_size > 0
        return out

    def call(self, method: str, tab: str | None = None, **params) -> dict:
        self.count += 1
        message = {"id": self.count, "method": method, "params": params, **({"sessionId": tab} if tab else {})}
        os.write(self.send, json.dumps(message).encode() + b"\0")
        while (answer := self.message()).get("id") != self.count:
            self.events.append(answer)  # an event that came first
        assert "error" not in answer, f"chromium: {method} failed: {answer['error']}"
        return answer["result"]

    def event(self, method: str, tab: str) -> None:
        while True:
            found = next((e for e in self.events if e.get("method") == method and e.get("sessionId") == tab), None)
            if found is not None:
                self.events.remove(found)
                return
            self.events.append(self.message())

    def message(self) -> dict:
        while b"\0" not in self.buffer:
            ready, _, _ = select.select([self.receive], [], [], 120)
            assert ready, "chromium did not answer in 120 s"
            chunk = os.read(self.receive, 1 << 20)
            assert chunk, "chromium closed its pipe"
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)

    def close(self) -> None:
        try:
            self.call("Browser.close")
        finally:
            os.close(self.send)
            os.close(self.receive)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """The browser of every test here (each xdist worker has its own, with its own profile)."""
    browser = Chromium(tmp_path_factory.mktemp("chromium") / "profile")
    yield browser
    browser.close()


def pages(pdf: Path) -> tuple[int, tuple[float, float]]:
    info = run(tool("pdfinfo"), pdf)
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    w, h = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M).groups()  # type: ignore[union-attr]
    return count, (float(w), float(h))


def assert_one_a4_page(pdf: Path) -> None:
    count, size = pages(pdf)
    assert count == 1
    assert size == pytest.approx(A4_POINTS, abs=1.5)


def assert_printed(pdf: Path, p, copies: int = 1) -> str:
    """One A4 page on which every phone number of the poster (its emergency band and its lines) stands
    exactly as in the data, and no maintainer's note; its text."""
    assert_one_a4_page(pdf)
    text = pdf_text(pdf)
    for number in shown_numbers(p):
        assert number_lines(text, number) == copies, number
    assert not re.search(r"undated|datum onbekend|older version|inferred|not found|check that it is", text, re.I)
    return text


def decode(image: Path) -> list[str]:
    """Every QR code zbar finds in an image."""
    return decode_each([image])[0]


def decode_each(images: list[Path]) -> list[list[str]]:
    """Every QR code zbar finds in each image, image by image, read by one zbarimg (one start, not one an image):
    its XML names the image each code was found in."""
    done = subprocess.run([tool("zbarimg"), "--quiet", "--xml", "-Sdisable", "-Sqrcode.enable", *map(str, images)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 4), done.stderr  # 4: no code found
    found: dict[str, list[str]] = {str(image): [] for image in images}
    for source in ElementTree.fromstring(done.stdout).iter(f"{ZBAR}source"):
        for data in source.iter(f"{ZBAR}data"):
            assert data.get("format") != "base64", "a code holds binary data"
            found[source.get("href", "")].append(data.text or "")
    assert len(found) == len(images), found  # every image named once
    return [sorted(found[str(image)]) for image in images]


def shown_numbers(p) -> list[str]:
    return [r.text for r in p.strip] + [r.text for line in p.lines for r in line.phones]


def shown_addresses(p) -> list:
    """The web addresses with a code: each as printed (its short form) and the whole address its code holds."""
    return [a for line in p.lines for a in line.addresses if a.url]


def codes(p, copies: int = 1) -> list[str]:
    return sorted(a.url for a in shown_addresses(p) * copies)


def pdf_text(pdf: Path) -> str:
    """The text in the order it was drawn (-raw): columns side by side are not merged into one line."""
    return run(tool("pdftotext"), "-raw", pdf, "-")


def number_lines(text: str, number: str) -> int:
    """How often a number stands on a line of its own, exactly as in the data ("1712" in a name does not
    count). pdftotext writes every space as U+0020, the narrow no-break space of "116 000" included."""
    written = re.sub(r"[\u00a0\u202f]", " ", number)
    return len(re.findall(rf"^{re.escape(written)}$", text, re.M))


@pytest.fixture(scope="module")
def own():
    return load_catalog([FIXTURES / "handout"], bundled=False, cache=False)


@pytest.fixture(scope="module")
def bundled():
    return load_catalog(cache=False)


def built(catalog, lang="nl", region=None, size="a4"):
    services = helplines(catalog, "minors", region)
    return services, poster(services, catalog.vocabulary, catalog.regions, catalog.sources, "minors", region, lang,
                            size)


@pytest.mark.parametrize("size, copies", [("a4", 1), ("a6", 4)])
def test_html_in_chromium(bundled, chromium, tmp_path, size, copies):
    services, p = built(bundled, size=size)
    html = tmp_path / "poster.html"
    html.write_text(write_html(p, size), encoding="utf-8")

    shot = chromium(html, tmp_path, screenshot=True)
    image = Image.open(shot).convert("L")
    assert image.size == (1588, 2246)
    dark = sum(image.histogram()[:128]) / (image.size[0] * image.size[1])
    assert 0.01 < dark < 0.5, f"screenshot looks blank or black ({dark:.3f} dark)"
    # every QR code decodes to an address shown on the poster, and every address has its code
    assert decode(shot) == codes(p, copies)
    # the page is used: no blank band taller than 10% of the poster or card (the estimate of the height
    # once left the bottom third of every card empty, with its type too small to read)
    box = image.crop((0, 0, image.size[0] // (2 if size == "a6" else 1), image.size[1] // (2 if size == "a6" else 1)))
    assert blank_band(box) < 0.1, f"{blank_band(box):.0%} of the {size} page is a blank band"

    assert_printed(chromium(html, tmp_path, screenshot=False), p, copies)


def blank_band(image: Image.Image) -> float:
    """The tallest run of rows without ink (the dashed cut lines and the page's edge aside), as a share of
    the height."""
    width, height = image.size
    inside = image.crop((int(width * 0.03), 0, int(width * 0.97), height))
    pixels, row = inside.tobytes(), inside.size[0]  # one byte a pixel: the image is grey
    longest = run = 0
    for y in range(height):
        run = run + 1 if min(pixels[y * row:(y + 1) * row]) > 230 else 0  # the light rules between lines are ink
        longest = max(longest, run)
    return longest / height


def test_pdf_through_poppler(bundled, tmp_path):
    services, p = built(bundled, lang="en")
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(write_pdf(p, "a4"))
    text = assert_printed(pdf, p)
    assert "Talk about it" in text and "Data checked" in text and "refer sources" in text
    assert number_lines(text, "112") == number_lines(text, "101") == 1 and "Awel" in text
    assert_codes_beside_addresses(pdf, p, tmp_path)


def test_cards_pdf_through_poppler(own, tmp_path):
    services, p = built(own)
    pdf = tmp_path / "cards.pdf"
    pdf.write_bytes(write_pdf(p, "a6"))
    assert_printed(pdf, p, 4)
    scan = render(pdf, tmp_path, 300)
    assert decode(scan) == codes(p, 4)


def test_markup_in_a_users_directory_prints_as_text(own, chromium, tmp_path):
    services, p = built(own, lang="en")
    html = tmp_path / "poster.html"
    html.write_text(write_html(p, "a4"), encoding="utf-8")
    printed = pdf_text(chromium(html, tmp_path, screenshot=False))
    made = tmp_path / "poster.pdf"
    made.write_bytes(write_pdf(p, "a4"))
    for text in (printed, pdf_text(made)):
        assert "<script>alert('x')</script> Hulp & <b>Lijn</b>" in text
        assert "<img src=x onerror=alert(1)>" in text
    assert_codes_beside_addresses(made, p, tmp_path)


def test_a_long_list_still_fits_one_page(chromium, tmp_path):
    """Twelve helplines, each with two numbers and a QR code: the type shrinks to its minimum and the
    summaries go; no number, address or code is cut."""
    data = many_helplines(tmp_path / "data", 12)
    services, p = built(load_catalog([data], bundled=False, cache=False))
    assert len(services) == len(p.lines) == 12 and not any(line.summary for line in p.lines)
    html = tmp_path / "poster.html"
    html.write_text(write_html(p, "a4"), encoding="utf-8")
    made = tmp_path / "poster.pdf"
    made.write_bytes(write_pdf(p, "a4"))
    for pdf in (chromium(html, tmp_path, screenshot=False), made):
        assert_printed(pdf, p)
    assert decode(render(made, tmp_path, 300)) == codes(p)


@pytest.mark.parametrize("count", [0, 12])
def test_cards_pdf_readable_and_scannable(bundled, tmp_path, count):
    """Cards as PDF, from the bundled data (all of it fits) and from twelve helplines (the first that fit,
    the others left off and counted on every card): every number shown four times, and every code read
    from a 200 dpi scan of each card (a module 0.45 mm wide is 3.5 pixels there)."""
    catalog = load_catalog([many_helplines(tmp_path / "data", count)], bundled=False, cache=False) if count else bundled
    services = helplines(catalog, "minors")
    p = poster(services, catalog.vocabulary, catalog.regions, catalog.sources, "minors", None, "en", "a6")
    whole = poster(services, catalog.vocabulary, catalog.regions, catalog.sources, "minors", None, "en", "a4")
    left = [line for line in whole.lines if line.name in p.left_off]
    assert len(left) == len(p.left_off) and (left or not count)
    pdf = tmp_path / "cards.pdf"
    pdf.write_bytes(write_pdf(p, "a6"))
    text = assert_printed(pdf, p, 4)
    shown = set(shown_numbers(p))
    assert all(number_lines(text, r.text) == 0 for line in left for r in line.phones if r.text not in shown)
    assert text.count(f"More helplines ({len(left)}) on the A4 poster.") == (4 if left else 0)
    # card by card, as a phone reads one code at a time (zbar misses some of 24 codes on one sheet)
    page = Image.open(render(pdf, tmp_path, 200))
    w, h = page.size
    cards = []
    for x, y in ((0, 0), (w // 2, 0), (0, h // 2), (w // 2, h // 2)):
        cards.append(tmp_path / f"card-{x}-{y}.pgm")
        page.crop((x, y, x + w // 2, y + h // 2)).save(cards[-1])
    for card, found in zip(cards, decode_each(cards)):
        assert found == codes(p), card.name


def render(pdf: Path, work: Path, dpi: int) -> Path:
    """The page scanned at `dpi`, in grey as zbar reads it (a PGM: writing a PNG took ten times as long)."""
    run(tool("pdftoppm"), "-r", str(dpi), "-gray", "-singlefile", pdf, work / "page")
    return work / "page.pgm"


def assert_codes_beside_addresses(pdf: Path, p, work: Path) -> None:
    """Crop the page around each address shown (from pdftotext's word boxes) and its QR code to the
    left: the code in that crop decodes to that very address."""
    dpi = 200
    page = Image.open(render(pdf, work, dpi))
    scale = dpi / 72
    boxes = run(tool("pdftotext"), "-bbox", pdf, "-")
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                       boxes)
    addresses = shown_addresses(p)
    assert addresses
    crops = []
    for n, shown in enumerate(addresses):
        address = shown.text
        found = spans(words, address.replace("&", "&amp;"))
        assert len(found) == 1, (address, found)
        x0, y0, x1, y1 = found[0]
        middle = (y0 + y1) / 2
        reach = 90  # points: the code (at most 25 mm, about 71 pt) and the gap beside it
        crop = page.crop((int((x0 - reach) * scale), int((middle - reach / 2 - 6) * scale),
                          int(x1 * scale), int((middle + reach / 2 + 6) * scale)))
        crops.append(work / f"crop-{n}.pgm")
        crop.save(crops[-1])
    for shown, found in zip(addresses, decode_each(crops)):
        assert found == [shown.url], shown.text


def spans(words: list[tuple[str, ...]], text: str) -> list[tuple[float, float, float, float]]:
    """The boxes of `text` on the page: one word, or a long address broken over consecutive lines."""
    found = []
    for i in range(len(words)):
        joined, j = "", i
        while j < len(words) and len(joined) < len(text):
            joined += words[j][4]
            j += 1
        if joined == text:
            boxes = [tuple(float(v) for v in w[:4]) for w in words[i:j]]
            found.append((min(b[0] for b in boxes), min(b[1] for b in boxes),
                          max(b[2] for b in boxes), max(b[3] for b in boxes)))
    return found
