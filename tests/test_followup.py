"""`followup list|set|import`: what the team sees, what lands in followup.yaml, and every refusal."""

from __future__ import annotations

import json
import multiprocessing
from decimal import Decimal
from itertools import product
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from sakip_eval.cli import main
from sakip_eval.followup.edit import set_status
from sakip_eval.io.workspace import load_workspace
from sakip_eval.model.followup import STATUSES
from sakip_eval.rulebook.book import load_rulebook
from sakip_eval.scoring.prediction import predict

from .conftest import LHE_2024, ROOT, Cli, flat
from .letterkit import court_letter, replaced, to_pdf

IDS = ["a", "b", "c", "d", "e", "f"]
REFERENCE_TEXTS = {
    "a": "Memperbaiki mekanisme reviu berjenjang agar lebih efektif sehingga kualitas data dapat terjamin pada "
         "dokumen yang diterbitkan oleh Kecamatan Mojosari.",
    "b": "Melengkapi pemantauan rencana aksi dengan catatan-catatan perbaikan yang perlu dilakukan beserta "
         "tindak lanjutnya",
    "c": "Kedepannya lebih cermat dalam menyusun Kerangka Acuan Kerja sub kegiatan.",
    "d": "Memformalkan Kerangka Acuan Kerja (KAK) yang sudah dibuat sehingga dapat diakui keabsahannya",
    "e": "Melengkapi rekomendasi pimpinan pada kinerja yang tidak tercapai dengan bukti dukung",
    "f": "Melengkapi pelaksanaan reviu internal berjenjang dokumen laporan kinerja dengan bukti dukung.",
}


def comments(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip().startswith("#")]


def listed(cli: Cli, ws: Path) -> dict[str, dict[str, object]]:
    code, out, _ = cli("followup", ws, "list", "--format", "json")
    assert code == 0
    return {rec["id"]: rec for rec in json.loads(out)}


# -- list -----------------------------------------------------------------------------------------


def test_list_shows_the_six_2024_recommendations(cli: Cli, ws: Path) -> None:
    code, out, _ = cli("followup", ws, "list")
    assert code == 0
    text = flat(out)
    assert "700/910/416-060/2024" in text
    for rec_id, rec_text in REFERENCE_TEXTS.items():
        assert f"{rec_id} {rec_text}"[:60] in text
    assert "0 dari 6 rekomendasi selesai dengan bukti" in text


def test_list_json_has_the_documented_keys(cli: Cli, ws: Path) -> None:
    recs = listed(cli, ws)
    assert list(recs) == IDS
    for rec in recs.values():
        assert {"id", "text", "status", "evidence", "history"} <= set(rec)
        assert rec["status"] == "belum" and rec["evidence"] == [] and rec["history"] == []
    assert {rec_id: rec["text"] for rec_id, rec in recs.items()} == REFERENCE_TEXTS


def test_list_defaults_to_the_current_folder(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "evidence" / "mojosari-2025")
    code, out, _ = cli("followup", "list", "--format", "json")
    assert code == 0
    assert [rec["id"] for rec in json.loads(out)] == IDS


def test_list_in_english(cli: Cli, ws: Path) -> None:
    code, out, _ = cli("followup", ws, "list", "--lang", "en")
    assert code == 0
    assert "0 of 6 recommendations closed with evidence" in flat(out)


# -- set: every transition --------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), list(product(STATUSES, STATUSES)))
def test_every_status_transition_is_recorded(cli: Cli, ws: Path, old: str, new: str) -> None:
    if old != "belum":
        set_status(ws, "c", old, note="persiapan", by="tim")
    code, out, err = cli("followup", ws, "set", "c", "--status", new, "--note", f"{old} ke {new}", "--by", "Sekcam")
    assert code == 0, err
    assert f"Rekomendasi c: {old.replace('-', ' ')}"[:18] in flat(out)
    rec = listed(cli, ws)["c"]
    assert rec["status"] == new
    last = rec["history"][-1]
    assert (last["old"], last["new"], last["by"], last["note"]) == (old, new, "Sekcam", f"{old} ke {new}")
    assert len(rec["history"]) == (1 if old == "belum" else 2)


