"""Messages about writing: outputs the tool refuses to replace and edits it refuses to make (issue 13)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
}
