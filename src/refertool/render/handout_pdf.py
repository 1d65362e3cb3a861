"""The poster as a PDF: fpdf2 (the `pdf` extra) draws what the HTML shows, at the largest type that fits one A4
page; the layout rules (sizes, columns, what fits) are the HTML's, in `handout`."""

from __future__ import annotations

import io
from typing import Any

from ..errors import ReferError
from ..i18n import t
from .handout import (
    ACCENT,
    CARD_BOX,
    COLUMN_GAP,
    FONTS,
    INK,
    MM_PER_PT,
    MUTED,
    POSTER_BOX,
    SCALES,
    SOFT,
    STRIP_GAP,
    STRIP_PAD,
    Line,
    Poster,
    _columns,
    _inner,
    _numbers_fit,
    _qr,
    _sizes,
    _strip_cell,
)

LEADING = 1.22


def write_pdf(p: Poster, size: str) -> bytes:
    """A4, one page; the largest type (in one column, or two for long posters) at which everything fits."""
    card = size == "a6"
    boxes = [(x, y, 105.0, 148.5) for y in (0.0, 148.5) for x in (0.0, 105.0)] if card else [(0.0, 0.0, 210.0, 297.0)]
    # fpdf2 measures what it draws: trial drawings (a page each, in a scratch document) find the
    # largest scale that fits
    trial = _new_pdf()

    def fits_at(s: float, cols: int) -> bool:
        if not _numbers_fit(p, card, _sizes(p, card, s), cols):
            return False
        trial.add_page()
        return _draw(trial, p, boxes[0], card, _sizes(p, card, s), cols)

    def largest(cols: int) -> float:  # a smaller scale always takes less room: search by halves
        low, high = 0, len(SCALES)  # SCALES[high:] fit, SCALES[:low] do not
        while low < high:
            mid = (low + high) // 2
            if fits_at(SCALES[mid], cols):
                high = mid
            else:
                low = mid + 1
        return SCALES[low] if low < len(SCALES) else 0.0

    scale, cols = max((largest(cols), cols) for cols in _columns(p, card))
    if not scale:
        raise ReferError(t("handout_too_long", p.lang, len(p.lines)))
    pdf = _new_pdf()
    for box in boxes:
        _draw(pdf, p, box, card, _sizes(p, card, scale), cols)
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


def _draw(pdf: Any, p: Poster, box: tuple[float, float, float, float], card: bool, size: dict[str, float],
          cols: int) -> bool:
    """Draw one poster or card into `box` at these sizes in `cols` columns; False when it does not fit."""
    x0, y0, w0, h0 = box
    _, _, pad_top, pad_x, pad_bottom = CARD_BOX if card else POSTER_BOX
    x, w = x0 + pad_x, w0 - 2 * pad_x
    gap, qr = size["gap"], size["qr"]

    def font(role: str, bold: bool = False) -> float:
        points = size[role]
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
    if p.strip:  # the emergency band: the numbers side by side on a soft background
        pdf.ln(4 * gap)
        top, cell = pdf.get_y(), _strip_cell(card, len(p.strip))
        band = 2 * STRIP_PAD + max(height(r.text, "number", cell, True)
                                   + (height(r.detail, "detail", cell) if r.detail else 0) for r in p.strip)
        pdf.set_fill_color(*_rgb(SOFT))
        pdf.rect(x, top, w, band, style="F")
        for n, r in enumerate(p.strip):
            left = x + STRIP_PAD + n * (cell + STRIP_GAP)
            pdf.set_y(top + STRIP_PAD)
            text(r.text, "number", left, cell, bold=True)
            if r.detail:
                text(r.detail, "detail", left, cell, MUTED)
        pdf.set_y(top + band)
    more = height(p.more, "name", w, bold=True) + 1 if p.more else 0
    footer = height(p.footer, "footer", w)
    limit = y0 + h0 - pad_bottom - footer - more - 2
    col = _inner(card, cols)[1]
    for first in range(0, len(p.lines), cols):  # row by row, as the HTML's grid does
        top, bottom = pdf.get_y(), pdf.get_y()
        for n, line in enumerate(p.lines[first:first + cols]):
            pdf.set_y(top)
            entry(line, x + n * (col + COLUMN_GAP[card]), col)
            bottom = max(bottom, pdf.get_y())
        pdf.set_y(bottom)
        if bottom > limit:  # no need to draw the rest of a trial that has failed
            return False
    pdf.set_y(y0 + h0 - pad_bottom - footer - more)
    if p.more:
        text(p.more, "name", x, w, ACCENT, bold=True)
        pdf.ln(1)
    text(p.footer, "footer", x, w, MUTED)
    return True