def test_set_adds_evidence_and_records_it_in_history(cli: Cli, ws: Path) -> None:
    code, _, _ = cli("followup", ws, "set", "d", "--status", "proses", "--evidence", "renja-2024")
    assert code == 0
    code, _, err = cli("followup", ws, "set", "d", "--status", "selesai", "--evidence", "renja-2024,lhe-2024",
                       "--evidence", "pk-2024")
    assert code == 0 and err == ""
    rec = listed(cli, ws)["d"]
    assert rec["evidence"] == ["renja-2024", "lhe-2024", "pk-2024"]
    assert [h["evidence"] for h in rec["history"]] == [["renja-2024"], ["lhe-2024", "pk-2024"]]
    assert rec["closed"] is True


def test_set_keeps_comments_order_and_other_recommendations(cli: Cli, ws: Path) -> None:
    path = ws / "followup.yaml"
    before = path.read_text(encoding="utf-8")
    code, _, _ = cli("followup", ws, "set", "b", "--status", "proses", "--note", "catatan dimulai")
    assert code == 0
    after = path.read_text(encoding="utf-8")
    assert comments(path) == [line.strip() for line in before.splitlines() if line.strip().startswith("#")]
    assert after.startswith(before.split("  - id: b")[0])  # header, source and recommendation a untouched
    assert after.split("  - id: c")[1] == before.split("  - id: c")[1]  # c-f untouched, byte for byte
    keys = [line.split(":")[0].strip() for line in after.split("  - id: b")[1].split("  - id: c")[0].splitlines()]
    assert keys[:4] == ["", "text", "status", "criteria"]
    assert "history" in keys


def test_selesai_without_evidence_warns_and_keeps_4c1_unmet(cli: Cli, ws: Path) -> None:
    for rec_id in IDS:
        code, _, err = cli("followup", ws, "set", rec_id, "--status", "selesai")
        assert code == 0
        assert "tanpa bukti" in flat(err)
    pred = predict(load_workspace(ws))
    c41 = next(c for c in pred.criteria if c.id == "4.c.1")
    assert c41.predicted == "false"
    assert [r.rule for r in c41.reasons] == ["tindak-lanjut-tanpa-bukti"]


def test_tidak_dapat_keeps_4c1_unmet(ws: Path) -> None:
    for rec_id in IDS[:-1]:
        set_status(ws, rec_id, "selesai", ["lhe-2024"])
    set_status(ws, "f", "tidak-dapat", note="dokumen tidak lagi disusun")
    pred = predict(load_workspace(ws))
    assert next(c for c in pred.criteria if c.id == "4.c.1").predicted == "false"


# -- set: refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "expected"), [
    (["zz", "--status", "proses"], "rekomendasi `zz` tidak ada di followup.yaml (yang ada: a, b, c, d, e, f)"),
    (["a", "--status", "finished"], "status `finished` tidak dikenal"),
    (["a", "--status", "selesai", "--evidence", "bukti-hilang"], "bukti `bukti-hilang` tidak ada di inventory.yaml"),
    (["a", "--status", "selesai", "--evidence", "lhe-2024", "--evidence", "x"], "bukti `x` tidak ada"),
    (["a", "--status", "tidak-dapat"], "status tidak-dapat memerlukan alasan"),
    (["a", "--status", "tidak-dapat", "--note", "  "], "status tidak-dapat memerlukan alasan"),
])
def test_refusals_exit_2_and_leave_the_file_unchanged(cli: Cli, ws: Path, args: list[str], expected: str) -> None:
    path = ws / "followup.yaml"
    before = path.read_bytes()
    code, _, err = cli("followup", ws, "set", *args)
    assert code == 2
    assert expected in flat(err)
    assert "Cara memperbaiki" in err
    assert path.read_bytes() == before


def test_set_without_status_is_a_usage_error(cli: Cli, ws: Path) -> None:
    before = (ws / "followup.yaml").read_bytes()
    code, _, _ = cli("followup", ws, "set", "a")
    assert code == 2
    assert (ws / "followup.yaml").read_bytes() == before


def test_set_refuses_a_workspace_without_followup(cli: Cli, ws: Path) -> None:
    (ws / "followup.yaml").unlink()
    code, _, err = cli("followup", ws, "set", "a", "--status", "proses")
    assert code == 2
    assert "belum memiliki followup.yaml" in flat(err)
    assert not (ws / "followup.yaml").exists()


def test_set_refuses_a_broken_followup_file_naming_its_line(cli: Cli, ws: Path) -> None:
    path = ws / "followup.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: belum", "status: sudah", 1), encoding="utf-8")
    before = path.read_bytes()
    code, _, err = cli("followup", ws, "set", "b", "--status", "proses")
    assert code == 2
    assert "followup.yaml:10" in err
    assert path.read_bytes() == before


