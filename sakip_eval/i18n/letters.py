"""Messages of reading documents (PDF, Word, text) and LHE letters (`lhe check`, `followup import`)."""

from __future__ import annotations

LETTER_MESSAGES: dict[str, tuple[str, str]] = {
    # -- documents --------------------------------------------------------------------------------------
    "documents.bad_pdf": (
        "berkas PDF rusak atau tidak dapat dibaca: {detail}",
        "the PDF is damaged or cannot be read: {detail}",
    ),
    "documents.bad_pdf.fix": (
        "Buka berkasnya di pembaca PDF; bila terbuka, simpan ulang (Cetak > Simpan sebagai PDF). Bila berkas "
        "dilindungi kata sandi, simpan salinan tanpa kata sandi.",
        "Open the file in a PDF reader; if it opens, save it again (Print > Save as PDF). If it is "
        "password-protected, save a copy without the password.",
    ),
    "documents.too_many_pages": (
        "PDF berisi {pages} halaman, lebih dari {limit}",
        "the PDF has {pages} pages, more than {limit}",
    ),
    "documents.too_many_pages.fix": (
        "Simpan halaman surat LHE saja sebagai PDF tersendiri.",
        "Save only the LHE letter's pages as a PDF of their own.",
    ),
    "documents.no_text_layer": (
        "PDF ini hasil pindai tanpa lapisan teks ({pages} halaman berupa gambar saja): isinya tidak dapat dibaca",
        "this PDF is a scan without a text layer ({pages} pages are images only): its text cannot be read",
    ),
    "documents.no_text_layer.fix": (
        "Tambahkan lapisan teks dengan OCR, misalnya `ocrmypdf -l ind surat.pdf surat-ocr.pdf` (OCRmyPDF dengan "
        "data bahasa Indonesia Tesseract), lalu baca surat-ocr.pdf; bila OCRmyPDF terpasang, ulangi perintah ini "
        "dengan --ocr. Atau minta berkas aslinya (Word atau PDF digital) kepada pengirim.",
        "Add a text layer with OCR, for example `ocrmypdf -l ind letter.pdf letter-ocr.pdf` (OCRmyPDF with "
        "Tesseract's Indonesian language data), then read letter-ocr.pdf; when OCRmyPDF is installed, repeat this "
        "command with --ocr. Or ask the sender for the original (Word or a digital PDF).",
    ),
    "documents.image": (
        "berkas ini gambar (foto atau pindaian halaman), bukan dokumen berteks",
        "this file is an image (a photo or scan of a page), not a document with text",
    ),
    "documents.image.fix": (
        "Jadikan PDF berteks dengan OCR, misalnya `ocrmypdf -l ind --image-dpi 300 halaman.jpg surat.pdf`, lalu "
        "baca surat.pdf; atau minta berkas aslinya (Word atau PDF) kepada pengirim.",
        "Make it a PDF with text by OCR, for example `ocrmypdf -l ind --image-dpi 300 page.jpg letter.pdf`, then "
        "read letter.pdf; or ask the sender for the original (Word or PDF).",
    ),
    "documents.ocr_missing": ("OCRmyPDF (`ocrmypdf`) tidak terpasang", "OCRmyPDF (`ocrmypdf`) is not installed"),
    "documents.ocr_missing.fix": (
        "Pasang OCRmyPDF beserta data bahasa Indonesia Tesseract (lihat https://ocrmypdf.readthedocs.io), atau "
        "tambahkan lapisan teks dengan aplikasi pemindai Anda, lalu jalankan lagi tanpa --ocr.",
        "Install OCRmyPDF with Tesseract's Indonesian language data (see https://ocrmypdf.readthedocs.io), or add "
        "the text layer with your scanner's software, then run again without --ocr.",
    ),
    "documents.ocr_failed": ("OCRmyPDF gagal: {detail}", "OCRmyPDF failed: {detail}"),
    "documents.ocr_failed.fix": (
        "Periksa bahwa data bahasa Indonesia Tesseract (`ind`) terpasang (`tesseract --list-langs`), atau "
        "tambahkan lapisan teks dengan aplikasi lain.",
        "Check that Tesseract's Indonesian language data (`ind`) is installed (`tesseract --list-langs`), or add "
        "the text layer with another application.",
    ),
    "documents.not_docx": (
        "berkas Word (.docx) rusak atau bukan .docx: {detail}",
        "the Word file (.docx) is damaged or not a .docx: {detail}",
    ),
    "documents.not_docx.fix": (
        "Buka di Word dan simpan ulang sebagai Dokumen Word (.docx) atau PDF.",
        "Open it in Word and save it again as a Word Document (.docx) or PDF.",
    ),
    "documents.too_big_unpacked": (
        "isi berkas Word melebihi {limit} MiB setelah dibuka (bukan surat biasa)",
        "the Word file unpacks to more than {limit} MiB (not an ordinary letter)",
    ),
    "documents.too_big_unpacked.fix": (
        "Simpan surat sebagai PDF dan baca PDF-nya.",
        "Save the letter as PDF and read the PDF.",
    ),
    "documents.empty": ("berkas Word tidak berisi teks", "the Word file holds no text"),
    "documents.empty.fix": (
        "Periksa bahwa ini berkas surat yang benar; bila isinya gambar, simpan sebagai PDF dan tambahkan lapisan "
        "teks (OCR).",
        "Check that this is the right letter file; if it holds images, save it as PDF and add a text layer (OCR).",
    ),
    "documents.old_word": (
        "berkas Word lama (.doc, Word 97-2003) tidak dapat dibaca",
        "an old Word file (.doc, Word 97-2003) cannot be read",
    ),
    "documents.old_word.fix": (
        "Buka di Word lalu Simpan Sebagai > Dokumen Word (.docx) atau PDF.",
        "Open it in Word, then Save As > Word Document (.docx) or PDF.",
    ),
    "documents.rtf": ("berkas RTF tidak dapat dibaca", "an RTF file cannot be read"),
    "documents.rtf.fix": (
        "Buka di Word lalu Simpan Sebagai > Dokumen Word (.docx) atau PDF.",
        "Open it in Word, then Save As > Word Document (.docx) or PDF.",
    ),
    "documents.not_utf8.fix": (
        "Baca surat dalam bentuk aslinya (PDF atau .docx), atau simpan ulang teksnya sebagai UTF-8 (di Notepad: "
        "Simpan Sebagai > Encoding UTF-8).",
        "Read the letter in its original form (PDF or .docx), or save the text again as UTF-8 (in Notepad: "
        "Save As > Encoding UTF-8).",
    ),
    # -- LHE letters: reading ---------------------------------------------------------------------------
    "lhe.no_table": (
        "tabel nilai komponen tidak ditemukan di surat LHE",
        "no component score table found in the LHE letter",
    ),
    "lhe.no_table.fix": (
        "Periksa bahwa ini surat LHE: tabelnya memuat satu baris per komponen (nama komponen, bobot, nilai; "
        "boleh juga nilai tahun sebelumnya). Surat dibaca dari PDF, Word (.docx) atau teks; teks yang disalin "
        "memisahkan sel dengan tab, | atau dua spasi (misalnya `a. Perencanaan Kinerja<TAB>30,00<TAB>26,10`).",
        "Check that this is an LHE letter: its table has one row per component (component name, weight, score; "
        "possibly last year's score too). Letters are read from PDF, Word (.docx) or text; copied text separates "
        "cells with tabs, | or two spaces (for example `a. Perencanaan Kinerja<TAB>30,00<TAB>26,10`).",
    ),
    "lhe.no_table_blank_pages": (
        "tabel nilai komponen tidak ditemukan; halaman {pages} tidak memiliki lapisan teks (hasil pindai)",
        "no component score table found; page(s) {pages} have no text layer (scanned)",
    ),
    "lhe.no_table_blank_pages.fix": (
        "Tambahkan lapisan teks dengan OCR (`ocrmypdf -l ind --skip-text surat.pdf surat-ocr.pdf`, atau ulangi "
        "dengan --ocr bila OCRmyPDF terpasang).",
        "Add a text layer by OCR (`ocrmypdf -l ind --skip-text letter.pdf letter-ocr.pdf`, or repeat with --ocr "
        "when OCRmyPDF is installed).",
    ),
    "lhe.title": ("Pemeriksaan LHE {number} ({date})", "LHE check {number} ({date})"),
    "lhe.subtitle": ("{unit}, kinerja tahun {year}", "{unit}, performance year {year}"),
    "lhe.component": ("Komponen", "Component"),
    "lhe.weight": ("Bobot", "Weight"),
    "lhe.score": ("Nilai", "Score"),
    "lhe.previous": ("Tahun sebelumnya", "Previous year"),
    "lhe.combinations": ("Kombinasi tingkat yang menghasilkannya", "Grade combinations that produce it"),
    "lhe.more": ("(+{count} lagi)", "(+{count} more)"),
    "lhe.none": ("tidak ada", "none"),
    "lhe.total": (
        "Total tertulis {total}, jumlah komponen {sum}; predikat tertulis {category}, menurut total {expected}",
        "Stated total {total}, sum of components {sum}; stated category {category}, by the total {expected}",
    ),
    "lhe.previous_total": (
        "Tahun sebelumnya: total tertulis {total}, jumlah komponen {sum}; predikat tertulis {category}",
        "Previous year: stated total {total}, sum of components {sum}; stated category {category}",
    ),
    "lhe.items": (
        "{findings} catatan dan {recommendations} rekomendasi; rekomendasi per komponen: {per_component}",
        "{findings} findings and {recommendations} recommendations; recommendations per component: {per_component}",
    ),
    "lhe.ungrouped": ("tanpa komponen", "no component"),
    "lhe.ok": ("Aritmetika LHE konsisten: tidak ada masalah.", "The LHE's arithmetic holds: no problems."),
    "lhe.problems": ("{count} masalah ditemukan:", "{count} problems found:"),
    "lhe.previous_problems": (
        "{count} masalah pada kolom tahun sebelumnya (tidak memengaruhi hasil tahun ini):",
        "{count} problems in the previous-year column (they do not affect this year's result):",
    ),
    "lhe.previous_column": ("kolom tahun sebelumnya: {text}", "previous-year column: {text}"),
    "lhe.notes": ("Catatan pembacaan:", "Reading notes:"),
    "lhe.column.weight": ("bobot", "weight"),
    "lhe.column.current": ("tahun ini", "this year"),
    "lhe.column.previous": ("tahun sebelumnya", "previous year"),
    "lhe.no_recommendations": (
        "tidak ada rekomendasi yang ditemukan di surat; nomor, tanggal dan riwayat nilai tetap dicatat",
        "no recommendation found in the letter; its number, date and score history are recorded all the same",
    ),
    # -- LHE letters: problems (arithmetic and consistency) ---------------------------------------------
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
    "lhe.problem.sub_off_grid": (
        "nilai sub-komponen {sub} {stated} dari bobot {weight} bukan hasil tingkat mana pun",
        "sub-component {sub}'s score {stated} of weight {weight} comes from no grade",
    ),
    "lhe.problem.narrative_component": (
        "uraian menyebut nilai komponen {component} {stated}, tabel {expected}",
        "the narrative gives component {component} {stated}, the table {expected}",
    ),
    "lhe.problem.sum": (
        "jumlah nilai komponen {sum} tidak sama dengan total tertulis {stated}",
        "the components add up to {sum}, not to the stated total {stated}",
    ),
    "lhe.problem.sub_sum": (
        "sub-komponen komponen {component} berjumlah {sum}, bukan {stated} seperti tertulis",
        "component {component}'s sub-components add up to {sum}, not to the stated {stated}",
    ),
    "lhe.problem.untrusted_total": (
        "total terbaca \"{read}\" di lapisan teks OCR, tetapi komponennya berjumlah {sum} dan predikatnya {category}: "
        "angka itu tidak dipakai; baca totalnya pada halaman surat",
        "the OCR text layer reads the total as \"{read}\", but its components add up to {sum} and its category is "
        "{category}: that number is not used; read the total on the letter's page",
    ),
    "lhe.problem.narrative_total": (
        "uraian menyebut nilai AKIP {stated}, tabel {expected}",
        "the narrative gives an AKIP score of {stated}, the table {expected}",
    ),
    "lhe.problem.narrative_category": (
        "uraian menyebut predikat {stated}, tabel {expected}",
        "the narrative gives category {stated}, the table {expected}",
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
    # -- LHE letters: reading notes (not faults of the letter) ------------------------------------------
    "lhe.note.unread_cell": (
        "sel \"{text}\" (baris {row}, kolom {column}) tidak terbaca sebagai nilai",
        "cell \"{text}\" (row {row}, column {column}) does not read as a score",
    ),
    "lhe.note.repaired": (
        "\"{text}\" dibaca sebagai {value} (derau OCR pada pemisah atau huruf yang mirip angka)",
        "\"{text}\" read as {value} (OCR noise in the separator or letters that look like digits)",
    ),
    "lhe.note.repaired_total": (
        "\"{text}\" dibaca sebagai {value}: jumlah komponen dan pernyataan total yang lain sama-sama {value}",
        "\"{text}\" read as {value}: the components' sum and the other statement of the total both say {value}",
    ),
    "lhe.note.number_illegible": (
        "nomor surat tidak terbaca di lapisan teks OCR (\"{text}\"); tidak dipakai",
        "the letter number is not legible in the OCR text layer (\"{text}\"); not used",
    ),
    "lhe.note.date_without_day": (
        "tanggal surat tanpa hari yang terbaca (\"{text}\"); tidak dipakai",
        "the letter's date has no legible day (\"{text}\"); not used",
    ),
    "lhe.note.date_illegible": (
        "tanggal surat tidak terbaca (\"{text}\"); tidak dipakai",
        "the letter's date is not legible (\"{text}\"); not used",
    ),
    "lhe.note.year_from_date": (
        "tahun kinerja tidak disebut; dianggap {year}, tahun sebelum tanggal surat {date}",
        "the performance year is not stated; taken as {year}, the year before the letter's date {date}",
    ),
    # -- followup import: the letter's number, date and scores into the workspace -------------------------
    "followup.history_written": (
        "Riwayat nilai di {file}: {years}",
        "Score history in {file}: {years}",
    ),
    "followup.history_kept": (
        "Peringatan: history {year} di {file} sudah berisi nilai lain ({existing}); LHE menyebut {letter}. "
        "Isian yang ada tidak diubah.",
        "Warning: history {year} in {file} already holds another value ({existing}); the LHE says {letter}. The "
        "existing entry is left unchanged.",
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
    "followup.history_source": ("LHE {number}, {date}", "LHE {number}, {date}"),
    "followup.history_source_previous": (
        "LHE {number}, {date}, kolom tahun sebelumnya",
        "LHE {number}, {date}, previous-year column",
    ),
}
