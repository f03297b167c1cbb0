"""The rulebook as shown to its authors and users (`rules list|show|lint`)."""

# key -> (Bahasa Indonesia, English); an English `{n:one|other}` picks the singular when n is 1
MESSAGES: dict[str, tuple[str, str]] = {
    "rules.id": ("Id", "Id"),
    "rules.kind": ("Jenis", "Kind"),
    "rules.text": ("Uraian", "Text"),
    "rules.effect": ("Akibat", "Effect"),
    "rules.target": ("Sasaran", "Target"),
    "rules.lint_ok": ("Rulebook bersih: tidak ada masalah.", "Rulebook clean: no problems."),
    "rules.lint_info": (
        "{count} kriteria hanya diperiksa oleh aturan bukti umum (tambahkan --all untuk rinciannya).",
        "{count} {count:criterion is|criteria are} checked only by the generic evidence rule (add --all for details).",
    ),
    "rules.not_found": ("aturan atau kriteria `{id}` tidak ditemukan", "rule or criterion `{id}` not found"),
    "rules.not_found.fix": ("Lihat id yang ada dengan `sakip-eval rules list`.",
                            "See the ids there are with `sakip-eval rules list`."),
    "rules.severity": ("Derajat", "Severity"),
    "rules.tolerance": ("Toleransi", "Tolerance"),
}
