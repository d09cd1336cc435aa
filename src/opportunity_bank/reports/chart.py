"""Server-side SVG bar chart of positions against target, per year and kind.

No script, no external resources, no event handlers: the SVG can be inlined in a page or
served as a file under a strict Content Security Policy. Kinds differ by colour, by fill
pattern (solid, stripes, dots) and by their fixed order in each year's group, and every bar
carries its number, so nothing depends on seeing colour. The colours keep at least 3:1
contrast against white. Screen readers get the title and description through
``role="img"``; the page should render ``chart_text_alternative`` as a table beneath.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from opportunity_bank.reports.arithmetic import KINDS, ReportRow, check_centre_wide


@dataclass(frozen=True, slots=True)
class ChartLabels:
    """The chart's words, so the web layer can pass Finnish, Swedish or English.

    ``description`` is a template with the fields {year_from}, {year_to} and {kinds}.
    """

    title: str
    description: str
    kinds: Mapping[str, str]
    year: str
    kind: str
    positions: str
    target: str
    achieved: str
    no_value: str = "–"  # for no target, and for achieved % when there is no target or 0
    decimal_mark: str = "."

    def __post_init__(self) -> None:
        missing = [kind for kind in KINDS if kind not in self.kinds]
        if missing:
            raise ValueError(f"chart labels lack names for the kinds {', '.join(missing)}")


ENGLISH = ChartLabels(
    title="Positions against targets",
    description=(
        "Bar chart of positions offered per year {year_from}–{year_to}, one bar per kind "
        "({kinds}). A black line across a bar marks that year's target."
    ),
    kinds={"thesis": "Theses", "internship": "Internships", "summer_job": "Summer jobs"},
    year="Year",
    kind="Kind",
    positions="Positions",
    target="Target",
    achieved="Achieved (%)",
)

# colour (>= 3:1 against white), fill pattern drawn in white over it (None: solid)
_STYLES = {
    "thesis": ("#1f4e99", None),
    "internship": ("#b35900", '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#fff" />'),
    "summer_job": ("#1d6b47", '<circle cx="3" cy="3" r="1.3" fill="#fff" />'),
}
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")

_BAR = 18
_BAR_GAP = 3
_GROUP_GAP = 24
_GROUP = len(KINDS) * _BAR + (len(KINDS) - 1) * _BAR_GAP + _GROUP_GAP
_LEFT = 56
_RIGHT = 16
_TOP = 96
_PLOT = 220
_BOTTOM = 36
_CHAR = 7.5  # rough width of one character at 12px, for laying out the legend
_MAX_TICKS = 5
_LABEL_ROOM = 19  # a value label, its gap above the bar and the line's white halo


def render_chart(
    rows: Sequence[ReportRow], labels: ChartLabels = ENGLISH, id_prefix: str = "report-chart"
) -> str:
    """An SVG document of centre-wide rows; ``id_prefix`` keeps ids unique on a page."""
    check_centre_wide(rows)
    if not rows:
        raise ValueError("the chart needs at least one row")
    if not _ID.fullmatch(id_prefix):
        raise ValueError(f"id prefix {id_prefix!r} must be a letter followed by [A-Za-z0-9_-]")
    by_bar = {(row.year, row.kind): row for row in rows}
    if len(by_bar) < len(rows):
        raise ValueError("the chart takes one row per year and kind")
    years = sorted({row.year for row in rows})
    axis_top, step = _axis(max(max(row.positions, row.target or 0) for row in rows))
    legend, legend_width = _legend(labels, id_prefix)
    width = max(_LEFT + len(years) * _GROUP + _RIGHT, legend_width)
    height = _TOP + _PLOT + _BOTTOM

    def y(value: int) -> float:
        return _TOP + _PLOT - value * _PLOT / axis_top

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height}" '
        f'role="img" aria-labelledby="{id_prefix}-title {id_prefix}-desc" '
        f'font-family="sans-serif" font-size="12">',
        f'<title id="{id_prefix}-title">{escape(labels.title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(_description(labels, years))}</desc>',
        _patterns(id_prefix),
        f'<text x="{_LEFT}" y="22" font-size="16" font-weight="bold">{escape(labels.title)}</text>',
        legend,
        f'<text x="{_LEFT}" y="{_TOP - 14}">{escape(labels.positions)}</text>',
    ]
    for value in range(0, axis_top + 1, step):
        parts.append(
            f'<line x1="{_LEFT}" x2="{width - _RIGHT:g}" y1="{y(value):g}" y2="{y(value):g}" '
            f'stroke="#d0d0d0" />'
            f'<text class="tick" x="{_LEFT - 8}" y="{y(value) + 4:g}" text-anchor="end">'
            f"{value}</text>"
        )
    for group, year in enumerate(years):
        left = _LEFT + group * _GROUP + _GROUP_GAP / 2
        parts.append(
            f'<text class="year" x="{left + (_GROUP - _GROUP_GAP) / 2:g}" '
            f'y="{_TOP + _PLOT + 20}" text-anchor="middle">{year}</text>'
        )
        for index, kind in enumerate(KINDS):
            if (year, kind) in by_bar:
                x = left + index * (_BAR + _BAR_GAP)
                parts.append(_bar(by_bar[year, kind], x, y, labels, id_prefix))
    parts.append(
        f'<line x1="{_LEFT}" x2="{_LEFT}" y1="{_TOP - 4}" y2="{_TOP + _PLOT}" stroke="#000" />'
        f'<line x1="{_LEFT}" x2="{width - _RIGHT:g}" y1="{_TOP + _PLOT}" y2="{_TOP + _PLOT}" '
        f'stroke="#000" />'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def chart_text_alternative(
    rows: Sequence[ReportRow], labels: ChartLabels = ENGLISH
) -> list[tuple[str, ...]]:
    """The chart's numbers as table cells: a header tuple, then one tuple per bar."""
    check_centre_wide(rows)
    table = [(labels.year, labels.kind, labels.positions, labels.target, labels.achieved)]
    for row in rows:
        achieved = labels.no_value
        if row.achieved_pct is not None:
            achieved = f"{row.achieved_pct:.1f}".replace(".", labels.decimal_mark)
        target = labels.no_value if row.target is None else str(row.target)
        table.append((str(row.year), labels.kinds[row.kind], str(row.positions), target, achieved))
    return table


