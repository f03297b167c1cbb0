"""Sentences of an LKjIP that state numbers, captured as `narratives` for the checks to compare.

Four shapes cover what LKjIPs write in their analysis chapters:

- an indicator's target, realisation and achievement ("Pada indikator IKM Kecamatan dengan target 85
  dapat terealisasi 91,75 dengan capaian kinerja sebesar 107%", or the realisation first: "Indikator
  Prevalensi Stunting tahun 2023 terealisasi 12,5% dari target 14% dengan capaian 110,71%");
- a change from the previous year ("Indikator Nilai SAKIP terjadi peningkatan sebesar 6% dari tahun
  sebelumnya", "mengalami penurunan sebesar 0,42%", "tidak terdapat kenaikan");
- counts over a table ("Dari 7 indikator kinerja ... seluruh indikator kinerja telah tercapai",
  "4 indikator mengalami kenaikan ... 1 indikator yang mengalami penurunan");
- the budget ("Anggaran sebesar Rp. ... terealisasi sebesar Rp. ... sisa anggaran Rp. ...", "... atau
  92,48%") and the staff total ("berjumlah 41 orang").

Each pattern is anchored on its verbs and reads numbers with the cell reader, so a sentence is kept
exactly as written; which indicator it speaks of is the best match among the indicators of the tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sakip_eval.importers.values import valid

NUM = r"(?:Rp\.?\s?)?\d[\d.,]*\d(?:,-)?(?:\s?%)?|\d(?:\s?%)?"
RP = r"Rp\.?\s?\d[\d.,]*\d(?:,-)?"
_SENTENCE = re.compile(r"(?<=[a-z%)\-])(?<!\bRp)(?<!\bNo)(?<!\bKab)(?<!\bKec)[.;]\s+(?=[A-Z])")
_INDICATOR = re.compile(
    rf"indi[ck]ator\s+(?P<name>.{{3,160}}?)\s+dengan\s+target(?:\s+kinerja)?(?:\s+sebesar)?\s+(?P<target>{NUM})"
    rf".{{0,80}}?terealisasi(?:\s+sebesar)?\s+(?P<realisasi>{NUM})"
    rf"(?:.{{0,60}}?capaian(?:\s+kinerja)?(?:\s+sebesar)?\s+(?P<capaian>{NUM}))?",
    re.IGNORECASE,
)
_INDICATOR_FROM_TARGET = re.compile(
    rf"indi[ck]ator\s+(?P<name>.{{3,160}}?)\s+(?:pada\s+)?(?:tahun\s+(?:19|20)\d\d\s+)?"
    rf"(?:(?:(?:dapat\s+|telah\s+|berhasil\s+)?(?:terealisasi|tercapai|mencapai)|realisasi(?:nya)?)(?:\s+sebesar)?"
    rf"|sebesar)"
    rf"\s+(?P<realisasi>{NUM})\s+dari\s+target(?:\s+sebesar)?\s+(?P<target>{NUM})"
    rf"(?:.{{0,60}}?capaian(?:\s+kinerja)?(?:\s+sebesar|\s+mencapai)?\s+(?P<capaian>{NUM}))?",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    rf"(?P<none>tidak\s+(?:terdapat|ada)\s+(?:kenaikan|peningkatan|penurunan))"
    rf"|(?P<verb>peningkatan|kenaikan|penurunan)(?:\s+sebesar)?\s+(?P<value>{NUM})",
    re.IGNORECASE,
)
_CHANGE_SUBJECT = re.compile(r"indikator\s+(?P<name>.{3,120}?)\s+(?:terjadi|mengalami|diperoleh|tidak|yaitu)",
                             re.IGNORECASE)
_TOTAL_COUNT = re.compile(r"dari\s+(?P<n>\d+)\s+indikator", re.IGNORECASE)
_ALL_ACHIEVED = re.compile(r"(seluruh|semua)\s+indikator.{0,60}?tercapai|telah\s+tercapai", re.IGNORECASE)
_INCREASED = re.compile(r"(?P<n>\d+)\s+indikator\s+(?:yang\s+)?mengalami\s+(?:kenaikan|peningkatan)", re.IGNORECASE)
_DECREASED = re.compile(r"(?P<n>\d+)\s+indikator\s+(?:yang\s+)?mengalami\s+penurunan", re.IGNORECASE)
_BUDGET = re.compile(
    rf"anggaran\b.{{0,60}}?sebesar\s+(?P<pagu>{RP}).{{0,120}}?"
    rf"(?:terealisasi|realisasi anggaran|penyerapan)[^R]{{0,80}}?sebesar\s+(?P<realisasi>{RP})"
    rf"(?:\s*atau\s+(?P<persen>{NUM}))?(?:.{{0,40}}?sisa anggaran(?:\s+sebesar)?\s+(?P<sisa>{RP}))?",
    re.IGNORECASE,
)
_BUDGET_PERCENT = re.compile(r"(?:yaitu|sebesar|mencapai)\s+(?P<persen>\d[\d.,]*\s?%)", re.IGNORECASE)
_HEADCOUNT = re.compile(r"berjumlah\s+(?P<n>\d[\d.]*)\s+orang", re.IGNORECASE)


@dataclass
class Found:
    """A sentence with numbers: its kind and what it states (names still to be resolved)."""

    kind: str
    text: str
    line: int
    section: str
    values: dict[str, str] = field(default_factory=dict)
    subject: str | None = None  # the indicator name as written
    counts: dict[str, int] = field(default_factory=dict)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def _value(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip().rstrip(",")
    return text if valid(text) else None


def scan(text: str, line: int, section: str) -> list[Found]:
    """The statements of one paragraph."""
    out: list[Found] = []
    for sentence in sentences(text):
        out.extend(_scan_sentence(sentence, line, section))
    return out


def _scan_sentence(sentence: str, line: int, section: str) -> list[Found]:
    out: list[Found] = []
    match = _INDICATOR.search(sentence) or _INDICATOR_FROM_TARGET.search(sentence)
    if match:
        values = {k: v for k in ("target", "realisasi", "capaian") if (v := _value(match.group(k)))}
        out.append(Found("indicator", _quote(sentence, match), line, section, values, match.group("name")))
        return out
    budget = _BUDGET.search(sentence)
    if budget:
        values = {k: v for k in ("pagu", "realisasi", "persen", "sisa") if (v := _value(budget.group(k)))}
        if "persen" not in values:
            percent = _BUDGET_PERCENT.search(sentence[: budget.start()])
            if percent and (v := _value(percent.group("persen"))):
                values["persen"] = v
        out.append(Found("budget", sentence, line, section, values))
        return out
    head = _HEADCOUNT.search(sentence)
    if head and re.search(r"pegawai|sumber daya manusia|aparatur|pns|asn", sentence, re.IGNORECASE):
        out.append(Found("headcount", sentence, line, section, {"total": head.group("n")}))
        return out
    total = _TOTAL_COUNT.search(sentence)
    if total:
        achieved = _ALL_ACHIEVED.search(sentence)
        if achieved:
            n = int(total.group("n"))
            part = sentence[: achieved.end()]
            out.append(Found("counts", part, line, section, counts={"indicators": n, "achieved": n}))
    up, down = _INCREASED.search(sentence), _DECREASED.search(sentence)
    if up or down:
        start = min(m.start() for m in (up, down) if m)
        counts = {k: int(m.group("n")) for k, m in (("increased", up), ("decreased", down)) if m}
        out.append(Found("counts_change", sentence[max(0, sentence.rfind(" ", 0, max(0, start - 8))):].strip(" ,"),
                         line, section, counts=counts))
        return out
    if out:
        return out
    change = _CHANGE.search(sentence)
    if change and re.search(r"tahun sebelumnya|dari tahun|sebesar|kenaikan|penurunan", sentence, re.IGNORECASE):
        subject = _CHANGE_SUBJECT.search(sentence)
        if change.group("none"):
            direction, value = "none", None
        else:
            direction = "down" if change.group("verb").lower() == "penurunan" else "up"
            value = _value(change.group("value"))
            if value is None:
                return out
        found = Found("change", sentence, line, section, {"value": value} if value else {},
                      subject.group("name") if subject else None)
        found.counts = {"direction": {"up": 1, "down": -1, "none": 0}[direction]}
        out.append(found)
    return out


def _quote(sentence: str, match: re.Match[str]) -> str:
    start = sentence.rfind(" ", 0, max(0, match.start() - 20))
    return sentence[max(0, start):match.end()].strip(" ,")
