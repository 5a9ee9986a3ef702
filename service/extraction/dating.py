"""How the words around a figure date it, beyond the period its clause names: sizes and stocks
of no period, a clause alongside a dated one, a target date closing a clause, a base compared
with, "over the year", "the annual gain", a guidance revised for the year.

The reader asks these in turn (see `reader._period`); each looks only at a few words around
one figure, so none scans a whole text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from service.extraction import facts as facts_layer
from service.extraction import numerals
from service.extraction.periods import (
    SAME_SPAN,
    Period,
    calendar_year,
    months_to,
    year_to_month,
)
from service.extraction.quantities import Quantity
from service.extraction.text import LOWER_WORD, may_end_with
from service.units import unit_of

_MONTH_LABEL = re.compile(r"^\d{4}-\d\d$")
_CLAUSE_BREAK = re.compile(r"[,;:(]")

# "12,000 jobs by 2030, up from about 3,400 today": a stock now, not of the target's year.
NOW_AFTER = re.compile(r"\s+(?:today|now|currently|at\s+present)\b")


def per_year(text: str, quantity: Quantity, end: int) -> bool:
    """Whether a rate a year follows the figure: "60,000 tonnes of cathode material a year"
    (not "a year earlier"). Most figures have no "year" or "annu..." near: no regex then."""
    near = min(end, quantity.end + 90)
    if text.find("year", quantity.end, near) < 0 and text.find("annu", quantity.end, near) < 0:
        return False
    return _PER_YEAR.match(text, quantity.end, end) is not None


_PER_YEAR = re.compile(
    r"(?:\s+[a-z-]+){0,4}?\s+(?:a|per|each)\s+year\b(?!\s+(?:earlier|ago|before|later))"
    r"|\s+(?:annually|per\s+annum)\b"
)
# What a budget story counts besides its money: staff, residents, parks, jobs, lengths of line.
NOT_BUDGETED = frozenset({"count", "m"})
# Words of a headline that looks ahead.
AHEAD_WORDS = frozenset(
    "will eyes sees targets aims plans expects expected forecasts projected seeks".split()
)


def states_now(text: str, span: tuple[int, int], quantity: Quantity) -> bool:
    """Whether a verb of the present that states a level stands right before the figure."""
    before = text[max(span[0], quantity.start - 30) : quantity.start]
    words = LOWER_WORD.findall(_CLAUSE_BREAK.split(before)[-1])[-3:]
    return not _STATES_NOW.isdisjoint(words)


# Verbs of the present that state a level or a standing share ("still produces nearly half of
# the world's lithium"), which the tense rules of the facts layer do not all know.
_STATES_NOW = frozenset(
    "stands sits remains supplies produces contributes provides generates handles builds "
    "buys employs operates hosts owns".split()
)


def list_item(sentence: str) -> bool:
    """Whether a sentence is an item of a list ("- Revenue: EUR 412.6 million", "• Net revenue
    up 12.6%", "Wind and solar generation: 58.6 bn kWh (+21.4%)"): a results release lists the
    figures of the period it reports, verb or not."""
    return sentence.startswith(_LIST_MARKS) or _LABELLED.match(sentence) is not None


_LIST_MARKS = ("- ", "\u2022", "\u2013 ", "* ", "\u25aa", "\u00b7 ")
# A line that labels its figure: a few words, a colon, the figure and a few words on it.
# (a currency's code may stand apart before it: "Revenue: KZT 318.6 billion (KZT 279.0 billion)")
_LABELLED = re.compile(r"[A-Z][\w ,()'&/-]{0,50}:\s+(?:[A-Z]{2,3}\$?\s)?[^\s:]*\d[^:]{0,40}$")


def size_of_a_thing(text: str, sentence_start: int, quantity: Quantity) -> bool:
    """Whether a length, an area or a power is the size of the thing it is written before:
    "a 1 GW wind farm", "the 1,400 km North-South link", "a 38,000-square-metre facility"."""
    if unit_of(quantity.unit).base not in ("m", "m2", "W"):
        return False
    if "-" in text[quantity.number_end : quantity.end]:
        return True  # a compound adjective
    before = _DETERMINER_BEFORE.search(
        text, max(sentence_start, quantity.start - 20), quantity.start
    )
    return before is not None and attributive(text, quantity)


def attributive(text: str, quantity: Quantity) -> bool:
    """Whether a noun follows the figure, which it then sizes: "a 2 GW solar farm"."""
    after = _WORD_AFTER.match(text, quantity.end)
    return after is not None and after[1].lower() not in _NOT_A_NOUN


_DETERMINER_BEFORE = re.compile(r"\b(?i:a|an|the|its|their)\s+(?:[a-z]+\s+)?$")
_WORD_AFTER = re.compile(r"[^\S\n]+([A-Za-z][\w-]*)")  # on the same line: not a headline's next
# Words after a size that make it no attribute: "a record 8.6 million sq ft in the first half".
_NOT_A_NOUN = frozenset(
    "of in at on by for to from a an the this last next and or with during per each as than "
    "over under through since until into onto across around above below up down more less "
    "when while after before".split()
) | frozenset(  # "a 500 MW increase": a change, not the size of a thing
    "increase rise gain jump drop fall decline cut reduction expansion addition".split()
)


def for_period(text: str, quantity: Quantity, periods: list[Period]) -> Period | None:
    """The period a figure is "for", past a word or two naming what it measures: "a target
    of around 6 percent growth for the full year", "a forecast of 2.1% growth for 2026"."""
    later = next((p for p in periods if p.start >= quantity.end and not p.event), None)
    if later is None or _FOR_GAP.fullmatch(text, quantity.end, later.start) is None:
        return None
    return later


_FOR_GAP = re.compile(r"(?:\s+[a-z-]+){0,2}?\s+for(?:\s+the)?\s+")


def target_date_after(text: str, quantity: Quantity, periods: list[Period]) -> Period | None:
    """The date a level is to be reached by, closing the figure's clause past a restatement
    of it: "debt is expected to reach 9.3 trillion rupees, or 26.1% of GSDP, by March 31"."""
    later = next((p for p in periods if p.start >= quantity.end and not p.event), None)
    if later is None or _TARGET_GAP.fullmatch(text, quantity.end, later.start) is None:
        return None
    by = text.startswith("by ", later.start) or _BY_BEFORE.search(
        text, max(0, later.start - 20), later.start
    )
    return later if by else None


_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?$")
# Words between a figure and its target date: a restatement in commas, then "by" (which the
# period's words may hold: "by March 31 next year").
_TARGET_GAP = re.compile(
    r"(?:(?!\b(?:while|and|but|which|who|when|as|after|before|from)\b)[^;])*?,\s+"
    r"(?:by\s+(?:the\s+end\s+of\s+)?)?"
)


def plan_target(
    text: str, span: tuple[int, int], quantity: Quantity, periods: list[Period]
) -> Period | None:
    """The one date a sentence's plan is to be met by, for each level it aims at: "aims to
    raise its GDP to 1.3 trillion yuan by 2030, to lift R&D spending to 3.2 percent of GDP"."""
    dated = [p for p in periods if not p.event]
    if len(dated) != 1 or not _BY_BEFORE.search(
        text, max(span[0], dated[0].start - 20), dated[0].start
    ):
        return None
    before = text[span[0] : quantity.start]
    plan = _PLAN_TO.search(before)
    if plan is None or _FROM_BEFORE.search(before):
        return None  # no plan's level, or its base ("from 81% now")
    if _OTHER_CLAUSE.search(before, plan.start()):
        return None  # "Hunan, which aims to become a hub by 2030, saw exports rise to ..."
    return dated[0]


# A level a plan aims at: "aims to raise annual NEV output to 3 million units".
_PLAN_TO = re.compile(
    r"\b(?:aims?|plans?|seeks?|targets?|intends?|wants?)\s+to\s+[a-z]+\b[^;]*?\bto\s+"
    r"(?:(?:about|around|more\s+than|over|at\s+least)\s+)?$"
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+)?$")
# A comma that opens no next step of the plan ("..., to lift ...", "..., and to raise ...").
_OTHER_CLAUSE = re.compile(r",\s+(?!(?:and\s+)?to\b)")


def revised(
    text: str, low: int, quantity: Quantity, context: Period | None, dated: list[Period]
) -> Period | None:
    """The year a guidance is revised for: "cut capital spending for the year to about $410
    million from $560 million" is this year's plan, both before and after the cut. `low` is
    where the sentence starts, `dated` the periods of its figures so far."""
    if context is None:
        return None
    if _FOR_THE_YEAR_TO.search(text, max(low, quantity.start - 40), quantity.start):
        return year_of(context)
    if dated and _REVISED_FROM.search(text, max(low, quantity.start - 90), quantity.start):
        return dated[-1]
    return None


_FOR_THE_YEAR_TO = re.compile(r"\bfor\s+the\s+(?:full\s+|current\s+)?year\s+to\s+$")
_REVISED_FROM = re.compile(
    r"\b(?:cut|cuts|lowered|lowers|raised|raises|trimmed|trims|revised|revises)\b[^;]{0,80}?"
    r"\bto\s+[^;]{0,30}?\bfrom\s+$"
)


def parallel_clause(
    text: str,
    span: tuple[int, int],
    quantity: Quantity,
    periods: list[Period],
    reported: Callable[[Period], bool],
) -> Period | None:
    """The period of the clause before, for a clause that reports alongside it: "GDP grew
    5.6% in the first half, while the city's rose 5.9%". Not a plan's ("..., and it will").
    `reported` tells a period later figures may be of."""
    earlier = [p for p in periods if p.end <= quantity.start and not p.event]
    if not earlier or not reported(earlier[-1]):
        return None
    period = earlier[-1]
    if _PARALLEL.match(text, period.end, quantity.start) is None:
        return None
    # "up from 8.1 GW in August last year": a base's period; "Arrivals between October and
    # December rose ...": a period inside the first clause's subject dates that clause only.
    lead = text[max(span[0], period.start - 70) : period.start]
    if _BASE_LEAD.search(lead) or _IN_SUBJECT.fullmatch(text, span[0], period.start):
        return None
    return period if facts_layer.reports(text, span, quantity) else None


_BASE_LEAD = re.compile(r"\b(?:from|than|compared\s+with|set|seen)\b[^,;]*$")
_IN_SUBJECT = re.compile(
    r"(?!(?:In|During|For|Over|Through|From|Between|Since|Last|This|At|By|As|Of)\b)"
    r"[A-Z][\w'\u2019-]*(?:\s+[a-z][\w'\u2019-]*){0,3}\s+"
)
# Words from a period to a figure of a clause alongside: ", while Chengdu's GDP rose".
_PARALLEL = re.compile(
    r"(?:(?!\b(?:will|would|plans?|aims?|expects?|expected|intends?|now|currently)\b)[^;])*?"
    r",\s+(?:while|whereas|and|but)\b[^;]*$"
)


def referred_back(
    text: str,
    end: int,
    quantity: Quantity,
    periods: tuple[Period | None, Period],
    dated: list[Period],
) -> Period:
    """The period "in the period" after a figure refers to: the sentence before's, else the
    article's (`periods`); "in the eight months", the one of them eight months long; "over the
    year", a year of it; "over the same period", the one this sentence's first figures took
    (`dated`): "fell 6% in the fourth quarter, while ... rose 31% over the same period". `end`
    is where the sentence ends."""
    previous, article = periods
    period = previous or article
    if dated and _SAME_PERIOD_AFTER.match(text, quantity.end, end):
        return dated[0]
    if _YEAR_ANAPHOR.match(text, quantity.end, end):
        return year_of(period)  # "added 41,200 jobs over the year"
    if _QUARTER_ANAPHOR.match(text, quantity.end, end):
        return _quarter_of(period, previous, article)
    if months := _MONTHS_ANAPHOR.match(text, quantity.end, end):
        written = months["count"]
        count = int(written) if written.isdigit() else numerals.CARDINALS[written.lower()]
        if not 1 < count <= 12:
            return period
        named = (p for p in (previous, article) if p and _months_long(p) == count)
        return next(named, None) or months_to(period, count)
    return period


def _quarter_of(period: Period, previous: Period | None, article: Period) -> Period:
    """What "in the quarter" refers to: the sentence before's period or the article's that is a
    quarter long, else the quarter a month named before closes ("climbed in late March ...
    exports rose 14% in the quarter")."""
    named = next((p for p in (previous, article) if p and _months_long(p) == 3), None)
    if named is not None:
        return named
    last = period.last or period.first
    if _months_long(period) == 1 and last.month % 3 == 0:
        return months_to(period, 3)
    return period


def _months_long(period: Period) -> int | None:
    """How many calendar months `period` spans (None for one with no end)."""
    if period.last is None:
        return None
    return (period.last.year - period.first.year) * 12 + period.last.month - period.first.month + 1


def over_the_month(text: str, end: int, quantity: Quantity, context: Period | None) -> bool:
    """Whether "over the month" follows the figure in an article that reports a month."""
    if context is None or not _MONTH_LABEL.match(context.label):
        return False
    return _MONTH_ANAPHOR.match(text, quantity.end, end) is not None


_MONTH_ANAPHOR = re.compile(r"(?:[^,;.]|\.(?=\d)){0,40}?\b(?i:in|during|over|for)\s+the\s+month\b")
# "in the eight months" right after a figure: the span of that many months named before.
_MONTHS_ANAPHOR = re.compile(
    r"(?:[^,;.]|\.(?=\d)){0,60}?\b(?i:in|during|over|for|within)\s+the\s+"
    rf"(?P<count>(?i:{numerals.CARDINAL_WORD})|\d{{1,2}})\s+months\b"
)
_SAME_PERIOD_AFTER = re.compile(
    rf"(?:[^,;.]|\.(?=\d)){{0,60}}?\b(?i:in|during|over|for)\s+the\s+{SAME_SPAN}\b"
)
# "over the year" right after a figure, in its clause.
_QUARTER_ANAPHOR = re.compile(
    r"(?:[^,;.]|\.(?=\d)){0,60}?\b(?i:in|during|over|for|within)\s+the\s+quarter\b"
    r"(?!\s+(?:to|ended|ending|through|of|last|a\s+year)\b)"
)
_YEAR_ANAPHOR = re.compile(
    r"(?:[^,;.]|\.(?=\d)){0,60}?\b(?i:in|during|over|for)\s+the\s+year\b"
    r"(?!\s+(?:to|ended|ending|through|of|last|a\s+year)\b)"
)


def over_the_year(
    text: str, start: int, quantity: Quantity, period: Period | None, context: Period | None
) -> Period | None:
    """The year "over the year" carries from the article's period (the only calendar year
    `carried_period` makes of it) is the year `year_of` that period; a clause after the one
    it closes states a month's rate of that month ("Houston added 41,200 jobs over the year,
    while Austin saw its jobless rate dip to 3.4%"). `start` is where the sentence starts."""
    if period is None or context is None or period.label != str(context.first.year):
        return period
    if quantity.unit in ("percent", "percentage_point") and _MONTH_LABEL.match(context.label):
        earlier = _OVER_THE_YEAR.search(text, start, quantity.start)
        if earlier and _NEXT_CLAUSE.search(text, earlier.end(), quantity.start):
            return context
    return year_of(context)


_OVER_THE_YEAR = re.compile(r"\b(?i:in|during|over|for)\s+the\s+year\b")
_NEXT_CLAUSE = re.compile(r",\s+(?:while|whereas|but)\b|;")


def year_of(period: Period) -> Period:
    """What "in the year" means after a period: the twelve months to a month's (as payroll
    news counts a change over the year), a fiscal year itself, else its calendar year."""
    if _MONTH_LABEL.match(period.label):
        return year_to_month(period)
    if period.last is not None and (period.last - period.first).days >= 364:
        return period
    return calendar_year(period)


def annual(text: str, span: tuple[int, int], quantity: Quantity, period: Period) -> Period:
    """A figure of "the annual gain", or "its annual target of US$13.5 billion", is of a year
    (`year_of` its period), not of the months the sentence reports so far."""
    low, high = max(span[0], quantity.start - 60), min(span[1], quantity.end + 40)
    before = _ANNUAL_BEFORE.search(text, low, quantity.start)
    if before is None and _ANNUAL_CHANGE.match(text, quantity.end, high) is None:
        return period
    return year_of(period)


_ANNUAL_CHANGE = re.compile(r"\s+of\s+the\s+annual\s+(?:gain|increase|rise|growth|decline|drop)\b")
_ANNUAL_BEFORE = re.compile(
    r"\bannual\s+(?:gain|increase|rise|growth|decline|drop)\b[^;]{0,40}$"
    r"|\bannual\s+(?:[a-z-]+\s+)?(?:target|goal|plan|quota)\s+of\s+$"
)


def bare_base(text: str, span: tuple[int, int], quantity: Quantity, period: Period) -> bool:
    """Whether `quantity` is a base a change is measured from, with no date of its own ("sales
    fell 11% in the first half from 15.9 billion", "up from 33%"): news compares with the
    same span a year before. A revised forecast is compared with the same span."""
    low, high = span
    if period.start > quantity.start or not _BASE_ENDS.match(text, quantity.end, high):
        return False
    if _MONTH_LABEL.match(period.label):
        return False  # "rose to 4.3% in August from 4.2%": a month's base may be the month before
    lead_in = text[max(low, quantity.start - 90) : quantity.start]
    if not may_end_with(lead_in, ("from", "with", "to", "the")):
        return False  # no "from", "compared with" or "compared to" right before it
    before = _CHANGE_FROM.search(text, max(low, quantity.start - 90), quantity.start)
    return before is not None and _REVISION.search(text, low, high) is None


# The base's clause ends right after it: nothing dates it ("from 33%, reflecting ...").
_BASE_ENDS = re.compile(r"\s*(?:[,;.)]|$)")
_CHANGE_FROM = re.compile(
    r"(?i:\b(?:up|down|rose|rise|rising|fell|fall|falling|grew|growth|increased?|decreased?|"
    r"declined?|dropped|jumped|climbed|narrowed|widened|slowed|slowing|eased|improved)\b"
    r"[^;]{0,80}?\bfrom|\bcompared\s+(?:with|to))\s+(?:the\s+)?$"
)
# "cut its capital spending plan to $410 million from $560 million": one year's plan revised.
_REVISION = re.compile(
    r"\b(?:cut|cuts|lowered|lowers|raised|raises|trimmed|trims|revised|revises|lifted|lifts|"
    r"upgraded|downgraded)\s+(?:its|their|the)\b"
)


def yet_to_start(period: Period | None, published_on: dt.date | None) -> bool:
    """Whether a period starts after publication (a budget's year)."""
    return period is not None and published_on is not None and period.first > published_on
