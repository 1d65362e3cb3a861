"""The data rules. Every check collects problems instead of stopping at the first.

A problem is printed as ``path:line: REFnnn message``. Codes are stable: one
code per kind of problem, every code registered in CODES, and each code that a
file can show has a failing fixture under tests/fixtures/broken/.

The date rules (REF015, REF016) are warnings, checked only when a `today` is
given (`refer validate` does): no date may stop a lookup. So are the rules on how a
text reads (REF026 a chat without hours, REF028 a maintainer's note shown to users).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from .errors import Problem, ReferError, UsageError
from .model import (
    CHANNELS,
    DAYS,
    FACET,
    LANGS,
    Contact,
    Hours,
    Localized,
    Location,
    Regions,
    Service,
    Vocabulary,
    audience_span,
)
from .text import CONTROL_CHARS, closest
from .tomlread import TomlProblem, parse_toml

CODES = {
    "REF001": "TOML syntax error",
    "REF002": "file is not UTF-8",
    "REF003": "missing required key",
    "REF004": "unknown key",
    "REF005": "wrong type",
    "REF006": "unknown vocabulary value",
    "REF007": "bad file name",
    "REF008": "duplicate id",
    "REF009": "control character in text",
    "REF010": "unknown contact channel",
    "REF011": "not a Belgian phone number",
    "REF012": "malformed e-mail address",
    "REF013": "malformed URL",
    "REF014": "empty summary",
    "REF015": "verified_at in the future (warning)",
    "REF016": "verified_at older than two years (warning)",
    "REF017": "bad hours or age range",
    # the source rules live in sources.py (they need every source file, not one service file)
    "REF018": "contact names no source (warning)",
    "REF019": "unknown source id",
    "REF020": "bad entry in sources.toml",
    "REF021": "source older than five years (warning)",
    "REF022": "file cannot be read",
    "REF023": "no such file or directory",
    "REF024": "bundled data directory missing",
    "REF025": "file changed while refer was reading it",
    "REF026": "chat contact without hours (warning)",
    "REF027": "the sources name an audience, the record none",
    "REF028": "a text shown to users carries a maintainer's note",
    "REF029": "age range contradicts the audiences",
}

REQUIRED = ("name", "summary", "audiences", "roles", "topics", "regions", "contacts", "source")
OPTIONAL = (
    "description", "kind", "organisation", "sectors", "age_min", "age_max", "keywords", "website",
    "email", "free", "anonymous", "confidential", "always_open", "emergency", "how_to_reach", "locations",
)
SOURCE_KEYS = ("verified_at", "section", "document", "sources", "notes")
CONTACT_KEYS = ("channel", "value", "hours", "always_open", "note", "source", "provenance", "regions")
LOCATION_KEYS = ("name", "city", "region", "address", "source", "note", "provenance")
HOURS_KEYS = ("days", "opens", "closes")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
URL_RE = re.compile(r"^(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?::\d+)?(?:/[^\s<>\"']*)?$")
TIME_RE = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")
# Short numbers valid in Belgium: emergency (100, 101, 112), helplines such as
# 106 and 1712, the Flemish government line 1700, and the harmonised European 116xxx numbers.
# What a caller reads must not be a maintainer's note: where a fact came from ("(nieuwsblad.be, 2019)", "according
# to the guide"), when it was checked, or how sure someone was ("inferred", "not found"). Those go to the
# contact's `provenance` or the record's `[source] notes`. Matched case-insensitively, in both languages.
MAINTAINER_WORDS = re.compile(
    r"\b(?:undated|datum onbekend|older version|vroegere versie|inferred|afgeleid uit|not found|niet gevonden|"
    r"not checked|niet nagekeken|check that it is|kijk na of|according to the guide|volgens de gids|"
    r"checked on|nagekeken op|verified on|closest match|stated on|vermeld op|evidence|kijk het na|check before use|"
    r"geen bron|no source|in de bronnen|in the sources)\b", re.IGNORECASE)
# A source named in passing: "(rtl.be)", "(leroy.belgium.be, november 2023)", "wtv.be (2023)".
CITATION = re.compile(r"\([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:be|nl|com|org|eu|net|brussels)\b[^)]*\)|"
                      r"\b[a-z0-9-]+\.(?:be|nl|com|org|eu|net)\s*\(\d{4}", re.IGNORECASE)
# A chat's note that speaks of its hours ("hours on the site", "uren op de site").
HOURS_SAID = re.compile(r"\b(?:hours|uren|uur)\b", re.IGNORECASE)
SHORT_NUMBERS = {"100", "101", "102", "103", "105", "106", "107", "110", "112", "1700", "1712", "1733"}


def is_belgian_phone(value: str) -> bool:
    digits = re.sub(r"[\s./()\-\u00a0\u202f]", "", value)
    if not re.fullmatch(r"\+?\d+", digits):
        return False
    if digits in SHORT_NUMBERS or re.fullmatch(r"116\d{3}", digits):
        return True
    if digits.startswith("+32"):
        digits = "0" + digits[3:]
    elif digits.startswith("0032"):
        digits = "0" + digits[4:]
    return bool(re.fullmatch(r"0\d{8,9}", digits))


def is_url(value: str) -> bool:
    return bool(URL_RE.match(value))


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """" (did you mean 'x'?)" to end a problem's message, or nothing."""
    close = closest(word, options)
    return f" (did you mean '{close}'?)" if close else ""


