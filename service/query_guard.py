"""Query strings are read strictly: known parameters, each once, and no `null` for "absent".

Litestar ignores unknown parameters (`?kindd=country` would list every region), reads
`?kind=null` as None for an optional enum or date (msgspec's lax conversion), and keeps the last
of `?kind=a&kind=b`: each would silently drop a filter the client meant to apply.
"""

from __future__ import annotations

from types import NoneType
from typing import Any

from litestar import Litestar, Request
from litestar.handlers import HTTPRouteHandler
from litestar.openapi.spec import Parameter

from service.errors import InvalidParameterError


class StrictQuery:
    """`before_request` hook: refuse unknown or repeated parameters, and `null` where a value is
    typed. One per app: what it works out from the app's routes it keeps for the next request."""

    def __init__(self) -> None:
        self._documented: dict[tuple[str, str], frozenset[str]] | None = None
        self._typed_optional: dict[HTTPRouteHandler, frozenset[str]] = {}

    async def __call__(self, request: Request[Any, Any, Any]) -> None:
        if not request.scope["query_string"]:
            return  # no parameters, nothing to refuse
        known = self._documented_parameters(request.app).get(
            (request.method, request.scope.get("path_template", ""))
        )
        typed_optional = self._typed_optional_parameters(request.route_handler)
        seen: set[str] = set()
        for name, value in request.query_params.multi_items():
            if known is not None and name not in known:
                raise InvalidParameterError(name, "not a parameter of this operation")
            if name in seen:
                raise InvalidParameterError(name, "given more than once")
            seen.add(name)
            if value == "null" and name in typed_optional:
                raise InvalidParameterError(name, "'null' is not a value; omit the parameter")

    def _documented_parameters(self, app: Litestar) -> dict[tuple[str, str], frozenset[str]]:
        """The query parameters the contract gives each operation; routes outside it are not
        checked."""
        if self._documented is None:
            self._documented = _query_parameters_of(app)
        return self._documented

    def _typed_optional_parameters(self, handler: HTTPRouteHandler) -> frozenset[str]:
        """Optional parameters of the handler whose type is not text (enums, dates, numbers)."""
        if handler not in self._typed_optional:
            names = set()
            for name, field in handler.parsed_fn_signature.parameters.items():
                types = {t.annotation for t in field.inner_types} or {field.annotation}
                if field.is_optional and str not in types - {NoneType}:
                    names.add(name)
            self._typed_optional[handler] = frozenset(names)
        return self._typed_optional[handler]


def _query_parameters_of(app: Litestar) -> dict[tuple[str, str], frozenset[str]]:
    found = {}
    for path, item in (app.openapi_schema.paths or {}).items():
        for method in ("get", "post", "put", "patch", "delete"):
            operation = getattr(item, method, None)
            if operation is not None:
                names = {
                    p.name
                    for p in operation.parameters or []
                    if isinstance(p, Parameter) and p.param_in == "query"
                }
                found[(method.upper(), path)] = frozenset(names)
    return found
