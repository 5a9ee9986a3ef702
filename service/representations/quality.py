"""The one reading of a q-value, for `Accept` and `Accept-Encoding` alike (RFC 9110 12.4.2)."""

from __future__ import annotations


def q_value(parameters: list[str]) -> float | None:
    """The `q` among an element's parameters, 1 when it has none; None when the value is not a
    number from 0 to 1, which voids the element: the client is read as not having listed it."""
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                found = float(value.strip())
            except ValueError:
                return None
            return found if 0 <= found <= 1 else None
    return 1.0
