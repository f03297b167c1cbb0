"""LHE letters: reading them (every layout, OCR noise) and checking their arithmetic (`lhe check`)."""

# key -> (Bahasa Indonesia, English); an English `{n:one|other}` picks the singular when n is 1
MESSAGES: dict[str, tuple[str, str]] = {
    "lhe.no_table": (
        "tabel nilai komponen tidak ditemukan di surat LHE",
        "no component score table found in the LHE letter",
    ),
    "lhe.no_table.fix": (
        "Periksa bahwa ini surat LHE: tabelnya memuat satu baris per komponen (nama komponen, bobot, nilai; "
        "boleh juga nilai tahun sebelumnya). Surat dibaca dari PDF, Word (.docx) atau teks; teks yang disalin"
        " memisahkan sel dengan tab, | atau dua spasi (misalnya `a. Perencanaan "
        "Kinerja<TAB>30,00<TAB>26,10`).",
        "Check that this is an LHE letter: its table has one row per component (component name, weight, "
        "score; possibly last year's score too). Letters are read from PDF, Word (.docx) or text; copied text"
        " separates cells with tabs, | or two spaces (for example `a. Perencanaan "
        "Kinerja<TAB>30,00<TAB>26,10`).",
    ),
    "lhe.no_table_blank_pages": (
        "tabel nilai komponen tidak ditemukan; halaman {pages} tidak memiliki lapisan teks (hasil pindai)",
        "no component score table found; page(s) {pages} have no text layer (scanned)",
    ),
    "lhe.no_table_blank_pages.fix": (
        "Tambahkan lapisan teks dengan OCR (`ocrmypdf -l ind --skip-text surat.pdf surat-ocr.pdf`, atau "
        "ulangi dengan --ocr bila OCRmyPDF terpasang).",
        "Add a text layer by OCR (`ocrmypdf -l ind --skip-text letter.pdf letter-ocr.pdf`, or repeat with "
        "--ocr when OCRmyPDF is installed).",
    ),
    "lhe.title": (
        "Pemeriksaan LHE {number} ({date})",
        "LHE check {number} ({date})",
    ),
    "lhe.subtitle": (
        "{unit}, kinerja tahun {year}",
        "{unit}, performance year {year}",
    ),
    "lhe.component": (
        "Komponen",
        "Component",
    ),
    "lhe.weight": (
        "Bobot",
        "Weight",
    ),
    "lhe.score": (
        "Nilai",
        "Score",
    ),
    "lhe.previous": (
        "Tahun sebelumnya",
        "Previous year",
    ),
    "lhe.combinations": (
        "Kombinasi tingkat yang menghasilkannya",
        "Grade combinations that produce it",
    ),
    "lhe.more": (
        "(+{count} lagi)",
        "(+{count} more)",
    ),
    "lhe.none": (
        "tidak ada",
        "none",
    ),
    "lhe.total": (
        "Total tertulis {total}, jumlah komponen {sum}; predikat tertulis {category}, menurut total "
        "{expected}",
        "Stated total {total}, sum of components {sum}; stated category {category}, by the total {expected}",
    ),
    "lhe.previous_total": (
        "Tahun sebelumnya: total tertulis {total}, jumlah komponen {sum}; predikat tertulis {category}",
        "Previous year: stated total {total}, sum of components {sum}; stated category {category}",
    ),
    "lhe.items": (
        "{findings} catatan dan {recommendations} rekomendasi; rekomendasi per komponen: {per_component}",
        "{findings} {findings:finding|findings} and {recommendations} "
        "{recommendations:recommendation|recommendations}; recommendations per component: {per_component}",
    ),
    "lhe.ungrouped": (
        "tanpa komponen",
        "no component",
    ),
    "lhe.ok": (
        "Aritmetika LHE konsisten: tidak ada masalah.",
        "The LHE's arithmetic holds: no problems.",
    ),
    "lhe.problems": (
        "{count} masalah ditemukan:",
        "{count} {count:problem|problems} found:",
    ),
    "lhe.previous_problems": (
        "{count} masalah pada kolom tahun sebelumnya (tidak memengaruhi hasil tahun ini):",
        "{count} {count:problem|problems} in the previous-year column (not affecting this year's result):",
    ),
    "lhe.previous_column": (
        "kolom tahun sebelumnya: {text}",
        "previous-year column: {text}",
    ),
    "lhe.notes": (
        "Catatan pembacaan:",
        "Reading notes:",
    ),
    "lhe.column.weight": (
        "bobot",
        "weight",
    ),
    "lhe.column.current": (
        "tahun ini",
        "this year",
    ),
    "lhe.column.previous": (
        "tahun sebelumnya",
        "previous year",
    ),
    "lhe.no_recommendations": (
        "tidak ada rekomendasi yang ditemukan di surat; nomor, tanggal dan riwayat nilai tetap dicatat",
        "no recommendation found in the letter; its number, date and score history are recorded all the same",
    ),
    "lhe.problem.missing_component": (
        "komponen {component} ({name}) tidak ada di tabel nilai",
        "component {component} ({name}) is missing from the score table",
    ),
    "lhe.problem.weight": (
        "bobot komponen {component} tertulis {stated}, menurut rulebook {expected}",
        "component {component}'s weight is stated as {stated}, the rulebook says {expected}",
    ),
    "lhe.problem.off_grid": (
        "nilai komponen {component} {stated} tidak dapat dihasilkan oleh tingkat mana pun (bobot sub-komponen"
        " x faktor; nilai terdekat yang mungkin: {below} dan {above})",
        "component {component}'s score {stated} cannot come from any grades (sub-component weight x factor; "
        "nearest possible: {below} and {above})",
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
        'total terbaca "{read}" di lapisan teks OCR, tetapi komponennya berjumlah {sum} dan predikatnya '
        "{category}: angka itu tidak dipakai; baca totalnya pada halaman surat",
        'the OCR text layer reads the total as "{read}", but its components add up to {sum} and its category '
        "is {category}: that number is not used; read the total on the letter's page",
    ),
    "lhe.problem.narrative_total": (
        "uraian menyebut nilai AKIP {stated}, tabel {expected}",
        "the narrative gives an AKIP score of {stated}, the table {expected}",
    ),
    "lhe.problem.narrative_category": (
        "uraian menyebut predikat {stated}, tabel {expected}",
        "the narrative gives category {stated}, the table {expected}",
    ),
    "lhe.problem.missing_total": (
        "nilai total tidak ditemukan",
        "no total score found",
    ),
    "lhe.problem.category": (
        "predikat tertulis {stated}, padahal total {total} berpredikat {expected}",
        "the stated category is {stated}, but a total of {total} is {expected}",
    ),
    "lhe.problem.category_name": (
        'predikat {code} ditulis "{stated}", seharusnya "{expected}"',
        'category {code} is written "{stated}", it should be "{expected}"',
    ),
    "lhe.problem.missing_category": (
        "predikat tidak ditemukan",
        "no category (predikat) found",
    ),
    "lhe.note.unread_cell": (
        'sel "{text}" (baris {row}, kolom {column}) tidak terbaca sebagai nilai',
        'cell "{text}" (row {row}, column {column}) does not read as a score',
    ),
    "lhe.note.repaired": (
        '"{text}" dibaca sebagai {value} (derau OCR pada pemisah atau huruf yang mirip angka)',
        '"{text}" read as {value} (OCR noise in the separator or letters that look like digits)',
    ),
    "lhe.note.repaired_total": (
        '"{text}" dibaca sebagai {value}: jumlah komponen dan pernyataan total yang lain sama-sama {value}',
        '"{text}" read as {value}: the components\' sum and the other statement of the total both say {value}',
    ),
    "lhe.note.repaired_total_band": (
        '"{text}" dibaca sebagai {value}: total {text} tidak sesuai predikatnya {category}, sedangkan jumlah '
        "komponen ({sum}) sesuai; dari semua bacaan yang berbeda satu angka, hanya {value} berpredikat {category}",
        '"{text}" read as {value}: a total of {text} does not fit its category {category}, while the components\' '
        "sum ({sum}) does; of all readings one digit away, only {value} is {category}",
    ),
    "lhe.note.number_colon": (
        '"{text}" di depan nomor surat dibaca sebagai titik dua (sejajar dengan titik dua baris kop lainnya)',
        '"{text}" before the letter number read as a colon (it stands where the letterhead\'s other colons stand)',
    ),
    "lhe.note.number_illegible": (
        'nomor surat tidak terbaca di lapisan teks OCR ("{text}"); tidak dipakai',
        'the letter number is not legible in the OCR text layer ("{text}"); not used',
    ),
    "lhe.note.date_without_day": (
        'tanggal surat tanpa hari yang terbaca ("{text}"); tidak dipakai',
        'the letter\'s date has no legible day ("{text}"); not used',
    ),
    "lhe.note.date_illegible": (
        'tanggal surat tidak terbaca ("{text}"); tidak dipakai',
        'the letter\'s date is not legible ("{text}"); not used',
    ),
    "lhe.note.year_from_date": (
        "tahun kinerja tidak disebut; dianggap {year}, tahun sebelum tanggal surat {date}",
        "the performance year is not stated; taken as {year}, the year before the letter's date {date}",
    ),
}
