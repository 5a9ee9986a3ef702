"""The extractor's layers run in order over one text: sentences, quantities, periods,
entities, facts, ignored numbers."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from msgspec import structs

from schemas.extraction import (
    EntityRead,
    ExtractionRead,
    FactRead,
    IgnoredReason,
    IndicatorRef,
    QuantityRead,
    SpanQuote,
    SubjectRead,
)
from service.extraction import cues, dating, numerals, tables
from service.extraction import facts as facts_layer
from service.extraction.entities import Mention, find_entities
from service.extraction.gazetteer import Gazetteer, KnownWords
from service.extraction.ignored import ignored_numbers
from service.extraction.indicators import Around, of_a_place, suggest
from service.extraction.nonquantities import NOT_FACTS, Reserved, non_quantities, reason_at
from service.extraction.periods import (
    PERIOD_WORDS,
    SAME_SPAN,
    FiscalYear,
    Period,
    calendar_year,
    find_periods,
    fiscal_year,
    months_before,
    reference_year,
    same_span_in,
    whole_year,
    words_needed,
    year_before,
)
from service.extraction.quantities import (
    NUMBER_WORDS,
    Namesakes,
    Quantity,
    find_quantities,
    in_local_dollars,
    in_namesake_currencies,
    in_yen,
    local_dollar,
    namesake_currencies,
    yen_article,
)
from service.extraction.text import (
    LOWER_WORD,
    Anchors,
    Sentence,
    anchors,
    may_end_with,
    sentences,
    windows,
    within,
)
from service.extraction.words import normalized_words, only_words_of
from service.units import unit_of

EXTRACTOR_VERSION = "1.79.1"
_CLAUSE_BREAK = re.compile(r"[,;:(]")
# After a number an acronym in brackets still names it: "27 ... enterprises (SMEs)".
_TRAILING_BREAK = re.compile(r"[,;:]")


@dataclass(slots=True)
class _State:
    """What reading one text accumulates, sentence after sentence."""

    text: str
    published_on: dt.date | None
    reference: int | None
    anchors: Anchors
    reserved: list[Reserved]
    """Spans of numbers that are no quantity (dates, phones, ...) or state no fact (NOT_FACTS)."""
    mentions: list[Mention]
    known: tuple[KnownWords, ...]
    quantities: list[Quantity] = field(default_factory=list)
    facts: list[FactRead | None] = field(default_factory=list)
    """One entry per quantity: its fact, or None."""
    unattached: list[tuple[int, int, IgnoredReason]] = field(default_factory=list)
    topic: dict[str | None, Mention] = field(default_factory=dict)
    mention_ends: list[int] = field(default_factory=list)
    """The end of each mention, in order: where to start looking for names in a span."""
    context: Period | None = None
    """The period the article reports on: the first one a figure of it is dated by (its lead
    sets it: "... in the first half of the year"). What "in the period", or "Exports rose 9
    percent" in a sentence that names none, refer to; a later sentence's own period ("in the
    January-March period") dates that sentence only."""
    context_from_headline: bool = False
    """Whether `context` is a headline's, which the story's first dated figure replaces."""
    heading: Period | None = None
    """The period a list's or a table's heading names ("Key figures, January-June 2025:"),
    which its items or rows are of until a line that is neither ends the list."""
    columns: dict[int, Period] = field(default_factory=dict)
    """The periods tables' header cells name ("H1 2025 (million tonnes)"), by where each cell
    starts: the figures below a cell are of its period; by where the header starts, the first
    it names, which a column that names none ("Change on H1 2024") is of."""
    dated: list[Period] = field(default_factory=list)
    """The periods of the current sentence's facts, in order."""
    blanked: tuple[int, int, str] = (0, 0, "")
    """The current sentence's start and end, and its text with names blanked: worked out once
    per sentence, sliced for every number of it."""
    yen: bool = False
    """Whether the text's "¥" is the yen (see `yen_article`)."""
    dollar: str | None = None
    """The currency a bare "$" means when not the U.S. dollar (see `local_dollar`)."""
    namesakes: Namesakes = field(default_factory=dict)
    """Currency names the article's country shares with another (see `namesake_currencies`)."""
    period_words: frozenset[str] = frozenset()
    """The words period rules need that the text holds (see `words_needed`)."""
    awaiting: list[int] = field(default_factory=list)
    awaiting_ahead: list[int] = field(default_factory=list)
    """Facts of a headline that looks ahead ("Budget targets deficit of 3.4%"): they take the
    article's period once said only if that period is yet to start (a budget's year)."""
    """Facts (their indices in `facts`) of a headline that reports a figure before the article
    has said what period it reports on ("Profit rises 9%"); they take that period once said."""
    fiscal: FiscalYear | None = None
    """How the article's fiscal years run, when not as the calendar."""
    previous: Period | None = None
    """The period the sentence just before reported its figures of, if it named one: "X
    reported 124.6 billion yuan in the first three quarters. Its foreign trade totaled ..."."""
    paragraph_period: Period | None = None
    """The period the paragraph's first sentence reports ("In the second quarter of 2025,
    hotels served ... Non-resident visitors accounted for 58.4%"; "Estonia's exports rose 6.2% in
    the first quarter. Imports increased 2.9%"): its later figures without a period are of it."""
    section: Period | None = None
    """The period the heading of the current section names ("Review of 2025", "Main targets
    for 2026"): its figures without a period are of it."""
    plan: Period | None = None
    """The year the budget an article reports is for ("the 2026 budget", "plans to spend 11.8
    billion rials in 2026"): its forecasts and listed allocations that name no period are of
    it, unless the article reports figures of another period."""
    context_at_close: bool = False
    """Whether the article's period was named as a stock's date ("at the end of September"): the
    flows of the year to that month, named after, replace it."""
    lead_read: bool = False
    """Whether the story's first sentence (no headline's) has been read."""
    body_begun: bool = False
    """Whether a sentence of the story's body has been read: a heading after it opens a section."""

    no_quantity: list[Reserved] = field(default_factory=list)
    """`reserved` but NOT_FACTS: spans of numbers that are no quantity."""
    no_fact: list[Reserved] = field(default_factory=list)
    """`reserved` of NOT_FACTS: spans of quantities that state no fact."""
    actors: list[Mention] = field(default_factory=list)
    """`mentions` as subjects: a place's government stands for the place (see
    `facts.acting_for`)."""

    def __post_init__(self) -> None:
        self.mention_ends = [mention.end for mention in self.mentions]
        self.actors = facts_layer.acting_for(self.mentions)
        self.no_quantity = [r for r in self.reserved if r.reason not in NOT_FACTS]
        self.no_fact = [r for r in self.reserved if r.reason in NOT_FACTS]


