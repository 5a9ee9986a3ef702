"""Every number in every article is either an observation or deliberately left out, with a reason.

A token is covered by an observation when it lies inside the observation's `as_reported` or
`period_as_reported`, located inside its citation quote, located in the article; or by an
`unquantified_numbers` entry of that source whose `number` is the token (any case) and whose
`context`, found exactly once in the article, contains it.
"""

from __future__ import annotations

from dataclasses import dataclass

import msgspec
import pytest

from service.numbers import NumberToken, number_tokens
from service.seeding.facts import QuoteRef, SeedFacts, SourceFact, UnquantifiedNumber
from service.seeding.verify import read_facts
from tests.conftest import SEEDS_DIR

FACTS: SeedFacts = read_facts(SEEDS_DIR)


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def holds(self, token: NumberToken) -> bool:
        return self.start <= token.start and token.end <= self.end


def article(source: SourceFact) -> str:
    return (SEEDS_DIR / source.file).read_text(encoding="utf-8")


def quote_start(text: str, ref: QuoteRef) -> int:
    start = text.find(ref.quote) if ref.start is None else ref.start
    assert text[start : start + len(ref.quote)] == ref.quote, f"quote not in article: {ref.quote!r}"
    return start


def observation_spans(facts: SeedFacts, source: SourceFact, text: str) -> list[Span]:
    spans = []
    for obs in facts.observations:
        if obs.citation.source != source.id:
            continue
        base = quote_start(text, obs.citation)
        for words in filter(None, [obs.as_reported, obs.period_as_reported]):
            offset = obs.citation.quote.find(words)
            assert offset >= 0, f"observation {obs.id!r}: {words!r} is not in its quote"
            spans.append(Span(base + offset, base + offset + len(words)))
    return spans


def entries(facts: SeedFacts, source: SourceFact) -> list[UnquantifiedNumber]:
    return [entry for entry in facts.unquantified_numbers if entry.source == source.id]


def context_span(text: str, entry: UnquantifiedNumber) -> Span:
    count = text.count(entry.context)
    assert count == 1, f"context {entry.context!r} occurs {count} times in {entry.source!r}"
    start = text.index(entry.context)
    return Span(start, start + len(entry.context))


def covers(entry: UnquantifiedNumber, span: Span, token: NumberToken) -> bool:
    return token.text.casefold() == entry.number.casefold() and span.holds(token)


def uncovered(facts: SeedFacts, source: SourceFact, text: str) -> list[NumberToken]:
    observed = observation_spans(facts, source, text)
    ignored = [(entry, context_span(text, entry)) for entry in entries(facts, source)]
    return [
        token
        for token in number_tokens(text)
        if not any(span.holds(token) for span in observed)
        and not any(covers(entry, span, token) for entry, span in ignored)
    ]


def surroundings(text: str, token: NumberToken, width: int = 40) -> str:
    before = text[max(0, token.start - width) : token.start]
    after = text[token.end : token.end + width]
    return f"...{before}[{token.text}]{after}...".replace("\n", " ")


SOURCES = pytest.mark.parametrize("source", FACTS.sources, ids=lambda s: s.id)


@SOURCES
def test_every_number_in_the_article_is_covered(source: SourceFact) -> None:
    text = article(source)
    assert number_tokens(text), f"{source.id}: no number tokens at all; is the article empty?"
    missing = uncovered(FACTS, source, text)
    assert not missing, f"{source.id}: {len(missing)} number(s) neither observed nor " + (
        "listed in unquantified_numbers:\n"
        + "\n".join(f"  {t.text!r} at {t.start}: {surroundings(text, t)}" for t in missing)
    )


@SOURCES
def test_every_unquantified_entry_covers_a_number(source: SourceFact) -> None:
    """No stale ignore entries: each one still names a number in its context, with a reason."""
    text = article(source)
    tokens = number_tokens(text)
    stale = []
    for entry in entries(FACTS, source):
        assert entry.reason.strip(), f"{entry.number!r} in {entry.context!r} has no reason"
        span = context_span(text, entry)
        if not any(covers(entry, span, token) for token in tokens):
            stale.append(f"  {entry.number!r} in {entry.context!r}")
    assert not stale, f"{source.id}: entries that cover no number token:\n" + "\n".join(stale)


def test_unquantified_entries_name_known_sources() -> None:
    known = {source.id for source in FACTS.sources}
    assert {entry.source for entry in FACTS.unquantified_numbers} <= known


ARTICLE_001 = next(s for s in FACTS.sources if s.id == "xiangjiang-new-area-innovation")


def test_an_observation_taken_away_exposes_its_numbers() -> None:
    """The rule has teeth: without the 2023 GDP fact, its value and period are reported."""
    observations = [o for o in FACTS.observations if o.id != "xiangjiang-new-area-gdp-2023"]
    facts = msgspec.structs.replace(FACTS, observations=observations)
    missing = uncovered(facts, ARTICLE_001, article(ARTICLE_001))
    assert [t.text for t in missing] == ["450", "billion", "2023"]


def test_an_unquantified_entry_taken_away_exposes_its_number() -> None:
    kept = [e for e in FACTS.unquantified_numbers if e.number != "22.22"]
    facts = msgspec.structs.replace(FACTS, unquantified_numbers=kept)
    missing = uncovered(facts, ARTICLE_001, article(ARTICLE_001))
    assert [t.text for t in missing] == ["22.22"]
