"""SQL for search: one ranked, keyset-paged UNION over regions, organizations and indicators.

Regions and organizations match on `search_text` (name, short name and aliases, case-folded,
one per line). On PostgreSQL its `LIKE '%q%'` is answered from the trigram GIN index (for
texts of three characters or more; shorter ones, and any text on SQLite, scan the table).
Indicators are few and have no aliases: they match on `lower(name)` without an index.

A hit ranks 0 when a term equals the text, 1 when a term starts with it, 2 when a term only
contains it; the newlines framing each term make "term equals" and "term starts with" plain
LIKE patterns over the same column.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from msgspec import Meta
from sqlalchemy import ColumnElement, case, func, literal, select, tuple_, union_all
from sqlmodel import col

from schemas.search import MatchKind, SearchHit, SearchKind
from schemas.types import Slug
from service.db.connection import Database
from service.db.tables import Indicator, Organization, Region
from service.pagination import Key, KeyShape
from service.search.folding import fold

KINDS: tuple[SearchKind, ...] = ("region", "organization", "indicator")
MATCHES: tuple[MatchKind, ...] = ("exact", "prefix", "contains")
_ESCAPE = "/"
# What a search cursor holds: (rank, kind, id), as `Found.key` makes it.
SEARCH_KEY = KeyShape(
    tuple[
        Annotated[int, Meta(ge=0, le=len(MATCHES) - 1)],
        Annotated[int, Meta(ge=0, le=len(KINDS) - 1)],
        Slug,
    ]
)


@dataclass(frozen=True, slots=True)
class Found:
    """A hit as the database ranks it: (rank, kind, id) is its keyset position."""

    rank: int
    kind_order: int
    id: str
    name: str

    @property
    def key(self) -> Key:
        return (self.rank, self.kind_order, self.id)


def _escaped(text: str) -> str:
    return (
        text.replace(_ESCAPE, _ESCAPE * 2).replace("%", _ESCAPE + "%").replace("_", _ESCAPE + "_")
    )


def _rank(terms: Any, text: str) -> ColumnElement[int]:
    """0, 1 or 2 for `terms`, a newline-separated, case-folded column."""
    framed = literal("\n") + terms + literal("\n")
    escaped = _escaped(text)
    return case(
        (framed.like(f"%\n{escaped}\n%", escape=_ESCAPE), 0),
        (framed.like(f"%\n{escaped}%", escape=_ESCAPE), 1),
        else_=2,
    )


def _hits(kind_order: int, id_column: Any, name: Any, terms: Any, text: str) -> Any:
    return select(
        _rank(terms, text).label("rank"),
        literal(kind_order).label("kind_order"),
        id_column.label("id"),
        name.label("name"),
    ).where(terms.contains(text, autoescape=True))


async def search(
    db: Database, text: str, kind: SearchKind | None, after: Key | None, limit: int
) -> list[Found]:
    """Hits for `text` (already folded), best first, after the keyset position `after`."""
    parts = {
        "region": _hits(0, col(Region.id), col(Region.name), col(Region.search_text), text),
        "organization": _hits(
            1,
            col(Organization.id),
            col(Organization.name),
            col(Organization.search_text),
            text,
        ),
        "indicator": _hits(
            2, col(Indicator.id), col(Indicator.name), func.lower(col(Indicator.name)), text
        ),
    }
    chosen = [parts[kind]] if kind else list(parts.values())
    hits = union_all(*chosen).subquery()
    order = (hits.c.rank, hits.c.kind_order, hits.c.id)
    stmt = select(hits).order_by(*order).limit(limit)
    if after is not None:
        stmt = stmt.where(tuple_(*order) > tuple_(*(literal(value) for value in after)))
    rows = await db.execute(stmt)
    return [Found(rank=r[0], kind_order=r[1], id=r[2], name=r[3]) for r in rows]


async def terms_of(db: Database, found: Sequence[Found]) -> dict[tuple[int, str], list[str]]:
    """Each hit's terms as written: name, short name, aliases (indicators: the name)."""
    ids: defaultdict[int, list[str]] = defaultdict(list)
    for hit in found:
        ids[hit.kind_order].append(hit.id)
    terms: dict[tuple[int, str], list[str]] = {}
    if ids[0]:
        regions = select(col(Region.id), col(Region.name), col(Region.aliases))
        for rid, name, aliases in await db.execute(regions.where(col(Region.id).in_(ids[0]))):
            terms[(0, rid)] = [name, *aliases]
    if ids[1]:
        organizations = select(
            col(Organization.id),
            col(Organization.name),
            col(Organization.short_name),
            col(Organization.aliases),
        )
        for oid, name, short, aliases in await db.execute(
            organizations.where(col(Organization.id).in_(ids[1]))
        ):
            terms[(1, oid)] = [name, *([short] if short else []), *aliases]
    for hit in found:
        terms.setdefault((hit.kind_order, hit.id), [hit.name])
    return terms


def hit_of(found: Found, terms: Sequence[str], text: str) -> SearchHit:
    """The wire hit, naming the first term (name first) that matches as well as the rank says."""
    match = MATCHES[found.rank]
    return SearchHit(
        kind=KINDS[found.kind_order],
        id=found.id,
        name=found.name,
        match=match,
        matched=next((t for t in terms if _matches(fold(t), text, match)), found.name),
    )


def _matches(term: str, text: str, match: MatchKind) -> bool:
    if match == "exact":
        return term == text
    if match == "prefix":
        return term.startswith(text)
    return text in term