def extract(text: str, published_on: dt.date | None, gazetteer: Gazetteer) -> ExtractionRead:
    """Everything `text` states: quantities, named entities, facts, and the numbers ignored."""
    found = sentences(text)
    # The words of the whole text, found once for the rules that look for words in all of it.
    words = LOWER_WORD.findall(text.lower())
    spots = anchors(text, words, NUMBER_WORDS, PERIOD_WORDS)
    state = _State(
        text, published_on, reference_year(text, published_on), spots,
        non_quantities(text, found, _digits(text, spots.numbers), words),
        find_entities(text, gazetteer), gazetteer.index().indicators,
    )  # fmt: skip
    state.namesakes = namesake_currencies(text, words)
    state.yen = yen_article(text, words)
    state.dollar = local_dollar(text, words)
    state.fiscal = fiscal_year(text)
    state.period_words = words_needed(text)
    period_spans: list[Reserved] = []
    for sentence in found:
        period_spans += _read_sentence(state, sentence)
    _date_awaiting(state)
    facts = [fact for fact in state.facts if fact is not None]
    return ExtractionRead(
        extractor=EXTRACTOR_VERSION,
        quantities=_in_text_order(text, state.quantities),
        entities=[_entity_read(m) for m in state.mentions],
        facts=facts,
        ignored=ignored_numbers(
            text,
            spots.numbers,
            [(f.start, f.end) for f in facts],
            state.reserved + period_spans,
            state.unattached,
        ),
    )


def _date_awaiting(state: _State) -> None:
    """Give the facts reported before the article named its period that period."""
    context = state.context
    if context is None:
        return
    ahead = state.awaiting_ahead if dating.yet_to_start(context, state.published_on) else []
    for index in state.awaiting + ahead:
        fact = state.facts[index]
        if fact is not None and fact.period_label is None:
            state.facts[index] = structs.replace(
                fact, period_start=context.first, period_end=context.last,
                period_label=context.label,
            )  # fmt: skip


