"""CSV of wire Structs: one row per item, nested Structs flattened, lists as JSON.

The columns are worked out from the Struct's type, so the CSV, its documentation in the spec
and the JSON can never disagree: a nested Struct `citation` becomes `citation_source`,
`citation_quote`, ...; a list (aliases, sectors, citations) is one cell holding its JSON array;
null is an empty cell. Numbers are written as JSON writes them (integral floats without `.0`).

Text that a spreadsheet would run as a formula (a cell starting with `=`, `+`, `-`, `@`, a tab
or a carriage return: OWASP's CSV injection list) is written with a leading `'`, which
spreadsheets read as "this is text" and hide. Anyone can write a name through the API, and a
curator opening an export must not run `=HYPERLINK(...)` from it. Numbers are numbers, never
prefixed.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import msgspec
from msgspec import inspect

# Litestar appends "; charset=utf-8" to every text/* type.
CSV_MEDIA_TYPE = "text/csv; header=present"
_MAX_EXACT_INTEGER = 2**53


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    path: tuple[str, ...]
    kind: str  # "text", "number", "boolean", "date" or "json"

    def cell(self, item: Any) -> str:
        value = item
        for attribute in self.path:
            value = getattr(value, attribute)
            if value is None:
                return ""
        return _CELL[self.kind](value)


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < _MAX_EXACT_INTEGER:
        return str(int(value))
    return repr(value)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _json(value: Any) -> str:
    return msgspec.json.encode(value).decode()


_CELL: dict[str, Callable[[Any], str]] = {
    "text": _text,
    "number": _number,
    "boolean": lambda value: "true" if value else "false",
    "date": lambda value: value.isoformat(),
    "json": _json,
}


@functools.cache
def columns_of(struct_type: type[msgspec.Struct]) -> tuple[Column, ...]:
    """The CSV columns of a Struct type, in field order."""
    info = inspect.type_info(struct_type)
    assert isinstance(info, inspect.StructType)
    return tuple(_columns(info, ()))


def _columns(info: inspect.StructType, path: tuple[str, ...]) -> Iterator[Column]:
    for field in info.fields:
        field_type = _unwrap(field.type)
        field_path = (*path, field.name)
        if isinstance(field_type, inspect.StructType):
            yield from _columns(field_type, field_path)
        else:
            yield Column("_".join(field_path), field_path, _kind(field_type))


def _unwrap(field_type: inspect.Type) -> inspect.Type:
    """The type under `Annotated[...]` and `X | None`."""
    if isinstance(field_type, inspect.Metadata):
        return _unwrap(field_type.type)
    if isinstance(field_type, inspect.UnionType):
        others = [t for t in field_type.types if not isinstance(t, inspect.NoneType)]
        if len(others) == 1:
            return _unwrap(others[0])
    return field_type


def _kind(field_type: inspect.Type) -> str:
    if isinstance(field_type, inspect.IntType | inspect.FloatType):
        return "number"
    if isinstance(field_type, inspect.BoolType):
        return "boolean"
    if isinstance(field_type, inspect.DateType):
        return "date"
    if isinstance(field_type, inspect.StrType | inspect.LiteralType):
        return "text"
    return "json"


@functools.cache
def item_type_of(page_type: type[msgspec.Struct]) -> type[msgspec.Struct] | None:
    """The Struct type of a page's `items`, or None if `page_type` is not a page.

    Cached: types are few and fixed, and inspecting one costs more than answering a request.
    """
    info = inspect.type_info(page_type)
    assert isinstance(info, inspect.StructType)
    for field in info.fields:
        field_type = _unwrap(field.type)
        if field.name == "items" and isinstance(field_type, inspect.ListType):
            item = _unwrap(field_type.item_type)
            if isinstance(item, inspect.StructType):
                return item.cls
    return None


class CsvWriter:
    """Rows of one Struct type as RFC 4180 CSV (CRLF line ends, minimal quoting), UTF-8."""

    def __init__(self, item_type: type[msgspec.Struct]) -> None:
        self.columns = columns_of(item_type)
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def header(self) -> bytes:
        self._writer.writerow([column.name for column in self.columns])
        return self._drain()

    def rows(self, items: Iterable[Any]) -> bytes:
        columns = self.columns
        self._writer.writerows([column.cell(item) for column in columns] for item in items)
        return self._drain()

    def _drain(self) -> bytes:
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text.encode("utf-8")


def to_csv(item_type: type[msgspec.Struct], items: Iterable[Any]) -> bytes:
    """A whole CSV document: the header row, then one row per item."""
    writer = CsvWriter(item_type)
    return writer.header() + writer.rows(items)


def describe_columns(item_type: type[msgspec.Struct]) -> str:
    """The CSV layout in words, for the spec and the README."""
    names = ", ".join(f"`{column.name}`" for column in columns_of(item_type))
    listed = [c.name for c in columns_of(item_type) if c.kind == "json"]
    lists = (
        f" {', '.join(f'`{name}`' for name in listed)} hold JSON arrays (as in the JSON body)."
        if listed
        else ""
    )
    return (
        f"RFC 4180 CSV in UTF-8 with a header row, one row per item. Columns: {names}."
        f"{lists} An empty cell is null; nested objects are flattened as `parent_field`. Text "
        "starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so "
        "that spreadsheets do not run it as a formula."
    )
