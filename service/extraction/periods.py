"""Periods: the spans of time a text names, as first and last day and a label.

"in 2023" -> 2023-01-01..2023-12-31 "2023"; "the first three quarters of 2023" -> "2023 Q1-Q3";
"last year" counts from the publication date. A period without its year ("in the first half")
takes the year named in its sentence, else the latest such period ended by publication.
Fiscal years run as the article states them ("for the year ended June 30") or as its country's
do; holidays and seasons are the months they fall in ("during the Golden Week holiday").
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from service.extraction import cues, numerals
from service.extraction.text import LOWER_WORD, find_in, may_end_with, may_end_with_word

MONTH_NUMBERS = {
    name: index
    for index, names in enumerate(
        [(), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")]
    )
    for name in names
}  # fmt: skip
_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# AP style: "Sept. 30", "Oct. 1" (with the full names where a rule reads either).
_MONTH_ABBREVIATED = rf"(?-i:{cues.MONTH_ABBREVIATED})"
# The look-behinds come after the digits so that a search can skip to a "1" or a "2" quickly.
# A number's year after a slash is a document's ("Resolution 40/2001"); "2025/2026" keeps both.
_YEAR = (
    r"(?:19[5-9]\d|20\d\d)(?<![\d,.$]\d{4})"
    r"(?<![^\d]\d/\d{4})(?<![^\d]\d\d/\d{4})(?<![^\d]\d\d\d/\d{4})(?![\d%]|,\d|\.\d)"
)
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_QUARTER = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_OF_YEAR = (
    rf"(?:(?:\s+of\s+(?:the\s+year\s+)?|\s+)(?P<year>{_YEAR})"
    r"|\s+(?:of\s+)?(?P<relative>this|last|next|the\s+current|the\s+previous)\s+year)"
)
# "the first half of the current financial year": a half of a fiscal year.
_OF_FISCAL_YEAR = (
    # "the first 11 months of the fiscal": India's press leaves "year" out
    r"\s+of\s+(?:the|its)\s+(?:(?:current|last|next|previous)\s+)?(?:fiscal|financial)(?:\s+year)?\b"
)
# "trimmed its annual sales forecast": the noun names a past revision, it does not look ahead;
# nor does a figure measured against forecasts ("outpacing forecasts", "analysts had expected").
_FORECAST_NOUN = re.compile(
    r"(?:\b(?:its|their|the|a|an|prior|previous|earlier|beat|beats|beating|outpacing|"
    r"exceeding|topping|missing|than)|analysts['\u2019])\s+(?:[a-z-]+\s+){0,2}?forecasts?\b"
    r"|\bhad\s+(?:been\s+)?(?:expected|forecast|projected|predicted|anticipated)\b"
)
# A year of an event, not of a figure: "founded in 1995", "established in 2021".
_EVENT_BEFORE = re.compile(
    r"(?i:\b(?:founded|established|set\s+up|launched|opened|built|incorporated|listed|born|"
    r"started|began|created|completed|(?:due|set|scheduled|expected)\s+to\s+(?:open|start|"
    r"begin|launch)(?:\s+(?:production|operations|operation|construction))?)"
    r"(?:\s+(?:in|on))?\s*)$"
)
# The last words of _EVENT_BEFORE's matches.
_EVENT_LAST_WORDS = (
    "founded", "established", "up", "launched", "opened", "built", "incorporated", "listed",
    "born", "started", "began", "created", "completed", "open", "start", "begin", "launch",
    "production", "operations", "operation", "construction", "in", "on",
)  # fmt: skip
# A year closing a relative clause about an event dates the event, however far from its verb:
# "the plant, which opened in the county's industrial park in 2022, ...".
# So does one closing a participle's aside: "Sales to the United States, opened to Argentine
# shrimp only in 2018, more than tripled", "Tiantangzhai, linked to Hefei by rail since 2019".
_EVENT_CLAUSE_BEFORE = re.compile(
    r"(?i:,\s+(?:which|who)\s+(?:was\s+|were\s+)?(?:founded|established|set\s+up|launched|"
    r"opened|built|incorporated|listed|started|began|created|completed|became)\b[^,;]*)$"
    r"|,\s+(?:opened|linked|connected|acquired|privati[sz]ed|inaugurated|commissioned|"
    r"concessioned)\s+(?:to|by|in|on|at|with|as)\b[^,;]*$"
)
# "the highest since the terminal was concessioned in 2006", "since the earthquakes of 2018":
# the year of the event a record counts from.
_SINCE_EVENT_BEFORE = re.compile(
    r"\bsince\s+(?!the\s+(?:start|end|beginning|middle)\b)[^,;.\d]{3,60}?\s(?:in|of)\s+$"
)
# "fell 7.8 percent because of a dry spell in February and March": when the cause came, which
# dates no figure.
_CAUSE_BEFORE = re.compile(
    r"\b(?:because\s+of|due\s+to|owing\s+to|thanks\s+to)\s+[^,;.]{0,50}?\s(?:in|during)\s+"
    r"(?:the\s+)?(?:[a-z]+\s+){0,2}$"
)
# A year that opens a span of two ("fiscal 2023-24", "2024/25") is that span's, not the sentence's.
_SECOND_YEAR_AFTER = re.compile(r"[-/\u2013](?:\d\d){1,2}\b")
# The span a change is measured against, as news names it: "the same period", "the
# corresponding quarter", "the comparable period".
SAME_SPAN = (
    r"(?:same|comparable|corresponding)\s+(?:period|quarter|months?|time|holiday|season|festival)"
)
# The base a figure is compared with: "up 2.6 percent from last year", "compared with 2023".
# "over 2023" compares; "over the 2023 holiday" is a span of time. (The first letter comes
# first, for a search to skip to one, and the check that it starts a word after it.)
_COMPARED_BEFORE = re.compile(
    r"[%ACDFOPTVacdfoptv](?i:(?<!\w.)(?:(?<=f)rom|(?<=t)han|(?<=c)ompared\s+(?:with|to)"
    r"|(?<=a)gainst|(?<=v)ersus|(?<=v)s\.?|(?<=d)ouble|(?<=t)riple|(?<=t)wice)\s+"
    rf"(?:in\s+)?(?:the\s+)?(?:{SAME_SPAN}\s+(?:(?:of|in)\s+)?)?"
    # "down 4.3% from the end of last year": a stock's base
    r"(?:end\s+of\s+(?:the\s+)?)?"
    # "than in the final quarter of 2024": the year of a quarter compared with
    r"(?:(?:first|second|third|fourth|final|last)\s+(?:quarter|half)\s+of\s+)?"
    # "a rise of 3.2% from July 2025", "4.6% more than in January-August 2024": the year of
    # a month or of months compared with
    rf"(?:{_MONTH}(?:\s*[-\u2013]\s*{_MONTH})?\s+)?"
    rf"|(?<!\w.)(?<=o)ver\s+(?:the\s+{SAME_SPAN}\s+(?:(?:of|in)\s+)?)?"
    # "more than it sold in the whole of 2023", "than in all of 2024"
    r"|(?<!\w.)(?<=t)han\s+(?:(?:it|they|we)\s+[a-z]+\s+)?(?:in\s+|during\s+)?"
    r"(?:the\s+whole\s+|all\s+)of\s+"
    # "4.8 percent in the same period last year"
    rf"|(?<!\w.)(?<=t)he\s+{SAME_SPAN}\s+(?:(?:of|in)\s+)?"
    # "an increase of 4.6% on 2024", "up 12 per cent on the same period of 2024", "up 11.2% on
    # September 2025"
    rf"|(?:(?<=%)|(?<!\w.)(?<=p)(?:ercent|er\s+cent))\s+on\s+(?:the\s+{SAME_SPAN}\s+"
    rf"(?:(?:of|in)\s+)?|the\s+|{_MONTH}\s+)?)$"
)
# "88 percent of the 2019 level", "87 percent of this year's target": a year that names the
# level compared with.
_COMPARED_AFTER = re.compile(
    # "at 2010 constant prices": the year prices are counted in
    r"\s+(?:levels?|peak|figures?|(?:constant\s+)?prices)\b"
    # "released the November update": the month names a publication
    r"|\s+(?:update|edition|bulletin)\b"
    r"|['\u2019]s\s+(?:[a-z-]+\s+)?(?:estimates?|targets?|budgets?|plans?|forecasts?|goals?|quotas?)\b"
)
# A year that is no figure's: a document's ("Decree No. 47 of 2025") and a year spoken of as a
# whole ("recovering from a drought-hit 2024", "after a record 2023").
_YEAR_NAMED_NO_FIGURE = re.compile(
    r"(?i:\bNo\.?\s*\d[\w/-]*\s+of\s+|\ban?\s+[a-z]+(?:-[a-z]+)?\s+)$"
    # the edition of a code or a law: "reported under the JORC Code (2012)", "the Mining Act 2015"
    r"|\b(?:Code|Act|Standards?|Regulations?|Rules|Guidelines|Convention|Directive)\s*\(?$"
)
# When a season or year ended or began ("in the 2025/26 crushing season, which ended in late
# April", "the fiscal year 2024/25 that ended in June"): the month dates no figure; the season
# or the year does.
_WHEN_IT_ENDED = re.compile(
    r"(?i:(?:,|(?<=\d))\s+(?:which|that)\s+(?:ended|ends|began|begins|started|starts|closed|opened)\s+"
    r"(?:in\s+|on\s+)?(?:late\s+|early\s+|mid-)?)$"
)
# "47% more than in the same weeks of last season, when the heat brought by the El Niño of 2023
# was still depressing yields": a clause that says what happened then dates no figure.
_WHEN_CLAUSE = re.compile(r",\s+when\s+[^,;.\d]*$")
# A target's year ("20 GW by 2030") dates the target, not the sentence's other figures.
_TARGET_YEAR_BEFORE = re.compile(r"(?i:\b(?:by|until|through)\s+(?:the\s+end\s+of\s+)?)$")
# "2000 yuan", "2021 billion": a number with a scale or unit after it is an amount, not a year.
_NOT_A_YEAR = re.compile(
    rf"[\s-]*(?:{cues.alternation(cues.SCALE_AFTER)}|{cues.alternation(cues.UNIT_AFTER)})"
    r"(?![A-Za-z])"
)


# Not frozen, for a quicker __init__ (see text.Sentence); nothing assigns to its fields.
@dataclass(slots=True, unsafe_hash=True)
class Period:
    """A span of time named in the text, with the words that name it."""

    start: int
    end: int
    first: dt.date
    last: dt.date | None
    label: str
    event: bool = False
    """True for the date of an event ("founded in 1995") or the base of a comparison ("up 3
    percent from 2023", "88 percent of the 2019 level"): it dates no figure."""
    at_end: bool = False
    """True for "at the end of 2024": the date of a stock, in a year whose flows the article
    goes on to report."""


@dataclass(frozen=True, slots=True)
class FiscalYear:
    """How the fiscal years of an article run: the month they start, and whether "fiscal
    2024" names the year that starts in 2024 (Japan's way) or the one that ends in it."""

    start: int
    named_by_first_year: bool = False
    quarters: bool = False
    """Whether the article counts its quarters in the fiscal year ("Q2 FY26"): then a quarter
    named without a year ("Q2 net profit jumps 31%") is a fiscal one too."""


@dataclass(slots=True)
class _Anchor:
    """What a period without its own year is read against: the sentence (`text[start:end]`),
    whose one year is worked out only when a period without its own needs it."""

    text: str
    start: int
    end: int
    published_on: dt.date | None
    reference_year: int | None
    fiscal: FiscalYear | None
    _year: int | None = None
    _year_read: bool = False

    @property
    def fiscal_start(self) -> int | None:
        return None if self.fiscal is None else self.fiscal.start

    @property
    def sentence_year(self) -> int | None:
        if not self._year_read:
            self._year, self._year_read = _sentence_year(self.text, self.start, self.end), True
        return self._year

    def looks_ahead(self, position: int) -> bool:
        """Whether the clause holding `position` looks ahead ("expects", "will", "said it would
        add"): its periods without a year are the next ones to end, not the last ones ended. A
        forecast in another clause ("GDP expanded 7.1% in the first nine months, and the
        province expects ...") dates nothing in this one."""
        return _looks_ahead(*self._clause(position), position)

    def plans(self, position: int) -> bool:
        """Whether the clause holding `position` states a plan before it, or a forecast ("plans
        to build 300 cranes in the fourth quarter"): a span it names may be yet to come. (Not
        "earned 7.44 trillion won in the first quarter and plans to invest ...".)"""
        clause, start = self._clause(position)
        before = LOWER_WORD.findall(clause, 0, position - start)
        return not _PLAN_WORDS.isdisjoint(before) or _looks_ahead(clause, start, position)

    def _clause(self, position: int) -> tuple[str, int]:
        """The clause holding `position`, in lower case, and where it starts."""
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(self.text, self.start, position)]
        after = _CLAUSE_BREAK.search(self.text, position, self.end)
        start = breaks[-1] if breaks else self.start
        return self.text[start : self.end if after is None else after.start()].lower(), start