def _digits(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that are digits: every rule for numbers that are not quantities needs one."""
    return [span for span in spans if text[span[0]].isdigit()]


def _read_sentence(state: _State, sentence: Sentence) -> list[Reserved]:
    """Read one sentence's facts into `state`; return the spans its periods take."""
    text = state.text
    if sentence.line_start:
        facts_layer.new_paragraph(state.topic, sentence.text)
        state.paragraph_period = None
    found = facts_layer.candidates(text, sentence.start, sentence.end, state.actors, state.topic)
    numbers = within(state.anchors.numbers, sentence.start, sentence.end)
    if not numbers:
        # "By region, in the year just ended:", "Highlights of the fourth quarter:": a list's
        # heading names its period in words
        heading = sentence.line_start and _list_heading(sentence.text)
        _note_heading(state, sentence, _periods(state, sentence) if heading else [])
        _note_section(state, sentence, [], [])
        if state.body_begun and _is_headline(sentence):
            state.previous = None  # a heading ("Investment and land") ends what went before
        facts_layer.update_topic(found, state.topic, text)
        if _lead_awaited(state, sentence):
            _lead_period(state, sentence, _periods(state, sentence))
        state.lead_read = state.lead_read or not _is_headline(sentence)
        return []  # no number: no quantity to read
    periods = _periods(state, sentence)
    _note_heading(state, sentence, periods)
    _note_plan(state, sentence, periods)
    spans = [Reserved(p.start, p.end, "year" if p.label.isdigit() else "date") for p in periods]
    quantities = find_quantities(
        text, sentence, state.reserved + spans, len(state.quantities), numbers
    )
    _note_section(state, sentence, periods, quantities)
    quantities = _in_the_articles_currencies(state, quantities)
    state.dated = []
    state.blanked = (sentence.start, sentence.end, _blank(state, sentence.start, sentence.end))
    for index, quantity in enumerate(quantities):
        fact = (
            None if quantity.ignored else _fact(state, sentence, quantities, index, found, periods)
        )
        state.quantities.append(quantity)
        state.facts.append(fact)
        if fact is None:
            converts = quantity.conversion_of is not None
            reason: IgnoredReason = quantity.ignored or (
                "conversion_source" if converts else "no_subject"
            )
            state.unattached.append((quantity.start, quantity.end, reason))
    for quantity in _stating_no_fact(state, sentence, spans, numbers, quantities):
        state.quantities.append(quantity)
        state.facts.append(None)
        state.unattached.append((quantity.start, quantity.end, quantity.ignored or "other"))
    facts_layer.update_topic(found, state.topic, text)
    reported = next((p for p in state.dated if _reported(text, p, state.published_on)), None)
    headline = _is_headline(sentence)
    if state.context_from_headline and not headline and reported is not None:
        # The story's first dated figure decides: its lead over a headline's "passes 20
        # million before the end of September", not a part ("the second quarter") of its H1.
        state.context_from_headline = False
        if state.context is None or not _within(reported, state.context):
            state.context = whole_year(reported)
    elif state.context is None and reported is not None:
        # "Capacity reached 39.8 GW at the end of 2024. Generation rose 18 percent": the year's.
        state.context = whole_year(reported)
        state.context_from_headline = headline
        close = _AT_CLOSE_BEFORE.search(
            text, max(sentence.start, reported.start - 20), reported.start
        )
        state.context_at_close = close is not None
    elif reported is not None and state.context_at_close and _to_date(reported, state.context):
        # "capacity reached 71.8 million kW at the end of September ... In the first three
        # quarters, plants generated 98.6 billion kWh": the flows after are of the span
        state.context = reported
    elif _lead_awaited(state, sentence):
        _lead_period(state, sentence, periods)
    reported = None if reported is None else whole_year(reported)
    state.previous = reported if any(p.end > sentence.start for p in periods) else None
    if sentence.line_start and reported is not None:
        state.paragraph_period = reported
    state.lead_read = state.lead_read or not headline
    return spans


def _in_the_articles_currencies(state: _State, quantities: list[Quantity]) -> list[Quantity]:
    """A "$" of a Canadian story is CAD, "yen" of a Chinese one CNY, and so on (see the rules)."""
    if state.yen:
        quantities = in_yen(state.text, quantities)
    if state.dollar:
        quantities = in_local_dollars(state.text, quantities, state.dollar)
    if state.namesakes:
        quantities = in_namesake_currencies(state.text, quantities, state.namesakes)
    return quantities


def _stating_no_fact(
    state: _State,
    sentence: Sentence,
    periods: list[Reserved],
    numbers: list[tuple[int, int]],
    read: list[Quantity],
) -> list[Quantity]:
    """The quantities in the sentence's spans of NOT_FACTS ("a policy rate of 6.5%", what a
    speaker said), each marked with its span's reason. Read apart from the sentence's others,
    which are read as if these were not there, so that none becomes a range's end or the base
    of a change of a quantity that is a fact."""
    no_fact = [r for r in state.no_fact if r.start < sentence.end and sentence.start < r.end]
    inside = [n for n in numbers if reason_at(no_fact, *n) is not None] if no_fact else []
    if not inside:
        return []
    taken = [Reserved(q.start, q.end, "other") for q in read]
    first = len(state.quantities)
    found = find_quantities(
        state.text, sentence, state.no_quantity + periods + taken, first, inside
    )
    for quantity in found:
        reason = reason_at(no_fact, quantity.number_start, quantity.number_end)
        quantity.ignored = reason or quantity.ignored
    return _in_the_articles_currencies(state, found)


def _in_text_order(text: str, quantities: list[Quantity]) -> list[QuantityRead]:
    """The quantities as read, in the order of the text: those stating no fact are read after
    the others of their sentence (see `_stating_no_fact`)."""
    order = sorted(range(len(quantities)), key=lambda index: quantities[index].start)
    moved = {old: new for new, old in enumerate(order)}
    reads = []
    for index in order:
        read = _quantity_read(text, quantities[index])
        if read.conversion_of is not None:
            read = structs.replace(read, conversion_of=moved[read.conversion_of])
        reads.append(read)
    return reads


def _periods(state: _State, sentence: Sentence) -> list[Period]:
    """The periods the sentence names, outside the spans other rules reserved."""
    when = (state.published_on, state.reference, state.fiscal)
    period_windows = windows(state.anchors.periods, 30, 30, sentence.start, sentence.end)
    return [
        period
        for period in find_periods(
            state.text, sentence.start, sentence.end, when, period_windows, state.period_words
        )
        if not any(_cuts(r, period) or _furniture(r, period) for r in state.reserved)
    ]


def _furniture(reserved: Reserved, period: Period) -> bool:
    """Whether a period is a byline's or a footer's date, which no figure is of."""
    return reserved.reason in _FURNITURE and reserved.start <= period.start < reserved.end


_FURNITURE = frozenset({"byline", "footer"})


def _cuts(reserved: Reserved, period: Period) -> bool:
    """Whether a span other rules reserved overlaps a period without lying inside it: "the
    year ended June 30" holds the date "June 30"."""
    inside = period.start <= reserved.start and reserved.end <= period.end
    return reserved.start < period.end and period.start < reserved.end and not inside


def _note_heading(state: _State, sentence: Sentence, periods: list[Period]) -> None:
    """Keep the period a list's heading names for its items, and those a table's header
    names for its columns; forget them when the list or the table ends."""
    column = tables.column_at(state.text, sentence.start)
    if column is not None:
        if column.in_header:
            if tables.title_of(state.text, sentence.start) is None:
                state.heading = None  # a table of no title: not of the list before it
            for period in _heading_periods(state.text, periods):
                cell = tables.column_at(state.text, period.start)
                state.columns[cell.header_start if cell else period.start] = period
                state.columns.setdefault(column.table_start, period)
        return
    titles_a_table = tables.table_below(state.text, sentence.end)
    if sentence.line_start and (_list_heading(sentence.text) or titles_a_table):
        # "Summer season 2025 (May-October):": the narrowest
        named = _heading_periods(state.text, periods)
        state.heading = min(named, key=_length) if named else None
    elif not dating.list_item(sentence.text):
        state.heading = None


def _note_section(
    state: _State, sentence: Sentence, periods: list[Period], quantities: list[Quantity]
) -> None:
    """Keep the period a section's heading names (a short line of its own after the story has
    begun, with no figure: "Review of 2025"); a heading that names none ends it. A list's items
    neither open nor end a section, and a caption's place and year ("Containers at Changsha port
    in 2018") open none."""
    if dating.list_item(sentence.text):
        return
    if not _is_headline(sentence):
        state.body_begun = state.body_begun or sentence.text.endswith(_SENTENCE_ENDS)
        return
    if state.body_begun and len(sentence.text) <= _SECTION_HEADING_LENGTH:
        named = _heading_periods(state.text, periods)
        alone = len(named) == 1 and all(q.ignored for q in quantities)
        caption = alone and _CAPTION_YEAR_BEFORE.search(state.text, sentence.start, named[0].start)
        state.section = named[0] if alone and not caption else None


_SECTION_HEADING_LENGTH = 60
_CAPTION_YEAR_BEFORE = re.compile(r"\b(?:in|on|at)\s+(?:the\s+)?$")


def _heading_periods(text: str, periods: list[Period]) -> list[Period]:
    """The periods a heading names for what follows it: not an event's, nor a base's ("change
    on 2024", "(2023 in brackets)")."""
    return [
        p
        for p in periods
        if not p.event
        and not _BASE_BEFORE.search(text, max(0, p.start - 12), p.start)
        and not _LEGEND_AFTER.match(text, p.end)
    ]


def _list_heading(line: str) -> bool:
    """Whether a line heads a list: it ends with a colon, or it is a short title that says so
    ("July-September 2025 in brief", "First-half 2026 highlights")."""
    return line.endswith(":") or (len(line) < 80 and _HEADING_WORDS.search(line) is not None)


_HEADING_WORDS = re.compile(
    r"(?i:\bin\s+brief|\bhighlights|\bkey\s+figures|\bat\s+a\s+glance|\bin\s+figures)\W*$"
    # "Key figures, H1 2025 (H1 2024 in brackets)": the words may open the line
    r"|^(?i:(?:financial\s+|operating\s+)?(?:highlights|key\s+figures))\b"
)


def _length(period: Period) -> int:
    """How many months `period` spans, less one (a leap year is as long as any other)."""
    last = period.last or period.first
    return (last.year - period.first.year) * 12 + last.month - period.first.month


_BASE_BEFORE = re.compile(r"\b(?:on|from|against|versus|vs\.?|over)\s+$")
# A heading's legend for the bases beside its figures: "Key figures for 2024 (2023 in brackets)".
_LEGEND_AFTER = re.compile(r"\s+(?:figures\s+)?in\s+(?:brackets|parenthes[ei]s)\b")


def _within(period: Period, outer: Period) -> bool:
    """Whether `period` lies inside `outer` (a quarter of a half, a month of a year)."""
    last, outer_last = period.last or period.first, outer.last or outer.first
    return outer.first <= period.first and last <= outer_last


# A stock's date: "reached 71.8 million kilowatts at the end of September".
_AT_CLOSE_BEFORE = re.compile(r"\b(?:at\s+the\s+end\s+of|as\s+of|as\s+at)\s+$")


def _to_date(span: Period, month: Period | None) -> bool:
    """Whether `span` runs from its year's start to the one month `month` is: the year to date
    whose close a stock named before was counted at."""
    if month is None or not _MONTH_LABEL.match(month.label) or span.last is None:
        return False
    to_month = span.first.month == 1 and span.last.month == month.first.month
    return to_month and span.first.year == month.first.year == span.last.year and span != month


def _near(period: Period, other: Period) -> bool:
    """Whether two periods lie within a year of each other (a report on last year under a
    headline of this year's plan), not a caption's "pictured in 2018"."""
    last, other_last = period.last or period.first, other.last or other.first
    return period.first.year <= other_last.year + 1 and other.first.year <= last.year + 1


def _awaiting_period(state: _State) -> bool:
    """Whether every fact read so far (a headline's) awaits the period the article names, or
    looks ahead to a date of its own ("eyes 1.3-trillion-yuan economy by 2030")."""
    awaiting = {*state.awaiting, *state.awaiting_ahead}
    return all(
        fact is None or index in awaiting or _ahead(fact, state.published_on)
        for index, fact in enumerate(state.facts)
    )


def _ahead(fact: FactRead, published_on: dt.date | None) -> bool:
    """Whether a fact is of a period that ends after the article was published."""
    end = fact.period_end or fact.period_start
    return end is not None and published_on is not None and end > published_on


def _lead_awaited(state: _State, sentence: Sentence) -> bool:
    """Whether the sentence may be the lead that names the article's period: none is named
    yet, or only a headline's, which the story's first sentence may replace ("Zoomlion September
    deliveries up 12%", then "reports its results for the third quarter of 2025")."""
    if state.context is None:
        return _awaiting_period(state)
    first = not state.lead_read and sentence.line_start and not _is_headline(sentence)
    return state.context_from_headline and first


def _lead_period(state: _State, sentence: Sentence, periods: list[Period]) -> None:
    """A sentence before the article's first figure that reports ("Unemployment rose slightly
    in October", "Ohio adds jobs in December") names the period its later figures are of."""
    dated = [p for p in periods if not p.event and _reported(state.text, p, state.published_on)]
    if not dated:
        return
    text, span = state.text, (sentence.start, sentence.end)
    # "today reports its operating results for the third quarter of 2025"
    results = _RESULTS_FOR.search(text, max(span[0], dated[0].start - 80), dated[0].start)
    if results is None and not facts_layer.reports_in_past(sentence.text):
        return  # "In 2023, the province decided to ...": a decision, no figure's period
    if results or facts_layer.reports_around(text, span, dated[0].start, dated[0].end):
        headline = state.context
        if headline is not None and (_within(dated[0], headline) or not _near(dated[0], headline)):
            return  # a part of the headline's period, or a caption's "pictured in 2018"
        state.context = whole_year(dated[0])
        state.context_from_headline = _is_headline(sentence)


_RESULTS_FOR = re.compile(
    r"\b(?:reports|announces|publishes|releases|presents)\s+(?:its|their)\s+(?:[a-z-]+\s+){0,3}"
    r"(?:results|figures|update|accounts)\s+for\s+(?:the\s+)?$"
)
# What makes a year yet to end the year of a goal or a forecast, not of the figures reported.
_GOAL_FOR_BEFORE = re.compile(
    r"\b(?:goal|goals|target|targets|forecast|forecasts|outlook|projection|projections|aim)\s+"
    r"(?:for|in)\s+(?:the\s+)?$"
    r"|\b(?:sees|expects|forecasts|projects|targets|guides)\s+[^.;]{0,60}\s(?:for|in)\s+(?:the\s+)?$"
)
# A target's words before the year it is for, in its clause: the story reports on the year
# before ("will aim for economic growth of around 5.5 percent this year").
_AIM_BEFORE = re.compile(
    r"\b(?:aims?\s+(?:for|at|to)|targets?|goal\s+of|plans?)\s(?:[^.;,]|\.\d){0,80}$"
)
_GOAL_AFTER = re.compile(
    r"(?:\s+[a-z-]+){0,2}?\s+(?:goal|goals|target|targets|forecast|forecasts|outlook|guidance)\b"
)
# Periods that date a plan or a span of years, not the figures an article reports on.
_TARGET_BEFORE = re.compile(r"\b(?:by|until|through)\s+(?:the\s+end\s+of\s+)?$")
_YEARS_LABEL = re.compile(r"^\d{4}-\d{4}$|^since ")


# The value of each of the things counted ("projects worth over 1 billion yuan each"), not an
# average a region or company reports ("spending an average of 6,170 yuan each").
_A_YEAR_EARLIER = re.compile(
    # "up from Sh41.9 billion the year before"
    r"\s+(?:(?:recorded|reported|posted|seen)\s+)?(?:(?:a|the)\s+year\s+(?:earlier|ago|before)|"
    # "up 37% from NZ$118 million in the previous year"
    r"(?P<in>in\s+)?the\s+(?:previous|prior|preceding)\s+(?:(?:fiscal|financial)\s+)?year"
    r"(?!['\u2019])|"
    # a harvest's: "up 11% from 371,000 tonnes the previous season" (not "last season", which
    # dates the figure itself)
    r"(?:in\s+)?the\s+(?:previous|prior|preceding)\s+(?:season|campaign|harvest)|"
    r"the\s+season\s+(?:before|earlier)|"
    rf"(?:in|during)\s+the\s+{SAME_SPAN}\s+(?:(?:of\s+)?(?:last|the\s+previous)\s+year|"
    r"(?:a|the)\s+year\s+(?:earlier|ago|before)))\b"
)
# "last season" after a base: the season before the one the sentence reports ("reached $4.1
# billion last season" is dated by the phrase itself).
_LAST_SEASON = re.compile(r"\s+last\s+(?:season|campaign|harvest)\b")
_FROM_BEFORE = re.compile(r"\b(?:from|against|versus|compared\s+with)\s+(?:about\s+)?$")
# A results release's base in brackets, labelled by its year: "(previous year: EUR 388.5
# million)", "(2024: UGX 607.7 billion)", "(9M25: Rp3.15 trillion)", "(H1 2024: ...)".
_BASE_LABEL_BEFORE = re.compile(
    r"\((?:(?:previous|prior|last)\s+year|(?:9M|[1-4]Q|Q[1-4]|[12]H|H[12]|FY)?\s?(?:\d{4}|\d\d))"
    r":\s*$"
)
# A figure, then a bracket: in a list of key figures, the same figure a year before (a change
# in brackets, "(+2.1%)", is the figure's own).
_CHANGE_UNITS = frozenset({"percent", "percentage_point"})
_BRACKET_AFTER_FIGURE = re.compile(r"\d[\w.,%]*(?:\s+[A-Za-z]+){0,2}\s*\($")
_SIGNS = frozenset("+-\u2212\u2013")
_BARE_BASE = re.compile(r"\(\d[\d,.]*(?:\s+(?:thousand|million|billion|trillion|bn|m))?\)")
_SAME_PERIOD_OF = re.compile(rf"\s+in\s+the\s+{SAME_SPAN}\s+(?:of|in)\s+(?P<year>\d{{4}})\b")
_PER_ITEM = re.compile(r"\s+(?:each|apiece)\b")
_ITEM_VALUE_BEFORE = re.compile(r"\b(?:worth|valued\s+at|costing|priced\s+at)\b")
# A headline is a line of its own that ends with no full stop.
_SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "\u201d")


