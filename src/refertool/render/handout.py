"""Printable helpline posters: one A4 poster, or four A6 cards on an A4 sheet, as HTML or PDF.

Every text comes from the data and is shown as text: escaped in HTML, written as plain
strings in the PDF. QR codes are made by segno; only validated web addresses get one.
"""

from __future__ import annotations

import functools
import html
import re
import string
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import segno

from ..emergency import shared_name
from ..errors import ReferError
from ..helplines import EMERGENCY_KINDS
from ..i18n import date_text, t
from ..model import Contact, Regions, Service, Vocabulary
from ..sources import Source
from .records import flag_names, hours_line
from .safe import clean, http_link

FONTS = Path(__file__).resolve().parent / "fonts"
INK, ACCENT, SOFT, MUTED = "#1f2a33", "#0b5563", "#e8f1f2", "#55636d"


class Reach(NamedTuple):
    """A phone number or a web/chat address, with what the caller needs to know of it (hours, for whom)."""

    channel: str
    label: str  # the channel's name in the poster's language
    text: str  # as shown: a number exactly as in the data; a web address in its short form (`short_address`)
    url: str | None  # the QR code's and the link's target: only a validated http(s) address, in full
    detail: str


class Line(NamedTuple):
    name: str
    summary: str
    phones: tuple[Reach, ...]
    addresses: tuple[Reach, ...]
    flags: tuple[str, ...]


class Poster(NamedTuple):
    lang: str
    title: str
    subtitle: str
    lines: tuple[Line, ...]
    footer: str
    left_off: tuple[str, ...] = ()  # the names of the lines a card has no room for
    more: str = ""  # and what the card says about them
    strip: tuple[Reach, ...] = ()  # the emergency numbers at the top of every poster and card


def _detail(parts: Sequence[str]) -> str:
    return " · ".join(clean(p) for p in parts if p)


HOST = re.compile(r"https?://([^/?#:]+)")  # the package has no network code, urllib included


def short_address(value: str) -> str:
    """How a web address is printed: its host without "www." (the QR code and the link hold the whole
    address), so that no address is broken in the middle of a word. What is not a web address stays."""
    link = http_link(value)
    if link is None:
        return value
    host = HOST.match(link)
    return (host[1] if host else value).removeprefix("www.")


def _reaches(contacts: Sequence[Contact], website: str, vocab: Vocabulary, lang: str
             ) -> tuple[tuple[Reach, ...], tuple[Reach, ...]]:
    """The phone numbers and the web or chat addresses of a line, each address once."""
    def reach(channel: str, value: str, url: str | None, detail: str) -> Reach:
        return Reach(channel, vocab.label("channels", channel, lang), clean(value), url, detail)

    phones = tuple(reach("phone", c.value, None, _detail([hours_line(c), c.note.get(lang)]))
                   for c in contacts if c.channel == "phone")
    addresses: dict[str, Reach] = {}
    web = [(c.channel, c.value, _detail([hours_line(c), c.note.get(lang)]))
           for c in contacts if c.channel in ("chat", "website")]
    for channel, value, detail in [*web, ("website", website, "")]:
        key = (http_link(value) or value).rstrip("/").lower()
        if value and key not in addresses:
            url = http_link(value)
            addresses[key] = reach(channel, short_address(value) if url else value, url, detail)
    return phones, tuple(addresses.values())


def _line(s: Service, vocab: Vocabulary, lang: str) -> Line:
    phones, addresses = _reaches(s.contacts, s.website, vocab, lang)
    return Line(clean(s.name), clean(s.summary.get(lang)), phones, addresses, tuple(flag_names(s, lang)))


