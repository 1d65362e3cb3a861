"""What a word is, by a real lexicon: its lemma, whether it is a real word, the head of a compound.

The table (lexicon.txt beside this file) is derived from simplemma's Dutch and English dictionaries
by scripts/build_lexicon.py, for the reader's own words only: the forms of their lemmas, and the real
words one slip away from them. It loads in about a millisecond, where simplemma itself takes 0.3 s.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("lexicon.txt")
LINKS = ("s", "en", "e", "")  # the linking sounds of Dutch compounds ("gezinsgeweld", "pleegvader")
MIN_STEM = 3  # the shortest first part of a compound ("judo", "buur", "pleeg")
# The endings of Dutch and Flemish diminutives ("piemeltje", "kontje", "poepeke", "handske"), longest first
DIMINUTIVES = ("etje", "tje", "pje", "je", "eke", "ske", "ke")


class Lexicon:
    def __init__(self, text: str):
        """The table's three sections ([lemmas] "form lemma", [real], [no-compound]), split by C-speed str.split."""
        sections = dict(part.split("]\n", 1) for part in text.split("\n[")[1:] if "]\n" in part)
        pairs = sections.get("lemmas", "").split()
        self.lemmas: dict[str, str] = dict(zip(pairs[::2], pairs[1::2]))
        self.no_compound = set(sections.get("no-compound", "").split())
        self.real = set(sections.get("real", "").split()) | set(self.lemmas) | set(self.lemmas.values()) \
            | self.no_compound

    def lemma(self, word: str) -> str:
        """"dwong" -> "dwingen", "geslagen" -> "slaan"; a word the table does not hold is its own lemma."""
        return self.lemmas.get(word, word)

    def is_real(self, word: str) -> bool:
        """A real word near one of the reader's words ("leiden", "older"): never to be read as a slip."""
        return word in self.real

    def forms(self, lemmas: Iterable[str]) -> set[str]:
        """Every form the table knows of these lemmas, the lemmas included."""
        wanted = set(lemmas)
        return wanted | {f for f, lemma in self.lemmas.items() if lemma in wanted}


def head(word: str, heads: Iterable[str], min_head: int = 3) -> str | None:
    """The longest of `heads` that `word` ends in, after a first part of its own: "judotrainer" -> "trainer",
    "pleegvader" -> "vader", "buurman" -> "man". None when the word is not such a compound."""
    best = None
    for h in heads:
        if len(h) >= min_head and len(word) - len(h) >= MIN_STEM and word.endswith(h) and (
                best is None or len(h) > len(best)):
            best = h
    return best


def undiminished(word: str, known: frozenset[str] | set[str]) -> str:
    """The word a diminutive is made of, when that is one of `known` ("kontje" -> "kont", "poepeke" -> "poep");
    else the word itself."""
    if word in known:
        return word
    for end in DIMINUTIVES:
        stem = word[:-len(end)]
        if word.endswith(end) and len(stem) >= MIN_STEM and stem in known:
            return stem
    return word


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(TABLE.read_text(encoding="utf-8"))
