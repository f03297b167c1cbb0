"""Every word a user reads, in Bahasa Indonesia first and English beside it.

Messages live in one table so that a translator reads them in one place and a test can check that
each key has both languages. Rule and criterion texts come from `rules/` as :class:`Text` values.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict


class Lang(StrEnum):
    """Output language. Indonesian is the default because the users are Indonesian civil servants."""

    ID = "id"
    EN = "en"


class Text(BaseModel):
    """A user-facing text in both languages, as written in rule files."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.id if lang is Lang.ID else self.en


MESSAGES: dict[str, tuple[str, str]] = {
    # errors
    "error.prefix": ("Kesalahan", "Error"),
    "error.where": ("di {file}", "in {file}"),
    "error.line": ("baris {line}", "line {line}"),
    "error.field": ("isian `{field}`", "field `{field}`"),
    "error.fix": ("Cara memperbaiki", "How to fix"),
    "error.not_found": ("berkas atau folder tidak ditemukan", "file or folder not found"),
    "error.not_found.fix": (
        "Periksa nama folder workspace; buat yang baru dengan `sakip-eval init FOLDER`.",
        "Check the workspace folder name; create a new one with `sakip-eval init FOLDER`.",
    ),
    "error.too_big": ("berkas lebih dari {limit} MiB", "file is larger than {limit} MiB"),
    "error.not_utf8": (
        "berkas bukan teks UTF-8 (byte tidak sah pada posisi {offset})",
        "file is not UTF-8 text (invalid byte at offset {offset})",
    ),
    "error.not_utf8.fix": (
        "Simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai > Encoding UTF-8).",
        "Save the file again as UTF-8 (in Notepad: Save As > Encoding UTF-8).",
    ),
    "error.yaml": ("format YAML tidak sah: {detail}", "invalid YAML: {detail}"),
    "error.yaml.fix": (
        "Periksa indentasi (pakai spasi, bukan tab) dan tanda titik dua setelah setiap nama isian.",
        "Check the indentation (spaces, not tabs) and the colon after every field name.",
    ),
    "error.duplicate_key": ("isian `{key}` ditulis dua kali", "field `{key}` is written twice"),
    "error.too_many_nodes": (
        "berkas terlalu besar setelah alias diuraikan (lebih dari {limit} unsur)",
        "file too large once aliases are expanded (more than {limit} items)",
    ),
    "error.top_not_mapping": (
        "isi berkas harus berupa pemetaan (kunci: nilai)",
        "the file must be a mapping (key: value)",
    ),
    "error.invalid": ("{detail}", "{detail}"),
    "error.unknown_key": ("isian `{key}` tidak dikenal", "unknown field `{key}`"),
    "error.unknown_key.fix": (
        "Hapus isian itu atau perbaiki ejaannya; lihat `sakip-eval schema {kind}` untuk isian yang sah.",
        "Remove the field or fix its spelling; see `sakip-eval schema {kind}` for the valid fields.",
    ),
    "error.missing_key": ("isian wajib `{key}` belum ada", "required field `{key}` is missing"),
    "error.number": (
        "angka `{value}` tidak dapat dibaca: {reason_id}",
        "cannot read the number `{value}`: {reason_en}",
    ),
    "error.number.fix": (
        "Tulis angka seperti 82,30 atau 10.455.592.750 atau 92,48%; kosongkan atau tulis - bila tidak ada data.",
        "Write numbers like 82,30 or 10.455.592.750 or 92,48%; leave empty or write - when there is no data.",
    ),
    "error.duplicate_id": ("id `{id}` dipakai lebih dari sekali", "id `{id}` is used more than once"),
    "error.unknown_evidence": (
        "bukti `{id}` tidak ada di inventory.yaml",
        "evidence `{id}` is not in inventory.yaml",
    ),
    "error.unknown_evidence_type": (
        "jenis bukti `{type}` tidak dikenal",
        "unknown evidence type `{type}`",
    ),
    "error.unknown_evidence_type.fix": (
        "Pakai salah satu jenis di rules/{regime}/evidence-types.yaml, misalnya renstra, renja, lkjip.",
        "Use one of the types in rules/{regime}/evidence-types.yaml, for example renstra, renja, lkjip.",
    ),
    "error.unknown_attribute": (
        "atribut `{attr}` tidak berlaku untuk bukti berjenis `{type}` (yang berlaku: {allowed})",
        "attribute `{attr}` does not apply to evidence of type `{type}` (allowed: {allowed})",
    ),
    "error.unknown_criterion": ("kriteria `{id}` tidak ada di rulebook", "criterion `{id}` is not in the rulebook"),
    "error.unknown_subcomponent": (
        "sub-komponen `{id}` tidak ada di rulebook",
        "sub-component `{id}` is not in the rulebook",
    ),
    "error.unknown_regime": ("regime `{regime}` tidak dikenal", "unknown regime `{regime}`"),
    "error.path_outside": (
        "berkas `{path}` berada di luar folder workspace",
        "file `{path}` lies outside the workspace folder",
    ),
    "error.file_missing": ("berkas `{path}` tidak ditemukan", "file `{path}` not found"),
    "error.rule": ("aturan `{rule}` gagal dijalankan: {detail}", "rule `{rule}` failed: {detail}"),
    "error.rulebook": ("rulebook tidak sah: {detail}", "invalid rulebook: {detail}"),
    "error.years": (
        "performance_year ({performance}) harus lebih kecil dari evaluation_year ({evaluation})",
        "performance_year ({performance}) must be lower than evaluation_year ({evaluation})",
    ),
    "error.bad_option": ("pilihan `{value}` tidak sah untuk {option}", "`{value}` is not valid for {option}"),
    # pydantic's error types, in words a spreadsheet user knows
    "error.type.int": ("harus bilangan bulat, bukan `{input}`", "must be a whole number, not `{input}`"),
    "error.type.float": ("harus angka, bukan `{input}`", "must be a number, not `{input}`"),
    "error.type.bool": ("harus true atau false, bukan `{input}`", "must be true or false, not `{input}`"),
    "error.type.string": ("harus teks, bukan `{input}`", "must be text, not `{input}`"),
    "error.type.date": (
        "harus tanggal dengan format TTTT-BB-HH (misalnya 2024-05-03), bukan `{input}`",
        "must be a date written YYYY-MM-DD (for example 2024-05-03), not `{input}`",
    ),
    "error.type.choice": ("`{input}` bukan pilihan yang sah; pilih salah satu: {expected}",
                          "`{input}` is not a valid choice; use one of: {expected}"),
    "error.type.list": ("harus berupa daftar (- butir per baris)", "must be a list (one - item per line)"),
    "error.type.mapping": ("harus berupa pemetaan (kunci: nilai)", "must be a mapping (key: value)"),
    "error.type.too_short": ("tidak boleh kosong", "must not be empty"),
    "error.type.pattern": (
        "`{input}` hanya boleh berisi huruf, angka, titik, garis bawah, garis miring dan tanda hubung",
        "`{input}` may hold only letters, digits, dots, underscores, slashes and hyphens",
    ),
    "error.type.range": ("`{input}` di luar batas yang sah ({limit})", "`{input}` is out of the valid range ({limit})"),
    # score / checklist
    "score.title": ("Prediksi Evaluasi AKIP", "AKIP evaluation prediction"),
    "score.total": ("Nilai total", "Total score"),
    "score.category": ("Predikat", "Category"),
    "score.interpretation": ("Interpretasi", "Interpretation"),
    "score.component": ("Komponen", "Component"),
    "score.weight": ("Bobot", "Weight"),
    "score.score": ("Nilai", "Score"),
    "score.grade": ("Tingkat", "Grade"),
    "score.met": ("terpenuhi", "met"),
    "score.not_met": ("belum terpenuhi", "not met"),
    "score.na": ("tidak berlaku", "not applicable"),
    "score.claimed": ("klaim", "claimed"),
    "score.predicted": ("prediksi", "predicted"),
    "score.evidence": ("bukti", "evidence"),
    "score.cap": ("dibatasi paling tinggi {grade}: {reason}", "capped at {grade}: {reason}"),
    "score.upgrade": ("naik ke {grade}: {reason}", "raised to {grade}: {reason}"),
    "score.recommendations": ("Rekomendasi utama", "Top recommendations"),
    "score.points": ("+{points} poin", "+{points} points"),
    "score.next_category": (
        "Kurang {gap} poin menuju predikat {category}",
        "{gap} points short of category {category}",
    ),
    "score.top_category": ("Sudah di predikat tertinggi", "Already at the top category"),
    "score.note_only": ("catatan (tidak memengaruhi nilai)", "note (no effect on the score)"),
    "score.fail_under": (
        "Nilai {total} di bawah ambang --fail-under {threshold}",
        "Score {total} is below --fail-under {threshold}",
    ),
    "score.share": ("{met} dari {applicable} kriteria terpenuhi", "{met} of {applicable} criteria met"),
    "calibrate.title": ("Kalibrasi: prediksi vs hasil LHE", "Calibration: predicted vs actual LHE"),
    "calibrate.item": ("Bagian", "Item"),
    "calibrate.predicted": ("Prediksi", "Predicted"),
    "calibrate.actual": ("Aktual", "Actual"),
    "calibrate.error": ("Selisih", "Error"),
    "calibrate.no_actual": (
        "workspace.yaml belum memuat `actual` (hasil LHE) sehingga tidak ada yang dibandingkan",
        "workspace.yaml has no `actual` (the LHE result), so there is nothing to compare",
    ),
    "rules.id": ("Id", "Id"),
    "rules.kind": ("Jenis", "Kind"),
    "rules.text": ("Uraian", "Text"),
    "rules.effect": ("Akibat", "Effect"),
    "rules.target": ("Sasaran", "Target"),
    "rules.lint_ok": ("Rulebook bersih: tidak ada masalah.", "Rulebook clean: no problems."),
    "rules.lint_info": (
        "{count} kriteria hanya diperiksa oleh aturan bukti umum (tambahkan --all untuk rinciannya).",
        "{count} criteria are checked only by the generic evidence rule (add --all for details).",
    ),
    "rules.not_found": ("aturan atau kriteria `{id}` tidak ditemukan", "rule or criterion `{id}` not found"),
    # LKjIP consistency checks: lkjip.yaml references and `sakip-eval check`
    "error.lkjip_unknown_ref": (
        "`{id}` tidak didefinisikan di bagian `{what}` lkjip.yaml",
        "`{id}` is not defined in the `{what}` section of lkjip.yaml",
    ),
    "error.lkjip_unknown_ref.fix": (
        "Tambahkan `{id}` ke bagian `{what}` atau perbaiki ejaannya.",
        "Add `{id}` to `{what}` or fix its spelling.",
    ),
    "error.lkjip_columns": (
        "baris berisi {count} angka, padahal tabel punya {width} kolom (`columns`)",
        "the row has {count} values but the table has {width} columns (`columns`)",
    ),
    "error.lkjip_columns.fix": (
        "Tulis satu angka per kolom, `-` untuk sel kosong.",
        "Write one value per column, `-` for a blank cell.",
    ),
    "error.lkjip_written": (
        "`written` menyebut `{key}`, yang bukan ukuran baris ini (yang sah: {allowed})",
        "`written` names `{key}`, which is not a measure of this row (valid: {allowed})",
    ),
    "error.lkjip_written.fix": (
        "Tulis sel yang tidak terbaca di bawah nama ukurannya, misalnya `written: {{pagu: \"25.800.00\"}}`.",
        "Put the unreadable cell under its measure's name, e.g. `written: {{pagu: \"25.800.00\"}}`.",
    ),
    "check.title": ("Pemeriksaan konsistensi LKjIP", "LKjIP consistency check"),
    "check.no_lkjip": (
        "Seluruh berkas sah. lkjip.yaml tidak ada, jadi konsistensi data LKjIP tidak diperiksa.",
        "All files are valid. There is no lkjip.yaml, so the LKjIP data were not checked.",
    ),
    "check.clean": ("Seluruh berkas sah dan tidak ada temuan.", "All files are valid and there are no findings."),
    "check.severity.error": ("Kesalahan (error)", "Errors"),
    "check.severity.warning": ("Peringatan (warning)", "Warnings"),
    "check.severity.info": ("Informasi (info)", "Information"),
    "check.where": ("Lokasi", "Where"),
    "check.stated": ("Tertulis", "Stated"),
    "check.expected": ("Seharusnya", "Expected"),
    "check.criteria": ("Kriteria", "Criteria"),
    "check.message": ("Uraian", "Details"),
    "check.summary": (
        "{total} temuan: {error} kesalahan, {warning} peringatan, {info} informasi",
        "{total} findings: {error} errors, {warning} warnings, {info} information",
    ),
    "check.strict": (
        "Ada {count} temuan berderajat error (--strict)",
        "There are {count} error findings (--strict)",
    ),
    "check.value.blank": ("kosong", "blank"),
    "check.value.fresh": ("angka tahun itu sendiri", "that year's own figure"),
    "rules.severity": ("Derajat", "Severity"),
    "rules.tolerance": ("Toleransi", "Tolerance"),
    "score.more_findings": (
        "dan {count} temuan lain (lihat `sakip-eval check`)",
        "and {count} more findings (see `sakip-eval check`)",
    ),
    # -- reports, plan, batch, init, import-lke (issue 5) -------------------------------------------------
    "report.opd": ("OPD", "Unit (OPD)"),
    "report.pemda": ("Pemerintah daerah", "Local government"),
    "report.evaluation_year": ("Tahun evaluasi", "Evaluation year"),
    "report.performance_year": ("Tahun kinerja (LKjIP)", "Performance year (LKjIP)"),
    "report.regime": ("Regime", "Regime"),
    "report.charts": ("Grafik", "Charts"),
    "report.chart_components": ("Nilai setiap komponen terhadap bobotnya", "Each component's score against its weight"),
    "report.chart_grades": ("Tingkat setiap sub-komponen", "Grade of each sub-component"),
    "report.chart_trend": ("Nilai SAKIP per tahun evaluasi", "SAKIP score by evaluation year"),
    "report.predicted_mark": (
        "tahun yang diprediksi, bukan hasil evaluasi", "predicted year, not an evaluation result",
    ),
    "report.scores": ("Nilai per komponen dan sub-komponen", "Scores by component and sub-component"),
    "report.checklist": ("Daftar periksa kriteria", "Criteria checklist"),
    "report.notes": ("Catatan evaluator (tidak memengaruhi nilai)", "Evaluator notes (no effect on the score)"),
    "report.findings": ("Temuan konsistensi LKjIP", "LKjIP consistency findings"),
    "report.followup": (
        "Tindak lanjut rekomendasi evaluasi sebelumnya", "Follow-up of last evaluation's recommendations",
    ),
    "report.col_id": ("Id", "Id"),
    "report.col_name": ("Uraian", "Description"),
    "report.col_share": ("Kriteria terpenuhi", "Criteria met"),
    "report.col_points": ("Poin", "Points"),
    "report.col_effort": ("Upaya (1-3)", "Effort (1-3)"),
    "report.col_status": ("Status", "Status"),
    "report.note": ("catatan", "note"),
    "report.sheet_summary": ("Ringkasan", "Summary"),
    "report.footer": (
        "Dibuat oleh sakip-eval: prediksi sebelum evaluasi Inspektorat, bukan hasil evaluasi resmi.",
        "Made by sakip-eval: a prediction before the Inspektorat's evaluation, not an official result.",
    ),
    "report.written": ("Laporan ditulis ke {path}", "Report written to {path}"),
    "report.needs_output": (
        "format {format} harus ditulis ke berkas",
        "format {format} must be written to a file",
    ),
    "report.needs_output.fix": ("Tambahkan -o NAMA.{format}", "Add -o NAME.{format}"),
    "report.cannot_write": ("tidak dapat menulis berkas: {detail}", "cannot write the file: {detail}"),
    "report.cannot_write.fix": (
        "Periksa bahwa foldernya ada dan dapat ditulisi.",
        "Check that the folder exists and is writable.",
    ),
    "lke.col.id": ("Id", "Id"),
    "lke.col.text": ("Kriteria", "Criterion"),
    "lke.col.claimed": ("Jawaban", "Claimed"),
    "lke.col.predicted": ("Prediksi", "Predicted"),
    "lke.col.reasons": ("Alasan", "Reasons"),
    "lke.col.evidence": ("Bukti (id)", "Evidence (ids)"),
    "lke.col.evidence_titles": ("Judul bukti", "Evidence titles"),
    "lke.col.note": ("Catatan", "Note"),
    "lke.col.recommendation": ("Rekomendasi", "Recommendation"),
    "lke.not_xlsx": ("bukan buku kerja Excel .xlsx yang dapat dibaca ({detail})",
                     "not a readable Excel .xlsx workbook ({detail})"),
    "lke.not_xlsx.fix": (
        "Simpan ulang dari Excel sebagai \"Excel Workbook (*.xlsx)\"; berkas .xls lama tidak didukung.",
        "Save it again from Excel as \"Excel Workbook (*.xlsx)\"; old .xls files are not supported.",
    ),
    "lke.no_rows": (
        "tidak ada lembar dengan kolom Id dan Jawaban serta baris kriteria (misalnya 1.a.1)",
        "no sheet has an Id and an Answer column with criterion rows (such as 1.a.1)",
    ),
    "lke.no_rows.fix": (
        "Pakai tata letak `sakip-eval report --format xlsx`: baris judul dengan kolom Id, Kriteria, Jawaban, "
        "Catatan, Bukti, lalu satu baris per kriteria.",
        "Use the layout of `sakip-eval report --format xlsx`: a header row with Id, Criterion, Claimed, Note, "
        "Evidence, then one row per criterion.",
    ),
    "lke.too_many_rows": ("lembar `{sheet}` lebih dari {limit} baris", "sheet `{sheet}` has more than {limit} rows"),
    "lke.duplicate_row": (
        "kriteria `{id}` muncul dua kali: {first} dan {where}",
        "criterion `{id}` appears twice: {first} and {where}",
    ),
    "lke.unknown_criterion": ("kriteria `{id}` tidak ada di rulebook", "criterion `{id}` is not in the rulebook"),
    "lke.unknown_criterion.fix": (
        "Perbaiki id pada kolom Id (bentuknya komponen.sub-komponen.nomor, misalnya 1.a.1); "
        "lihat `sakip-eval rules list`.",
        "Fix the id in the Id column (component.sub-component.number, such as 1.a.1); see `sakip-eval rules list`.",
    ),
    "lke.bad_answer": ("jawaban `{value}` tidak dikenal", "unknown answer `{value}`"),
    "lke.bad_answer.fix": (
        "Tulis Ya/Tidak, Y/T, 1/0, √ atau N/A (tidak berlaku); kosongkan sel bila jawaban tidak diubah.",
        "Write Ya/Tidak (yes/no), Y/T, 1/0, √ or N/A; leave the cell empty to keep the current answer.",
    ),
    "lke.unknown_evidence": ("bukti `{id}` tidak ada di inventory.yaml", "evidence `{id}` is not in inventory.yaml"),
    "lke.unknown_evidence.fix": (
        "Tulis id bukti dari inventory.yaml dipisah koma, tambahkan bukti itu ke inventory.yaml, "
        "atau jalankan dengan --ignore-evidence agar kolom Bukti diabaikan.",
        "Write evidence ids from inventory.yaml separated by commas, add the item to inventory.yaml, "
        "or run with --ignore-evidence to skip the Evidence column.",
    ),
    "lke.imported": (
        "{rows} baris kriteria dibaca, {changed} jawaban diperbarui di {path}",
        "{rows} criterion rows read, {changed} answers updated in {path}",
    ),
    "plan.bad_target": ("target `{value}` tidak sah", "`{value}` is not a valid target"),
    "plan.bad_target.fix": (
        "Tulis predikat ({categories}) atau nilai 0-100, misalnya --target AA atau --target 85,5.",
        "Write a category ({categories}) or a score 0-100, such as --target AA or --target 85.5.",
    ),
    "plan.title": ("Rencana menuju {target}", "Plan to reach {target}"),
    "plan.col_step": ("Langkah", "Step"),
    "plan.col_total": ("Nilai kumulatif", "Running total"),
    "plan.already": (
        "Target {target} sudah tercapai: prediksi {total} ({category}); tidak perlu langkah.",
        "Target {target} is already reached: predicted {total} ({category}); no steps needed.",
    ),
    "plan.reached": (
        "Target {target} tercapai dengan {steps} langkah: {start} → {total} ({category}).",
        "Target {target} is reached in {steps} steps: {start} → {total} ({category}).",
    ),
    "plan.unreachable": (
        "Target {target} di luar jangkauan karena walaupun semua rekomendasi dilaksanakan nilai tertinggi "
        "yang dapat dicapai {max} ({category}).",
        "Target {target} is out of reach because even with every recommendation done the highest "
        "reachable score is {max} ({category}).",
    ),
    "plan.limit": (
        "{sub} tertahan di {grade} ({score} dari {weight}): tidak ada aturan di rulebook yang menaikkannya lagi",
        "{sub} stays at {grade} ({score} of {weight}): no rule in the rulebook raises it further",
    ),
    "plan.toward_max": ("Langkah menuju nilai tertinggi itu:", "Steps to that highest score:"),
    "batch.title": ("Peringkat {count} workspace", "Ranking of {count} workspaces"),
    "batch.col_rank": ("#", "#"),
    "batch.col_workspace": ("Workspace", "Workspace"),
    "batch.col_error": ("Kesalahan", "Error"),
    "batch.distribution": ("Sebaran predikat", "Distribution of categories"),
    "batch.common": ("Rekomendasi terbuka yang paling sering", "Most common open recommendations"),
    "batch.col_count": ("Jumlah OPD", "Workspaces"),
    "batch.skipped": (
        "{count} workspace dilewati karena kesalahan (lihat kolom Kesalahan)",
        "{count} workspaces skipped because of errors (see the Error column)",
    ),
    "batch.none_scored": ("tidak ada workspace yang dapat dinilai", "no workspace could be scored"),
    "batch.none_scored.fix": (
        "Periksa pesan kesalahan setiap workspace; buat workspace baru dengan `sakip-eval init FOLDER`.",
        "Check each workspace's error message; create a workspace with `sakip-eval init FOLDER`.",
    ),
    "init.exists": ("folder ini sudah berisi workspace", "this folder already holds a workspace"),
    "init.exists.fix": (
        "Pilih folder baru atau kosong; workspace yang ada tidak ditimpa.",
        "Choose a new or empty folder; an existing workspace is never overwritten.",
    ),
    "init.created": (
        "Workspace baru dibuat di {path}: isi inventory.yaml dan assessment.yaml, lalu jalankan "
        "`sakip-eval score {path}`.",
        "New workspace created in {path}: fill inventory.yaml and assessment.yaml, then run "
        "`sakip-eval score {path}`.",
    ),
}


def t(key: str, lang: Lang, /, **params: Any) -> str:
    """The message `key` in `lang`, with `params` filled in."""
    indonesian, english = MESSAGES[key]
    template = indonesian if lang is Lang.ID else english
    return template.format(**params) if params else template
