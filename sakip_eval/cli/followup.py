"""`followup [WS] list|set|import`: the previous LHE's recommendations and how far each is followed up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text as RichText
from typer.core import TyperGroup

from sakip_eval.cli.common import (
    DEFAULT_WORKSPACE,
    Format,
    FormatOpt,
    LangOpt,
    LetterArg,
    WorkspaceArg,
    app,
    err,
    out,
    print_json,
)
from sakip_eval.errors import InputError
from sakip_eval.followup.edit import import_letter, set_status
from sakip_eval.i18n import Lang, t
from sakip_eval.io.workspace import load_workspace
from sakip_eval.letters.lhe import check_letter, read_letter
from sakip_eval.model.followup import Followup, HistoryEntry, Recommendation, Source
from sakip_eval.render.terminal import status_label


class WorkspaceFirst(TyperGroup):
    """`followup [WS] list`: the workspace comes before the subcommand, as in every other command's
    `[WS]`-first reading. When the first word is already a subcommand, the bundled workspace is meant."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] in self.commands:
            args = [str(DEFAULT_WORKSPACE), *args]
        return super().parse_args(ctx, args)


followup_app = typer.Typer(
    cls=WorkspaceFirst, no_args_is_help=True,
    help="Tindak lanjut rekomendasi LHE sebelumnya / follow-up of the previous LHE's recommendations.",
)
app.add_typer(followup_app, name="followup")


@followup_app.callback()
def followup_main(ctx: typer.Context, workspace: WorkspaceArg = DEFAULT_WORKSPACE) -> None:
    """Tindak lanjut rekomendasi LHE sebelumnya / follow-up of the previous LHE's recommendations."""
    ctx.obj = workspace


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
def followup_list(ctx: typer.Context, fmt_: FormatOpt = Format.TABLE, lang: LangOpt = Lang.ID) -> None:
    """Daftar rekomendasi dan statusnya / the recommendations and their status."""
    followup = _followup_of(ctx.obj)
    recs = followup.recommendations
    if fmt_ is Format.JSON:
        print_json([
            {"id": r.id, "text": r.text, "status": r.status, "evidence": r.evidence,
             "history": [_entry_dict(h) for h in r.history], "criteria": r.criteria, "closed": r.closed,
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
    ctx: typer.Context,
    rec_id: Annotated[str, typer.Argument(metavar="ID", help="Id rekomendasi (a, b, ...).")],
    status: Annotated[str, typer.Option("--status", help="belum, proses, selesai atau tidak-dapat.")],
    evidence: Annotated[list[str] | None, typer.Option(
        "--evidence", help="Id bukti di inventory.yaml (boleh diulang atau dipisah koma) / evidence ids.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Catatan perubahan / note.")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Nama pencatat (bawaan: nama login) / who.")] = None,
    lang: LangOpt = Lang.ID,
) -> None:
    """Ubah status satu rekomendasi / change one recommendation's status."""
    ids = [part.strip() for value in evidence or [] for part in value.split(",") if part.strip()]
    change = set_status(ctx.obj, rec_id, status, ids, note, by)
    out.print(RichText(t("followup.set_done", lang, id=change.id, old=status_label(change.old, lang),
                         new=status_label(change.new, lang), at=change.at.isoformat(sep=" "), by=change.by)))
    if change.new == "selesai" and not change.closed:
        err.print(RichText(t("followup.closed_without_evidence", lang, id=change.id)))


@followup_app.command("import")
def followup_import(ctx: typer.Context, file: LetterArg, lang: LangOpt = Lang.ID) -> None:
    """Ambil rekomendasi bernomor dari surat LHE / take the numbered recommendations from an LHE letter."""
    ws = load_workspace(ctx.obj)
    letter = read_letter(file, ws.rulebook)
    check = check_letter(letter, ws.rulebook)
    result = import_letter(ctx.obj, letter, lang)
    out.print(RichText(t("followup.import_done", lang, added=len(result.added), kept=len(result.kept),
                         number=letter.number or "-", date=letter.date.isoformat() if letter.date else "-",
                         file=str(result.path))))
    if check.problems:
        err.print(RichText(t("lhe.problems", lang, count=len(check.problems))))
        for problem in check.problems:
            err.print(RichText(f"  {letter.display}:{problem.line or '-'}: {problem.message(lang)}"))
