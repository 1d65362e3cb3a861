"""When: a small grammar of time expressions, and whether it still goes on."""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import lexicon
from .passage import Passage, participle
from .words import find

CLOCK = re.compile(r"^(\d{1,2})(u|h|am|pm|uur)?$")
DECADE = re.compile(r"^\d0s$")  # "the 90s"
DECADE_YEARS = 10  # a decade named is at least this many years ago
MID_MONTH, MONTH_DAYS = 15, 28  # a month with no day: its middle; a day past the 28th counts as the 28th
ORDINAL = re.compile(r"^\d{1,2}(st|nd|rd|th|de|ste|e)$")  # "6th", "3de", "1ste", "2e"
CLOCK_UNITS = frozenset({"u", "h", "uur", "am", "pm"})
MIN_FINITE = 4  # the shortest Dutch present read from its ending ("laat", "doet"; not "at", "zit")
MAX_FRAGMENT = 5  # the longest sentence part read as a time said of the part before
VOWELS = frozenset("aeiou")
NIGHT = frozenset({"nachts", "nacht", "night"})


class Time(Passage):
    """When it happened, in days before today, and whether it goes on: `urgency` reads both."""

    def urgency(self) -> str:
        w = self.w
        dated: list[tuple[int, int | None]] = []  # days ago, and the word that tells it
        repeated = self._repeated()
        # "iedere woensdag", "every night": a repetition, not a date
        taken: set[int] = {j for i in repeated if self.words[i] in w.every for j in (i, i + 1)}
        for i in range(len(self.words)):
            if i not in taken and not self._of_the_telling(i):
                found = self._days_at(i)
                if found is not None:
                    dated.append((found[0], i))
                    taken.update(range(i, found[1]))
        spare = [x if i not in taken else "" for i, x in enumerate(self.words)]
        for start, end, level in find(spare, w.urgency):
            if not self._of_the_telling(start):
                dated.append(({"acute": 0, "recent": w.acute_days + 1}.get(level, w.recent_days + 1), start))
            taken.update(range(start, end))
        for start, end, _ in find(spare, w.childhood):
            dated.append((w.recent_days + 1, start))
            taken.update(range(start, end))
        for i, word in enumerate(self.words):  # "net aangerand", "just hit her": right now
            # (or a harm state told in its sentence part: "just brought in a child with a fracture")
            if word in w.just and (any(self.is_act(j) for j in range(i + 1, min(len(self.words), i + 3))) or any(
                    self.part[j] == self.part[i] and self.act_class[j] and w.act_classes[self.act_class[j]]["state"]
                    for j in range(i + 1, len(self.words)))):
                dated.append((0, i))
        if any(m.age_then is not None and m.age is not None and m.age - m.age_then > 1 for m in self.mentions):
            dated.append((w.recent_days + 1, None))  # "toen ik 11 was ... nu 62": long ago
        # the times told in a sentence part with an act are the act's ("hij betastte hem toen hij 14 was. Hij
        # traint vandaag nog"); only when none is, any time told
        # (and of those, the ones in the act's own clause: "years ago he forced me ... and tonight it came back")
        told = [(d, i) for d, i in dated if i is None or self._has_act(self.part[i])] or dated
        # (a clause that repeats it keeps its time too: "since January, again last night")
        again_at = {self.clause[i] for i in repeated} | {self.clause[s] for s, _, _ in find(self.words, w.ongoing)}
        told = [(d, i) for d, i in told if i is None or self._clause_acts(i) or self.clause[i] in again_at
                or self._time_fragment(self.part[i])] or told
        days = [d for d, _ in told]
        self.used.update(taken)
        repeated += [start for start, _, _ in find(self.words, w.ongoing)]
        # a repetition in a clause of a conviction or a charge tells of the case, not of the act
        repeated = [i for i in repeated if not self._of_a_case(i)]
        self.repeated = bool(repeated)  # told as repeated (not only in the present tense)
        self.ongoing = bool(repeated)
        # it goes on when told so of the acts (a marker in a sentence part with an act): not of feelings or of
        # the telling ("I have had these thoughts since ..."); an act in the present tense goes on too, but
        # tells no time ("he hits her": no more recent than said)
        going_on = any(self._has_act(self.part[i]) for i in repeated) or self._present_act()
        self.ongoing = self.ongoing or going_on or self._present_act()
        if any(self._clause_acts(i) for i in repeated):
            # an act told as a habit in its clause: a time told in a clause with no act (nor a repetition of it:
            # "vannacht weer") is of something else ("last weekend she stayed with us and said he sometimes hurts her
            # at night": the habit has no date)
            again = {self.clause[i] for i in repeated}
            # (a time said after it on its own is of the habit: "slaat me al jaren, vorige nacht nog erger")
            days = [d for d, i in told if i is None or self._clause_acts(i) or self.clause[i] in again
                    or self._time_fragment(self.part[i])]
        if not days and any(self._night_clock(i) for i in range(len(self.words))):
            days.append(0)  # a night hour and no other time word: it is happening now, at night
        if not days:
            return "recent" if going_on else ""
        when = min(days)
        if going_on:
            when = min(when, w.recent_days)  # "since 2019", "sinds januari": it started then, and it still goes on
        self.now = when == 0  # today, tonight, right now
        return "acute" if when <= w.acute_days else "recent" if when <= w.recent_days else "past"

    def _repeated(self) -> list[int]:
        """Where the grammar of repetition starts: "elke nacht", "iedere woensdag", "al drie weken", "al een paar
        maanden", "for months", "sinds de zomer", "since we broke up"."""
        w, words = self.w, self.words
        found = []
        for i, word in enumerate(words):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            after = words[i + 2] if i + 2 < len(words) else ""
            if word in w.every and (nxt in w.units or nxt in w.every_of or nxt.startswith(w.weekdays)
                                    or nxt in w.day_parts):
                found.append(i)
            elif word in w.last and (nxt in w.units and nxt not in w.last_of or nxt in w.numbers and after in w.units):
                found.append(i)  # "de afgelopen weken", "the past few months": up to now
            elif word in w.since and nxt:
                found.append(i)
            elif word in w.spans and (word not in w.spans_perfect or self._perfect(i)):
                rest = words[i + 1:i + 5]
                while rest and len(rest) > 1 and (rest[0] in w.numbers or rest[0].isdigit()
                                                  or rest[0] in w.possessive_of):
                    rest = rest[1:]  # "al drie weken", "al een paar maanden", "for 3 months", "for a few years"
                if rest and (rest[0] in w.units or rest[0] in w.span_of and rest[0] != nxt):
                    found.append(i)
        return found

    def _perfect(self, i: int) -> bool:
        """A perfect or a present tense in the clause of word i ("has been", "is", "he hits her for months")."""
        return any(self.clause[j] == self.clause[i] and (self.words[j] in self.w.active or self.words[j] in
                                                          self.w.progressive or self._present(j))
                   for j in range(len(self.words)))

    def _has_act(self, part: int) -> bool:
        """The sentence part names an act or its stopping, or starts with "dit", "it" after one that does ("dat duurt al
        weken")."""
        start = self.part.index(part)
        before = [p for p in self.part if p < part]
        if before and (self.words[start] in self.w.about_it or self._time_fragment(part)) and self._has_act(before[-1]):
            return True
        # ("we quit half a year back": the stopping dates the act too)
        return any(self.part[i] == part and (self.is_act(i) or self.act_class[i] or self.words[i] in self.w.sharing
                                             or self.words[i] in self.w.contact or self.words[i] in self.w.stopping)
                   for i in range(len(self.words))) \
            or any(self.part[i] == part for i in self._together().values())

    def _time_fragment(self, part: int) -> bool:
        """A short sentence part that opens with a time and names no one ("Since May.", "vorige nacht nog erger"):
        it tells the time of the part before."""
        w = self.w
        span = [i for i, p in enumerate(self.part) if p == part]
        first = self.words[span[0]]
        # (or with a word of repetition: "again last night", "weer vannacht")
        opens = first in w.since or first in w.last or first in w.spans or first in w.every \
            or self._days_at(span[0]) is not None \
            or any(s == 0 for s, _, _ in find(self.words[span[0]:span[-1] + 1], w.ongoing))
        return len(span) <= MAX_FRAGMENT and opens and not any(m.at in span for m in self.mentions)

    def _present_act(self) -> bool:
        """An act told in the present tense ("he hits her", "hij stuurt haar", "is beating", "wordt betast"), or
        with a verb in the present before it in its clause ("zij moet van hem ...", "he makes them do ...",
        "pays her rent in exchange for ..."): it goes on. Not a Dutch participle after an auxiliary ("werd
        misbruikt", "heeft betast")."""
        return any(self._present(i) or self._present_before_act(i) for i in range(len(self.words)))

    def _present(self, i: int) -> bool:
        w, word = self.w, self.words[i]
        if not (self.is_act(i) or word in w.sharing or word in w.contact) or word in w.accused \
                or word in w.active or word in w.passive:
            return False  # ("heeft seks gehad": its auxiliary is of the perfect)
        before = [self.words[j] for j in range(i) if self.clause[j] == self.clause[i]]
        clause = [self.words[j] for j in range(len(self.words)) if self.clause[j] == self.clause[i] and j != i]
        if word.endswith("ing") and any(x in w.progressive for x in clause):
            return True  # "is beating", "are bullying"
        if find(before, w.present_passive) and not any(x in w.accused or x in w.convicted for x in clause):
            # "ze wordt betast", "she is being followed": a passive of the present (not of a charge: "word
            # beschuldigd van het betasten ..." tells of the charge)
            return True
        if participle(word):
            # "hij betast haar": the Dutch present that looks like a participle, with no auxiliary in its clause and
            # an object pronoun right after it ("meisje betast", "de trainer betast een speelster" may be either)
            after = self.words[i + 1] if i + 1 < len(self.words) else ""
            return self._finite(word) and after in w.objects \
                and not any(x in w.passive or x in w.active for x in clause)
        return self._finite(word)

    @staticmethod
    def _finite(word: str) -> bool:
        """A verb form of the present, third person, by its ending against its lemma: "hits", "sends" (an
        English -s of a verb), "slaat", "stuurt", "geeft", "betast" (a Dutch stem and a t; "moest", "liet" are of
        the past)."""
        lex = lexicon()
        lemma = lex.lemma(word)
        if lemma == word and word.endswith("s") and lex.is_real(word[:-1]):
            lemma = word[:-1]  # ("offers": the lexicon knows "offer")
        english = word.endswith("s") and not word.endswith("ss") and lemma != word and word[:-1].startswith(lemma[:-1])
        dutch = len(word) >= MIN_FINITE and word.endswith("t") and lemma.endswith("n") and lemma != word \
            and word in dutch_present(lemma)
        return english or dutch

    def _present_before_act(self, i: int) -> bool:
        """Word i is a verb in the present (not an auxiliary of the perfect or the passive, not one of telling or
        thinking) before an act in its clause: "zij moet van hem dingen doen ...", "he makes them do ...",
        "he pays her rent in exchange for ...". An English -s form only right after its subject (a
        pronoun, a person, "who") or opening its clause: "pictures", "boys" are no verbs."""
        w, word = self.w, self.words[i]
        if self.is_act(i) or self.act_class[i] or word in w.active or word in w.passive or word in w.telling \
                or word in w.thinking or word in w.moods or not self._finite(word):
            return False
        clause = self.clause[i]
        if participle(word) and any(self.words[j] in w.active or self.words[j] in w.passive
                                    for j in range(i) if self.clause[j] == clause):
            return False  # "heeft haar verstopt": a participle after its auxiliary
        together = set(self._together().values())
        if not any(self.clause[j] == clause and (self.is_act(j) or self.act_class[j] or j in together)
                   for j in range(i, len(self.words))):  # (a class read together may start at it: "makes him do")
            return False
        if word.endswith("t"):
            return True  # a Dutch finite verb: no noun of the lexicon ends so and differs from its lemma
        prev = self.words[i - 1] if i else ""
        nxt = self.words[i + 1] if i + 1 < len(self.words) else ""
        # after its subject or opening its clause, with an object after it ("he makes the boys ...", "..., makes him
        # do ..."): "als kind", "years ago" are no verbs
        subject = i == 0 or self.clause[i - 1] != clause or prev in w.third or prev in w.relative \
            or any(m.end == i and m.relation != "pronoun" or m.at == i - 1 for m in self.mentions)
        return subject and (nxt in w.objects or nxt in w.determiners or nxt in w.to)

    @staticmethod
    def _today() -> dt.date:
        from ..validate import today  # the one reader of the date (REFER_TODAY)

        return today()

    def _year(self) -> int:
        return self._today().year

    def _month_ago(self, i: int) -> tuple[int, int] | None:
        """Days ago of a month named at word i ("in maart", "since January", "op 3 november", "the 2nd of May", "maart
        2021"), and where it ends: the last such month up to today; a month that is also a word ("may", "march") only
        after one of `month_before` or with a day or a year beside it."""
        w, words = self.w, self.words
        month = w.months.get(words[i])
        if month is None:
            return None
        prev, nxt = words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""
        day = day_number(prev) or (day_number(words[i - 2]) if i > 1 and prev in w.month_of else None) \
            or day_number(nxt)
        year = int(nxt) if len(nxt) == 4 and nxt.isascii() and nxt.isdigit() else None
        if day is None and year is None and prev not in w.month_before:
            return None
        today, end = self._today(), i + (2 if year is not None or day_number(nxt) else 1)
        if day is None and year is None and month == today.month:
            return today.day // 2, end  # "in december", said in December: half of it ago
        date = dt.date(year or today.year, month, min(day or MID_MONTH, MONTH_DAYS))
        if year is None and date > today:
            date = date.replace(year=date.year - 1)
        return max((today - date).days, 0), end

    def _of_the_telling(self, i: int) -> bool:
        """"hij zei me gisteren dat ...", "she told me today", "gisteren gaf hij toe dat ...": the time of the
        telling, not of the act; so is the time of a conviction or an arrest ("in maart werd hij veroordeeld")."""
        words, w = self.words, self.w
        near = [j for j in range(max(0, i - 3), min(len(words), i + 4))
                if words[j] in w.telling and self.part[j] == self.part[i]]
        # nothing of another clause between ("zegt dat hij gisteren ..."), before or after the time word
        if any(not any(words[k] in w.boundary for k in range(min(i, j), max(i, j))) for j in near):
            return True
        clause = [j for j in range(len(words)) if self.clause[j] == self.clause[i]]
        return self._of_a_case(i) and not any(self.is_act(j) for j in clause)

    def _clause_acts(self, i: int) -> bool:
        """The clause of word i names an act (or a harm state)."""
        return any(self.clause[j] == self.clause[i] and (self.is_act(j) or self.act_class[j])
                   for j in range(len(self.words)))

    def _of_a_case(self, i: int) -> bool:
        """Word i is in a clause that tells of a conviction or a charge ("she has been charged with abuse")."""
        return any(self.clause[j] == self.clause[i] and self.words[j] in self.w.convicted
                   for j in range(len(self.words)))

    def _days_at(self, i: int) -> tuple[int, int] | None:
        """Days ago of a time expression starting at word i, and where it ends; None when none starts there."""
        w, words = self.w, self.words
        word, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        after = words[i + 2] if i + 2 < len(words) else ""
        number = int(word) if word.isascii() and word.isdigit() and len(word) <= 2 else w.numbers.get(word)
        if number is not None and nxt in w.units and after in w.ago:  # "drie dagen geleden", "ten days ago"
            return number * w.units[nxt], i + 3
        if word in w.units and nxt in w.ago and not (i and words[i - 1] in w.numbers):  # "jaren geleden": a few
            return w.few * w.units[word], i + 2
        if word in w.last and nxt in w.last_of:  # "vorige winter", "last week"
            return w.last_of[nxt], i + 2
        if word in w.last and (nxt in w.units or nxt in w.numbers and after in w.units):
            # "de afgelopen twee weken", "the past few months", "de laatste weken": a span up to now
            count = w.numbers[nxt] if nxt in w.numbers else w.few
            return count * w.units[after if nxt in w.numbers else nxt], i + (3 if nxt in w.numbers else 2)
        if word in w.last and nxt.startswith(w.weekdays):  # "afgelopen vrijdag"
            return w.weekday_days, i + 2
        if word.startswith(w.weekdays) and (word in w.weekdays or word.endswith(w.day_parts)):
            # "vrijdag", "zaterdagavond", "friday", "monday evening"; "a weekend three weeks ago": the date after it
            later = self._days_at(i + 1) if nxt and (nxt in w.numbers or nxt.isdigit() or nxt in w.units) else None
            if later is not None:
                return later
            return w.weekday_days, i + (2 if nxt in w.day_parts or nxt in w.units else 1)
        if word in w.this and nxt in w.day_parts:  # "deze avond", "this morning"
            return 0, i + 2
        if word in w.this and nxt in w.last_of:  # "deze zomer", "this month": on average half of it ago
            return w.last_of[nxt] // 2, i + 2
        for prefix, ago in w.day_prefixes.items():  # "gistermiddag", "vanavond"
            if word.startswith(prefix) and word[len(prefix):] in w.day_parts or word == prefix and ago:
                return ago, i + (2 if nxt in w.day_parts else 1)  # "gisteren", "yesterday evening"
        period = next((days for head, days in w.periods.items() if word.endswith(head)), None)
        if period is not None:  # "tijdens de kerstvakantie", "over the holidays"
            return period, i + 1
        month = self._month_ago(i)
        if month is not None:
            return month
        if DECADE.match(word) or word in w.decades and nxt.isdigit() and len(nxt) == 2:  # "in the 90s", "de jaren 80"
            return w.recent_days * DECADE_YEARS, i + (1 if DECADE.match(word) else 2)
        if len(word) == 4 and word.isascii() and word.isdigit() and 1900 < int(word) <= self._year():  # "in 2019"
            return (self._year() - int(word)) * 365, i + 1
        if word in w.then:  # "toen hij 7 was", "when she was 6", "at age 5": long ago
            ahead = words[i + 1:i + 5]
            # (or a school year: "when she was in 4th grade", "toen ik in het 3de leerjaar zat")
            school = any(y in w.minor_places for y in words[i + 1:i + 7])
            if any(x.isdigit() or w.numbers.get(x, 0) > 1 or school and ORDINAL.match(x) for x in ahead):
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



def dutch_present(lemma: str) -> set[str]:
    """The third person of the present of a Dutch verb (and its stem): "slaan" -> slaat, "geven" -> geeft, "slapen"
    -> slaapt, "zitten" -> zit, "betasten" -> betast."""
    out: set[str] = set()
    for stem in {lemma[:-2], lemma[:-1]} if lemma.endswith("en") else {lemma[:-1]}:
        if len(stem) > 1 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
            stem = stem[:-1]  # "zitt" -> zit, "kuss" -> kus
        forms = {stem}
        if len(stem) > 2 and stem[-2] in VOWELS and stem[-3] not in VOWELS and stem[-1] not in VOWELS:
            long = stem[:-1] + stem[-2] + stem[-1]  # "slap" -> slaap, "stur" -> stuur
            forms.add(long[:-1] + {"v": "f", "z": "s"}.get(long[-1], long[-1]))  # "geev" -> geef
        out.update(f for s in forms for f in (s, s + "t"))
    return out


def day_number(word: str) -> int | None:
    """A day of the month as written: "3", "3rd", "2nd", "21ste", "3de"."""
    m = re.match(r"^(\d{1,2})(st|nd|rd|th|de|ste|e)?$", word)
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None
