"""Seed facts as table rows: one function per table, in the shape `sa.insert` takes."""

from __future__ import annotations

from typing import Any

from service.regions.queries import search_text
from service.seeding.facts import QuoteRef, SeedFacts
from service.seeding.verify import VerifiedSeed

Row = dict[str, Any]
CitationIds = dict[QuoteRef, int]


def sources(seed: VerifiedSeed) -> list[Row]:
    return [
        {
            "id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "published_on": s.published_on,
            "authors": s.authors,
            "url": s.url,
            "language": s.language,
            "text": seed.texts[s.id],
        }
        for s in seed.facts.sources
    ]


def citations(seed: VerifiedSeed) -> list[Row]:
    spans = {(s.source, s.start, s.end): s.quote for s in seed.spans.values()}
    return [
        {"source_id": source, "start": start, "end": end, "quote": quote}
        for (source, start, end), quote in spans.items()
    ]


def regions(seed: VerifiedSeed) -> list[Row]:
    """Parents before children, so the foreign key holds at every insert."""
    paths = seed.region_paths
    ordered = sorted(seed.facts.regions, key=lambda r: paths[r.id].count("/"))
    return [
        {
            "id": r.id,
            "name": r.name,
            "kind": r.kind,
            "parent_id": r.parent,
            "path": paths[r.id],
            "aliases": r.aliases,
            "iso_3166": r.iso_3166,
            "search_text": search_text(r.name, r.aliases),
        }
        for r in ordered
    ]


def organizations(facts: SeedFacts) -> list[Row]:
    return [
        {
            "id": o.id,
            "name": o.name,
            "short_name": o.short_name,
            "kind": o.kind,
            "description": o.description,
            "aliases": o.aliases,
            "search_text": search_text(o.name, [o.short_name or "", *o.aliases]),
        }
        for o in facts.organizations
    ]


def sectors(facts: SeedFacts) -> list[Row]:
    return [
        {"organization_id": o.id, "sector": sector}
        for o in facts.organizations
        for sector in o.sectors
    ]


def organization_regions(facts: SeedFacts, cite: CitationIds) -> list[Row]:
    return [
        {
            "organization_id": link.organization,
            "region_id": link.region,
            "role": link.role,
            "citation_id": cite[link.citation],
        }
        for link in facts.organization_regions
    ]


def relations(facts: SeedFacts, cite: CitationIds) -> list[Row]:
    return [
        {
            "subject_id": r.subject,
            "kind": r.kind,
            "object_id": r.object,
            "citation_id": cite[r.citation],
        }
        for r in facts.relations
    ]


def region_citations(facts: SeedFacts, cite: CitationIds) -> list[Row]:
    return [
        {"region_id": r.id, "citation_id": cite[ref]} for r in facts.regions for ref in r.citations
    ]


def organization_citations(facts: SeedFacts, cite: CitationIds) -> list[Row]:
    return [
        {"organization_id": o.id, "citation_id": cite[ref]}
        for o in facts.organizations
        for ref in o.citations
    ]


def indicators(facts: SeedFacts) -> list[Row]:
    return [
        {"id": i.id, "name": i.name, "description": i.description, "unit": i.unit}
        for i in facts.indicators
    ]


def observations(facts: SeedFacts, cite: CitationIds) -> list[Row]:
    return [
        {
            "id": o.id,
            "indicator_id": o.indicator,
            "region_id": o.region,
            "organization_id": o.organization,
            "period_start": o.period_start,
            "period_end": o.period_end,
            "period_label": o.period_label,
            "value": o.value,
            "comparator": o.comparator,
            "as_reported": o.as_reported,
            "citation_id": cite[o.citation],
        }
        for o in facts.observations
    ]
