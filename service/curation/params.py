"""Request headers of the write operations, declared so that the contract documents them."""

from __future__ import annotations

from typing import Annotated

from litestar.params import HeaderParameter

IfMatch = Annotated[
    str | None,
    HeaderParameter(
        name="If-Match",
        description=(
            "The `ETag` of the resource as last read. Required: without it the answer is 428, "
            "and 412 when the resource changed since."
        ),
        max_length=1024,
    ),
]
IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(
        name="Idempotency-Key",
        description=(
            "A key of your choosing (a UUID, say): a retry with the same key and body replays "
            "the first response without writing again; the same key with another body is a 422."
        ),
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]+$",
    ),
]
