"""LHE letters: reading them and checking their arithmetic (`lhe check`)."""

# key -> (Bahasa Indonesia, English); an English `{n:one|other}` picks the singular when n is 1
MESSAGES: dict[str, tuple[str, str]] = {
    "lhe.no_table": (
        "tabel nilai komponen tidak ditemukan di surat LHE",
        "no component score table found in the LHE letter",
    ),
    "lhe.no_table.fix": (
        "Simpan LHE sebagai teks dengan satu baris per komponen: nama komponen, bobot dan nilai dipisah tab, "
        "| atau dua spasi (misalnya `a. Perencanaan Kinerja<TAB>30,00<TAB>26,10`).",
        "Save the LHE as text with one line per component: component name, weight and score separated by tabs, "
        "| or two spaces (for example `a. Perencanaan Kinerja<TAB>30,00<TAB>26,10`).",
    ),
    "lhe.no_recommendations": (
        "daftar rekomendasi bernomor (\"... direkomendasikan ... sebagai berikut:\") tidak ditemukan",
        "no numbered recommendation list (\"... direkomendasikan ... sebagai berikut:\") found",
    ),
    "lhe.no_recommendations.fix": (
        "Pastikan butir rekomendasi ditulis sebagai a. ... b. ... tepat di bawah kalimat pengantar yang diakhiri "
        "\"sebagai berikut:\".",
        "Make sure the recommendations are written as a. ... b. ... right below the lead-in sentence ending with "
        "\"sebagai berikut:\".",
    ),
    "lhe.title": ("Pemeriksaan LHE {number} ({date})", "LHE check {number} ({date})"),
    "lhe.component": ("Komponen", "Component"),
    "lhe.weight": ("Bobot", "Weight"),
    "lhe.score": ("Nilai", "Score"),
    "lhe.combinations": ("Kombinasi tingkat yang menghasilkannya", "Grade combinations that produce it"),
    "lhe.more": ("(+{count} lagi)", "(+{count} more)"),
    "lhe.none": ("tidak ada", "none"),
    "lhe.total": (
        "Total tertulis {total}, jumlah komponen {sum}; predikat tertulis {category}, menurut total {expected}",
        "Stated total {total}, sum of components {sum}; stated category {category}, by the total {expected}",
    ),
    "lhe.ok": ("Aritmetika LHE konsisten: tidak ada masalah.", "The LHE's arithmetic holds: no problems."),
    "lhe.problems": ("{count} masalah ditemukan:", "{count} {count:problem|problems} found:"),
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
    "lhe.problem.narrative_component": (
        "uraian menyebut nilai komponen {component} {stated}, tabel {expected}",
        "the narrative gives component {component} {stated}, the table {expected}",
    ),
    "lhe.problem.sum": (
        "jumlah nilai komponen {sum} tidak sama dengan total tertulis {stated}",
        "the components add up to {sum}, not to the stated total {stated}",
    ),
    "lhe.problem.narrative_total": (
        "uraian menyebut nilai AKIP {stated}, tabel {expected}",
        "the narrative gives an AKIP score of {stated}, the table {expected}",
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
}