def _axis(largest: int) -> tuple[int, int]:
    """Top of the axis and tick step: the smallest 1-2-5 step giving at most five ticks."""
    largest = max(largest, 1)
    magnitude = 1
    while True:
        for multiple in (1, 2, 5):
            step = multiple * magnitude
            ticks = -(-largest // step)
            if ticks <= _MAX_TICKS:
                return ticks * step, step
        magnitude *= 10


def _description(labels: ChartLabels, years: list[int]) -> str:
    kinds = ", ".join(labels.kinds[kind] for kind in KINDS)
    return labels.description.format_map(
        {"year_from": years[0], "year_to": years[-1], "kinds": kinds}
    )


def _fill(kind: str, id_prefix: str) -> str:
    colour, pattern = _STYLES[kind]
    return colour if pattern is None else f"url(#{id_prefix}-{kind})"


def _patterns(id_prefix: str) -> str:
    patterns = "".join(
        f'<pattern id="{id_prefix}-{kind}" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{colour}" />{shape}</pattern>'
        for kind, (colour, shape) in _STYLES.items()
        if shape is not None
    )
    return f"<defs>{patterns}</defs>"


def _legend(labels: ChartLabels, id_prefix: str) -> tuple[str, float]:
    x = float(_LEFT)
    items = []
    for kind in KINDS:
        name = labels.kinds[kind]
        items.append(
            f'<rect x="{x:g}" y="38" width="14" height="14" fill="{_fill(kind, id_prefix)}" '
            f'stroke="{_STYLES[kind][0]}" />'
            f'<text x="{x + 20:g}" y="50">{escape(name)}</text>'
        )
        x += 20 + len(name) * _CHAR + 18
    items.append(
        f'<line x1="{x:g}" x2="{x + 16:g}" y1="45" y2="45" stroke="#000" stroke-width="3" />'
        f'<text x="{x + 22:g}" y="50">{escape(labels.target)}</text>'
    )
    x += 22 + len(labels.target) * _CHAR
    return f'<g class="legend">{"".join(items)}</g>', x + _RIGHT


def _bar(
    row: ReportRow, x: float, y: Callable[[int], float], labels: ChartLabels, id_prefix: str
) -> str:
    top = y(row.positions)
    # The number sits on its bar; a target line just above the bar would cross it, so then the
    # number moves above the line.
    label_y = top
    if row.target is not None and top - _LABEL_ROOM <= y(row.target) < top:
        label_y = y(row.target)
    target = labels.no_value if row.target is None else str(row.target)
    tooltip = (
        f"{row.year}, {labels.kinds[row.kind]}: {labels.positions} {row.positions}, "
        f"{labels.target} {target}"
    )
    parts = [
        f'<rect class="bar" data-year="{row.year}" data-kind="{row.kind}" x="{x:g}" '
        f'y="{top:g}" width="{_BAR}" height="{y(0) - top:g}" '
        f'fill="{_fill(row.kind, id_prefix)}" stroke="{_STYLES[row.kind][0]}">'
        f"<title>{escape(tooltip)}</title></rect>",
        f'<text class="value" x="{x + _BAR / 2:g}" y="{label_y - 5:g}" text-anchor="middle" '
        f'font-size="10">{row.positions}</text>',
    ]
    if row.target is not None:
        # A white halo under the black line keeps it visible over the darkest fill.
        level = y(row.target)
        ends = f'x1="{x - 3:g}" x2="{x + _BAR + 3:g}" y1="{level:g}" y2="{level:g}"'
        parts.append(
            f'<line {ends} stroke="#fff" stroke-width="5" />'
            f'<line class="target" data-year="{row.year}" data-kind="{row.kind}" {ends} '
            f'stroke="#000" stroke-width="2.5" />'
        )
    return "".join(parts)
