"""The LKE workbook: its columns and reading answers back (`import-lke`)."""

# key -> (Bahasa Indonesia, English); an English `{n:one|other}` picks the singular when n is 1
MESSAGES: dict[str, tuple[str, str]] = {
    "lke.col.id": ("Id", "Id"),
    "lke.col.text": ("Kriteria", "Criterion"),
    "lke.col.claimed": ("Jawaban", "Claimed"),
    "lke.col.predicted": ("Prediksi", "Predicted"),
    "lke.col.reasons": ("Alasan", "Reasons"),
    "lke.col.evidence": ("Bukti (id)", "Evidence (ids)"),
    "lke.col.evidence_titles": ("Judul bukti", "Evidence titles"),
    "lke.col.note": ("Catatan", "Note"),
    "lke.col.recommendation": ("Rekomendasi", "Recommendation"),
    "lke.not_xlsx": ("bukan buku kerja Excel (.xlsx/.xls) yang dapat dibaca ({detail})",
                     "not a readable Excel (.xlsx/.xls) workbook ({detail})"),
    "lke.not_xlsx.fix": (
        "Simpan ulang dari Excel sebagai \"Excel Workbook (*.xlsx)\" (atau .xls), lalu impor lagi.",
        "Save it again from Excel as \"Excel Workbook (*.xlsx)\" (or .xls) and import again.",
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
    "lke.too_many_rows.fix": (
        "Simpan hanya lembar LKE (satu baris per kriteria) di buku kerja yang diimpor.",
        "Keep only the LKE sheets (one row per criterion) in the workbook you import.",
    ),
    "lke.duplicate_row": (
        "kriteria `{id}` muncul dua kali: {first} dan {where}",
        "criterion `{id}` appears twice: {first} and {where}",
    ),
    "lke.duplicate_row.fix": ("Hapus salah satu baris, atau perbaiki nomor kriterianya.",
                              "Delete one of the rows, or correct its criterion number."),
    "lke.unknown_criterion": ("kriteria `{id}` tidak ada di rulebook", "criterion `{id}` is not in the rulebook"),
    "lke.unknown_criterion.fix": (
        "Perbaiki id pada kolom Id (bentuknya komponen.sub-komponen.nomor, misalnya 1.a.1); "
        "lihat `sakip-eval rules list`.",
        "Fix the id in the Id column (component.sub-component.number, such as 1.a.1); see `sakip-eval rules list`.",
    ),
    "lke.bad_answers": ("{count} sel tidak dapat dibaca: {cells}", "{count} cells cannot be read: {cells}"),
    "lke.bad_answers.fix": (
        "Isi sel-sel itu dengan Ya/Tidak (Y/T, 1/0, √), N/A, nilai AA, A, BB, B, CC, C, D, E, atau persentase "
        "nilai itu (100%, 90%, 80%, 70%, 60%, 50%, 30%, 0%); lalu impor lagi.",
        "Fill those cells with Yes/No (Y/T, 1/0, √), N/A, a grade AA, A, BB, B, CC, C, D, E, or that grade's "
        "percentage (100%, 90%, 80%, 70%, 60%, 50%, 30%, 0%); then import again.",
    ),
    "lke.bad_answer": ("jawaban `{value}` tidak dikenal", "unknown answer `{value}`"),
    "lke.bad_answer.fix": (
        "Tulis Ya/Tidak, Y/T, 1/0, √, N/A (tidak berlaku), nilai AA..E atau persentasenya (90% = A); "
        "kosongkan sel bila jawaban tidak diubah.",
        "Write Ya/Tidak (yes/no), Y/T, 1/0, √, N/A, a grade AA..E or its percentage (90% = A); "
        "leave the cell empty to keep the current answer.",
    ),
    "lke.unknown_evidence": ("bukti `{id}` tidak ada di inventory.yaml", "evidence `{id}` is not in inventory.yaml"),
    "lke.unknown_evidence.fix": (
        "Tulis id bukti dari inventory.yaml dipisah koma, tambahkan bukti itu ke inventory.yaml, "
        "atau jalankan dengan --ignore-evidence agar kolom Bukti diabaikan.",
        "Write evidence ids from inventory.yaml separated by commas, add the item to inventory.yaml, "
        "or run with --ignore-evidence to skip the Evidence column.",
    ),
    "lke.skipped_rows": (
        "{count} baris dijawab tetapi nomor kriterianya tidak terbaca, jadi tidak diimpor: {cells}. "
        "Tulis nomor kriteria lengkap (mis. 1.a.1) di kolom nomor baris itu, lalu impor lagi.",
        "{count} answered {count:row|rows} with a criterion number that cannot be read, so not imported: "
        "{cells}. Write the full criterion number (e.g. 1.a.1) in the row's number column and import again.",
    ),
    "lke.imported": (
        "{rows} baris kriteria dibaca, {changed} jawaban diperbarui di {path}",
        "{rows} criterion {rows:row|rows} read, {changed} {changed:answer|answers} updated in {path}",
    ),
    "lke.too_big_unpacked": (
        "isi buku kerja lebih dari {limit} MiB setelah dibuka (atau lebih dari {entries} bagian)",
        "the workbook holds more than {limit} MiB once unpacked (or more than {entries} parts)",
    ),
    "lke.too_big_unpacked.fix": (
        "Simpan hanya lembar LKE di buku kerja baru (Pindahkan/Salin lembar) lalu impor ulang.",
        "Keep only the LKE sheets in a new workbook (Move/Copy sheet) and import it again.",
    ),
    # files the tool does not own, limits that count objects (issue 13)
    "lke.too_many_elements": (
        "bagian `{part}` buku kerja memuat lebih dari {limit} unsur XML: ini bukan LKE biasa",
        "part `{part}` of the workbook holds more than {limit} XML elements: this is not an ordinary LKE",
    ),
    "lke.too_many_elements.fix": (
        "Salin hanya lembar LKE ke buku kerja baru (Pindahkan/Salin lembar, tanpa format berlebih) lalu impor ulang.",
        "Copy only the LKE sheets into a new workbook (Move/Copy sheet, without excess formatting) and import again.",
    ),
}
