"""Query strings are read strictly: each parameter once, and no `null` standing for "absent".

Litestar reads `?kind=null` as None for an optional enum or date (msgspec's lax conversion), and
keeps the last of `?kind=a&kind=b`: both would silently drop a filter the client asked for.
"""

from __future__ import annotations

import functools
from types import NoneType
from typing import Any

from litestar import Request
from litestar.handlers import HTTPRouteHandler

from service.errors import InvalidParameterError


def strict_query(request: Request[Any, Any, Any]) -> None:
    """`before_request` hook: refuse repeated parameters and `null` where a value is typed."""
    seen: set[str] = set()
    for name, value in request.query_params.multi_items():
        if name in seen:
            raise InvalidParameterError(name, "given more than once")
        seen.add(name)
        if value == "null" and name in _typed_optional_parameters(request.route_handler):
            raise InvalidParameterError(name, "'null' is not a value; omit the parameter")


@functools.cache
def _typed_optional_parameters(handler: HTTPRouteHandler) -> frozenset[str]:
    """Optional parameters of the handler whose type is not text (enums, dates, numbers)."""
    names = set()
    for name, field in handler.parsed_fn_signature.parameters.items():
        types = {t.annotation for t in field.inner_types} or {field.annotation}
        if field.is_optional and str not in types - {NoneType}:
            names.add(name)
    return frozenset(names)
