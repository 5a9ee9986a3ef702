"""Tables written with pipes: lines of cells split by "|", under a first line that heads them.

    Throughput by segment
    Segment | H1 2025 (million tonnes) | Change on H1 2024
    Liquid bulk | 99.8 | -3.2%

The header cell above a figure says what its column holds: "99.8" is million tonnes of the
first half of 2025, "-3.2%" a change on the year before. A line of its own just above the table
titles it ("Average prices, April to June 2025"). One line with pipes is no table: bylines and
datelines write them too ("By Ana Ruiz | Lima | 14 May 2025").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Column:
    """Where in a table a position stands."""

    table_start: int
    """Where the table's header line starts."""
    header_start: int
    header_end: int
    """The span of the column's header cell ("H1 2025 (million tonnes)"), empty in a table
    whose first line is a row of figures."""
    label: tuple[int, int]
    """The span of the row's first cell ("Liquid bulk")."""
    in_header: bool
    """Whether the position stands in the header line itself."""


def column_at(text: str, position: int) -> Column | None:
    """The column of the table `position` stands in, if it stands in one."""
    start = text.rfind("\n", 0, position) + 1
    end = _line_end(text, start)
    if text.find("|", start, end) < 0:
        return None
    first = _first_row(text, start)
    if first == start and not _is_row(text, end + 1):
        return None  # a line of its own: a byline, not a table
    row = _cells(text, start)
    if _FIGURE.search(text, first, _line_end(text, first)):
        # rows of figures with no header: "| Copper production | 184,600 t | +5.8% |"
        return Column(first, first, first, row[0], False)
    index = _cells_before(text, start, position)
    headers = _cells(text, first)
    if index >= len(headers):
        return None
    return Column(first, *headers[index], row[0], first == start)


# What a header does not hold: a figure with decimals, a percentage ("Change (%)" may head).
_FIGURE = re.compile(r"\d\.\d|\d\s?%")


def table_below(text: str, line_end: int) -> bool:
    """Whether a table starts on the line after `line_end`, or after one blank line."""
    start = line_end + 1
    if text.startswith("\n", start):
        start += 1
    return _is_row(text, start) and _is_row(text, _line_end(text, start) + 1)


def title_of(text: str, header_start: int) -> tuple[int, int] | None:
    """The span of the line that titles the table whose header holds `header_start`: the line
    above it, or above one blank line, short and with no full stop at its end."""
    end = text.rfind("\n", 0, header_start)
    if end > 0 and text[end - 1] == "\n":
        end -= 1
    if end <= 0:
        return None
    start, end = _trimmed(text, text.rfind("\n", 0, end) + 1, end)
    title = text[start:end]
    if not title or len(title) > _TITLE_LENGTH or title.endswith(".") or "|" in title:
        return None
    return start, end


_TITLE_LENGTH = 100


def _first_row(text: str, start: int) -> int:
    """The start of the table's first line, the table holding the line at `start`."""
    while start > 0:
        above = text.rfind("\n", 0, start - 1) + 1
        if not _is_row(text, above):
            break
        start = above
    return start


def _is_row(text: str, start: int) -> bool:
    """Whether the line at `start` is a row: it has a cell that is not blank and a pipe."""
    end = _line_end(text, start)
    return start < len(text) and text.find("|", start, end) >= 0 and not text[start:end].isspace()


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _cells(text: str, start: int) -> list[tuple[int, int]]:
    """The spans of the cells of the line at `start`, trimmed; a pipe that opens or closes the
    line ("| Indicator | Value |") bounds no cell."""
    end = _line_end(text, start)
    cells, cell_start = [], start
    while cell_start <= end:
        cell_end = text.find("|", cell_start, end)
        cell_end = end if cell_end < 0 else cell_end
        cells.append(_trimmed(text, cell_start, cell_end))
        cell_start = cell_end + 1
    if cells and cells[0][0] == cells[0][1]:
        cells.pop(0)
    if cells and cells[-1][0] == cells[-1][1]:
        cells.pop()
    return cells or [(start, start)]


def _cells_before(text: str, start: int, position: int) -> int:
    """How many cells of the line at `start` end before `position`."""
    opened = text[start:position].lstrip().startswith("|")
    return text.count("|", start, position) - opened


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
