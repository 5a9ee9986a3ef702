"""Small line charts as inline SVG, drawn on the server: no script, no chart library.

Each chart names itself (`<title>`, `<desc>`) for assistive technology, and every point carries
its value as a `<title>` tooltip; the page's table says the same in text.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from service.pages.values import scaled

# Small enough that the text stays legible when a phone scales the chart to its width.
WIDTH, HEIGHT = 480, 250
LEFT, RIGHT, TOP, BOTTOM = 96, 24, 34, 44
_NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
LABELLED = 4


@dataclass(frozen=True, slots=True)
class Point:
    when: dt.date
    value: float
    label: str
    """The period as the page writes it ("2023", "2023 Q1-Q3")."""
    said: str
    """The value as a person reads it ("450 billion yuan")."""


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above `value` (> 0)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in _NICE_STEPS if step * power >= value * (1 - 1e-12))


def line_chart(chart_id: str, title: str, description: str, points: Sequence[Point]) -> str:
    """An SVG line chart of `points` (two or more), oldest first, y axis from zero."""
    ordered = sorted(points, key=lambda point: point.when)
    top = nice_ceiling(max(point.value for point in ordered))
    bottom = min(0.0, min(point.value for point in ordered))
    first, last = ordered[0].when.toordinal(), ordered[-1].when.toordinal()

    def x(point: Point) -> float:
        share = (point.when.toordinal() - first) / (last - first) if last > first else 0.5
        return LEFT + share * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return TOP + (top - value) / (top - bottom) * (HEIGHT - TOP - BOTTOM)

    coordinates = [(x(point), y(point.value)) for point in ordered]
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        *_grid(bottom, top, y),
        '<polyline class="chart-line" points="'
        + " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coordinates)
        + '"/>',
        *(
            # Beyond a few points the labels would collide: the ends keep theirs, every point
            # keeps its tooltip, and the page's table lists them all.
            _point(point, cx, cy, labelled=len(ordered) <= LABELLED or i in (0, len(ordered) - 1))
            for i, (point, (cx, cy)) in enumerate(zip(ordered, coordinates, strict=True))
        ),
        "</svg>",
    ]
    return "".join(parts)


def _grid(bottom: float, top: float, y: Callable[[float], float]) -> list[str]:
    """Three horizontal rules with their values at the left."""
    lines = []
    for value in (bottom, (bottom + top) / 2, top):
        cy = y(value)
        lines.append(
            f'<line class="chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
            f'y1="{cy:.1f}" y2="{cy:.1f}"/>'
            f'<text class="chart-axis" x="{LEFT - 8}" y="{cy + 4:.1f}" text-anchor="end">'
            f"{escape(scaled(value))}</text>"
        )
    return lines


def _point(point: Point, cx: float, cy: float, *, labelled: bool) -> str:
    anchor = "start" if cx < LEFT + 60 else "end" if cx > WIDTH - RIGHT - 60 else "middle"
    labels = (
        f'<text class="chart-value" x="{cx:.1f}" y="{cy - 12:.1f}" text-anchor="{anchor}">'
        f"{escape(point.said)}</text>"
        f'<text class="chart-axis" x="{cx:.1f}" y="{HEIGHT - BOTTOM + 24}" '
        f'text-anchor="{anchor}">{escape(point.label)}</text>'
    )
    return (
        f'<g class="chart-point"><title>{escape(point.label)}: {escape(point.said)}</title>'
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5"/>{labels if labelled else ""}</g>'
    )
