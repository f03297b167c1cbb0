"""New workspaces (`init`)."""

# key -> (Bahasa Indonesia, English); an English `{n:one|other}` picks the singular when n is 1
MESSAGES: dict[str, tuple[str, str]] = {
    "init.exists": ("folder ini sudah berisi workspace", "this folder already holds a workspace"),
    "init.exists.fix": (
        "Pilih folder baru atau kosong; workspace yang ada tidak ditimpa.",
        "Choose a new or empty folder; an existing workspace is never overwritten.",
    ),
    "init.created": (
        "Workspace baru dibuat di {path}: isi inventory.yaml dan assessment.yaml, lalu jalankan "
        "`sakip-eval score {path}`.",
        "New workspace created in {path}: fill inventory.yaml and assessment.yaml, then run "
        "`sakip-eval score {path}`.",
    ),
}
