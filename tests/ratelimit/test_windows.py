"""Fixed one-minute windows: counts per bucket, and a fresh count when the minute turns."""

from __future__ import annotations

from service.ratelimit.counters import MemoryCounter, Window


def test_a_window_says_how_long_until_it_resets() -> None:
    assert Window.at(120.0) == Window(index=2, resets_in=60)
    assert Window.at(179.2) == Window(index=2, resets_in=1)
    assert Window.at(150.5) == Window(index=2, resets_in=30)


async def test_buckets_count_apart() -> None:
    counter = MemoryCounter()
    window = Window.at(1_000.0)
    assert [await counter.hit("addr:a", window) for _ in range(3)] == [1, 2, 3]
    assert await counter.hit("addr:b", window) == 1


async def test_the_next_window_starts_from_zero() -> None:
    counter = MemoryCounter()
    for _ in range(5):
        await counter.hit("addr:a", Window.at(1_000.0))
    assert await counter.hit("addr:a", Window.at(1_021.0)) == 1
