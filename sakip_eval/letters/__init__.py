"""LHE letters (Laporan Hasil Evaluasi): reading a letter and checking its arithmetic."""
