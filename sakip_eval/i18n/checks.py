"""LKjIP consistency findings (`check`) and the values they quote."""

# key -> (Bahasa Indonesia, English); an English `{n:one|other}` picks the singular when n is 1
MESSAGES: dict[str, tuple[str, str]] = {
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
        "{total} {total:finding|findings}: {error} {error:error|errors}, {warning} {warning:warning|warnings}, "
        "{info} information",
    ),
    "check.strict": (
        "Ada {count} temuan berderajat error (--strict)",
        "There {count:is|are} {count} error {count:finding|findings} (--strict)",
    ),
    "check.value.blank": ("kosong", "blank"),
    "check.value.fresh": ("angka tahun itu sendiri", "that year's own figure"),
}
