"""`lkjip.yaml`: the performance data an LKjIP states, transcribed table by table (docs/checks.md).

The model keeps what the document *says*, errors included, so that `sakip-eval check` can find them:
the same indicator may appear in ten tables with three different targets, a percentage may not match
its amounts, a narrative sentence may contradict a table. Nothing here is reconciled; each value keeps
the table, row and year it came from, and its line in the file (through :mod:`sakip_eval.io.yamlread`).

- `indicators`: sasaran and IKU with definition, formula, direction (higher or lower is better).
- `tables`: tables of indicator values (target, realisasi, capaian, penyerapan, efisiensi, pembanding),
  each with the document whose targets it states (`source`: PK awal, PK perubahan, Renja, Renstra or the
  LKjIP's own measurement).
- `budget_lines` and `budgets`: the budget hierarchy (OPD, program, kegiatan, sub kegiatan) defined once,
  and the tables that state pagu, realisasi and percentage per line.
- `narratives`: sentences of the report that carry numbers, quoted, with what they state.
- `headcounts`: staff tables whose rows should add up to their totals.
- `changes`: target changes the documents record (for example the PK perubahan and its reason).

Numbers are read the Indonesian way (:mod:`sakip_eval.numbers`); `-`, `N/A` and empty cells are missing,
never zero. A cell that cannot be read as a number is transcribed under `written` (as it stands in the
document) so that the check can report it instead of refusing the file.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from sakip_eval.numbers import Number, OptionalNumber

Source = Literal["pk_awal", "pk_perubahan", "renja", "renstra", "lkjip"]
Direction = Literal["higher", "lower"]
Id = Annotated[str, Field(min_length=1, max_length=120, pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")]
Year = Annotated[int, Field(ge=1990, le=2100)]

INDICATOR_MEASURES = ("target", "realisasi", "capaian", "penyerapan", "efisiensi", "pembanding", "selisih")
BUDGET_MEASURES = ("pagu", "realisasi", "persen", "share")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Indicator(_Strict):
    id: Id
    name: str = Field(min_length=1)
    level: Literal["tujuan", "sasaran", "kinerja_lainnya", "program", "kegiatan", "sub_kegiatan"] = "sasaran"
    iku: bool = False
    sasaran: str | None = None
    definition: str | None = None
    formula: str | None = None
    data_source: str | None = None
    responsible: str | None = None
    direction: Direction = "higher"
    unit: str | None = None


class _Written(_Strict):
    """`written: {pagu: "25.800.00"}`: a cell as it stands in the document when it cannot be read as a
    number; the measure itself then holds the transcriber's reading, or nothing."""

    written: dict[str, str] = Field(default_factory=dict)
    note: str | None = None


class ValueRow(_Written):
    """One indicator in one year of one table. `year` defaults to the table's year."""

    indicator: Id
    label: str | None = None
    year: Year | None = None
    target: OptionalNumber = None
    realisasi: OptionalNumber = None
    capaian: OptionalNumber = None
    penyerapan: OptionalNumber = None
    efisiensi: OptionalNumber = None
    pembanding: OptionalNumber = None
    selisih: OptionalNumber = None


class ValueTable(_Strict):
    """A table of indicator values. `source` names the document whose targets the table states
    (`lkjip` for the report's own measurement, which the report says is against the PK perubahan);
    `target_year` is the year those targets belong to when it is not the row's year (a Renstra
    end-of-period target); `reference` marks the signed document that settles its stage's targets."""

    id: Id
    title: str = Field(min_length=1)
    source: Source = "lkjip"
    year: Year | None = None
    target_year: Year | None = None
    reference: bool = False
    comparison: str | None = None
    data_year: Year | None = None
    note: str | None = None
    rows: list[ValueRow] = Field(default_factory=list)


class BudgetLine(_Strict):
    """A budget line of the hierarchy OPD > program > kegiatan > sub kegiatan, defined once."""

    id: Id
    level: Literal["opd", "sasaran", "program", "kegiatan", "sub_kegiatan"]
    parent: Id | None = None
    name: str = Field(min_length=1)


class BudgetRow(_Written):
    """One budget line in one table: pagu (or its parts per fund source), realisasi, stated percentage
    (`persen` = realisasi / pagu) and, in allocation tables, `share` (% of the table's `share_of` line)."""

    line: Id
    label: str | None = None
    year: Year | None = None
    pagu: OptionalNumber = None
    funds: dict[str, Number] = Field(default_factory=dict)
    realisasi: OptionalNumber = None
    persen: OptionalNumber = None
    share: OptionalNumber = None

    @property
    def total_pagu(self) -> Decimal | None:
        """The stated pagu, or the sum of its fund-source parts when only those are stated."""
        if self.pagu is not None or not self.funds:
            return self.pagu
        return sum(self.funds.values(), Decimal(0))


