"""The response cache's store: bounded, dropped on change, never keeping a raced answer."""

from __future__ import annotations

from service.response_cache.store import ENTRY_OVERHEAD_BYTES, LARGEST_ENTRY_SHARE, ResponseCache

HEADERS = ((b"content-type", b"application/json"),)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def enabled_cache(max_bytes: int = 1 << 20, clock: Clock | None = None) -> ResponseCache:
    cache = ResponseCache(max_bytes, max_age=60, clock=clock or Clock())
    cache.enable()
    return cache


def key(path: str) -> tuple[str, bytes, str]:
    return path, b"", ""


def test_a_stored_answer_is_served_until_the_data_changes() -> None:
    cache = enabled_cache()
    cache.put(key("/v1/regions/hunan"), HEADERS, b"{}", cache.generation)

    served = cache.get(key("/v1/regions/hunan"))
    cache.invalidate()

    assert served is not None
    assert served.body == b"{}"
    assert cache.get(key("/v1/regions/hunan")) is None


def test_an_answer_computed_before_a_change_is_not_kept() -> None:
    cache = enabled_cache()
    started = cache.generation
    cache.invalidate()  # a write commits while the read is under way

    cache.put(key("/v1/regions/hunan"), HEADERS, b"{}", started)

    assert cache.get(key("/v1/regions/hunan")) is None


def test_a_disabled_cache_neither_serves_nor_keeps() -> None:
    cache = enabled_cache()
    cache.put(key("/a"), HEADERS, b"{}", cache.generation)
    cache.disable()
    cache.put(key("/b"), HEADERS, b"{}", cache.generation)

    assert (cache.get(key("/a")), cache.get(key("/b")), len(cache)) == (None, None, 0)


def test_the_least_recently_used_answer_goes_first_when_full() -> None:
    body = b"x" * 1000
    entry_size = len(body) + sum(len(n) + len(v) for n, v in HEADERS) + ENTRY_OVERHEAD_BYTES
    cache = enabled_cache(max_bytes=entry_size * LARGEST_ENTRY_SHARE)
    for n in range(LARGEST_ENTRY_SHARE):
        cache.put(key(f"/{n}"), HEADERS, body, cache.generation)
    assert cache.get(key("/0")) is not None  # /0 is now the most recently used

    cache.put(key("/new"), HEADERS, body, cache.generation)

    assert cache.get(key("/1")) is None
    assert cache.get(key("/0")) is not None
    assert cache.size <= cache.max_bytes


def test_an_answer_larger_than_its_share_is_not_kept() -> None:
    cache = enabled_cache(max_bytes=LARGEST_ENTRY_SHARE * 1024)
    cache.put(key("/big"), HEADERS, b"x" * 1024, cache.generation)
    assert cache.get(key("/big")) is None


def test_an_answer_older_than_the_maximum_age_is_not_served() -> None:
    clock = Clock()
    cache = enabled_cache(clock=clock)
    cache.put(key("/a"), HEADERS, b"{}", cache.generation)

    clock.now = cache.max_age

    assert cache.get(key("/a")) is None
