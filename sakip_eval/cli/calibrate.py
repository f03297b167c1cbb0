"""`calibrate [WS]`: the prediction set against the real LHE (`actual` in workspace.yaml), item by item."""

from __future__ import annotations

from rich.table import Table

from sakip_eval.cli.common import app, out, print_json
from sakip_eval.cli.options import DEFAULT_WORKSPACE, Format, FormatOpt, LangOpt, WorkspaceArg
from sakip_eval.errors import InputError
from sakip_eval.i18n import Lang, t
from sakip_eval.io.workspace import load_workspace
from sakip_eval.numbers import format_number
from sakip_eval.render.jsontext import number
from sakip_eval.scoring.calibration import calibrate
from sakip_eval.scoring.prediction import predict


@app.command(name="calibrate")
def calibrate_cmd(workspace: WorkspaceArg = DEFAULT_WORKSPACE, fmt: FormatOpt = Format.TABLE,
                  lang: LangOpt = Lang.ID) -> None:
    """Bandingkan prediksi dengan hasil LHE / compare the prediction with the real LHE."""
    ws = load_workspace(workspace)
    if ws.meta.actual is None:
        raise InputError("calibrate.no_actual", file=str(workspace / "workspace.yaml"), field="actual")
    rows = calibrate(predict(ws), ws.meta.actual, ws.rulebook)
    if fmt is Format.JSON:
        print_json({"rows": [
            {"item": r.item, "predicted": number(r.predicted),
             "actual": None if r.actual is None else number(r.actual),
             "error": None if r.error is None else number(r.error)} for r in rows
        ]})
        return
    table = Table(title=t("calibrate.title", lang), title_justify="left")
    for key in ("calibrate.item", "calibrate.predicted", "calibrate.actual", "calibrate.error"):
        table.add_column(t(key, lang), justify="left" if key == "calibrate.item" else "right")
    for r in rows:
        table.add_row(
            r.item, format_number(r.predicted, lang),
            "-" if r.actual is None else format_number(r.actual, lang),
            "-" if r.error is None else format_number(r.error, lang),
        )
    out.print(table)


