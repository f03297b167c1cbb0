"""Every word a user reads, in Bahasa Indonesia first and English beside it.

Messages live in one table so that a translator reads them in one place and a test can check that
each key has both languages. Rule and criterion texts come from `rules/` as :class:`Text` values.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from sakip_eval.i18n.importers import MESSAGES as _IMPORTERS


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
    "error.unknown_component": (
        "komponen `{id}` tidak ada di rulebook (yang ada: {allowed})",
        "component `{id}` is not in the rulebook (known: {allowed})",
    ),
    "error.unknown_component.fix": (
        "Tulis komponen dengan nomornya: \"1\" Perencanaan, \"2\" Pengukuran, \"3\" Pelaporan, \"4\" Evaluasi.",
        "Key components by number: \"1\" planning, \"2\" measurement, \"3\" reporting, \"4\" internal evaluation.",
    ),
    "error.component_range": (
        "nilai `{value}` di luar 0 sampai bobotnya ({weight})",
        "score `{value}` is outside 0 to its weight ({weight})",
    ),
    "error.component_range.fix": (
        "Salin nilai dari tabel LHE apa adanya (koma sebagai desimal), per komponen atau sub-komponen.",
        "Copy the score from the LHE table as printed (comma decimals), per component or sub-component.",
    ),
    "error.unknown_grade": (
        "nilai huruf `{code}` tidak dikenal (yang sah: {allowed})",
        "unknown grade `{code}` (valid: {allowed})",
    ),
    "error.unknown_grade.fix": (
        "Tulis nilai sub-komponen sebagai huruf dari LKE (mis. A atau BB) atau sebagai angka (mis. 5,40).",
        "Write a sub-component's result as the LKE grade (A, BB, ...) or as its score (5,40).",
    ),
    "error.unknown_category": (
        "predikat `{code}` tidak dikenal (yang sah: {allowed})",
        "unknown category `{code}` (valid: {allowed})",
    ),
    "error.unknown_category.fix": (
        "Tulis predikat sebagai kodenya saja (AA, A, BB, B, CC, C, D), tanpa keterangan dalam kurung.",
        "Write the category as its code only (AA, A, BB, B, CC, C, D), without the words in brackets.",
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
    "score.header": (
        "Evaluasi {evaluation} · LKjIP {performance} · {regime}",
        "Evaluation {evaluation} · LKjIP {performance} · {regime}",
    ),
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
    "score.points_header": ("Tambahan nilai", "Points gained"),
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
    # follow-up of the previous LHE, LHE letter check, run history and diff (issue 4)
    "followup.title": ("Tindak lanjut rekomendasi LHE {source}", "Follow-up of the recommendations of LHE {source}"),
    "followup.checklist_title": (
        "Tindak lanjut rekomendasi LHE sebelumnya (4.c.1)",
        "Follow-up of the previous LHE's recommendations (4.c.1)",
    ),
    "followup.id": ("Id", "Id"),
    "followup.text": ("Rekomendasi (kutipan LHE)", "Recommendation (LHE wording)"),
    "followup.status": ("Status", "Status"),
    "followup.evidence": ("Bukti", "Evidence"),
    "followup.last_change": ("Perubahan terakhir", "Last change"),
    "followup.points": ("Bila selesai", "If closed"),
    "followup.status.belum": ("belum", "not started"),
    "followup.status.proses": ("proses", "in progress"),
    "followup.status.selesai": ("selesai", "done"),
    "followup.status.tidak-dapat": ("tidak dapat ditindaklanjuti", "cannot be followed up"),
    "followup.summary": (
        "{closed} dari {total} rekomendasi selesai dengan bukti; 4.c.1 {verdict}",
        "{closed} of {total} recommendations closed with evidence; 4.c.1 {verdict}",
    ),
    "followup.verdict_met": ("dapat terpenuhi", "can be met"),
    "followup.verdict_open": (
        "belum terpenuhi sampai seluruhnya selesai dengan bukti",
        "not met until every one is closed with evidence",
    ),
    "followup.empty": ("followup.yaml tidak memuat rekomendasi.", "followup.yaml holds no recommendations."),
    "followup.no_file": (
        "workspace belum memiliki followup.yaml",
        "the workspace has no followup.yaml",
    ),
    "followup.no_file.fix": (
        "Impor rekomendasi dari LHE tahun lalu: `sakip-eval followup WS import LHE.txt`.",
        "Import the recommendations of last year's LHE: `sakip-eval followup WS import LHE.txt`.",
    ),
    "followup.unknown_id": (
        "rekomendasi `{id}` tidak ada di followup.yaml (yang ada: {known})",
        "recommendation `{id}` is not in followup.yaml (known: {known})",
    ),
    "followup.unknown_id.fix": (
        "Lihat id yang sah dengan `sakip-eval followup WS list`.",
        "See the valid ids with `sakip-eval followup WS list`.",
    ),
    "followup.bad_status": (
        "status `{value}` tidak dikenal (yang sah: {allowed})",
        "unknown status `{value}` (valid: {allowed})",
    ),
    "followup.bad_status.fix": (
        "Pakai salah satu: belum, proses, selesai, tidak-dapat.",
        "Use one of: belum, proses, selesai, tidak-dapat.",
    ),
    "followup.reason_required": (
        "status tidak-dapat memerlukan alasan",
        "status tidak-dapat needs a reason",
    ),
    "followup.reason_required.fix": (
        "Tuliskan alasannya dengan --note \"...\" (evaluator menerima tidak-dapat hanya dengan alasan yang sah).",
        "Give the reason with --note \"...\" (evaluators accept tidak-dapat only with a valid reason).",
    ),
    "followup.unknown_evidence.fix": (
        "Tambahkan bukti itu ke inventory.yaml dahulu, atau perbaiki ejaan id-nya.",
        "Add the item to inventory.yaml first, or fix the spelling of its id.",
    ),
    "followup.locked": (
        "followup.yaml sedang diubah proses lain lebih dari {seconds} detik",
        "followup.yaml has been locked by another process for more than {seconds} seconds",
    ),
    "followup.locked.fix": (
        "Tunggu proses lain selesai, lalu ulangi perintahnya.",
        "Wait for the other process to finish, then run the command again.",
    ),
    "followup.state_dir": (
        "folder kerja {path} tidak dapat dibuat: {detail}",
        "cannot create the working folder {path}: {detail}",
    ),
    "followup.set_done": (
        "Rekomendasi {id}: {old} -> {new} (dicatat {at} oleh {by})",
        "Recommendation {id}: {old} -> {new} (recorded {at} by {by})",
    ),
    "followup.closed_without_evidence": (
        "Peringatan: {id} berstatus selesai tanpa bukti; 4.c.1 tetap tidak terpenuhi sampai buktinya dicatat "
        "(--evidence ID).",
        "Warning: {id} is done without evidence; 4.c.1 stays unmet until its evidence is recorded (--evidence ID).",
    ),
    "followup.other_letter": (
        "followup.yaml sudah memuat rekomendasi dari LHE {existing}, bukan {letter}",
        "followup.yaml already holds the recommendations of LHE {existing}, not {letter}",
    ),
    "followup.other_letter.fix": (
        "Satu workspace menindaklanjuti satu LHE: impor ke workspace tahun berikutnya, atau pindahkan "
        "followup.yaml lama lebih dahulu.",
        "One workspace follows up one LHE: import into the next year's workspace, or move the old followup.yaml "
        "away first.",
    ),
    "followup.import_conflict": (
        "rekomendasi `{id}` di followup.yaml berbeda dengan teks LHE: \"{existing}\" vs \"{letter}\"",
        "recommendation `{id}` in followup.yaml differs from the LHE text: \"{existing}\" vs \"{letter}\"",
    ),
    "followup.import_conflict.fix": (
        "Teks rekomendasi dikutip apa adanya dari LHE: perbaiki followup.yaml atau berkas LHE-nya.",
        "Recommendation texts are quoted verbatim from the LHE: correct followup.yaml or the LHE file.",
    ),
    "followup.import_done": (
        "{added} rekomendasi ditambahkan, {kept} sudah ada (LHE {number}, {date}) ke {file}",
        "{added} recommendations added, {kept} already present (LHE {number}, {date}) in {file}",
    ),
    "followup.import_header": (
        "Rekomendasi LHE {number} tanggal {date}, diimpor dengan `sakip-eval followup import` dan dikutip "
        "apa adanya. Perbarui statusnya dengan `sakip-eval followup set`.",
        "Recommendations of LHE {number} dated {date}, imported with `sakip-eval followup import` and quoted "
        "verbatim. Update their status with `sakip-eval followup set`.",
    ),
    "lhe.no_table": (
        "tabel nilai komponen tidak ditemukan di surat LHE",
        "no component score table found in the LHE letter",
    ),
    "lhe.no_table.fix": (
        "Simpan LHE sebagai teks dengan satu baris per komponen: nama komponen, bobot dan nilai dipisah tab, "
        "| atau dua spasi (misalnya `a. Perencanaan Kinerja<TAB>30,00<TAB>26,10`).",
        "Save the LHE as text with one line per component: component name, weight and score separated by tabs, "
        "| or two spaces (for example `a. Perencanaan Kinerja<TAB>30,00<TAB>26,10`).",
    ),
    "lhe.no_recommendations": (
        "daftar rekomendasi bernomor (\"... direkomendasikan ... sebagai berikut:\") tidak ditemukan",
        "no numbered recommendation list (\"... direkomendasikan ... sebagai berikut:\") found",
    ),
    "lhe.no_recommendations.fix": (
        "Pastikan butir rekomendasi ditulis sebagai a. ... b. ... tepat di bawah kalimat pengantar yang diakhiri "
        "\"sebagai berikut:\".",
        "Make sure the recommendations are written as a. ... b. ... right below the lead-in sentence ending with "
        "\"sebagai berikut:\".",
    ),
    "lhe.title": ("Pemeriksaan LHE {number} ({date})", "LHE check {number} ({date})"),
    "lhe.component": ("Komponen", "Component"),
    "lhe.weight": ("Bobot", "Weight"),
    "lhe.score": ("Nilai", "Score"),
    "lhe.combinations": ("Kombinasi tingkat yang menghasilkannya", "Grade combinations that produce it"),
    "lhe.more": ("(+{count} lagi)", "(+{count} more)"),
    "lhe.none": ("tidak ada", "none"),
    "lhe.total": (
        "Total tertulis {total}, jumlah komponen {sum}; predikat tertulis {category}, menurut total {expected}",
        "Stated total {total}, sum of components {sum}; stated category {category}, by the total {expected}",
    ),
    "lhe.ok": ("Aritmetika LHE konsisten: tidak ada masalah.", "The LHE's arithmetic holds: no problems."),
    "lhe.problems": ("{count} masalah ditemukan:", "{count} problems found:"),
    "lhe.problem.missing_component": (
        "komponen {component} ({name}) tidak ada di tabel nilai",
        "component {component} ({name}) is missing from the score table",
    ),
    "lhe.problem.weight": (
        "bobot komponen {component} tertulis {stated}, menurut rulebook {expected}",
        "component {component}'s weight is stated as {stated}, the rulebook says {expected}",
    ),
    "lhe.problem.off_grid": (
        "nilai komponen {component} {stated} tidak dapat dihasilkan oleh tingkat mana pun "
        "(bobot sub-komponen x faktor; nilai terdekat yang mungkin: {below} dan {above})",
        "component {component}'s score {stated} cannot come from any grades "
        "(sub-component weight x factor; nearest possible: {below} and {above})",
    ),
    "lhe.problem.narrative_component": (
        "uraian menyebut nilai komponen {component} {stated}, tabel {expected}",
        "the narrative gives component {component} {stated}, the table {expected}",
    ),
    "lhe.problem.sum": (
        "jumlah nilai komponen {sum} tidak sama dengan total tertulis {stated}",
        "the components add up to {sum}, not to the stated total {stated}",
    ),
    "lhe.problem.narrative_total": (
        "uraian menyebut nilai AKIP {stated}, tabel {expected}",
        "the narrative gives an AKIP score of {stated}, the table {expected}",
    ),
    "lhe.problem.missing_total": ("nilai total tidak ditemukan", "no total score found"),
    "lhe.problem.category": (
        "predikat tertulis {stated}, padahal total {total} berpredikat {expected}",
        "the stated category is {stated}, but a total of {total} is {expected}",
    ),
    "lhe.problem.category_name": (
        "predikat {code} ditulis \"{stated}\", seharusnya \"{expected}\"",
        "category {code} is written \"{stated}\", it should be \"{expected}\"",
    ),
    "lhe.problem.missing_category": ("predikat tidak ditemukan", "no category (predikat) found"),
    "history.missing": ("riwayat run belum ada", "no run history yet"),
    "history.missing.fix": (
        "Jalankan `sakip-eval score WS` dahulu; setiap run dicatat di WS/.sakip/history.sqlite.",
        "Run `sakip-eval score WS` first; every run is recorded in WS/.sakip/history.sqlite.",
    ),
    "history.unusable": ("berkas riwayat tidak dapat dipakai: {detail}", "the history file cannot be used: {detail}"),
    "history.unusable.fix": (
        "Periksa izin tulis foldernya, atau pilih berkas lain dengan --history PATH.",
        "Check the folder's write permission, or choose another file with --history PATH.",
    ),
    "history.newer": (
        "berkas riwayat berskema versi {found}, versi ini hanya mengenal sampai {supported}",
        "the history file has schema version {found}; this version knows up to {supported}",
    ),
    "history.newer.fix": (
        "Perbarui sakip-eval, atau pakai berkas riwayat lain dengan --history PATH.",
        "Upgrade sakip-eval, or use another history file with --history PATH.",
    ),
    "history.unknown_run": ("run #{id} tidak ada di riwayat", "run #{id} is not in the history"),
    "history.unknown_run.fix": (
        "Lihat nomor run yang ada dengan `sakip-eval history WS`.",
        "See the recorded run numbers with `sakip-eval history WS`.",
    ),
    "history.need_two": (
        "perlu dua run untuk dibandingkan, baru ada {count}",
        "two runs are needed for a comparison, there are {count}",
    ),
    "history.need_two.fix": (
        "Jalankan `sakip-eval score WS` lagi setelah mengubah workspace.",
        "Run `sakip-eval score WS` again after changing the workspace.",
    ),
    "history.not_recorded": (
        "Peringatan: run ini tidak dicatat di riwayat. {detail}",
        "Warning: this run was not recorded in the history. {detail}",
    ),
    "history.runs_title": ("Riwayat run: {opd}", "Recorded runs: {opd}"),
    "history.no_runs": ("Belum ada run yang dicatat.", "No run recorded yet."),
    "history.trend_title": ("Tren nilai per tahun evaluasi", "Score trend by evaluation year"),
    "history.run": ("Run", "Run"),
    "history.at": ("Waktu", "Time"),
    "history.year": ("Tahun", "Year"),
    "history.total": ("Nilai", "Score"),
    "history.category": ("Predikat", "Category"),
    "history.inputs": ("Hash masukan", "Inputs hash"),
    "history.source": ("Sumber", "Source"),
    "history.source_lhe": ("LHE (workspace.yaml)", "LHE (workspace.yaml)"),
    "history.source_run": ("prediksi run #{run}", "prediction, run #{run}"),
    "diff.title": ("Run #{a} ({at_a}) → run #{b} ({at_b})", "Run #{a} ({at_a}) → run #{b} ({at_b})"),
    "diff.total": (
        "Nilai total: {a} ({cat_a}) → {b} ({cat_b}), selisih {delta}",
        "Total: {a} ({cat_a}) → {b} ({cat_b}), change {delta}",
    ),
    "diff.inputs": ("Masukan yang berubah: {files}", "Inputs that changed: {files}"),
    "diff.none": ("Tidak ada perbedaan.", "No differences."),
    "diff.subcomponents": ("Tingkat sub-komponen yang berubah", "Sub-component grades that changed"),
    "diff.criteria": ("Kriteria yang berubah", "Criteria that changed"),
    "diff.followup": ("Tindak lanjut yang berubah", "Follow-up that changed"),
    "diff.id": ("Id", "Id"),
    "diff.grade": ("Tingkat", "Grade"),
    "diff.score": ("Nilai", "Score"),
    "diff.predicted": ("Prediksi", "Predicted"),
    "diff.why": ("Mengapa (− aturan hilang, + aturan baru)", "Why (− rule gone, + rule new)"),
    "diff.claim_changed": ("klaim tim: {a} → {b}", "team's claim: {a} → {b}"),
    "diff.met_changed": ("kriteria terpenuhi: {a} → {b}", "criteria met: {a} → {b}"),
    # -- hardening: limits, files the system refuses, interruptions, internal errors (issue 6) --------------
    "error.too_long_list": ("daftar berisi lebih dari {limit} butir", "a list holds more than {limit} items"),
    "error.too_long_list.fix": (
        "Pecah daftar itu; workspace yang wajar tidak memerlukan daftar sepanjang ini.",
        "Split the list; a sensible workspace never needs a list this long.",
    ),
    "error.too_many_nodes.fix": (
        "Kurangi alias YAML (`*nama`) atau tulis nilainya langsung; batasnya melindungi dari berkas yang "
        "membengkak saat dibaca.",
        "Use fewer YAML aliases (`*name`) or write the values out; the limit guards against files that "
        "balloon when read.",
    ),
    "error.too_big.fix": (
        "Periksa bahwa ini berkas yang dimaksud; pindahkan lampiran besar ke folder `files/` dan rujuk lewat `file:`.",
        "Check that this is the intended file; keep large attachments in `files/` and refer to them with `file:`.",
    ),
    "error.too_deep": (
        "struktur bersarang lebih dari {limit} tingkat (atau alias yang merujuk dirinya sendiri)",
        "nested more than {limit} levels deep (or an alias that refers to itself)",
    ),
    "error.too_deep.fix": (
        "Periksa indentasi dan tanda kurung `[`/`{{` yang tidak ditutup; jangan pakai alias di dalam "
        "anchor-nya sendiri.",
        "Check the indentation and unclosed `[`/`{{`; never use an alias inside its own anchor.",
    ),
    "error.bad_scalar": ("nilai `{value}` tidak dapat dibaca: {detail}", "value `{value}` cannot be read: {detail}"),
    "error.bad_scalar.fix": (
        "Tulis tanggal sebagai TTTT-BB-HH yang ada di kalender dan angka dengan wajar, atau beri tanda kutip "
        "(\"...\") agar dibaca sebagai teks.",
        "Write dates as a real YYYY-MM-DD and numbers of a sensible size, or quote the value (\"...\") to read it "
        "as text.",
    ),
    "error.not_a_file": (
        "ini bukan berkas biasa (melainkan folder, perangkat atau pipa)",
        "this is not a regular file (but a folder, a device or a pipe)",
    ),
    "error.not_a_file.fix": (
        "Berikan jalur ke berkasnya sendiri, bukan ke foldernya.",
        "Give the path of the file itself, not of its folder.",
    ),
    "error.file_not_found.fix": (
        "Periksa nama dan folder berkasnya (huruf besar/kecil dibedakan).",
        "Check the file's name and folder (upper and lower case differ).",
    ),
    "error.not_a_folder": ("ini berkas, bukan folder workspace", "this is a file, not a workspace folder"),
    "error.not_a_folder.fix": (
        "Berikan folder yang berisi workspace.yaml, bukan salah satu berkasnya.",
        "Give the folder that holds workspace.yaml, not one of its files.",
    ),
    "error.os": ("tidak dapat membaca atau menulis: {detail}", "cannot read or write: {detail}"),
    "error.os.fix": (
        "Periksa bahwa berkas atau folder itu ada dan Anda berhak membaca/menulisinya; untuk keluaran, pilih "
        "folder lain.",
        "Check that the file or folder exists and that you may read/write it; for output, choose another folder.",
    ),
    "error.bad_regime_name": (
        "nama regime `{regime}` tidak sah: hanya huruf kecil, angka, titik, garis bawah dan tanda hubung",
        "regime name `{regime}` is not valid: lower-case letters, digits, dots, underscores and hyphens only",
    ),
    "error.unknown_regime.fix": (
        "Pakai nama folder di bawah rules/ (misalnya `lke-2021`).",
        "Use the name of a folder under rules/ (for example `lke-2021`).",
    ),
    "error.interrupted": (
        "dihentikan (Ctrl+C); berkas yang sedang ditulis tetap seperti semula",
        "stopped (Ctrl+C); a file being written is left as it was",
    ),
    "error.internal": (
        "kesalahan internal sakip-eval ({kind}: {detail})",
        "internal error in sakip-eval ({kind}: {detail})",
    ),
    "error.internal.fix": (
        "Ini kesalahan program, bukan kesalahan masukan Anda. Jalankan ulang perintah yang sama dengan --debug "
        "untuk melihat traceback, lalu laporkan bersama berkas masukannya.",
        "This is a bug, not a mistake in your input. Run the same command again with --debug to see the "
        "traceback, and report it with the input files.",
    ),
    "report.overwrites_input": (
        "keluaran akan menimpa berkas masukan workspace",
        "the output would overwrite one of the workspace's input files",
    ),
    "report.overwrites_input.fix": (
        "Pilih nama berkas lain untuk -o, misalnya `laporan.html`.",
        "Choose another file name for -o, for example `report.html`.",
    ),
    "lke.too_big_unpacked": (
        "isi buku kerja lebih dari {limit} MiB setelah dibuka (atau lebih dari {entries} bagian)",
        "the workbook holds more than {limit} MiB once unpacked (or more than {entries} parts)",
    ),
    "lke.too_big_unpacked.fix": (
        "Simpan hanya lembar LKE di buku kerja baru (Pindahkan/Salin lembar) lalu impor ulang.",
        "Keep only the LKE sheets in a new workbook (Move/Copy sheet) and import it again.",
    ),
    "history.not_history": (
        "bukan berkas riwayat sakip-eval (kosong atau basis data program lain)",
        "not a sakip-eval history file (empty, or another program's database)",
    ),
    "history.not_history.fix": (
        "Pilih berkas riwayat yang dibuat `sakip-eval score` dengan --history PATH, atau hapus berkas ini.",
        "Choose a history file written by `sakip-eval score` with --history PATH, or delete this file.",
    ),
    # how to fix the errors that did not say so yet
    "calibrate.no_actual.fix": (
        "Tambahkan `actual:` dengan `total` (dan `components` bila ada) dari LHE ke workspace.yaml; lihat "
        "docs/workspace.md.",
        "Add `actual:` with the LHE's `total` (and `components` when known) to workspace.yaml; see docs/workspace.md.",
    ),
    "error.bad_option.fix": (
        "Pilih salah satu nilai yang disebut; `sakip-eval --help` menampilkan semua perintah.",
        "Choose one of the values listed; `sakip-eval --help` lists every command.",
    ),
    "error.bad_regime_name.fix": (
        "Pakai nama folder di bawah rules/ (misalnya `lke-2021`).",
        "Use the name of a folder under rules/ (for example `lke-2021`).",
    ),
    "error.duplicate_id.fix": (
        "Beri setiap butir id sendiri; id dipakai berkas lain untuk merujuk butir itu.",
        "Give every item its own id; other files refer to an item by its id.",
    ),
    "error.duplicate_key.fix": (
        "Hapus salah satu baris atau gabungkan isinya; YAML hanya menyimpan satu nilai per isian.",
        "Delete one of the lines or merge them; YAML keeps one value per field.",
    ),
    "error.interrupted.fix": ("Jalankan ulang perintahnya untuk menyelesaikannya.",
                              "Run the command again to finish it."),
    "error.invalid.fix": (
        "Bandingkan isian itu dengan format di docs/workspace.md (atau `sakip-eval schema`).",
        "Compare the field with the format in docs/workspace.md (or `sakip-eval schema`).",
    ),
    "error.missing_key.fix": (
        "Tambahkan isian itu; contoh lengkap ada di evidence/mojosari-2025/ dan di templat `sakip-eval init`.",
        "Add the field; evidence/mojosari-2025/ and the `sakip-eval init` templates show complete examples.",
    ),
    "error.path_outside.fix": (
        "Simpan berkas bukti di dalam folder workspace (misalnya `files/`) dan tulis jalurnya relatif terhadap "
        "folder itu.",
        "Keep evidence files inside the workspace folder (for example `files/`) and write their path relative to it.",
    ),
    "error.rule.fix": (
        "Jalankan `sakip-eval rules lint` untuk menemukan aturan yang salah tulis.",
        "Run `sakip-eval rules lint` to find the mistyped rule.",
    ),
    "error.rulebook.fix": (
        "Perbaiki berkas rulebook di baris itu; `sakip-eval rules lint` memeriksa seluruh rulebook.",
        "Fix the rulebook file at that line; `sakip-eval rules lint` checks the whole rulebook.",
    ),
    "error.top_not_mapping.fix": (
        "Mulai berkas dengan isian `nama: nilai` di awal baris, bukan daftar (`- ...`) atau teks lepas.",
        "Start the file with `name: value` fields at the start of a line, not a list (`- ...`) or loose text.",
    ),
    "error.type.bool.fix": ("Tulis `true` (ya) atau `false` (tidak).", "Write `true` (yes) or `false` (no)."),
    "error.type.choice.fix": (
        "Salin salah satu pilihan yang disebut persis seperti tertulis.",
        "Copy one of the listed choices exactly as written.",
    ),
    "error.type.date.fix": ("Tulis tanggal sebagai TTTT-BB-HH, misalnya 2024-05-03.",
                            "Write the date as YYYY-MM-DD, for example 2024-05-03."),
    "error.type.float.fix": (
        "Tulis angka seperti di dokumen (`82,30`, `10.455.592.750`, `92,48 %`); tulis `-` bila tidak ada.",
        "Write the number as the document does (`82,30`, `10.455.592.750`, `92,48 %`); write `-` when there is none.",
    ),
    "error.type.int.fix": ("Tulis bilangan bulat tanpa titik atau koma, misalnya 2024.",
                           "Write a whole number without dots or commas, for example 2024."),
    "error.type.list.fix": (
        "Tulis satu butir per baris dengan `- ` di depannya, atau `[a, b]` dalam satu baris.",
        "Write one item per line starting with `- `, or `[a, b]` on one line.",
    ),
    "error.type.mapping.fix": (
        "Tulis `kunci: nilai` per baris, menjorok di bawah isian induknya.",
        "Write one `key: value` per line, indented under its parent field.",
    ),
    "error.type.pattern.fix": (
        "Ganti spasi dan tanda baca lain dengan tanda hubung, misalnya `renja-2024`.",
        "Replace spaces and other punctuation with hyphens, for example `renja-2024`.",
    ),
    "error.type.range.fix": ("Isi nilai di dalam batas yang disebut.", "Use a value within the limits shown."),
    "error.type.string.fix": ("Beri tanda kutip pada nilai itu (\"...\") agar dibaca sebagai teks.",
                              "Quote the value (\"...\") so it is read as text."),
    "error.type.too_short.fix": ("Isi nilainya, atau hapus isian itu bila tidak wajib.",
                                 "Fill in the value, or delete the field when it is optional."),
    "error.unknown_attribute.fix": (
        "Pakai salah satu atribut yang disebut atau periksa `type` butir itu; daftar lengkapnya di "
        "rules/lke-2021/evidence-types.yaml.",
        "Use one of the listed attributes or check the item's `type`; the full list is in "
        "rules/lke-2021/evidence-types.yaml.",
    ),
    "error.unknown_criterion.fix": (
        "Pakai id kriteria dari `sakip-eval rules list` (misalnya 1.a.1).",
        "Use a criterion id from `sakip-eval rules list` (for example 1.a.1).",
    ),
    "error.unknown_evidence.fix": (
        "Tambahkan bukti itu ke inventory.yaml, atau samakan id-nya dengan `id` di sana.",
        "Add the evidence to inventory.yaml, or make the id match its `id` there.",
    ),
    "error.unknown_subcomponent.fix": (
        "Pakai id sub-komponen dari `sakip-eval rules list` (misalnya 1.a).",
        "Use a sub-component id from `sakip-eval rules list` (for example 1.a).",
    ),
    "error.years.fix": (
        "Tahun kinerja adalah tahun sebelum tahun evaluasi: evaluasi 2025 menilai kinerja 2024.",
        "The performance year is the year before the evaluation: the 2025 evaluation looks at 2024.",
    ),
    "followup.state_dir.fix": (
        "Periksa izin tulis folder workspace; `followup set` menyimpan kuncinya di WS/.sakip/.",
        "Check that the workspace folder is writable; `followup set` keeps its lock in WS/.sakip/.",
    ),
    "lke.duplicate_row.fix": ("Hapus salah satu baris, atau perbaiki nomor kriterianya.",
                              "Delete one of the rows, or correct its criterion number."),
    "lke.too_many_rows.fix": (
        "Simpan hanya lembar LKE (satu baris per kriteria) di buku kerja yang diimpor.",
        "Keep only the LKE sheets (one row per criterion) in the workbook you import.",
    ),
    "rules.not_found.fix": ("Lihat id yang ada dengan `sakip-eval rules list`.",
                            "See the ids there are with `sakip-eval rules list`."),
    "batch.no_workspaces": ("tidak ada workspace di folder ini", "no workspace in this folder"),
    "batch.no_workspaces.fix": (
        "Berikan folder workspace (berisi workspace.yaml) atau folder yang subfoldernya workspace.",
        "Give a workspace folder (with workspace.yaml) or a folder whose sub-folders are workspaces.",
    ),
}

MESSAGES.update(_IMPORTERS)


def t(key: str, lang: Lang, /, **params: Any) -> str:
    """The message `key` in `lang`, with `params` filled in."""
    indonesian, english = MESSAGES[key]
    template = indonesian if lang is Lang.ID else english
    return template.format(**params) if params else template
