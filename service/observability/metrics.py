"""Prometheus metrics, in a registry of each app's own (no process-global state)."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, InfoMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import QueuePool

from service.response_cache.store import ResponseCache

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


class Metrics:
    def __init__(self, engine: AsyncEngine, seeds_file: Path, cache: ResponseCache) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "growth_atlas_http_requests",
            "HTTP requests answered, by route template and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "growth_atlas_http_request_duration_seconds",
            "Time from request to the end of the response, by route template.",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.in_flight = Gauge(
            "growth_atlas_http_requests_in_flight",
            "Requests being answered now.",
            registry=self.registry,
        )
        self.schema_revision = Gauge(
            "growth_atlas_schema_revision_info",
            "The Alembic revision the database is at (1 for the current one).",
            ["revision"],
            registry=self.registry,
        )
        self.registry.register(_PoolCollector(engine))
        self.registry.register(_SeedCollector(seeds_file))
        self.registry.register(_ResponseCacheCollector(cache))

    def observe(self, method: str, route: str, status: int, duration: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(duration)

    def set_schema_revision(self, revision: str) -> None:
        self.schema_revision.clear()
        self.schema_revision.labels(revision).set(1)


class _PoolCollector(Collector):
    """Connections in use and idle, read from the pool at scrape time."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.pool = engine.sync_engine.pool

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "growth_atlas_db_pool_connections",
            "Database connections of this process, by state.",
            labels=["state"],
        )
        if isinstance(self.pool, QueuePool):
            family.add_metric(["in_use"], self.pool.checkedout())
            family.add_metric(["idle"], self.pool.checkedin())
        yield family


class _ResponseCacheCollector(Collector):
    """Whether the response cache serves, what it holds and how often it answered."""

    def __init__(self, cache: ResponseCache) -> None:
        self.cache = cache

    def collect(self) -> Iterator[GaugeMetricFamily | CounterMetricFamily]:
        cache = self.cache
        prefix = "growth_atlas_response_cache"
        yield GaugeMetricFamily(
            f"{prefix}_enabled",
            "1 while the cache may answer (on PostgreSQL: while change notifications arrive).",
            value=int(cache.enabled),
        )
        yield GaugeMetricFamily(
            f"{prefix}_bytes", "Memory held by cached answers.", value=cache.size
        )
        answers = CounterMetricFamily(
            f"{prefix}_lookups", "Cache lookups, by outcome.", labels=["outcome"]
        )
        answers.add_metric(["hit"], cache.hits)
        answers.add_metric(["miss"], cache.misses)
        yield answers


class _SeedCollector(Collector):
    """Which curated seed this build carries: the digest of its facts file."""

    def __init__(self, seeds_file: Path) -> None:
        self.seeds_file = seeds_file

    @functools.cached_property
    def labels(self) -> dict[str, str]:
        try:
            digest = hashlib.sha256(self.seeds_file.read_bytes()).hexdigest()[:16]
        except OSError:
            digest = "unavailable"  # serving does not need the seed files; seeding does
        return {"facts_sha256": digest}

    def collect(self) -> Iterator[InfoMetricFamily]:
        yield InfoMetricFamily("growth_atlas_seed", "The seed facts this build loads.", self.labels)
