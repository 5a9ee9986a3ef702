"""Schemathesis hooks for the constraints JSON Schema cannot state, shared by the pytest fuzz
test (which imports this module) and `make fuzz` (SCHEMATHESIS_HOOKS=tests.contract.fuzz_hooks).

- A cursor is valid only if the server issued it for the same filters: a positive case gets the
  real cursor of its query's first page (or none when that query has a single page), while
  negative cases keep their malformed cursors, which must be refused.
- `period_from` after `period_to` is a documented 400: positive cases put the bounds in order.
"""

from __future__ import annotations

from typing import Any

import httpx
import schemathesis
from schemathesis.generation.modes import GenerationMode


@schemathesis.hook
def map_case(context: Any, case: schemathesis.Case) -> schemathesis.Case:
    meta = case.meta
    if meta is None or meta.generation.mode != GenerationMode.POSITIVE or not case.query:
        return case
    _order_the_period(case.query)
    if "cursor" in case.query:
        _use_an_issued_cursor(case, case.operation.schema.get_base_url())
    return case


def _order_the_period(query: dict[str, Any]) -> None:
    start, end = query.get("period_from"), query.get("period_to")
    if isinstance(start, str) and isinstance(end, str) and start > end:
        query["period_from"], query["period_to"] = end, start


def _use_an_issued_cursor(case: schemathesis.Case, base_url: str) -> None:
    first_page = {k: v for k, v in case.query.items() if k != "cursor"} | {"limit": 1}
    response = httpx.get(
        base_url + case.formatted_path, params=first_page, timeout=10, trust_env=False
    )
    cursor = response.json().get("next_cursor") if response.status_code == 200 else None
    if cursor:
        case.query["cursor"] = cursor
    else:
        del case.query["cursor"]
