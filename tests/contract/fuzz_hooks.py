"""Schemathesis hooks for the constraints JSON Schema cannot state, shared by the pytest fuzz
test (which imports this module) and `make fuzz` (SCHEMATHESIS_HOOKS=tests.contract.fuzz_hooks).

- A cursor is valid only if the server issued it for the same filters: a positive case gets the
  real cursor of its query's first page (or none when that query has a single page), while
  negative cases keep their malformed cursors, which must be refused.
- `period_from` after `period_to` is a documented 400: positive cases put the bounds in order.
- `unit` must convert every selected observation (a documented 400 otherwise): positive cases
  also select an indicator whose unit converts into it, or drop `unit` when the data has none.
- MessagePack answers (`?format=msgpack`) are decoded and validated against the same schema as
  JSON; CSV and NDJSON answers, documented as strings, must at least parse: every CSV row has
  the header's number of cells, every NDJSON line is a JSON object.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from typing import Any

import httpx
import msgspec
import schemathesis
from schemathesis.generation.modes import GenerationMode

from service.units import unit_base


@schemathesis.hook
def map_case(context: Any, case: schemathesis.Case) -> schemathesis.Case:
    meta = case.meta
    if meta is None or meta.generation.mode != GenerationMode.POSITIVE or not case.query:
        return case
    _order_the_period(case.query)
    if "unit" in case.query:
        _select_a_convertible_indicator(case, case.operation.schema.get_base_url())
    if "cursor" in case.query:
        _use_an_issued_cursor(case, case.operation.schema.get_base_url())
    return case


def _order_the_period(query: dict[str, Any]) -> None:
    start, end = query.get("period_from"), query.get("period_to")
    if isinstance(start, str) and isinstance(end, str) and start > end:
        query["period_from"], query["period_to"] = end, start


@functools.cache
def _client() -> httpx.Client:
    """The hooks' one client: `httpx.get` would make a client per request, and each loads the
    TLS trust store (tens of milliseconds), even for plain HTTP."""
    return httpx.Client(timeout=10, trust_env=False)


@functools.cache
def _indicator_units(base_url: str) -> tuple[tuple[str, str], ...]:
    response = _client().get(base_url + "/v1/indicators", params={"limit": 500})
    return tuple((item["id"], item["unit"]) for item in response.json()["items"])


def _select_a_convertible_indicator(case: schemathesis.Case, base_url: str) -> None:
    target = unit_base(str(case.query["unit"]))
    convertible = [i for i, unit in _indicator_units(base_url) if unit_base(unit) == target]
    if convertible:
        case.query["indicator"] = convertible[0]
    else:
        del case.query["unit"]


def _use_an_issued_cursor(case: schemathesis.Case, base_url: str) -> None:
    first_page = {k: v for k, v in case.query.items() if k != "cursor"} | {"limit": 1}
    response = _client().get(base_url + case.formatted_path, params=first_page)
    # The Link header carries the next cursor in every format (JSON, MessagePack, CSV).
    next_page = response.links.get("next", {}).get("url") if response.status_code == 200 else None
    cursor = httpx.URL(next_page).params.get("cursor") if next_page else None
    if cursor:
        case.query["cursor"] = cursor
    else:
        del case.query["cursor"]


@schemathesis.deserializer("application/msgpack")
def msgpack_body(_context: Any, response: Any) -> Any:
    return msgspec.msgpack.decode(response.content)


@schemathesis.deserializer("text/csv")
def csv_body(_context: Any, response: Any) -> str:
    text: str = response.content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or any(len(row) != len(rows[0]) for row in rows):
        raise ValueError("CSV without a header, or with rows of another width than the header")
    return text


@schemathesis.deserializer("application/x-ndjson")
def ndjson_body(_context: Any, response: Any) -> str:
    text: str = response.content.decode("utf-8")
    if not all(isinstance(json.loads(line), dict) for line in text.splitlines()):
        raise ValueError("an NDJSON line that is not a JSON object")
    return text
