"""PATCH bodies: only the fields a client sent are applied."""

from __future__ import annotations

from typing import Any

from msgspec import UNSET, Struct


def sent_fields(patch: Struct) -> dict[str, Any]:
    """The fields of `patch` that were in the request body (null included), by name."""
    return {
        name: value
        for name in patch.__struct_fields__
        if (value := getattr(patch, name)) is not UNSET
    }