# How a sentence that goes on about the subject and figures of the one before it begins.
GOES_ON_WORDS = (
    "Its", "Their", "It", "They", "The figure", "The total", "The zone", "The area",
    "The region", "The province", "The city", "The company", "The group", "The port",
)  # fmt: skip
_GOES_ON = re.compile("(?:" + "|".join(w.replace(" ", r"\s+") for w in GOES_ON_WORDS) + r")\b")


# "in the month" after a figure: the month the sentence before reported ("handled 2.94 million
# passenger trips in the month").
_IN_THE_MONTH = re.compile(r"\b(?:in|during|for)\s+the\s+month\b(?!\s+(?:of|to|ended)\b)")


def _reported(text: str, period: Period, published_on: dt.date | None) -> bool:
    """Whether figures of later sentences may be of `period` ("in 2023", not "by 2025").

    "By the end of 2025" is a target when written before that end, and the level reached
    then when written after it.
    """
    if _YEARS_LABEL.match(period.label):
        return False
    if published_on is not None and period.last is not None and period.last < published_on:
        return True
    if _GOAL_FOR_BEFORE.search(text, max(0, period.start - 80), period.start):
        return False  # "sets $18bn goal for 2026", "sees EBITDA of €430m in 2026/27"
    if _GOAL_AFTER.match(text, period.end):
        return False  # "sets 2026 growth target at around 5.5%"
    if facts_layer.under_way(period, published_on) and _AIM_BEFORE.search(
        text, max(0, period.start - 90), period.start
    ):
        return False  # "will aim for economic growth of around 5.5 percent this year"
    lead_in = text[max(0, period.start - 20) : period.start]
    if not may_end_with(lead_in, ("by", "until", "through", "of")):
        return True  # no "by", "until", "through" or "by the end of" right before it
    return not _TARGET_BEFORE.search(text, max(0, period.start - 20), period.start)


