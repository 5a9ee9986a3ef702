"""Checks every fact of the seed file against its article before anything is written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import msgspec
import yaml

from service.numbers import stated_values
from service.seeding.facts import ObservationFact, QuoteRef, SeedFacts


class SeedError(ValueError):
    """The seed file is wrong; the message lists every bad fact by name. Nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("seed facts rejected:\n" + "\n".join(f"  - {p}" for p in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Span:
    source: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class VerifiedSeed:
    """The facts, the article texts, and each quote resolved to its span."""

    facts: SeedFacts
    texts: dict[str, str]
    spans: dict[QuoteRef, Span]
    region_paths: dict[str, str]


def read_facts(seeds_dir: Path) -> SeedFacts:
    raw = yaml.safe_load((seeds_dir / "facts.yaml").read_text(encoding="utf-8"))
    try:
        return msgspec.convert(raw, SeedFacts)
    except msgspec.ValidationError as exc:
        raise SeedError([f"facts.yaml: {exc}"]) from None


def verify(seeds_dir: Path) -> VerifiedSeed:
    """Read and check the whole seed; raise `SeedError` naming every fact that fails."""
    facts = read_facts(seeds_dir)
    texts = {s.id: (seeds_dir / s.file).read_text(encoding="utf-8") for s in facts.sources}
    checker = _Checker(texts)
    checker.check_references(facts)
    checker.check_constraints(facts)
    spans = {ref: span for name, ref in _quotes(facts) if (span := checker.span(name, ref))}
    for observation in facts.observations:
        checker.check_observation(observation)
    paths = checker.region_paths(facts)
    if checker.problems:
        raise SeedError(checker.problems)
    return VerifiedSeed(facts=facts, texts=texts, spans=spans, region_paths=paths)


def _quotes(facts: SeedFacts) -> Iterable[tuple[str, QuoteRef]]:
    """Every citation in the file, named the way an error message should name it."""
    for region in facts.regions:
        yield from ((f"region {region.id!r}", ref) for ref in region.citations)
    for org in facts.organizations:
        yield from ((f"organization {org.id!r}", ref) for ref in org.citations)
    for link in facts.organization_regions:
        yield f"link {link.organization!r} {link.role} {link.region!r}", link.citation
    for rel in facts.relations:
        yield f"relation {rel.subject!r} {rel.kind} {rel.object!r}", rel.citation
    for obs in facts.observations:
        yield f"observation {obs.id!r}", obs.citation


class _Checker:
    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.problems: list[str] = []

    def span(self, name: str, ref: QuoteRef) -> Span | None:
        """Where the quote stands in its source: found verbatim, and only once unless `start`."""
        text = self.texts.get(ref.source)
        if text is None:
            self.problems.append(f"{name}: unknown source {ref.source!r}")
            return None
        if ref.start is not None:
            start = ref.start if text[ref.start : ref.start + len(ref.quote)] == ref.quote else -1
        else:
            start = text.find(ref.quote)
            if start >= 0 and text.find(ref.quote, start + 1) >= 0:
                self.problems.append(f"{name}: quote occurs more than once; give its start")
                return None
        if start < 0 or not ref.quote:
            self.problems.append(f"{name}: quote not found verbatim in {ref.source!r}")
            return None
        return Span(ref.source, start, start + len(ref.quote), ref.quote)

    def check_observation(self, obs: ObservationFact) -> None:
        name = f"observation {obs.id!r}"
        quote = obs.citation.quote
        if obs.as_reported not in quote:
            self.problems.append(f"{name}: as_reported {obs.as_reported!r} is not in its quote")
        elif obs.value not in stated_values(obs.as_reported):
            self.problems.append(
                f"{name}: value {obs.value:g} is not stated by {obs.as_reported!r}"
            )
        if obs.period_as_reported and obs.period_as_reported not in quote:
            self.problems.append(f"{name}: period_as_reported is not in its quote")
        if (obs.region is None) == (obs.organization is None):
            self.problems.append(f"{name}: needs exactly one of region and organization")
        if obs.period_start and obs.period_end and obs.period_start > obs.period_end:
            self.problems.append(f"{name}: period_start is after period_end")

    def check_references(self, facts: SeedFacts) -> None:
        ids = {
            "source": _unique(self, "source", (s.id for s in facts.sources)),
            "region": _unique(self, "region", (r.id for r in facts.regions)),
            "organization": _unique(self, "organization", (o.id for o in facts.organizations)),
            "indicator": _unique(self, "indicator", (i.id for i in facts.indicators)),
        }
        _unique(self, "observation", (o.id for o in facts.observations))
        refs: list[tuple[str, str, str | None]] = []
        refs += [(f"region {r.id!r}", "region", r.parent) for r in facts.regions]
        for link in facts.organization_regions:
            name = f"link {link.organization!r} {link.role} {link.region!r}"
            refs += [(name, "organization", link.organization), (name, "region", link.region)]
        for rel in facts.relations:
            name = f"relation {rel.subject!r} {rel.kind} {rel.object!r}"
            refs += [(name, "organization", rel.subject), (name, "organization", rel.object)]
        for obs in facts.observations:
            name = f"observation {obs.id!r}"
            refs += [(name, "indicator", obs.indicator), (name, "region", obs.region)]
            refs += [(name, "organization", obs.organization)]
        for name, kind, ref in refs:
            if ref is not None and ref not in ids[kind]:
                self.problems.append(f"{name}: unknown {kind} {ref!r}")

    def check_constraints(self, facts: SeedFacts) -> None:
        """What the database would refuse, said here by fact rather than as an IntegrityError."""
        links = facts.organization_regions
        hq = Counter(link.organization for link in links if link.role == "headquarters")
        self.problems += [
            f"organization {o!r}: several headquarters" for o, n in hq.items() if n > 1
        ]
        holders: dict[str, list[str]] = {}
        for region in facts.regions:
            if region.iso_3166:
                holders.setdefault(region.iso_3166, []).append(region.id)
        self.problems += [
            f"iso_3166 {code!r}: given to several regions ({', '.join(ids)})"
            for code, ids in holders.items()
            if len(ids) > 1
        ]
        self.problems += [
            f"relation {r.subject!r} {r.kind} {r.object!r}: relates an organization to itself"
            for r in facts.relations
            if r.subject == r.object
        ]

    def region_paths(self, facts: SeedFacts) -> dict[str, str]:
        """Materialised paths ("china/hunan/changsha"); a parent cycle is an error."""
        parents = {r.id: r.parent for r in facts.regions}
        paths: dict[str, str] = {}
        for region_id in parents:
            chain = [region_id]
            while (parent := parents.get(chain[-1])) is not None and parent not in chain:
                chain.append(parent)
            if parent is not None:
                self.problems.append(f"region {region_id!r}: parent chain loops back on itself")
            paths[region_id] = "/".join(reversed(chain))
        return paths


def _unique(checker: _Checker, kind: str, ids: Iterable[str]) -> set[str]:
    counts = Counter(ids)
    checker.problems += [
        f"{kind} {i!r}: id used more than once" for i, n in counts.items() if n > 1
    ]
    return set(counts)
