"""The checklist and prediction (`score`), `calibrate`, `plan` and `batch`."""

# key -> (Bahasa Indonesia, English); an English `{n:one|other}` picks the singular when n is 1
MESSAGES: dict[str, tuple[str, str]] = {
    "score.title": ("Prediksi Evaluasi AKIP", "AKIP evaluation prediction"),
    "score.header": (
        "Evaluasi {evaluation} · LKjIP {performance} · {regime}",
        "Evaluation {evaluation} · LKjIP {performance} · {regime}",
    ),
    "score.total": ("Nilai total", "Total score"),
    "score.category": ("Predikat", "Category"),
    "score.interpretation": ("Interpretasi", "Interpretation"),
    "score.component": ("Komponen", "Component"),
    "score.weight": ("Bobot", "Weight"),
    "score.score": ("Nilai", "Score"),
    "score.grade": ("Tingkat", "Grade"),
    "score.met": ("terpenuhi", "met"),
    "score.not_met": ("belum terpenuhi", "not met"),
    "score.na": ("tidak berlaku", "not applicable"),
    "score.claimed": ("klaim", "claimed"),
    "score.predicted": ("prediksi", "predicted"),
    "score.evidence": ("bukti", "evidence"),
    "score.cap": ("dibatasi paling tinggi {grade}: {reason}", "capped at {grade}: {reason}"),
    "score.upgrade": ("naik ke {grade}: {reason}", "raised to {grade}: {reason}"),
    "score.recommendations": ("Rekomendasi utama", "Top recommendations"),
    "score.points": ("+{points} poin", "+{points} points"),
    "score.points_header": ("Tambahan nilai", "Points gained"),
    "score.next_category": (
        "Kurang {gap} poin menuju predikat {category}",
        "{gap} points short of category {category}",
    ),
    "score.top_category": ("Sudah di predikat tertinggi", "Already at the top category"),
    "score.note_only": ("catatan (tidak memengaruhi nilai)", "note (no effect on the score)"),
    "score.fail_under": (
        "Nilai {total} di bawah ambang --fail-under {threshold}",
        "Score {total} is below --fail-under {threshold}",
    ),
    "score.share": ("{met} dari {applicable} kriteria terpenuhi", "{met} of {applicable} criteria met"),
    "calibrate.title": ("Kalibrasi: prediksi vs hasil LHE", "Calibration: predicted vs actual LHE"),
    "calibrate.item": ("Bagian", "Item"),
    "calibrate.predicted": ("Prediksi", "Predicted"),
    "calibrate.actual": ("Aktual", "Actual"),
    "calibrate.error": ("Selisih", "Error"),
    "calibrate.no_actual": (
        "workspace.yaml belum memuat `actual` (hasil LHE) sehingga tidak ada yang dibandingkan",
        "workspace.yaml has no `actual` (the LHE result), so there is nothing to compare",
    ),
    "calibrate.no_actual.fix": (
        "Tambahkan `actual:` dengan `total` (dan `components` bila ada) dari LHE ke workspace.yaml; lihat "
        "docs/workspace.md.",
        "Add `actual:` with the LHE's `total` (and `components` when known) to workspace.yaml; see docs/workspace.md.",
    ),
    "score.more_findings": (
        "dan {count} temuan lain (lihat `sakip-eval check`)",
        "and {count} more {count:finding|findings} (see `sakip-eval check`)",
    ),
    "plan.bad_target": ("target `{value}` tidak sah", "`{value}` is not a valid target"),
    "plan.bad_target.fix": (
        "Tulis predikat ({categories}) atau nilai 0-100, misalnya --target AA atau --target 85,5.",
        "Write a category ({categories}) or a score 0-100, such as --target AA or --target 85.5.",
    ),
    "plan.title": ("Rencana menuju {target}", "Plan to reach {target}"),
    "plan.col_step": ("Langkah", "Step"),
    "plan.col_total": ("Nilai kumulatif", "Running total"),
    "plan.already": (
        "Target {target} sudah tercapai: prediksi {total} ({category}); tidak perlu langkah.",
        "Target {target} is already reached: predicted {total} ({category}); no steps needed.",
    ),
    "plan.reached": (
        "Target {target} tercapai dengan {steps} langkah: {start} → {total} ({category}).",
        "Target {target} is reached in {steps} {steps:step|steps}: {start} → {total} ({category}).",
    ),
    "plan.unreachable": (
        "Target {target} di luar jangkauan karena walaupun semua rekomendasi dilaksanakan nilai tertinggi "
        "yang dapat dicapai {max} ({category}).",
        "Target {target} is out of reach because even with every recommendation done the highest "
        "reachable score is {max} ({category}).",
    ),
    "plan.limit": (
        "{sub} tertahan di {grade} ({score} dari {weight}): tidak ada aturan di rulebook yang menaikkannya lagi",
        "{sub} stays at {grade} ({score} of {weight}): no rule in the rulebook raises it further",
    ),
    "plan.toward_max": ("Langkah menuju nilai tertinggi itu:", "Steps to that highest score:"),
    "batch.title": ("Peringkat {count} workspace", "Ranking of {count} {count:workspace|workspaces}"),
    "batch.col_rank": ("#", "#"),
    "batch.col_workspace": ("Workspace", "Workspace"),
    "batch.col_error": ("Kesalahan", "Error"),
    "batch.distribution": ("Sebaran predikat", "Distribution of categories"),
    "batch.common": ("Rekomendasi terbuka yang paling sering", "Most common open recommendations"),
    "batch.col_count": ("Jumlah OPD", "Workspaces"),
    "batch.skipped": (
        "{count} workspace dilewati karena kesalahan (lihat kolom Kesalahan)",
        "{count} {count:workspace|workspaces} skipped because of errors (see the Error column)",
    ),
    "batch.none_scored": ("tidak ada workspace yang dapat dinilai", "no workspace could be scored"),
    "batch.none_scored.fix": (
        "Periksa pesan kesalahan setiap workspace; buat workspace baru dengan `sakip-eval init FOLDER`.",
        "Check each workspace's error message; create a workspace with `sakip-eval init FOLDER`.",
    ),
    "batch.passed_over": (
        "{count} folder dilewati karena bukan workspace (tanpa workspace.yaml): {folders}",
        "{count} {count:folder|folders} passed over, not workspaces (no workspace.yaml): {folders}",
    ),
    "batch.progress": ("Menilai workspace", "Scoring workspaces"),
    "batch.no_workspaces": ("tidak ada workspace di folder ini", "no workspace in this folder"),
    "batch.no_workspaces.fix": (
        "Berikan folder workspace (berisi workspace.yaml) atau folder yang subfoldernya workspace.",
        "Give a workspace folder (with workspace.yaml) or a folder whose sub-folders are workspaces.",
    ),
}
