"""Server-drawn SVG charts: accessible, escaped, proportional in time."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from service.pages.charts import Point, line_chart, nice_ceiling

SVG = "{http://www.w3.org/2000/svg}"
GDP = [
    Point(dt.date(2023, 12, 31), 450e9, "2023", "450 billion yuan"),
    Point(dt.date(2015, 12, 31), 160e9, "2015", "160 billion yuan"),
]


def test_nice_ceiling() -> None:
    assert [nice_ceiling(v) for v in (450e9, 160, 2.1, 0.7, 1000)] == [500e9, 200, 2.5, 1, 1000]


def test_chart_is_labelled_and_says_each_value() -> None:
    svg = ET.fromstring(line_chart("chart-gdp", "GDP, Xiangjiang", "2015: 160 billion", GDP))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-gdp-title chart-gdp-desc"
    assert svg.find(f"{SVG}title").text == "GDP, Xiangjiang"  # type: ignore[union-attr]
    assert svg.find(f"{SVG}desc").text == "2015: 160 billion"  # type: ignore[union-attr]
    tips = [g.find(f"{SVG}title").text for g in svg.iter(f"{SVG}g")]  # type: ignore[union-attr]
    assert tips == ["2015: 160 billion yuan", "2023: 450 billion yuan"]


def test_points_run_oldest_first_and_higher_values_sit_higher() -> None:
    svg = ET.fromstring(line_chart("c", "t", "d", GDP))
    circles = [(float(c.get("cx", 0)), float(c.get("cy", 0))) for c in svg.iter(f"{SVG}circle")]
    (x2015, y2015), (x2023, y2023) = circles
    assert x2015 < x2023
    assert y2023 < y2015  # SVG's y grows downwards


def test_text_is_escaped() -> None:
    points = [Point(dt.date(2020, 1, 1), 1, "<b>", "a & b"), GDP[0]]
    svg = line_chart("c", "<script>", "d", points)
    assert "<script>" not in svg
    assert "&lt;b&gt;" in svg
    ET.fromstring(svg)  # still well-formed


def test_many_points_label_only_the_ends_but_each_keeps_its_tooltip() -> None:
    points = [Point(dt.date(2015 + i, 12, 31), i + 1, str(2015 + i), f"{i + 1}") for i in range(9)]
    svg = ET.fromstring(line_chart("c", "t", "d", points))
    values = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "chart-value"]
    assert values == ["1", "9"]
    assert len(list(svg.iter(f"{SVG}g"))) == 9
