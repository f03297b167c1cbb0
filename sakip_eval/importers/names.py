"""Telling when two tables name the same indicator or the same budget line.

An LKjIP names one indicator many ways: "IKM Kecamatan", "Indeks Kepuasan Masyarakat(%)", "1.1
Persentase pelayanan yang terlayanisesuai standar pelayanan", "Percentase pelayanan ... di Kecamatan
Mojosari(%)". Names are compared after normalising what varies without changing the meaning: case,
numbering ("1.1", "3.", "a)"), units in brackets, the usual misspellings of "persentase", words split or
run together by a PDF export ("PENGA WASAN", "terlayanisesuai"), and acronyms (IKM, IP ASN) read
against the words they stand for. Two names match when one is (nearly) the other, or when one's words
are all in the other and they share enough of them.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

_NUMBERING = re.compile(r"^\s*(\[[^\]]*\]\s*)*((\d+\.)*\d+\.?|[a-z]\)|[a-z]\.|[ivx]+\.)\s+", re.IGNORECASE)
_CODE = re.compile(r"\b\d+(\.\d+)+\b")
_BRACKETS = re.compile(r"\([^)]*\)")
_SPELLING = (
    (re.compile(r"\b(percentase|presentase|prosentase|persentasi|prosentasi)\b"), "persentase"),
    (re.compile(r"\bindicator\b"), "indikator"),
    (re.compile(r"\bperijinan\b"), "perizinan"),
    (re.compile(r"\bkepegawaihan\b"), "kepegawaian"),
    (re.compile(r"\bketentraman\b"), "ketenteraman"),
    (re.compile(r"\bstandart?\b"), "standar"),
    (re.compile(r"\bpublic\b"), "publik"),
    (re.compile(r"\bnon\s+perizinan\b"), "nonperizinan"),
    (re.compile(r"\bkabupaten\s+kota\b"), "kabupaten"),
)
FILLER = frozenset(("yang", "dan", "serta", "di", "ke", "dari", "dalam", "untuk", "atau", "pada", "dengan"))
_UNIT_WORDS = re.compile(r"\b(perangkat daerah|kecamatan|opd|skpd)\b")
SAME = 0.9  # similarity from which two names are taken as one


_SHORT_WORDS = frozenset(("di", "ke", "se", "ya", "yg", "dan", "per", "ini", "itu", "tim", "kab", "kec", "rp", "no",
                          "dll", "dsb", "dg", "utk", "ttg", "pd", "atas", "oleh"))
_FRAGMENT = re.compile(r"\b([A-Za-z]{1,3}) (?=[a-z]{2,})")


def _glue(text: str) -> str:
    """Words a narrow PDF cell broke ("re komendasi", "Pe laksanaan", "D esa") joined again: a piece
    of one to three letters that is no word of its own, followed by lower-case letters."""
    return _FRAGMENT.sub(lambda m: m.group(1) if m.group(1).lower() not in _SHORT_WORDS else m.group(0), text)


def normalise(name: str, unit_words: frozenset[str] = frozenset()) -> str:
    """Lower case, no numbering, codes, brackets or punctuation, the usual misspellings fixed; the unit
    ("kecamatan mojosari" when `unit_words` is {"mojosari"}) and its kind ("kecamatan", "perangkat
    daerah") read as "pd"."""
    text = _glue(name.replace("\u00a0", " ")).lower()
    text = _NUMBERING.sub("", text)
    text = re.sub(r"\s+bidang\s*:.*$|\s*:\s.*$", "", text) if len(text.split(":")[0].split()) >= 3 else text
    text = _CODE.sub(" ", text)
    text = _BRACKETS.sub(" ", text)
    text = re.sub(r"[^a-z0-9%]+", " ", text)
    for pattern, replacement in _SPELLING:
        text = pattern.sub(replacement, text)
    if unit_words:  # "kecamatan mojosari" is the unit itself; "kelurahan mojosari" is not
        names = "|".join(re.escape(w) for w in sorted(unit_words))
        text = re.sub(rf"\b(perangkat daerah|kecamatan|opd|skpd|kec)(\s+({names}))+\b", "pd", text)
    text = _UNIT_WORDS.sub("pd", text)
    words = text.split()
    out: list[str] = []
    for word in words:
        if not (word == "pd" and out and out[-1] == "pd"):
            out.append(word)
    return " ".join(out)


def squeeze(text: str) -> str:
    return text.replace(" ", "")


@lru_cache(maxsize=65536)
def _near(a: str, b: str) -> bool:
    """Two words that are the same word misspelt ("ditindaklanjui", "ditindaklanjuti")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 3 or a[0] != b[0]:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


def _initials(short: str, words: list[str], start: int) -> int:
    """How many words from `start` spell `short` by their initials ("ip" = indeks profesionalitas); 0 if none."""
    if not 2 <= len(short) <= 5 or start + len(short) > len(words):
        return 0
    return len(short) if all(words[start + i][0] == short[i] for i in range(len(short))) else 0


def _unmatched(a: list[str], b: list[str]) -> tuple[int, int]:
    """Content words of `a` with no counterpart in `b` and the other way round; an acronym in one
    consumes the words it abbreviates in the other."""
    used = [False] * len(b)
    missing_a = 0
    for word in a:
        hit = next((j for j, other in enumerate(b) if not used[j] and _near(word, other)), None)
        if hit is not None:
            used[hit] = True
            continue
        joined = next((j for j in range(len(b) - 1) if not used[j] and not used[j + 1] and word == b[j] + b[j + 1]),
                      None)
        if joined is not None:  # "ditindaklanjuti" written "ditindak lanjuti"
            used[joined] = used[joined + 1] = True
            continue
        spelled = next(((j, n) for j in range(len(b)) if not any(used[j:j + len(word)])
                        for n in [_initials(word, b, j)] if n), None)
        if spelled is not None:
            for k in range(spelled[0], spelled[0] + spelled[1]):
                used[k] = True
            continue
        missing_a += 1
    missing_b = 0
    for j, other in enumerate(b):
        if used[j]:
            continue
        # an acronym of `b` may spell words of `a`
        if 2 <= len(other) <= 5 and any(_initials(other, a, i) for i in range(len(a))):
            continue
        missing_b += 1
    return missing_a, missing_b


@lru_cache(maxsize=262144)
def similarity(a: str, b: str, strict: bool = False) -> float:
    """How alike two normalised names are, 0-1. Equal without spaces: 1. Otherwise words are paired
    (misspellings and acronyms allowed); words left over on both sides make them different names
    ("... Kelurahan Kauman" and "... Kelurahan Sawahan"); a few extra words on one side only (a unit
    name, "di Kecamatan Mojosari") cost a little, unless `strict` (budget lines: "Pemberdayaan
    Masyarakat di Kelurahan" is not "... di Kelurahan Kauman")."""
    if not a or not b:
        return 0.0
    if squeeze(a) == squeeze(b):
        return 1.0
    wa = [w for w in a.split() if w not in FILLER]
    wb = [w for w in b.split() if w not in FILLER]
    if not set(wa) & set(wb) and not any(2 <= len(w) <= 5 for w in wa + wb):
        return 0.0  # no word in common and no acronym: different names, without the costly comparison
    extra_a, extra_b = min(_unmatched(wa, wb), _unmatched(wb, wa)[::-1], key=sum)
    overlap = 1 - (extra_a + extra_b) / max(len(wa) + len(wb), 1)  # the share of words that pair up
    if extra_a and extra_b:
        return round(min(overlap, 0.8), 3)
    extra = extra_a + extra_b
    if extra == 0:
        return 0.99
    shorter = min(len(wa), len(wb))
    if strict:  # one word more in a long name ("Sarana dan Prasarana [Pendukung] Gedung Kantor ...")
        return 0.9 if extra == 1 and shorter >= 5 else round(min(overlap, 0.85), 3)
    if extra > 2 or shorter < 2 or extra * 2 >= shorter + extra:
        return round(min(overlap, 0.8), 3)
    return round(0.96 - 0.03 * extra, 3)
