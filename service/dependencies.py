"""Dependencies resolved one after another, rather than in a task group per request.

Litestar resolves the dependencies of one level of the graph concurrently, in an anyio task
group, whenever there are two or more (a read handler's `db` and `representation`). None of the
service's dependencies waits on anything when it is resolved (`db` opens its connection on
first use), so concurrency gains nothing, while the task group (its tasks, events and cancel
scope) cost about a fifth of the CPU of a one-item GET (py-spy, benchmarks/profile.py). Resolved
in turn, each dependency still sees those of the levels before it, as Litestar guarantees.
"""

from __future__ import annotations

from typing import Any

from litestar._kwargs.cleanup import DependencyCleanupGroup
from litestar._kwargs.dependencies import resolve_dependency
from litestar._kwargs.kwargs_model import KwargsModel
from litestar.connection import ASGIConnection


async def _resolve_in_turn(
    self: KwargsModel, connection: ASGIConnection[Any, Any, Any, Any], kwargs: dict[str, Any]
) -> DependencyCleanupGroup:
    cleanup_group = DependencyCleanupGroup()
    for batch in self.dependency_batches:
        for dependency in batch:
            await resolve_dependency(dependency, connection, kwargs, cleanup_group)
    return cleanup_group


def resolve_dependencies_in_turn() -> None:
    """Install the resolution in turn (idempotent: every app of the process shares it)."""
    KwargsModel.resolve_dependencies = _resolve_in_turn  # type: ignore[method-assign]
