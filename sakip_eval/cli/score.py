"""`score`: the prediction as a checklist or JSON, recorded in the run history."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

import typer

from sakip_eval.cli.common import app, err, out, print_json
from sakip_eval.cli.options import (
    DEFAULT_WORKSPACE,
    Format,
    FormatOpt,
    HistoryOpt,
    LangOpt,
    WorkspaceArg,
    decimal_parser,
)
from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang, t
from sakip_eval.io.workspace import load_workspace
from sakip_eval.numbers import format_number
from sakip_eval.render import terminal
from sakip_eval.scoring.prediction import predict


@app.command()
def score(
    workspace: WorkspaceArg = DEFAULT_WORKSPACE,
    fmt: FormatOpt = Format.TABLE,
    lang: LangOpt = Lang.ID,
    fail_under: Annotated[
        Decimal | None, typer.Option("--fail-under", metavar="N", parser=decimal_parser("--fail-under"))
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, metavar="N")] = 10,
    history: HistoryOpt = None,
    no_history: Annotated[bool, typer.Option("--no-history")] = False,
    gaps: Annotated[bool, typer.Option("--gaps")] = False,
    layout: Annotated[terminal.Layout, typer.Option("--layout", metavar="auto|table|compact")] = terminal.Layout.AUTO,
) -> None:
    """Checklist dan prediksi nilai / checklist and predicted score."""
    if fail_under is not None and not 0 <= fail_under <= 100:  # also NaN and infinity
        raise InputError("error.bad_threshold", field="--fail-under", value=str(fail_under))
    ws = load_workspace(workspace)
    pred = predict(ws)
    if not no_history:
        from sakip_eval.history.store import default_path, record_run  # SQLite: only when recording

        try:
            record_run(history if history is not None else default_path(workspace), ws, pred)
        except InputError as exc:  # the prediction stands even where the history cannot be written
            err.print(t("history.not_recorded", lang, detail=exc.render(lang)), markup=False, highlight=False)
    if fmt is Format.JSON:
        from sakip_eval.render.json import prediction_to_dict  # one output format of two: loaded when chosen

        print_json(prediction_to_dict(pred, lang))
    else:
        terminal.render(pred, lang, out, top=top, gaps=gaps, layout=layout)
    if fail_under is not None and pred.total < fail_under:
        err.print(t("score.fail_under", lang, total=format_number(pred.total, lang),
                    threshold=format_number(fail_under, lang)))
        raise typer.Exit(1)