def _looks_ahead(clause: str, start: int, position: int) -> bool:
    """`_Anchor.looks_ahead` for the clause (in lower case) that starts at `start`."""
    # Every _FORECAST_NOUN holds "forecast" or "had", which most clauses do not.
    nouns_out = (
        _FORECAST_NOUN.sub(" ", clause) if "forecast" in clause or "had" in clause else clause
    )
    words = LOWER_WORD.findall(nouns_out)
    return not cues.FORECAST_WORDS.isdisjoint(words) or bool(
        _PROMISED.search(clause, 0, position - start)
    )


# A promise reported before the figure: "said it would add 240 drivers by December" (not
# "profit would have fallen 12% in the first quarter", nor "sold 1,200 cranes in January, which
# it said would help").
_PROMISED = re.compile(
    r"\b(?:would\s+(?!have\b)|(?:plans|planned|aims|intends|is\s+scheduled|are\s+scheduled)\s+to\s)"
)
# Words of a plan: a span its clause names may be yet to come.
_PLAN_WORDS = frozenset(
    "plan plans planned planning aims aim target targets targeted scheduled schedule intends "
    "intend upcoming".split()
)


# Where a clause of its own starts: "; ", ", and ", ", while ", ", but ".
_CLAUSE_BREAK = re.compile(r";\s|,\s+(?:and|while|whereas|but)\s")


def whole_year(period: Period) -> Period:
    """The year of a period "at the end of" it: what the article's later figures are of."""
    if not period.at_end:
        return period
    year = period.first.year
    return Period(period.start, period.end, dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))


def closing_month(period: Period) -> Period:
    """The last month of a period: when a balance at its close is counted."""
    last = period.last or period.first
    first = last.replace(day=1)
    end = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    label = f"{last.year}-{last.month:02d}"
    return Period(period.start, period.end, first, end, label, period.event, period.at_end)


def calendar_year(period: Period) -> Period:
    """The calendar year a period falls in: what "over the year" means after "in December"."""
    year = period.first.year
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return Period(period.start, period.end, first, last, str(year), period.event, period.at_end)


def year_to_month(period: Period) -> Period:
    """The twelve months that end with a month's period: what "over the year" means after
    "in September" (a change over the year, as payroll news counts it)."""
    last = period.last or period.first
    if last.month == 12:
        return calendar_year(period)
    first = dt.date(last.year - 1, last.month + 1, 1)
    label = f"{first.year}-{first.month:02d}/{last.year}-{last.month:02d}"
    return Period(period.start, period.end, first, last, label, period.event, period.at_end)


def year_before(period: Period) -> Period | None:
    """The same span of the year before: what "a year earlier" means for a figure compared."""
    if not _SHIFTABLE_LABEL.match(period.label) or period.last is None:
        return None
    try:
        first, last = period.first.replace(year=period.first.year - 1), _a_year_before(period.last)
    except ValueError:
        return None  # the year 1
    label = _LABEL_YEAR.sub(lambda match: str(int(match.group()) - 1), period.label)
    if period.label.startswith("FY"):  # "FY2025-26 Q2" -> "FY2024-25 Q2"
        label = _FISCAL_LABEL_YEARS.sub(_fiscal_label_year_before, period.label)
    return Period(period.start, period.end, first, last, label, period.event, period.at_end)


def months_to(period: Period, count: int) -> Period:
    """The `count` months that end with the period's last: what "in the eight months" means
    after "in August" when no period of the article is eight months long."""
    last = period.last or period.first
    first, end, label = _months_ending(last.year, last.month, count)
    return Period(period.start, period.end, first, end, label, period.event, period.at_end)


def months_before(period: Period, count: int) -> Period:
    """The month `count` months before a month's period: "three months earlier"."""
    index = period.first.year * 12 + period.first.month - 1 - count
    first = dt.date(index // 12, index % 12 + 1, 1)
    last = dt.date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    label = f"{first.year}-{first.month:02d}"
    return Period(period.start, period.end, first, last, label, period.event, period.at_end)


def same_span_in(period: Period, year: int) -> Period | None:
    """The same span of the period in an earlier `year`: "in the same period of 2024"."""
    shifted: Period | None = period
    for _ in range(max(0, min(period.first.year - year, 10))):
        shifted = None if shifted is None else year_before(shifted)
    return shifted if shifted is not None and shifted.first.year == year else None


def _a_year_before(day: dt.date) -> dt.date:
    """The same day a year before; the last of February for the 29th, and for the 28th
    that ends a month (February 2024 ends on the 29th)."""
    last = calendar.monthrange(day.year - 1, day.month)[1]
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return day.replace(year=day.year - 1, day=last)
    return day.replace(year=day.year - 1, day=min(day.day, last))


_SHIFTABLE_LABEL = re.compile(r"^(?:FY)?\d{4}(?:$|[ -])")
_LABEL_YEAR = re.compile(r"\b\d{4}\b")
_FISCAL_LABEL_YEARS = re.compile(r"^FY(\d{4})-(\d\d)")


def _fiscal_label_year_before(match: re.Match[str]) -> str:
    return f"FY{int(match[1]) - 1}-{(int(match[2]) - 1) % 100:02d}"


def reference_year(text: str, published_on: dt.date | None) -> int | None:
    """The year "this year" means: the publication's, else the year after the latest named.

    Without a date, news reports figures of the year before it is written: an article whose
    latest figures are for 2023 is read as written in 2024.
    """
    if published_on is not None:
        return published_on.year
    years = [int(match.group()) for match in re.finditer(_YEAR, text)]
    return max(years) + 1 if years else None


_Span = tuple[dt.date, dt.date | None, str]
# How far ahead a forecast's period without a year may end and still be next year's.
_MONTHS_AHEAD = 6


def _year_of(match: re.Match[str], anchor: _Anchor, last_month: int) -> int | None:
    """The match's own year, else the sentence's, else the latest ended by publication."""
    groups = match.groupdict()
    if groups.get("year"):
        return int(match["year"])
    if groups.get("relative") and anchor.reference_year is not None:
        return anchor.reference_year + RELATIVE_YEARS[" ".join(match["relative"].split()) + " year"]
    if anchor.sentence_year is not None and not _against_the_tense(
        anchor.sentence_year, last_month, match, anchor
    ):
        return anchor.sentence_year
    if anchor.published_on is not None:
        published = anchor.published_on
        # "expects ... in January", written in November: next January; but a forecast written
        # in May of "the first quarter" is rare, so a span ending more than half a year ahead
        # is the last one ended ("grows 2.3% in first quarter, outpacing forecasts").
        if anchor.looks_ahead(match.start()) and not _ended(match):
            if last_month >= published.month:
                return published.year
            if 12 - published.month + last_month <= _MONTHS_AHEAD:
                return published.year + 1
        ended = dt.date(published.year, last_month, 1) <= published
        return published.year if ended else published.year - 1
    return anchor.reference_year


def _against_the_tense(year: int, last_month: int, match: re.Match[str], anchor: _Anchor) -> bool:
    """Whether the sentence's year would date a span against the tense of its clause: one
    stated as done (no plan, no forecast), after publication, not begun when it was written
    (its last month more than a quarter ahead); one forecast, ended more than half a year
    before. In "reported fourth-quarter net earnings of $1.14 billion and set a capital budget
    for 2026", written in February 2026, the quarter is 2025's, the year the budget's; in
    "expects 2.9 million visitors from August to October, which would beat the 2024 record",
    written in September 2025, the months are 2025's. (A quarter under way, "growth of 10 per
    cent in the fourth quarter" written in October, is the year's all the same.)"""
    published = anchor.published_on
    if published is None:
        return False
    ahead = (year - published.year) * 12 + last_month - published.month
    if anchor.looks_ahead(match.start()):
        return ahead < -_HALF_YEAR
    return ahead > _QUARTER_MONTHS and not anchor.plans(match.start())


_QUARTER_MONTHS = 3
_HALF_YEAR = 6


# "the year ended June 30": a span already ended, whatever the sentence forecasts.
_ENDED = re.compile(r"\bended\b", re.IGNORECASE)
# "memoranda signed at the investors' meet in January, expected to ...": an event done.
_DONE_BEFORE = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)\b(?:signed|held|announced|issued|published|released|hosted|"
    r"unveiled)\s+(?:(?:at|during|by)\s+[^,;.\d]{0,50}?\s+)?(?:in|on)\s+$"
)


def _ended(match: re.Match[str]) -> bool:
    """Whether the period named has ended whatever the sentence forecasts."""
    if _ENDED.search(match.group()):
        return True
    return _DONE_BEFORE.search(match.string, max(0, match.start() - 80), match.start()) is not None


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def _number(written: str) -> int:
    lower = written.lower()
    if lower.isdigit():
        return int(lower)
    if lower in numerals.ORDINALS:
        return int(numerals.ORDINALS[lower])
    if lower in numerals.CARDINALS:
        return int(numerals.CARDINALS[lower])  # "ten", "seven": no ordinal suffix to strip
    return int(numerals.parse_words(lower.rstrip("stndrh")))


def _quarter_number(written: str) -> int:
    """ "second", "2nd", "2": 2."""
    return _number(re.sub(r"(?<=\d)(st|nd|rd|th)$", "", written))


