"""The one base of every wire Struct."""

from __future__ import annotations

import msgspec


class WireStruct(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """Keyword-only, immutable, and strict: an unknown field in a request body is an error."""
