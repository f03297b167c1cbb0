"""`rules list|show|lint|test`: the rulebook for its authors and for users who want to know why."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from sakip_eval.cli.common import app, out, print_json
from sakip_eval.cli.options import Format, FormatOpt, LangOpt, RegimeOpt
from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang, t
from sakip_eval.render.jsontext import number
from sakip_eval.render.table import Table
from sakip_eval.rulebook.book import SourcedCheck, load_rulebook
from sakip_eval.rulebook.lint import lint

rules_app = typer.Typer(no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("list")
def rules_list(fmt: FormatOpt = Format.TABLE, lang: LangOpt = Lang.ID,
               regime: RegimeOpt = "lke-2021") -> None:
    """Daftar kriteria dan aturan / list criteria and rules."""
    book = load_rulebook(regime)
    if fmt is Format.JSON:
        print_json({
            "regime": book.regime.id,
            "subcomponents": [
                {"id": s.id, "component": c.id, "kind": s.kind, "weight": number(s.weight),
                 "name": s.name.get(lang)}
                for c in book.regime.components for s in c.subcomponents
            ],
            "criteria": [
                {"id": c.id, "subcomponent": c.id.rsplit(".", 1)[0], "text": c.text.get(lang),
                 "evidence_types": c.evidence.types, "expects": c.evidence.expects.get(lang),
                 "recommendation": c.recommendation.get(lang), "applies_to": c.applies_to, "effort": c.effort}
                for c in book.criteria.values()
            ],
            "rules": [
                {"id": s.rule.id, "effect": s.rule.effect, "target": s.rule.target, "grade": s.rule.grade,
                 "title": s.rule.title.get(lang), "generated": s.generated, "file": s.file, "line": s.line}
                for s in book.rules
            ],
            "checks": [
                {"id": c.check.id, "severity": c.check.severity, "criteria": book.check_criteria[c.check.id],
                 "title": c.check.title.get(lang), "tolerance": c.check.tolerance.get(lang), "file": c.file,
                 "line": c.line}
                for c in book.checks
            ],
        })
        return
    table = Table(title=book.regime.name.get(lang), title_justify="left", expand=True)
    table.add_column(t("rules.id", lang), no_wrap=True)
    table.add_column(t("rules.kind", lang), no_wrap=True)
    table.add_column(t("rules.text", lang), ratio=3, overflow="fold")
    for crit in book.criteria.values():
        table.add_row(crit.id, "kriteria" if lang is Lang.ID else "criterion", crit.text.get(lang))
    for sourced in book.rules:
        if sourced.origin != "catalogue":  # one evidence rule per criterion: the criteria rows stand for them
            rule = sourced.rule
            target = f"{rule.target or '*'}" + (f" ≤/≥ {rule.grade}" if rule.grade else "")
            table.add_row(rule.id, f"{rule.effect} {target}", rule.title.get(lang))
    for sourced_check in book.checks:
        check = sourced_check.check
        table.add_row(check.id, f"check {check.severity}", check.title.get(lang))
    out.print(table)


@rules_app.command("show")
def rules_show(rule_id: Annotated[str, typer.Argument(metavar="ID")],
               lang: LangOpt = Lang.ID, regime: RegimeOpt = "lke-2021") -> None:
    """Rincian satu kriteria atau aturan / details of one criterion or rule."""
    book = load_rulebook(regime)
    if rule_id in book.criteria:
        crit = book.criteria[rule_id]
        file, line = book.criteria_lines[rule_id]
        out.print(f"[bold]{crit.id}[/bold] {crit.text.get(lang)}  ({file}:{line})")
        types = ", ".join(crit.evidence.types)
        out.print(f"  {t('score.evidence', lang)}: {types} — {crit.evidence.expects.get(lang)}")
        out.print(f"  → {crit.recommendation.get(lang)}")
        related = [s.rule for s in book.rules if s.rule.target == rule_id or rule_id in json.dumps(s.rule.when)]
        for rule in related:
            out.print(f"  [{rule.effect}] {rule.id}: {rule.title.get(lang)}")
        return
    if any(c.check.id == rule_id for c in book.checks):
        _show_check(book.check(rule_id), book.check_criteria[rule_id], lang)
        return
    try:
        sourced = book.rule(rule_id)
    except KeyError:
        raise InputError("rules.not_found", id=rule_id) from None
    rule = sourced.rule
    out.print(f"[bold]{rule.id}[/bold] {rule.title.get(lang)}  ({sourced.file}:{sourced.line})")
    out.print(f"  {t('rules.effect', lang)}: {rule.effect} {rule.target or ''} {rule.grade or ''}")
    out.print(f"  {rule.rationale.get(lang)}")
    for ref in rule.references:
        out.print(f"  • {ref}")
    out.print(f"  when: {json.dumps(rule.when, ensure_ascii=False)}")
    if rule.recommendation:
        out.print(f"  → {rule.recommendation.get(lang)}")


def _show_check(sourced: SourcedCheck, linked: list[str], lang: Lang) -> None:
    check = sourced.check
    out.print(f"[bold]{check.id}[/bold] {check.title.get(lang)}  ({sourced.file}:{sourced.line})")
    criteria = ", ".join(linked) or "-"
    out.print(f"  {t('rules.severity', lang)}: {check.severity} · {t('check.criteria', lang)}: {criteria}")
    out.print(f"  {check.rationale.get(lang)}")
    out.print(f"  {t('rules.tolerance', lang)}: {check.tolerance.get(lang)}")
    out.print(f"  when: {json.dumps(check.when, ensure_ascii=False)}")
    out.print(f"  → {check.message.get(lang)}")


@rules_app.command("types")
def rules_types(fmt: FormatOpt = Format.TABLE, lang: LangOpt = Lang.ID, regime: RegimeOpt = "lke-2021") -> None:
    """The evidence types an inventory item's `type:` may name, with the attributes each may state: what a team
    needs to fill inventory.yaml without opening the rulebook's files (which an installed copy hides)."""
    book = load_rulebook(regime)
    if fmt is Format.JSON:
        print_json({"regime": book.regime.id, "types": [
            {"type": key, "name": etype.label().get(lang), "standing": etype.standing,
             "attributes": {name: text.get(lang) for name, text in etype.attributes.items()}}
            for key, etype in book.evidence_types.items()]})
        return
    table = Table(title=t("rules.types_title", lang, count=len(book.evidence_types)), title_justify="left", expand=True)
    table.add_column(t("rules.type", lang), no_wrap=True)
    table.add_column(t("rules.type_name", lang), ratio=2, overflow="fold")
    table.add_column(t("rules.standing", lang), no_wrap=True)
    table.add_column(t("rules.attributes", lang), ratio=3, overflow="fold")
    for key, etype in book.evidence_types.items():
        attributes = "\n".join(f"{name}: {text.get(lang)}" for name, text in etype.attributes.items()) or "-"
        table.add_row(key, etype.label().get(lang), t("rules.yes", lang) if etype.standing else "-", attributes)
    out.print(table)


