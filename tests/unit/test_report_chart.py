"""The SVG chart: valid XML, accessible, one bar per year and kind, honest geometry."""

import dataclasses
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opportunity_bank.reports.arithmetic import KINDS, ReportRow, achieved_pct
from opportunity_bank.reports.chart import (
    ENGLISH,
    ChartLabels,
    chart_text_alternative,
    render_chart,
)

SVG = "{http://www.w3.org/2000/svg}"


def _row(year, kind, positions, target):
    return ReportRow(
        year, kind, None, positions, positions, 0, target, achieved_pct(positions, target), None
    )


ROWS = [
    _row(2024, "thesis", 2, 3),
    _row(2024, "internship", 3, 3),
    _row(2024, "summer_job", 1, 8),
    _row(2025, "thesis", 0, 4),
    _row(2025, "internship", 0, None),
    _row(2025, "summer_job", 10, 0),
]


def _parse(svg):
    return ET.fromstring(svg)  # noqa: S314 - our own output, the very thing under test


def _bars(root):
    return [e for e in root.iter(f"{SVG}rect") if e.get("class") == "bar"]


def _targets(root):
    return [e for e in root.iter(f"{SVG}line") if e.get("class") == "target"]


def test_svg_is_accessible_xml():
    root = _parse(render_chart(ROWS, ENGLISH, id_prefix="c1"))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == ENGLISH.title
    assert "2024–2025" in desc.text
    assert "Theses, Internships, Summer jobs" in desc.text
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]


def test_svg_has_no_script_handlers_or_external_resources():
    svg = render_chart(ROWS)
    root = _parse(svg)
    for element in root.iter():
        assert element.tag.removeprefix(SVG) not in ("script", "foreignObject", "image", "a")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on")
            assert "://" not in value
    assert "javascript:" not in svg


def test_one_bar_per_year_and_kind_in_kind_order():
    root = _parse(render_chart(ROWS))
    bars = _bars(root)
    assert [(b.get("data-year"), b.get("data-kind")) for b in bars] == [
        (str(r.year), r.kind) for r in ROWS
    ]
    for year in ("2024", "2025"):
        xs = [float(b.get("x")) for b in bars if b.get("data-year") == year]
        assert xs == sorted(xs)


def test_bar_heights_and_target_lines_follow_the_numbers():
    root = _parse(render_chart(ROWS))
    bars = {(b.get("data-year"), b.get("data-kind")): b for b in _bars(root)}
    baseline = float(bars["2025", "thesis"].get("y"))  # a zero bar sits on the baseline
    assert float(bars["2025", "thesis"].get("height")) == 0
    unit = float(bars["2024", "summer_job"].get("height"))  # 1 position
    assert unit > 0
    for row in ROWS:
        bar = bars[str(row.year), row.kind]
        assert float(bar.get("height")) == pytest.approx(row.positions * unit)
        assert float(bar.get("y")) + float(bar.get("height")) == pytest.approx(baseline)
    lines = {(t.get("data-year"), t.get("data-kind")): t for t in _targets(root)}
    assert set(lines) == {(str(r.year), r.kind) for r in ROWS if r.target is not None}
    # internship 2024 reached its target exactly: the line sits on the bar's top
    assert float(lines["2024", "internship"].get("y1")) == pytest.approx(
        float(bars["2024", "internship"].get("y"))
    )
    assert float(lines["2025", "summer_job"].get("y1")) == pytest.approx(baseline)


def test_bars_carry_their_numbers_as_text():
    root = _parse(render_chart(ROWS))
    values = [e.text for e in root.iter(f"{SVG}text") if e.get("class") == "value"]
    assert values == [str(r.positions) for r in ROWS]


@given(
    st.lists(st.integers(0, 5000), min_size=3, max_size=3),
    st.lists(st.none() | st.integers(0, 5000), min_size=3, max_size=3),
)
def test_axis_covers_every_value_with_few_round_ticks(positions, targets):
    rows = [_row(2024, k, p, t) for k, p, t in zip(KINDS, positions, targets, strict=True)]
    root = _parse(render_chart(rows))
    ticks = [int(e.text) for e in root.iter(f"{SVG}text") if e.get("class") == "tick"]
    assert ticks[0] == 0
    assert 2 <= len(ticks) <= 6
    step = ticks[1]
    assert re.fullmatch(r"[125]0*", str(step))
    assert ticks == list(range(0, ticks[-1] + 1, step))
    assert ticks[-1] >= max(positions + [t or 0 for t in targets])
    for bar in _bars(root):
        assert float(bar.get("y")) >= 0