def _period(
    state: _State,
    sentence: Sentence,
    quantity: Quantity,
    periods: list[Period],
    found: list[facts_layer.Candidate],
) -> Period | None:
    """The period the sentence gives `quantity`, else the article's, when its clause reports."""
    text, span, context = state.text, (sentence.start, sentence.end), state.context
    if dating.size_of_a_thing(text, sentence.start, quantity) or dating.NOW_AFTER.match(
        text, quantity.end
    ):
        return None  # "a 1 GW wind farm", "up from about 3,400 today": of no period
    period = facts_layer.period_of(text, sentence.start, quantity, periods)
    if period and period.end <= quantity.start and dating.states_now(text, span, quantity):
        period = None  # "Chile, which produced 5.5 million tons last year, supplies a quarter"
    if context is not None and facts_layer.refers_back(text, quantity, sentence.end):
        back = (state.previous, context)
        period = dating.referred_back(text, sentence.end, quantity, back, state.dated)
    elif dating.over_the_month(text, sentence.end, quantity, context):
        period = context  # "Manufacturing shed 4,300 jobs over the month"
    # "Renhuai, a city of about 660,000 people, ...": a figure that describes a name is a stock.
    if period is None and not facts_layer.describes(text, sentence.end, quantity, found):
        period = _in_clause(state, span, quantity, periods) or _carried(
            state, sentence, quantity, dated=bool(periods)
        )
    if period is not None and "annual" in sentence.text:
        period = dating.annual(text, span, quantity, period)
    if period is not None and _season_of_a_crop(text, quantity, period):
        period = calendar_year(period)  # "sown on 118,500 hectares this spring": the year's crop
    if period is not None and "|" in sentence.text:
        period = _in_column_year(state, quantity, period)
    compared = None if period is None else _compared_span(state, quantity, period)
    if compared is not period:
        return compared  # the span of another year dates no figure after it
    if period is not None and not facts_layer.compared_base(state.text, sentence.start, quantity):
        state.dated.append(period)
    return period


def _season_of_a_crop(text: str, quantity: Quantity, period: Period) -> bool:
    """Whether a season dates a crop's weight, area or yield ("fell 14% to 520,000 tonnes this
    summer"): a harvest is the year's, whichever season brings it in."""
    if unit_of(quantity.unit).base not in _CROP_BASES:
        return False
    return _SEASON_WORD.search(text, period.start, period.end) is not None


_CROP_BASES = frozenset({"kg", "m2", "bu", "t_per_ha", "bale"})
_SEASON_WORD = re.compile(r"(?i:spring|summer|autumn|fall|winter)")


def _in_column_year(state: _State, quantity: Quantity, period: Period) -> Period:
    """A row's month in the year its column's header names: "| January | 795,400 | 742,100 |"
    under "| Month | 2025 | 2024 |" is January 2024 in the third column."""
    column = tables.column_at(state.text, quantity.start)
    year = None if column is None else state.columns.get(column.header_start)
    if year is None or not year.label.isdigit() or _within(period, year):
        return period
    return same_span_in(period, int(year.label)) or period


def _in_clause(
    state: _State, span: tuple[int, int], quantity: Quantity, periods: list[Period]
) -> Period | None:
    """The period the figure's own clause gives it past the words `period_of` reads: a target
    date closing it, a period it is "for", the clause it reports alongside, a revised guidance's
    year."""
    text = state.text
    if not periods:  # most sentences: only a guidance revised for the year may date it
        return dating.revised(text, span[0], quantity, state.context, state.dated)
    return (
        dating.target_date_after(text, quantity, periods)
        or dating.for_period(text, quantity, periods)
        or dating.parallel_clause(
            text, span, quantity, periods, lambda p: _reported(text, p, state.published_on)
        )
        or dating.revised(text, span[0], quantity, state.context, state.dated)
        or dating.plan_target(text, span, quantity, periods)
    )


