"""What each page's template receives: reads through the queries, shaped by the views."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from schemas.citations import Citation
from service.db.connection import Database
from service.organizations import queries as organizations
from service.organizations.queries import OrganizationFilters
from service.pages import queries, views
from service.regions import queries as regions
from service.search import queries as search
from service.search.folding import fold
from service.sources import queries as sources

# What one page lists at most; beyond it the page says so and the JSON API pages on.
LISTED = 200
SEARCH_HITS = 50


async def home(db: Database) -> dict[str, Any]:
    rows = await queries.region_tree(db)
    return {
        "sources": await sources.list_sources(db, None, LISTED),
        "tree": views.tree(rows),
        "tree_truncated": len(rows) >= queries.MAX_TREE,
    }


async def search_results(db: Database, q: str | None) -> dict[str, Any]:
    text = fold(q or "").strip()  # as the search API folds it
    if not text:
        return {"q": q or "", "hits": [], "more": False}
    found = await search.search(db, text, None, None, SEARCH_HITS + 1)
    shown = found[:SEARCH_HITS]
    terms = await search.terms_of(db, shown)
    hits = [search.hit_of(f, terms[(f.kind_order, f.id)], text) for f in shown]
    return {"q": q, "hits": hits, "more": len(found) > SEARCH_HITS}


async def source(db: Database, source_id: str) -> dict[str, Any]:
    found = await sources.get_source(db, source_id)
    facts = await queries.facts_citing(db, source_id)
    named = await queries.names_in_source(db, source_id, found.text)
    return {
        "source": found,
        "article": views.article(found.text, facts, named),
        "facts": [views.view_of(fact) for fact in facts],
    }


async def region(db: Database, region_id: str) -> dict[str, Any]:
    found = await regions.get_region(db, region_id)
    facts = await queries.facts_about(db, "region", region_id)
    located = OrganizationFilters(region=region_id)
    return {
        "region": found,
        "ancestors": await regions.list_ancestors(db, region_id),
        "children": await regions.list_children(db, region_id, None, LISTED),
        "organizations": await organizations.list_organizations(db, located, None, LISTED),
        "facts": [views.view_of(fact) for fact in facts],
        "facts_truncated": len(facts) >= queries.MAX_FACTS,
        "charts": views.charts(facts),
        "named_in": await _named_in(db, found.citations),
    }


async def organization(db: Database, organization_id: str) -> dict[str, Any]:
    found = await organizations.get_organization(db, organization_id)
    facts = await queries.facts_about(db, "organization", organization_id)
    others = {r.subject for r in found.relations} | {r.object for r in found.relations}
    named = await queries.names_of(db, [link.region for link in found.regions], others)
    return {
        "organization": found,
        "names": {(item.kind, item.id): item.names[0] for item in named},
        "facts": [views.view_of(fact) for fact in facts],
        "facts_truncated": len(facts) >= queries.MAX_FACTS,
        "charts": views.charts(facts),
        "named_in": await _named_in(db, found.citations),
    }


async def _named_in(db: Database, citations: Iterable[Citation]) -> list[tuple[str, str]]:
    return await queries.source_titles(db, {citation.source for citation in citations})
