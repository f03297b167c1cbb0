"""Input and file errors: where the problem is (file, line, field), what is wrong and how to fix it."""

# key -> (Bahasa Indonesia, English); an English `{n:one|other}` picks the singular when n is 1
MESSAGES: dict[str, tuple[str, str]] = {
    "error.prefix": ("Kesalahan", "Error"),
    "error.where": ("di {file}", "in {file}"),
    "error.line": ("baris {line}", "line {line}"),
    "error.field": ("isian `{field}`", "field `{field}`"),
    "error.fix": ("Cara memperbaiki", "How to fix"),
    "error.not_found": ("berkas atau folder tidak ditemukan", "file or folder not found"),
    "error.not_found.fix": (
        "Periksa nama folder workspace; buat yang baru dengan `sakip-eval init FOLDER`.",
        "Check the workspace folder name; create a new one with `sakip-eval init FOLDER`.",
    ),
    "error.too_big": ("berkas lebih dari {limit} MiB", "file is larger than {limit} MiB"),
    "error.too_big.fix": (
        "Periksa bahwa ini berkas yang dimaksud; pindahkan lampiran besar ke folder `files/` dan rujuk lewat `file:`.",
        "Check that this is the intended file; keep large attachments in `files/` and refer to them with `file:`.",
    ),
    "error.not_utf8": (
        "berkas bukan teks UTF-8 (byte tidak sah pada posisi {offset})",
        "file is not UTF-8 text (invalid byte at offset {offset})",
    ),
    "error.not_utf8.fix": (
        "Simpan ulang berkas sebagai UTF-8 (di Notepad: Simpan Sebagai > Encoding UTF-8).",
        "Save the file again as UTF-8 (in Notepad: Save As > Encoding UTF-8).",
    ),
    "error.yaml": ("format YAML tidak sah: {detail}", "invalid YAML: {detail}"),
    "error.yaml.fix": (
        "Periksa indentasi (pakai spasi, bukan tab) dan tanda titik dua setelah setiap nama isian.",
        "Check the indentation (spaces, not tabs) and the colon after every field name.",
    ),
    "error.duplicate_key": ("isian `{key}` ditulis dua kali", "field `{key}` is written twice"),
    "error.duplicate_key.fix": (
        "Hapus salah satu baris atau gabungkan isinya; YAML hanya menyimpan satu nilai per isian.",
        "Delete one of the lines or merge them; YAML keeps one value per field.",
    ),
    "error.too_many_nodes": (
        "berkas terlalu besar setelah alias diuraikan (lebih dari {limit} unsur)",
        "file too large once aliases are expanded (more than {limit} items)",
    ),
    "error.too_many_nodes.fix": (
        "Kurangi alias YAML (`*nama`) atau tulis nilainya langsung; batasnya melindungi dari berkas yang "
        "membengkak saat dibaca.",
        "Use fewer YAML aliases (`*name`) or write the values out; the limit guards against files that "
        "balloon when read.",
    ),
    "error.top_not_mapping": (
        "isi berkas harus berupa pemetaan (kunci: nilai)",
        "the file must be a mapping (key: value)",
    ),
    "error.top_not_mapping.fix": (
        "Mulai berkas dengan isian `nama: nilai` di awal baris, bukan daftar (`- ...`) atau teks lepas.",
        "Start the file with `name: value` fields at the start of a line, not a list (`- ...`) or loose text.",
    ),
    "error.invalid": ("{detail}", "{detail}"),
    "error.invalid.fix": (
        "Bandingkan isian itu dengan komentar di templat `sakip-eval init FOLDER`, atau dengan `sakip-eval schema "
        "KIND`.",
        "Compare the field with the comments of the `sakip-eval init FOLDER` templates, or with `sakip-eval schema "
        "KIND`.",
    ),
    "error.unknown_key": ("isian `{key}` tidak dikenal", "unknown field `{key}`"),
    "error.unknown_key.fix": (
        "Hapus isian itu atau perbaiki ejaannya; lihat `sakip-eval schema {kind}` untuk isian yang sah.",
        "Remove the field or fix its spelling; see `sakip-eval schema {kind}` for the valid fields.",
    ),
    "error.missing_key": ("isian wajib `{key}` belum ada", "required field `{key}` is missing"),
    "error.missing_key.fix": (
        "Tambahkan isian itu; templat berkomentar dari `sakip-eval init FOLDER` menunjukkan setiap isian.",
        "Add the field; the commented templates of `sakip-eval init FOLDER` show every field.",
    ),
    "error.number": (
        "angka `{value}` tidak dapat dibaca: {reason_id}",
        "cannot read the number `{value}`: {reason_en}",
    ),
    "error.number.fix": (
        "Tulis angka seperti 82,30 atau 10.455.592.750 atau 92,48%; kosongkan atau tulis - bila tidak ada data.",
        "Write numbers like 82,30 or 10.455.592.750 or 92,48%; leave empty or write - when there is no data.",
    ),
    "error.duplicate_id": ("id `{id}` dipakai lebih dari sekali", "id `{id}` is used more than once"),
    "error.duplicate_id.fix": (
        "Beri setiap butir id sendiri; id dipakai berkas lain untuk merujuk butir itu.",
        "Give every item its own id; other files refer to an item by its id.",
    ),
    "error.unknown_evidence": (
        "bukti `{id}` tidak ada di inventory.yaml",
        "evidence `{id}` is not in inventory.yaml",
    ),
    "error.unknown_evidence.fix": (
        "Tambahkan bukti itu ke inventory.yaml, atau samakan id-nya dengan `id` di sana.",
        "Add the evidence to inventory.yaml, or make the id match its `id` there.",
    ),
    "error.unknown_evidence_type": (
        "jenis bukti `{type}` tidak dikenal",
        "unknown evidence type `{type}`",
    ),
    "error.unknown_evidence_type.fix": (
        "Lihat semua jenis dengan `sakip-eval rules types` (misalnya renstra, renja, lkjip).",
        "List every type with `sakip-eval rules types` (for example renstra, renja, lkjip).",
    ),
    "error.unknown_evidence_type.close": (
        "Maksudnya {close}? Semua jenis: `sakip-eval rules types`.",
        "Did you mean {close}? Every type: `sakip-eval rules types`.",
    ),
    "error.unknown_attribute": (
        "atribut `{attr}` tidak berlaku untuk bukti berjenis `{type}` (yang berlaku: {allowed})",
        "attribute `{attr}` does not apply to evidence of type `{type}` (allowed: {allowed})",
    ),
    "error.unknown_attribute.fix": (
        "Pakai salah satu atribut yang disebut atau periksa `type` butir itu; atribut setiap jenis: "
        "`sakip-eval rules types`.",
        "Use one of the listed attributes or check the item's `type`; every type's attributes: "
        "`sakip-eval rules types`.",
    ),
    "error.unknown_criterion": ("kriteria `{id}` tidak ada di rulebook", "criterion `{id}` is not in the rulebook"),
    "error.unknown_criterion.fix": (
        "Pakai id kriteria dari `sakip-eval rules list` (misalnya 1.a.1).",
        "Use a criterion id from `sakip-eval rules list` (for example 1.a.1).",
    ),
    "error.unknown_subcomponent": (
        "sub-komponen `{id}` tidak ada di rulebook",
        "sub-component `{id}` is not in the rulebook",
    ),
    "error.unknown_subcomponent.fix": (
        "Pakai id sub-komponen dari `sakip-eval rules list` (misalnya 1.a).",
        "Use a sub-component id from `sakip-eval rules list` (for example 1.a).",
    ),
    "error.unknown_component": (
        "komponen `{id}` tidak ada di rulebook (yang ada: {allowed})",
        "component `{id}` is not in the rulebook (known: {allowed})",
    ),
    "error.unknown_component.fix": (
        "Tulis komponen dengan nomornya: \"1\" Perencanaan, \"2\" Pengukuran, \"3\" Pelaporan, \"4\" Evaluasi.",
        "Key components by number: \"1\" planning, \"2\" measurement, \"3\" reporting, \"4\" internal evaluation.",
    ),
    "error.component_range": (
        "nilai `{value}` di luar 0 sampai bobotnya ({weight})",
        "score `{value}` is outside 0 to its weight ({weight})",
    ),
    "error.component_range.fix": (
        "Salin nilai dari tabel LHE apa adanya (koma sebagai desimal), per komponen atau sub-komponen.",
        "Copy the score from the LHE table as printed (comma decimals), per component or sub-component.",
    ),
    "error.unknown_grade": (
        "nilai huruf `{code}` tidak dikenal (yang sah: {allowed})",
        "unknown grade `{code}` (valid: {allowed})",
    ),
    "error.unknown_grade.fix": (
        "Tulis nilai sub-komponen sebagai huruf dari LKE (mis. A atau BB) atau sebagai angka (mis. 5,40).",
        "Write a sub-component's result as the LKE grade (A, BB, ...) or as its score (5,40).",
    ),
    "error.unknown_category": (
        "predikat `{code}` tidak dikenal (yang sah: {allowed})",
        "unknown category `{code}` (valid: {allowed})",
    ),
    "error.unknown_category.fix": (
        "Tulis predikat sebagai kodenya saja (AA, A, BB, B, CC, C, D), tanpa keterangan dalam kurung.",
        "Write the category as its code only (AA, A, BB, B, CC, C, D), without the words in brackets.",
    ),
    "error.unknown_regime": (
        "rulebook untuk regime `{regime}` tidak ada (yang ada: {held})",
        "there is no rulebook for regime `{regime}` (available: {held})",
    ),
    "error.unknown_regime.fix": (
        "Tulis salah satu regime yang ada pada isian `regime` di workspace.yaml, atau pilih folder rulebook "
        "sendiri (satu subfolder per regime) dengan `--rules DIR` atau variabel lingkungan SAKIP_EVAL_RULES.",
        "Write one of the available regimes in the `regime` field of workspace.yaml, or choose your own rulebook "
        "folder (one sub-folder per regime) with `--rules DIR` or the SAKIP_EVAL_RULES environment variable.",
    ),
    "error.unknown_regime_in": (
        "folder rulebook {rules} tidak memuat regime `{regime}` (yang ada: {held})",
        "the rulebook folder {rules} holds no regime `{regime}` (available: {held})",
    ),
    "error.unknown_regime_in.fix": (
        "Tulis salah satu regime yang ada pada isian `regime` di workspace.yaml, atau beri `--rules` folder yang "
        "memuat subfolder regime itu.",
        "Write one of the available regimes in the `regime` field of workspace.yaml, or give `--rules` the folder "
        "that holds that regime's sub-folder.",
    ),
    "error.rules_folder.fix": (
        "Beri folder yang memuat satu subfolder per regime (misalnya `lke-2021/regime.yaml`), atau hapus `--rules` "
        "dan SAKIP_EVAL_RULES untuk memakai rulebook yang terpasang.",
        "Give the folder that holds one sub-folder per regime (for example `lke-2021/regime.yaml`), or drop "
        "`--rules` and SAKIP_EVAL_RULES to use the installed rulebook.",
    ),
    "error.engine_missing": (
        "mesin aturan durable-rules tidak dapat dimuat: {detail}",
        "the durable-rules engine cannot be loaded: {detail}",
    ),
    "error.engine_missing.fix": (
        "Pasang ulang durable-rules dari sumbernya dengan define untuk Python 3.13: "
        "`CPPFLAGS=-DPyEval_CallObject=PyObject_CallObject pip install --force-reinstall --no-cache-dir "
        "durable-rules==2.0.28` (Windows: `set CL=/DPyEval_CallObject#PyObject_CallObject` lalu perintah pip yang "
        "sama); lihat bagian Pemasangan di README.",
        "Reinstall durable-rules from its source with the define Python 3.13 needs: "
        "`CPPFLAGS=-DPyEval_CallObject=PyObject_CallObject pip install --force-reinstall --no-cache-dir "
        "durable-rules==2.0.28` (Windows: `set CL=/DPyEval_CallObject#PyObject_CallObject`, then the same pip "
        "command); see Installing in the README.",
    ),
    "error.bad_number_option": ("angka `{value}` tidak dapat dibaca", "cannot read the number `{value}`"),
    "error.bad_number_option.fix": (
        "Tulis angka seperti 60,5 atau 60.5 (tanpa satuan).", "Write a number such as 60,5 or 60.5 (no unit).",
    ),
    "error.format_mismatch": (
        "akhiran nama berkas meminta format {suffix}, bukan {format}",
        "the file name's extension asks for {suffix}, not {format}",
    ),
    "error.format_mismatch.fix": (
        "Hapus --format (akhiran berkas sudah menentukannya), atau ganti akhiran menjadi .{format}.",
        "Drop --format (the file's extension already sets it), or change the extension to .{format}.",
    ),
    "error.unknown_suffix": (
        "akhiran nama berkas tidak dikenal (yang dikenal: {suffixes})",
        "unknown file name extension (known: {suffixes})",
    ),
    "error.unknown_suffix.fix": (
        "Pakai salah satu akhiran itu, atau sebutkan formatnya dengan --format.",
        "Use one of those extensions, or name the format with --format.",
    ),
    "error.argument_on_existence": (
        "`{name}` pada {id} tidak dihitung: {id} sub-komponen keberadaan, yang dinilai dari adanya dokumen saja",
        "`{name}` on {id} counts for nothing: {id} is an existence sub-component, graded on its documents alone",
    ),
    "error.argument_on_existence.fix": (
        "Pindahkan upaya atau inovasi itu ke sub-komponen kualitas atau pemanfaatan komponen yang sama ({others}).",
        "Move that effort or innovation to the same component's quality or use sub-component ({others}).",
    ),
    "error.no_workspace": (
        "folder ini bukan workspace (tidak ada workspace.yaml)", "this folder is not a workspace (no workspace.yaml)",
    ),
    "error.no_workspace.fix": (
        "Sebutkan folder workspace-nya (misalnya `sakip-eval score FOLDER`), jalankan perintah dari dalam folder "
        "itu, atau buat workspace baru dengan `sakip-eval init FOLDER`.",
        "Name the workspace folder (for example `sakip-eval score FOLDER`), run the command from inside it, or "
        "create a workspace with `sakip-eval init FOLDER`.",
    ),
    "error.path_outside": (
        "berkas `{path}` berada di luar folder workspace",
        "file `{path}` lies outside the workspace folder",
    ),
    "error.path_outside.fix": (
        "Simpan berkas bukti di dalam folder workspace (misalnya `files/`) dan tulis jalurnya relatif terhadap "
        "folder itu.",
        "Keep evidence files inside the workspace folder (for example `files/`) and write their path relative to it.",
    ),
    "error.file_missing": ("berkas `{path}` tidak ditemukan", "file `{path}` not found"),
    "error.rule": ("aturan `{rule}` gagal dijalankan: {detail}", "rule `{rule}` failed: {detail}"),
    "error.rule.fix": (
        "Jalankan `sakip-eval rules lint` untuk menemukan aturan yang salah tulis.",
        "Run `sakip-eval rules lint` to find the mistyped rule.",
    ),
    "error.rulebook": ("rulebook tidak sah: {detail}", "invalid rulebook: {detail}"),
    "error.rulebook.fix": (
        "Perbaiki berkas rulebook di baris itu; `sakip-eval rules lint` memeriksa seluruh rulebook.",
        "Fix the rulebook file at that line; `sakip-eval rules lint` checks the whole rulebook.",
    ),
    "error.years": (
        "performance_year ({performance}) harus lebih kecil dari evaluation_year ({evaluation})",
        "performance_year ({performance}) must be lower than evaluation_year ({evaluation})",
    ),
    "error.years.fix": (
        "Tahun kinerja adalah tahun sebelum tahun evaluasi: evaluasi 2025 menilai kinerja 2024.",
        "The performance year is the year before the evaluation: the 2025 evaluation looks at 2024.",
    ),
    "error.bad_option": ("pilihan `{value}` tidak sah untuk {option}", "`{value}` is not valid for {option}"),
    "error.bad_option.fix": (
        "Pilih salah satu nilai yang disebut; `sakip-eval --help` menampilkan semua perintah.",
        "Choose one of the values listed; `sakip-eval --help` lists every command.",
    ),
    # pydantic's error types, in words a spreadsheet user knows
    "error.type.int": ("harus bilangan bulat, bukan `{input}`", "must be a whole number, not `{input}`"),
    "error.type.int.fix": ("Tulis bilangan bulat tanpa titik atau koma, misalnya 2024.",
                           "Write a whole number without dots or commas, for example 2024."),
    "error.type.float": ("harus angka, bukan `{input}`", "must be a number, not `{input}`"),
    "error.type.float.fix": (
        "Tulis angka seperti di dokumen (`82,30`, `10.455.592.750`, `92,48 %`); tulis `-` bila tidak ada.",
        "Write the number as the document does (`82,30`, `10.455.592.750`, `92,48 %`); write `-` when there is none.",
    ),
    "error.type.bool": ("harus true atau false, bukan `{input}`", "must be true or false, not `{input}`"),
    "error.type.bool.fix": ("Tulis `true` (ya) atau `false` (tidak).", "Write `true` (yes) or `false` (no)."),
    "error.type.string": ("harus teks, bukan `{input}`", "must be text, not `{input}`"),
    "error.type.string.fix": ("Beri tanda kutip pada nilai itu (\"...\") agar dibaca sebagai teks.",
                              "Quote the value (\"...\") so it is read as text."),
    "error.type.date": (
        "harus tanggal dengan format TTTT-BB-HH (misalnya 2024-05-03), bukan `{input}`",
        "must be a date written YYYY-MM-DD (for example 2024-05-03), not `{input}`",
    ),
    "error.type.date.fix": ("Tulis tanggal sebagai TTTT-BB-HH, misalnya 2024-05-03.",
                            "Write the date as YYYY-MM-DD, for example 2024-05-03."),
    "error.type.choice": ("`{input}` bukan pilihan yang sah; pilih salah satu: {expected}",
                          "`{input}` is not a valid choice; use one of: {expected}"),
    "error.type.choice.fix": (
        "Salin salah satu pilihan yang disebut persis seperti tertulis.",
        "Copy one of the listed choices exactly as written.",
    ),
    "error.type.list": ("harus berupa daftar (- butir per baris)", "must be a list (one - item per line)"),
    "error.type.list.fix": (
        "Tulis satu butir per baris dengan `- ` di depannya, atau `[a, b]` dalam satu baris.",
        "Write one item per line starting with `- `, or `[a, b]` on one line.",
    ),
    "error.type.mapping": ("harus berupa pemetaan (kunci: nilai)", "must be a mapping (key: value)"),
    "error.type.mapping.fix": (
        "Tulis `kunci: nilai` per baris, menjorok di bawah isian induknya.",
        "Write one `key: value` per line, indented under its parent field.",
    ),
    "error.type.too_short": ("tidak boleh kosong", "must not be empty"),
    "error.type.too_short.fix": ("Isi nilainya, atau hapus isian itu bila tidak wajib.",
                                 "Fill in the value, or delete the field when it is optional."),
    "error.type.pattern": (
        "`{input}` hanya boleh berisi huruf, angka, titik, garis bawah, garis miring dan tanda hubung",
        "`{input}` may hold only letters, digits, dots, underscores, slashes and hyphens",
    ),
    "error.type.pattern.fix": (
        "Ganti spasi dan tanda baca lain dengan tanda hubung, misalnya `renja-2024`.",
        "Replace spaces and other punctuation with hyphens, for example `renja-2024`.",
    ),
    "error.type.range": ("`{input}` di luar batas yang sah ({limit})", "`{input}` is out of the valid range ({limit})"),
    "error.type.range.fix": ("Isi nilai di dalam batas yang disebut.", "Use a value within the limits shown."),
    "error.lkjip_unknown_ref": (
        "`{id}` tidak didefinisikan di bagian `{what}` lkjip.yaml",
        "`{id}` is not defined in the `{what}` section of lkjip.yaml",
    ),
    "error.lkjip_unknown_ref.fix": (
        "Tambahkan `{id}` ke bagian `{what}` atau perbaiki ejaannya.",
        "Add `{id}` to `{what}` or fix its spelling.",
    ),
    "error.lkjip_columns": (
        "baris berisi {count} angka, padahal tabel punya {width} kolom (`columns`)",
        "the row has {count} {count:value|values} but the table has {width} {width:column|columns} (`columns`)",
    ),
    "error.lkjip_columns.fix": (
        "Tulis satu angka per kolom, `-` untuk sel kosong.",
        "Write one value per column, `-` for a blank cell.",
    ),
    "error.lkjip_written": (
        "`written` menyebut `{key}`, yang bukan ukuran baris ini (yang sah: {allowed})",
        "`written` names `{key}`, which is not a measure of this row (valid: {allowed})",
    ),
    "error.lkjip_written.fix": (
        "Tulis sel yang tidak terbaca di bawah nama ukurannya, misalnya `written: {{pagu: \"25.800.00\"}}`.",
        "Put the unreadable cell under its measure's name, e.g. `written: {{pagu: \"25.800.00\"}}`.",
    ),
    "error.too_long_list": ("daftar berisi lebih dari {limit} butir", "a list holds more than {limit} items"),
    "error.too_long_list.fix": (
        "Pecah daftar itu; workspace yang wajar tidak memerlukan daftar sepanjang ini.",
        "Split the list; a sensible workspace never needs a list this long.",
    ),
    "error.too_deep": (
        "struktur bersarang lebih dari {limit} tingkat (atau alias yang merujuk dirinya sendiri)",
        "nested more than {limit} levels deep (or an alias that refers to itself)",
    ),
    "error.too_deep.fix": (
        "Periksa indentasi dan tanda kurung `[`/`{{` yang tidak ditutup; jangan pakai alias di dalam "
        "anchor-nya sendiri.",
        "Check the indentation and unclosed `[`/`{{`; never use an alias inside its own anchor.",
    ),
    "error.bad_scalar": ("nilai `{value}` tidak dapat dibaca: {detail}", "value `{value}` cannot be read: {detail}"),
    "error.bad_scalar.fix": (
        "Tulis tanggal sebagai TTTT-BB-HH yang ada di kalender dan angka dengan wajar, atau beri tanda kutip "
        "(\"...\") agar dibaca sebagai teks.",
        "Write dates as a real YYYY-MM-DD and numbers of a sensible size, or quote the value (\"...\") to read it "
        "as text.",
    ),
    "error.not_a_file": (
        "ini bukan berkas biasa (melainkan folder, perangkat atau pipa)",
        "this is not a regular file (but a folder, a device or a pipe)",
    ),
    "error.not_a_file.fix": (
        "Berikan jalur ke berkasnya sendiri, bukan ke foldernya.",
        "Give the path of the file itself, not of its folder.",
    ),
    "error.file_not_found.fix": (
        "Periksa nama dan folder berkasnya (huruf besar/kecil dibedakan).",
        "Check the file's name and folder (upper and lower case differ).",
    ),
    "error.not_a_folder": ("ini berkas, bukan folder workspace", "this is a file, not a workspace folder"),
    "error.not_a_folder.fix": (
        "Berikan folder yang berisi workspace.yaml, bukan salah satu berkasnya.",
        "Give the folder that holds workspace.yaml, not one of its files.",
    ),
    "error.os": ("tidak dapat membaca atau menulis: {detail}", "cannot read or write: {detail}"),
    "error.os.fix": (
        "Periksa bahwa berkas atau folder itu ada dan Anda berhak membaca/menulisinya; untuk keluaran, pilih "
        "folder lain.",
        "Check that the file or folder exists and that you may read/write it; for output, choose another folder.",
    ),
    "error.bad_regime_name": (
        "nama regime `{regime}` tidak sah: hanya huruf kecil, angka, titik, garis bawah dan tanda hubung",
        "regime name `{regime}` is not valid: lower-case letters, digits, dots, underscores and hyphens only",
    ),
    "error.bad_regime_name.fix": (
        "Tulis nama regime saja (misalnya `lke-2021`), bukan jalur folder; rulebook di folder lain dipilih dengan "
        "`--rules DIR`.",
        "Write the regime's name only (for example `lke-2021`), not a folder path; a rulebook in another folder is "
        "chosen with `--rules DIR`.",
    ),
    "error.interrupted": (
        "dihentikan (Ctrl+C); berkas yang sedang ditulis tetap seperti semula",
        "stopped (Ctrl+C); a file being written is left as it was",
    ),
    "error.interrupted.fix": ("Jalankan ulang perintahnya untuk menyelesaikannya.",
                              "Run the command again to finish it."),
    "error.internal": (
        "kesalahan internal sakip-eval ({kind}: {detail})",
        "internal error in sakip-eval ({kind}: {detail})",
    ),
    "error.internal.fix": (
        "Ini kesalahan program, bukan kesalahan masukan Anda. Jalankan ulang perintah yang sama dengan --debug "
        "untuk melihat traceback, lalu laporkan bersama berkas masukannya.",
        "This is a bug, not a mistake in your input. Run the same command again with --debug to see the "
        "traceback, and report it with the input files.",
    ),
}