def test_old_form_without_history_evidence_still_reads(ws: Path) -> None:
    path = ws / "followup.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    criteria: [1.c.4]\n",
        "    criteria: [1.c.4]\n    history:\n      - {date: 2024-06-01, by: tim, old: belum, new: proses}\n", 1)
    path.write_text(text, encoding="utf-8")
    change = set_status(ws, "b", "selesai", ["lhe-2024"], note="x")
    assert change.old == "belum"
    rec = load_workspace(ws).followup.recommendations[1]  # type: ignore[union-attr]
    assert [h.evidence for h in rec.history] == [[], ["lhe-2024"]]


# -- concurrency ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_eighteen_concurrent_sets_all_land(ws: Path) -> None:
    """Three calls per recommendation, each with its own note and evidence, all at once: every call
    lands in the history, the evidence is the union, the comments survive, and closing all six with
    evidence meets 4.c.1 without lowering the predicted total."""
    before_total = predict(load_workspace(ws)).total
    before_comments = comments(ws / "followup.yaml")
    evidence = ["lhe-2024", "renja-2024", "pk-2024"]
    context = multiprocessing.get_context("fork")  # real processes, without paying the import 18 times
    procs = [
        context.Process(target=main, args=([
            "followup", str(ws), "set", rec_id, "--status", "selesai", "--evidence", evidence[n],
            "--note", f"catatan {rec_id}{n}", "--by", f"p{n}"],))
        for rec_id in IDS for n in range(3)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=300)
    assert [proc.exitcode for proc in procs] == [0] * 18
    data = YAML(typ="safe").load((ws / "followup.yaml").read_text(encoding="utf-8"))
    for rec in data["recommendations"]:
        notes = sorted(h["note"] for h in rec["history"])
        assert notes == [f"catatan {rec['id']}{n}" for n in range(3)]
        assert [h["old"] for h in rec["history"]] == ["belum", "selesai", "selesai"]
        assert sorted(rec["evidence"]) == sorted(evidence)
    assert comments(ws / "followup.yaml") == before_comments
    after = predict(load_workspace(ws))
    assert after.total >= before_total
    assert next(c for c in after.criteria if c.id == "4.c.1").predicted == "true"
    assert not [r for r in after.recommendations if r.kind == "followup"]


# -- import -----------------------------------------------------------------------------------------


def test_import_reference_lhe_into_a_fresh_workspace(cli: Cli, ws: Path) -> None:
    (ws / "followup.yaml").unlink()
    code, out, err = cli("followup", ws, "import", LHE_2024)
    assert code == 0, err
    assert "6 rekomendasi ditambahkan" in flat(out)
    data = YAML(typ="safe").load((ws / "followup.yaml").read_text(encoding="utf-8"))
    assert data["source"] == {"number": "700/910/416-060/2024", "date": __import__("datetime").date(2024, 5, 3)}
    assert [r["id"] for r in data["recommendations"]] == IDS
    assert {r["id"]: r["text"] for r in data["recommendations"]} == REFERENCE_TEXTS
    assert {r["status"] for r in data["recommendations"]} == {"belum"}
    first = (ws / "followup.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=.sakip/schema/followup.schema.json"
    assert json.loads((ws / ".sakip/schema/followup.schema.json").read_text(encoding="utf-8"))["$id"].endswith(
        "followup.schema.json")  # the line resolves inside the workspace, wherever it goes
    pred = predict(load_workspace(ws))
    assert [r.text.id for r in pred.recommendations if r.kind == "followup"] == list(REFERENCE_TEXTS.values())


def test_import_matches_the_bundled_followup_verbatim(cli: Cli, ws: Path) -> None:
    """The bundled followup.yaml was typed from the same letter: importing it again adds nothing."""
    before = (ws / "followup.yaml").read_bytes()
    code, out, _ = cli("followup", ws, "import", LHE_2024)
    assert code == 0
    assert "0 rekomendasi ditambahkan, 6 sudah ada" in flat(out)
    assert (ws / "followup.yaml").read_bytes() == before


def test_import_twice_is_idempotent_and_keeps_statuses(cli: Cli, ws: Path) -> None:
    (ws / "followup.yaml").unlink()
    assert cli("followup", ws, "import", LHE_2024)[0] == 0
    set_status(ws, "a", "proses", note="mulai")
    before = (ws / "followup.yaml").read_bytes()
    assert cli("followup", ws, "import", LHE_2024)[0] == 0
    assert (ws / "followup.yaml").read_bytes() == before


def test_import_adds_missing_recommendations_and_keeps_comments(cli: Cli, ws: Path) -> None:
    path = ws / "followup.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - id: e")] + "  # e dan f belum diketik\n", encoding="utf-8")
    code, out, _ = cli("followup", ws, "import", LHE_2024)
    assert code == 0
    assert "2 rekomendasi ditambahkan, 4 sudah ada" in flat(out)
    assert list(listed(cli, ws)) == IDS
    assert comments(path)[-1] == "# e dan f belum diketik"


