"""The run history (`history`) and the difference between two runs (`diff`)."""

# key -> (Bahasa Indonesia, English); an English `{n:one|other}` picks the singular when n is 1
MESSAGES: dict[str, tuple[str, str]] = {
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
        "two runs are needed for a comparison, there {count:is|are} {count}",
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
    "diff.unchanged": ("{value} (tetap)", "{value} (unchanged)"),
    "diff.claim_changed": ("klaim tim: {a} → {b}", "team's claim: {a} → {b}"),
    "diff.met_changed": ("kriteria terpenuhi: {a} → {b}", "criteria met: {a} → {b}"),
    "history.not_history": (
        "bukan berkas riwayat sakip-eval (kosong atau basis data program lain)",
        "not a sakip-eval history file (empty, or another program's database)",
    ),
    "history.not_history.fix": (
        "Pilih berkas riwayat yang dibuat `sakip-eval score` dengan --history PATH, atau hapus berkas ini.",
        "Choose a history file written by `sakip-eval score` with --history PATH, or delete this file.",
    ),
}