class BudgetTable(_Strict):
    """`stage` tells the budget apart: `apbd` (the original budget, PK awal) or `papbd` (after the budget
    change). `complete: true` says the rows break every listed parent down in full, so totals must equal
    the sum of their parts."""

    id: Id
    title: str = Field(min_length=1)
    source: Source = "lkjip"
    stage: Literal["apbd", "papbd"] = "papbd"
    year: Year | None = None
    complete: bool = False
    share_of: Id | None = None
    data_year: Year | None = None
    note: str | None = None
    rows: list[BudgetRow] = Field(default_factory=list)


class _Statement(_Strict):
    id: Id
    section: str = Field(min_length=1)
    text: str = Field(min_length=1)
    note: str | None = None


class IndicatorStatement(_Statement):
    """"target 85 dapat terealisasi 91,75 dengan capaian kinerja sebesar 107%"."""

    kind: Literal["indicator"]
    indicator: Id
    year: Year | None = None
    target: OptionalNumber = None
    realisasi: OptionalNumber = None
    capaian: OptionalNumber = None


class BudgetStatement(_Statement):
    """"Anggaran sebesar Rp. 10.455.592.750,- terealisasi sebesar Rp. 9.315.336,00,- sisa anggaran ..."."""

    kind: Literal["budget"]
    line: Id
    year: Year | None = None
    pagu: OptionalNumber = None
    realisasi: OptionalNumber = None
    persen: OptionalNumber = None
    sisa: OptionalNumber = None


class HeadcountStatement(_Statement):
    """"berjumlah 41 orang terdiri dari 41 PNS": a staff total that a headcount table must agree with."""

    kind: Literal["headcount"]
    table: Id
    total: Number


class ChangeStatement(_Statement):
    """"Nilai SAKIP terjadi peningkatan sebesar 6% dari tahun sebelumnya". `value` is the magnitude as
    written; the check accepts it as a change in points or in percent, of realisasi or of capaian."""

    kind: Literal["change"]
    indicator: Id
    from_year: Year
    to_year: Year
    direction: Literal["up", "down", "none"]
    value: OptionalNumber = None


class CountStatement(_Statement):
    """"Dari 7 indikator kinerja ... seluruh indikator telah tercapai ... 4 indikator mengalami kenaikan
    capaian": counts that the rows of `table` must bear out."""

    kind: Literal["counts"]
    table: Id
    year: Year | None = None
    indicators: int | None = Field(default=None, ge=0)
    achieved: int | None = Field(default=None, ge=0)
    increased: int | None = Field(default=None, ge=0)
    decreased: int | None = Field(default=None, ge=0)


Statement = Annotated[
    IndicatorStatement | BudgetStatement | HeadcountStatement | ChangeStatement | CountStatement,
    Field(discriminator="kind"),
]


class HeadcountRow(_Strict):
    label: str = Field(min_length=1)
    values: list[OptionalNumber]
    total: OptionalNumber = None


class HeadcountGroup(_Strict):
    label: str = Field(min_length=1)
    rows: list[HeadcountRow]


class HeadcountTable(_Strict):
    """Staff by education, rank, religion...: each group's rows add up to `total`, column by column, and
    each row's `values` (one per column, e.g. laki-laki, perempuan) add up to the row's `total`."""

    id: Id
    title: str = Field(min_length=1)
    columns: list[str] = Field(min_length=1)
    data_year: Year | None = None
    total: HeadcountRow
    groups: list[HeadcountGroup] = Field(default_factory=list)


class TargetChange(_Strict):
    """A target change the documents record, e.g. PK awal -> PK perubahan with its reason. Without
    `indicator` it covers every indicator of that year."""

    indicator: Id | None = None
    year: Year
    from_source: Source
    to_source: Source
    reason: str = Field(min_length=1)
    document: str | None = None


class Lkjip(_Strict):
    indicators: list[Indicator] = Field(default_factory=list)
    tables: list[ValueTable] = Field(default_factory=list)
    budget_lines: list[BudgetLine] = Field(default_factory=list)
    budgets: list[BudgetTable] = Field(default_factory=list)
    narratives: list[Statement] = Field(default_factory=list)
    headcounts: list[HeadcountTable] = Field(default_factory=list)
    changes: list[TargetChange] = Field(default_factory=list)
