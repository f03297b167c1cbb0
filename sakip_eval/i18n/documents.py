"""Reading documents: PDF text layers, Word files, text, scans without text and OCR."""

# key -> (Bahasa Indonesia, English); an English `{n:one|other}` picks the singular when n is 1
MESSAGES: dict[str, tuple[str, str]] = {
    "documents.bad_pdf": (
        "berkas PDF rusak atau tidak dapat dibaca: {detail}",
        "the PDF is damaged or cannot be read: {detail}",
    ),
    "documents.bad_pdf.fix": (
        "Buka berkasnya di pembaca PDF; bila terbuka, simpan ulang (Cetak > Simpan sebagai PDF). Bila berkas "
        "dilindungi kata sandi, simpan salinan tanpa kata sandi.",
        "Open the file in a PDF reader; if it opens, save it again (Print > Save as PDF). If it is "
        "password-protected, save a copy without the password.",
    ),
    "documents.too_many_pages": (
        "PDF berisi {pages} halaman, lebih dari {limit}",
        "the PDF has {pages} pages, more than {limit}",
    ),
    "documents.too_many_pages.fix": (
        "Simpan halaman surat LHE saja sebagai PDF tersendiri.",
        "Save only the LHE letter's pages as a PDF of their own.",
    ),
    "documents.no_text_layer": (
        "PDF ini hasil pindai tanpa lapisan teks ({pages} halaman berupa gambar saja): isinya tidak dapat "
        "dibaca",
        "this PDF is a scan without a text layer ({pages} pages are images only): its text cannot be read",
    ),
    "documents.no_text_layer.fix": (
        "Tambahkan lapisan teks dengan OCR, misalnya `ocrmypdf -l ind surat.pdf surat-ocr.pdf` (OCRmyPDF "
        "dengan data bahasa Indonesia Tesseract), lalu baca surat-ocr.pdf; bila OCRmyPDF terpasang, ulangi "
        "perintah ini dengan --ocr. Atau minta berkas aslinya (Word atau PDF digital) kepada pengirim.",
        "Add a text layer with OCR, for example `ocrmypdf -l ind letter.pdf letter-ocr.pdf` (OCRmyPDF with "
        "Tesseract's Indonesian language data), then read letter-ocr.pdf; when OCRmyPDF is installed, repeat "
        "this command with --ocr. Or ask the sender for the original (Word or a digital PDF).",
    ),
    "documents.image": (
        "berkas ini gambar (foto atau pindaian halaman), bukan dokumen berteks",
        "this file is an image (a photo or scan of a page), not a document with text",
    ),
    "documents.image.fix": (
        "Jadikan PDF berteks dengan OCR, misalnya `ocrmypdf -l ind --image-dpi 300 halaman.jpg surat.pdf`, "
        "lalu baca surat.pdf; atau minta berkas aslinya (Word atau PDF) kepada pengirim.",
        "Make it a PDF with text by OCR, for example `ocrmypdf -l ind --image-dpi 300 page.jpg letter.pdf`, "
        "then read letter.pdf; or ask the sender for the original (Word or PDF).",
    ),
    "documents.ocr_missing": (
        "OCRmyPDF (`ocrmypdf`) tidak terpasang",
        "OCRmyPDF (`ocrmypdf`) is not installed",
    ),
    "documents.ocr_missing.fix": (
        "Pasang OCRmyPDF beserta data bahasa Indonesia Tesseract (lihat https://ocrmypdf.readthedocs.io), "
        "atau tambahkan lapisan teks dengan aplikasi pemindai Anda, lalu jalankan lagi tanpa --ocr.",
        "Install OCRmyPDF with Tesseract's Indonesian language data (see https://ocrmypdf.readthedocs.io), or"
        " add the text layer with your scanner's software, then run again without --ocr.",
    ),
    "documents.ocr_failed": (
        "OCRmyPDF gagal: {detail}",
        "OCRmyPDF failed: {detail}",
    ),
    "documents.ocr_failed.fix": (
        "Periksa bahwa data bahasa Indonesia Tesseract (`ind`) terpasang (`tesseract --list-langs`), atau "
        "tambahkan lapisan teks dengan aplikasi lain.",
        "Check that Tesseract's Indonesian language data (`ind`) is installed (`tesseract --list-langs`), or "
        "add the text layer with another application.",
    ),
    "documents.not_docx": (
        "berkas Word (.docx) rusak atau bukan .docx: {detail}",
        "the Word file (.docx) is damaged or not a .docx: {detail}",
    ),
    "documents.not_docx.fix": (
        "Buka di Word dan simpan ulang sebagai Dokumen Word (.docx) atau PDF.",
        "Open it in Word and save it again as a Word Document (.docx) or PDF.",
    ),
    "documents.too_big_unpacked": (
        "isi berkas Word melebihi {limit} MiB setelah dibuka (bukan surat biasa)",
        "the Word file unpacks to more than {limit} MiB (not an ordinary letter)",
    ),
    "documents.too_big_unpacked.fix": (
        "Simpan surat sebagai PDF dan baca PDF-nya.",
        "Save the letter as PDF and read the PDF.",
    ),
    "documents.empty": (
        "berkas Word tidak berisi teks",
        "the Word file holds no text",
    ),
    "documents.empty.fix": (
        "Periksa bahwa ini berkas surat yang benar; bila isinya gambar, simpan sebagai PDF dan tambahkan "
        "lapisan teks (OCR).",
        "Check that this is the right letter file; if it holds images, save it as PDF and add a text layer "
        "(OCR).",
    ),
    "documents.old_word": (
        "berkas Word lama (.doc, Word 97-2003) tidak dapat dibaca",
        "an old Word file (.doc, Word 97-2003) cannot be read",
    ),
    "documents.old_word.fix": (
        "Buka di Word lalu Simpan Sebagai > Dokumen Word (.docx) atau PDF.",
        "Open it in Word, then Save As > Word Document (.docx) or PDF.",
    ),
    "documents.rtf": (
        "berkas RTF tidak dapat dibaca",
        "an RTF file cannot be read",
    ),
    "documents.rtf.fix": (
        "Buka di Word lalu Simpan Sebagai > Dokumen Word (.docx) atau PDF.",
        "Open it in Word, then Save As > Word Document (.docx) or PDF.",
    ),
    'documents.not_utf8.fix': (
        "Baca surat dalam bentuk aslinya (PDF atau .docx), atau simpan ulang teksnya sebagai UTF-8 (di "
        "Notepad: Simpan Sebagai > Encoding UTF-8).",
        "Read the letter in its original form (PDF or .docx), or save the text again as UTF-8 (in Notepad: "
        "Save As > Encoding UTF-8).",
    ),
}