def _group_line(group: Sequence[Service], vocab: Vocabulary, lang: str) -> Line:
    """Services that share an emergency rank (the care centres) as one line, as the emergency view shows
    them: their shared name, where they are, and only the contacts they all share (each centre's own numbers
    carry caveats only its card can show)."""
    shared = [c for c in group[0].contacts if all(c in s.contacts for s in group[1:])]
    phones, addresses = _reaches(shared, "", vocab, lang)
    cities = ", ".join(dict.fromkeys(loc.city for s in group for loc in s.locations))
    name = shared_name([s.name for s in group]) or vocab.label("kinds", group[0].kind, lang)
    flags = [f for f in flag_names(group[0], lang) if all(f in flag_names(s, lang) for s in group[1:])]
    return Line(clean(name), clean(t("handout_places", lang, cities)) if cities else "", phones, addresses,
                tuple(flags))


def _lines(services: Sequence[Service], vocab: Vocabulary, lang: str) -> tuple[Line, ...]:
    """One line a service, or one for the services that share an emergency rank, in the given order."""
    ranks: dict[int, list[Service]] = {}
    for s in services:
        if s.emergency is not None:
            ranks.setdefault(s.emergency, []).append(s)
    lines, done = [], set()
    for s in services:
        group = ranks.get(s.emergency, []) if s.emergency is not None else []
        if len(group) > 1:
            if s.emergency not in done:
                done.add(s.emergency)
                lines.append(_group_line(group, vocab, lang))
            continue
        lines.append(_line(s, vocab, lang))
    return tuple(lines)


def _strip(services: Sequence[Service], vocab: Vocabulary, lang: str) -> tuple[Reach, ...]:
    """The emergency numbers: each one's first number, with what it is for."""
    out = []
    for s in services:
        first = next((c for c in s.contacts if c.channel == "phone"), None)
        if first is not None:
            out.append(Reach("phone", vocab.label("channels", "phone", lang), clean(first.value), None,
                             _detail([first.note.get(lang) or s.name])))
    return tuple(out)


def poster(services: Sequence[Service], vocab: Vocabulary, regions: Regions, sources: Mapping[str, Source],
           audience: str, region: str | None, lang: str, size: str = "a4") -> Poster:
    """The poster's content in one language, for an audience id and a region id (or none): the emergency
    numbers as a strip, then the lines (services sharing an emergency rank as one); a card (size
    a6) holds what fits it at the smallest type and QR codes allowed. The footer gives the day the data was
    checked and points to `refer sources`, which lists every source with its date."""
    days = sorted(s.verified_at for s in services)
    checked = (t("handout_checked", lang, date_text(days[0], lang)) if days[0] == days[-1] else
               t("handout_checked_range", lang, date_text(days[0], lang), date_text(days[-1], lang)))
    # where each fact comes from is for whoever keeps the data: the footer says where to look, not a list
    footer = checked + " · " + t("handout_source", lang)
    subtitle = t("handout_for", lang, vocab.label("audiences", audience, lang).lower())
    if region:
        subtitle += " · " + regions.areas[region].label(lang)
    urgent = [s for s in services if s.kind in EMERGENCY_KINDS]
    rest = [s for s in services if s.kind not in EMERGENCY_KINDS]
    full = Poster(lang, t("handout_title", lang), subtitle, _lines(rest, vocab, lang), footer,
                  strip=_strip(urgent, vocab, lang))
    return _fit(full, size == "a6")


def _qr(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)


@functools.lru_cache(maxsize=256)
def _modules(url: str) -> int:
    """A code's side in modules, its quiet zone of four included."""
    return int(_qr(url).symbol_size(scale=1, border=4)[0])


# Type sizes in points, spacing and the QR code's side in mm, at scale 1: the CSS and the PDF both use them.
POSTER_TYPE = {"title": 27, "for": 13, "name": 15, "summary": 10.5, "number": 34, "detail": 9.5, "channel": 9,
               "url": 17, "flags": 9.5, "footer": 8.5, "qr": 25, "gap": 1.0}
CARD_TYPE = {"title": 13, "for": 7.5, "name": 8.5, "summary": 0, "number": 17, "detail": 6, "channel": 5.5,
             "url": 9, "flags": 6, "footer": 5.5, "qr": 15, "gap": 0.5}
