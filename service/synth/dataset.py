"""A deterministic, realistic synthetic dataset, generated in chunks so memory stays bounded.

Regions form a deep tree (country > province > city > district > ...), organizations are spread
over it, and every observation is stated by a generated sentence of a generated source, so its
citation holds exactly as the seeded ones do: `source.text[start:end] == quote`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from service.search.folding import fold

Row = dict[str, Any]

KINDS_BY_DEPTH = ("country", "province", "prefecture_city", "district")
SECTORS = (
    "construction-machinery", "battery-materials", "chemicals", "photonics", "logistics",
    "semiconductors", "rail-transit-equipment", "aerospace", "biomedicine", "software",
)  # fmt: skip
SYLLABLES = (
    "an", "bei", "chang", "da", "feng", "gu", "hai", "heng", "jin", "kai", "lan", "ling",
    "ming", "nan", "ping", "qing", "ran", "sha", "tai", "wu", "xiang", "yang", "yue", "zhou",
)  # fmt: skip
# (id, name, unit, low, high, words for the sentence)
INDICATORS = (
    ("synth-gdp", "Gross domestic product", "CNY", 1e9, 9e11, "total economic output"),
    ("synth-rd-share", "R&D expenditure share of GDP", "percent", 0.5, 6.0, "R&D spending share"),
    ("synth-exports", "Exports", "CNY", 1e8, 9e10, "exports"),
    ("synth-high-tech-firms", "High-tech firms", "count", 10, 5000, "number of high-tech firms"),
    ("synth-revenue", "Revenue", "CNY", 1e7, 9e10, "revenue"),
    ("synth-employees", "Employees", "count", 50, 90000, "workforce"),
)
ORGANIZATION_INDICATORS = ("synth-revenue", "synth-employees", "synth-exports")
REGION_INDICATORS = ("synth-gdp", "synth-rd-share", "synth-exports", "synth-high-tech-firms")
SENTENCES_PER_SOURCE = 200
FIRST_YEAR = 2000


@dataclass(frozen=True, slots=True)
class SynthSpec:
    regions: int
    organizations: int
    observations: int
    seed: int = 1
    # Ids start after these, so a second dataset can sit beside the first.
    citation_id_offset: int = 0


@dataclass
class Chunk:
    """Rows for each table, in insertion order (sources before the citations that cite them)."""

    tables: dict[str, list[Row]] = field(default_factory=dict)

    def add(self, table: str, row: Row) -> None:
        self.tables.setdefault(table, []).append(row)


def generate(spec: SynthSpec, chunk_size: int = 20_000) -> Iterator[Chunk]:
    """The whole dataset as a stream of chunks of at most about `chunk_size` observations."""
    rng = random.Random(spec.seed)  # noqa: S311  (reproducible data, not secrets)
    regions = _regions(rng, spec.regions)
    yield _indicator_chunk()
    yield _region_chunk(regions)
    organizations = _organizations(rng, spec.organizations, regions)
    citation_ids = iter(range(spec.citation_id_offset + 1, 2**62))
    yield from _organization_chunks(spec.seed, organizations, regions, citation_ids)
    yield from _observation_chunks(rng, spec, regions, organizations, citation_ids, chunk_size)


@dataclass(frozen=True, slots=True)
class _Region:
    id: str
    name: str
    kind: str
    parent_id: str | None
    path: str


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _regions(rng: random.Random, count: int) -> list[_Region]:
    """A tree about eight regions wide at each level, as deep as `count` needs."""
    regions: list[_Region] = []
    frontier: list[_Region | None] = [None]
    while len(regions) < count:
        parent = frontier.pop(0)
        depth = 0 if parent is None else parent.path.count("/") + 1
        for _ in range(8 if parent else max(1, min(count // 100, 20))):
            if len(regions) >= count:
                break
            name = _name(rng)
            region_id = f"{name.lower()}-{len(regions) + 1}"
            path = region_id if parent is None else f"{parent.path}/{region_id}"
            kind = KINDS_BY_DEPTH[min(depth, len(KINDS_BY_DEPTH) - 1)]
            region = _Region(region_id, name, kind, parent.id if parent else None, path)
            regions.append(region)
            frontier.append(region)
    return regions


def _organizations(rng: random.Random, count: int, regions: list[_Region]) -> list[Row]:
    organizations: list[Row] = []
    for number in range(1, count + 1):
        name = f"{_name(rng)} {rng.choice(('Industries', 'Technology', 'Group', 'Materials'))}"
        organizations.append(
            {
                "id": f"{name.lower().replace(' ', '-')}-{number}",
                "name": f"{name} Co., Ltd.",
                "short_name": name,
                "kind": "company",
                "description": None,
                "aliases": [],
                "search_text": fold(f"{name} co., ltd.\n{name}"),
                "_sector": rng.choice(SECTORS),
                "_region": rng.choice(regions).id,
            }
        )
    return organizations


def _indicator_chunk() -> Chunk:
    chunk = Chunk()
    for indicator_id, name, unit, *_rest in INDICATORS:
        chunk.add(
            "indicators",
            {"id": indicator_id, "name": name, "description": f"{name} (synthetic).", "unit": unit},
        )
    return chunk


def _region_chunk(regions: list[_Region]) -> Chunk:
    chunk = Chunk()
    for r in regions:
        chunk.add(
            "regions",
            {
                "id": r.id,
                "name": r.name,
                "kind": r.kind,
                "parent_id": r.parent_id,
                "path": r.path,
                "aliases": [],
                "iso_3166": None,
                "search_text": fold(r.name),
            },
        )
    return chunk


def _organization_chunks(
    seed: int, organizations: list[Row], regions: list[_Region], citation_ids: Iterator[int]
) -> Iterator[Chunk]:
    """Organizations, with a registry source whose sentences cite where each is based."""
    names = {r.id: r.name for r in regions}
    for first in range(0, len(organizations), SENTENCES_PER_SOURCE):
        chunk = Chunk()
        source_id = f"synth-{seed}-registry-{first // SENTENCES_PER_SOURCE + 1}"
        sentences: list[str] = []
        offset = 0
        for org in organizations[first : first + SENTENCES_PER_SOURCE]:
            sentence = f"{org['name']} is based in {names[org['_region']]}."
            citation = _citation(next(citation_ids), source_id, offset, sentence)
            chunk.add("citations", citation)
            chunk.add("organizations", {k: v for k, v in org.items() if not k.startswith("_")})
            chunk.add(
                "organization_sectors", {"organization_id": org["id"], "sector": org["_sector"]}
            )
            chunk.add(
                "organization_citations",
                {"organization_id": org["id"], "citation_id": citation["id"]},
            )
            chunk.add(
                "organization_regions",
                {
                    "organization_id": org["id"],
                    "region_id": org["_region"],
                    "role": "headquarters",
                    "citation_id": citation["id"],
                },
            )
            sentences.append(sentence)
            offset += len(sentence) + 1
        chunk.tables["sources"] = [_source(source_id, sentences)]
        yield chunk


def _citation(citation_id: int, source_id: str, start: int, sentence: str) -> Row:
    return {
        "id": citation_id,
        "source_id": source_id,
        "start": start,
        "end": start + len(sentence),
        "quote": sentence,
    }


def _observation_chunks(
    rng: random.Random,
    spec: SynthSpec,
    regions: list[_Region],
    organizations: list[Row],
    citation_ids: Iterator[int],
    chunk_size: int,
) -> Iterator[Chunk]:
    indicators = {i[0]: i for i in INDICATORS}
    made = 0
    source_number = 0
    chunk = Chunk()
    while made < spec.observations:
        source_number += 1
        source_id = f"synth-{spec.seed}-source-{source_number}"
        sentences: list[str] = []
        offset = 0
        for _ in range(min(SENTENCES_PER_SOURCE, spec.observations - made)):
            made += 1
            row, sentence = _observation(rng, spec.seed, made, regions, organizations, indicators)
            citation = _citation(next(citation_ids), source_id, offset, sentence)
            chunk.add("citations", citation)
            chunk.add("observations", {**row, "citation_id": citation["id"]})
            sentences.append(sentence)
            offset += len(sentence) + 1
        chunk.tables.setdefault("sources", []).append(_source(source_id, sentences))
        if len(chunk.tables["observations"]) >= chunk_size:
            yield chunk
            chunk = Chunk()
    if chunk.tables:
        yield chunk


def _observation(
    rng: random.Random,
    seed: int,
    number: int,
    regions: list[_Region],
    organizations: list[Row],
    indicators: dict[str, tuple[Any, ...]],
) -> tuple[Row, str]:
    about_region = not organizations or rng.random() < 0.7
    if about_region:
        region = rng.choice(regions)
        subject_id, subject_name = region.id, region.name
        indicator_id = rng.choice(REGION_INDICATORS)
    else:
        org = rng.choice(organizations)
        subject_id, subject_name = org["id"], org["short_name"]
        indicator_id = rng.choice(ORGANIZATION_INDICATORS)
    _, _, unit, low, high, words = indicators[indicator_id]
    year = FIRST_YEAR + rng.randrange(25)
    value, as_reported = _value(rng, unit, low, high)
    sentence = f"In {year}, the {words} of {subject_name} reached {as_reported}."
    row = {
        "id": f"synth-{seed}-obs-{number}",
        "indicator_id": indicator_id,
        "region_id": subject_id if about_region else None,
        "organization_id": None if about_region else subject_id,
        "period_start": dt.date(year, 1, 1),
        "period_end": dt.date(year, 12, 31),
        "period_label": str(year),
        "value": value,
        "comparator": "eq",
        "as_reported": as_reported,
    }
    return row, sentence


def _value(rng: random.Random, unit: str, low: float, high: float) -> tuple[float, str]:
    if unit == "CNY":
        billions = round(rng.uniform(low, high) / 1e9, 2)
        return billions * 1e9, f"{billions} billion yuan"
    if unit == "percent":
        share = round(rng.uniform(low, high), 1)
        return share, f"{share} percent"
    count = rng.randint(int(low), int(high))
    return float(count), f"{count}"


def _source(source_id: str, sentences: list[str]) -> Row:
    return {
        "id": source_id,
        "title": f"Synthetic report {source_id}",
        "publisher": "Growth Atlas synthetic data",
        "published_on": None,
        "authors": [],
        "url": None,
        "language": "en",
        "text": " ".join(sentences),
    }
