"""`followup list|set|import [WS]`: the previous LHE's recommendations and how far each is followed up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text as RichText
from typer.core import TyperGroup

from sakip_eval.cli.common import app, err, out, print_json
from sakip_eval.cli.options import DEFAULT_WORKSPACE, Format, FormatOpt, LangOpt, LetterArg, OcrOpt, WorkspaceArg
from sakip_eval.errors import InputError
from sakip_eval.followup.edit import import_letter, set_status
from sakip_eval.i18n import Lang, t
from sakip_eval.io.workspace import load_workspace
from sakip_eval.letters.check import check_letter
from sakip_eval.letters.lhe import note_lines, problem_lines
from sakip_eval.letters.reader import read_letter
from sakip_eval.model.followup import Followup, HistoryEntry, Recommendation, Source
from sakip_eval.render.table import Table
from sakip_eval.render.terminal import status_label


class SubcommandFirst(TyperGroup):
    """`followup list [WS]`, like every other command (the workspace last, the current folder when left out).
    The first design's order, `followup WS list`, is still read: the workspace moves behind the subcommand."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if len(args) > 1 and args[0] not in self.commands and not args[0].startswith("-") and args[1] in self.commands:
            args = [args[1], *args[2:], args[0]]
        return super().parse_args(ctx, args)


followup_app = typer.Typer(cls=SubcommandFirst, no_args_is_help=True)
app.add_typer(followup_app, name="followup")


def _followup_of(workspace: Path) -> Followup:
    ws = load_workspace(workspace)
    if ws.followup is None:
        raise InputError("followup.no_file", file=str(workspace / "followup.yaml"))
    return ws.followup


def _source(source: Source | None) -> dict[str, Any] | None:
    return source.model_dump() if source else None


def _entry_dict(entry: HistoryEntry) -> dict[str, Any]:
    return {"date": entry.date, "by": entry.by, "old": entry.old, "new": entry.new, "note": entry.note,
            "evidence": entry.evidence}


def _last_change(rec: Recommendation, lang: Lang) -> str:
    if not rec.history:
        return "-"
    last = rec.history[-1]
    when = last.date.strftime("%Y-%m-%d %H:%M") if isinstance(last.date, dt.datetime) else last.date.isoformat()
    old, new = (status_label(s, lang) if s else "-" for s in (last.old, last.new))
    return f"{when} {last.by or '-'}: {old} → {new}" + (f"\n{last.note}" if last.note else "")


@followup_app.command("list")
def followup_list(workspace: WorkspaceArg = DEFAULT_WORKSPACE, fmt_: FormatOpt = Format.TABLE,
                  lang: LangOpt = Lang.ID) -> None:
    """Daftar rekomendasi dan statusnya / the recommendations and their status."""
    followup = _followup_of(workspace)
    recs = followup.recommendations
    if fmt_ is Format.JSON:
        print_json([
            {"id": r.id, "text": r.text, "status": r.status, "evidence": r.evidence,
             "history": [_entry_dict(h) for h in r.history], "component": r.component, "criteria": r.criteria,
             "closed": r.closed,
             "source": _source(r.source or followup.source)}
            for r in recs
        ])
        return
    source = followup.source
    label = " ".join(filter(None, [source.number if source else None,
                                   source.date.isoformat() if source and source.date else None])) or "-"
    table = Table(title=RichText(t("followup.title", lang, source=label)), title_justify="left", expand=True)
    table.add_column(t("followup.id", lang), no_wrap=True)
    table.add_column(t("followup.text", lang), ratio=4)
    table.add_column(t("followup.status", lang), no_wrap=True)
    table.add_column(t("followup.evidence", lang), ratio=1)
    table.add_column(t("followup.last_change", lang), ratio=2)
    for rec in recs:
        style = "green" if rec.closed else "yellow" if rec.status == "proses" else "red"
        table.add_row(RichText(rec.id), RichText(rec.text), RichText(status_label(rec.status, lang), style=style),
                      RichText(", ".join(rec.evidence) or "-"), RichText(_last_change(rec, lang)))
    out.print(table if recs else RichText(t("followup.empty", lang)))
    closed = sum(r.closed for r in recs)
    verdict = t("followup.verdict_met" if closed == len(recs) else "followup.verdict_open", lang)
    out.print(RichText(t("followup.summary", lang, closed=closed, total=len(recs), verdict=verdict)))


@followup_app.command("set")
def followup_set(
    rec_id: Annotated[str, typer.Argument(metavar="ID")],
    status: Annotated[str, typer.Option("--status", metavar="STATUS")],
    workspace: WorkspaceArg = DEFAULT_WORKSPACE,
    evidence: Annotated[list[str] | None, typer.Option("--evidence", metavar="ID")] = None,
    note: Annotated[str | None, typer.Option("--note", metavar="TEKS")] = None,
    by: Annotated[str | None, typer.Option("--by", metavar="NAMA")] = None,
    lang: LangOpt = Lang.ID,
) -> None:
    """Ubah status satu rekomendasi / change one recommendation's status. Statuses are read in either
    language (`selesai` and `done` alike), whatever the output language."""
    ids = [part.strip() for value in evidence or [] for part in value.split(",") if part.strip()]
    change = set_status(workspace, rec_id, status, ids, note, by)
    out.print(RichText(t("followup.set_done", lang, id=change.id, old=status_label(change.old, lang),
                         new=status_label(change.new, lang), at=change.at.isoformat(sep=" "), by=change.by)))
    if change.new == "selesai" and not change.closed:
        err.print(RichText(t("followup.closed_without_evidence", lang, id=change.id)))


@followup_app.command("import")
def followup_import(file: LetterArg, workspace: WorkspaceArg = DEFAULT_WORKSPACE, lang: LangOpt = Lang.ID,
                    ocr: OcrOpt = False) -> None:
    """Catat surat LHE: nomor, tanggal, rekomendasi, riwayat nilai / record an LHE letter: number, date,
    recommendations, score history."""
    ws = load_workspace(workspace)
    check = check_letter(read_letter(file, ws.rulebook, ocr=ocr), ws.rulebook)
    letter = check.letter
    result = import_letter(workspace, check, lang)
    out.print(RichText(t("followup.import_done", lang, added=len(result.added), kept=len(result.kept),
                         number=letter.number or "-", date=letter.date.isoformat() if letter.date else "-",
                         file=str(result.path))))
    if result.history:
        out.print(RichText(t("followup.history_written", lang, file=str(workspace / "workspace.yaml"),
                             years=", ".join(map(str, result.history)))))
    for warning in result.warnings:
        err.print(RichText(warning.message(lang)))
    if not letter.recommendations:
        err.print(RichText(t("lhe.no_recommendations", lang)))
    if check.problems:
        for text, _ in problem_lines(check, lang):
            err.print(RichText(text))
    for text in note_lines(letter, lang):
        err.print(RichText(text))
