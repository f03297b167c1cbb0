"""Inline SVG charts for the HTML report, drawn in Python so the report is one self-contained file
that opens without network or JavaScript and prints as drawn. Every text placed in a chart is
escaped here; the functions return :class:`markupsafe.Markup` so templates can embed them as is.

The charts read the language-resolved prediction dict (:func:`sakip_eval.render.json.prediction_to_dict`),
the same view the templates use. Its numbers are Decimals: labels format them exactly, and only the
drawing's coordinates are floats.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from markupsafe import Markup, escape

WIDTH = 720
GRADE_COLOURS = {
    "AA": "#1b7837", "A": "#5aae61", "BB": "#a6dba0", "B": "#d9f0d3",
    "CC": "#fee08b", "C": "#fdae61", "D": "#f46d43", "E": "#d73027",
}
FILL = "#2b6cb0"
TRACK = "#e2e8f0"
INK = "#1a202c"
MUTED = "#4a5568"

Fmt = Callable[[Decimal | int], str]


def _svg(height: int, title: str, body: list[str]) -> Markup:
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
            f'role="img" aria-label="{escape(title)}" font-family="sans-serif" font-size="12">'
            f"<title>{escape(title)}</title>")
    return Markup(head + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, anchor: str = "start", **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{INK}"{extra}>{escape(text)}</text>'


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def component_chart(data: dict[str, Any], title: str, fmt: Fmt) -> Markup:
    """One bar per component on a common points scale: the track is the weight, the fill the score."""
    comps = data["components"]
    scale = float(max((c["weight"] for c in comps), default=1) or 1)
    label_w, bar_w, row_h = 300, 300, 30
    body = []
    for i, comp in enumerate(comps):
        y = 10 + i * row_h
        track = bar_w * float(comp["weight"]) / scale
        fill = bar_w * float(comp["score"]) / scale
        body.append(_text(0, y + 15, _clip(f"{comp['id']}. {comp['name']}", 44)))
        body.append(f'<rect x="{label_w}" y="{y + 3}" width="{track:.1f}" height="16" fill="{TRACK}"/>')
        body.append(f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{fill:.1f}" height="16" fill="{FILL}"/>')
        body.append(_text(label_w + track + 8, y + 15, f"{fmt(comp['score'])} / {fmt(comp['weight'])}"))
    return _svg(20 + len(comps) * row_h, title, body)


def grade_chart(data: dict[str, Any], title: str, fmt: Fmt, factors: dict[str, Decimal]) -> Markup:
    """One column per sub-component, as tall as its grade's factor, coloured and labelled by grade."""
    subs = [s for c in data["components"] for s in c["subcomponents"]]
    top, plot_h, left = 20, 150, 40
    col_w = (WIDTH - left) / max(len(subs), 1)
    body = []
    for level in (Decimal("0.5"), Decimal("0.8"), Decimal("1.0")):
        y = top + plot_h * (1 - float(level))
        body.append(f'<line x1="{left}" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}" stroke="{TRACK}"/>')
        body.append(_text(left - 6, y + 4, fmt(level), "end", fill=MUTED))
    for i, sub in enumerate(subs):
        factor = float(factors.get(sub["grade"], 0))
        height = plot_h * factor
        x = left + i * col_w + col_w * 0.15
        colour = GRADE_COLOURS.get(sub["grade"], FILL)
        body.append(f'<rect class="bar" x="{x:.1f}" y="{top + plot_h - height:.1f}" width="{col_w * 0.7:.1f}" '
                    f'height="{height:.1f}" fill="{colour}" stroke="{INK}" stroke-width="0.5"/>')
        body.append(_text(x + col_w * 0.35, top + plot_h - height - 4, sub["grade"], "middle", font_weight="bold"))
        body.append(_text(x + col_w * 0.35, top + plot_h + 16, sub["id"], "middle"))
    return _svg(top + plot_h + 26, title, body)


def trend_chart(points: list[tuple[int, Decimal | None, bool]], title: str, fmt: Fmt,
                bands: list[tuple[str, Decimal]]) -> Markup:
    """Totals by evaluation year with the category boundaries in range; the predicted year is drawn
    hollow and starred so no one mistakes it for a result. The scale starts 10 below the lowest
    total (rounded down to ten) so that year-to-year changes stay visible."""
    top, plot_h, left, right = 16, 170, 44, 34
    known = [(year, value, predicted) for year, value, predicted in points if value is not None]
    years = [p[0] for p in points]
    span = max(len(years) - 1, 1)
    low = max(0, int(min((v for _, v, _ in known), default=Decimal(0)) // 10) * 10 - 10)

    def x_of(index: int) -> float:
        inner = WIDTH - left - right - 60  # points stay clear of the y labels and the category codes
        return left + 30 + inner * (index / span if len(years) > 1 else 0.5)

    def y_of(value: Decimal | int) -> float:
        return top + plot_h * (1 - (float(value) - low) / (100 - low))

    body = []
    for code, lower in [(c, v) for c, v in bands if v >= low] + [("", low)]:
        y = y_of(lower)
        body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{TRACK}"/>')
        body.append(_text(left - 6, y + 4, fmt(lower), "end", fill=MUTED))
        body.append(_text(WIDTH - right + 4, y - 3, code, fill=MUTED))
    coords = [(x_of(years.index(year)), y_of(value), predicted, value) for year, value, predicted in known]
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in coords)
        body.append(f'<polyline points="{path}" fill="none" stroke="{FILL}" stroke-width="2"/>')
    for x, y, predicted, value in coords:
        fill = "#ffffff" if predicted else FILL
        body.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{fill}" stroke="{FILL}" '
                    f'stroke-width="2"/>')
        body.append(_text(x, y - 10, fmt(value), "middle", font_weight="bold"))
    for index, (year, _, predicted) in enumerate(points):
        body.append(_text(x_of(index), top + plot_h + 18, f"{year}{'*' if predicted else ''}", "middle"))
    return _svg(top + plot_h + 28, title, body)
