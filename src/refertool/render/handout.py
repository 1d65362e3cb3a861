"""Printable helpline posters: one A4 poster, or four A6 cards on an A4 sheet, as HTML or PDF.

Every text comes from the data and is shown as text: escaped in HTML, written as plain
strings in the PDF. QR codes are made by segno; only validated web addresses get one.
"""

from __future__ import annotations

import html
import io
import string
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import segno

from ..errors import ReferError
from ..i18n import date_text, t
from ..model import Regions, Service, Vocabulary
from .records import flag_names, hours_line
from .safe import clean, http_link

FONTS = Path(__file__).resolve().parent / "fonts"
INK, ACCENT, SOFT, MUTED = "#1f2a33", "#0b5563", "#e8f1f2", "#55636d"


class Reach(NamedTuple):
    """A phone number or a web/chat address, with what the data says about it (hours, a caveat)."""

    channel: str
    label: str  # the channel's name in the poster's language
    text: str  # as shown, exactly as in the data
    url: str | None  # the QR code's and the link's target: only a validated http(s) address
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


def _detail(parts: Sequence[str]) -> str:
    return " · ".join(clean(p) for p in parts if p)


def _line(s: Service, vocab: Vocabulary, lang: str) -> Line:
    def reach(channel: str, value: str, url: str | None, detail: str) -> Reach:
        return Reach(channel, vocab.label("channels", channel, lang), clean(value), url, detail)

    phones = tuple(reach("phone", c.value, None, _detail([hours_line(c), c.note.get(lang)]))
                   for c in s.contacts if c.channel == "phone")
    addresses: dict[str, Reach] = {}
    web = [(c.channel, c.value, _detail([hours_line(c), c.note.get(lang)]))
           for c in s.contacts if c.channel in ("chat", "website")]
    for channel, value, detail in [*web, ("website", s.website, "")]:
        key = (http_link(value) or value).rstrip("/").lower()
        if value and key not in addresses:
            addresses[key] = reach(channel, value, http_link(value), detail)
    return Line(clean(s.name), clean(s.summary.get(lang)), phones, tuple(addresses.values()),
                tuple(flag_names(s, lang)))


def poster(services: Sequence[Service], vocab: Vocabulary, regions: Regions, audience: str, region: str | None,
           lang: str) -> Poster:
    """The poster's content in one language, for an audience id and a region id (or none)."""
    days = sorted(s.verified_at for s in services)
    checked = (t("handout_checked", lang, date_text(days[0], lang)) if days[0] == days[-1] else
               t("handout_checked_range", lang, date_text(days[0], lang), date_text(days[-1], lang)))
    documents = sorted({clean(s.source_document) for s in services if s.source_document})
    footer = checked + (" · " + t("handout_source", lang, "; ".join(documents)) if documents else "")
    subtitle = t("handout_for", lang, vocab.label("audiences", audience, lang).lower())
    if region:
        subtitle += " · " + regions.areas[region].label(lang)
    return Poster(lang, t("handout_title", lang), subtitle, tuple(_line(s, vocab, lang) for s in services), footer)


def _qr(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)


# Type sizes in points, spacing and the QR code's side in mm, at scale 1: the CSS and the PDF both use them.
POSTER_TYPE = {"title": 27, "for": 13, "name": 15, "summary": 10.5, "number": 34, "detail": 9.5, "channel": 9,
               "url": 17, "flags": 9.5, "footer": 8.5, "qr": 25, "gap": 1.0}
CARD_TYPE = {"title": 13, "for": 7.5, "name": 8.5, "summary": 0, "number": 17, "detail": 6, "channel": 5.5,
             "url": 9, "flags": 6, "footer": 5.5, "qr": 15, "gap": 0.5}
# (width, height, padding top, sides, bottom) in mm
POSTER_BOX, CARD_BOX = (210.0, 297.0, 15.0, 16.0, 11.0), (105.0, 148.5, 6.0, 6.5, 4.5)
MM_PER_PT = 25.4 / 72
SCALES = [round(1.2 - 0.05 * n, 2) for n in range(18)]  # 1.2 down to 0.35


