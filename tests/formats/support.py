"""Decoding the other media types back into what the JSON body holds, to compare them."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import httpx
import msgspec

from service.representations.tabular import Column, columns_of


def from_msgpack(response: httpx.Response) -> Any:
    assert response.headers["content-type"] == "application/msgpack", response.headers
    return msgspec.msgpack.decode(response.content)


def csv_rows(text: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows, read as any RFC 4180 reader would."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], rows[1:]


def from_csv(response: httpx.Response, item_type: type[msgspec.Struct]) -> list[dict[str, Any]]:
    """The CSV's rows rebuilt as the JSON items: nested columns regrouped, cells typed."""
    assert response.headers["content-type"].startswith("text/csv"), response.headers
    header, rows = csv_rows(response.content.decode("utf-8"))
    columns = columns_of(item_type)
    assert header == [column.name for column in columns]
    return [_item(columns, row) for row in rows]


def _item(columns: tuple[Column, ...], row: list[str]) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for column, cell in zip(columns, row, strict=True):
        target = item
        for part in column.path[:-1]:
            target = target.setdefault(part, {})
        target[column.path[-1]] = _value(column.kind, cell)
    return item


def _value(kind: str, cell: str) -> Any:
    if cell == "":
        return None
    if kind == "number":
        return float(cell)
    if kind == "json":
        return json.loads(cell)
    if kind == "boolean":
        return cell == "true"
    return cell
