"""When: a small grammar of time expressions, and whether it still goes on."""

from __future__ import annotations

import re

from .passage import Passage
from .words import find

CLOCK = re.compile(r"^(\d{1,2})(u|h|am|pm|uur)?$")
CLOCK_UNITS = frozenset({"u", "h", "uur", "am", "pm"})
NIGHT = frozenset({"nachts", "nacht", "night"})


class Time(Passage):
    """When it happened, in days before today, and whether it goes on: `urgency` reads both."""

    def urgency(self) -> str:
        w = self.w
        days: list[int] = []
        taken: set[int] = set()
        for i in range(len(self.words)):
            if i not in taken and not self._of_the_telling(i):
                found = self._days_at(i)
                if found is not None:
                    days.append(found[0])
                    taken.update(range(i, found[1]))
        spare = [x if i not in taken else "" for i, x in enumerate(self.words)]
        for start, end, level in find(spare, w.urgency):
            if not self._of_the_telling(start):
                days.append({"acute": 0, "recent": w.acute_days + 1}.get(level, w.recent_days + 1))
            taken.update(range(start, end))
        for start, end, _ in find(spare, w.childhood):
            days.append(w.recent_days + 1)
            taken.update(range(start, end))
        if any(m.age_then is not None and m.age is not None and m.age - m.age_then > 1 for m in self.mentions):
            days.append(w.recent_days + 1)  # "toen ik 11 was ... nu 62": long ago
        self.used.update(taken)
        self.ongoing = bool(find(self.words, w.ongoing))
        if not days and any(self._night_clock(i) for i in range(len(self.words))):
            days.append(0)  # a night hour and no other time word: it is happening now, at night
        if not days:
            return "recent" if self.ongoing else ""
        when = min(days)
        self.now = when == 0  # today, tonight, right now
        return "acute" if when <= w.acute_days else "recent" if when <= w.recent_days else "past"

    @staticmethod
    def _year() -> int:
        from ..validate import today  # the one reader of the date (REFER_TODAY)

        return today().year

    def _of_the_telling(self, i: int) -> bool:
        """"hij zei me gisteren dat ...", "she told me today": the time of the telling, not of the act."""
        words, w = self.words, self.w
        told = [j for j in range(max(0, i - 3), i) if words[j] in w.telling and self.part[j] == self.part[i]]
        return bool(told) and not any(words[j] in w.boundary for j in range(told[-1], i))  # "zegt dat hij gisteren"

    def _days_at(self, i: int) -> tuple[int, int] | None:
        """Days ago of a time expression starting at word i, and where it ends; None when none starts there."""
        w, words = self.w, self.words
        word, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        after = words[i + 2] if i + 2 < len(words) else ""
        number = int(word) if word.isdigit() and len(word) <= 2 else w.numbers.get(word)
        if number is not None and nxt in w.units and after in w.ago:  # "drie dagen geleden", "ten days ago"
            return number * w.units[nxt], i + 3
        if word in w.units and nxt in w.ago and not (i and words[i - 1] in w.numbers):  # "jaren geleden": a few
            return w.few * w.units[word], i + 2
        if word in w.last and nxt in w.last_of:  # "vorige winter", "last week"
            return w.last_of[nxt], i + 2
        if word in w.last and nxt.startswith(w.weekdays):  # "afgelopen vrijdag"
            return w.weekday_days, i + 2
        if word.startswith(w.weekdays) and (word in w.weekdays or word.endswith(w.day_parts)):
            # "vrijdag", "zaterdagavond", "friday", "monday evening"
            return w.weekday_days, i + (2 if nxt in w.day_parts or nxt in w.units else 1)
        if word in w.this and nxt in w.day_parts:  # "deze avond", "this morning"
            return 0, i + 2
        for prefix, ago in w.day_prefixes.items():  # "gistermiddag", "vanavond"
            if word.startswith(prefix) and word[len(prefix):] in w.day_parts or word == prefix and ago:
                return ago, i + (2 if nxt in w.day_parts else 1)  # "gisteren", "yesterday evening"
        if len(word) == 4 and word.isdigit() and 1900 < int(word) <= self._year():  # "in 2019"
            return (self._year() - int(word)) * 365, i + 1
        if word in w.then:  # "toen hij 7 was", "when she was 6", "at age 5": long ago
            ahead = words[i + 1:i + 5]
            if any(x.isdigit() or w.numbers.get(x, 0) > 1 for x in ahead):
                return w.recent_days + 1, i + 1
        return None

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

