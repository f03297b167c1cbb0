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
    "rules.types_title": (
        "{count} jenis bukti dukung (isian `type` di inventory.yaml)",
        "{count} evidence {count:type|types} (the `type` field of inventory.yaml)",
    ),
    "rules.type": ("Jenis", "Type"),
    "rules.type_name": ("Nama", "Name"),
    "rules.standing": ("Berlaku terus", "Stays in force"),
    "rules.yes": ("ya", "yes"),
    "rules.attributes": ("Atribut yang boleh dinyatakan", "Attributes an item may state"),
    "rules.tolerance": ("Toleransi", "Tolerance"),
}
