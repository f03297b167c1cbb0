"""`check [WS]`: validate every workspace file and list the LKjIP consistency findings by severity: a table on
a wide terminal, a block a finding (message first, then where, stated, expected, criteria) on a narrow one, so
that no heading or value is cut."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.padding import Padding
from rich.text import Text as RichText

from sakip_eval.checks.findings import SEVERITY_ORDER, Finding, run_checks
from sakip_eval.cli.common import app, err, out, print_json
from sakip_eval.cli.options import DEFAULT_WORKSPACE, Format, FormatOpt, LangOpt, WorkspaceArg
from sakip_eval.i18n import Lang, t
from sakip_eval.io.workspace import load_workspace
from sakip_eval.render.table import Table
from sakip_eval.render.terminal import Layout, compact_layout


@app.command()
def check(
    workspace: WorkspaceArg = DEFAULT_WORKSPACE,
    fmt: FormatOpt = Format.TABLE,
    lang: LangOpt = Lang.ID,
    strict: Annotated[
        bool, typer.Option("--strict")
    ] = False,
    layout: Annotated[Layout, typer.Option("--layout", metavar="auto|table|compact")] = Layout.AUTO,
) -> None:
    """Validasi berkas dan pemeriksaan konsistensi LKjIP / validate files and check LKjIP consistency."""
    ws = load_workspace(workspace)
    findings = run_checks(ws)
    counts = {severity: sum(1 for f in findings if f.severity == severity) for severity in SEVERITY_ORDER}
    if fmt is Format.JSON:
        print_json({"findings": [f.public(lang) for f in findings], "summary": counts})
    elif ws.lkjip is None:
        out.print(t("check.no_lkjip", lang))
    elif not findings:
        out.print(t("check.clean", lang))
    else:
        _render(findings, lang, ws.meta.opd, ws.meta.year, compact_layout(layout, out.width))
        out.print(t("check.summary", lang, total=len(findings), **counts))
    if strict and counts["error"]:
        err.print(t("check.strict", lang, count=counts["error"]))
        raise typer.Exit(1)


def _render(findings: list[Finding], lang: Lang, opd: str, year: int, compact: bool) -> None:
    out.print(RichText(t("check.title", lang), style="bold") + RichText(f" — {opd}, LKjIP {year}"))
    for severity in SEVERITY_ORDER:
        mine = [f for f in findings if f.severity == severity]
        if not mine:
            continue
        title = f"{t('check.severity.' + severity, lang)} — {len(mine)}"
        if compact:
            out.print(RichText(title, style="bold italic"), soft_wrap=False)
            for f in mine:
                for line in _block(f, lang):
                    out.print(line, soft_wrap=False)
            continue
        table = Table(title=title, title_justify="left", expand=True, show_lines=True)
        table.add_column("Id", ratio=2, overflow="fold")
        table.add_column(t("check.where", lang), ratio=4, overflow="fold")
        table.add_column(t("check.stated", lang), ratio=1, overflow="fold")
        table.add_column(t("check.expected", lang), ratio=1, overflow="fold")
        table.add_column(t("check.criteria", lang), ratio=1)
        table.add_column(t("check.message", lang), ratio=4, overflow="fold")
        for f in mine:
            # where, stated and message quote lkjip.yaml: plain text, never rich markup
            table.add_row(*(RichText(cell) for cell in (f.id, f.where, f.stated.get(lang), f.expected.get(lang),
                                                        ", ".join(f.criteria), f.message.get(lang))))
        out.print(table)


def _block(f: Finding, lang: Lang) -> list[Padding]:
    """One finding on a narrow terminal: the message, then each detail on its own indented line (labelled, so
    that nothing depends on a column heading); long values wrap and keep their indent."""
    details = [(t("check.where", lang), f.where), (t("check.stated", lang), f.stated.get(lang)),
               (t("check.expected", lang), f.expected.get(lang)), (t("check.criteria", lang), ", ".join(f.criteria)),
               ("Id", f.id)]
    lines = [Padding(RichText("• " + f.message.get(lang)), (0, 0, 0, 2), expand=False)]
    for label, value in details:
        if value:
            text = RichText(f"{label}: ", style="dim")
            text.append(value)
            lines.append(Padding(text, (0, 0, 0, 6), expand=False))
    return lines
