"""The cached answers themselves: bounded in bytes, least recently used out first.

Correctness rests on two rules. The cache is *enabled* only while something guarantees that every
change of the data reaches `invalidate` (on PostgreSQL, a live LISTEN for the change triggers;
see listener.py), and an answer is stored only if no invalidation happened since its request
began (`generation`): a read that raced a write can never be stored after the write's
invalidation and outlive it.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# What a stored answer costs beyond its body and headers (the entry, its key, dict slots).
ENTRY_OVERHEAD_BYTES = 512
# No single answer may take more than this share of the cache, so one large page cannot evict
# every small one.
LARGEST_ENTRY_SHARE = 16

Key = tuple[str, bytes, str]
Header = tuple[bytes, bytes]


@dataclass(frozen=True, slots=True)
class CachedResponse:
    headers: Sequence[Header]
    body: bytes
    stored_at: float
    route: str
    """The route that answered (its path template), for the metrics of a cached answer."""

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(n) + len(v) for n, v in self.headers) + ENTRY_OVERHEAD_BYTES


class ResponseCache:
    """`max_bytes` of answers, each served for at most `max_age` seconds."""

    def __init__(
        self, max_bytes: int, max_age: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_bytes = max_bytes
        self.max_age = max_age
        self._clock = clock
        self._entries: OrderedDict[Key, CachedResponse] = OrderedDict()
        self._bytes = 0
        self.enabled = False
        self.generation = 0
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        return self._bytes

    def get(self, key: Key) -> CachedResponse | None:
        if not self.enabled:
            return None
        entry = self._entries.get(key)
        if entry is None or self._clock() - entry.stored_at >= self.max_age:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry

    def put(
        self,
        key: Key,
        headers: Sequence[Header],
        body: bytes,
        generation: int,
        route: str = "",
    ) -> None:
        """Keep an answer computed since `generation`; ignored if the data changed meanwhile."""
        if not self.enabled or generation != self.generation:
            return
        entry = CachedResponse(tuple(headers), body, self._clock(), route)
        if entry.size > self.max_bytes // LARGEST_ENTRY_SHARE:
            return
        self._remove(key)
        self._entries[key] = entry
        self._bytes += entry.size
        while self._bytes > self.max_bytes:
            self._remove(next(iter(self._entries)))

    def invalidate(self) -> None:
        """The data changed: forget every answer, and refuse those computed before now."""
        self.generation += 1
        self._entries.clear()
        self._bytes = 0

    def enable(self) -> None:
        self.invalidate()
        self.enabled = True

    def disable(self) -> None:
        self.enabled = False
        self.invalidate()

    def _remove(self, key: Key) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= entry.size
