"""Is a service certainly reachable now, in Belgian time (Europe/Brussels)?"""

from __future__ import annotations

import datetime as dt

from .model import DAYS, Service

UTC = dt.timezone.utc


def brussels_now(now: dt.datetime | None = None) -> dt.datetime:
    """`now` (default: the clock) as local time in Europe/Brussels."""
    now = now or dt.datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    try:
        from zoneinfo import ZoneInfo

        return now.astimezone(ZoneInfo("Europe/Brussels"))
    except Exception:  # no tz database on this machine: the EU rule, CET/CEST
        return now.astimezone(UTC) + _eu_offset(now.astimezone(UTC))


def _last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 31)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def _eu_offset(utc: dt.datetime) -> dt.timedelta:
    start = dt.datetime.combine(_last_sunday(utc.year, 3), dt.time(1), UTC)
    end = dt.datetime.combine(_last_sunday(utc.year, 10), dt.time(1), UTC)
    return dt.timedelta(hours=2 if start <= utc < end else 1)


def open_now(s: Service, now: dt.datetime | None = None) -> bool:
    """True only when the data says so: always open, or inside a weekly slot. Unknown hours are not open."""
    if s.always_reachable:
        return True
    local = brussels_now(now)
    day, hhmm = DAYS[local.weekday()], local.strftime("%H:%M")
    return any(day in h.days and h.opens <= hhmm < h.closes for c in s.contacts for h in c.hours)