@rules_app.command("lint")
def rules_lint(
    fmt: FormatOpt = Format.TABLE,
    lang: LangOpt = Lang.ID,
    regime: RegimeOpt = "lke-2021",
    strict: Annotated[bool, typer.Option()] = False,
    show_all: Annotated[bool, typer.Option("--all")] = False,
) -> None:
    """Periksa rulebook / check the rulebook for mistakes."""
    problems = lint(load_rulebook(regime))
    shown = [p for p in problems if show_all or p.severity != "info"]
    if fmt is Format.JSON:
        print_json({"problems": [p.__dict__ for p in problems]})
    else:
        for p in shown:
            out.print(f"{p.file}:{p.line}: {p.severity}: [{p.code}] {p.message}", markup=False, highlight=False)
        infos = len(problems) - len(shown)
        if not [p for p in problems if p.severity != "info"]:
            out.print(t("rules.lint_ok", lang))
        if infos:
            out.print(t("rules.lint_info", lang, count=infos))
    if any(p.severity == "error" for p in problems) or (strict and any(p.severity == "warning" for p in problems)):
        raise typer.Exit(1)


@rules_app.command("test")
def rules_test(
    ids: Annotated[list[str] | None, typer.Argument(metavar="ID")] = None,
    regime: RegimeOpt = "lke-2021",
    fmt: FormatOpt = Format.TABLE,
    lang: LangOpt = Lang.ID,
) -> None:
    """Jalankan kasus uji setiap aturan dan pemeriksaan / run every rule's and check's test cases."""
    from sakip_eval.render import proof  # here: the other rules commands do not load the rule engine
    from sakip_eval.scoring.proof import prove

    book = load_rulebook(regime)
    unknown = [i for i in ids or [] if i not in {s.rule.id for s in book.rules} | {c.check.id for c in book.checks}]
    if unknown:
        raise InputError("rules.not_found", id=unknown[0])
    report = prove(book, ids or ())
    if fmt is Format.JSON:
        print_json(proof.to_dict(report, book, lang))
    else:
        proof.render(report, book, lang, out)
    if not report.ok:
        raise typer.Exit(1)
