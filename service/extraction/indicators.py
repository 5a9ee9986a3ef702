"""Indicators: what a quantity measures, an existing indicator where one fits, else a name.

An existing indicator is suggested when the text uses one of its common phrases (`METRICS`:
"total economic output" is `gdp`) or shares most of its name's words with the words around the
number; otherwise the indicator is proposed under the text's own phrase ("overseas offices").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Final

from service.extraction.gazetteer import KnownIndicator, KnownWords
from service.extraction.words import STOPWORDS
from service.units import unit_base

# Phrases of economic news and the indicator they name, most specific first; one line each.
METRICS: Final[tuple[tuple[str, str, str], ...]] = (
    (r"per\s+capita\s+(?:GDP|gross\s+domestic\s+product)|(?:GDP|gross\s+domestic\s+product)\s+"
     r"per\s+capita", "gdp-per-capita", "GDP per capita"),
    (r"gross domestic product|GDP|(?:total\s+)?economic\s+output|economic\s+aggregate|"
     r"gross\s+regional\s+product|GRP", "gdp", "gross domestic product"),
    (r"foreign\s+trade|total\s+(?:value\s+of\s+)?imports?\s+and\s+exports?|imports?\s+and\s+"
     r"exports?|import\s+and\s+export\s+(?:volume|value)", "foreign-trade", "foreign trade"),
    (r"R&D\s+(?:investment|expenditure|spending|input)|(?:investment|expenditure|spending)\s+"
     r"(?:on|in)\s+R&D|research\s+and\s+development\s+(?:spending|expenditure|investment)",
     "rd-expenditure", "R&D expenditure"),
    (r"overseas\s+(?:revenue|sales|income)", "overseas-revenue", "overseas revenue"),
    (r"exports?", "exports", "exports"),
    (r"imports?", "imports", "imports"),
    (r"(?:operating|sales|business)\s+(?:revenue|income)|revenue|turnover", "revenue", "revenue"),
    (r"net\s+profits?|profits?", "net-profit", "net profit"),
    (r"(?:total\s+)?(?:industrial\s+)?output\s+value", "output-value", "output value"),
    (r"industrial\s+(?:output|production)", "industrial-output", "industrial output"),
    (r"fixed[-\s]asset\s+investment", "fixed-asset-investment", "fixed-asset investment"),
    (r"(?:total\s+)?retail\s+sales(?:\s+of\s+consumer\s+goods)?", "retail-sales", "retail sales"),
    (r"(?:actual(?:ly)?\s+(?:use|used|utilized)\s+(?:of\s+)?)?foreign\s+(?:direct\s+)?"
     r"investment|FDI|foreign\s+capital", "foreign-direct-investment", "foreign direct investment"),
    (r"(?:industrial\s+)?added\s+value|value[-\s]added", "added-value", "added value"),
    (r"(?:per\s+capita\s+)?disposable\s+income", "per-capita-disposable-income",
     "per capita disposable income"),
    (r"population|permanent\s+residents", "population", "population"),
    (r"high-tech\s+(?:enterprises|firms|companies)", "high-tech-enterprises",
     "high-tech enterprises"),
    (r"unemployment\s+rate", "unemployment-rate", "unemployment rate"),
    (r"installed\s+capacity", "installed-capacity", "installed capacity"),
    (r"investment", "investment", "investment"),
)  # fmt: skip
# One pattern for all: at each position the first metric listed wins ("overseas revenue" over
# "revenue"), and the text is scanned once.
# A word of every metric phrase above: where none occurs, no metric is named.
_METRIC_WORD: Final = re.compile(
    "gdp|grp|output|aggregate|product|trade|import|export|r&d|research|revenue|sales|income|"
    "turnover|profit|value|investment|fdi|capital|population|residents|high-tech|unemployment|"
    "capacity"
)
# Lower-casing a pattern must not turn an escape such as \S into another (\s).
assert not any(re.search(r"\\[A-Z]", pattern) for pattern, _, _ in METRICS)
# Matched on lower-cased text with a case-sensitive pattern: a search then skips quickly to
# where a metric can start, which an IGNORECASE pattern cannot.
# The look-behind first: a metric starts a word, and trying every metric only where a word
# starts is five times faster than at every character.
# Each metric's group is empty, after its phrase: only which group matched last is read, and a
# branch that starts with a letter (not a group) is skipped at once where that letter is not.
_METRIC: Final = re.compile(
    r"(?<![^\W_])(?<!-)(?=[a-z])(?:"
    + "|".join(
        f"(?:{pattern.lower()})(?P<m{index}>)" for index, (pattern, _, _) in enumerate(METRICS)
    )
    + ")"
)
# Words that make a percentage a rate of change: "exports rose 8 percent".
GROWTH_WORDS: Final = frozenset(
    "rose grew increased up growth increase expanded climbed jumped surged gained fell dropped "
    "declined down decreased decline shrank".split()
)
_MATCH_THRESHOLD: Final = 0.5
# Words of indicators only a place has: "The unemployment rate fell" is about the region the
# article is about, even right after a sentence about a company.
REGION_METRIC_WORDS: Final = (
    "gdp", "gross domestic product", "unemployment", "jobless", "population", "retail sales",
    "fixed-asset", "disposable income", "inflation", "consumer price", "economy", "economic",
    "industrial output", "industrial production", "industrial added value", "sector",
    "power generation", "electricity generation", "electricity consumption", "coal output",
    "grain output",
)  # fmt: skip


def of_a_place(name: str) -> bool:
    """Whether an indicator so named is one only a region has."""
    lower = name.lower()
    return any(word in lower for word in REGION_METRIC_WORDS)


class Suggestion:
    """An existing indicator (`id`) or a proposed one (`id` None), by name.

    A plain class rather than a dataclass, as is `Around`: one is made for every number, and
    compiled, a plain class's `__init__` is native where a dataclass's is generated Python.
    """

    __slots__ = ("id", "name")

    id: str | None
    name: str

    def __init__(self, id: str | None, name: str) -> None:
        self.id = id
        self.name = name


VERBS: Final = GROWTH_WORDS | frozenset(
    "reached hit stood totaled totalled was were is are hosts host has have reported registered "
    "recorded posted achieved saw attracted contributed contributes accounted accounting "
    "representing represents exceeded surpassed topped cover covers reach reaches amounted "
    "generated made hit hits set sits stands witnessed".split()
)


class Around:
    """The words around a number, names of regions and organizations blanked out."""

    __slots__ = ("after", "clause", "context", "near", "wide")

    near: str
    """Before it, from the last clause break or number."""
    wide: str
    """Before it, back to the number before when words other than connectors come between."""
    clause: str
    """Before it, over the whole clause, whatever numbers come between."""
    after: str
    """After it, up to the next clause break or number."""
    context: Callable[[], set[str]]
    """The normalized words of all of these and of the amount a rank or share refers to:
    worked out only when an existing indicator of the unit could match them."""

    def __init__(
        self, near: str, wide: str, clause: str, after: str, context: Callable[[], set[str]]
    ) -> None:
        self.near = near
        self.wide = wide
        self.clause = clause
        self.after = after
        self.context = context


def suggest(
    unit: str, around: Around, counted: str | None, known: tuple[KnownWords, ...]
) -> Suggestion:
    """The indicator a quantity in `unit` measures, from the words around it."""
    base = unit_base(unit)
    growth = base == "percent" and bool(GROWTH_WORDS & set(around.near.lower().split()[-4:]))
    # A growth rate is of the metric the clause named; an amount's metric may follow it
    # ("1.2 billion dollars in FDI").
    metric = _metric(around.clause if growth else around.wide) or _metric(around.after, first=True)
    if metric is not None:
        metric_id = f"{metric[0]}-growth" if growth else metric[0]
        for candidate in known:
            if candidate.indicator.id == metric_id and candidate.base == base:
                return Suggestion(metric_id, candidate.indicator.name)
    best = _best_known(base, around.context, known) if any(k.base == base for k in known) else None
    if best is not None:
        return Suggestion(best.id, best.name)
    if counted:
        return Suggestion(None, " ".join(counted.lower().split()))
    if metric is not None and (base in ("CNY", "USD", "EUR", "count") or growth):
        return Suggestion(None, f"{metric[1]} growth" if growth else metric[1])
    return Suggestion(None, _proposed_name(base, around))


# What a proposed indicator is called when the text names nothing better.
FALLBACK_NAMES: Final = {
    "percent": "share",
    "percentage_point": "change",
    "rank": "rank",
    "growth": "growth",
}
_OF_PHRASE: Final = re.compile(r"^\s*of\s+(?:the\s+|its\s+|their\s+)?(?P<words>[\w&\s'-]+)")


def _proposed_name(base: str, around: Around) -> str:
    """ "accounting for 23.4% of its total revenue" -> "share of total revenue"."""
    of = _OF_PHRASE.match(around.after)
    if base == "percent" and of:
        words = [w for w in of["words"].split() if w.lower() not in ("the", "its", "their")][:4]
        if words:
            return "share of " + " ".join(words).lower()
    head = _head(around.near)
    if head and head not in _NOT_NAMES:
        return head
    growth = base == "percent" and bool(GROWTH_WORDS & set(around.near.lower().split()))
    return (
        FALLBACK_NAMES["growth" if growth else base]
        if growth or base in FALLBACK_NAMES
        else "amount"
    )


_NOT_NAMES: Final = frozenset(
    {"year-on-year", "h1", "h2", "q1", "q2", "q3", "q4", "-", "or", "and"}
)


@functools.lru_cache(maxsize=64)
def _metric(words: str, first: bool = False) -> tuple[str, str] | None:
    """The metric phrase nearest the number: the last one before it ("total economic output"
    -> gdp), or with `first` the first one after it. The numbers of a clause share its words:
    worked out once for them."""
    last = None
    words = words.lower()
    if not _METRIC_WORD.search(words):
        return None
    for match in _METRIC.finditer(words):
        before = words[match.start() - 1 : match.start()]
        after = words[match.end() : match.end() + 1]
        if not (before.isalnum() or before == "-" or after.isalnum() or after == "-"):
            last = match
            if first:
                break
    if last is None or last.lastgroup is None:
        return None
    _, id_, name = METRICS[int(last.lastgroup[1:])]
    return id_, name


def _best_known(
    base: str, words: Callable[[], set[str]], known: tuple[KnownWords, ...]
) -> KnownIndicator | None:
    """The existing indicator whose name's words the context covers best (at least half)."""
    context = words()
    best: tuple[float, int, KnownIndicator] | None = None
    for candidate in known:
        if candidate.base != base or not candidate.words:
            continue
        shared = len(candidate.words & context)
        score = (shared / len(candidate.words), shared)
        # One shared word is not enough for a longer name: "revenue" is not "overseas revenue".
        enough = shared >= min(2, len(candidate.words))
        if enough and score[0] >= _MATCH_THRESHOLD and (best is None or score > best[:2]):
            best = (*score, candidate.indicator)
    return None if best is None else best[2]


_HEAD_WORD: Final = re.compile(r"[\w&\u2019'-]+")


def _head(lead_in: str) -> str:
    """The noun phrase that ends the words before a number: "reported overseas revenue of"."""
    # Digits and the "'s" left of a blanked name ("Hunan's output") name nothing.
    words = [w for w in _HEAD_WORD.findall(lead_in) if w[0].isalpha()]
    while words and _is_function_word(words[-1]):
        words.pop()
    head: list[str] = []
    while words and not _is_function_word(words[-1]) and len(head) < 4:
        head.insert(0, words.pop())
    return " ".join(head).lower()


def _is_function_word(word: str) -> bool:
    lower = word.lower()
    return lower in STOPWORDS or lower in VERBS or lower.endswith("ed") or lower in _MONTHS


# Months name when, not what: "output in October grew 7%" is output, not "october".
_MONTHS: Final = frozenset(
    "january february march april may june july august september october november december".split()
)