# The smallest type printed, in points, whatever the scale: a number someone has to dial never below 14 pt
# (digits 3.6 mm high; clear-print guidance asks 12 to 14 pt for the text that matters), the small print
# (hours, caveats, the footer) never below 5.5 to 6 pt, which still reads at arm's length.
MIN_TYPE = {"title": 11, "for": 7, "name": 7.5, "summary": 7, "number": 14, "detail": 6, "channel": 5.5,
            "url": 8, "flags": 6, "footer": 5.5}
# A QR code's module (its smallest square) is never printed below 0.45 mm: a short address (version 2,
# 33 modules with the quiet zone) is then 15 mm wide, what a phone camera reads from the 15 cm at which a
# card or a poster is held (the common "size = distance / 10" rule); a longer address gets a larger code.
QR_MODULE = 0.45
# (width, height, padding top, sides, bottom) and the gap between two columns, in mm
POSTER_BOX, CARD_BOX = (210.0, 297.0, 15.0, 16.0, 11.0), (105.0, 148.5, 6.0, 6.5, 4.5)
COLUMN_GAP = {False: 8.0, True: 5.0}
MM_PER_PT = 25.4 / 72
SCALES = [round(1.2 - 0.025 * n, 3) for n in range(37)]  # 1.2 down to 0.3, where every size is at its minimum
# The share of the page the HTML's estimate may fill: the estimate follows the CSS box by box, with the
# widths of the font the page names first (DejaVu Sans; its fallbacks are narrower), so little is kept back.
HTML_FILL = 0.98
# DejaVu Sans advance widths of the characters " " to "~" in hundredths of an em, regular and bold (read
# from the bundled fonts with fontTools); a character outside them counts as a full em.
WIDTHS = (
    (32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34,
     84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68,
     99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63,
     41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84),
    (35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40,
     84, 84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77,
     110, 77, 72, 73, 46, 37, 46, 84, 50, 50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72,
     49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84),
)


def _sizes(p: Poster, card: bool, s: float) -> dict[str, float]:
    """Every size at scale `s`, none below its minimum: type in points, the gap and the QR code in mm."""
    base = CARD_TYPE if card else POSTER_TYPE
    sizes = {role: max(base[role] * s, least) if base[role] else 0.0 for role, least in MIN_TYPE.items()}
    modules = max((_modules(a.url) for line in p.lines for a in line.addresses if a.url), default=0)
    sizes.update(gap=base["gap"] * s, qr=max(base["qr"] * s, modules * QR_MODULE))
    return sizes


def _width(text: str, points: float, bold: bool = False) -> float:
    """How wide a text is set in DejaVu Sans (mm); an accented letter is as wide as its letter."""
    table = WIDTHS[bold]
    units = 0
    for c in text:
        letter = unicodedata.normalize("NFD", c)[0]
        units += table[ord(letter) - 32] if " " <= letter <= "~" else 100
    return units / 100 * points * MM_PER_PT


def _rows(text: str, points: float, width: float, bold: bool = False) -> int:
    """How many lines a text takes when wrapped at its spaces, as the browser does; a word longer than a
    line (an address) is broken, or overflows, and counted as the lines it would take."""
    space = _width(" ", points, bold)
    rows, line = 1, 0.0
    for word in text.split(" "):
        w = _width(word, points, bold)
        if line and line + space + w > width:
            rows, line = rows + 1, 0.0
        line += (space if line else 0.0) + w
        while line > width:
            rows, line = rows + 1, line - width
    return rows


def _inner(card: bool, cols: int) -> tuple[float, float]:
    """The width inside the margins and a column's width (mm)."""
    width, _, _, side, _ = CARD_BOX if card else POSTER_BOX
    inner = width - 2 * side
    return inner, (inner - COLUMN_GAP[card] * (cols - 1)) / cols


