"""Messages about files the tool does not own and writes it refuses (issue 13), Indonesian first."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "error.nul_in_path": ("nama berkas memuat byte NUL", "the file name holds a NUL byte"),
    "error.nul_in_path.fix": (
        "Tulis nama berkas tanpa karakter kendali.",
        "Write the file name without control characters.",
    ),
    "error.broken_link": (
        "tautan simbolik ini menunjuk ke berkas yang tidak ada (atau ke dirinya sendiri)",
        "this symbolic link points to a file that does not exist (or to itself)",
    ),
    "error.broken_link.fix": (
        "Hapus tautannya bila berkas ini memang tidak dipakai, atau arahkan ke berkas yang benar.",
        "Delete the link if the file is not used, or point it to the right file.",
    ),
    "error.link_outside": (
        "tautan simbolik ini menunjuk ke luar folder workspace ({target})",
        "this symbolic link points outside the workspace folder ({target})",
    ),
    "error.link_outside.fix": (
        "Salin berkasnya ke dalam folder workspace sebagai ganti tautan.",
        "Copy the file into the workspace folder instead of linking to it.",
    ),
    "error.bad_path": ("jalur `{path}` tidak dapat dibaca: {detail}", "path `{path}` cannot be read: {detail}"),
    "error.bad_path.fix": (
        "Tulis jalur berkas bukti yang ada di dalam folder workspace, tanpa karakter kendali.",
        "Write the path of an evidence file inside the workspace folder, without control characters.",
    ),
    "error.state_dir": (
        "folder kerja `.sakip` harus folder biasa di dalam workspace, bukan tautan atau berkas",
        "the state folder `.sakip` must be a plain folder inside the workspace, not a link or a file",
    ),
    "error.state_dir.fix": (
        "Hapus `.sakip` (tautan atau berkas itu); sakip-eval membuat foldernya sendiri.",
        "Delete `.sakip` (that link or file); sakip-eval creates the folder itself.",
    ),
    "error.state_link": (
        "berkas kerja ini adalah tautan simbolik: sakip-eval hanya menulis berkasnya sendiri di `.sakip`",
        "this state file is a symbolic link: sakip-eval writes only its own files in `.sakip`",
    ),
    "error.state_link.fix": (
        "Hapus tautannya; sakip-eval membuat berkasnya sendiri.",
        "Delete the link; sakip-eval creates its own file.",
    ),
    "output.not_regular": (
        "keluaran bukan berkas biasa (perangkat, pipa, folder, atau tautan ke salah satunya)",
        "the output is not a regular file (a device, a pipe, a folder, or a link to one)",
    ),
    "output.not_regular.fix": (
        "Berikan nama berkas biasa untuk -o, atau hilangkan -o untuk menulis ke layar.",
        "Give the name of a regular file to -o, or leave out -o to write to the screen.",
    ),
    "output.dangling_link": (
        "keluaran adalah tautan simbolik ke berkas yang tidak ada",
        "the output is a symbolic link to a file that does not exist",
    ),
    "output.dangling_link.fix": (
        "Berikan nama berkas biasa untuk -o, atau perbaiki tautannya.",
        "Give the name of a regular file to -o, or repair the link.",
    ),
    "edit.shared_node": (
        "{what} berbagi nilai dengan catatan lain lewat alias YAML (`&`/`*`): mengubahnya akan mengubah keduanya",
        "{what} shares a value with another record through a YAML alias (`&`/`*`): changing it would change both",
    ),
    "edit.shared_node.fix": (
        "Tulis nilainya lengkap di setiap catatan (tanpa `&nama` dan `*nama`), lalu jalankan lagi.",
        "Write the value out in full in each record (without `&name` and `*name`), then run again.",
    ),
    "edit.would_break": (
        "perubahan ini tidak ditulis karena berkas hasilnya akan ditolak: {detail}",
        "the change was not written because the resulting file would be refused: {detail}",
    ),
    "edit.would_break.fix": (
        "Perbaiki masukannya (surat, buku kerja atau opsi) sesuai pesan di atas; berkas tidak diubah.",
        "Fix the input (letter, workbook or option) as the message says; the file was not changed.",
    ),
    "edit.too_big": (
        "perubahan ini akan membuat berkas lebih dari {limit} MiB, yang tidak akan terbaca lagi; tidak ditulis",
        "this change would make the file larger than {limit} MiB, which could no longer be read; not written",
    ),
    "edit.too_big.fix": (
        "Periksa masukannya: catatan atau teks sepanjang itu biasanya salah salin.",
        "Check the input: a note or text that long is usually a copying mistake.",
    ),
    "edit.bad_text": (
        "teks ini memuat karakter yang bukan teks biasa ({char})",
        "this text holds a character that is not plain text ({char})",
    ),
    "edit.bad_text.fix": (
        "Ketik teksnya lagi tanpa karakter kendali; simpan sebagai UTF-8 bila disalin dari berkas.",
        "Type the text again without control characters; save it as UTF-8 when copied from a file.",
    ),
    "edit.locked": (
        "workspace sedang diubah oleh proses lain lebih dari {seconds} detik",
        "another process has been changing the workspace for more than {seconds} seconds",
    ),
    "edit.locked.fix": (
        "Tunggu perintah lain selesai; bila tidak ada, hapus `.sakip/write.lock` lalu coba lagi.",
        "Wait for the other command to finish; if there is none, delete `.sakip/write.lock` and try again.",
    ),
    "lhe.duplicate_ids": (
        "surat menomori lebih dari satu rekomendasi dengan id yang sama: {ids}",
        "the letter numbers more than one recommendation with the same id: {ids}",
    ),
    "lhe.duplicate_ids.fix": (
        "Beri setiap rekomendasi huruf atau nomor sendiri di salinan teks surat (misalnya `a`-`f`), lalu impor lagi.",
        "Give each recommendation its own letter or number in the letter's text (e.g. `a`-`f`), then import again.",
    ),
    "history.link": (
        "berkas riwayat adalah tautan simbolik: sakip-eval hanya menulis berkasnya sendiri",
        "the history file is a symbolic link: sakip-eval writes only its own files",
    ),
    "history.link.fix": (
        "Hapus tautannya (riwayat baru dibuat sendiri), atau berikan berkas riwayat biasa dengan --history PATH.",
        "Delete the link (a new history is created), or give a plain history file with --history PATH.",
    ),
    "history.bad_total": (
        "run #{id} di riwayat mencatat nilai `{value}`, bukan angka 0-100 (berkas diubah di luar sakip-eval)",
        "run #{id} in the history records the score `{value}`, not a number from 0 to 100 (edited outside sakip-eval)",
    ),
    "history.bad_total.fix": (
        "Pakai berkas riwayat lain dengan --history PATH, atau hapus berkas ini agar riwayat dimulai lagi.",
        "Use another history file with --history PATH, or delete this file to start the history again.",
    ),
    "error.too_many_citations": (
        "klaim di berkas ini menyebut lebih dari {limit} id bukti seluruhnya",
        "the claims of this file cite more than {limit} evidence ids in all",
    ),
    "error.too_many_citations.fix": (
        "Sebut hanya bukti yang mendukung setiap kriteria; satu dokumen cukup disebut sekali per kriteria.",
        "Cite only the evidence that supports each criterion; one document needs citing once per criterion.",
    ),
    "lke.too_many_elements": (
        "bagian `{part}` buku kerja memuat lebih dari {limit} unsur XML: ini bukan LKE biasa",
        "part `{part}` of the workbook holds more than {limit} XML elements: this is not an ordinary LKE",
    ),
    "lke.too_many_elements.fix": (
        "Salin hanya lembar LKE ke buku kerja baru (Pindahkan/Salin lembar, tanpa format berlebih) lalu impor ulang.",
        "Copy only the LKE sheets into a new workbook (Move/Copy sheet, without excess formatting) and import again.",
    ),
    "error.bad_threshold": (
        "ambang `{value}` bukan nilai 0-100",
        "the threshold `{value}` is not a score from 0 to 100",
    ),
    "error.bad_threshold.fix": (
        "Berikan nilai seperti 70 atau 80.5 (batas bawah predikat BB dan A).",
        "Give a score such as 70 or 80.5 (the lower bounds of BB and A).",
    ),
    "error.memory": (
        "memori tidak cukup untuk masukan ini",
        "not enough memory for this input",
    ),
    "error.memory.fix": (
        "Periksa ukuran berkas masukannya (surat, buku kerja, workspace); jalankan lagi dengan --debug dan "
        "laporkan bila berkasnya wajar.",
        "Check the size of the input files (letter, workbook, workspace); run again with --debug and report it "
        "if the files are ordinary.",
    ),
}