LISTED_CHOICES = 8  # a facet with more values than this is listed by `refer facets`, not in one error line


def facet_value(vocab: Vocabulary, facet: str, given: str) -> str:
    """The id of a facet value given by its id or its Dutch or English label, in any case; else a usage error
    that says what is near and lists every valid value (`refer handout --audience Minderjarigen`)."""
    found = vocab.value_id(facet, given)
    if found is not None:
        return found
    names = [n for v in vocab.values(facet).values() for n in (v.id, v.nl.casefold(), v.en.casefold())]
    near = closest(given.strip().casefold(), names)
    singular = FACET[facet].singular if facet in FACET else facet
    hint = f" Did you mean '{near}'?" if near else ""
    choices = vocab.value_choices(facet)
    listed = f"Valid values: {'; '.join(choices)}." if len(choices) <= LISTED_CHOICES else \
        "'refer facets' lists every value."
    raise UsageError(f"unknown {singular} '{given}'.{hint} {listed}")


def today() -> dt.date:
    """The day the date rules compare with: $REFER_TODAY (an ISO date: check the data as of another day), else
    the clock. The only place the code reads the date."""
    raw = os.environ.get("REFER_TODAY", "").strip()
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ReferError(f"REFER_TODAY must be a date like 2026-11-26, not '{raw}'") from None