def _carried(
    state: _State, sentence: Sentence, quantity: Quantity, dated: bool = False
) -> Period | None:
    """The period of the sentences before, when the clause of `quantity` reports a figure
    (`dated`: the sentence names a period of its own)."""
    span = (sentence.start, sentence.end)
    if dating.per_year(state.text, quantity, sentence.end):
        return None  # "designed to produce 30,000 tonnes a year": a capacity, of no period
    if state.context is None and _headline_ahead(state.text, sentence, quantity):
        state.awaiting_ahead.append(len(state.facts))  # "Budget targets deficit of 3.4%"
        return None
    if dating.states_now(state.text, span, quantity):
        return None  # "stands at 840,000 hectares", "supplies more than half": of no period
    # A sentence that goes on about the one before ("Its foreign trade ...", "... handled 2.94
    # million passenger trips in the month") is of its period.
    go_on = state.previous is not None and (
        _GOES_ON.match(sentence.text) or (not dated and _IN_THE_MONTH.search(state.text, *span))
    )
    context = (
        state.previous if go_on else (state.paragraph_period or state.section or state.context)
    )
    column = tables.column_at(state.text, quantity.start)
    if column is not None and not column.in_header:
        # "Liquid bulk | 99.8": of the period its column's header, its table's title or the
        # release names
        columns = state.columns
        return (
            columns.get(column.header_start) or columns.get(column.table_start) or state.heading
            or context
        )  # fmt: skip
    if dating.list_item(sentence.text) and (state.heading or context) is not None:
        # "- EBITDA: EUR 54.3 million": a figure of the period its heading or the release names
        return state.heading or context
    period = facts_layer.carried_period(state.text, span, quantity, context, state.published_on)
    # A headline's or lead's figure ("posted a 34% jump in annual profit") is of the
    # period the article goes on to name ("for the year ended June 30").
    if (
        context is None
        and _opens(state, sentence)
        and (
            facts_layer.reports(state.text, span, quantity)
            or _headline_figure(state.text, sentence, quantity)
        )
    ):
        state.awaiting.append(len(state.facts))
    plan = state.plan
    if period is None and plan is not None and (context is None or context.label == plan.label):
        # "Revenue is projected at ...", "- Health and wellness: $7.4 billion": a forecast or an
        # allocation the budget lists
        forecast = _forecasts(sentence) or dating.list_item(sentence.text)
        period = plan if forecast else None
    budget = dating.yet_to_start(context, state.published_on)
    if budget and unit_of(quantity.unit).base in dating.NOT_BUDGETED:
        return None  # a year ahead dates a budget's money, not "10 new industrial parks" it plans
    return dating.over_the_year(state.text, sentence.start, quantity, period, context)


def _note_plan(state: _State, sentence: Sentence, periods: list[Period]) -> None:
    """Note the first year a budget is for, not yet ended: "the 2026 budget", "plans to spend
    11.8 billion rials in 2026" (not a goal "by 2030", nor a plant's opening year)."""
    if state.plan is not None or state.published_on is None or not periods:
        return
    if _BUDGET_WORDS.isdisjoint(LOWER_WORD.findall(sentence.text)):
        return
    published, text = state.published_on, state.text
    for period in periods:
        last = period.last
        if (
            period.event
            or last is None
            or last < published
            or last.year > published.year + 1
            or not _PLAN_LABEL.match(period.label)
            or _TARGET_BEFORE.search(text, max(0, period.start - 20), period.start)
        ):
            continue
        state.plan = period
        return


_BUDGET_WORDS = frozenset("budget budgets spend spending expenditure expenditures".split())
# A year or a fiscal year: what a budget is for.
_PLAN_LABEL = re.compile(r"^(?:\d{4}|FY\d{4}-\d\d)$")


def _forecasts(sentence: Sentence) -> bool:
    """Whether the sentence looks ahead or allocates: "is projected at", "earmarked"."""
    return not _FORECAST_VERBS.isdisjoint(LOWER_WORD.findall(sentence.text))


_FORECAST_VERBS = cues.FORECAST_WORDS | {"budgeted", "allocated", "earmarked", "planned", "plans"}


def _multiple_of_base(text: str, quantity: Quantity, earlier: re.Match[str]) -> bool:
    """Whether "the previous year" is what a multiple is of: "more than double the previous
    year" is this year's figure against last year's, not last year's figure."""
    return earlier["in"] is None and bool(_MULTIPLE.search(text, quantity.start, quantity.end))


_MULTIPLE = re.compile(r"(?i:double|triple|twice|times|fold)")


def _compared_span(state: _State, quantity: Quantity, period: Period) -> Period | None:
    """The span a comparison moves a figure's period to: "342,000 a year ago", "in the same
    period of 2024", "1,092 yuan during the 2024 holiday" (the reporting span, that year)."""
    text, span = state.text, state.blanked[:2]
    earlier = _A_YEAR_EARLIER.match(text, quantity.end)
    if (earlier is not None and not _multiple_of_base(text, quantity, earlier)) or (
        dating.bare_base(text, span, quantity, period)
    ):
        return year_before(period)
    if _BASE_LABEL_BEFORE.search(text, max(span[0], quantity.start - 20), quantity.start):
        return year_before(period)  # "(previous year: EUR 388.5 million)", "(2024: ...)"
    if _LAST_SEASON.match(text, quantity.end) and _FROM_BEFORE.search(
        text, max(span[0], quantity.start - 12), quantity.start
    ):
        return year_before(period)  # "up from 9.5 lakh tonnes last season": this one's base
    bracket = _BRACKET_AFTER_FIGURE.search(text, max(span[0], quantity.start - 20), quantity.start)
    if bracket is not None and quantity.conversion_of is None:
        # "- Revenue: €684.3m (€648.0m)", "- EBITDA margin: 13.3% (12.3%)": the year before;
        # a signed change in brackets ("(+2.1%)") is the figure's own
        level = quantity.unit not in _CHANGE_UNITS or (
            "%" in bracket[0] and text[quantity.start] not in _SIGNS
        )
        # in prose, a bracket that holds a bare base alone: "handled 9.85 million tonnes (9.27
        # million) in 2025" (not a conversion: "11.6 million mu (about 773,000 hectares)")
        alone = _BARE_BASE.fullmatch(text, quantity.start - 1, quantity.end + 1) is not None
        if level and (alone or dating.list_item(text[span[0] : span[1]])):
            return year_before(period)
    months = _MONTHS_EARLIER.match(text, quantity.end)
    if months is not None and _MONTH_LABEL.match(period.label):
        return months_before(period, _MONTH_COUNTS[months["n"].lower()])
    years = _YEARS_EARLIER.match(text, quantity.end)
    if years is not None:
        year = period.first.year - int(numerals.parse_words(years["n"]))
        return same_span_in(period, year) or period
    if _REVISED_ESTIMATE.match(text, quantity.end) and _yet_to_start(period, state.published_on):
        return year_before(period)  # a budget's "revised estimates": the year under way
    same = _SAME_PERIOD_OF.match(text, quantity.end)
    if same is not None:
        return same_span_in(period, int(same["year"])) or period
    context = state.context
    if context is None or not period.label.isdigit() or context.label == period.label:
        return period
    if _SPAN_NOUN_AFTER.match(text, period.end) and period.start > quantity.end:
        return same_span_in(context, int(period.label)) or period
    return period