def _quarters(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    count = _number(match["n"])
    if not 1 <= count <= 4:
        return None
    year = _year_of(match, anchor, count * 3)
    return None if year is None else (*_months(year, 1, count * 3), f"{year} Q1-Q{count}")


def _quarter(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    quarter = _quarter_number(match["q"])
    if not 1 <= quarter <= 4:
        return None
    closing = _QUARTER_CLOSING.match(match.string, match.end())
    if closing is not None:
        # "the second quarter ended September 30, 2025": the three months the date closes,
        # whichever quarter of its fiscal year the company counts them
        last = MONTH_NUMBERS[closing["month"].lower()[:3]]
        year = int(closing["year"]) if closing["year"] else _year_of(closing, anchor, last)
        return None if year is None else _months_ending(year, last, 3)
    fiscal = anchor.fiscal
    if fiscal is not None and fiscal.quarters and not match.groupdict().get("year"):
        last = (fiscal.start + quarter * 3 - 2) % 12 + 1
        year = _year_of(match, anchor, last)
        if year is None:
            return None
        first_year = year if last >= fiscal.start else year - 1
        return _fiscal_part_span(first_year, fiscal.start, quarter, 3)
    year = _year_of(match, anchor, quarter * 3)
    if year is None:
        return None
    if _END_OF_BEFORE.search(match.string, max(0, match.start() - 20), match.start()):
        # "employed 68,400 people at the end of the first quarter": a stock of its last month
        return (*_months(year, quarter * 3, quarter * 3), f"{year}-{quarter * 3:02d}")
    return (*_months(year, quarter * 3 - 2, quarter * 3), f"{year} Q{quarter}")


_END_OF_BEFORE = re.compile(r"\b(?:at|by)\s+the\s+end\s+of\s+(?:the\s+)?$")
# The date a quarter closed, after its name: "(the second quarter) ended September 30, 2025".
_CLOSED_ON = (
    r"\s+(?:ended|ending)\s+(?:on\s+)?(?:\d{1,2}\s+)?"
    rf"(?P<month>{_MONTH})(?:\s+\d{{1,2}})?(?:,?\s+(?P<year>{_YEAR}))?"
)
_QUARTER_CLOSING = re.compile(_CLOSED_ON)
# A quarter of a fiscal year: "Q2 FY26", "Q3FY2025", "Q2 fiscal 2026", "the second quarter of
# FY 2025-26" (a year that opens a span of two is the first year of the fiscal one).
_FISCAL_QUARTER = (
    rf"\b(?:(?:the\s+)?(?P<q>{_QUARTER})[-\s]quarter\s+of\s+(?:the\s+)?|Q(?P<qn>[1-4])\s*"
    r"(?:of\s+)?)(?:FY\s*'?|fiscal\s+(?:year\s+)?)(?P<fy>(?:20)?\d\d)(?P<span>[-/\u2013]\d\d)?\b"
)


def _fiscal_quarter(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "Q2 FY26": the second three months of the fiscal year FY26 names (`_fiscal_year_named`);
    a calendar quarter where the article says nothing of how its fiscal years run."""
    quarter = _quarter_number(match["q"] or match["qn"])
    if not 1 <= quarter <= 4:
        return None
    return _fiscal_part(match, anchor, quarter, 3)


# A half of a fiscal year: "the first half of fiscal 2025", "H1 FY26", "the second half of
# FY2025-26".
_FISCAL_HALF = (
    r"\b(?:(?:the\s+)?(?P<h>first|second)[-\s]half\s+of\s+(?:the\s+)?|H(?P<hn>[12])\s*"
    r"(?:of\s+)?)(?:FY\s*'?|fiscal\s+(?:year\s+)?)(?P<fy>(?:20)?\d\d)(?P<span>[-/\u2013]\d\d)?\b"
)


def _fiscal_half(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "the first half of fiscal 2025": the first six months of the fiscal year it names."""
    return _fiscal_part(match, anchor, 1 if (match["h"] or match["hn"]) in ("first", "1") else 2, 6)


# The first months of a named fiscal year: "the first nine months of fiscal 2026".
_FISCAL_MONTHS = (
    rf"\b(?:the\s+)?first\s+(?P<n>{_COUNT})\s+months\s+of\s+(?:the\s+)?"
    r"(?:FY\s*'?|fiscal\s+(?:year\s+)?)(?P<fy>(?:20)?\d\d)(?P<span>[-/\u2013]\d\d)?\b"
)


def _fiscal_months(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "the first nine months of fiscal 2026": from the start of the fiscal year it names (of
    the calendar year where the article says nothing of its fiscal years)."""
    count = _number(match["n"])
    if not 1 <= count <= 12:
        return None
    named = int(match["fy"])
    year = named if named > 99 else 2000 + named
    fiscal = anchor.fiscal
    if fiscal is None:
        return _months_ending(year, count, count)
    first_year = year if fiscal.named_by_first_year or match["span"] else year - 1
    last = first_year * 12 + fiscal.start - 2 + count  # months since year 0, from 0
    return _months_ending(last // 12, last % 12 + 1, count)


def _fiscal_part(match: re.Match[str], anchor: _Anchor, number: int, length: int) -> _Span:
    """Part `number` (of `length` months) of the fiscal year a match names in its `fy` and
    `span` groups; of the calendar year where the article says nothing of its fiscal years."""
    named = int(match["fy"])
    year = named if named > 99 else 2000 + named
    fiscal = anchor.fiscal
    if fiscal is None:
        first, last = _months(year, number * length - length + 1, number * length)
        return first, last, f"{year} {_part_label(number, length)}"
    first_year = year if fiscal.named_by_first_year or match["span"] else year - 1
    return _fiscal_part_span(first_year, fiscal.start, number, length)


def _fiscal_part_span(first_year: int, start: int, number: int, length: int) -> _Span:
    """Part `number` (a quarter or a half: `length` months) of the fiscal year that starts in
    month `start` of `first_year`."""
    months = first_year * 12 + start - 1 + (number - 1) * length
    first = dt.date(months // 12, months % 12 + 1, 1)
    end = months + length
    last = dt.date(end // 12, end % 12 + 1, 1) - dt.timedelta(days=1)
    year_end = dt.date(first_year + 1, start, 1) - dt.timedelta(days=1)
    label = fiscal_label(dt.date(first_year, start, 1), year_end)
    return first, last, f"{label} {_part_label(number, length)}"


def _part_label(number: int, length: int) -> str:
    """ "Q2" for the second part three months long, "H1" for the first six months long."""
    return f"{'Q' if length == 3 else 'H'}{number}"


def _half(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    half = 1 if match["h"].lower() in ("first", "1") else 2
    fiscal_start = _fiscal_start_said(match, anchor) if "fiscal" in match.group() else None
    if fiscal_start:  # "the first half of its fiscal year": six months from its start
        last = (fiscal_start + half * 6 - 2) % 12 + 1
        year = _year_of(match, anchor, last)
        return None if year is None else _months_ending(year, last, 6)
    year = _year_of(match, anchor, half * 6)
    return None if year is None else _calendar_half(year, half)


def _calendar_half(year: int, half: int) -> _Span:
    return (*_months(year, half * 6 - 5, half * 6), f"{year} H{half}")


def _first_months(match: re.Match[str], _anchor: _Anchor) -> _Span | None:
    """ "9M 2026": January to September 2026; "1H25": the first half of 2025."""
    year = int(match["year"]) if match["year"] else 2000 + int(match["short"])
    if match["h"]:
        return _calendar_half(year, int(match["h"]))
    return _months_ending(year, int(match["n"]), int(match["n"]))


def _half_year(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "half-year net profit", "its half-yearly results": the last half of the company's year
    (of the calendar's where its fiscal year is) ended before publication; "the half-year
    report at 30 June 2025": the half that ends then."""
    closing = _HALF_CLOSING.match(match.string, match.end())
    if closing is not None:
        last = MONTH_NUMBERS[closing["month"].lower()[:3]]
        year = int(closing["year"]) if closing["year"] else _year_of(closing, anchor, last)
        return None if year is None else _half_ending(year, last)
    if anchor.published_on is None:
        return None
    published, start = anchor.published_on, anchor.fiscal_start or 1
    # the half ends in the month before the latest half-start on or before the last month ended
    months_in = (published.month - start) % 6  # months since a half started
    last_month = (published.month - months_in - 2) % 12 + 1
    year = published.year if last_month < published.month else published.year - 1
    if start == 1:
        return _calendar_half(year, last_month // 6)
    return _months_ending(year, last_month, 6)


# "half-year report at 30 June 2025", "half-year to June 30": the date the half closes.
_HALF_CLOSING = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(?:at|to|ended|ending|as\s+at|as\s+of)\s+(?:\d{1,2}\s+)?"
    rf"(?P<month>{_MONTH})(?:\s+\d{{1,2}})?(?:,?\s+(?P<year>{_YEAR}))?"
)


def _half_ending(year: int, last: int) -> _Span:
    """The six months to month `last` of `year`: a calendar half where it ends one."""
    return _calendar_half(year, last // 6) if last % 6 == 0 else _months_ending(year, last, 6)


def _month_range(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    first = MONTH_NUMBERS[match["m1"].lower()[:3]] if match["m1"] else 1
    groups = match.groupdict()
    last = MONTH_NUMBERS[groups["m2"].lower()[:3]] if groups.get("m2") else _number(groups["n"])
    fiscal_start = _fiscal_start_said(match, anchor) if "fiscal" in match.group() else None
    if fiscal_start and not match["m1"]:  # "the first five months of the fiscal year"
        first, last = fiscal_start, (fiscal_start + last - 2) % 12 + 1
    if not (1 <= first <= 12 and 1 <= last <= 12):
        return None
    year = _year_of(match, anchor, last)
    if year is None:
        return None
    return _months_ending(year, last, (last - first) % 12 + 1)  # "April to March": twelve


def _listed_months(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "June, July and August": the span of three months listed in a row (not "January, March
    and May")."""
    first, middle, last = (MONTH_NUMBERS[match[name].lower()[:3]] for name in ("m1", "mid", "m2"))
    if middle != first % 12 + 1 or last != middle % 12 + 1:
        return None
    return _month_range(match, anchor)


def _months_just_ended(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "rose 11% in nine months", written in October or November: the first nine months of
    the year. Months that did not just end, or lie ahead ("will be finished in nine months"),
    are a length of time, no period."""
    published = anchor.published_on
    if published is None or anchor.looks_ahead(match.start()):
        return None
    if (published.month - 1 - _number(match["n"])) % 12 not in (0, 1):
        return None
    return _month_range(match, anchor)


def _dated_months(match: re.Match[str], _anchor: _Anchor) -> _Span | None:
    """ "between November 2025 and January 2026", "July 2026 to June 2027": months each with
    its year, across the new year or not."""
    first, last = MONTH_NUMBERS[match["m1"].lower()[:3]], MONTH_NUMBERS[match["m2"].lower()[:3]]
    first_year, last_year = int(match["y1"]), int(match["y2"])
    count = (last_year - first_year) * 12 + last - first + 1
    if not 1 < count <= 24:
        return None
    return _months_ending(last_year, last, count)


def _days_between(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "between November 1 and January 31", "from Oct. 1 to Jan. 18": the months from the first
    day's to the last's, across the new year when the last month comes first; each year as
    written, else the latest the last month ended in."""
    first, last = MONTH_NUMBERS[match["m1"].lower()[:3]], MONTH_NUMBERS[match["m2"].lower()[:3]]
    if match["y2"]:
        last_year = int(match["y2"])
    elif match["y1"]:
        last_year = int(match["y1"]) + (last < first)
    else:
        year = _year_of(match, anchor, last)
        if year is None:
            return None
        last_year = year
    count = (last - first) % 12 + 1
    return _months_ending(last_year, last, count)


def _through_month(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "through September": from the start of the year, or of the fiscal year where the
    article's runs otherwise ("at $6.9 billion through February" in a July-June state), to the
    end of that month."""
    last = MONTH_NUMBERS[match["m2"].lower()[:3]]
    year = _year_of(match, anchor, last)
    if year is None:
        return None
    first = anchor.fiscal_start or 1
    return _months_ending(year, last, (last - first) % 12 + 1)


def _quarter_ending(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "the December quarter": a calendar quarter; "the August quarter" (as Australia's
    statistics count some series): the three months to August."""
    last = MONTH_NUMBERS[match["m2"].lower()[:3]]
    year = _year_of(match, anchor, last)
    if year is None:
        return None
    if last % 3:
        return _months_ending(year, last, 3)
    return (*_months(year, last - 2, last), f"{year} Q{last // 3}")


def _months_to(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "the six months to December": a count of months ending with the one named."""
    count = 3 if match["quarter"] else _number(match["n"])
    last = MONTH_NUMBERS[match["m2"].lower()[:3]]
    if not 1 <= count <= 12:
        return None
    year = _year_of(match, anchor, last)
    return None if year is None else _months_ending(year, last, count)


def _years_to(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "the three years through March 2029": whole years ending with the month named."""
    count, last = _number(match["n"]), MONTH_NUMBERS[match["m2"].lower()[:3]]
    year = _year_of(match, anchor, last)
    if year is None or not 1 <= count <= 30:
        return None
    end = dt.date(year, last, calendar.monthrange(year, last)[1])
    first = dt.date(year - count, last + 1, 1) if last < 12 else dt.date(year - count + 1, 1, 1)
    return first, end, f"{first.year}-{first.month:02d}/{year}-{last:02d}"


def _months_ending(year: int, last: int, count: int) -> _Span:
    """`count` months ending with month `last` of `year`, across the new year if need be
    ("the six months to March": October to March)."""
    end = dt.date(year, last, calendar.monthrange(year, last)[1])
    if count <= last:
        first = last - count + 1
        label = f"{year} {calendar.month_abbr[first]}-{calendar.month_abbr[last]}"
        return dt.date(year, first, 1), end, label
    first = last - count + 13
    return dt.date(year - 1, first, 1), end, f"{year - 1}-{first:02d}/{year}-{last:02d}"


# "its fiscal year, which runs from April to March": the month the company's year starts.
_FISCAL_YEAR_RUNS = re.compile(
    rf"(?i:\bfiscal\s+year,?\s+(?:which|that)\s+runs\s+from\s+(?P<m1>{_MONTH})\s+to\b)"
)


# "its fiscal year, which runs from April to March": months that say how a year runs, dating
# no figure.
_FISCAL_YEAR_RUNS_BEFORE = re.compile(r"(?i:\bfiscal\s+year,?\s+(?:which|that)\s+runs\s+from\s+)$")


def _fiscal_year_runs_before(text: str, before: int, start: int) -> bool:
    """`_FISCAL_YEAR_RUNS_BEFORE.search`, run only after a "from" (see `may_end_with`)."""
    lead_in = text[before:start]
    return may_end_with(lead_in, ("from",)) and bool(
        _FISCAL_YEAR_RUNS_BEFORE.search(text, before, start)
    )


def _fiscal_start_said(match: re.Match[str], anchor: _Anchor) -> int | None:
    """The month the fiscal year starts: as the sentence says it, else as its country does."""
    said = _FISCAL_YEAR_RUNS.search(anchor.text, match.start(), anchor.end)
    if said is not None:
        return MONTH_NUMBERS[said["m1"].lower()[:3]]
    return anchor.fiscal_start


def _month(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    month = MONTH_NUMBERS[match["m1"].lower()[:3]]
    year = _year_of(match, anchor, month)
    return None if year is None else (*_months(year, month, month), f"{year}-{month:02d}")


def _abbreviated_month(match: re.Match[str], _anchor: _Anchor) -> _Span:
    """ "Aug 2025", "Sep/25": a month of the year written after it."""
    month = MONTH_NUMBERS[match["m1"].lower()[:3]]
    year = int(match["year"]) if match["year"] else 2000 + int(match["short"])
    return (*_months(year, month, month), f"{year}-{month:02d}")


def _year_end(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "at the end of last year": a stock the year closed with, dated by the year (as news
    reports a year-end headcount or capacity beside the year's flows)."""
    year = _year_of(match, anchor, 12)
    return None if year is None else (dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))


def _years(match: re.Match[str], _anchor: _Anchor) -> _Span | None:
    first, last = int(match["y1"]), int(match["y2"])
    if last < first:
        return None
    return dt.date(first, 1, 1), dt.date(last, 12, 31), f"{first}-{last}"


def _since(match: re.Match[str], anchor: _Anchor) -> _Span:
    return dt.date(int(match["year"]), 1, 1), anchor.published_on, f"since {match['year']}"


def _years_to_year(match: re.Match[str], _anchor: _Anchor) -> _Span | None:
    """ "the decade to 2031": the ten years ending with 2031."""
    count, last = 10 if match["decade"] else _number(match["n"]), int(match["year"])
    if not 1 <= count <= 30:
        return None
    return dt.date(last - count + 1, 1, 1), dt.date(last, 12, 31), f"{last - count + 1}-{last}"


def _past_years(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    if anchor.reference_year is None:
        return None
    count, last = _number(match["n"]), anchor.reference_year - 1
    return dt.date(last - count + 1, 1, 1), dt.date(last, 12, 31), f"{last - count + 1}-{last}"


def _next_years(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "over the next two years": the years after the reference year; written in its first
    half, when most of it is still ahead, the years from it."""
    if anchor.reference_year is None:
        return None
    published = anchor.published_on
    first = anchor.reference_year + (published is None or published.month > 6)
    last = first + _number(match["n"]) - 1
    return dt.date(first, 1, 1), dt.date(last, 12, 31), f"{first}-{last}"


def _years_ending(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "its five-year annualised return": the years up to the sentence's (else last year)."""
    last = anchor.sentence_year
    if last is None and anchor.reference_year is not None:
        last = anchor.reference_year - 1
    if last is None:
        return None
    first = last - _number(match["n"]) + 1
    return dt.date(first, 1, 1), dt.date(last, 12, 31), f"{first}-{last}"


def _year_span(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "2021-2025" and "over 2026-27" are years; "FY2025-26", a fiscal year, runs from April
    to March."""
    if len(match["y2"]) == 4:
        return _years(match, anchor)
    first = int(match["y1"])
    if int(match["y2"]) != (first + 1) % 100:
        return None
    if _COMMODITY_YEAR_AFTER.match(match.string, match.end()):
        first_day, last_day = dt.date(first, 10, 1), dt.date(first + 1, 9, 30)
        return first_day, last_day, f"{first}-10/{first + 1}-09"
    if _SEASON_AFTER.match(match.string, match.end()):
        # "the 2025/26 season": one harvest, the period the article reports on (a span of
        # years a plan covers is not).
        return dt.date(first, 1, 1), dt.date(first + 1, 12, 31), f"{first}-{first + 1} season"
    if not _names_fiscal_year(match, anchor):
        return dt.date(first, 1, 1), dt.date(first + 1, 12, 31), f"{first}-{first + 1}"
    month = anchor.fiscal_start or 4
    last = dt.date(first + 1, month, 1) - dt.timedelta(days=1)
    return dt.date(first, month, 1), last, fiscal_label(dt.date(first, month, 1), last)


def _names_fiscal_year(match: re.Match[str], anchor: _Anchor) -> bool:
    """Whether "2024-25" is a fiscal year: said so, or written in a country whose fiscal year
    does not start in January, where news names its fiscal years so."""
    text = match.string
    return bool(
        anchor.fiscal_start
        or _FISCAL_BEFORE.search(text, max(0, match.start() - 16), match.start())
        or _FISCAL_AFTER.match(text, match.end())
    )


# "the 2025/26 season", "the 2024-25 crop year", "the 2025/26 crushing season": a harvest's
# span, not a fiscal year.
_SEASON_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:season|crop|harvest|campaign|marketing\s+year)\b"
)
# "the 2024/25 coffee year": the trade's year, October to September (as the ICO, the ICCO and
# the ISO count coffee, cocoa and sugar).
_COMMODITY_YEAR_AFTER = re.compile(r"\s+(?:coffee|cocoa|sugar)\s+year\b")
_FISCAL_BEFORE = re.compile(r"(?i:\bFY\s*|\b(?:fiscal|financial)\s+(?:year\s+)?)$")
_FISCAL_AFTER = re.compile(r"(?i:\s+(?:fiscal|financial|budget)\s+year)\b")


def fiscal_year(text: str) -> FiscalYear | None:
    """How the fiscal years of the article run, when not as the calendar: as the article says
    ("for the year ended June 30", "the new financial year starts on July 1"), else as those of
    the country its opening names (`cues.FISCAL_YEAR_STARTS`)."""
    start = _fiscal_start_stated(text)
    if start is None:
        start = _fiscal_start_named(text)
    if start is None or start == 1:
        return None
    first_year = (
        start == 4 and _NAMED_BY_FIRST_YEAR.search(text, 0, _OPENING) is not None
    ) or _named_by_first_year_stated(text)
    quarters = _counts_fiscal_quarters(text) or _fiscal_quarter_closed(text, start)
    return FiscalYear(start, first_year, quarters)


def _fiscal_quarter_closed(text: str, start: int) -> bool:
    """Whether the article names a quarter of its fiscal year by the date it closed: "the second
    quarter ended September 30" where the year starts in April (not a calendar quarter's end)."""
    if "quarter" not in text:
        return False
    for closed in _QUARTER_CLOSED.finditer(text):
        quarter = _quarter_number(closed["q"])
        last = MONTH_NUMBERS[closed["month"].lower()[:3]]
        if 1 <= quarter <= 4 and last != quarter * 3 and last == (start + quarter * 3 - 2) % 12 + 1:
            return True
    return False


def _counts_fiscal_quarters(text: str) -> bool:
    """Whether the article counts quarters in its fiscal year (`_FISCAL_QUARTERS_COUNTED`),
    searched only where it names a quarter and a fiscal year in words the pattern needs: a
    search of a whole text for it (in any case, from a word boundary) is slow."""
    lower = text.lower()
    return (
        ("fy" in lower or "fiscal" in lower or "financial" in lower)
        and ("quarter" in lower or any(q in lower for q in ("q1", "q2", "q3", "q4")))
        and _FISCAL_QUARTERS_COUNTED.search(text) is not None
    )


def _named_by_first_year_stated(text: str) -> bool:
    """Whether the article names a fiscal year by the year it starts in, as it says: "fiscal
    2024, which ended Feb. 1, 2025" (as retailers whose year ends in January do)."""
    stated = _FISCAL_YEAR_ENDED_IN.search(text)
    return stated is not None and int(stated["ended"]) == int(stated["named"]) + 1


_FISCAL_YEAR_ENDED_IN = re.compile(
    r"\b(?:fiscal|financial)\s+(?:year\s+)?(?P<named>20\d\d),?\s+(?:which|that)\s+"
    rf"(?:ended|ends)\s+(?:on\s+)?(?:{_MONTH}|{_MONTH_ABBREVIATED}\.?)\s+\d{{1,2}},?\s+"
    r"(?P<ended>20\d\d)\b",
    re.IGNORECASE,
)
_QUARTER_CLOSED = re.compile(rf"\b(?P<q>{_QUARTER})[-\s]quarter{_CLOSED_ON}", re.IGNORECASE)
# The article counts quarters in its fiscal year: "Q2 FY26", "its fiscal third quarter", "the
# first quarter of the company's fiscal year".
_FISCAL_QUARTERS_COUNTED = re.compile(
    rf"{_FISCAL_QUARTER}|\bfiscal\s+(?:{_QUARTER})[-\s]quarter\b|\b(?:{_QUARTER})[-\s]quarter\s+"
    r"of\s+(?:the|its|their|the\s+company's|the\s+group's)\s+(?:fiscal|financial)\s+year\b",
    re.IGNORECASE,
)


# News names the country it reports on in its opening paragraphs.
_OPENING = 1500
# (in capitals too, as datelines write a city: "LAHORE - ")
_FISCAL_YEAR_START_OF = {
    written: month
    for month, names in cues.FISCAL_YEAR_STARTS
    for name in names
    for written in ((name, name.upper()) if len(name) > 3 and not name.isupper() else (name,))
}

# A search skips quickly to the first letter of a cue, and tries there only the cues that start
# with it ("c" and "l", of "crore" and "lakh", are at most places of a text).
_FISCAL_YEAR_CUE = re.compile(
    "(?:{})(?![A-Za-z])".format(
        cues.by_first_character(
            "|".join(map(re.escape, sorted(_FISCAL_YEAR_START_OF, key=len, reverse=True))),
            guard=r"(?<![\w$]{first})",
        )
    )
)
# Words several countries write, and Punjab, a province of Pakistan and a state of India: a
# country or a city named beside them says whose fiscal year it is.
_SHARED_FISCAL_CUES = frozenset({"crore", "lakh", "Punjab", "PUNJAB"})


def _fiscal_start_named(text: str) -> int | None:
    """The month the fiscal year of the country the opening names starts; "crore" and "lakh",
    written in Bangladesh and Pakistan as in India, and "Punjab" count only where no country or
    city is named."""
    shared = None
    for named in _FISCAL_YEAR_CUE.finditer(text, 0, _OPENING):
        if named.group() not in _SHARED_FISCAL_CUES:
            return _FISCAL_YEAR_START_OF[named.group()]
        shared = shared or _FISCAL_YEAR_START_OF[named.group()]
    return shared


# Japan names a fiscal year by the year it starts in: "fiscal 2024" runs April 2024-March 2025.
_NAMED_BY_FIRST_YEAR = re.compile(
    r"\b(?:Japan|Japanese|yen|Tokyo|Osaka|Hokkaido|Kyushu|Okinawa|prefectural)\b"
)
# How an article says when its fiscal year starts or ends: "the financial year starts on July
# 1", "in the fiscal year that ended in March", "for the year ended June 30" (a company's
# results; not "prices rose 3 percent in the year to June", a span of twelve months). Tried
# where "year" is written, after the words that make it a fiscal one.
# "fiscal 2024, which ended in March": a fiscal year named by its number says so too.
# (Written to start with a class of first letters: a search skips quickly to one of them.)
_YEAR_WORD = re.compile(r"[Yy12](?:(?<=[Yy])ear|(?<=l [12])[09]\d\d)")
_FISCAL_BEFORE_YEAR = re.compile(r"(?i:(?P<fiscal>fiscal|financial|budget)|\bthe)\s+$")
_FISCAL_YEAR_STATED = re.compile(
    # "the fiscal year 2024/25 that ended in June": the year may be named before its clause
    r"(?:year(?:\s+\d{4}(?:[-/\u2013]\d\d(?:\d\d)?)?)?|\d{4}),?\s+(?:(?:that|which)\s+)?"
    r"(?:(?P<starts>starts|started|begins|began|starting|beginning|runs\s+from|ran\s+from)|"
    # "the financial year ended 31 May 2025": the day may come first
    r"ended|ending|ends|(?P<to>to))\s+(?:on\s+|in\s+)?(?:(?P<day_first>\d{1,2})\s+)?"
    rf"(?P<month>{_MONTH}|{_MONTH_ABBREVIATED}\.?)(?:\s+(?P<day>\d{{1,2}})\b)?",
    re.IGNORECASE,
)


def _fiscal_start_stated(text: str) -> int | None:
    """The month the fiscal year starts, as the article states it."""
    runs = _TWELVE_MONTHS_RUN.search(text)
    if runs is not None:
        first, last = (MONTH_NUMBERS[runs[group].lower()[:3]] for group in ("first", "last"))
        if first == last % 12 + 1:
            return first  # "a budget that takes effect July 1 and runs through June 30"
    for months in _MONTHS_IN_BRACKETS.finditer(text) if "(" in text else ():
        first, last = (MONTH_NUMBERS[months[group].lower()[:3]] for group in ("first", "last"))
        named = _FISCAL_NAMED_BEFORE.search(text, max(0, months.start() - 30), months.start())
        if named is not None and first == last % 12 + 1:
            return first  # "in fiscal year 2024-25 (July-June)"
    for word in _YEAR_WORD.finditer(text):
        stated = _FISCAL_YEAR_STATED.match(text, word.start())
        if stated is None:
            continue  # most years: "last year", "a year earlier"
        before = _FISCAL_BEFORE_YEAR.search(text, max(0, word.start() - 11), word.start())
        # "its financial year to April"; "in the year to March" is twelve months of statistics
        if before is None or ((stated["starts"] or stated["to"]) and not before["fiscal"]):
            continue
        month = MONTH_NUMBERS[stated["month"].lower()[:3]]
        return (
            month if stated["starts"] else _month_after(month, stated["day"] or stated["day_first"])
        )
    return None


# Twelve months in brackets after a fiscal year: "fiscal year 2024-25 (July-June)", "FY25
# (April-March)".
_MONTHS_IN_BRACKETS = re.compile(rf"\((?P<first>{_MONTH})\s*[-\u2013/]\s*(?P<last>{_MONTH})\)")
_FISCAL_NAMED_BEFORE = re.compile(
    r"(?:\b(?:[Ff]iscal|[Ff]inancial|[Bb]udget)\s+year|\bFY)[^()\n]{0,14}$"
)


# A year said to run from a month's first day to another's last: "takes effect July 1 and runs
# through June 30", "runs from April 1 to March 31".
# (Written to start with a class of first letters, as _YEAR_WORD.)
_TWELVE_MONTHS_RUN = re.compile(
    r"[tbsr](?<!\w[tbsr])(?:(?<=t)akes\s+effect|(?<=b)egins|(?<=s)tarts|(?<=r)uns\s+from)\s+"
    rf"(?:on\s+)?(?P<first>{_MONTH})\s+1\b,?"
    rf"\s+(?:and\s+)?(?:runs\s+)?(?:through|to|until)\s+(?P<last>{_MONTH})\s+3[01]\b"
)


def _month_after(last: int, day: str | None) -> int:
    """The month after a year that ends in month `last` (on `day`): "to July 1" ends in June,
    and so does Ethiopia's, "that ended on July 7": a year that ends in a month's first week
    is the year to the month before."""
    return last if day is not None and int(day) <= 7 else last % 12 + 1


def _fiscal_year_named(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "fiscal 2025", "FY2025", "FY25": the fiscal year ending in 2025 (starting in it, in
    Japan)."""
    named = match["year"] or match["before"]
    year = int(named) if named else 2000 + int(match["short"])
    fiscal = anchor.fiscal
    if fiscal is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), str(year)
    first_year = year if fiscal.named_by_first_year else year - 1
    if match["ended"]:  # "fiscal 2024, which ended Feb. 1, 2025": the year before it ended
        first_year = int(match["ended"]) - 1
    first = dt.date(first_year, fiscal.start, 1)
    last = dt.date(first_year + 1, fiscal.start, 1) - dt.timedelta(days=1)
    return first, last, fiscal_label(first, last)


# How many fiscal years from the one under way at publication.
_FISCAL_STEPS = {"last": -1, "previous": -1, "past": -1, "current": 0, "next": 1, "coming": 1}


def _year_just_ended(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "the year just ended": the fiscal year before the one under way at publication, else the
    calendar year before publication's."""
    if anchor.published_on is None:
        return None
    if anchor.fiscal is None:
        year = anchor.published_on.year - 1
        return dt.date(year, 1, 1), dt.date(year, 12, 31), str(year)
    published, start = anchor.published_on, anchor.fiscal.start
    first_year = (published.year if published.month >= start else published.year - 1) - 1
    first = dt.date(first_year, start, 1)
    last = dt.date(first_year + 1, start, 1) - dt.timedelta(days=1)
    return first, last, fiscal_label(first, last)


def _relative_fiscal_year(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "the last fiscal year": the one before the fiscal year under way at publication."""
    if anchor.fiscal is None or anchor.published_on is None:
        return None  # a calendar year: "last year" says it
    published, start = anchor.published_on, anchor.fiscal.start
    first_year = published.year if published.month >= start else published.year - 1
    first_year += _FISCAL_STEPS[(match["which"] or match["current"]).lower()]
    first = dt.date(first_year, start, 1)
    last = dt.date(first_year + 1, start, 1) - dt.timedelta(days=1)
    return first, last, fiscal_label(first, last)


def _fiscal_year_starting(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "the fiscal year that begins July 1": the next one to begin after publication ("that
    began in April": the last one begun)."""
    if anchor.published_on is None:
        return None
    published, month = anchor.published_on, MONTH_NUMBERS[match["m1"].lower()[:3]]
    first = dt.date(published.year, month, 1)
    if match["begun"]:
        first = first if first <= published else first.replace(year=first.year - 1)
    elif first <= published:
        first = first.replace(year=first.year + 1)
    last = first.replace(year=first.year + 1) - dt.timedelta(days=1)
    return first, last, fiscal_label(first, last)


def fiscal_label(first: dt.date, last: dt.date) -> str:
    """ "FY2024-25": a fiscal year by the calendar years it spans."""
    return f"FY{first.year}-{last.year % 100:02d}"


def _year_to(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "the year to June": the twelve months that end with the one named."""
    last = MONTH_NUMBERS[match["m2"].lower()[:3]]
    if match["day"] and int(match["day"]) <= 7:  # "the year to July 1": to the end of June
        last = (last - 2) % 12 + 1
    year = _year_of(match, anchor, last)
    if year is None:
        return None
    if last == 12:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), str(year)
    first = dt.date(year - 1, last + 1, 1)
    end = dt.date(year, last, calendar.monthrange(year, last)[1])
    return first, end, f"{year - 1}-{last + 1:02d}/{year}-{last:02d}"


def _year_to_date(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "so far this year", "year to date", "since the start of the year": January to the last
    month ended by publication, the last whose figures can have been counted; a year named and
    ended is all of it."""
    published = anchor.published_on
    year = int(match["year"]) if match["year"] else anchor.reference_year
    if year is None:
        return None
    if published is None or year < published.year:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), str(year)
    return _months_ending(year, max(1, published.month - 1), max(1, published.month - 1))


def _full_year(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "its full-year forecast": the year of the sentence, else the reference year."""
    year = anchor.sentence_year or anchor.reference_year
    return None if year is None else (dt.date(year, 1, 1), dt.date(year, 12, 31), str(year))


def _relative_year(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    if anchor.reference_year is None:
        return None
    year = anchor.reference_year + RELATIVE_YEARS[" ".join(match.group().lower().split())]
    return dt.date(year, 1, 1), dt.date(year, 12, 31), str(year)


def _year(match: re.Match[str], _anchor: _Anchor) -> _Span:
    year = int(match["year"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31), str(year)


# Holidays whose figures news reports, and the month each falls in; add one in a line.
# National Day and its Golden Week are China's, which open October.
HOLIDAY_MONTHS = {
    "national day": 10, "golden week": 10, "singles day": 11, "black friday": 11,
    "cyber monday": 11, "thanksgiving": 11, "christmas": 12,
}  # fmt: skip
# The Lunar New Year (Spring Festival) falls in January or February: its first day's month.
LUNAR_NEW_YEAR_MONTHS = {
    2020: 1, 2021: 2, 2022: 2, 2023: 1, 2024: 2, 2025: 1, 2026: 2, 2027: 2, 2028: 1, 2029: 2,
    2030: 2,
}  # fmt: skip
# The two Eids move through the calendar: the month of their first day, each year.
EID_MONTHS = {
    "eid al fitr": {
        2022: 5, 2023: 4, 2024: 4, 2025: 3, 2026: 3, 2027: 3, 2028: 2, 2029: 2, 2030: 2,
    },
    "eid al adha": {
        2022: 7, 2023: 6, 2024: 6, 2025: 6, 2026: 5, 2027: 5, 2028: 5, 2029: 4, 2030: 4,
    },
}  # fmt: skip
# Words one of which a sentence naming a holiday holds (National Day is named with "holiday").
HOLIDAY_WORDS = (
    "holiday", "golden week", "singles", "black friday", "cyber monday", "thanksgiving",
    "christmas", "spring festival", "new year", "eid",
)  # fmt: skip
_HOLIDAY_NAME = re.compile(r"[\s'\u2019-]+")


def _holiday(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "during the Golden Week holiday": the month the holiday falls in."""
    name = _HOLIDAY_NAME.sub(" ", match["holiday"].lower())
    month = HOLIDAY_MONTHS.get(name)
    eid = EID_MONTHS.get(name)
    year = _year_of(match, anchor, month or (6 if eid else 2))
    if year is None:
        return None
    month = month or (eid.get(year) if eid else LUNAR_NEW_YEAR_MONTHS.get(year))
    return None if month is None else (*_months(year, month, month), f"{year}-{month:02d}")


# The last month of each season (of the northern hemisphere, where most news is written).
SEASON_ENDS = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}


def _season(match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """ "last summer": the latest summer ended; "the summer of 2024", "this winter"."""
    name = (match["season"] or match["named"]).lower()
    last = SEASON_ENDS[name]
    if match["year"]:  # the winter of 2024 ends in February 2025
        year = int(match["year"]) + (last < 3)
    elif match["which"].lower() in ("last", "past") and anchor.published_on is not None:
        published = anchor.published_on
        ended = dt.date(published.year, last, 1) < published.replace(day=1)
        year = published.year if ended else published.year - 1
    elif anchor.reference_year is not None:
        year = anchor.reference_year + (match["which"].lower() == "next")
    else:
        return None
    return _months_ending(year, last, 3)


# Years a phrase counts from the reference year; add a phrase in one line.
RELATIVE_YEARS = {
    "last year": -1, "this year": 0, "the past year": -1, "next year": 1,
    "the current year": 0, "the previous year": -1,
}  # fmt: skip
_Build = Callable[[re.Match[str], _Anchor], _Span | None]
_MONTH_NAMES = tuple(name for name in MONTH_NUMBERS if len(name) > 3)
_MONTH_DAYS_WORDS = ("holiday", "holidays", "festival", "break", "period", "week")
_Q = ("q1", "q2", "q3", "q4")
# The cases IGNORECASE matches a lower-case letter with besides its capital.
_FOLDED = {"s": "\u017f", "i": "\u0130\u0131", "k": "\u212a"}


def _first_letter(words: tuple[str, ...], cased: bool = False) -> str:
    """`\\b(?:word|...)` written to start with a class of the words' first letters, the word
    boundary checked after the letter: a search skips quickly to those letters, where one for
    a pattern that begins with \\b tries every position. The words match in any case (they are
    given in lower case), or with `cased` only as written."""
    firsts = "".join(dict.fromkeys(word[0] for word in words))
    if not cased:
        firsts = "".join(f"{c.upper()}{c}{_FOLDED.get(c, '')}" for c in firsts)
    rests = "|".join(f"(?<={word[0]}){word[1:]}" for word in words)
    return rf"[{firsts}](?<!\w.)(?:{rests})" if cased else rf"[{firsts}](?<!\w.)(?i:{rests})"


# "April to June", "April-to-June", "between April and June"
_MONTH_RANGE = (
    rf"\b(?:between\s+)?(?P<m1>{_MONTH})\s*(?:-(?:to-|through-)?|\u2013|to|through|and)\s*(?P<m2>{_MONTH})"
    rf"(?:{_OF_YEAR})?"
)
# "Jan-Sep 2025", "Jan.-Sept.", as tables and headlines write months.
_ABBREVIATED_MONTH_RANGE = (
    rf"\b(?P<m1>{_MONTH_ABBREVIATED})\.?\s*[-\u2013]\s*(?P<m2>{_MONTH_ABBREVIATED})\b\.?"
    rf"(?:{_OF_YEAR})?"
)
# "the quarter ended June 30": the three months to June; "the three and six months ended
# September 30": a report's quarter, the period its figures are of unless said otherwise.
_MONTHS_TO = (
    rf"\b(?:the\s+)?(?:(?P<n>{_COUNT})(?:\s+and\s+{_COUNT})?\s+months|(?P<quarter>quarter))\s+(?:to|ended|ending|through)"
    # "the nine months ended 30 September 2026": the day may come first
    r"\s+(?:the\s+end\s+of\s+|\d{1,2}\s+(?=[A-Z]))?"
    # (a month written short too: "the quarter ended Dec 31")
    rf"(?P<m2>{_MONTH}|{_MONTH_ABBREVIATED}\.?)(?:\s+\d{{1,2}}\b)?(?:,?{_OF_YEAR})?"
)
# "as of March 31, 2027", "by June 30", "at 30 June 2025": a balance counted on a day, of that
# day's month (the day written before the month or after it).
_AS_OF_DAY = _first_letter((r"as\s+(?:of|at)", "by", r"at\s+the\s+end\s+of", "at")) + (
    r"(?i:\s+(?:\d{1,2}\s+(?=[A-Za-z])|(?=[A-Za-z]+\.?\s+\d{1,2}\b))"
    rf"(?P<m1>{_MONTH}|{_MONTH_ABBREVIATED}\.?)(?:\s+\d{{1,2}}\b)?(?:,?{_OF_YEAR})?)"
)
_MONTH_DAY = rf"(?:{_MONTH}|{_MONTH_ABBREVIATED}\.?)(?:\s+\d{{1,2}}\b)?"
_FISCAL_YEAR_NAMED = (
    rf"\b(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s*)(?P<year>{_YEAR})(?!\s*[-\u2013/]\s*\d)"
    # "fiscal 2024, which ended in March": the months say how the year runs, not when
    rf"(?:,?\s+(?:which|that)\s+(?:ended|ends|runs\s+from)\s+(?:in\s+|on\s+)?{_MONTH_DAY}"
    # "fiscal 2024, which ended Feb. 1, 2025": the year it ended in too
    rf"(?:,?\s+(?P<ended>{_YEAR}))?(?:\s+(?:through|to)\s+{_MONTH_DAY})?)?"
    # "the 2026 financial year"
    rf"|\bthe\s+(?P<before>{_YEAR})\s+(?:fiscal|financial)\s+year\b"
    # "in FY25": the year written short
    r"|\bFY\s?(?P<short>\d\d)\b(?![-\u2013/]\d)"
)
# "last year's Golden Week", "the Lunar New Year holiday", "National Day holiday".
_HOLIDAY = (
    rf"(?:(?P<year>{_YEAR})\s+|\b(?P<relative>this|last|next)\s+year['\u2019]s\s+)?"
    r"\b(?P<holiday>National\s+Day(?=(?:\s+[\w-]+){0,4}?\s+(?:holidays?|Golden|break))|"
    r"Golden\s+Week|Singles['\u2019]?\s+Day|Black\s+Friday|Cyber\s+Monday|Thanksgiving|"
    r"Christmas|Spring\s+Festival|(?:Lunar|Chinese)\s+New\s+Year|Eid\s+al[-\s](?:Fitr|Adha))"
)
# "on retraining in 2026 and 2027": both years, unless each has its own figure.
_YEARS_AND = _first_letter(("in",)) + (
    rf"(?i:\s+(?P<y1>{_YEAR})\s+and\s+(?P<y2>{_YEAR})(?!,?\s+respectively))"
)
# "two" to "twelve" or one or two digits, as `\\b{_COUNT}`, starting with a class (see
# `_first_letter`).
_COUNT_FIRST = (
    r"[\dTtFfSs\u017fEeNn](?<!\w.)(?:(?<=\d)\d?|(?i:(?<=t)wo|(?<=t)hree|(?<=f)our|(?<=f)ive|"
    r"(?<=s)ix|(?<=s)even|(?<=e)ight|(?<=n)ine|(?<=t)en|(?<=e)leven|(?<=t)welve))"
)
_MONTHS_WRITTEN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
# Rules that start with a class of first letters (see `_first_letter`): they set their case
# themselves, and are compiled without IGNORECASE.
_MONTH_NAMED = (
    rf"(?P<m1>{_first_letter(_MONTHS_WRITTEN, cased=True)})"
    rf"(?i:(?!\s+\d{{1,2}}\b)(?:{_OF_YEAR})?)"
)
# "Aug 2025", "Sept. 2024", and as tables write them, "Sep/25", "Dec-24", "Aug'25".
_MONTH_ABBREVIATED_YEAR = (
    rf"\b(?P<m1>{_MONTH_ABBREVIATED})(?:\.?\s+(?P<year>{_YEAR})|[-/'\u2019](?P<short>\d\d)\b)"
)
_MONTH_ABBREVIATIONS = tuple(name for name in MONTH_NUMBERS if len(name) <= 4 and name != "may")
_YEARS_RETURN = (
    rf"(?P<n>{_COUNT_FIRST})(?i:[-\s]year\s+(?:(?:annuali[sz]ed|average|cumulative|compound|"
    r"total)\s+)*(?:returns?|growth|CAGR)\b)"
)
_RELATIVE_YEAR = _first_letter(tuple(k for k in RELATIVE_YEARS if k != "the previous year")) + r"\b"
_YEAR_TO = _first_letter(("the", "its")) + (
    # "the coffee year that ended on September 30": a trade's year too
    r"(?i:\s+(?:(?:fiscal|financial|budget|coffee|cocoa|sugar|crop|marketing)\s+)?"
    r"(?:year|twelve\s+months|12\s+months),?\s+"
    r"(?:(?:that|which)\s+)?(?:to|ended|ending|ends|through)\s+(?:in\s+|on\s+)?"
    # "the financial year to the end of February"
    r"(?:the\s+end\s+of\s+)?"
    # "the year ended 30 June 2025": the day may come first
    r"(?:(?:[89]|[1-3]\d)\s+(?=[A-Z]))?"
    # "in the year to the September quarter": to the quarter's last month
    rf"(?:the\s+(?={_MONTH}\s+quarter))?"
    rf"(?P<m2>{_MONTH}|{_MONTH_ABBREVIATED}\.)(?:\s+quarter\b|\s+(?P<day>\d{{1,2}})\b)?"
    rf"(?:,?{_OF_YEAR})?)"
)
_FROM_YEAR_TO_YEAR = _first_letter(("from", "between")) + (
    rf"(?i:\s+(?P<y1>{_YEAR})\s+(?:to|and|through)\s+(?P<y2>{_YEAR}))"
)
# "a capital plan of $7.9 billion for 2026 to 2030", "over 2026 through 2030".
_OVER_YEAR_TO_YEAR = _first_letter(("for", "over", "in", "during")) + (
    rf"(?i:\s+(?P<y1>{_YEAR})\s+(?:to|through)\s+(?P<y2>{_YEAR}))"
)
# Every match of a rule holds one of the words it needs (in lower case): it is searched only in
# the windows that hold one. The matches of these rules hold one of these words instead ("May
# 31" names a month of none of _MONTH_NAMES, "FY\n2025" holds no "fy ", a "Golden Week" over two
# lines no "golden week"; "in 2026 and 2027" needs a year, no word).
_HOLIDAY_HELD = ("national", "golden", "singles", "black", "cyber", "thanksgiving", "christmas",
                 "spring", "year", "eid")  # fmt: skip
_HELD = {
    _MONTH_RANGE: (*_MONTH_NAMES, "may"),
    _AS_OF_DAY: (*MONTH_NUMBERS,),
    _FISCAL_YEAR_NAMED: ("fiscal", "financial", "fy"),
    _HOLIDAY: _HOLIDAY_HELD,
    _YEARS_AND: ("and",),
    # A month's name or a kind of return: held by few of the sentences that say "year" or
    # "months", and a search for a word is quicker than one for these rules.
    _YEAR_TO: (*_MONTH_NAMES, "may", *(f"{short}." for short in MONTH_NUMBERS if len(short) < 5)),
    _MONTHS_TO: (*MONTH_NUMBERS,),
    _YEARS_RETURN: ("return", "growth", "cagr"),
}
_CASE_SET = frozenset(
    {_MONTH_NAMED, _YEARS_RETURN, _RELATIVE_YEAR, _AS_OF_DAY, _YEARS_AND, _YEAR_TO,
     _FROM_YEAR_TO_YEAR, _OVER_YEAR_TO_YEAR}
)  # fmt: skip
# Each rule: its pattern, what it reads, and words one of which the sentence must contain (lower
# case) for the rule to be worth a search, or None. Tried in order; a later rule never takes
# words an earlier one matched.
_RULES: tuple[tuple[str, _Build, tuple[str, ...] | None], ...] = (
    (rf"\b(?:the\s+)?first\s+(?P<n>{_COUNT})\s+quarters(?:{_OF_YEAR})?", _quarters, ("quarters",)),
    (rf"\bQ1\s*[-\u2013]\s*Q(?P<n>[1-4])(?:{_OF_YEAR})?", _quarters, ("q1",)),
    (rf"\b(?:at|as\s+of)\s+the\s+end\s+of(?:{_OF_YEAR})", _year_end, ("end",)),
    (_FISCAL_QUARTER, _fiscal_quarter, ("fy", "fiscal")),
    (_FISCAL_HALF, _fiscal_half, ("fy", "fiscal")),
    (_FISCAL_MONTHS, _fiscal_months, ("fy", "fiscal")),
    (rf"\b(?:the\s+)?(?P<q>{_QUARTER})[-\s]quarter(?:{_OF_YEAR})?", _quarter, ("quarter",)),
    (rf"\bQ(?P<q>[1-4])\b(?:{_OF_YEAR})?", _quarter, _Q),
    (rf"(?P<year>{_YEAR})\s*Q(?P<q>[1-4])\b", _quarter, _Q),
    (
        rf"\b(?:the\s+)?(?P<h>first|second)[-\s]half(?:{_OF_YEAR}|{_OF_FISCAL_YEAR}|"
        r"\s+of\s+the\s+year)?",
        _half,
        ("half",),
    ),
    (rf"\bH(?P<h>[12])\b(?:{_OF_YEAR})?", _half, ("h1", "h2")),
    # "9M 2026", "9M25", "1H25": the first months or half of a year, as results tables write them
    (
        r"\b(?:(?P<n>[1-9]|1[01])M|(?P<h>[12])H)\s?(?:(?P<year>20\d\d)|(?P<short>\d\d))\b",
        _first_months,
        ("1h", "2h", "m2", "m 2"),
    ),
    (r"\bhalf[-\s]year(?:ly)?\b", _half_year, ("half",)),
    (
        rf"\b(?:(?:between|from)\s+)?(?P<m1>{_MONTH}|{_MONTH_ABBREVIATED}\.?)\s+(?P<y1>{_YEAR})\s*"
        # "from November 2024 to the end of April 2025"
        rf"(?:-|\u2013|to|through|and|until)\s*(?:the\s+end\s+of\s+)?"
        rf"(?P<m2>{_MONTH}|{_MONTH_ABBREVIATED}\.?)\s+(?P<y2>{_YEAR})",
        _dated_months,
        tuple(MONTH_NUMBERS),
    ),
    (
        rf"\b(?:between|from)\s+(?P<m1>{_MONTH}|{_MONTH_ABBREVIATED}\.?)\s+\d{{1,2}}\b(?:,?\s+(?P<y1>{_YEAR}))?"
        rf"\s*(?:-|\u2013|to|through|and|until)\s*(?P<m2>{_MONTH}|{_MONTH_ABBREVIATED}\.?)\s+\d{{1,2}}\b"
        rf"(?:,?\s+(?P<y2>{_YEAR}))?",
        _days_between,
        tuple(MONTH_NUMBERS),
    ),
    # "in June, July and August": three months in a row
    (
        rf"\b(?P<m1>{_MONTH}),\s+(?P<mid>{_MONTH}),?\s+and\s+(?P<m2>{_MONTH})(?:{_OF_YEAR})?"
        r"(?!,?\s+respectively)",
        _listed_months,
        _MONTH_NAMES,
    ),
    (_MONTH_RANGE, _month_range, _MONTH_NAMES),
    (_ABBREVIATED_MONTH_RANGE, _month_range, _MONTH_ABBREVIATIONS),
    (
        rf"\b(?:the\s+)?first\s+(?P<n>{_COUNT})\s+months(?:{_OF_YEAR}|{_OF_FISCAL_YEAR})?(?P<m1>)",
        _month_range,
        ("months",),
    ),
    # "nine-month 2025 highlights": January to September 2025
    (rf"\b(?P<n>{_COUNT})-month\s+(?P<year>{_YEAR})\b(?P<m1>)", _month_range, ("month",)),
    # a headline's "overnight stays rise 11% in nine months"
    (
        rf"\bin\s+(?:the\s+)?(?P<n>{_COUNT})\s+months\b(?!['\u2019]|\s+(?:to|ended|ending|"
        r"through)\b)(?P<m1>)",
        _months_just_ended,
        ("months",),
    ),
    # "the December quarter": the quarter that ends with that month (after
    # "April-June quarter", a range of months).
    (
        # ("in the year to the September quarter" is twelve months, read below)
        rf"\b(?<!to\s)(?:the\s+)?(?<!to\sthe\s)(?P<m2>{_MONTH})[-\s]quarter(?:{_OF_YEAR})?",
        _quarter_ending,
        ("quarter",),
    ),
    # "the six months to June": the months that end with the one named.
    (_MONTHS_TO, _months_to, ("months", "quarter")),
    (
        rf"\b(?:the\s+)?(?P<n>{_COUNT})\s+years\s+(?:to|ended|ending|through)\s+(?:the\s+end\s+"
        rf"of\s+)?(?P<m2>{_MONTH})(?:\s+\d{{1,2}}\b)?,?{_OF_YEAR}",
        _years_to,
        ("years",),
    ),
    (_YEAR_TO, _year_to, ("year", "months")),
    # "fiscal 2024, which ended in March": before the rule for a month named alone.
    (_FISCAL_YEAR_NAMED, _fiscal_year_named, ("fiscal", "financial", "fy1", "fy2", "fy ")),
    # "the fiscal year that begins July 1".
    (
        r"\bthe\s+(?:new\s+)?(?:fiscal|financial|budget)\s+year,?\s+(?:(?:that|which)\s+)?"
        r"(?:starts|starting|begins|beginning|(?P<begun>started|began))\s+(?:on\s+|in\s+)?"
        rf"(?P<m1>{_MONTH}|{_MONTH_ABBREVIATED}\.?)(?:\s+\d{{1,2}}\b)?",
        _fiscal_year_starting,
        ("fiscal", "financial", "budget"),
    ),
    # "during the Oct 1-8 holiday": days of one month, whose figures are that month's.
    (
        rf"\b(?:during|over|in|for)\s+the\s+(?P<m1>{_MONTH}|{_MONTH_ABBREVIATED})\.?\s+\d{{1,2}}\s*"
        r"[-\u2013]\s*\d{1,2}\b(?=\s+(?:holidays?|festival|break|period|week)\b)",
        _month,
        _MONTH_DAYS_WORDS,
    ),
    # "sold 38,600 units through September": the year to that month (after the rules for
    # "the year through March", "the three years through March 2027").
    (
        rf"\b(?:through|thru)\s+(?:the\s+end\s+of\s+)?(?P<m2>{_MONTH})(?!\s+\d{{1,2}}\b)"
        rf"(?:{_OF_YEAR})?",
        _through_month,
        ("through", "thru"),
    ),
    (_AS_OF_DAY, _month, tuple(MONTH_NUMBERS)),
    # "May" too: the pattern's capital tells the month from the modal verb.
    (_MONTH_NAMED, _month, (*_MONTH_NAMES, "may")),
    (_MONTH_ABBREVIATED_YEAR, _abbreviated_month, _MONTH_ABBREVIATIONS),
    (_FROM_YEAR_TO_YEAR, _years, ("from", "between")),
    (_OVER_YEAR_TO_YEAR, _years, ("for", "over", "in", "during")),
    (_YEARS_AND, _years, None),
    # "the current year" of an article whose fiscal years do not follow the calendar: the
    # fiscal year under way (a budget's "revised estimate for the current year").
    (
        r"\bthe\s+(?:(?P<which>last|previous|past|current|next|coming)\s+(?:fiscal|financial)|"
        r"(?P<current>current))\s+year\b(?!\s+(?:to|ended|ending|ends|through)\b)",
        _relative_fiscal_year,
        ("fiscal", "financial", "current"),
    ),
    # "in the year just ended": the last (fiscal) year ended before publication.
    (
        r"\bthe\s+(?:(?:fiscal|financial)\s+)?year\s+(?:that\s+)?(?:has\s+)?just\s+ended\b",
        _year_just_ended,
        ("just",),
    ),
    # "2021-2025", "over 2026-27", "FY2025-26".
    (rf"(?P<y1>{_YEAR})\s*[-\u2013/]\s*(?P<y2>{_YEAR}|\d\d(?![\d%]))", _year_span, None),
    (rf"\bsince\s+(?P<year>{_YEAR})", _since, ("since",)),
    # "over the decade to 2031", "the five years through 2029": whole years ending with one.
    (
        rf"\b(?:the\s+)?(?:(?P<decade>decade)|(?P<n>{_COUNT})\s+years)\s+(?:to|through|"
        rf"ending(?:\s+in)?|until)\s+(?P<year>{_YEAR})",
        _years_to_year,
        ("decade", "years"),
    ),
    (
        rf"\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?P<n>{_COUNT})\s+years",
        _past_years,
        ("years",),
    ),
    (rf"\b(?:the\s+)?(?:next|coming)\s+(?P<n>{_COUNT})\s+years", _next_years, ("years",)),
    (_YEARS_RETURN, _years_ending, ("year",)),
    (r"\bfull[-\s]year\b", _full_year, ("full",)),
    (
        rf"\b(?:so\s+far\s+(?:this\s+year|in\s+(?P<year>{_YEAR}))|this\s+year\s+so\s+far|"
        r"(?:the\s+)?year[-\s]to[-\s]date|since\s+the\s+(?:start|beginning)\s+of\s+"
        r"(?:the|this)\s+year)\b",
        _year_to_date,
        ("far", "date", "since"),
    ),
    (_HOLIDAY, _holiday, HOLIDAY_WORDS),
    (
        r"\b(?:(?P<which>last|past|this|next)\s+(?P<season>spring|summer|autumn|fall|winter)\b|"
        rf"(?:the\s+)?(?P<named>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<year>{_YEAR}))",
        _season,
        tuple(SEASON_ENDS),
    ),
    (_RELATIVE_YEAR, _relative_year, ("year",)),
    (rf"(?P<year>{_YEAR})", _year, None),
)


def _held(pattern: str, needs: tuple[str, ...] | None) -> frozenset[str] | None:
    """Words one of which every match of the rule holds, in lower case (None: none known)."""
    held = _HELD.get(pattern, needs)
    return None if held is None else frozenset(held)


RULES = tuple(
    (
        re.compile(pattern, 0 if pattern in _CASE_SET else re.IGNORECASE),
        build,
        None if needs is None else frozenset(needs),
        _held(pattern, needs),
    )
    for pattern, build, needs in _RULES
)
_YEAR_HINT = re.compile(r"(?:19[5-9]|20)\d\d")
# Every word some rule needs: a sentence is searched for each once, not once per rule.
_NEEDED = frozenset(word for _, _, needs in _RULES for word in needs or ())


# Rules whose match is a range: "from January to September" is a period, not a comparison.
_RANGES = frozenset(
    {_month_range, _years, _quarters, _past_years, _months_to, _years_to, _next_years, _year_span,
     _years_to_year, _dated_months, _days_between}
)  # fmt: skip

PERIOD_WORDS = frozenset(
    "quarter quarters half year years month months q1 q2 q3 q4 h1 h2 january february march "
    "april may june july august september october november december holiday holidays "
    "festival golden black cyber singles thanksgiving christmas spring summer autumn "
    "winter".split()
)


def _built(build: _Build, match: re.Match[str], anchor: _Anchor) -> _Span | None:
    """What `build` reads in `match`; None for a year outside the calendar (1-9999), such as
    "last year" of a text published in year 1."""
    try:
        span: _Span | None = build(match, anchor)
    except ValueError:
        return None
    return None if span is None else _since_then(match, span, anchor)


_SINCE_THEN_BEFORE = re.compile(r"(?i:\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?)$")


def _since_then(match: re.Match[str], span: _Span, anchor: _Anchor) -> _Span:
    """ "since last year", "since last autumn", "since the start of 2023": from that period's
    start to publication, what has happened since then."""
    text, start = match.string, match.start()
    lead = max(0, start - 30)
    if text.find("since", lead, start) < 0 and text.find("Since", lead, start) < 0:
        return span  # almost every period: no regex search
    before = _SINCE_THEN_BEFORE.search(text, max(0, start - 30), start)
    if before is None or anchor.published_on is None:
        return span
    groups = match.groupdict()
    if groups.get("m1") and not (groups.get("m2") or groups.get("year") or groups.get("relative")):
        return _since_month(MONTH_NUMBERS[match["m1"].lower()[:3]], anchor.published_on)
    if span[0] > anchor.published_on:
        return span
    first = span[0]
    label = f"since {first.year}" if first.month == 1 else f"since {first.year}-{first.month:02d}"
    return first, anchor.published_on, label


def _since_month(month: int, published: dt.date) -> _Span:
    """ "since January": from the latest January to the last month ended by publication (as
    "so far this year" counts), whatever year the sentence names for other figures."""
    year = published.year if month <= published.month else published.year - 1
    last = published.month - 1 if year == published.year else published.month - 1 + 12
    if last < month:  # "since November", written in November: nothing counted yet
        return dt.date(year, month, 1), published, f"since {year}-{month:02d}"
    if last <= 12:
        return _months_ending(year, last, last - month + 1)
    return _months_ending(year + 1, last - 12, last - month + 1)


# A year that dates an event or starts a comparison ("set up in 2013", "the highest since
# 2014") does not date the sentence's figures: "in August" is then the latest August.
# "since 2021", "since the end of 2021", "since early 2021": a year a comparison starts from.
_SINCE_BEFORE = re.compile(
    r"(?i:\bsince\s+(?:(?:the\s+)?(?:end|start|beginning|middle|spring|summer|autumn|fall|"
    rf"winter)\s+of\s+|early\s+|late\s+|{_MONTH}\s+)?)$"
)


def _since_before(text: str, before: int, start: int) -> bool:
    """`_SINCE_BEFORE.search`, run only after the words its matches end with."""
    lead_in = text[before:start]
    ends = ("since", "of", "early", "late", *MONTH_NUMBERS)
    return may_end_with(lead_in, ends) and bool(_SINCE_BEFORE.search(text, before, start))


def _target_year_before(text: str, before: int, start: int) -> bool:
    """`_TARGET_YEAR_BEFORE.search`, run only after a word its matches end with."""
    lead_in = text[before:start]
    ends = ("by", "until", "through", "of")
    return may_end_with(lead_in, ends) and bool(_TARGET_YEAR_BEFORE.search(text, before, start))


def _sentence_year(text: str, start: int, end: int) -> int | None:
    """The one year the sentence's figures are of, when it names one."""
    years = {
        int(match.group())
        for match in _YEAR_PATTERN.finditer(text, start, end)
        if not _dates_no_figure(text, start, match.start(), match.end())
        and not _SECOND_YEAR_AFTER.match(text, match.end())
        and not _since_before(text, max(start, match.start() - 24), match.start())
        and not _target_year_before(text, max(start, match.start() - 20), match.start())
        and not _BASE_YEAR_BEFORE.search(text, max(start, match.start() - 90), match.start())
        and not _DAY_BEFORE.search(text, max(start, match.start() - 30), match.start())
        # "fiscal 2026" and "its fiscal year ending March 2027" name a fiscal year, not the
        # calendar year of "Q3" or "the April-June quarter" beside it
        and not _FISCAL_BEFORE.search(text, max(start, match.start() - 16), match.start())
        and not _FISCAL_END_BEFORE.search(text, max(start, match.start() - 40), match.start())
    }
    return years.pop() if len(years) == 1 else None


_FISCAL_END_BEFORE = re.compile(
    rf"\byear\s+(?:ending|ended|ends|to)\s+(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?$"
)
# The year of a day or of a month's end ("at the end of December 2025", "on 30 June 2025"):
# a stock's date, not the year of the other months the sentence names ("4.3 per cent in April").
_DAY_BEFORE = re.compile(
    rf"(?:\bend\s+of\s+{_MONTH}|\b\d{{1,2}}\s+{_MONTH}|\b{_MONTH}\.?\s+\d{{1,2}},?)\s+$"
)


_YEAR_PATTERN = re.compile(_YEAR)
# "slowing from 11.9 percent in the first half of 2024", "up from 3.1% in 2023": the year of the
# base compared with.
_BASE_YEAR_BEFORE = re.compile(
    # "... in the first half, after handling 520,000 TEUs in the whole of 2025"
    r"\b(?:in|during)\s+the\s+whole\s+of\s+$|"
    # "from EUR 118.0 million at the end of 2024": a stock's base
    # "up from just 38 MW in 2021": a hedge before the base, a unit's capitals after it
    r"\bfrom\s+(?:(?:about|around|just|only|roughly|some|nearly|almost|more\s+than|over|"
    r"less\s+than|fewer\s+than|under|at\s+least)\s+)?(?:[A-Z]{3}\s)?"
    r"\S*\d[\d.,]*%?\s+(?:[A-Za-z]+\s+){0,2}?"
    r"(?:in|at\s+the\s+end\s+of)\s+(?:the\s+)?"
    # "from 9.1% in October 2024": the month of the base too
    rf"(?:(?:[a-z]+|{_MONTH})\s+){{0,4}}$"
    # "compared with 91,200 cars and 804,000 engines in the first half of 2024"
    # "slightly below the 91% recorded in August 2025"
    r"|\b(?:compared\s+(?:with|to)|against|versus|below|above)\s+(?:the\s+)?(?:about\s+|around\s+)?"
    # "against DKK 104m in Q2 2024": a code before the figure, a quarter before the year
    r"(?:[A-Z]{3}\s)?\S*\d(?:[^.;]|\.\d){0,50}?\s"
    rf"in\s+(?:the\s+)?(?:(?:[a-z]+|Q[1-4]|H[12]|{_MONTH})\s+){{0,4}}$"
    # "up 9% from the first nine months of 2024", "a 4% rise on 2024": a change's base
    r"|\d\s?(?:%|percent|per\s+cent|pc)\s+(?:[a-z]+\s+)?(?:from|on|over)\s+(?:the\s+)?"
    rf"(?:(?:[a-z]+|Q[1-4]|H[12]|{_MONTH})\s+){{0,5}}$"
)


def _dates_no_figure(text: str, start: int, period_start: int, period_end: int) -> bool:
    """Whether the period at `period_start` dates an event, is the base of a comparison or is
    part of a name ("Vision 2030", "the 2030 plan", "Decree No. 47 of 2025")."""
    before = max(start, period_start - 30)
    return bool(
        _event_before(text, before, period_start)
        or _event_clause_before(text, max(start, period_start - 90), period_start)
        or _since_event_before(text, max(start, period_start - 80), period_start)
        or _compared(text, before, period_start)
        or _COMPARED_AFTER.match(text, period_end)
        or (
            text[period_start].isdigit()
            and _YEAR_NAMED_NO_FIGURE.search(text, before, period_start) is not None
        )
        or _WHEN_IT_ENDED.search(text, before, period_start) is not None
        or _WHEN_CLAUSE.search(text, max(start, period_start - 90), period_start) is not None
        # "Rp3.62 trillion (9M25: Rp3.15 trillion)": the label of the base beside a figure
        or (text[period_start - 1 : period_start] == "(" and text.startswith(":", period_end))
        or _names_a_plan(text, before, period_start, period_end)
    )


# "up 8% and the most since 2015": a record's base, the words before "since".
_RECORD_BEFORE = re.compile(
    r"\b(?:highest|lowest|most|fastest|best|strongest|weakest|biggest|largest|slowest|worst|"
    r"least|sharpest|steepest|busiest)(?:\s+[a-z]+){0,3}?\s+$"
)


# "more than in January-September 2024": months compared with. Ranges skip `_dates_no_figure`,
# whose `_COMPARED_BEFORE` would also take "from" and "between", the words that open a range.
_THAN_BEFORE = re.compile(r"\bthan\s+(?:in\s+|during\s+)?(?:the\s+)?$")


def _after_since(text: str, build: object, match: re.Match[str]) -> bool:
    """Whether the period is one "since" starts: "since 2015", or a month after it ("the
    strongest month since March")."""
    if build is _since:
        return True
    return text[max(0, match.start() - 6) : match.start()].rstrip().lower().endswith("since")


def _record_base(text: str, start: int, since_start: int) -> bool:
    """Whether "since 2015" is the base of a record ("the most since 2015"), dating no figure."""
    return _RECORD_BEFORE.search(text, max(start, since_start - 50), since_start) is not None


def _event_before(text: str, before: int, period_start: int) -> bool:
    """`_EVENT_BEFORE.search`, run only when the text before ends with a word its matches end
    with: most periods follow none."""
    lead_in = text[before:period_start]
    return may_end_with_word(lead_in, _EVENT_LAST_WORDS) and bool(
        _EVENT_BEFORE.search(text, before, period_start)
    )


def _caused_in(text: str, start: int, period_start: int) -> bool:
    """Whether the period names when a figure's cause came ("because of a dry spell in
    March"); searched only where the sentence says "to" or "because"."""
    before = max(start, period_start - 70)
    if (
        text.find(" to ", before, period_start) < 0
        and text.find("because", before, period_start) < 0
    ):
        return False
    return _CAUSE_BEFORE.search(text, before, period_start) is not None


def _since_event_before(text: str, before: int, period_start: int) -> bool:
    """`_SINCE_EVENT_BEFORE.search`, run only where "since" is written before the period."""
    return text.find("since", before, period_start) >= 0 and bool(
        _SINCE_EVENT_BEFORE.search(text, before, period_start)
    )


def _event_clause_before(text: str, before: int, period_start: int) -> bool:
    """`_EVENT_CLAUSE_BEFORE.search`, from the last comma before the period: a match starts at a
    comma and holds no other after it, nor a semicolon."""
    comma = text.rfind(",", before, period_start)
    if comma < 0 or text.find(";", comma, period_start) >= 0:
        return False
    return _EVENT_CLAUSE_BEFORE.search(text, comma, period_start) is not None


def _compared(text: str, before: int, period_start: int) -> bool:
    """Whether the period at `period_start` is a base compared with ("up 4 percent over
    2023"); "over the year to June", "over the first half" are spans a figure is of."""
    compared = _COMPARED_BEFORE.search(text, before, period_start)
    if compared is None:
        return False
    return not (_OVER.fullmatch(compared.group()) and text.startswith("the", period_start))


_OVER = re.compile(r"(?i:over)\s+")


# "Made in China 2025", "Vision 2030", "Expo 2020": a capitalised word before a year makes
# it part of a name, unless the word is one that dates ("In 2023", "June 2024", "Fiscal 2024").
_NAME_WORD_BEFORE = re.compile(r"(?<![\w-])(?P<word>[A-Z][a-z]+)\s$")
_DATING_WORDS = frozenset(
    "in by since from for during through until as of and or to at on before after between "
    "fiscal fy end early late mid spring summer autumn fall winter the its reviewing".split()
) | frozenset(MONTH_NUMBERS)
# "the 2030 plan", "its 2035 vision", "ahead of 2030 World Cup": a year that names a plan or
# an event.
_PLAN_AFTER = re.compile(
    r"\s+(?:plan|agenda|strategy|vision|blueprint|roadmap|(?:Finance\s+)?(?:Law|Act)|"
    r"(?i:world\s+cup|olympics|olympic\s+games"
    r"|(?:asian|commonwealth|pan\s+american|mediterranean)\s+games|world\s+expo|expo)\b)\b"
)


def _names_a_plan(text: str, before: int, period_start: int, period_end: int) -> bool:
    if not text[period_start].isdigit():
        return False  # "at the end of 2024", "last year": words that date
    if _PLAN_AFTER.match(text, period_end):
        return True
    named = _NAME_WORD_BEFORE.search(text, before, period_start)
    return named is not None and named["word"].lower() not in _DATING_WORDS


def words_needed(text: str) -> frozenset[str]:
    """The words rules need (compared in lower case) that `text` holds: looked for once per
    text, so that each sentence is searched only for these."""
    # Lower-casing maps each character on its own (Greek final sigma aside, which no word
    # holds): what a sentence holds in lower case, the whole text holds too.
    lower = text.lower()
    return frozenset(word for word in _NEEDED if word in lower)


def find_periods(
    text: str,
    start: int,
    end: int,
    when: tuple[dt.date | None, int | None, FiscalYear | None],
    where: list[tuple[int, int]],
    needed: frozenset[str] = _NEEDED,
) -> list[Period]:
    """The periods named in `text[start:end]` (one sentence), in text order.

    `when` is the publication date, the reference year and how the fiscal year runs (see
    `fiscal_year`); `where` are windows of the sentence
    around digits and PERIOD_WORDS, where alone a period can be named; `needed` the words
    rules need that the whole text holds (see `words_needed`), the others looked for in vain.
    """
    found: list[Period] = []
    lower = text[start:end].lower()
    present = {word for word in needed if word in lower}
    if "may" in present and "May" not in text[start:end]:
        present.discard("may")  # the modal verb: no month to look for
    # A rule that needs no word needs a year in digits.
    years = _YEAR_HINT.search(text, start, end) is not None
    if not present and not years:
        return found
    anchor = _Anchor(text, start, end, *when)
    # Offsets in `lower` are the sentence's, and an IGNORECASE match of a word holds the word
    # in lower case, when the lower case is ASCII and as long (the long s, which IGNORECASE
    # takes for an "s", is not).
    aligned = len(lower) == end - start and lower.isascii()
    for pattern, build, needs, held in RULES:
        if (needs is None and not years) or (needs is not None and needs.isdisjoint(present)):
            continue
        rule_where = where if held is None or not aligned else _holding(lower, start, where, held)
        for match in find_in(pattern, text, rule_where):
            if any(p.start < match.end() and match.start() < p.end for p in found):
                continue
            if build is _year and _NOT_A_YEAR.match(text, match.end(), end):
                continue  # "2000 yuan" is an amount
            span = _built(build, match, anchor)
            if span is not None:
                event = (
                    _fiscal_year_runs_before(text, max(start, match.start() - 40), match.start())
                    or _caused_in(text, start, match.start())
                    or (
                        _after_since(text, build, match)
                        and _record_base(text, start, match.start())
                    )
                    # "8.1% more than in January-September 2024", "9 percent more than in
                    # 2023/24": a period compared with dates no figure
                    or _THAN_BEFORE.search(text, max(start, match.start() - 12), match.start())
                    is not None
                ) or (
                    build not in _RANGES
                    and _dates_no_figure(text, start, match.start(), match.end())
                    and not _starts_later(text, match, span[0], anchor)
                )
                at_end = build is _year_end
                found.append(Period(match.start(), match.end(), *span, event, at_end))
    return _possessed(text, _restated(text, sorted(found, key=lambda period: period.start)))


def _holding(
    lower: str, start: int, where: list[tuple[int, int]], words: frozenset[str]
) -> list[tuple[int, int]]:
    """The windows whose text holds one of `words` (`lower` is the text from `start`, in lower
    case): a search for a word is quicker than one for a rule's pattern."""
    held = [word for word in words if word in lower]  # most are nowhere in the sentence
    if not held:
        return []
    return [
        (low, high)
        for low, high in where
        if any(lower.find(word, low - start, high - start) >= 0 for word in held)
    ]


def _starts_later(text: str, match: re.Match[str], first: dt.date, anchor: _Anchor) -> bool:
    """Whether "from 2028" starts something later than the text's year: no base compared
    with, which is past, but when the figure begins ("60,000 tonnes a year from 2028")."""
    later = anchor.reference_year is not None and first.year > anchor.reference_year
    return later and _FROM_BEFORE.search(text, max(0, match.start() - 5), match.start()) is not None


_FROM_BEFORE = re.compile(r"\bfrom\s+$")


# "the first half of the fiscal year (April-September)": the months in brackets say it exactly.
# What opens a period's restatement: a bracket, or "which ran": "the winter season 2024/25,
# which ran from November 2024 to the end of April 2025".
_OPENS_RESTATEMENT = re.compile(
    r"\s*[(\uff08]\s*$|(?:\)|\s+\([^()]{1,20}\))?(?:\s+(?:holiday|break|season|festival))?"
    r",\s+(?:which|that)\s+(?:ran|runs|lasted|lasts|covered|covers|spanned)\s+$"
)


def _restated(text: str, periods: list[Period]) -> list[Period]:
    """The periods, each restated by a period in brackets (or "which ran ...") right after it
    taking its dates; the periods of an apposition after one ("April-February, the first
    eleven months of fiscal 2024-25, rose ...") only describe it and date no figure."""
    restated = list(periods)
    # From the last: "the Lunar New Year (Spring Festival) holiday, which ran from January 25
    # to February 2" restates the festival, which restates the new year.
    for index in reversed(range(len(periods) - 1)):
        period, following = periods[index], restated[index + 1]
        if _OPENS_RESTATEMENT.match(text, period.end, following.start) and not _base_beside(
            period, following
        ):
            dates = (following.first, following.last, following.label)
            restated[index] = Period(period.start, period.end, *dates, period.event, period.at_end)
    described: Period | None = None
    for index, (period, following) in enumerate(itertools.pairwise(periods)):
        described = described if _in_apposition(text, described, period) else period
        if _in_apposition(text, described, following):
            restated[index + 1] = dataclasses.replace(restated[index + 1], event=True)
    return restated


def _possessed(text: str, periods: list[Period]) -> list[Period]:
    """The periods, each span a year possesses ("this year's July-August", "last year's first
    half", "2024's third quarter") moved into that year; the year itself dates nothing else."""
    possessed = list(periods)
    for index, (owner, span) in enumerate(itertools.pairwise(periods)):
        if not owner.label.isdigit() or span.label.isdigit():
            continue
        if _POSSESSIVE_GAP.fullmatch(text, owner.end, span.start) is None:
            continue
        shifted = same_span_in(span, int(owner.label))
        if shifted is not None:
            possessed[index] = dataclasses.replace(owner, event=True)
            # "up 21 percent from last year's May Day break": a base's span is one too
            possessed[index + 1] = dataclasses.replace(shifted, event=owner.event or span.event)
    return possessed


_POSSESSIVE_GAP = re.compile(r"['\u2019]s\s+(?:[a-z]+\s+)?")


def _base_beside(period: Period, bracketed: Period) -> bool:
    """Whether a bracketed period is the base beside a period, not its restatement: "Third
    quarter of 2026 (third quarter of 2025 in brackets)", "financial year 2025/26 (2024/25)"."""
    if period.last is None or bracketed.last is None:
        return False
    same_months = (period.first.month, period.last.month) == (
        bracketed.first.month,
        bracketed.last.month,
    )
    if same_months:
        return period.first.year != bracketed.first.year
    # "financial year 2025/26 (2024/25)": a span that starts and ends earlier
    earlier = bracketed.last < period.last
    return earlier and (period.first - bracketed.first).days > 90


def _in_apposition(text: str, described: Period | None, period: Period) -> bool:
    """Whether `period` lies in words set off by commas right after `described`."""
    if described is None or described is period:
        return False
    gap = _APPOSITION_GAP.fullmatch(text, described.end, period.start)
    return gap is not None and _APPOSITION_END.match(text, period.end) is not None


_APPOSITION_GAP = re.compile(r",\s+(?:the\s+[a-z\s-]{0,40})?")
_APPOSITION_END = re.compile(r"[^,;()]{0,40}?,")