class _Checker:
    """Checks one parsed service file; remembers the problems it finds."""

    def __init__(self, path: Path, text: str, vocab: Vocabulary, regions: Regions, today: dt.date | None):
        self.path, self.text, self.vocab, self.regions, self.today = path, text, vocab, regions, today
        self.lines = text.splitlines()
        self.problems: list[Problem] = []

    # -- where -------------------------------------------------------------
    def line_of(self, key: str, needle: str | None = None, start: int = 0) -> int:
        """Best-effort line of a key (or of a quoted value) in the file, 1-based; 0 when unknown."""
        last = key.split(".")[-1]
        patterns = [rf'^\s*"?{re.escape(key)}"?\s*[=.]', rf'^\s*\[+\s*{re.escape(key)}\s*\]+',
                    rf'^\s*"?{re.escape(last)}"?\s*=']
        if needle is not None:
            patterns.insert(0, rf'"{re.escape(needle)}"')
        for pattern in patterns:
            rx = re.compile(pattern)
            for i in range(start, len(self.lines)):
                if rx.search(self.lines[i]):
                    return i + 1
        return 0

    def add(self, code: str, message: str, line: int = 0, severity: str = "error") -> None:
        self.problems.append(Problem(str(self.path), line, code, message, severity))

    # -- types -------------------------------------------------------------
    def text_value(self, doc: dict, key: str, required: bool = False) -> str:
        value = doc.get(key.split(".")[-1])
        if value is None:
            if required:
                self.add("REF003", f"missing required key '{key}'", self.line_of(key))
            return ""
        if not isinstance(value, str):
            self.add("REF005", f"'{key}' must be a string, not {type(value).__name__}", self.line_of(key))
            return ""
        self.check_controls(key, value)
        return value

    def check_controls(self, key: str, value: str) -> None:
        if not value.isprintable() and CONTROL_CHARS.search(value):  # isprintable: a fast first look
            self.add("REF009", f"'{key}' contains a control or escape character", self.line_of(key))

    def localized(self, doc: dict, key: str, required: bool = False) -> Localized:
        value = doc.get(key)
        if value is None:
            if required:
                self.add("REF003", f"missing required key '{key}'", self.line_of(key))
            return Localized()
        if isinstance(value, str):  # one text for both languages
            self.check_controls(key, value)
            return Localized(value, value)
        if not isinstance(value, dict):
            self.add("REF005", f"'{key}' must be a table with nl and en", self.line_of(key))
            return Localized()
        for extra in set(value) - set(LANGS):
            self.add("REF004", f"unknown key '{key}.{extra}'{did_you_mean(extra, LANGS)}",
                     self.line_of(f"{key}.{extra}"))
        return Localized(self.text_value(value, f"{key}.nl"), self.text_value(value, f"{key}.en"))

    def flag(self, doc: dict, key: str) -> bool | None:
        value = doc.get(key)
        if value is None or isinstance(value, bool):
            return value
        self.add("REF005", f"'{key}' must be true or false", self.line_of(key))
        return None

    def integer(self, doc: dict, key: str) -> int | None:
        value = doc.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.add("REF005", f"'{key}' must be a whole number of 0 or more", self.line_of(key))
            return None
        return value

    def emergency_rank(self, doc: dict) -> int | None:
        """Place in `refer emergency`, 1 first; absent: not in that view."""
        rank = self.integer(doc, "emergency")
        if rank is not None and not 1 <= rank <= 999:
            self.add("REF005", f"'emergency' is a place in the emergency view from 1 to 999, not {rank}",
                     self.line_of("emergency"))
            return None
        return rank

    def string_list(self, doc: dict, key: str, required: bool = False) -> tuple[str, ...]:
        value = doc.get(key.split(".")[-1])
        if value is None:
            if required:
                self.add("REF003", f"missing required key '{key}'", self.line_of(key))
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add("REF005", f"'{key}' must be a list of strings", self.line_of(key))
            return ()
        if not "".join(value).isprintable():  # one look at the whole list; the culprit only when needed
            for v in value:
                self.check_controls(key, v)
        return tuple(value)

    def facet_list(self, doc: dict, key: str, facet: str, required: bool = True) -> tuple[str, ...]:
        values = self.string_list(doc, key, required)
        known = self.vocab.values(facet) if facet != "regions" else self.regions.areas
        for v in values:
            if v not in known:
                self.add("REF006", f"unknown {facet} value '{v}'{did_you_mean(v, known)}",
                         self.line_of(key, needle=v))
        return tuple(v for v in values if v in known)

    # -- the service -------------------------------------------------------
    def service(self, doc: dict[str, Any]) -> Service | None:
        sid = self.path.stem
        if not ID_RE.match(sid):
            self.add("REF007", f"file name '{self.path.name}' must be lowercase letters, digits and hyphens"
                     " followed by .toml")
        for key in doc:
            if key not in REQUIRED and key not in OPTIONAL:
                self.add("REF004", f"unknown key '{key}'{did_you_mean(key, REQUIRED + OPTIONAL)}",
                         self.line_of(key))
        name = self.text_value(doc, "name", required=True)
        summary = self.localized(doc, "summary", required=True)
        if "summary" in doc and isinstance(doc["summary"], dict | str) and not (summary.nl.strip()
                                                                             and summary.en.strip()):
            self.add("REF014", "summary must have a Dutch and an English sentence", self.line_of("summary"))
        regions = self.facet_list(doc, "regions", "regions")  # [] when the sources give no area
        keywords = doc.get("keywords", {})
        if not isinstance(keywords, dict):
            self.add("REF005", "'keywords' must be a table with nl and en lists", self.line_of("keywords"))
            keywords = {}
        kind = self.text_value(doc, "kind")
        if kind and kind not in self.vocab.values("kinds"):
            self.add("REF006", f"unknown kind '{kind}'{did_you_mean(kind, self.vocab.values('kinds'))}",
                     self.line_of("kind"))
        website = self.text_value(doc, "website")
        if website and not is_url(website):
            self.add("REF013", f"'website' is not a valid http(s) address: {website!r}", self.line_of("website"))
        email = self.text_value(doc, "email")
        if email and not EMAIL_RE.match(email):
            self.add("REF012", f"'email' is not a valid e-mail address: {email!r}", self.line_of("email"))
        age_min, age_max = self.integer(doc, "age_min"), self.integer(doc, "age_max")
        if age_min is not None and age_max is not None and age_min > age_max:
            self.add("REF017", f"age_min {age_min} is above age_max {age_max}", self.line_of("age_min"))
        verified_at, section, document, sources, notes = self.source(doc)
        service = Service(
            id=sid, name=name, summary=summary,
            audiences=self.facet_list(doc, "audiences", "audiences"),
            roles=self.facet_list(doc, "roles", "roles"),
            topics=self.facet_list(doc, "topics", "topics"),
            regions=regions, contacts=self.contacts(doc), verified_at=verified_at or dt.date.min,
            description=self.localized(doc, "description"), kind=kind,
            organisation=self.text_value(doc, "organisation"),
            sectors=self.facet_list(doc, "sectors", "sectors", required=False),
            age_min=age_min, age_max=age_max,
            keywords_nl=self.string_list(keywords, "keywords.nl"),
            keywords_en=self.string_list(keywords, "keywords.en"),
            website=website, email=email,
            free=self.flag(doc, "free"), anonymous=self.flag(doc, "anonymous"),
            confidential=self.flag(doc, "confidential"), always_open=self.flag(doc, "always_open"),
            emergency=self.emergency_rank(doc),
            how_to_reach=self.localized(doc, "how_to_reach"),
            source_section=section, source_document=document, sources=sources, source_notes=notes,
            locations=self.locations(doc), path=str(self.path),
        )
        for extra in set(keywords) - set(LANGS):
            self.add("REF004", f"unknown key 'keywords.{extra}'", self.line_of(f"keywords.{extra}"))
        if self.today is not None:  # rules of wording and completeness are for `refer validate`: no lookup stops
            self.users_texts(service)
            self.chats_have_hours(service)
        self.ages_fit(service)
        return service

    def users_texts(self, s: Service) -> None:
        """REF028: what a caller reads says how to use the help, not where a fact came from."""
        texts = [(key, value, CITATION) for key, value in (("summary", s.summary), ("description", s.description),
                                                           ("how_to_reach", s.how_to_reach))]
        texts += [("note", c.note, CITATION) for c in s.contacts]
        texts += [("note", loc.note, CITATION) for loc in s.locations]
        for key, text, cited in texts:
            for lang in LANGS:
                said = getattr(text, lang)
                found = MAINTAINER_WORDS.search(said) or cited.search(said)
                if found:
                    self.add("REF028", f"'{key}.{lang}' shows users a maintainer's note ('{found[0]}'): move where "
                             "it comes from and how sure it is to the contact's provenance or [source] notes",
                             self.line_of(key, needle=said))
                    break

    def chats_have_hours(self, s: Service) -> None:
        """REF026 (a warning): a chat without hours, day-and-night or a note on its hours sends people to a
        window that may be closed."""
        for c in s.contacts:
            if c.channel == "chat" and not c.hours and not c.always_open and not HOURS_SAID.search(
                    c.note.nl + " " + c.note.en):
                self.add("REF026", f"chat '{c.value}' has no hours: give them, or say in its note where they are "
                         "(\"hours on the site\")", self.line_of("value", needle=c.value), "warning")

    def ages_fit(self, s: Service) -> None:
        """REF029: ages outside every age its audiences cover (a service for minors up to 25)."""
        span = audience_span(s.audiences, self.vocab.age_spans())
        if span is None:
            return
        low, high = span
        wrong = [f"{key} {age}" for key, age in (("age_min", s.age_min), ("age_max", s.age_max))
                 if age is not None and not low <= age <= high]
        if wrong:
            self.add("REF029", f"{' and '.join(wrong)} outside the ages of its audiences ({low} to {high}): "
                     "correct the ages or the audiences", self.line_of(wrong[0].split()[0]))

    def source(self, doc: dict) -> tuple[dt.date | None, str, str, tuple[str, ...], Localized]:
        source = doc.get("source")
        if source is None:
            self.add("REF003", "missing required key 'source' (with verified_at)")
            return None, "", "", (), Localized()
        if not isinstance(source, dict):
            self.add("REF005", "'source' must be a table", self.line_of("source"))
            return None, "", "", (), Localized()
        for extra in set(source) - set(SOURCE_KEYS):
            self.add("REF004", f"unknown key 'source.{extra}'{did_you_mean(extra, SOURCE_KEYS)}",
                     self.line_of(extra))
        when = source.get("verified_at")
        if when is None:
            self.add("REF003", "missing required key 'source.verified_at'", self.line_of("source"))
        elif isinstance(when, dt.datetime) or not isinstance(when, dt.date):
            self.add("REF005", "'source.verified_at' must be a TOML date like 2026-11-26", self.line_of("verified_at"))
            when = None
        elif self.today is None:  # loading for a lookup: dates are for `refer validate` only
            pass
        elif when > self.today:
            self.add("REF015", f"verified_at {when} is in the future: is the date right?", self.line_of("verified_at"),
                     severity="warning")
        elif (self.today - when).days > 2 * 365:
            self.add("REF016", f"verified_at {when} is more than two years ago: check the facts again",
                     self.line_of("verified_at"), severity="warning")
        return (when, self.text_value(source, "source.section"), self.text_value(source, "source.document"),
                self.string_list(source, "source.sources"), self.localized(source, "notes"))

    def locations(self, doc: dict) -> tuple[Location, ...]:
        raw = doc.get("locations", [])
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            self.add("REF005", "'locations' must be an array of tables", self.line_of("locations"))
            return ()
        headers = [i + 1 for i, line in enumerate(self.lines) if line.lstrip().startswith("[[locations")]
        found = []
        for n, item in enumerate(raw):
            line = headers[n] if n < len(headers) else self.line_of("locations")
            for extra in set(item) - set(LOCATION_KEYS):
                self.add("REF004", f"unknown location key '{extra}'{did_you_mean(extra, LOCATION_KEYS)}", line)
            region = self.text_value(item, "locations.region", required=True)
            if region:
                self.known_region(region, line)
            found.append(Location(self.text_value(item, "locations.name", required=True),
                                  self.text_value(item, "locations.city", required=True), region,
                                  self.text_value(item, "locations.address"),
                                  self.text_value(item, "locations.source"),
                                  self.localized(item, "note"), self.localized(item, "provenance")))
        return tuple(found)

    def contacts(self, doc: dict) -> tuple[Contact, ...]:
        raw = doc.get("contacts")
        if raw is None:
            self.add("REF003", "missing required key 'contacts' (use contacts = [] when there are none)")
            return ()
        if not isinstance(raw, list) or not all(isinstance(c, dict) for c in raw):
            self.add("REF005", "'contacts' must be an array of tables", self.line_of("contacts"))
            return ()
        headers = [i + 1 for i, line in enumerate(self.lines) if line.lstrip().startswith("[[contacts")]
        fallback = self.line_of("contacts") if len(headers) < len(raw) else 0
        return tuple(self.contact(item, headers[n] if n < len(headers) else fallback) for n, item in enumerate(raw))

    def contact(self, item: dict, line: int) -> Contact:
        for extra in set(item) - set(CONTACT_KEYS):
            self.add("REF004", f"unknown contact key '{extra}'{did_you_mean(extra, CONTACT_KEYS)}", line)
        channel = self.text_value(item, "contacts.channel", required=True)
        value = self.text_value(item, "contacts.value", required=True)
        def value_line() -> int:  # looked up only for a problem: most files have none
            return self.line_of("value", needle=value, start=max(line - 1, 0)) if value else line

        if channel and channel not in CHANNELS:
            self.add("REF010", f"unknown contact channel '{channel}'{did_you_mean(channel, CHANNELS)}", line)
        elif channel == "phone" and value and not is_belgian_phone(value):
            self.add("REF011", f"'{value}' is not a Belgian phone number", value_line())
        elif channel == "email" and value and not EMAIL_RE.match(value):
            self.add("REF012", f"'{value}' is not a valid e-mail address", value_line())
        elif channel in ("website", "chat") and value and not is_url(value):
            self.add("REF013", f"'{value}' is not a valid http(s) address", value_line())
        note = self.localized(item, "note")
        return Contact(channel=channel, value=value, hours=self.hours(item.get("hours"), line),
                       always_open=bool(self.flag(item, "always_open")),
                       note=note, source=self.text_value(item, "contacts.source"),
                       provenance=self.localized(item, "provenance"),
                       regions=self.contact_regions(item.get("regions"), line))

    def contact_regions(self, raw: Any, line: int) -> tuple[str, ...]:
        """A contact's own area: region ids, as the service's `regions`."""
        if raw is None:
            return ()
        line = self.line_of("regions", start=max(line - 1, 0)) or line  # looked up only for a contact with an area
        if not isinstance(raw, list) or not all(isinstance(r, str) for r in raw):
            self.add("REF005", "a contact's 'regions' must be an array of region ids", line)
            return ()
        return tuple(r for r in raw if self.known_region(r, line))

    def known_region(self, region: str, line: int) -> bool:
        """A region id of the regions (a location's, a contact's); an unknown one is REF006 at `line`."""
        if region in self.regions.areas:
            return True
        self.add("REF006", f"unknown regions value '{region}'{did_you_mean(region, self.regions.areas)}", line)
        return False

    def hours(self, raw: Any, line: int) -> tuple[Hours, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list) or not all(isinstance(h, dict) for h in raw):
            self.add("REF017", "'hours' must be an array of tables with days, opens and closes", line)
            return ()
        slots = []
        for h in raw:
            days, opens, closes = h.get("days"), h.get("opens"), h.get("closes")
            ok = (isinstance(days, list) and days and all(d in DAYS for d in days)
                  and isinstance(opens, str) and isinstance(closes, str)
                  and TIME_RE.match(opens) and TIME_RE.match(closes) and opens < closes
                  and not set(h) - set(HOURS_KEYS))
            if not ok:
                self.add("REF017", f"bad hours {h!r}: days from {', '.join(DAYS)}, opens < closes as HH:MM", line)
                continue
            slots.append(Hours(tuple(days), opens, closes))
        return tuple(slots)


def check_service_file(path: Path, vocab: Vocabulary, regions: Regions,
                       today: dt.date | None = None, fast: bool = False) -> tuple[Service | None, list[Problem]]:
    """Parse and check one service file; the service is None when it cannot be used.

    The date rules apply only with a `today`: loading for a lookup passes none."""
    try:
        doc, text = parse_toml(path, fast)
    except TomlProblem as exc:
        return None, [exc.at(path)]
    checker = _Checker(path, text, vocab, regions, today)
    service = checker.service(doc)
    errors = [p for p in checker.problems if p.severity == "error"]
    return (None if errors else service), checker.problems


class Report(NamedTuple):
    """What `refer validate` found: every problem, sorted, and how many files it read."""

    problems: tuple[Problem, ...]
    files: int

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def duplicate_ids(services: Iterable[Service]) -> list[Problem]:
    """The same id twice among extra services: which one wins would depend on their order."""
    from .directories import Placed, overlay

    return overlay((Placed(s.id, n, n, s.path) for n, s in enumerate(services)), bundled=None)[1]
