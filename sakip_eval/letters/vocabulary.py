"""Telling components and sub-components apart by their names, through OCR noise.

Every word comes from the rulebook (both languages), so nothing here knows that component 1 is called
Perencanaan: a row, a heading or a sentence belongs to the component whose distinctive words it shares
most (`Evaluasi Akuntabilitas Kineria lnternal` is component 4 of lke-2021).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sakip_eval.letters.noise import near, similar, words
from sakip_eval.rulebook.book import Rulebook

# A row or heading number: `1.`, `1`, `a.`, `A.`, `IV.`, `1.a`, `1.a.`, `a)`, `(1)`; OCR may double a letter (`Cc.`).
MARKER = re.compile(
    r"^\s*\(?(?P<marker>\d{1,2}(?:\s?[.)](?:[a-z\d]{1,2}[.)]?)?)?|(?:[IVX]{1,4}|(?P<letter>[A-Za-z])(?i:(?P=letter))?)"
    r"[.)](?:\d{1,2}[.)]?)?)\s+"
)


@dataclass(frozen=True)
class Vocabulary:
    """Folded distinctive words per component, and per sub-component the words of its kind and name
    that no component name carries (`tersedia`, `kualitas`, `dimanfaatkan`, ...)."""

    components: dict[str, frozenset[str]]
    component_words: frozenset[str]
    subcomponents: dict[str, frozenset[str]]
    order: tuple[str, ...]
    criteria: dict[str, tuple[str, ...]]  # criterion id -> the content words of its statement
    category_codes: dict[str, str]  # a category's name, lower case, single spaces -> its code
    category_names: re.Pattern[str]  # any category's name in a text, the longest first


# Page furniture that may sit anywhere, even inside a table or a list: a digital-signature notice, a page
# number, a running footer.
FURNITURE = re.compile(
    r"ditandatangani\s+secara\s+elektronik|sertifikat\s+elektronik|\bBSrE\b|\bBSSN\b|UU\s+ITE|"
    r"^\s*-?\s*\d{1,3}\s*-?\s*$|^\s*(?:halaman|hal\.?|page)\s+\d+(?:\s+(?:dari|of)\s+\d+)?\s*$",
    re.IGNORECASE,
)

# Words that say nothing about which criterion a text quotes.
STOP = frozenset(words("yang dan di ke dari untuk dengan dalam telah sudah belum agar atau pada oleh "
                       "secara serta ada terdapat tersedia adanya the a of"))

# A heading names a component: a few words (`Evaluasi Akuntabilitas Kinerja Internal`), not a sentence.
MAX_HEADING_WORDS = 6

_CACHE: dict[int, tuple[Rulebook, Vocabulary]] = {}


def vocabulary(book: Rulebook) -> Vocabulary:
    """The rulebook's vocabulary, built once per rulebook object."""
    cached = _CACHE.get(id(book))
    if cached is None or cached[0] is not book:
        if len(_CACHE) >= 8:  # tests build many rulebook copies; keep the few in use
            _CACHE.clear()
        cached = _CACHE[id(book)] = (book, _build(book))
    return cached[1]


def _build(book: Rulebook) -> Vocabulary:
    names = {c.id: set(words(f"{c.name.id} {c.name.en}")) for c in book.regime.components}
    common = set.intersection(*names.values()) if names else set()
    everything = set().union(*names.values()) if names else set()
    subs: dict[str, frozenset[str]] = {}
    for comp in book.regime.components:
        for sub in comp.subcomponents:
            own = set(words(f"{sub.kind} {sub.name.id}")) - everything
            subs[sub.id] = frozenset(w for w in own if len(w) >= 5)
    return Vocabulary(
        {cid: frozenset(w - common) for cid, w in names.items()}, frozenset(everything), subs,
        tuple(c.id for c in book.regime.components),
        {cid: tuple(w for w in words(c.text.id) if w not in STOP) for cid, c in book.criteria.items()},
        {_name_key(c.name.id): c.code for c in book.regime.categories},
        re.compile("|".join(r"\s++".join(map(re.escape, c.name.id.split()))
                            for c in sorted(book.regime.categories, key=lambda c: -len(c.name.id))), re.IGNORECASE),
    )


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())


def starts_with_component(book: Rulebook, text: str) -> str | None:
    """The component whose whole name (Indonesian) opens the text (`Pengukuran Kinerja: agar ...`, a
    recommendation set in a table row after its component's name), or None."""
    found = words(text)
    for comp in book.regime.components:
        name = words(comp.name.id)
        if len(found) > len(name) and all(similar(w, n) for w, n in zip(found, name, strict=False)):
            return comp.id
    return None


def category_code(book: Rulebook, name: str) -> str | None:
    """The code of the category named `name` (`Sangat Baik` -> BB), or None."""
    return vocabulary(book).category_codes.get(_name_key(name))


def match_component(book: Rulebook, label: str) -> str | None:
    """The component whose distinctive words the label shares most, or None when none or a tie."""
    vocab = vocabulary(book)
    matched = _matched(words(label), vocab.component_words)
    scores = sorted(((sum(d in matched for d in dist), cid) for cid, dist in vocab.components.items()),
                    reverse=True)
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


def is_heading(book: Rulebook, text: str) -> str | None:
    """The component a short heading names (`B. Pengukuran Kinerja`, `Komponen Pelaporan Kinerja:`),
    or None when the text says more than a component's name."""
    found = [w for w in body_words(text) if w not in ("komponen", "aspek")]
    if not found or len(found) > 2 * MAX_HEADING_WORDS:  # mending joins two words at most into one
        return None
    mended = _mended(found, vocabulary(book).component_words)
    if mended is None or len(mended) > MAX_HEADING_WORDS:
        return None
    return match_component(book, " ".join(mended))


@lru_cache(maxsize=16)
def body_words(text: str) -> tuple[str, ...]:
    """The folded words of a line without its row or heading number (`1.`, `B.`), which headings are read
    from; remembered for the last few lines (the reader asks it of a line more than once)."""
    return tuple(words(MARKER.sub("", text, count=1)))


def _known(word: str, known: frozenset[str]) -> bool:
    return bool(near(word, known))


def _matched(found: list[str], known: frozenset[str]) -> set[str]:
    """The known words that some word found is :func:`similar` to."""
    return {k for word in set(found) for k in near(word, known)}


def _mended(found: list[str], known: frozenset[str]) -> list[str] | None:
    """The words, each a known word, with words an OCR layer broke in two (`Pel laporan`, `I nternal`)
    joined again where the first part is no component word and the two together are; None as soon as a
    word is neither known nor so joined (every line of a letter is tried as a heading: most stop at once)."""
    out: list[str] = []
    for word in found:
        if out and not _known(out[-1], known):
            if not _known(out[-1] + word, known):
                return None
            out[-1] += word
        else:
            out.append(word)
    return out if _known(out[-1], known) else None


def subcomponent_kind(book: Rulebook, component: str, label: str) -> str | None:
    """The sub-component of `component` whose own words the label carries, or None."""
    subs = {sub: own for sub, own in vocabulary(book).subcomponents.items() if sub.startswith(component + ".")}
    matched = _matched(words(label), frozenset().union(*subs.values()))
    hits = [(sum(k in matched for k in own), sub) for sub, own in subs.items()]
    hits.sort(reverse=True)
    if not hits or hits[0][0] == 0 or (len(hits) > 1 and hits[1][0] == hits[0][0]):
        return None
    return hits[0][1]
