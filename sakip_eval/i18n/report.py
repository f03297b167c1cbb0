"""Reports for readers (HTML, Markdown, the LKE workbook)."""

# key -> (Bahasa Indonesia, English); an English `{n:one|other}` picks the singular when n is 1
MESSAGES: dict[str, tuple[str, str]] = {
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
    "report.is_folder": (
        "tidak dapat menulis berkas: ini sebuah folder", "cannot write the file: this is a folder",
    ),
    "report.is_folder.fix": (
        "Beri nama berkas di dalam folder itu, misalnya FOLDER/laporan.pdf.",
        "Name a file inside that folder, for example FOLDER/report.pdf.",
    ),
    "report.generated": ("Dibuat {date}", "Made on {date}"),
    "report.page": ("Halaman", "Page"),
    "report.months": (
        "Januari,Februari,Maret,April,Mei,Juni,Juli,Agustus,September,Oktober,November,Desember",
        "January,February,March,April,May,June,July,August,September,October,November,December",
    ),
    "report.findings_intro": (
        "{count} temuan dalam {checks} jenis pemeriksaan; setiap tabel satu jenis, uraiannya lebih dulu.",
        "{count} {count:finding|findings} of {checks} {checks:kind|kinds} of check; one table a kind, the details "
        "first.",
    ),
    "report.word.pk_awal": ("PK awal", "initial PK"),
    "report.word.pk_perubahan": ("PK perubahan", "revised PK"),
    "report.word.data_year": ("tahun data", "data year"),
    "report.file.workspace": ("data OPD", "the unit's data"),
    "report.file.inventory": ("daftar bukti dukung", "the evidence list"),
    "report.file.assessment": ("penilaian mandiri", "the self-assessment"),
    "report.file.lkjip": ("data LKjIP", "the LKjIP data"),
    "report.file.followup": ("daftar tindak lanjut", "the follow-up list"),
    "report.no_browser": (
        "tidak ada peramban untuk mencetak PDF (Chromium, Google Chrome atau Microsoft Edge)",
        "no browser to print the PDF with (Chromium, Google Chrome or Microsoft Edge)",
    ),
    "report.no_browser.fix": (
        "Pasang Google Chrome atau Microsoft Edge (Linux: paket chromium), atau buat laporan HTML dengan "
        "--format html lalu cetak ke PDF dari peramban. Peramban di tempat lain: SAKIP_EVAL_BROWSER=JALUR.",
        "Install Google Chrome or Microsoft Edge (Linux: the chromium package), or make the HTML report with "
        "--format html and print it to PDF from a browser. A browser elsewhere: SAKIP_EVAL_BROWSER=PATH.",
    ),
    "report.browser_not_found": (
        "peramban yang disebut SAKIP_EVAL_BROWSER tidak ditemukan",
        "the browser named by SAKIP_EVAL_BROWSER is not found",
    ),
    "report.browser_not_found.fix": (
        "Tulis jalur lengkap chrome, msedge atau chromium, atau hapus SAKIP_EVAL_BROWSER agar dicari sendiri.",
        "Write the full path of chrome, msedge or chromium, or unset SAKIP_EVAL_BROWSER to have it found.",
    ),
    "report.browser_failed": ("peramban gagal mencetak PDF: {detail}", "the browser failed to print the PDF: {detail}"),
    "report.browser_failed.fix": (
        "Tutup peramban yang sedang mencetak lalu ulangi, atau buat --format html dan cetak dari peramban.",
        "Close a browser that is printing and try again, or make --format html and print it from the browser.",
    ),
    "report.printing": ("Mencetak PDF", "Printing the PDF"),
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
    "report.overwrites_input": (
        "keluaran akan menimpa berkas masukan workspace",
        "the output would overwrite one of the workspace's input files",
    ),
    "report.overwrites_input.fix": (
        "Pilih nama berkas lain untuk -o, misalnya `laporan.html`.",
        "Choose another file name for -o, for example `report.html`.",
    ),
}