def _html_height(p: Poster, card: bool, size: dict[str, float], cols: int) -> float:
    """The height the HTML takes (mm), box by box as the CSS sets it: the browser cannot be asked, so the
    poster picks the largest scale this estimate fits on the page."""
    _, _, top, _, bottom = CARD_BOX if card else POSTER_BOX
    inner, col = _inner(card, cols)
    gap = size["gap"]

    def block(text: str, role: str, leading: float, room: float, bold: bool = False) -> float:
        return _rows(text, size[role], room, bold) * size[role] * leading * MM_PER_PT

    total = top + bottom + block(p.title, "title", 1.15, inner, True) + 2 * gap + block(p.subtitle, "for", 1.2, inner)
    total += 5 * gap + 1.2 + 3 + block(p.footer, "footer", 1.2, inner)
    if p.strip:  # a band of its own below the header: the numbers side by side, what each is for below it
        cell = _strip_cell(card, len(p.strip))
        total += 4 * gap + 2 * STRIP_PAD + max(size["number"] * 1.05 * MM_PER_PT
                                               + (0.5 + block(r.detail, "detail", 1.2, cell) if r.detail else 0)
                                               for r in p.strip)
    total += block(p.more, "name", 1.2, inner, True) + 1 if p.more else 0
    heights = []
    for line in p.lines:
        h = 10 * gap + 0.3 + block(line.name, "name", 1.2, col, True)
        if line.summary and size["summary"]:
            h += 1 + block(line.summary, "summary", 1.3, col)
        for phone in line.phones:
            h += 2 * gap + size["number"] * 1.05 * MM_PER_PT
            h += 0.5 + block(phone.detail, "detail", 1.2, col) if phone.detail else 0
        for address in line.addresses:
            room = col - (size["qr"] + 4 * gap if address.url else 0)
            text = size["channel"] * 1.2 * MM_PER_PT + block(address.text, "url", 1.2, room, True)
            text += 0.5 + block(address.detail, "detail", 1.2, room) if address.detail else 0
            h += 2.5 * gap + max(text, size["qr"] if address.url else 0)
        if line.flags:  # chips 1.6 mm padded each side, 1.2 mm apart, 0.3 mm above and below
            chips = [_width(f, size["flags"], True) + 3.2 for f in line.flags]
            rows, used = 1, 0.0
            for w in chips:
                rows, used = (rows + 1, w) if used and used + 1.2 + w > col else (rows, used + (1.2 if used else 0) + w)
            h += 2.5 * gap + rows * (size["flags"] * 1.2 * MM_PER_PT + 0.6) + (rows - 1) * 1.2
        heights.append(h)
    total += sum(max(heights[i:i + cols]) for i in range(0, len(heights), cols))
    return total


STRIP_PAD, STRIP_GAP = 2.0, 4.0  # mm: inside the emergency band, and between its numbers


def _strip_cell(card: bool, count: int) -> float:
    """The width of one number's cell in the emergency band (mm)."""
    inner = _inner(card, 1)[0]
    return (inner - 2 * STRIP_PAD - STRIP_GAP * (count - 1)) / max(count, 1)


def _numbers_fit(p: Poster, card: bool, size: dict[str, float], cols: int) -> bool:
    """A number is never broken over two lines, nor a web address in the middle of a word: each must fit
    its room (the column's width; an address beside its QR code)."""
    room = _inner(card, cols)[1] - 2  # the PDF keeps 1 mm inside each side of a cell
    beside = room - size["qr"] - 4 * size["gap"]
    cell = _strip_cell(card, len(p.strip)) - 2
    return (all(_width(r.text, size["number"], True) <= room for line in p.lines for r in line.phones)
            and all(_width(r.text, size["number"], True) <= cell for r in p.strip)
            and all(_width(word, size["url"], True) <= (beside if a.url else room)
                    for line in p.lines for a in line.addresses for word in a.text.split()))


