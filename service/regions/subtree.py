"""Region subtrees by materialised path, in SQL whose plan does not depend on the parameters.

`path LIKE :p || '/%'` uses the path index only when PostgreSQL plans it for a known `:p`, so
every execution would be planned again. The same set written as a byte-wise range,
`path ~>=~ :p || '/' AND path ~<~ :p || '0'` ('0' follows '/'), is an index range for any
`:p`, so a prepared statement keeps one plan. SQLite compares text byte-wise anyway.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ColumnElement, String, and_, bindparam, literal, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import col

from service.db.connection import Database, Prepared
from service.db.tables import Region


class _TextAtLeast(FunctionElement[bool]):
    """`a >= b`, comparing text byte by byte (not by the database's collation)."""

    type = Boolean()
    inherit_cache = True
    # A comparison: SQLite would otherwise get `(a >= b) = 1`, which no index serves.
    _is_implicitly_boolean = True


class _TextBelow(FunctionElement[bool]):
    """`a < b`, comparing text byte by byte."""

    type = Boolean()
    inherit_cache = True
    _is_implicitly_boolean = True


def _binary(element: FunctionElement[bool], compiler: SQLCompiler, op: str, **kw: Any) -> str:
    left, right = element.clauses
    # Parenthesised: PostgreSQL gives `~>=~` the precedence of `||`, left to right.
    return f"({compiler.process(left, **kw)}) {op} ({compiler.process(right, **kw)})"


@compiles(_TextAtLeast)
def _at_least(element: _TextAtLeast, compiler: SQLCompiler, **kw: Any) -> str:
    return _binary(element, compiler, ">=", **kw)


@compiles(_TextBelow)
def _below(element: _TextBelow, compiler: SQLCompiler, **kw: Any) -> str:
    return _binary(element, compiler, "<", **kw)


@compiles(_TextAtLeast, "postgresql")
def _at_least_pg(element: _TextAtLeast, compiler: SQLCompiler, **kw: Any) -> str:
    return _binary(element, compiler, "~>=~", **kw)


@compiles(_TextBelow, "postgresql")
def _below_pg(element: _TextBelow, compiler: SQLCompiler, **kw: Any) -> str:
    return _binary(element, compiler, "~<~", **kw)


def within(path: Any, top: Any) -> ColumnElement[bool]:
    """`path` is `top` or below it; both are SQL expressions (columns or parameters)."""
    return or_(
        path == top,
        and_(_TextAtLeast(path, top + "/"), _TextBelow(path, top + "0")),
    )


def subtree_of(path: str) -> ColumnElement[bool]:
    """Regions at `path` or below it."""
    return within(col(Region.path), literal(path, String()))


# Ids of the regions of a subtree (its root included), given the root's id. The root's path
# is a scalar subquery, so the range is an index condition (not a join filter).
_ROOT_PATH = (
    select(col(Region.path)).where(col(Region.id) == bindparam("region_id")).scalar_subquery()
)
SUBTREE_IDS = select(col(Region.id)).where(within(col(Region.path), _ROOT_PATH))
_SOME_SUBTREE_IDS = Prepared(SUBTREE_IDS.limit(bindparam("at_most")))


async def subtree_ids(db: Database, region_id: str, at_most: int) -> list[str]:
    """Up to `at_most` ids of the regions in the subtree of `region_id` (none if unknown)."""
    rows = await db.rows(_SOME_SUBTREE_IDS, {"region_id": region_id, "at_most": at_most})
    return [row[0] for row in rows]
