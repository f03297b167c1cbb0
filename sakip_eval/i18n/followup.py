"""Follow-up of the previous LHE's recommendations (`followup list|set|import`)."""

# key -> (Bahasa Indonesia, English); an English `{n:one|other}` picks the singular when n is 1
MESSAGES: dict[str, tuple[str, str]] = {
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
        "{closed} of {total} {total:recommendation|recommendations} closed with evidence; 4.c.1 {verdict}",
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
    "followup.zero_points": (
        "(sendiri belum menambah nilai: 4.c.1 terpenuhi bila {open} rekomendasi yang terbuka selesai semua)",
        "(adds nothing alone: 4.c.1 is met once all {open} open {open:recommendation|recommendations} are closed)",
    ),
    "followup.bad_status.fix": (
        "Pakai salah satu: belum, proses, selesai, tidak-dapat (atau not-started, in-progress, done, cannot).",
        "Use one of: not-started, in-progress, done, cannot (or belum, proses, selesai, tidak-dapat).",
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
    "followup.state_dir.fix": (
        "Periksa izin tulis folder workspace; `followup set` menyimpan kuncinya di WS/.sakip/.",
        "Check that the workspace folder is writable; `followup set` keeps its lock in WS/.sakip/.",
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
        "{added} {added:recommendation|recommendations} added, {kept} already present (LHE {number}, {date}) in {file}",
    ),
    "followup.import_header": (
        "Rekomendasi LHE {number} tanggal {date}, diimpor dengan `sakip-eval followup import` dan dikutip "
        "apa adanya. Perbarui statusnya dengan `sakip-eval followup set`.",
        "Recommendations of LHE {number} dated {date}, imported with `sakip-eval followup import` and quoted "
        "verbatim. Update their status with `sakip-eval followup set`.",
    ),
    # followup import: the years a letter prints, into workspace.yaml `history`
    "followup.history_written": (
        "Riwayat nilai di {file}: {years}",
        "Score history in {file}: {years}",
    ),
    "followup.history_kept": (
        "Peringatan: history {year} di {file} sudah berisi nilai lain ({existing}); LHE menyebut {letter}. "
        "Isian yang ada tidak diubah.",
        "Warning: history {year} in {file} already holds another value ({existing}); the LHE says {letter}. "
        "The existing entry is left unchanged.",
    ),
    "followup.history_skipped": (
        "Peringatan: nilai tahun {year} tidak dicatat di history: {reason}",
        "Warning: the {year} score is not recorded in history: {reason}",
    ),
    "followup.history_reason.no_total": (
        "totalnya tidak terbaca di surat",
        "its total is not legible in the letter",
    ),
    "followup.history_reason.not_before": (
        "bukan tahun sebelum tahun evaluasi workspace ({evaluation})",
        "it is not a year before the workspace's evaluation year ({evaluation})",
    ),
    "followup.history_reason.no_year": (
        "tahun kinerja surat tidak diketahui",
        "the letter's performance year is unknown",
    ),
    "followup.history_source": (
        "LHE {number}, {date}",
        "LHE {number}, {date}",
    ),
    "followup.history_source_previous": (
        "LHE {number}, {date}, kolom tahun sebelumnya",
        "LHE {number}, {date}, previous-year column",
    ),
}