def _rows(text: str, points: float, width: float, bold: bool = False) -> int:
    """How many lines a text takes at most (a generous estimate of DejaVu Sans's widths)."""
    per_line = width / (points * MM_PER_PT * (0.68 if bold else 0.6))
    return max(1, -(-len(text) * 11 // max(1, int(per_line * 10))))


def _html_height(p: Poster, card: bool, s: float, cols: int) -> float:
    """An estimate, on the safe side, of the height the HTML takes at scale `s` (mm): the browser
    cannot be asked, so the poster picks the largest scale this estimate fits on the page."""
    size = CARD_TYPE if card else POSTER_TYPE
    width, _, top, side, bottom = CARD_BOX if card else POSTER_BOX
    inner = width - 2 * side
    col = (inner - 8 * (cols - 1)) / cols
    gap = size["gap"] * s

    def block(text: str, role: str, leading: float, room: float, bold: bool = False) -> float:
        return _rows(text, size[role] * s, room, bold) * size[role] * s * leading * MM_PER_PT

    total = top + bottom + block(p.title, "title", 1.15, inner, True) + 2 * gap + block(p.subtitle, "for", 1.2, inner)
    total += 5 * gap + 1.2 + 3 + block(p.footer, "footer", 1.2, inner)
    heights = []
    for line in p.lines:
        h = 10 * gap + 0.3 + block(line.name, "name", 1.2, col, True)
        if line.summary and size["summary"]:
            h += 1 + block(line.summary, "summary", 1.3, col)
        for phone in line.phones:
            h += 2 * gap + size["number"] * s * 1.05 * MM_PER_PT
            h += 0.5 + block(phone.detail, "detail", 1.2, col) if phone.detail else 0
        for address in line.addresses:
            room = col - (size["qr"] * s + 4 * gap if address.url else 0)
            text = size["channel"] * s * 1.2 * MM_PER_PT + block(address.text, "url", 1.2, room, True)
            text += 0.5 + block(address.detail, "detail", 1.2, room) if address.detail else 0
            h += 2.5 * gap + max(text, size["qr"] * s if address.url else 0)
        if line.flags:
            h += 2.5 * gap + 1.5 + block("   ".join(line.flags), "flags", 1.2, col, True)
        heights.append(h)
    total += sum(max(heights[i:i + cols]) for i in range(0, len(heights), cols))
    return total


def _numbers_fit(p: Poster, card: bool, s: float, cols: int) -> bool:
    """A number is never broken over two lines: it must fit the column's width."""
    size = CARD_TYPE if card else POSTER_TYPE
    width, _, _, side, _ = CARD_BOX if card else POSTER_BOX
    col = (width - 2 * side - 8 * (cols - 1)) / cols
    longest = max((len(r.text) for line in p.lines for r in line.phones), default=0)
    return longest * size["number"] * s * MM_PER_PT * 0.72 <= col


def _html_layout(p: Poster, card: bool) -> tuple[float, int]:
    """The largest type scale, in one column or (for long posters) two, at which everything fits
    (with 3% to spare for the estimate)."""
    height = (CARD_BOX if card else POSTER_BOX)[1]
    best = (0.0, 1)
    for cols in (1,) if card or len(p.lines) < 5 else (1, 2):
        for s in SCALES:
            if _html_height(p, card, s, cols) <= 0.97 * height and _numbers_fit(p, card, s, cols):
                best = max(best, (s, cols))
                break
    if not best[0]:  # never cut a line off: say so instead
        raise ReferError(t("handout_too_long", p.lang, len(p.lines)))
    return best


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
header { border-bottom: 1.2mm solid $accent; padding-bottom: calc(${gap}mm * 5 * var(--s)); }
h1 { margin: 0; font-size: calc(${title}pt * var(--s)); line-height: 1.15; color: $accent; }
.for { margin: calc(${gap}mm * 2 * var(--s)) 0 0; font-size: calc(${for_}pt * var(--s)); line-height: 1.2;
  color: $muted; }
ol { list-style: none; margin: 0; padding: 0; flex: 1; display: grid; align-content: start;
  grid-template-columns: repeat(var(--cols), 1fr); column-gap: 8mm; }
li { padding: calc(${gap}mm * 5 * var(--s)) 0; border-bottom: 0.3mm solid #d5dde1; break-inside: avoid; min-width: 0; }
h2 { margin: 0; font-size: calc(${name}pt * var(--s)); line-height: 1.2; }
.summary { margin: 1mm 0 0; font-size: calc(${summary}pt * var(--s)); line-height: 1.3; color: $muted; }
.a6 .summary { display: none; }
.phone { margin: calc(${gap}mm * 2 * var(--s)) 0 0; }
.number { display: block; font-size: calc(${number}pt * var(--s)); font-weight: bold; line-height: 1.05;
  white-space: nowrap; }
.detail { display: block; font-size: calc(${detail}pt * var(--s)); line-height: 1.2; color: $muted;
  margin-top: 0.5mm; }
.address { display: flex; align-items: center; gap: calc(${gap}mm * 4 * var(--s));
  margin-top: calc(${gap}mm * 2.5 * var(--s)); }
.address svg { width: calc(${qr}mm * var(--s)); height: calc(${qr}mm * var(--s)); flex: none; }
.channel { display: block; font-size: calc(${channel}pt * var(--s)); line-height: 1.2; text-transform: uppercase;
  letter-spacing: 0.08em; color: $muted; }
.url { display: block; font-size: calc(${url}pt * var(--s)); line-height: 1.2; font-weight: bold; color: $accent;
  text-decoration: none; overflow-wrap: anywhere; }
.flags { margin: calc(${gap}mm * 2.5 * var(--s)) 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1.2mm; }
.flags span { background: $soft; color: $accent; border-radius: 1.2mm; padding: 0.3mm 1.6mm;
  font-size: calc(${flags}pt * var(--s)); line-height: 1.2; font-weight: bold; }
footer { font-size: calc(${footer}pt * var(--footer-s)); line-height: 1.2; color: $muted; padding-top: 3mm; }
""")


def _css(card: bool) -> str:
    size = CARD_TYPE if card else POSTER_TYPE
    width, height, top, side, bottom = CARD_BOX if card else POSTER_BOX
    values = {k: v for k, v in size.items() if k != "for"}
    return CSS.substitute(values, for_=size["for"], width=width, height=height, top=top, side=side, bottom=bottom,
                          ink=INK, accent=ACCENT, soft=SOFT, muted=MUTED)


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
    return (f'<section class="poster"><header><h1>{_esc(p.title)}</h1><p class="for">{_esc(p.subtitle)}</p>'
            f'</header><ol>{"".join(items)}</ol><footer>{_esc(p.footer)}</footer></section>')


def write_html(p: Poster, size: str) -> str:
    """One self-contained page: inline CSS and SVG, nothing fetched."""
    card = size == "a6"
    scale, cols = _html_layout(p, card)
    variables = f":root {{ --s: {scale}; --cols: {cols}; --footer-s: {1 if card else scale}; }}"
    body = _poster_html(p) * (4 if card else 1)
    return (f'<!DOCTYPE html>\n<html lang="{p.lang}"><head><meta charset="utf-8">'
            f"<title>{_esc(p.title)}</title><style>{variables}{_css(card)}</style></head>"
            f'<body class="{size}"><main class="sheet">{body}</main></body></html>\n')


# ---------------------------------------------------------------- PDF
LEADING = 1.22


def write_pdf(p: Poster, size: str) -> bytes:
    """A4, one page; the largest type (in one column, or two for long posters) at which everything fits."""
    card = size == "a6"
    boxes = [(x, y, 105.0, 148.5) for y in (0.0, 148.5) for x in (0.0, 105.0)] if card else [(0.0, 0.0, 210.0, 297.0)]
    # fpdf2 measures what it draws: trial drawings (a page each, in a scratch document) find the
    # largest scale that fits
    trial = _new_pdf()

    def fits_at(s: float, cols: int) -> bool:
        if not _numbers_fit(p, card, s, cols):
            return False
        trial.add_page()
        return _draw(trial, p, boxes[0], card, s, cols)

    def largest(cols: int) -> float:  # a smaller scale always takes less room: search by halves
        low, high = 0, len(SCALES)  # SCALES[high:] fit, SCALES[:low] do not
        while low < high:
            mid = (low + high) // 2
            if fits_at(SCALES[mid], cols):
                high = mid
            else:
                low = mid + 1
        return SCALES[low] if low < len(SCALES) else 0.0

    fits = [largest(cols) for cols in ((1,) if card or len(p.lines) < 5 else (1, 2))]
    scale = max(fits)
    if not scale:
        raise ReferError(t("handout_too_long", p.lang, len(p.lines)))
    pdf = _new_pdf()
    for box in boxes:
        _draw(pdf, p, box, card, scale, fits.index(scale) + 1)
        if card:
            pdf.set_draw_color(154, 165, 173)
            pdf.set_line_width(0.3)
            pdf.set_dash_pattern(dash=1.2, gap=1.2)
            pdf.rect(*box)
            pdf.set_dash_pattern()
    return bytes(pdf.output())


def _new_pdf() -> Any:
    try:
        from fpdf import FPDF
    except ImportError:
        raise ReferError(t("handout_needs_pdf", "en")) from None

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_creator("refer handout")
    pdf.add_page()
    return pdf


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _draw(pdf: Any, p: Poster, box: tuple[float, float, float, float], card: bool, s: float, cols: int) -> bool:
    """Draw one poster or card into `box` at type scale `s` in `cols` columns; False when it does not fit."""
    x0, y0, w0, h0 = box
    _, _, pad_top, pad_x, pad_bottom = CARD_BOX if card else POSTER_BOX
    x, w = x0 + pad_x, w0 - 2 * pad_x
    size = CARD_TYPE if card else POSTER_TYPE
    gap = size["gap"] * s  # spacing follows the type
    qr = size["qr"] * s

    def font(role: str, bold: bool = False) -> float:
        points = size[role] * (s if role != "footer" or not card else 1)
        pdf.set_font("DejaVu", "B" if bold else "", points)
        return points * MM_PER_PT * LEADING

    def text(value: str, role: str, left: float, width: float, colour: str = INK, bold: bool = False,
             link: str = "") -> None:
        height = font(role, bold)
        pdf.set_text_color(*_rgb(colour))
        pdf.set_x(left)
        pdf.multi_cell(width, height, value, new_x="LEFT", new_y="NEXT", link=link, align="L")

    def height(value: str, role: str, width: float, bold: bool = False) -> float:
        line = font(role, bold)
        return line * len(pdf.multi_cell(width, line, value, dry_run=True, output="LINES"))

    def entry(line: Line, x: float, w: float) -> None:
        pdf.ln(5 * gap)
        text(line.name, "name", x, w, bold=True)
        if line.summary and size["summary"]:
            pdf.ln(gap)
            text(line.summary, "summary", x, w, MUTED)
        for phone in line.phones:
            pdf.ln(2 * gap)
            text(phone.text, "number", x, w, bold=True)
            if phone.detail:
                text(phone.detail, "detail", x, w, MUTED)
        for address in line.addresses:
            pdf.ln(2.5 * gap)
            top = pdf.get_y()
            left = x + (qr + 4 * gap if address.url else 0)
            if address.url:
                buffer = io.BytesIO()
                _qr(address.url).save(buffer, kind="svg", scale=1, border=4, omitsize=True, xmldecl=False, dark=INK)
                buffer.seek(0)
                pdf.image(buffer, x=x, y=top, w=qr, h=qr)
            room = w - (left - x)
            block = (height(address.label.upper(), "channel", room) + height(address.text, "url", room, True)
                     + (height(address.detail, "detail", room) if address.detail else 0))
            pdf.set_y(top + max(0.0, (qr - block) / 2) if address.url else top)
            text(address.label.upper(), "channel", left, room, MUTED)
            text(address.text, "url", left, room, ACCENT, bold=True, link=address.url or "")
            if address.detail:
                text(address.detail, "detail", left, room, MUTED)
            pdf.set_y(max(pdf.get_y(), top + (qr if address.url else 0)))
        if line.flags:
            pdf.ln(2.5 * gap)
            text("  ·  ".join(line.flags), "flags", x, w, ACCENT, bold=True)
        pdf.ln(5 * gap)
        pdf.set_draw_color(213, 221, 225)
        pdf.set_line_width(0.3)
        pdf.line(x, pdf.get_y(), x + w, pdf.get_y())

    pdf.set_xy(x, y0 + pad_top)
    text(p.title, "title", x, w, ACCENT, bold=True)
    pdf.ln(2 * gap)
    text(p.subtitle, "for", x, w, MUTED)
    pdf.ln(5 * gap)
    pdf.set_draw_color(*_rgb(ACCENT))
    pdf.set_line_width(1.2 if not card else 0.8)
    pdf.line(x, pdf.get_y(), x + w, pdf.get_y())
    footer = height(p.footer, "footer", w)
    limit = y0 + h0 - pad_bottom - footer - 2
    col = (w - 8 * (cols - 1)) / cols
    for first in range(0, len(p.lines), cols):  # row by row, as the HTML's grid does
        top, bottom = pdf.get_y(), pdf.get_y()
        for n, line in enumerate(p.lines[first:first + cols]):
            pdf.set_y(top)
            entry(line, x + n * (col + 8), col)
            bottom = max(bottom, pdf.get_y())
        pdf.set_y(bottom)
        if bottom > limit:  # no need to draw the rest of a trial that has failed
            return False
    pdf.set_y(y0 + h0 - pad_bottom - footer)
    text(p.footer, "footer", x, w, MUTED)
    return True
