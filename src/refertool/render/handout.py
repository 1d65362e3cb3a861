"""Printable helpline posters: one A4 poster, or four A6 cards on an A4 sheet, as HTML or PDF.

Every text comes from the data and is shown as text: escaped in HTML, written as plain
strings in the PDF. QR codes are made by segno; only validated web addresses get one.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import segno

from ..errors import ReferError
from ..i18n import date_text, t
from ..model import Regions, Service, Vocabulary
from .records import flag_names, hours_line
from .safe import clean, http_link

SIZES = ("a4", "a6")
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


def _scale(p: Poster, card: bool) -> float:
    """Less to show, larger type: a poster of three lines reads from across a room. The load counts a
    service as one, and each further phone number or QR-coded address as the room it takes."""
    load = sum(1 + 0.5 * max(0, len(line.phones) - 1) + 0.8 * len(line.addresses) for line in p.lines)
    steps = (3.5, 4.5, 5.5, 6.5, 8.5, 10.5) if not card else (2.5, 3.5, 4.5, 5.5, 6.5, 8.5)
    for step, scale in zip(steps, (1.2, 1.1, 1.0, 0.9, 0.78, 0.66)):
        if load <= step:
            return scale
    return 0.55


# ---------------------------------------------------------------- HTML
CSS = """
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; color: INK; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: 210mm; height: 297mm; overflow: hidden; page-break-after: avoid; }
.poster { width: 210mm; height: 297mm; padding: 15mm 16mm 11mm; display: flex; flex-direction: column; }
.a6 .sheet { display: grid; grid-template-columns: 105mm 105mm; grid-template-rows: 148.5mm 148.5mm; }
.a6 .poster { width: 105mm; height: 148.5mm; padding: 6mm 6.5mm 4.5mm; border: 0.3mm dashed #9aa5ad; }
header { border-bottom: 1.2mm solid ACCENT; padding-bottom: calc(5mm * var(--s)); }
h1 { margin: 0; font-size: calc(27pt * var(--s)); line-height: 1.15; color: ACCENT; }
.a6 h1 { font-size: calc(13pt * var(--s)); }
.for { margin: 2mm 0 0; font-size: calc(13pt * var(--s)); color: MUTED; }
.a6 .for { margin-top: 1mm; font-size: calc(7.5pt * var(--s)); }
ol { list-style: none; margin: 0; padding: 0; flex: 1; display: grid; align-content: start;
  grid-template-columns: repeat(var(--cols), 1fr); column-gap: 8mm; }
li { padding: calc(5mm * var(--s)) 0; border-bottom: 0.3mm solid #d5dde1; break-inside: avoid; }
.a6 li { padding: calc(2.2mm * var(--s)) 0; }
h2 { margin: 0; font-size: calc(15pt * var(--s)); line-height: 1.2; }
.a6 h2 { font-size: calc(8.5pt * var(--s)); }
.summary { margin: 1mm 0 0; font-size: calc(10.5pt * var(--s)); line-height: 1.3; color: MUTED;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.a6 .summary { display: none; }
.phone { margin: calc(2mm * var(--s)) 0 0; }
.number { display: block; font-size: calc(34pt * var(--s)); font-weight: bold; line-height: 1.05;
  color: INK; letter-spacing: 0.01em; white-space: nowrap; }
.a6 .number { font-size: calc(17pt * var(--s)); }
.detail { display: block; font-size: calc(9.5pt * var(--s)); color: MUTED; margin-top: 0.5mm; }
.a6 .detail { font-size: calc(6pt * var(--s)); }
.address { display: flex; align-items: center; gap: calc(4mm * var(--s)); margin-top: calc(2.5mm * var(--s)); }
.address svg { width: calc(25mm * var(--s)); height: calc(25mm * var(--s)); flex: none; }
.a6 .address svg { width: calc(15mm * var(--s)); height: calc(15mm * var(--s)); }
.channel { display: block; font-size: calc(9pt * var(--s)); text-transform: uppercase; letter-spacing: 0.08em;
  color: MUTED; }
.a6 .channel { font-size: calc(5.5pt * var(--s)); }
.url { display: block; font-size: calc(17pt * var(--s)); font-weight: bold; color: ACCENT; text-decoration: none;
  overflow-wrap: anywhere; }
.a6 .url { font-size: calc(9pt * var(--s)); }
.flags { margin: calc(2.5mm * var(--s)) 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 1.5mm; }
.flags span { background: SOFT; color: ACCENT; border-radius: 1.5mm; padding: 0.6mm 2.2mm;
  font-size: calc(9.5pt * var(--s)); font-weight: bold; }
.a6 .flags span { font-size: calc(6pt * var(--s)); padding: 0.3mm 1.2mm; }
footer { font-size: calc(8.5pt * var(--s)); color: MUTED; padding-top: 3mm; }
.a6 footer { font-size: 5.5pt; padding-top: 1.5mm; }
""".replace("INK", INK).replace("ACCENT", ACCENT).replace("SOFT", SOFT).replace("MUTED", MUTED)


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
    svg = _qr(r.url).svg_inline(scale=1, border=4, omitsize=True, dark=INK)
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
    count = len(p.lines)
    cols = 2 if count > 6 and not card else 1
    variables = f":root {{ --s: {_scale(p, card)}; --cols: {cols}; }}"
    body = _poster_html(p) * (4 if card else 1)
    return (f'<!DOCTYPE html>\n<html lang="{p.lang}"><head><meta charset="utf-8">'
            f"<title>{_esc(p.title)}</title><style>{variables}{CSS}</style></head>"
            f'<body class="{size}"><main class="sheet">{body}</main></body></html>\n')


# ---------------------------------------------------------------- PDF
MM_PER_PT = 25.4 / 72
LEADING = 1.22
# Type sizes in points (and the QR code's side in mm), the same as the HTML's CSS.
POSTER_TYPE = {"title": 27, "for": 13, "name": 15, "summary": 10.5, "number": 34, "detail": 9.5, "channel": 9,
               "url": 17, "flags": 10, "footer": 8.5, "qr": 25}
CARD_TYPE = {"title": 13, "for": 7.5, "name": 8.5, "summary": 0, "number": 17, "detail": 6, "channel": 5.5,
             "url": 9, "flags": 6, "footer": 5.5, "qr": 15}


def write_pdf(p: Poster, size: str) -> bytes:
    """A4, one page; the type shrinks step by step until every line fits (nothing is ever cut)."""
    card = size == "a6"
    boxes = [(x, y, 105.0, 148.5) for y in (0.0, 148.5) for x in (0.0, 105.0)] if card else [(0.0, 0.0, 210.0, 297.0)]
    scale = _scale(p, card)
    while scale > 0.3 and not _draw(_new_pdf(), p, boxes[0], card, scale):
        scale = round(scale - 0.05, 2)
    pdf = _new_pdf()
    for box in boxes:
        _draw(pdf, p, box, card, scale)
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


def _draw(pdf: Any, p: Poster, box: tuple[float, float, float, float], card: bool, s: float) -> bool:
    """Draw one poster or card into `box` at type scale `s`; False when it does not fit."""
    x0, y0, w0, h0 = box
    pad_x, pad_top, pad_bottom = (6.5, 6.0, 4.5) if card else (16.0, 15.0, 11.0)
    x, w = x0 + pad_x, w0 - 2 * pad_x
    size = CARD_TYPE if card else POSTER_TYPE
    gap = 0.5 * s if card else s  # spacing follows the type

    def font(role: str, bold: bool = False) -> float:
        points = size[role] * (s if role != "footer" or not card else 1)
        pdf.set_font("DejaVu", "B" if bold else "", points)
        return points * MM_PER_PT * LEADING

    def text(value: str, role: str, colour: str = INK, bold: bool = False, link: str = "",
             left: float = x, width: float = w) -> None:
        height = font(role, bold)
        pdf.set_text_color(*_rgb(colour))
        pdf.set_x(left)
        pdf.multi_cell(width, height, value, new_x="LEFT", new_y="NEXT", link=link)

    def height(value: str, role: str, width: float, bold: bool = False) -> float:
        line = font(role, bold)
        return line * len(pdf.multi_cell(width, line, value, dry_run=True, output="LINES"))

    pdf.set_xy(x, y0 + pad_top)
    text(p.title, "title", ACCENT, bold=True)
    pdf.ln(2 * gap)
    text(p.subtitle, "for", MUTED)
    pdf.ln(5 * gap)
    pdf.set_draw_color(*_rgb(ACCENT))
    pdf.set_line_width(1.2 if not card else 0.8)
    pdf.line(x, pdf.get_y(), x + w, pdf.get_y())
    qr = size["qr"] * s
    for line in p.lines:
        pdf.ln(5 * gap)
        text(line.name, "name", bold=True)
        if line.summary and size["summary"]:
            pdf.ln(gap)
            text(line.summary, "summary", MUTED)
        for phone in line.phones:
            pdf.ln(2 * gap)
            text(phone.text, "number", bold=True)
            if phone.detail:
                text(phone.detail, "detail", MUTED)
        for address in line.addresses:
            pdf.ln(2.5 * gap)
            top = pdf.get_y()
            left = x + (qr + 4 * gap if address.url else 0)
            if address.url:
                buffer = io.BytesIO()
                _qr(address.url).save(buffer, kind="svg", scale=1, border=4, omitsize=True, xmldecl=False, dark=INK)
                buffer.seek(0)
                pdf.image(buffer, x=x, y=top, w=qr, h=qr)
            width = w - (left - x)
            block = (height(address.label.upper(), "channel", width) + height(address.text, "url", width, True)
                     + (height(address.detail, "detail", width) if address.detail else 0))
            pdf.set_y(top + max(0.0, (qr - block) / 2) if address.url else top)
            text(address.label.upper(), "channel", MUTED, left=left, width=width)
            text(address.text, "url", ACCENT, bold=True, link=address.url or "", left=left, width=width)
            if address.detail:
                text(address.detail, "detail", MUTED, left=left, width=width)
            pdf.set_y(max(pdf.get_y(), top + (qr if address.url else 0)))
        if line.flags:
            pdf.ln(2.5 * gap)
            text("  ·  ".join(line.flags), "flags", ACCENT, bold=True)
        pdf.ln(5 * gap)
        pdf.set_draw_color(213, 221, 225)
        pdf.set_line_width(0.3)
        pdf.line(x, pdf.get_y(), x + w, pdf.get_y())
    end = pdf.get_y()
    footer = height(p.footer, "footer", w)
    pdf.set_y(y0 + h0 - pad_bottom - footer)
    text(p.footer, "footer", MUTED)
    return end + 2 <= y0 + h0 - pad_bottom - footer