# "to 12.3 percent from 11.9 percent three months earlier": a month's figure months before.
_MONTH_COUNTS = {"one": 1, "two": 2, "three": 3, "six": 6, "1": 1, "2": 2, "3": 3, "6": 6}
_MONTHS_EARLIER = re.compile(
    r"\s+(?P<n>one|two|three|six|[1236])\s+months?\s+(?:earlier|ago|before)\b"
)
_MONTH_LABEL = re.compile(r"^\d{4}-\d\d$")
# "up from 10.6% five years earlier": the same span that many years before.
_YEARS_EARLIER = re.compile(
    r"\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+years\s+(?:earlier|ago|before)\b"
)


# "from ₹41,260 crore in the revised estimates": a budget's figure for the year under way.
_REVISED_ESTIMATE = re.compile(r"\s+(?:in|as\s+per|according\s+to)\s+the\s+revised\s+estimates?\b")


def _yet_to_start(period: Period, published_on: dt.date | None) -> bool:
    return published_on is not None and period.first > published_on


# "the 2024 holiday", "the 2023 season": the article's reporting span, in that year.
_SPAN_NOUN_AFTER = re.compile(r"\s+(?:holidays?|season|festival|period|week)\b")


def _opens(state: _State, sentence: Sentence) -> bool:
    """Whether the sentence is a headline or the first to state a fact (the lead)."""
    if _is_headline(sentence):
        return True
    if not _BUILT_WORDS.isdisjoint(LOWER_WORD.findall(sentence.text)):
        return False  # "A 110 kV line was built": the size of a thing, of no period
    first = next((fact.citation.start for fact in state.facts if fact is not None), None)
    return first in (None, sentence.start)


