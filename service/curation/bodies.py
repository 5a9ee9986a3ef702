"""Request bodies of writes: JSON by its media type, decoded strictly against the write's Struct.

Litestar reads a body into plain Python objects and then converts them with msgspec's lenient
rules (meant for query strings), so `"value": "8"` became the number 8 and a body nested a few
thousand levels deep overflowed the interpreter's stack while being read. This check runs first,
as a guard: it decodes the body once against the handler's own type with `strict=True`, which
refuses a string for a number and stops at the first level the schema does not allow, so depth
is bounded by the schema and nothing deep is ever built.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Any

import msgspec
from litestar import Request
from litestar.connection import ASGIConnection
from litestar.handlers.base import BaseRouteHandler

from schemas.problems import InvalidParam
from service.errors import DomainError

JSON_MEDIA_TYPE = "application/json"
# msgspec's strict refusal of a float where an int belongs (`int`, `int | null`, ...).
_INTEGRAL_FLOAT = re.compile(r"^Expected `[^`]*\bint\b[^`]*`, got `float`")


class UnsupportedMediaType(DomainError):
    status = HTTPStatus.UNSUPPORTED_MEDIA_TYPE

    def __init__(self, sent: str | None) -> None:
        sent_as = f"{sent!r}" if sent else "no Content-Type"
        super().__init__(
            f"The body must be JSON sent with `Content-Type: {JSON_MEDIA_TYPE}`; "
            f"this request has {sent_as}."
        )


class InvalidBody(DomainError):
    def __init__(self, field: str, reason: str) -> None:
        name = field or "body"
        super().__init__(
            f"Invalid body field {name!r}: {reason}",
            [InvalidParam(name=name, location="body", reason=reason)],
        )


async def json_body(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """Guard of writes that take a body: 415 unless it is JSON, 400 unless it fits the schema."""
    data = handler.parsed_data_field
    if data is None:
        return
    content_type = connection.headers.get("content-type")
    if not is_json(content_type):
        raise UnsupportedMediaType(content_type)
    assert isinstance(connection, Request)  # HTTP handlers' guards are given the request
    body = await connection.body()
    try:
        msgspec.json.decode(body, type=data.annotation, strict=True)
    except msgspec.ValidationError as exc:
        if not _INTEGRAL_FLOAT.match(str(exc)):
            raise InvalidBody(*_located(str(exc))) from None
        _check_with_integral_floats(body, data.annotation)
    except msgspec.DecodeError:
        raise InvalidBody("", "not valid JSON") from None


def _check_with_integral_floats(body: bytes, data_type: Any) -> None:
    """The strict check again, with `3877.0` read as the integer it is.

    JSON Schema (and so the contract) counts a number with a zero fraction as an integer, and
    clients may write one so; strictness is about strings and booleans posing as numbers. The
    body is read untyped this once: msgspec's own depth limit ends anything too deep.
    """
    try:
        value = msgspec.json.decode(body)
    except RecursionError:
        raise InvalidBody("", "nested too deeply") from None
    try:
        msgspec.convert(_integral_floats_as_ints(value), data_type, strict=True)
    except msgspec.ValidationError as exc:
        raise InvalidBody(*_located(str(exc))) from None


def _integral_floats_as_ints(value: Any) -> Any:
    """`value` with each float without a fraction made an int; walked without recursion."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    stack = [value] if isinstance(value, dict | list) else []
    while stack:
        node = stack.pop()
        for key, item in list(node.items() if isinstance(node, dict) else enumerate(node)):
            if isinstance(item, float) and item.is_integer():
                node[key] = int(item)
            elif isinstance(item, dict | list):
                stack.append(item)
    return value


def is_json(content_type: str | None) -> bool:
    """`application/json`, with or without parameters (`; charset=utf-8`), in any letter case."""
    if content_type is None:
        return False
    return content_type.partition(";")[0].strip().lower() == JSON_MEDIA_TYPE


def _located(message: str) -> tuple[str, str]:
    """msgspec's "Expected `int`, got `str` - at `$.value`" as ("value", "Expected ...")."""
    reason, _, path = message.rpartition(" - at `$")
    if not reason:
        return "", message
    return path.rstrip("`").lstrip("."), reason
