"""The `--help` texts, Indonesian then English, keyed by command path and parameter.

A command is keyed by its path (`score`, `followup list`; the program itself is `sakip-eval`); an option by
the path and its long name (`score --fail-under`), an argument by its metavar (`init DIR`). `* NAME` serves
every command that has no entry of its own. tests/test_cli_conventions.py fails when a command or parameter
has no text, or when an entry names nothing.
"""

from __future__ import annotations

# The words of the help page around those texts.
MESSAGES: dict[str, tuple[str, str]] = {
    "help.usage": ("Pemakaian", "Usage"),
    "help.usage_options": ("[OPSI]", "[OPTIONS]"),
    "help.usage_command": ("PERINTAH", "COMMAND"),
    "help.arguments": ("Argumen", "Arguments"),
    "help.options": ("Opsi", "Options"),
    "help.commands": ("Perintah", "Commands"),
    "help.more": ("Bantuan satu perintah: `{command} --help`.", "Help on one command: `{command} --help`."),
    "help.default": ("bawaan: {value}", "default: {value}"),
    "help.envvar": ("variabel lingkungan: {name}", "environment variable: {name}"),
    "help.required": ("wajib", "required"),
}

HELP: dict[str, tuple[str, str]] = {
    # the program
    "sakip-eval": (
        "Prediksi nilai evaluasi SAKIP (AKIP) sebuah perangkat daerah sebelum Inspektorat datang.",
        "Pre-score a government unit's SAKIP (AKIP) evaluation before the Inspektorat does.",
    ),
    "sakip-eval --version": ("Tampilkan versi sakip-eval lalu keluar.", "Show the version of sakip-eval and exit."),
    "sakip-eval --rules": (
        "Folder rulebook sendiri, satu subfolder per regime (bawaan: rulebook yang terpasang).",
        "Your own rulebook folder, one sub-folder per regime (default: the installed rulebook).",
    ),
    "sakip-eval --install-completion": (
        "Pasang pelengkapan otomatis (Tab) untuk shell ini.", "Install Tab completion for the current shell.",
    ),
    "sakip-eval --show-completion": (
        "Tampilkan skrip pelengkapan otomatis untuk disalin.", "Show the Tab completion script, to copy it.",
    ),
    # shared by every command
    "* --help": ("Tampilkan bantuan ini lalu keluar.", "Show this help and exit."),
    "* --lang": ("Bahasa keluaran: id (Indonesia) atau en (Inggris).", "Output language: id (Indonesian) or en."),
    "* --format": ("Bentuk keluaran: tabel di layar atau JSON.", "Output form: a table on screen or JSON."),
    "* WS": ("Folder workspace (bawaan: folder saat ini).", "The workspace folder (default: the current folder)."),
    "* --history": (
        "Berkas riwayat run (bawaan: WS/.sakip/history.sqlite).",
        "The run history file (default: WS/.sakip/history.sqlite).",
    ),
    "* --regime": ("Regime rulebook yang dipakai.", "The rulebook regime to use."),
    "* FILE": ("Surat LHE: PDF, DOCX atau teks.", "The LHE letter: PDF, DOCX or text."),
    # score
    "score": (
        "Checklist kriteria LKE dan prediksi nilai, predikat dan rekomendasi.",
        "The LKE criteria checklist and the predicted score, category and recommendations.",
    ),
    "score --fail-under": (
        "Keluar dengan kode 1 bila nilai di bawah N (60,5 atau 60.5).",
        "Exit with code 1 when the score is below N (60,5 or 60.5).",
    ),
    "score --top": ("Jumlah rekomendasi yang ditampilkan.", "How many recommendations to show."),
    "score --no-history": ("Jangan catat run ini di riwayat.", "Do not record this run in the history."),
    "score --gaps": (
        "Hanya yang belum terpenuhi, dibatasi atau berisiko.", "Only what is not met, capped or at risk.",
    ),
    "score --layout": (
        "Tata letak checklist: table (lebar), compact (layar sempit) atau auto (menurut lebar layar).",
        "Checklist layout: table (wide), compact (narrow screens) or auto (by the screen's width).",
    ),
    # calibrate
    "calibrate": (
        "Bandingkan prediksi dengan hasil LHE sebenarnya (`actual` di workspace.yaml): tabel per kasus dan "
        "ringkasan (rata-rata selisih, predikat tepat, Spearman, sebaran nilai prediksi) di samping baseline "
        "tahun lalu + kenaikan biasa.",
        "Compare predictions with the real LHE result (`actual` in workspace.yaml): a table per case and a "
        "summary (mean error, category right, Spearman, spread of the predicted totals) beside the baseline previous "
        "total + typical change.",
    ),
    "calibrate DIR": (
        "Workspace, atau folder berisi folder-folder workspace (bawaan: folder saat ini).",
        "Workspaces, or folders holding workspace folders (default: the current folder).",
    ),
    "calibrate --leave-one-out": (
        "Prediksi tiap kasus dengan parameter yang dipelajari dari kasus-kasus lain.",
        "Predict each case with parameters fitted on the other cases.",
    ),
    "calibrate --without-history": (
        "Abaikan riwayat LHE: nilai dari aturan saja.", "Ignore the LHE history: the rules alone.",
    ),
    # check
    "check": (
        "Periksa berkas workspace dan konsistensi data LKjIP.",
        "Validate the workspace files and check the LKjIP data for consistency.",
    ),
    "check --strict": ("Keluar dengan kode 1 bila ada temuan error.", "Exit with code 1 when any finding is an error."),
    "check --layout": (
        "Tata letak temuan: table (lebar), compact (layar sempit) atau auto (menurut lebar layar).",
        "Findings layout: table (wide), compact (narrow screens) or auto (by the screen's width).",
    ),
    # history, diff
    "history": ("Riwayat run dan tren nilai per tahun.", "Recorded runs and the yearly trend of the score."),
    "diff": (
        "Apa yang berubah antara dua run, dan mengapa. Tanpa RUN: dua run terakhir; satu RUN: run itu "
        "dibanding run terakhir.",
        "What changed between two runs, and why. Without RUN: the last two runs; one RUN: that run against "
        "the last one.",
    ),
    "diff RUN_A": ("Nomor run awal (lihat `history`).", "The first run's number (see `history`)."),
    "diff RUN_B": ("Nomor run pembanding.", "The number of the run to compare with."),
    # report
    "report": (
        "Laporan untuk dibaca: HTML siap cetak, PDF, Markdown, buku kerja LKE (Excel) atau JSON.",
        "A report for readers: print-ready HTML, PDF, Markdown, the LKE workbook (Excel) or JSON.",
    ),
    "report --format": (
        "html, pdf, md, xlsx atau json (bawaan: dari akhiran berkas -o, selain itu html).",
        "html, pdf, md, xlsx or json (default: from the -o file's extension, else html).",
    ),
    "report --output": (
        "Berkas keluaran; bentuknya mengikuti akhiran (.html, .pdf, .md, .xlsx, .json).",
        "The output file; its extension sets the form (.html, .pdf, .md, .xlsx, .json).",
    ),
    # plan
    "plan": (
        "Langkah terpendek menuju predikat atau nilai target. Keluar dengan kode 1 bila target di luar jangkauan.",
        "The shortest plan to a target category or score. Exits with code 1 when the target is out of reach.",
    ),
    "plan --target": (
        "Predikat (AA, A, BB, ...) atau nilai (85,5 atau 85.5).",
        "A category (AA, A, BB, ...) or a score (85,5 or 85.5).",
    ),
    # batch
    "batch": (
        "Nilai banyak workspace sekaligus, urutkan, dan tampilkan sebaran predikat. Workspace yang rusak "
        "dilaporkan dan dilewati.",
        "Score many workspaces at once, rank them and show how categories are spread. A broken workspace is "
        "reported and skipped.",
    ),
    "batch DIR": (
        "Workspace, atau folder yang berisi workspace (folder lain di dalamnya dilewati).",
        "Workspaces, or folders holding workspaces (other folders inside are passed over).",
    ),
    "batch --format": (
        "table (layar), json, csv (Excel berbahasa Indonesia: `;` dan koma desimal) atau xlsx (perlu -o).",
        "table (screen), json, csv (Indonesian-locale Excel: `;` and decimal comma) or xlsx (needs -o).",
    ),
    "batch --output": (
        "Berkas keluaran; bentuknya mengikuti akhiran (.csv, .xlsx, .json). Wajib untuk xlsx.",
        "The output file; its extension sets the form (.csv, .xlsx, .json). Required for xlsx.",
    ),
    "batch --jobs": ("Jumlah proses yang bekerja bersamaan.", "How many worker processes run at once."),
    "batch --top": (
        "Jumlah rekomendasi terbanyak yang ditampilkan.", "How many of the most common recommendations to show.",
    ),
    # init, import-lke, schema
    "init": (
        "Buat workspace baru dengan templat berkomentar.", "Create a new workspace from commented templates.",
    ),
    "init DIR": ("Folder workspace baru.", "The new workspace folder."),
    "init --opd": ("Nama OPD (bawaan: nama folder).", "The unit's name (default: the folder's name)."),
    "init --year": ("Tahun evaluasi (bawaan: tahun ini).", "The evaluation year (default: this year)."),
    "init --from": (
        "Folder bukti dukung (PDF, Word, Excel, gambar): susun draf inventory.yaml darinya; berkas disalin ke "
        "DIR/files, aslinya tidak diubah.",
        "A folder of evidence files (PDF, Word, Excel, images) to draft inventory.yaml from; the files are copied "
        "into DIR/files, the originals are left unchanged.",
    ),
    "import-lke": (
        "Salin jawaban LKE dari buku kerja Excel ke assessment.yaml.",
        "Copy the LKE answers from an Excel workbook into assessment.yaml.",
    ),
    "import-lke XLSX": ("Buku kerja LKE (.xlsx atau .xls).", "The LKE workbook (.xlsx or .xls)."),
    "import-lke --ignore-evidence": ("Abaikan kolom Bukti.", "Ignore the Evidence column."),
    "import-lkjip": (
        "Susun draf lkjip.yaml dari LKjIP (Word, PDF atau teks bertab), lalu tampilkan yang perlu diperiksa.",
        "Draft lkjip.yaml from the LKjIP (Word, PDF or tab-separated text) and list what needs review.",
    ),
    "import-lkjip LKJIP": ("Berkas LKjIP: .docx, .pdf berlapis teks, atau .txt bertab.",
                           "The LKjIP file: .docx, .pdf with a text layer, or tab-separated .txt."),
    "import-lkjip --output": (
        "Tulis draf ke berkas ini (bawaan: lkjip.yaml bila belum ada, selain itu lkjip.draft.yaml).",
        "Write the draft to this file (default: lkjip.yaml when there is none, else lkjip.draft.yaml).",
    ),
    "import-lkjip --merge": (
        "Tambahkan ke lkjip.yaml hanya yang belum ada; isi dan komentar tim tetap.",
        "Add to lkjip.yaml only what it lacks; the team's entries and comments stay.",
    ),
    "schema": (
        "JSON Schema satu jenis berkas workspace, untuk editor.",
        "The JSON Schema of one workspace file kind, for editors.",
    ),
    "schema KIND": (
        "workspace, inventory, assessment, lkjip atau followup.",
        "workspace, inventory, assessment, lkjip or followup.",
    ),
    # followup
    "followup": (
        "Tindak lanjut rekomendasi LHE tahun lalu (kriteria 4.c.1).",
        "Follow-up of last year's LHE recommendations (criterion 4.c.1).",
    ),
    "followup list": ("Daftar rekomendasi dan statusnya.", "The recommendations and their status."),
    "followup set": ("Ubah status satu rekomendasi.", "Change the status of one recommendation."),
    "followup set ID": ("Id rekomendasi (a, b, ...).", "The recommendation's id (a, b, ...)."),
    "followup set --status": (
        "belum, proses, selesai atau tidak-dapat (juga: not-started, in-progress, done, cannot).",
        "not-started, in-progress, done or cannot (also: belum, proses, selesai, tidak-dapat).",
    ),
    "followup set --evidence": (
        "Id bukti di inventory.yaml (boleh diulang atau dipisah koma).",
        "Evidence ids from inventory.yaml (repeat the option or separate with commas).",
    ),
    "followup set --note": ("Catatan perubahan.", "A note on the change."),
    "followup set --by": ("Nama pencatat (bawaan: nama login).", "Who records the change (default: the login name)."),
    "followup import": (
        "Catat surat LHE (PDF, DOCX atau teks): nomor, tanggal dan rekomendasinya ke followup.yaml, nilai kedua "
        "tahunnya ke history di workspace.yaml.",
        "Record an LHE letter (PDF, DOCX or text): its number, date and recommendations into followup.yaml, both "
        "years' scores into history in workspace.yaml.",
    ),
    "followup import --ocr": (
        "PDF hasil pindai tanpa teks: tambahkan lapisan teks dengan OCRmyPDF (bila terpasang) pada salinannya.",
        "A scanned PDF without text: add a text layer with OCRmyPDF (when installed), on a copy.",
    ),
    # lhe
    "lhe": ("Surat LHE: pemeriksaan aritmetika.", "LHE letters: checking their arithmetic."),
    "lhe check": (
        "Baca surat LHE (PDF, DOCX atau teks) dan periksa aritmetika kedua tahunnya (nilai komponen, bobot, total, "
        "predikat); keluar 1 bila nilai tahun ini bermasalah.",
        "Read an LHE letter (PDF, DOCX or text) and check both years' arithmetic (component scores, weights, total, "
        "category); exit 1 when this year's figures have a problem.",
    ),
    "lhe check --ocr": (
        "PDF hasil pindai tanpa teks: tambahkan lapisan teks dengan OCRmyPDF (bila terpasang) pada salinannya.",
        "A scanned PDF without text: add a text layer with OCRmyPDF (when installed), on a copy.",
    ),
    # rules
    "rules": ("Rulebook: kriteria, jenis bukti, aturan dan pemeriksaannya.", "The rulebook: criteria, evidence "
              "types, rules and their checks."),
    "rules list": ("Daftar kriteria dan aturan.", "List the criteria and rules."),
    "rules show": ("Rincian satu kriteria atau aturan.", "Details of one criterion or rule."),
    "rules show ID": ("Id kriteria (1.a.1) atau aturan.", "A criterion id (1.a.1) or a rule id."),
    "rules types": (
        "Daftar jenis bukti yang dapat ditulis di `type:` inventory.yaml, dengan atributnya.",
        "The evidence types inventory.yaml's `type:` may name, with their attributes.",
    ),
    "rules lint": ("Periksa rulebook.", "Check the rulebook for mistakes."),
    "rules lint --strict": ("Peringatan juga membuat keluar dengan kode 1.", "Warnings also exit with code 1."),
    "rules lint --all": ("Tampilkan juga catatan (info).", "Also show notes (info)."),
    "rules test": (
        "Jalankan kasus uji setiap aturan dan pemeriksaan (tests/*.fail.yaml menyala, *.pass.yaml diam); keluar 1 "
        "bila ada kasus yang gagal atau belum ada.",
        "Run every rule's and check's test cases (tests/*.fail.yaml fire, *.pass.yaml stay quiet); exit 1 when a "
        "case fails or is missing.",
    ),
    "rules test ID": ("Id aturan atau pemeriksaan (bawaan: semua).", "Rule or check ids (default: all)."),
    # explain
    "explain": (
        "Rantai aturan dan fakta yang memutuskan satu kriteria atau sub-komponen, dan hitungan nilainya.",
        "The chain of rules and facts that decided a criterion or sub-component, and its grade arithmetic.",
    ),
    "explain ID": ("Kriteria (1.b.3) atau sub-komponen (1.b).", "A criterion (1.b.3) or a sub-component (1.b)."),
    "explain --all": ("Semua jalur, bukan tiga pertama.", "Every derivation, not the first three."),
}