def _columns(p: Poster, card: bool) -> tuple[int, ...]:
    """One column, or two for a long poster (four lines on a card, five on a poster)."""
    return (1,) if len(p.lines) < (4 if card else 5) else (1, 2)


def _html_layout(p: Poster, card: bool) -> tuple[float, int] | None:
    """The largest type scale, in one column or two, at which the estimate fits everything on the page."""
    height = (CARD_BOX if card else POSTER_BOX)[1]
    best = None
    for cols in _columns(p, card):
        for s in SCALES:
            size = _sizes(p, card, s)
            if _numbers_fit(p, card, size, cols) and _html_height(p, card, size, cols) <= HTML_FILL * height:
                best = max(best or (s, cols), (s, cols))
                break
    return best


def _fit(p: Poster, card: bool) -> Poster:
    """What the page holds at the smallest sizes allowed: everything; else every line without its summary
    (the numbers and addresses matter more); on a card, else the first lines in the poster's order (the
    emergency numbers first), saying how many more the A4 poster has; `left_off` names them."""
    if _html_layout(p, card):
        return p
    short = p._replace(lines=tuple(line._replace(summary="") for line in p.lines))
    if not card or _html_layout(short, card):
        return short  # a poster that does not fit even so: the writers say so
    for shown in range(len(p.lines) - 1, 0, -1):
        left = p.lines[shown:]
        cut = short._replace(lines=short.lines[:shown], left_off=tuple(line.name for line in left),
                             more=t("handout_more", p.lang, len(left)))
        if _html_layout(cut, card):
            return cut
    return short


# ---------------------------------------------------------------- HTML
CSS = string.Template("""
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: $ink; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: 210mm; height: 297mm; }
.poster { width: ${width}mm; height: ${height}mm; padding: ${top}mm ${side}mm ${bottom}mm;
  display: flex; flex-direction: column; }
.a6 .sheet { display: grid; grid-template-columns: 105mm 105mm; grid-template-rows: 148.5mm 148.5mm; }
.a6 .poster { border: 0.3mm dashed #9aa5ad; }
header { border-bottom: 1.2mm solid $accent; padding-bottom: calc(${gap}mm * 5); }
.strip { display: grid; grid-template-columns: repeat(${stripcols}, 1fr); column-gap: ${stripgap}mm;
  background: $soft; padding: ${strippad}mm; margin-top: calc(${gap}mm * 4); border-radius: 1.2mm; }
.strip .phone { margin: 0; min-width: 0; }
h1 { margin: 0; font-size: ${title}pt; line-height: 1.15; color: $accent; }
.for { margin: calc(${gap}mm * 2) 0 0; font-size: ${for_}pt; line-height: 1.2;
  color: $muted; }
ol { list-style: none; margin: 0; padding: 0; flex: 1; display: grid; align-content: start;
  grid-template-columns: repeat(${cols}, 1fr); column-gap: ${colgap}mm; }
li { padding: calc(${gap}mm * 5) 0; border-bottom: 0.3mm solid #d5dde1; break-inside: avoid; min-width: 0; }
h2 { margin: 0; font-size: ${name}pt; line-height: 1.2; }
.summary { margin: 1mm 0 0; font-size: ${summary}pt; line-height: 1.3; color: $muted; }
.a6 .summary { display: none; }
.phone { margin: calc(${gap}mm * 2) 0 0; }
.number { display: block; font-size: ${number}pt; font-weight: bold; line-height: 1.05;
  white-space: nowrap; }
.detail { display: block; font-size: ${detail}pt; line-height: 1.2; color: $muted;
  margin-top: 0.5mm; }
.address { display: flex; align-items: center; gap: calc(${gap}mm * 4);
  margin-top: calc(${gap}mm * 2.5); }
.address svg { width: ${qr}mm; height: ${qr}mm; flex: none; }
.channel { display: block; font-size: ${channel}pt; line-height: 1.2; text-transform: uppercase;
  letter-spacing: 0.08em; color: $muted; }
.url { display: block; font-size: ${url}pt; line-height: 1.2; font-weight: bold; color: $accent;
  text-decoration: none; white-space: nowrap; }
.flags { margin: calc(${gap}mm * 2.5) 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1.2mm; }
.flags span { background: $soft; color: $accent; border-radius: 1.2mm; padding: 0.3mm 1.6mm;
  font-size: ${flags}pt; line-height: 1.2; font-weight: bold; }
.more { margin: 0 0 1mm; font-size: ${name}pt; line-height: 1.2; font-weight: bold; color: $accent; }
footer { font-size: ${footer}pt; line-height: 1.2; color: $muted; padding-top: 3mm; }
""")