def _headline_figure(text: str, sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a headline states the figure whatever its verb's tense ("Budget pegs deficit at
    3.2%", "Lithium sales slump by more than half"): not the size of a thing it names ("unveils
    Rs 2.9 lakh crore budget", "lands €1.1bn battery-materials plant"), nor a target ("Hunan
    eyes 6% growth"), which is no figure of the story's period."""
    return _headline_states(text, sentence, quantity) and not _looks_ahead(sentence)


def _headline_ahead(text: str, sentence: Sentence, quantity: Quantity) -> bool:
    """Whether a headline states a figure it looks ahead to: "Kerala budget pegs spending at
    ₹1.86 lakh crore, targets deficit of 3.4%"."""
    return _headline_states(text, sentence, quantity) and _looks_ahead(sentence)


def _headline_states(text: str, sentence: Sentence, quantity: Quantity) -> bool:
    return _is_headline(sentence) and not dating.attributive(text, quantity)


def _is_headline(sentence: Sentence) -> bool:
    """A headline is a line of its own that ends with no full stop."""
    return sentence.line_start and not sentence.text.endswith(_SENTENCE_ENDS)


def _looks_ahead(sentence: Sentence) -> bool:
    return not dating.AHEAD_WORDS.isdisjoint(LOWER_WORD.findall(sentence.text))


_BUILT_WORDS = frozenset(
    "built opened launched completed established founded commissioned installed".split()
)


def _fact(
    state: _State,
    sentence: Sentence,
    quantities: list[Quantity],
    index: int,
    found: list[facts_layer.Candidate],
    periods: list[Period],
) -> FactRead | None:
    """The fact quantity `index` of the sentence states, if it has a subject."""
    quantity = quantities[index]
    if quantity.conversion_of is not None:
        return _conversion(state, quantity)
    if _one_in_words(state.text, quantity):
        return None  # "One of them is Harpeth", "one major carrier": a pronoun, an article
    subject = facts_layer.subject_of(state.text, quantity, found, state.topic)
    if facts_layer.event_figure(state.text, sentence.start, quantity, found):
        subject = None  # "The expo drew 8,000 exhibitors"
    if facts_layer.persons_figure(state.text, sentence.start, quantity):
        subject = None  # "she had attended nine auctions"
    if _PER_ITEM.match(state.text, quantity.end) and _ITEM_VALUE_BEFORE.search(
        state.text, max(sentence.start, quantity.start - 20), quantity.start
    ):
        subject = None  # "46 projects worth over 1 billion yuan each": the size of each
    country = facts_layer.country_figure(
        state.text, sentence.start, quantity, state.mentions, subject.mention if subject else None
    )
    if country is not None:
        subject = facts_layer.Subject(country, facts_layer.CONFIDENCE["object"])
    if subject is None:
        return None
    province = facts_layer.provincial_figure(
        state.text, sentence.start, quantity, state.mentions, subject.mention
    )
    if province is not None:
        subject = facts_layer.Subject(province, facts_layer.CONFIDENCE["object"])
    period = _period(state, sentence, quantity, periods, found)
    indicator = _indicator(state, sentence, quantities, index)
    subject = _place_for_place_metric(state, subject, indicator)
    confidence = subject.confidence * (1.0 if indicator.id else 0.9)
    unit = unit_of(quantity.unit)
    return FactRead(
        start=quantity.start, end=quantity.end, value=quantity.value, unit=unit.code,
        unit_base=unit.base, unit_scale=unit.scale, comparator=quantity.comparator,
        as_reported=state.text[quantity.start : quantity.end],
        subject=_subject_read(subject.mention), indicator=indicator,
        period_start=period.first if period else None,
        period_end=period.last if period else None,
        period_label=period.label if period else None,
        citation=SpanQuote(quote=sentence.text, start=sentence.start, end=sentence.end),
        confidence=round(confidence, 3),
    )  # fmt: skip


def _one_in_words(text: str, quantity: Quantity) -> bool:
    """Whether a count is of one, written "one": news writes the word as a pronoun or an
    article ("one of them", "one analyst said", "one major carrier") far more often than as a
    figure (no answer key of the development sets but one holds such a fact)."""
    start = quantity.number_start
    return (
        quantity.unit == "count"
        and abs(quantity.value) == 1
        and text[start : start + 3].lower() == "one"
        and not text[start + 3 : start + 4].isalpha()
    )


def _place_for_place_metric(
    state: _State, subject: facts_layer.Subject, indicator: IndicatorRef
) -> facts_layer.Subject:
    """A company taken from the sentences before is no subject of a region's indicator ("The
    unemployment rate fell"): the region the article spoke of last is."""
    topic_company = (
        subject.confidence == facts_layer.CONFIDENCE["topic"]
        and subject.mention.kind == "organization"
    )
    region = state.topic.get("region")
    if topic_company and region is not None and of_a_place(indicator.name):
        return facts_layer.Subject(region, subject.confidence)
    return subject


def _conversion(state: _State, quantity: Quantity) -> FactRead | None:
    """The fact of the amount this one converts, restated in the other currency."""
    assert quantity.conversion_of is not None
    base = state.facts[quantity.conversion_of]
    if base is None:
        return None
    unit = unit_of(quantity.unit)
    return FactRead(
        start=quantity.start, end=quantity.end, value=quantity.value, unit=unit.code,
        unit_base=unit.base, unit_scale=unit.scale, comparator=quantity.comparator,
        as_reported=state.text[quantity.start : quantity.end], subject=base.subject,
        indicator=base.indicator, period_start=base.period_start, period_end=base.period_end,
        period_label=base.period_label, citation=base.citation,
        confidence=round(base.confidence * 0.95, 3), conversion=True,
    )  # fmt: skip


def _indicator(
    state: _State, sentence: Sentence, quantities: list[Quantity], index: int
) -> IndicatorRef:
    """The indicator quantity `index` measures: from its words, else its neighbour's."""
    quantity = quantities[index]
    previous_end = quantities[index - 1].end if index else sentence.start
    # A metric is named within a few words of its number: 120 characters is plenty. It may
    # come before an earlier number: "GDP grew 5.4 percent to 13.57 trillion yuan".
    near, _ = _lead_ins(state.text, max(sentence.start, previous_end), quantity.start)
    clause_start = max(sentence.start, quantity.start - 120)
    clause = _blank(state, clause_start, quantity.start)
    wide = clause
    if not _only_connectors(near):
        wide = _blank(state, max(clause_start, previous_end), quantity.start)  # ", while X"
    after = _trailing(state, sentence, quantities, index)
    own = _blank(state, quantity.start, quantity.end)

    def context() -> set[str]:
        words = normalized_words(" ".join((near, own, after)))
        return words | _partner_words(state, sentence, quantities, index)

    near = _blank(state, quantity.start - len(near), quantity.start)
    around = Around(near, wide, clause, after, context)
    suggestion = suggest(quantity.unit, around, quantity.counted, state.known)
    previous = _previous_fact(state, quantities, index)
    if previous is not None and suggestion.id is None and _only_connectors(near):
        return previous.indicator  # "from 160 billion yuan in 2015 to 450 billion yuan"
    return IndicatorRef(id=suggestion.id, name=suggestion.name)


# Words between two numbers of one metric: "5.4 percent year-on-year to 13.57 trillion yuan".
_CONNECTORS = frozenset(
    "from to and or in respectively year-on-year year on up down by a an of".split()
)


def _only_connectors(words: str) -> bool:
    """Whether the words between two numbers name nothing new: "in 2015 to"."""
    return only_words_of(words, _CONNECTORS)


def _lead_ins(text: str, start: int, end: int) -> tuple[str, str]:
    """The words before a number: from the last clause break, and from `start`."""
    wide = text[start:end]
    breaks = list(_CLAUSE_BREAK.finditer(wide))
    near = wide[breaks[-1].end() :] if breaks else wide
    return near, wide


def _blank(state: _State, start: int, end: int) -> str:
    """`text[start:end]` with names of regions and organizations blanked out."""
    low, high, blanked = state.blanked
    if low <= start <= end <= high:
        return blanked[start - low : end - low]
    pieces: list[str] = []
    position = start
    first = bisect.bisect_left(state.mention_ends, start + 1)
    for mention in state.mentions[first:]:
        if mention.start >= end:
            break
        low, high = max(position, mention.start), min(end, mention.end)
        pieces += [state.text[position:low], " " * (high - low)]
        position = max(position, high)
    pieces.append(state.text[position:end])
    return "".join(pieces)


def _trailing(state: _State, sentence: Sentence, quantities: list[Quantity], index: int) -> str:
    """A few words after a number, up to the next number or clause break."""
    end = quantities[index + 1].start if index + 1 < len(quantities) else sentence.end
    after = state.text[quantities[index].end : end]
    cut = _TRAILING_BREAK.search(after)
    after = after[: cut.start()] if cut else after
    start = quantities[index].end
    return _blank(state, start, start + len(after)) if after.strip() else ""


def _partner_words(
    state: _State, sentence: Sentence, quantities: list[Quantity], index: int
) -> set[str]:
    """For a rank or a share, the words of the amount it ranks or divides.

    "27 SMEs and 500 firms, ranking second and third respectively": second ranks the SMEs.
    """
    quantity = quantities[index]
    if quantity.unit not in ("rank", "percent"):
        return set()
    ranks = [i for i, q in enumerate(quantities) if q.unit == "rank" and q.comparator == "eq"]
    others = [i for i in range(index) if quantities[i].unit not in ("rank", "percent")]
    if quantity.unit == "percent":
        others = [i for i in others if quantities[i].unit == "count"][-1:]
    if not others:
        others = [i for i in range(index) if quantities[i].unit != "rank"][-1:]
    if not others:
        return set()
    group = [i for i in ranks if i > others[-1]]
    position = group.index(index) if index in group else 0
    chosen = others[-len(group) :][position] if len(group) <= len(others) and group else others[-1]
    partner = quantities[chosen]
    lead_start = quantities[chosen - 1].end if chosen else sentence.start
    near, _ = _lead_ins(state.text, lead_start, partner.start)
    return normalized_words(near + " " + _blank(state, partner.start, partner.end))


def _previous_fact(state: _State, quantities: list[Quantity], index: int) -> FactRead | None:
    """The fact of the last amount before this one in the sentence, if in the same unit."""
    for fact in reversed(state.facts[len(state.facts) - index :]):
        if fact is not None and not fact.conversion:
            return fact if fact.unit == quantities[index].unit else None
    return None


def _quantity_read(text: str, quantity: Quantity) -> QuantityRead:
    unit = unit_of(quantity.unit)
    return QuantityRead(
        start=quantity.start, end=quantity.end, value=quantity.value, unit=unit.code,
        unit_base=unit.base, unit_scale=unit.scale, comparator=quantity.comparator,
        as_reported=text[quantity.start : quantity.end], counted=quantity.counted,
        conversion_of=quantity.conversion_of,
    )  # fmt: skip


def _entity_read(mention: Mention) -> EntityRead:
    return EntityRead(
        kind=mention.kind,
        id=mention.id, name=mention.name, start=mention.start, end=mention.end,
        suggested_kind=mention.suggested_kind,
    )  # fmt: skip


def _subject_read(mention: Mention) -> SubjectRead:
    return SubjectRead(
        kind=mention.kind,
        id=mention.id, name=mention.name, start=mention.start, end=mention.end,
    )  # fmt: skip