def test_import_refuses_a_text_that_differs(cli: Cli, ws: Path) -> None:
    path = ws / "followup.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("sub kegiatan.", "sub-kegiatan."), encoding="utf-8")
    before = path.read_bytes()
    code, _, err = cli("followup", ws, "import", LHE_2024)
    assert code == 2
    assert "rekomendasi `c` di followup.yaml berbeda dengan teks LHE" in flat(err)
    assert "followup.yaml:17" in err
    assert path.read_bytes() == before


def test_import_refuses_another_letter(cli: Cli, ws: Path, tmp_path: Path) -> None:
    letter = tmp_path / "lhe-2025.txt"
    letter.write_text(LHE_2024.read_text(encoding="utf-8").replace("700/910/416-060/2024", "700/1/416-060/2025"),
                      encoding="utf-8")
    before = (ws / "followup.yaml").read_bytes()
    code, _, err = cli("followup", ws, "import", letter)
    assert code == 2
    assert "sudah memuat rekomendasi dari LHE 700/910/416-060/2024, bukan 700/1/416-060/2025" in flat(err)
    assert (ws / "followup.yaml").read_bytes() == before


def test_import_of_a_letter_without_recommendations_records_the_letter(cli: Cli, ws: Path, tmp_path: Path) -> None:
    """A letter with nothing to follow up (every group `- -`) is still the previous LHE: its number and date
    are recorded, and the user is told that it holds no recommendation."""
    letter = tmp_path / "lhe.txt"
    text = LHE_2024.read_text(encoding="utf-8")
    letter.write_text(text[: text.index("6. Berdasarkan")], encoding="utf-8")
    (ws / "followup.yaml").unlink()
    code, _, err = cli("followup", ws, "import", letter)
    assert code == 0
    assert "tidak ada rekomendasi yang ditemukan" in flat(err)
    written = YAML(typ="safe").load((ws / "followup.yaml").read_text(encoding="utf-8"))
    assert written["source"]["number"] == "700/910/416-060/2024"
    assert written["recommendations"] == []


def test_import_warns_about_a_letter_whose_arithmetic_fails(cli: Cli, ws: Path, tmp_path: Path) -> None:
    letter = tmp_path / "lhe.txt"
    letter.write_text(LHE_2024.read_text(encoding="utf-8").replace("Jumlah\t100,00\t82,30", "Jumlah\t100,00\t82,40"),
                      encoding="utf-8")
    code, _, err = cli("followup", ws, "import", letter)
    assert code == 0
    assert "masalah ditemukan" in flat(err)


def test_import_records_the_letter_when_the_file_has_no_source(cli: Cli, ws: Path) -> None:
    path = ws / "followup.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("source:\n  number: 700/910/416-060/2024\n  date: 2024-05-03\n", ""), encoding="utf-8")
    code, out, _ = cli("followup", ws, "import", LHE_2024)
    assert code == 0
    assert "0 rekomendasi ditambahkan, 6 sudah ada" in flat(out)
    assert path.read_text(encoding="utf-8") == text


def test_import_into_an_empty_followup_file(cli: Cli, ws: Path) -> None:
    (ws / "followup.yaml").write_text("# belum diisi\n", encoding="utf-8")
    code, out, _ = cli("followup", ws, "import", LHE_2024)
    assert code == 0 and "6 rekomendasi ditambahkan" in flat(out)
    assert list(listed(cli, ws)) == IDS


