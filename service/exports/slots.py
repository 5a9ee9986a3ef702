"""How many exports one process streams at once: beyond the bound, 503 with `Retry-After`.

An export holds a connection of the exports' own pool and a share of the event loop for as long
as its client reads; bounding them keeps both for everything else the process serves.
"""

from __future__ import annotations

import weakref
from collections.abc import AsyncIterator, Callable
from http import HTTPStatus

from service.errors import DomainError
from service.exports.streams import Turns

# An export takes seconds to minutes; asking again sooner would mostly be refused again.
RETRY_AFTER_SECONDS = 10


class ExportsBusy(DomainError):
    status = HTTPStatus.SERVICE_UNAVAILABLE

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"This server already streams {limit} exports, its limit; "
            f"retry in {RETRY_AFTER_SECONDS} s."
        )
        self.headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}


class ExportSlots:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.active = 0
        self.turns = Turns()
        """Whose turn it is to build and encode a slice on the event loop."""

    def take(self) -> Callable[[], None]:
        """A slot, or `ExportsBusy`; returns what gives it back (harmless to call twice)."""
        if self.active >= self.limit:
            raise ExportsBusy(self.limit)
        self.active += 1
        given_back = False

        def give_back() -> None:
            nonlocal given_back
            if not given_back:
                given_back = True
                self.active -= 1

        return give_back


class Holding:
    """`body`, giving its slot back when it ends, fails, or is dropped unfinished (a client
    that went away before the first byte, so the stream never started)."""

    def __init__(self, body: AsyncIterator[bytes], give_back: Callable[[], None]) -> None:
        self._body = body
        self._give_back = weakref.finalize(self, give_back)

    def __aiter__(self) -> Holding:
        return self

    async def __anext__(self) -> bytes:
        try:
            return await anext(self._body)
        except BaseException:
            self._give_back()
            raise
