"""Facts: a quantity stated about a region or organization, in a period, with its sentence.

The subject is the name nearest before the number that is not the object of a preposition
("Zoomlion, based in Changsha, reported ..." is about Zoomlion); "it", "its", "the company" or
"the area" stand for the subject of the sentence before. The period is the one named just after
the number ("450 billion yuan in 2023"), else the one the sentence opens with ("In 2023, ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.entities import Mention
from service.extraction.indicators import VERBS
from service.extraction.periods import Period
from service.extraction.quantities import Quantity

# Words that stand for a subject named before; the kind they may stand for (None: either).
ANAPHORS = re.compile(
    r"\b(?P<pronoun>[Ii]ts?|[Tt]heir)\b|\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?P<noun>company|firm|group|"
    r"enterprise|corporation|automaker|carmaker|maker|manufacturer|producer|bank|giant|"
    r"operator|developer|port|city|province|area|new\s+area|region|county|district|zone|park|"
    r"country|municipality|prefecture|state)\b(?!\s+of\b)"
)
ANAPHOR_KINDS = dict.fromkeys(
    "company firm group enterprise corporation automaker carmaker maker "
    "manufacturer producer bank giant operator developer port".split(),
    "organization",
)
# Nouns for a large region: when the sentence names none, they mean the article's lead region
# ("Texas exported ... The state added ..."), not the city named last.
LEAD_REGION_NOUNS = frozenset({"province", "state", "country", "region"})
PREPOSITIONS = frozenset(
    "in of from to with at into across by for on between among near around within throughout "
    "including than like via toward towards outside inside under over across".split()
)
# Words between a preposition and a name that keep it the object: "in central China".
_MODIFIERS = frozenset(
    "the a an central southern northern eastern western northwest northeast southwest "
    "southeast east west north south neighbouring neighboring".split()
)
# "Munich-based Siemens": the place only qualifies the name after it.
_QUALIFIER_AFTER = re.compile(r"-?(?:based|headquartered)\b")
# "a factory in Rayong, Thailand": the country after a governed place is governed too.
_GOVERNED_PLACE = re.compile(
    r"\b(?:in|at|from|to|of|near)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*,\s*$"
)
# A quantity set off by a comma right after a name describes that name.
_APPOSITION = re.compile(r",\s*$")
_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|their|our|his|her)\s+$")
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?$")
_POSSESSOR_GAP = re.compile(r"^[\u2019']s\s+$")
_PREVIOUS_WORDS = re.compile(r"([\w\u2019'-]+)\W*$")
_MAX_PERIOD_GAP_WORDS = 10
# Words that open another clause: "2,500 people when it opens in 2026" dates the opening.
_CLAUSE_WORDS = frozenset(
    {"when", "once", "after", "before", "until", "if", "which", "that", "who"}
)
_PRESENT = re.compile(r"\b(?:now|currently|at\s+present|to\s+date|so\s+far)\b")
CONFIDENCE = {
    "before": 0.9, "anaphor": 0.85, "object": 0.75, "after": 0.7, "after_object": 0.6,
    "topic": 0.5,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mention that may be a fact's subject: `as_object` when a preposition governs it."""

    mention: Mention
    start: int
    end: int
    as_object: bool
    anaphor: bool = False


@dataclass(frozen=True, slots=True)
class Subject:
    mention: Mention
    confidence: float


def candidates(
    text: str, start: int, end: int, mentions: list[Mention], topic: dict[str | None, Mention]
) -> list[Candidate]:
    """The mentions and resolved anaphors of `text[start:end]`, in text order.

    `topic` holds the last subject overall (key None) and of each kind, from earlier sentences.
    """
    named = [m for m in mentions if start <= m.start and m.end <= end]
    found: list[Candidate] = []
    for mention in named:
        as_object = _governed(text, start, mention.start, found)
        as_object = as_object or bool(_QUALIFIER_AFTER.match(text, mention.end))
        # "its Hefei innovation hub": a place that only says where the subject's hub is.
        as_object = as_object or (
            mention.kind == "region" and bool(_POSSESSIVE_BEFORE.search(text, start, mention.start))
        )
        if found and _POSSESSOR_GAP.match(text[found[-1].end : mention.start]):
            if found[-1].mention.kind != "region":
                continue  # "the BSBM's Changsha base": the base belongs to the BSBM
            # "south China's Guangxi": the country only places the region named after it.
            as_object = found.pop().as_object
        found.append(Candidate(mention, mention.start, mention.end, as_object))
    for match in ANAPHORS.finditer(text, start, end):
        if any(c.start < match.end() and match.start() < c.end and not c.as_object for c in found):
            continue  # "The Shenzhen-based automaker" stands for a company; Shenzhen only places it
        resolved = _antecedent(match, found, topic)
        if resolved is not None:
            as_object = _governed(text, start, match.start(), found)
            found.append(Candidate(resolved, match.start(), match.end(), as_object, anaphor=True))
            found.sort(key=lambda c: c.start)
    return found


