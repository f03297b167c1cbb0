"""Reading scores and words through the noise of OCR'd letters, without guessing.

An OCR text layer misreads separators (`87'15`, `25 t00` for 87,15 and 25,00), letters for digits
(`2l,75`, `1O,50`) and digits or letters inside words (`Kineria`, `Penqukuran`, `lnternal`). Such a
repair changes only the shape of what is printed, never a digit's value, so it is certain and taken
(and noted). A digit read as another digit (`96,60` for 86,60) is not visible in the text itself; only
the arithmetic check can catch it (see :mod:`sakip_eval.letters.check`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# A score as letters print it: up to 3 digits, a decimal comma (or point) and up to 3 decimals.
SCORE = re.compile(r"\d{1,3}(?:[.,]\d{1,3})?")
# The same with OCR's separator noise: an apostrophe, a semicolon or colon, a `t`, spaces around it.
LOOKALIKE = "lI|!OoDQSsZzBGgq"
NOISY_SCORE = re.compile(
    rf"(?P<whole>[\d{LOOKALIKE}]{{1,3}})\s?(?P<sep>[,.'’‘`´;:t]|\s)\s?(?P<fraction>[\d{LOOKALIKE}]{{1,3}})"
)
# Letters OCR reads for digits, each with the one digit it can stand for in a cell that holds a score.
DIGIT_LOOKALIKES = str.maketrans({"l": "1", "I": "1", "|": "1", "!": "1", "O": "0", "o": "0", "D": "0", "Q": "0",
                                  "S": "5", "s": "5", "Z": "2", "z": "2", "B": "8", "G": "6", "g": "9", "q": "9"})
MAX_SCORE = Decimal(100)
# Characters OCR confuses inside words, folded to one form on both sides of a comparison.
WORD_FOLD = str.maketrans({"l": "i", "1": "i", "|": "i", "j": "i", "!": "i", "q": "g", "0": "o"})
WORD = re.compile(r"[A-Za-z0-9|!]+")


@dataclass(frozen=True)
class Reading:
    """A number read from the letter: its value, the text as printed and whether OCR noise was repaired."""

    value: Decimal
    text: str
    repaired: bool = False

    @property
    def places(self) -> int:
        """Decimals as printed (`82,9` has one): sums are compared at the stated total's precision."""
        exponent = self.value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def read_score(text: str) -> Reading | None:
    """A score from 0 to 100 in `text` (one table cell), or None when the cell is no such number.

    `26,713` and `26.713` are both 26.713 (a score never has a thousands separator)."""
    cell = text.strip().strip("*()").rstrip(".;:").strip()
    if SCORE.fullmatch(cell):
        value = Decimal(cell.replace(",", "."))
        return Reading(value, cell) if value <= MAX_SCORE else None
    match = NOISY_SCORE.fullmatch(cell)
    if match is None:
        whole = cell.translate(DIGIT_LOOKALIKES)
        if whole != cell and re.fullmatch(r"\d{1,3}", whole) and sum(c.isdigit() for c in cell) >= 2:
            value = Decimal(whole)
            return Reading(value, cell, repaired=True) if value <= MAX_SCORE else None
        return None
    whole, fraction = (match[g].translate(DIGIT_LOOKALIKES) for g in ("whole", "fraction"))
    if not (whole.isdigit() and fraction.isdigit()) or sum(c.isdigit() for c in cell) < 2:
        return None
    if match["sep"].isspace() and len(fraction) != 2:
        return None  # `25 00` is a lost comma; `1 3` could be two numbers
    value = Decimal(f"{whole}.{fraction}")
    return Reading(value, cell, repaired=True) if value <= MAX_SCORE else None


def fold(word: str) -> str:
    """A word in the form OCR confusions cannot change: lower case, look-alike letters folded."""
    return word.lower().translate(WORD_FOLD)


def words(text: str) -> list[str]:
    """The folded words of a text (letters and digits; punctuation splits)."""
    return [fold(w) for w in WORD.findall(text)]


def similar(word: str, known: str) -> bool:
    """Folded `word` is `known`, or one edit away from it when both are long (OCR drops, adds or swaps
    one character in a long word: `Akuntablitas`, `Evaluasl`)."""
    if word == known:
        return True
    if min(len(word), len(known)) < 7 or abs(len(word) - len(known)) > 1:
        return False
    return _one_edit(word, known)


def _one_edit(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]