def _css(card: bool, size: dict[str, float], cols: int, strip: int = 0) -> str:
    width, height, top, side, bottom = CARD_BOX if card else POSTER_BOX
    values = {k: round(v, 3) for k, v in size.items() if k != "for"}
    return CSS.substitute(values, for_=round(size["for"], 3), cols=cols, colgap=COLUMN_GAP[card], width=width,
                          stripcols=max(strip, 1), stripgap=STRIP_GAP, strippad=STRIP_PAD,
                          height=height, top=top, side=side, bottom=bottom, ink=INK, accent=ACCENT, soft=SOFT,
                          muted=MUTED)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _reach_html(r: Reach) -> str:
    detail = f'<span class="detail">{_esc(r.detail)}</span>' if r.detail else ""
    if r.channel == "phone":
        return f'<p class="phone"><span class="number">{_esc(r.text)}</span>{detail}</p>'
    label = _esc(r.label)
    if r.url is None:  # never a link or a code for what is not a validated web address
        return f'<div class="address"><div><span class="channel">{label}</span>' \
               f'<span class="url">{_esc(r.text)}</span>{detail}</div></div>'
    svg = _qr(r.url).svg_inline(scale=1, border=4, omitsize=True, dark=INK, title=r.url)  # segno escapes it
    return (f'<div class="address">{svg}<div><span class="channel">{label}</span>'
            f'<a class="url" href="{_esc(r.url)}">{_esc(r.text)}</a>{detail}</div></div>')


def _poster_html(p: Poster) -> str:
    items = []
    for line in p.lines:
        parts = [f"<h2>{_esc(line.name)}</h2>"]
        if line.summary:
            parts.append(f'<p class="summary">{_esc(line.summary)}</p>')
        parts += [_reach_html(r) for r in (*line.phones, *line.addresses)]
        if line.flags:
            parts.append('<p class="flags">' + "".join(f"<span>{_esc(f)}</span>" for f in line.flags) + "</p>")
        items.append("<li>" + "".join(parts) + "</li>")
    more = f'<p class="more">{_esc(p.more)}</p>' if p.more else ""
    strip = f'<div class="strip">{"".join(_reach_html(r) for r in p.strip)}</div>' if p.strip else ""
    return (f'<section class="poster"><header><h1>{_esc(p.title)}</h1><p class="for">{_esc(p.subtitle)}</p>'
            f'</header>{strip}<ol>{"".join(items)}</ol><footer>{more}{_esc(p.footer)}</footer></section>')


def write_html(p: Poster, size: str) -> str:
    """One self-contained page: inline CSS and SVG, nothing fetched."""
    card = size == "a6"
    layout = _html_layout(p, card)
    if layout is None:  # never cut a line off: say so instead
        raise ReferError(t("handout_too_long", p.lang, len(p.lines)))
    scale, cols = layout
    body = _poster_html(p) * (4 if card else 1)
    css = _css(card, _sizes(p, card, scale), cols, len(p.strip))
    return (f'<!DOCTYPE html>\n<html lang="{p.lang}"><head><meta charset="utf-8">'
            f"<title>{_esc(p.title)}</title><style>{css}</style></head>"
            f'<body class="{size}"><main class="sheet">{body}</main></body></html>\n')