def _governed(text: str, sentence_start: int, position: int, before: list[Candidate]) -> bool:
    """Whether a preposition governs the name at `position`, directly or through a list."""
    if before and _LIST_GAP.match(text[before[-1].end : position]):
        return before[-1].as_object  # "in Southeast Asia, Central Asia and Africa"
    if _GOVERNED_PLACE.search(text, max(sentence_start, position - 60), position):
        return True
    words = re.findall(r"[\w\u2019'-]+", text[max(sentence_start, position - 40) : position])
    for word in reversed(words[-3:]):
        lower = word.lower()
        if lower in PREPOSITIONS:
            return True
        if lower not in _MODIFIERS:
            return False
    return False


def _antecedent(
    match: re.Match[str], before: list[Candidate], topic: dict[str | None, Mention]
) -> Mention | None:
    """What "it" or "the area" stands for: the sentence's subject so far, else the topic."""
    noun = None if match["noun"] is None else match["noun"].split()[-1]
    kind = None if noun is None else ANAPHOR_KINDS.get(noun, "region")
    for candidate in reversed(before):
        compatible = kind is None or candidate.mention.kind == kind
        if candidate.start < match.start() and not candidate.as_object and compatible:
            return candidate.mention
    if noun in LEAD_REGION_NOUNS:
        named = topic.get(f"named {noun}") or topic.get("lead")
        if named is not None:
            return named  # "the province" is the last region named a province, else the lead
    return topic.get(kind)


def subject_of(
    text: str, quantity: Quantity, found: list[Candidate], topic: dict[str | None, Mention]
) -> Subject | None:
    """The subject of `quantity` among its sentence's candidates, else the article's topic."""
    outside = [c for c in found if c.end <= quantity.start or c.start >= quantity.end]
    before = [c for c in outside if c.end <= quantity.start]
    if before and _APPOSITION.match(text, before[-1].end, quantity.start):
        return Subject(before[-1].mention, CONFIDENCE["before"])  # "Shanshan, one of the top 500"
    subject_before = [c for c in before if not c.as_object]
    if subject_before:
        chosen = subject_before[-1]
        return Subject(chosen.mention, CONFIDENCE["anaphor" if chosen.anaphor else "before"])
    if before:
        return Subject(before[-1].mention, CONFIDENCE["object"])
    after = [c for c in outside if c.start >= quantity.end]
    named_after = [c for c in after if not c.as_object]
    if named_after:
        return Subject(named_after[0].mention, CONFIDENCE["after"])
    if topic.get(None) is not None:
        return Subject(topic[None], CONFIDENCE["topic"])
    if after:
        return Subject(after[0].mention, CONFIDENCE["after_object"])
    return None


def update_topic(found: list[Candidate], topic: dict[str | None, Mention]) -> None:
    """Remember what the sentence is about: its first name not governed by a preposition,
    overall (key None), for each kind, and the article's first region ("lead")."""
    subjects = [candidate.mention for candidate in found if not candidate.as_object]
    if subjects:
        topic[None] = subjects[0]
    for kind in ("region", "organization"):
        of_kind = [mention for mention in subjects if mention.kind == kind]
        if of_kind:
            topic[kind] = of_kind[0]
    if "lead" not in topic and "region" in topic:
        topic["lead"] = topic["region"]
    for candidate in found:
        for noun in LEAD_REGION_NOUNS:
            if not candidate.anaphor and noun in candidate.mention.looks_like:
                topic[f"named {noun}"] = candidate.mention


def period_of(text: str, quantity: Quantity, periods: list[Period]) -> Period | None:
    """The period named just after the quantity, else the nearest named before it."""
    dated = [period for period in periods if not period.event]
    for period in dated:
        if period.start >= quantity.end and _close(text[quantity.end : period.start]):
            return period
    earlier = [period for period in dated if period.end <= quantity.start]
    if not earlier or _PRESENT.search(text, earlier[-1].end, quantity.start):
        return None  # "last year ..., and the company now operates six plants"
    return earlier[-1]


def _close(gap: str) -> bool:
    """Whether the words between a number and a period still bind them (no verb between)."""
    outside_brackets = re.sub(r"\([^)]*\)", " ", gap)
    words = re.findall(r"[A-Za-z\u2019'-]+", outside_brackets)
    # A comma starts another clause: "3,000 engineers, and plans ... 40 models by 2030".
    if len(words) > _MAX_PERIOD_GAP_WORDS or ";" in gap or re.search(r",\s", outside_brackets):
        return False
    # A capitalised word is a name ("United States"), not a verb in the past tense.
    return not any(
        word.lower() in VERBS
        or word.lower() in _CLAUSE_WORDS
        or (word.islower() and word.endswith("ed"))
        for word in words
    )
