"""`updated_since` on lists: the rows written at or after a moment."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement, bindparam

from service.db.clock import as_utc
from service.errors import InvalidParameterError

SINCE_PARAMETER = "updated_since"


def parse_since(value: str | None) -> dt.datetime | None:
    """The `updated_since` parameter as a UTC moment; anything but RFC 3339 is a 400.

    Parsed here rather than by the framework, whose lax parsing reads `0.5` as a timestamp.
    """
    if value is None:
        return None
    try:
        return as_utc(dt.datetime.fromisoformat(value))
    except ValueError:
        raise InvalidParameterError(SINCE_PARAMETER, "not an RFC 3339 date and time") from None


def updated_since(column: Any) -> ColumnElement[bool]:
    """`column >= :updated_since`, typed so that SQLite compares its stored text form."""
    return sa.and_(column >= bindparam(SINCE_PARAMETER, type_=sa.DateTime(timezone=True)))