def test_import_into_a_workspace_made_by_init_records_number_and_date(cli: Cli, tmp_path: Path) -> None:
    """`init` writes `source: {number: null, date: null}`; the import fills both in, keeping the line's comment."""
    ws = tmp_path / "baru"
    assert cli("init", ws, "--opd", "Kecamatan Contoh", "--year", "2025")[0] == 0
    code, out, _ = cli("followup", ws, "import", LHE_2024)
    assert code == 0 and "700/910/416-060/2024" in flat(out)
    text = (ws / "followup.yaml").read_text(encoding="utf-8")
    assert YAML(typ="safe").load(text)["source"] == {"number": "700/910/416-060/2024",
                                                     "date": __import__("datetime").date(2024, 5, 3)}
    assert "# nomor dan tanggal LHE" in text
    code, listed_out, _ = cli("followup", ws, "list", "--format", "json")
    assert {rec["source"]["number"] for rec in json.loads(listed_out)} == {"700/910/416-060/2024"}


def court_letter_file(tmp_path: Path, **changes: str) -> Path:
    path = tmp_path / "surat.pdf"
    path.write_bytes(to_pdf(court_letter(**changes)))  # type: ignore[arg-type]
    return path


def test_import_records_grouped_recommendations_with_their_component(cli: Cli, tmp_path: Path) -> None:
    ws = tmp_path / "baru"
    assert cli("init", ws, "--opd", "Pengadilan Negeri Sukamaju", "--year", "2025")[0] == 0
    code, out, _ = cli("followup", ws, "import", court_letter_file(tmp_path))
    assert code == 0 and "3 rekomendasi ditambahkan" in flat(out)
    recs = listed(cli, ws)
    assert {rec_id: rec["component"] for rec_id, rec in recs.items()} == {"A.1": "1", "A.2": "1", "C.1": "3"}
    assert recs["A.2"]["text"] == "Agar rencana aksi memuat jadwal dan penanggung jawab."


def test_import_names_the_criteria_a_letter_makes_clear(cli: Cli, tmp_path: Path) -> None:
    """A recommendation that names a criterion, or answers a finding that quotes an LKE criterion word for
    word, is linked to it; others are not linked by guess."""
    quoted = load_rulebook().criteria["1.a.1"].text.id
    blocks = replaced(court_letter(), ("Pohon kinerja belum diturunkan sampai ke tingkat staf pelaksana.", quoted),
                      ("Agar laporan kinerja membandingkan", "Agar (kriteria 3.b.2) laporan kinerja membandingkan"))
    letter = tmp_path / "surat.pdf"
    letter.write_bytes(to_pdf(blocks))
    ws = tmp_path / "baru"
    assert cli("init", ws, "--opd", "Pengadilan Negeri Sukamaju", "--year", "2025")[0] == 0
    assert cli("followup", ws, "import", letter)[0] == 0
    recs = listed(cli, ws)
    assert {rec_id: rec["criteria"] for rec_id, rec in recs.items()} == {
        "A.1": ["1.a.1"], "A.2": [], "C.1": ["3.b.2"]}


def history_of(ws: Path) -> dict[int, object]:
    return YAML(typ="safe").load((ws / "workspace.yaml").read_text(encoding="utf-8"))["history"]  # type: ignore[no-any-return]


def test_import_fills_history_with_both_years_and_touches_nothing_else(cli: Cli, tmp_path: Path) -> None:
    ws = tmp_path / "baru"
    assert cli("init", ws, "--opd", "Pengadilan Negeri Sukamaju", "--year", "2025")[0] == 0
    before = (ws / "workspace.yaml").read_text(encoding="utf-8")
    code, out, _ = cli("followup", ws, "import", court_letter_file(tmp_path))
    assert code == 0 and "Riwayat nilai di" in flat(out) and "2024, 2023" in flat(out)
    history = history_of(ws)
    assert history[2024] == {"total": "86,55", "category": "A",
                             "components": {"1": "26,10", "2": "25,50", "3": "13,20", "4": "21,75"},
                             "source": "LHE 214/KPT.X1/OT1.6/V/2024, 6 Mei 2024"}
    assert history[2023] == {"total": "82,86", "category": "A",
                             "components": {"1": "25,781", "2": "24,9", "3": "12,1", "4": "20,083"},
                             "source": "LHE 214/KPT.X1/OT1.6/V/2024, 6 Mei 2024, kolom tahun sebelumnya"}
    after = (ws / "workspace.yaml").read_text(encoding="utf-8")
    removed = [line for line in before.splitlines() if line not in after.splitlines()]
    assert removed == ["history: {}"]  # every comment, `null` and line but that one is as it was
    ws_loaded = load_workspace(ws)
    assert ws_loaded.meta.history_totals() == {2023: Decimal("82.86"), 2024: Decimal("86.55")}
    assert cli("followup", ws, "import", court_letter_file(tmp_path))[0] == 0
    assert (ws / "workspace.yaml").read_text(encoding="utf-8") == after  # a second import changes nothing


