"""When: a small grammar of time expressions, and whether it still goes on."""

from __future__ import annotations

import re

from .passage import Passage
from .words import find

CLOCK = re.compile(r"^(\d{1,2})(u|h|am|pm|uur)?$")
CLOCK_UNITS = frozenset({"u", "h", "uur", "am", "pm"})
NIGHT = frozenset({"nachts", "nacht", "night"})


class Time(Passage):
    def urgency(self) -> str:
        found = set()
        for start, end, level in find(self.words, self.w.urgency):
            found.add(level)
            self._spend(start, end)
        if not found and any(self._night_clock(i) for i in range(len(self.words))):
            found.add("acute")  # a night hour and no other time word: it is happening now, at night
        for level in ("past", "acute", "recent"):  # "jaren geleden ... nu 40": the event is past
            if level in found:
                return level
        return ""

    def _night_clock(self, i: int) -> bool:
        """A clock time at night: "2u 's nachts", "1 am", "03h", "23u"."""
        m = CLOCK.match(self.words[i])
        if not m:
            return False
        hour, unit = int(m.group(1)), m.group(2)
        after = self.words[i + 1:i + 3]
        if not unit and after[:1] and after[0] in CLOCK_UNITS:
            unit = after[0]
        if not unit:
            return False
        if unit in ("am", "pm"):
            hour = hour % 12 + (12 if unit == "pm" else 0)
        start, stop = self.w.night_hours
        return (hour >= start or hour < stop) or any(x in NIGHT for x in after)