def _luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_kinds_differ_beyond_colour_and_colours_contrast_with_white():
    root = _parse(render_chart(ROWS))
    bars = _bars(root)
    styles = {b.get("data-kind"): (b.get("fill"), b.get("stroke")) for b in bars}
    assert len({fill for fill, _ in styles.values()}) == len(KINDS)
    patterns = {p.get("id") for p in root.iter(f"{SVG}pattern")}
    assert sum(fill.startswith("url(#") for fill, _ in styles.values()) == len(KINDS) - 1
    for fill, stroke in styles.values():
        if fill.startswith("url(#"):
            assert fill[5:-1] in patterns
        assert (1.05) / (_luminance(stroke) + 0.05) >= 3


def test_labels_are_escaped():
    nasty = ChartLabels(
        title='<script>alert("t")</script>',
        description="{year_from} & {year_to} <b>",
        kinds={"thesis": "<script>x</script>", "internship": "a&b", "summer_job": '"q"'},
        year="Year",
        kind="Kind",
        positions="<i>",
        target="T'",
        achieved="%",
    )
    svg = render_chart(ROWS, nasty)
    assert "<script" not in svg
    root = _parse(svg)
    assert not [e for e in root.iter() if e.tag.removeprefix(SVG) in ("script", "b", "i")]
    assert root.find(f"{SVG}title").text == nasty.title
    assert root.find(f"{SVG}desc").text == "2024 & 2025 <b>"
    texts = [e.text for e in root.iter(f"{SVG}text")]
    assert "<script>x</script>" in texts
    assert "a&b" in texts


def test_labels_need_every_kind():
    with pytest.raises(ValueError, match="summer_job"):
        dataclasses.replace(ENGLISH, kinds={"thesis": "T", "internship": "I"})


@pytest.mark.parametrize(
    ("rows", "id_prefix", "reason"),
    [
        ([dataclasses.replace(ROWS[0], unit="Parks")], "c", "centre-wide"),
        ([], "c", "at least one row"),
        ([ROWS[0], ROWS[0]], "c", "one row per year and kind"),
        (ROWS, '"><script>', "id prefix"),
    ],
)
def test_chart_refuses_what_it_cannot_draw(rows, id_prefix, reason):
    with pytest.raises(ValueError, match=reason):
        render_chart(rows, ENGLISH, id_prefix=id_prefix)


def test_ids_use_the_prefix():
    root = _parse(render_chart(ROWS, id_prefix="fi-chart"))
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert ids
    assert all(i.startswith("fi-chart-") for i in ids)


def test_text_alternative_lists_every_bar():
    finnish = dataclasses.replace(ENGLISH, decimal_mark=",", no_value="ei tavoitetta")
    table = chart_text_alternative(ROWS, finnish)
    assert table[0] == ("Year", "Kind", "Positions", "Target", "Achieved (%)")
    assert table[1:] == [
        ("2024", "Theses", "2", "3", "66,7"),
        ("2024", "Internships", "3", "3", "100,0"),
        ("2024", "Summer jobs", "1", "8", "12,5"),
        ("2025", "Theses", "0", "4", "0,0"),
        ("2025", "Internships", "0", "ei tavoitetta", "ei tavoitetta"),
        ("2025", "Summer jobs", "10", "0", "ei tavoitetta"),
    ]


@given(st.integers(0, 500), st.none() | st.integers(0, 500))
def test_a_target_line_never_crosses_a_value_label(positions, target):
    root = _parse(render_chart([_row(2026, "thesis", positions, target)]))
    label = next(e for e in root.iter(f"{SVG}text") if e.get("class") == "value")
    # A 10 px label: its glyphs reach from 10 px above its baseline to 2 px below it.
    top, bottom = float(label.get("y")) - 10, float(label.get("y")) + 2
    for line in _targets(root):
        level = float(line.get("y1"))
        assert not top - 2.5 < level < bottom + 2.5, (positions, target)
