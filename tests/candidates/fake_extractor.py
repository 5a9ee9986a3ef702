"""A stand-in extractor with known answers, so the curation flow is tested on its own.

It finds a fixed list of phrases in the text and proposes each as a fact, with the sentence
around it as the citation, exactly as the real extractor's contract says.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from schemas.extraction import (
    EntityRead,
    ExtractionRead,
    FactRead,
    IndicatorRef,
    SpanQuote,
    SubjectRead,
)
from service.extraction.gazetteer import Gazetteer

ARTICLE = (
    "Changsha keeps growing.\n\n"
    "Changsha's GDP reached 1.5 trillion yuan in 2023, up 4.8 percent year on year. "
    "Zoomlion sold its machines in more than 140 countries and regions. "
    "Huaxin Robotics employs about 1,200 people.\n"
)


@dataclass(frozen=True)
class Known:
    """A fact the fake reads: its words, its subject (by name) and its indicator."""

    as_reported: str
    value: float
    unit: str
    comparator: str
    subject: str
    subject_kind: str
    subject_id: str | None
    indicator_id: str | None
    indicator_name: str
    period: tuple[str, str, str] | None = ("2023-01-01", "2023-12-31", "2023")


FACTS = (
    Known("1.5 trillion yuan", 1.5, "CNY_trillion", "eq", "Changsha", "region", "changsha",
          "gdp", "Gross domestic product"),
    Known("4.8 percent", 4.8, "percent", "eq", "Changsha", "region", "changsha",
          None, "GDP growth"),
    Known("more than 140", 140, "count", "gt", "Zoomlion", "organization", "zoomlion",
          "countries-and-regions-served", "Countries and regions served", None),
    Known("about 1,200", 1200, "count", "approx", "Huaxin Robotics", "organization", None,
          None, "Employees", None),
)  # fmt: skip

# A sentence ends at a full stop followed by a space or the end ("1.5" goes on).
_SENTENCE = re.compile(r"\S[^\n]*?\.(?=\s|$)")
_UNITS = {"CNY_trillion": ("CNY", 1e12), "percent": ("percent", 1.0), "count": ("count", 1.0)}


@dataclass
class FakeExtractor:
    """Callable as `service.extraction.extract`; remembers the gazetteers it was given."""

    version: str = "fake-1"
    facts: tuple[Known, ...] = FACTS
    gazetteers: list[Gazetteer] = field(default_factory=list)

    def __call__(
        self, text: str, published_on: dt.date | None, gazetteer: Gazetteer
    ) -> ExtractionRead:
        self.gazetteers.append(gazetteer)
        found = [(known, text.find(known.as_reported)) for known in self.facts]
        facts = [_fact(text, known, at) for known, at in found if at >= 0]
        entities = [
            EntityRead(
                kind=fact.subject.kind,
                id=fact.subject.id,
                name=fact.subject.name,
                start=fact.subject.start,
                end=fact.subject.end,
                suggested_kind=None if fact.subject.id else "company",
            )
            for fact in facts
        ]
        return ExtractionRead(
            extractor=self.version, quantities=[], entities=entities, facts=facts, ignored=[]
        )


def _fact(text: str, known: Known, at: int) -> FactRead:
    start, end = next(s.span() for s in _SENTENCE.finditer(text) if s.start() <= at < s.end())
    subject_at = text.find(known.subject, start)
    unit_base, scale = _UNITS[known.unit]
    period: dict[str, Any] = {"period_start": None, "period_end": None, "period_label": None}
    if known.period:
        first, last, label = known.period
        period = {
            "period_start": dt.date.fromisoformat(first),
            "period_end": dt.date.fromisoformat(last),
            "period_label": label,
        }
    return FactRead(
        start=at,
        end=at + len(known.as_reported),
        value=known.value,
        unit=known.unit,
        unit_base=unit_base,
        unit_scale=scale,
        comparator=known.comparator,  # type: ignore[arg-type]
        as_reported=known.as_reported,
        subject=SubjectRead(
            kind=known.subject_kind,  # type: ignore[arg-type]
            id=known.subject_id,
            name=known.subject,
            start=subject_at,
            end=subject_at + len(known.subject),
        ),
        indicator=IndicatorRef(id=known.indicator_id, name=known.indicator_name),
        **period,
        citation=SpanQuote(quote=text[start:end], start=start, end=end),
        confidence=0.9,
    )
