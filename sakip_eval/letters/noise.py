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
from functools import cache, lru_cache

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
FOLDS = {"l": "i", "1": "i", "|": "i", "j": "i", "!": "i", "q": "g", "0": "o"}
WORD_FOLD = str.maketrans(FOLDS)
ASCII_FOLD = bytes.maketrans("".join(FOLDS).encode(), "".join(FOLDS.values()).encode())
WORD = re.compile(r"[A-Za-z0-9|!]+")
# The shortest word an OCR slip of one character is forgiven in (a shorter one must match exactly).
SIMILAR_LENGTH = 7


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
    """The folded words of a text (letters and digits; punctuation splits). The words are ASCII, so they
    are folded together, as bytes, in one pass (every line of a letter is read several ways)."""
    found = WORD.findall(text)
    joined = " ".join(found).lower().encode("ascii").translate(ASCII_FOLD).decode("ascii")
    return joined.split(" ") if found else []


def similar(word: str, known: str) -> bool:
    """Folded `word` is `known`, or one edit away from it when both are long (OCR drops, adds or swaps
    one character in a long word: `Akuntablitas`, `Evaluasl`)."""
    if word == known:
        return True
    if min(len(word), len(known)) < SIMILAR_LENGTH or abs(len(word) - len(known)) > 1:
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


@cache
def _forms_index(known: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Each known word, and each form of it with one character dropped, -> the known words it comes from.
    Two words one edit apart share such a form, so :func:`near` tries `similar` on those alone, not on
    every known word (a letter's lines are matched against the vocabulary one by one)."""
    index: dict[str, list[str]] = {}
    for word in sorted(known):
        for form in _forms(word):
            index.setdefault(form, []).append(word)
    return {form: tuple(found) for form, found in index.items()}


def _forms(word: str) -> set[str]:
    if len(word) < SIMILAR_LENGTH - 1:
        return {word}
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


@lru_cache(maxsize=1 << 15)
def near(word: str, known: frozenset[str]) -> frozenset[str]:
    """The words of `known` that folded `word` is :func:`similar` to. Remembered: a letter repeats its
    words from line to line, and each line's words are looked up several times (heading, component,
    broken words joined again); the cache is bounded, so a letter of distinct words costs no more memory."""
    if len(word) < SIMILAR_LENGTH:
        return frozenset((word,)) if word in known else frozenset()
    index = _forms_index(known)
    return frozenset(k for form in _forms(word) for k in index.get(form, ()) if similar(word, k))