def test_import_completes_a_bare_total_and_keeps_a_different_one(cli: Cli, ws: Path, tmp_path: Path) -> None:
    """The bundled workspace holds 2024: "82,30" (the letter's own total): it becomes the full entry. A total
    that differs from the letter's is the user's and stays, with a warning."""
    path = ws / "workspace.yaml"
    text = path.read_text(encoding="utf-8")
    assert cli("followup", ws, "import", LHE_2024)[0] == 0
    assert history_of(ws)[2024] == {"total": "82,30", "category": "A",
                                    "components": {"1": "26,10", "2": "26,40", "3": "13,05", "4": "16,75"},
                                    "source": "LHE 700/910/416-060/2024, 3 Mei 2024"}
    assert history_of(ws)[2023] == "77,65"
    path.write_text(text.replace('2024: "82,30"', '2024: "82,00"'), encoding="utf-8")
    code, _, err = cli("followup", ws, "import", LHE_2024)
    assert code == 0 and "sudah berisi nilai lain (82,00); LHE menyebut 82,30" in flat(err)
    assert history_of(ws)[2024] == "82,00"


def test_import_leaves_out_years_that_are_not_history(cli: Cli, tmp_path: Path) -> None:
    """A letter of this year (or later) is not history for the workspace: nothing is written, and it says so."""
    ws = tmp_path / "baru"
    assert cli("init", ws, "--opd", "Pengadilan Negeri Sukamaju", "--year", "2024")[0] == 0
    before = (ws / "workspace.yaml").read_bytes()
    code, _, err = cli("followup", ws, "import", court_letter_file(tmp_path))
    assert code == 0
    assert "nilai tahun 2024 tidak dicatat di history" in flat(err) and "(2024)" in flat(err)
    assert (ws / "workspace.yaml").read_bytes() != before  # 2023 is history
    assert list(history_of(ws)) == [2023]


def test_import_leaves_out_a_total_that_could_not_be_read(cli: Cli, tmp_path: Path) -> None:
    ws = tmp_path / "baru"
    assert cli("init", ws, "--opd", "Pengadilan Negeri Sukamaju", "--year", "2025")[0] == 0
    path = tmp_path / "pindai.pdf"
    path.write_bytes(to_pdf(court_letter(previous_total="91,00"), ocr=True))  # 81,00 or 90,00?
    code, _, err = cli("followup", ws, "import", path)
    assert code == 0 and "nilai tahun 2023 tidak dicatat di history: totalnya tidak terbaca" in flat(err)
    assert list(history_of(ws)) == [2024]


def test_import_adds_a_component_to_recommendations_imported_without_one(cli: Cli, tmp_path: Path) -> None:
    ws = tmp_path / "baru"
    assert cli("init", ws, "--opd", "Pengadilan Negeri Sukamaju", "--year", "2025")[0] == 0
    letter = court_letter_file(tmp_path)
    assert cli("followup", ws, "import", letter)[0] == 0
    path = ws / "followup.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    component: '1'\n", ""), encoding="utf-8")
    set_status(ws, "A.1", "proses", note="mulai")
    assert cli("followup", ws, "import", letter)[0] == 0
    recs = listed(cli, ws)
    assert recs["A.1"]["component"] == "1" and recs["A.1"]["status"] == "proses"


def test_a_component_that_is_not_in_the_rulebook_is_refused(cli: Cli, ws: Path) -> None:
    path = ws / "followup.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - id: a\n", "  - id: a\n    component: '9'\n"),
                    encoding="utf-8")
    code, _, err = cli("followup", ws, "list")
    assert code == 2 and "komponen `9` tidak ada di rulebook" in flat(err)


def test_recommendation_text_is_shown_verbatim_never_as_markup(cli: Cli, ws: Path) -> None:
    path = ws / "followup.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "sub kegiatan.", "sub kegiatan [bold]KAK[/bold] [/x]."), encoding="utf-8")
    code, out, _ = cli("followup", ws, "list")
    assert code == 0
    assert "sub kegiatan [bold]KAK[/bold] [/x]." in out
    code, out, _ = cli("score", ws)
    assert code == 0
    assert "sub kegiatan [bold]KAK[/bold] [/x]." in out
