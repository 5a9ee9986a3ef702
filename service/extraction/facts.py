"""Facts: a quantity stated about a region or organization, in a period, with its sentence.

The subject is the name nearest before the number that is not the object of a preposition
("Zoomlion, based in Changsha, reported ..." is about Zoomlion); "it", "its", "the company" or
"the area" stand for the subject of the sentence before. The period is the one named just after
the number ("450 billion yuan in 2023"), else the one the sentence opens with ("In 2023, ..."),
else, for a figure its clause reports, the period the article reports on (`carried_period`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass

from service.extraction.entities import Mention, dateline_spans
from service.extraction.indicators import VERBS
from service.extraction.periods import Period, calendar_year, closing_month, year_before
from service.extraction.quantities import Quantity
from service.extraction.text import LOWER_WORD

# Words that stand for a subject named before; the kind they may stand for (None: either).
# The first letter is matched first, and the look-behinds after it: a search then skips quickly
# to an "i" or "t". The group "pronoun" is set for "it", "its" and "their" (see `_pronoun`).
ANAPHORS = re.compile(
    r"[IiTt](?<!\w.)(?:(?P<pronoun>(?<=[Ii])ts?|(?<=[Tt])heir)\b|"
    # "the country's richest region" stands for a region, not the country
    r"(?<=[Tt])he\s+(?:(?P<nation>(?:country|nation)['\u2019]s\s+(?:[\w-]+\s+){0,2}?)|(?:[\w-]+\s+){0,2}?)"
    r"(?P<noun>company|firm|group|enterprise|corporation|automaker|carmaker|maker|manufacturer|"
    r"producer|bank|giant|operator|developer|port|authority|carrier|airline|miner|lender|"
    r"insurer|retailer|chipmaker|utility|conglomerate|supplier|exporter|project|farm|plant|"
    r"mine|terminal|facility|airport|city|province|area|"
    r"new\s+area|region|county|district|zone|park|country|municipality|prefecture|state|"
    # Indian and official English write "the State", "the Company"
    r"State|Province|City|Company)\b(?!\s+(?:of\b|[A-Z])))"
)
ANAPHOR_KINDS = dict.fromkeys(
    "company firm group enterprise corporation automaker carmaker maker "
    "manufacturer producer bank giant operator developer port authority carrier airline miner "
    "lender insurer retailer chipmaker utility conglomerate supplier exporter project farm "
    "plant mine terminal facility airport".split(),
    "organization",
)
ANAPHOR_NOUNS = frozenset(
    [*ANAPHOR_KINDS, "city", "province", "area", "region", "county", "district", "zone", "park",
     "country", "municipality", "prefecture", "state"]
)  # fmt: skip
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
# Metrics whose owner follows "of": "the GDP of Chengdu", "exports of Vietnam".
OWNED = frozenset(
    "gdp grp product output economy exports imports trade revenue revenues sales population "
    "income investment production profit profits turnover growth earnings".split()
)
# What a place sends out: "exports from Mato Grosso" are the state's.
SENT_FROM = frozenset("exports shipments outflows".split())
_OWNER_BEFORE = frozenset({("by", "followed"), ("by", "trailed")})
# "the city of Xiamen", "the State of Texas": a kind of place, then its name.
NAMED_BY_OF = frozenset(
    "city town port province state region county district municipality emirate island "
    "kingdom republic".split()
)
_KIND_OF_BEFORE = re.compile(rf"\b(?:{'|'.join(NAMED_BY_OF)})\s+of\s+(?:the\s+)?$")
# A clause set off by commas that describes the name before it: its names are not the subject
# ("BYD, headquartered in the city's Pingshan district, sold ...").
_DESCRIBING = re.compile(
    r",\s+(?:which|who|whose|where|(?:[a-z]+ed|built|run|owned|known)\b)"
    r"(?:[^,;]|,(?=\d))*(?=,(?!\d))"  # "37,000" is one number, not the clause's end
)
_APPOSITIVE = re.compile(
    r",\s+(?P<body>(?:[a-z][\w-]*|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*[\u2019']s)\s"
    r"(?:[^,;()]|,(?=\d)){3,110}?),\s+(?=[a-z])"  # "660,000" is one number, not two clauses
)
_OWNED_PHRASE = re.compile(r"['\u2019]s(?:\s+[a-z][\w-]*){1,2}(?=,)")
# A country's central bank sets the country's rates and reports its prices.
_CENTRAL_BANK = re.compile(r"(?i)\b(?:national|central|reserve|people['\u2019]s)\s+bank\b")
# "Munich-based Siemens": the place only qualifies the name after it.
# "the Munich-based maker"; "as UK deal opens doors", "US tariffs": a name that only qualifies
# a deal, a tariff or a market is no subject.
_QUALIFIER_AFTER = re.compile(
    r"-?(?:based|headquartered|listed)\b"
    r"|\s+(?:trade\s+)?(?:deal|deals|tariffs?|sanctions|buyers|importers|demand|market|markets)\b"
)
# A person's title after a name: "Acme chairman", "Hunan Governor", "the bank's chief economist".
_TITLE_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+(?i:(?:vice|deputy|managing|executive|general|chief|senior|acting)[\s-]+)*"
    r"(?i:chairman|chairwoman|chairperson|president|ceo|cfo|director|governor|mayor|minister|"
    r"secretary(?:-general)?|spokesperson|spokesman|spokeswoman|head|economist|analyst|"
    r"executive|founder|manager|officer)s?\b"
)
# "a factory in Rayong, Thailand": the country after a governed place is governed too.
_GOVERNED_PLACE = re.compile(
    r"\b(?:in|at|from|to|of|near)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*,\s*$"
)
# A quantity set off by a comma right after a name describes that name.
_APPOSITION = re.compile(r",\s*$")
# "Guizhou province, whose GDP grew 5.3 percent": the clause's figures are the name's; so are
# those of a clause on what the name owns ("Colombia's total production, which rose 4.5%").
_RELATIVE_CLAUSE = re.compile(
    r"[^,;]{0,20},\s+(?:whose|where)\b[^,;]*$"
    r"|['\u2019]s\s+(?:[a-z-]+\s+){0,3}?[a-z-]+,\s+which\s+[^,;]*$"
)
# "More than 18,000 firms in Fujian reported ...": where the things counted are.
_PLACE_OF_COUNT = re.compile(r"\s+(?:in|across|throughout)\s+(?:the\s+)?$")
_SHARE_OF = re.compile(r"\s+of\s+$")
# "Intel Corp.'s $28 billion complex": the name owns the figure right after it.
_POSSESSIVE = re.compile(r"['\u2019]s\s+$")
# "a $1.1 billion plant by Hanwell Precision": the company that makes or owns the thing counted.
_MAKER_LATER_IN_CLAUSE = re.compile(r"[^,;.\n]{0,40}?\s(?:by|of|from|for)\s+(?:the\s+)?$")
# "1.42 million nights in hotels and inns in Ishikawa Prefecture": the place the clause names.
_PLACE_LATER_IN_CLAUSE = re.compile(r"[^,;.\n]{0,60}?\s(?:in|across|throughout)\s+(?:the\s+)?$")
# A body that publishes figures ("..., the statistics bureau said") is their source, not their
# subject.
SOURCE_WORDS = frozenset(
    "bureau statistics statistical ministry office commission department administration customs "
    "council authority association federation institute directorate board".split()
)
# "..., the Chengdu Bureau of Statistics said", "the Kyushu Bureau of Economy, Trade and Industry
# said": the rest of the body's name may come between,
# and its acronym in brackets ("the Federal Airports Authority (FAA) said").
_SOURCE_AFTER = re.compile(
    # "(CVRA) said": the acronym in brackets is the body too
    r"\)?(?:\s+of\s+(?:[A-Z][\w&-]*,?\s+(?:and\s+)?){0,4}?[A-Z][\w&-]*)?(?:\s+\([A-Z][\w&-]*\))?"
    r"\s+(?:said|says|told|estimated|estimates|showed|shows"
    # "..., the authority announced on Monday": announced, with nothing after but when
    r"|announced(?=\s*[.,;]|\s+on\s+[A-Z]|\s+(?:this|last)\s+week|\s+(?:yesterday|today))"
    # "ASEZA Commissioner for Tourism Mohammad Al Khaled told ...": the body a speaker works for
    r"|(?:[A-Z][a-z]+\s+)?(?:[Cc]ommissioner|[Dd]irector|[Ss]pokes(?:man|woman|person)|[Cc]hairman|"
    r"[Cc]hairwoman|[Pp]resident|[Oo]fficials?|[Mm]anager|[Ss]ecretary)(?=\s+(?:for\s+|of\s+)?[A-Z]))\b"
)
_OWNS_SOURCE = re.compile(
    rf"['\u2019]s\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{'|'.join(sorted(SOURCE_WORDS))})\s+"
    r"(?:said|says|told|estimated|estimates|showed|shows)\b"
)
# "the state's farm economics institute Imea said": the words before a name may say its kind.
_KIND_BEFORE = re.compile(r"(?:\b[a-z][\w-]*\s+){1,2}$")
_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|their|our|his|her)\s+$")
_DETERMINERS = frozenset("the a an its their his her our".split())
# A word that may stand inside a noun phrase: lower case, no past tense nor -ing form.
_NOUN_LIKE = re.compile(r"[a-z][a-z-]*$(?<!ed)(?<!ing)")
_POSSESSIVE_ENDS = ("'s", "\u2019s")
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?$")
_POSSESSOR_GAP = re.compile(r"^[\u2019']s\s+$")
_WORD = re.compile(r"[\w\u2019'-]+")
_LETTER_WORD = re.compile(r"[A-Za-z\u2019'-]+")
_BRACKETED = re.compile(r"\([^)]*\)")
# Nouns that end like a verb in the past tense: "gross value added", "industrial added value".
_NOUN_IN_ED = re.compile(r"\bvalue[-\s]+added\b|\badded[-\s]+value\b", re.IGNORECASE)
_COMMA = re.compile(r",\s")
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


# Not frozen, for a quicker __init__ (see text.Sentence); nothing assigns to its fields.
@dataclass(slots=True, unsafe_hash=True)
class Candidate:
    """A mention that may be a fact's subject: `as_object` when a preposition governs it."""

    mention: Mention
    start: int
    end: int
    as_object: bool
    anaphor: bool = False
    source: bool = False
    """A public body that gives figures ("..., the bureau said"): never their subject."""
    partner: bool = False
    """A market that buys what the subject sells ("the European Union took 38% of the
    total"): its share is the seller's figure, never the market's."""

    @property
    def aside(self) -> bool:
        """Named only as the source of figures or as a market: never their subject."""
        return self.source or self.partner


# Not frozen, for a quicker __init__ (see text.Sentence); nothing assigns to its fields.
@dataclass(slots=True, unsafe_hash=True)
class Subject:
    mention: Mention
    confidence: float


def acting_for(mentions: list[Mention]) -> list[Mention]:
    """`mentions`, each known government of a place the text names on its own replaced by that
    place: "Thuringia's state government approved a €28.1 billion budget", "the Northern Ireland
    Executive" and "the Junta de Extremadura" give their place's figures."""
    places = {m.name.lower(): m for m in mentions if m.kind == "region" and m.id is not None}
    if not places:
        return mentions
    acting = []
    for mention in mentions:
        place = _governed_place(mention, places) if mention.kind == "organization" else None
        acting.append(
            mention
            if place is None
            else dataclasses.replace(place, start=mention.start, end=mention.end)
        )
    return acting


def _governed_place(mention: Mention, places: dict[str, Mention]) -> Mention | None:
    """The place a government's name names ("Thuringia's state government"), if it is one."""
    words = set(_LETTER_WORD.findall(mention.name.lower()))
    if words.isdisjoint(_GOVERNMENT_WORDS):
        return None
    name = mention.name.lower()
    named = [place for key, place in places.items() if re.search(rf"\b{re.escape(key)}\b", name)]
    return max(named, key=lambda place: len(place.name)) if named else None


# Not "council" nor "administration": a city council or a port administration keeps its own
# revenue and traffic.
_GOVERNMENT_WORDS = frozenset("government executive cabinet junta generalitat".split())


def candidates(
    text: str, start: int, end: int, mentions: list[Mention], topic: dict[str | None, Mention]
) -> list[Candidate]:
    """The mentions and resolved anaphors of `text[start:end]`, in text order.

    `topic` holds the last subject overall (key None) and of each kind, from earlier sentences.
    """
    datelines = dateline_spans(text)
    named = [
        m for m in mentions
        if start <= m.start and m.end <= end and not any(s <= m.start < e for s, e in datelines)
    ]  # fmt: skip
    described = [match.span() for match in _DESCRIBING.finditer(text, start, end)] if named else []
    described += [span for m in named if (span := _apposition(text, m.end, end)) is not None]
    found: list[Candidate] = []
    for mention in named:
        if venue(mention):
            continue  # a stock exchange is never a subject
        as_object = _named_as_object(text, (start, end), mention, found, described)
        if found and _POSSESSOR_GAP.match(text[found[-1].end : mention.start]):
            if found[-1].mention.kind != "region" and mention.kind == "region":
                continue  # "the BSBM's Changsha base": the base belongs to the BSBM
            if _CENTRAL_BANK.search(mention.name):
                continue  # "Kazakhstan's National Bank raised its rate": the country's rate
            # "south China's Guangxi", "BMW's Dingolfing plant": the owner only places the
            # region or the unit named after it.
            as_object = found.pop().as_object
        found.append(Candidate(mention, mention.start, mention.end, as_object))
    for match in ANAPHORS.finditer(text, start, end):
        overlapping = [c for c in found if c.start < match.end() and match.start() < c.end]
        if any(not c.as_object or c.end >= match.end() for c in overlapping):
            continue  # "the Noto area" is a name; "The Shenzhen-based automaker" an anaphor
        resolved = _antecedent(match, found, topic)
        if resolved is not None:
            as_object = _governed(text, start, match.start(), found)
            as_object = as_object and not _absolute_subject(text, start, match.start(), end)
            # "Samruk-Energy, the state power holding, reported ...": it only describes.
            as_object = as_object or any(s <= match.start() < e for s, e in described)
            # "GlobalFoundries runs the region's largest plant": the region only places it.
            # "..., while the region's industry posted": a new clause's subject.
            # "The FCCI projects the city's textile exports to reach $5.8bn": the city's.
            as_object = as_object or (
                _possessive(text, match)
                and _subject_in_clause(text, start, match.start(), found)
                and not _MEASURES_BEFORE.search(text, max(start, match.start() - 40), match.start())
            )
            # "the Changsha-based exporter": the place inside only qualifies the anaphor.
            found = [c for c in found if c not in overlapping]
            found.append(Candidate(resolved, match.start(), match.end(), as_object, anaphor=True))
            found.sort(key=lambda c: c.start)
    # Worked out once per sentence, not once per figure.
    found = [dataclasses.replace(c, source=True) if _source(text, c, topic) else c for c in found]
    return _partners(text, start, end, _bracketed_short_names(text, found))


def _bracketed_short_names(text: str, found: list[Candidate]) -> list[Candidate]:
    """`found` with a short name in brackets read as the name before it: a source ("According
    to Statistics Poland (GUS), industrial output in Pomorskie rose 4.1 percent") or a name a
    preposition governs ("factories managed by the Kenya Tea Development Agency (KTDA)")."""
    marked: list[Candidate] = []
    for candidate in found:
        before = marked[-1] if marked else None
        bracketed = before is not None and _BRACKET_BETWEEN.fullmatch(
            text, before.end, candidate.start
        )
        # "(BTSO), which counts 54,000 members": the body is its own clause's subject
        if before is not None and bracketed and not _RELATIVE_AFTER.match(text, candidate.end):
            candidate = dataclasses.replace(
                candidate,
                source=candidate.source or before.source,
                as_object=candidate.as_object or before.as_object,
            )
        marked.append(candidate)
    return marked


_BRACKET_BETWEEN = re.compile(r"\s*\(")
_RELATIVE_AFTER = re.compile(r"\)?,?\s+(?:which|that|whose)\b")


def _partners(text: str, start: int, end: int, found: list[Candidate]) -> list[Candidate]:
    """`found` with the markets that buy what the article's subject sells marked: "the
    European Union took 38%", "with China and India taking nearly three-quarters of shipments",
    and the markets listed after one ("..., followed by Ecuador", "..., the Netherlands 14%")."""
    marked: list[Candidate] = []
    for candidate in found:
        region = candidate.mention.kind == "region" and not candidate.source
        buyer = region and not candidate.as_object
        buyer = buyer and _BUYER_AFTER.match(text, candidate.end, end) is not None
        listed = region and any(c.partner for c in marked)
        before = max(start, candidate.start - 20)
        listed = listed and _LISTED_BEFORE.search(text, before, candidate.start) is not None
        marked.append(
            dataclasses.replace(candidate, partner=True) if buyer or listed else candidate
        )
    return marked


def _subject_in_clause(text: str, start: int, position: int, found: list[Candidate]) -> bool:
    """Whether a subject is named before `position` in its clause."""
    clause = _clause_start(text, start, position)
    return any(not c.as_object for c in found if clause <= c.start < position)


def _clause_start(text: str, start: int, position: int) -> int:
    """Where the clause holding `position` starts, within the sentence starting at `start`."""
    if "," not in text[start:position] and ";" not in text[start:position]:
        return start  # no clause break can be there: skip the search
    for clause in _CLAUSE_BETWEEN.finditer(text, start, position):
        start = clause.end()
    return start


def _named_as_object(
    text: str,
    span: tuple[int, int],
    mention: Mention,
    found: list[Candidate],
    described: list[tuple[int, int]],
) -> bool:
    """Whether a name in the sentence `span` only places or qualifies another: governed by a
    preposition, inside a description, "Munich-based", "GAIB chairman", "its Hefei hub"."""
    start, end = span
    as_object = _governed(text, start, mention.start, found)
    as_object = as_object and not _absolute_subject(text, start, mention.start, end)
    as_object = as_object and not _fronted_topic(text, start, mention)
    as_object = as_object or any(s <= mention.start < e for s, e in described)
    as_object = as_object or bool(_QUALIFIER_AFTER.match(text, mention.end))
    # "GAIB chairman Ahmet Kileci told reporters": the name only says whose officer speaks.
    as_object = as_object or bool(_TITLE_AFTER.match(text, mention.end))
    # "Poland's development ministry said": the name only says whose source speaks.
    as_object = as_object or bool(_OWNS_SOURCE.match(text, mention.end))
    # "its Hefei innovation hub": a place that only says where the subject's hub is.
    return as_object or (
        mention.kind == "region"
        and bool(_POSSESSIVE_BEFORE.search(text, max(start, mention.start - 12), mention.start))
    )


# "with the city receiving 3.6 million trips", "with Hunan posting ...": "with", a name and
# a verb in -ing make a clause of its own, whose subject the name is.
_WITH_BEFORE = re.compile(r"\bwith\s+$")
_ING_AFTER = re.compile(r"[^,;.]{0,60}?\s[a-z]{2,}ing\b")


def _fronted_topic(text: str, start: int, mention: Mention) -> bool:
    """Whether the name opens its sentence as what it is about: "For Mwembeshi, the next step
    is storage", "As for Gdynia, ..."."""
    return bool(_FOR_OPENING.fullmatch(text, start, mention.start)) and text.startswith(
        ",", mention.end
    )


_FOR_OPENING = re.compile(r"[\"\u201c]?(?:As\s+for|For)\s+(?:the\s+)?")


def _absolute_subject(text: str, start: int, position: int, end: int) -> bool:
    """Whether the name at `position` is the subject of a clause "with X doing ..."."""
    if not _WITH_BEFORE.search(text, max(start, position - 5), position):
        return False
    return _ING_AFTER.match(text, text.find(" ", position), end) is not None


def venue(mention: Mention) -> bool:
    """Whether a name is a stock or commodity exchange: where a company is listed or a price
    is set ("filed with the Tokyo Stock Exchange", "the Nasdaq-listed firm"), the place of
    others' figures, never their subject nor what "the company" stands for."""
    return mention.name.lower().endswith(_VENUE_ENDS)


_VENUE_ENDS = (" exchange", " exchanges", " bourse")


def _apposition(text: str, position: int, end: int) -> tuple[int, int] | None:
    """The words set off by commas right after a name that describe it ("Chengdu, capital of
    Sichuan province, ...", "Lekki port, Nigeria's first deep-sea terminal, ..."): their names
    only place it. A list ("Hunan, Hubei and Jiangxi") is no apposition, nor is a clause.
    It may follow the name's possessive: "Lagos State's economy, Nigeria's largest, ..."."""
    owned = _OWNED_PHRASE.match(text, position, end)
    match = _APPOSITIVE.match(text, owned.end() if owned else position, end)
    if match is None or any(word.lower() in VERBS for word in match["body"].split()):
        return None
    return match.start("body"), match.end("body")


def _whole_of(text: str, quantity: Quantity, place: Candidate) -> bool:
    """Whether a share divides the whole of a place named right after it: "21% of Kenya's"."""
    possessive = text[place.end : place.end + 2] in ("'s", "\u2019s")
    return possessive and bool(_SHARE_OF.match(text, quantity.end, place.start))


def _source(
    text: str, candidate: Candidate, topic: dict[str | None, Mention] | None = None
) -> bool:
    """Whether a name after a figure is the public body that gave it: "..., the bureau said".
    A body that only publishes data, once named as a source, stays one: "Imea estimates the
    state's crop at ..." gives the state's figure."""
    if topic is not None and _source_key(candidate.mention) in topic:
        return True
    if _ACCORDING_TO.search(text, max(0, candidate.start - 70), candidate.start):
        return not candidate.anaphor  # "..., according to broker Kidder Mathews, and ..."
    if _DATA_SHOW_AFTER.match(text, candidate.end):
        return True  # "..., Bank of Ghana data show"
    if _DATA_FROM.search(text, max(0, candidate.start - 30), candidate.start):
        return True  # "data from the National Institute of Statistics (INS) show"
    return not SOURCE_WORDS.isdisjoint(_source_words(text, candidate))


# Words after a name that make it the source of the figures: "Bank of Ghana data show".
_DATA_SHOW_AFTER = re.compile(
    r"['\u2019]?s?\s+(?:data|figures|statistics|estimates)\s+(?:show|showed|shows|suggest)\b"
)
# Data a body published, named before it: "..., data from the Tea Board of India showed".
# (This pattern and the four after it that search the words before a figure start with a class
# of first letters, as ANAPHORS does, for a search to skip to them.)
_DATA_FROM = re.compile(
    r"[dfse](?<!\w[dfse])(?:(?<=d)ata|(?<=f)igures|(?<=s)tatistics|(?<=e)stimates)"
    r"\s+(?:from|by)\s+(?:the\s+)?$"
)
# Words that make the name after them the source of a figure: "according to broker Kidder
# Mathews", "according to data from the Bank of Ghana".
_ACCORDING_TO = re.compile(
    r"[Aa](?<!\w[Aa])ccording\s+to\s+(?:(?:data|figures|estimates|calculations)\s+(?:from|by)\s+)?"
    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$"
)


def _source_words(text: str, candidate: Candidate) -> list[str]:
    """The words that say what kind of body gives a figure, if it is said to give one."""
    if not _SOURCE_AFTER.match(text, candidate.end):
        return []
    # An acronym ("FAAN said") says its kind by the name it stands for.
    words = f"{candidate.mention.looks_like} {candidate.mention.name.lower()}".split()
    if _CENTRAL_BANK.search(candidate.mention.name):
        words.append("bureau")  # a central bank publishes a country's figures, as a bureau does
    kind = _KIND_BEFORE.search(text, max(0, candidate.start - 30), candidate.start)
    before = kind.group().split() if kind and not candidate.anaphor else []
    # "the institute Imea said"; not "the association in Puglia estimates".
    return words + (before if before and before[-1] not in PREPOSITIONS else [])


# "the Bank of Ghana said", "the Reserve Bank of India", "the Central Bank of Egypt": a central
# bank ("Equity Bank said its profit rose" is a company's own figure).
_CENTRAL_BANK = re.compile(r"\b(?:Central|Reserve|National|People's)\s+Bank\b|^Bank\s+of\s+[A-Z]")


def _source_key(mention: Mention) -> str:
    return f"source {mention.id or mention.name}"


# Bodies whose figures are always others' (an authority or an association may report its own).
DATA_BODIES = frozenset("bureau statistics statistical institute".split())


def describes(text: str, end: int, quantity: Quantity, found: list[Candidate]) -> bool:
    """Whether `quantity` is inside an apposition that describes a name before it."""
    for candidate in found:
        if candidate.end >= quantity.start:
            break
        if not candidate.anaphor and not candidate.as_object:
            span = _apposition(text, candidate.end, end)
            if span is not None and span[0] <= quantity.start and quantity.end <= span[1]:
                return True
    return False


def _pronoun(match: re.Match[str]) -> str | None:
    """The pronoun an ANAPHORS match is ("It", "its", "their"), or None: a match that is one is
    the pronoun alone."""
    return match.group() if match["pronoun"] is not None else None


def _possessive(text: str, match: re.Match[str]) -> bool:
    """Whether an anaphor is a possessive: "its", "their", "the region's"."""
    pronoun = _pronoun(match)
    if pronoun is not None:
        return pronoun.lower() != "it"
    return text[match.end() : match.end() + 2] in ("'s", "\u2019s")


def _governed(text: str, sentence_start: int, position: int, before: list[Candidate]) -> bool:
    """Whether a preposition governs the name at `position`, directly or through a list."""
    if before and _LIST_GAP.match(text[before[-1].end : position]):
        return before[-1].as_object  # "in Southeast Asia, Central Asia and Africa"
    low = max(sentence_start, position - 30)
    # A plain search for " of " first: most names have none before them.
    kind_of = _KIND_OF_BEFORE.search(text, low, position) if " of " in text[low:position] else None
    if kind_of is not None:
        # "in the province of Kocaeli" is governed as "the province" is.
        return _governed(text, sentence_start, kind_of.start(), before)
    # "over the year, while Austin added ...": no preposition governs across a new clause.
    clause_start = _clause_start(text, max(sentence_start, position - 60), position)
    # Every match of _GOVERNED_PLACE ends with a comma and white space: most names have none.
    ends_with_comma = text[clause_start:position].rstrip().endswith(",")
    if ends_with_comma and _GOVERNED_PLACE.search(text, clause_start, position):
        return True
    words = _WORD.findall(text, max(clause_start, position - 40), position)
    # Lower-case words between a determiner and the name head its phrase: "led by its
    # flagship Tarrant mine"; without a determiner they are a clause of their own.
    loose = determined = False
    for index in range(len(words) - 1, max(-1, len(words) - 5), -1):
        if words[index][-2:] in _POSSESSIVE_ENDS and words[index][0].isupper():
            continue  # "in central China's Hunan province": China's only places Hunan
        lower = words[index].lower()
        determined = determined or lower in _DETERMINERS
        if lower in PREPOSITIONS and loose and not determined:
            return False
        if lower in PREPOSITIONS:
            head = words[index - 1].lower() if index else ""
            # "the GDP of Chengdu", "followed by Central Sulawesi": the name owns the figure;
            # "the port city of Xiamen": the name is the place the words before call it.
            owner = lower == "of" and (head in OWNED or head in NAMED_BY_OF)
            owner = owner or (lower == "from" and head in SENT_FROM)  # "exports from Kenya"
            return (lower, head) not in _OWNER_BEFORE and not owner
        if lower in _MODIFIERS or lower in _DETERMINERS:
            continue
        if determined or not _NOUN_LIKE.match(words[index]) or lower in VERBS:
            return False
        loose = True
    return False


def _antecedent(
    match: re.Match[str], before: list[Candidate], topic: dict[str | None, Mention]
) -> Mention | None:
    """What "it" or "the area" stands for: the sentence's subject so far, else the topic."""
    noun = None if match["noun"] is None else match["noun"].split()[-1].lower()
    kind = None if noun is None else ANAPHOR_KINDS.get(noun, "region")
    inside = match["nation"] is not None  # "the country's richest region" is not the country

    def fits(mention: Mention | None) -> bool:
        if mention is None or kind not in (None, mention.kind):
            return False
        return not (inside and _is_country(mention))

    # "Xiamen remained the province's largest hub": the province holds the subject, is not it.
    containing = noun in LEAD_REGION_NOUNS and _possessive(match.string, match)
    for candidate in reversed(before):
        if containing:
            break
        if candidate.start < match.start() and not candidate.as_object and fits(candidate.mention):
            return candidate.mention
    if _pronoun(match) in ("their", "Their"):
        # "18,000 firms in Fujian reported ..., and their trade grew": the firms' place.
        places = [c.mention for c in before if c.start < match.start() and c.as_object]
        if places:
            return places[-1]
    named = topic.get(f"named {noun}")
    if named is not None and not (inside and _is_country(named)):
        return named  # "the group": the last name with "Group" in it; "the park", of any kind
    lead = _lead(topic) if noun in LEAD_REGION_NOUNS else None  # "the state" of Texas
    for known in (lead, topic.get(kind)):
        if fits(known):
            return known
    # The article's first sentence: "Visitors poured into Zhangjiajie, with the city ...".
    earlier = [c.mention for c in before if c.start < match.start() and fits(c.mention)]
    return earlier[-1] if earlier and noun is not None else None


def subject_of(
    text: str, quantity: Quantity, found: list[Candidate], topic: dict[str | None, Mention]
) -> Subject | None:
    """The subject of `quantity` among its sentence's candidates, else the article's topic."""
    outside = [c for c in found if c.end <= quantity.start or c.start >= quantity.end]
    before = [c for c in outside if c.end <= quantity.start]
    after = [c for c in outside if c.start >= quantity.end]
    if after and _clause_owner(text, quantity, after[0]):
        return Subject(after[0].mention, CONFIDENCE["before"])
    if before and _APPOSITION.match(text, before[-1].end, quantity.start):
        return Subject(before[-1].mention, CONFIDENCE["before"])  # "Shanshan, one of the top 500"
    if before and _RELATIVE_CLAUSE.match(text, before[-1].end, quantity.start):
        return Subject(before[-1].mention, CONFIDENCE["before"])  # "Guizhou, whose GDP grew"
    # "led by Intel's $28 billion complex"; not "Hungary's second-largest city", the city's.
    possessive = before and _POSSESSIVE.match(text, before[-1].end, quantity.start)
    if possessive and quantity.unit != "rank":
        return Subject(before[-1].mention, CONFIDENCE["before"])
    # "..., the Trade Ministry said, missing the $275 billion goal": the source is no subject.
    before = [c for c in before if not c.aside]
    subject_before = [c for c in before if not c.as_object]
    place = _place_of_own_clause(text, quantity, before)
    if place is not None:
        return Subject(place.mention, CONFIDENCE["object"])
    if subject_before:
        chosen = _placing_country(text, subject_before)
        borrower = _borrower(text, quantity, subject_before, after, topic)
        if borrower is not None:
            return Subject(borrower, CONFIDENCE["object"])
        return Subject(chosen.mention, CONFIDENCE["anaphor" if chosen.anaphor else "before"])
    # "Trade with ASEAN jumped 11.2%": a trading partner is no subject; the topic is.
    before = [c for c in before if not _PARTNER_BEFORE.search(text, max(0, c.start - 30), c.start)]
    if before:
        return Subject(_undescribed(text, before, quantity.start).mention, CONFIDENCE["object"])
    return _subject_after(text, quantity, after, topic)


# What makes the name after it a trading partner: "trade with ASEAN", "exports to the EU",
# "Sales to Canada", "visitors from Korea".
_PARTNER_BEFORE = re.compile(
    r"\b(?:[Tt]rade|[Ee]xports?|[Ii]mports?|[Ss]hipments?|[Ss]ales|[Dd]eliveries)\s+(?:with|to|from)"
    r"\s+(?:the\s+)?$|\b(?:[Vv]isitors|[Tt]ourists|[Aa]rrivals|[Gg]uests)\s+from\s+(?:the\s+)?$"
)
# How a list of markets goes on after the first: "followed by Ecuador", ", the Netherlands 14%".
_LISTED_BEFORE = re.compile(
    r"(?:\bfollowed\s+by|\bahead\s+of|,|\band|\bthen)\s+(?:by\s+)?(?:the\s+)?$"
)
# What a market does after its name: buys a share of what is sold ("took 38% of the total",
# "remained the region's largest market, taking US$712 million").
_BUYER_AFTER = re.compile(
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?(?:\s*,[^,;.]{0,80},|\s+[^,;.]{0,60}?,)?"
    r"\s+(?:\w+\s+)?(?:took|takes|taking|bought|buys|buying|absorbed|absorbs)\b"
    r"(?!\s+(?:in|over|up|on)\b)"
)


# "employment in the district of Dingolfing-Landau fell": the place its clause is about.
_IN_BEFORE = re.compile(r"\b(?:in|across|throughout)\s+(?:the\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?$")


def _place_of_own_clause(
    text: str, quantity: Quantity, before: list[Candidate]
) -> Candidate | None:
    """The place "in" the figure's own clause when the subject named before is another
    clause's: "X rose ..., while employment in the district of Y fell by 1,200"."""
    if not before or not before[-1].as_object or before[-1].mention.kind != "region":
        return None
    clause = _clause_start(text, before[0].start, quantity.start)
    if before[-1].start < clause or any(not c.as_object for c in before if c.start >= clause):
        return None
    if not any(not c.as_object for c in before if c.start < clause):
        return None
    place = before[-1]
    return place if _IN_BEFORE.search(text, max(clause, place.start - 40), place.start) else None


def _placing_country(text: str, subjects: list[Candidate]) -> Candidate:
    """The last of `subjects`, unless it is a country whose possessive only ranks the one
    before it in the same clause: "North Maluku has been Indonesia's fastest-growing regional
    economy, expanding 20.5%" is North Maluku's figure."""
    last = subjects[-1]
    if len(subjects) < 2 or text[last.end : last.end + 2] not in _POSSESSIVE_ENDS:
        return last
    before = subjects[-2]
    if not _is_country(last.mention) or _is_country(before.mention):
        return last
    if _MEASURES_BEFORE.search(text, max(before.end, last.start - 40), last.start):
        return last  # "the USDA forecasts Ethiopia's coffee production at 516,000 tonnes"
    return last if _CLAUSE_BETWEEN.search(text, before.end, last.start) else before


# A verb that measures or foresees what the possessive after it owns, not one that ranks the
# subject among the country's ("has been Indonesia's fastest-growing").
_MEASURES_BEFORE = re.compile(
    r"\b(?:forecasts?|projects?|projected|expects?|expected|estimates?|estimated|puts?|"
    r"sees|saw|predicts?|predicted|pegs?|pegged)\s+(?:the\s+)?$"
)


def _undescribed(text: str, before: list[Candidate], limit: int) -> Candidate:
    """The last of `before` that no apposition of an earlier one holds: "Sales in Chengdu,
    capital of Sichuan province, reached ..." are Chengdu's; Sichuan only places it."""
    for index in range(len(before) - 1, 0, -1):
        candidate = before[index]
        spans = (_apposition(text, other.end, limit) for other in before[:index])
        if not any(span and span[0] <= candidate.start < span[1] for span in spans):
            return candidate
    return before[0]


def _subject_after(
    text: str, quantity: Quantity, after: list[Candidate], topic: dict[str | None, Mention]
) -> Subject | None:
    """The subject of a figure no name before it owns: a name after it, else the topic."""
    place = after[0] if after and after[0].mention.kind == "region" else None
    if place and _PLACE_OF_COUNT.match(text, quantity.end, place.start):
        return Subject(place.mention, CONFIDENCE["object"])  # "18,000 firms in Fujian"
    # "..., the bureau said" is a source; "..., and Lecce recorded" another clause's subject.
    named_after = [
        c
        for c in after
        if not c.as_object
        and not c.aside
        and not _CLAUSE_BETWEEN.search(text, quantity.end, c.start)
    ]
    if named_after:
        return Subject(named_after[0].mention, CONFIDENCE["after"])
    if place and _whole_of(text, quantity, place):
        return Subject(place.mention, CONFIDENCE["object"])  # "21% of Kenya's GDP"
    if place and _place_in_clause(text, quantity, place, topic.get(None)):
        return Subject(place.mention, CONFIDENCE["object"])
    maker = after[0] if after and after[0].mention.kind == "organization" else None
    if maker and _maker_in_clause(text, quantity, maker, topic.get(None)):
        return Subject(maker.mention, CONFIDENCE["object"])
    carried = _carried_topic(topic)
    if carried is not None:
        return Subject(carried, CONFIDENCE["topic"])
    if after:
        return Subject(after[0].mention, CONFIDENCE["after_object"])
    return None


def _carried_topic(topic: dict[str | None, Mention]) -> Mention | None:
    """What a sentence that names no subject goes on about: the topic, except that in a story
    that leads with a region, a company or a body named before the sentence just read gives way
    to that region ("Fedecacao estimates ... <later> Exports earned $312 million")."""
    current = topic.get(None)
    if current is None or current.kind != "organization" or topic.get("recent") is current:
        return current
    story, lead = topic.get("story"), _lead(topic)
    return lead if story is not None and story.kind == "region" and lead is not None else current


# "rose 12.6 percent, and the province of Lecce recorded ...": a name in the next clause.
_CLAUSE_BETWEEN = re.compile(
    r",\s+(?:and|while|but|whereas|even\s+as|even\s+though|although|though)\s|;"
)
# "the 2.7 percent growth Hunan managed", "the 9.1 percent rise recorded for China": a figure
# named by "the", whose clause after it says whose it is.
_THE_BEFORE = re.compile(r"\bthe\s+$")
_OWNER_CLAUSE_GAP = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:(?P<participle>recorded|posted|reported|registered|logged|"
    r"seen|achieved|managed)\s+(?:for|by|in)\s+(?:the\s+)?)?$"
)
_OWNER_VERB_AFTER = re.compile(
    r"\s+(?:[a-z]+ed|saw|had|made|posted|managed|achieved|recorded|reported|logged)\b"
)


def _clause_owner(text: str, quantity: Quantity, name: Candidate) -> bool:
    """Whether the clause that follows "the <figure> <noun>" makes `name` its owner."""
    if not _THE_BEFORE.search(text, max(0, quantity.start - 4), quantity.start):
        return False
    gap = _OWNER_CLAUSE_GAP.match(text, quantity.end, name.start)
    if gap is None:
        return False
    return bool(gap["participle"]) or _OWNER_VERB_AFTER.match(text, name.end) is not None


# A lender's verb: the amount lent is the borrower's financing, not the lender's figure.
_LENDS = re.compile(r"\b(?:lend|lends|lent|loan|loans|loaned)\b")
_TO_BEFORE = re.compile(r"[^,;.]*\bto\s+(?:the\s+)?$")


def _borrower(
    text: str,
    quantity: Quantity,
    subjects: list[Candidate],
    after: list[Candidate],
    topic: dict[str | None, Mention],
) -> Mention | None:
    """Who borrows what the last of `subjects` lends: "lent $2 billion to Kenya", else the
    sentence's first subject ("The project will cost ..., of which the bank will lend ..."),
    else what the article spoke of."""
    lender = subjects[-1]
    if not _LENDS.search(text, lender.end, quantity.start):
        return None
    if after and _TO_BEFORE.match(text, quantity.end, after[0].start):
        return after[0].mention
    financed = subjects[0].mention if len(subjects) > 1 else topic.get(None)
    return financed if financed is not None and financed != lender.mention else None


def _place_in_clause(
    text: str, quantity: Quantity, place: Candidate, topic: Mention | None
) -> bool:
    """Whether a place named later in the figure's clause ("... nights in hotels in Ishikawa")
    is its subject rather than the place the article spoke of before (a city of it, say)."""
    if topic is None or topic.kind != "region":
        return False  # a company's figure named with a place stays the company's
    return _PLACE_LATER_IN_CLAUSE.match(text, quantity.end, place.start) is not None


def _maker_in_clause(
    text: str, quantity: Quantity, maker: Candidate, topic: Mention | None
) -> bool:
    """Whether a company named later in the figure's clause ("a $1.1 billion plant by Hanwell")
    is its subject rather than the region the sentences before spoke of."""
    if topic is None or topic.kind != "region":
        return False
    return _MAKER_LATER_IN_CLAUSE.match(text, quantity.end, maker.start) is not None


# Events whose figures (exhibitors, deals signed, visitors) are no region's or company's.
EVENT_NOUNS = (
    "expo", "fair", "exhibition", "forum", "summit", "conference", "convention", "event",
    "trade show", "air show", "auto show", "motor show", "games", "marathon", "ceremony",
    "gala", "tournament",
)  # fmt: skip
# An event the sentence opens with ("The expo drew", "During the three-day event, ..."); not a
# press conference, nor "fair value".
_EVENT_OPENING = re.compile(
    r"\W*(?:(?:During|At|Over|Throughout)\s+)?(?:[\w'\u2019-]+\s+){0,7}?(?<!press\s)(?<!news\s)"
    rf"(?i:{'|'.join(EVENT_NOUNS)})s?\b(?!-|\s+(?:value|share|price|trade|play)\b)"
)


def event_figure(
    text: str, sentence_start: int, quantity: Quantity, found: list[Candidate]
) -> bool:
    """Whether `quantity` is a figure of the event its sentence opens with ("The expo drew
    8,000 exhibitors", "During the three-day event, 120 deals were signed"): no name before
    it in its sentence does the verb."""
    if any(c.end <= quantity.start and not c.as_object for c in found):
        return False
    return _EVENT_OPENING.match(text, sentence_start, quantity.start) is not None


# "above the national rate of 1.9 percent": a figure of the whole country, compared with.
# "The national jobless rate was 4.4%" too: a word or two may name the rate, a verb state it.
_AVERAGE_OF = (
    r"\s+(?:[\w-]+\s+){0,2}?(?:average|rate|level|figure|growth(?:\s+rate)?|total|"
    r"mean)\s+(?:of\s+|at\s+|(?:was|is|stood\s+at|came\s+in\s+at|rose\s+to|fell\s+to)\s+)?$"
)
_NATIONAL = re.compile(
    rf"[Nn](?<!\w[Nn])(?:(?<=n)ational{_AVERAGE_OF}"
    # "Nationally, retail sales grew 1.9%", "nationwide sales of about 185 billion pesos"
    r"|ationally,?\s[^.;\d]{0,50}$"
    r"|(?<=n)ationwide\s+(?:[\w-]+\s+){0,2}?(?:of|at|to|was|were|reached)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+)?$"
    # "the national economy, which grew by 5.7 percent"
    r"|(?<=n)ational\s+economy,?\s+(?:which\s+)?(?:grew|expanded|shrank|contracted)\s+(?:by\s+)?$)"
)
# "against 0.4 per cent nationally": the word after the figure.
_NATIONAL_AFTER = re.compile(
    r"\s+(?:nationally|nationwide|countrywide|across\s+the\s+country|at\s+(?:the\s+)?national\s+"
    r"level|for\s+the\s+(?:country|nation)\s+as\s+a\s+whole)\b"
)
# A sentence that opens so is of the whole country, each of its figures: "Nationwide, 2,200 MW
# went online over the period, up 63 per cent".
_NATIONAL_OPENING = re.compile(
    r"\s*(?:Nationally|Nationwide|Countrywide|Across\s+the\s+country|Across\s+the\s+nation),"
)
# "outpacing the provincial average of 5.9%": the figure of the province or state around.
_PROVINCIAL = re.compile(
    rf"[ps](?<!\w[ps])(?:(?<=p)rovincial|(?<=s)tatewide|(?<=s)tate-wide|(?<=s)tate){_AVERAGE_OF}"
)
# "against 4.1% statewide": the word after the figure.
_PROVINCIAL_AFTER = re.compile(r"\s+(?:statewide|state-wide|province-wide|provincewide)\b")
# The world's countries by the names news gives them, for a gazetteer whose regions carry no kind.
COUNTRIES = frozenset(
    (
        "Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|"
        "Bahrain|Bangladesh|Belarus|Belgium|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|"
        "Brazil|Britain|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|"
        "China|Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|"
        "Djibouti|Dominican Republic|Ecuador|Egypt|El Salvador|Estonia|Eswatini|Ethiopia|Fiji|"
        "Finland|France|Gabon|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Haiti|Honduras|"
        "Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|"
        "C\u00f4te d'Ivoire|C\u00f4te d\u2019Ivoire|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kuwait|"
        "Kyrgyzstan|Laos|Latvia|Lebanon|Liberia|Libya|Lithuania|Luxembourg|Madagascar|Malawi|"
        "Malaysia|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Mongolia|Montenegro|Morocco|"
        "Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|"
        "North Macedonia|Norway|Oman|Pakistan|Panama|Papua New Guinea|Paraguay|Peru|Philippines|"
        "Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Sierra Leone|"
        "Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|Korea|South Sudan|Spain|"
        "Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|"
        "Tunisia|Turkey|T\u00fcrkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|"
        "United Kingdom|UK|U.K.|United States|US|U.S.|USA|Uruguay|Uzbekistan|Venezuela|"
        "Vietnam|Viet Nam|Yemen|Zambia|Zimbabwe"
    )
    .lower()
    .split("|")
)


def persons_figure(text: str, sentence_start: int, quantity: Quantity) -> bool:
    """Whether a person is the subject of the figure's clause ("buyer Priya Nair said she had
    attended nine auctions"): a person's figure is no region's or organization's."""
    window = max(sentence_start, quantity.start - 40)
    return _PERSON_BEFORE.search(text, window, quantity.start) is not None


_PERSON_BEFORE = re.compile(
    r"[hsI](?<!\w[hsI])(?:(?<=h)e|(?<=s)he|(?<=I))"
    r"\s+(?:(?:had|has|have|was|is|would|will)\s+)?[a-z]+\s+(?:[a-z]+\s+)?$"
)


def country_figure(
    text: str,
    sentence_start: int,
    quantity: Quantity,
    mentions: list[Mention],
    subject: Mention | None = None,
) -> Mention | None:
    """The country a national average or rate ("the national rate of 1.9 percent") is of: the
    last country named before it in the article, else the first named after. A sentence that
    opens "Nationally," makes the country a figure's subject in place of a region (`subject`),
    not of a body that reports it."""
    national = _NATIONAL.search(text, max(sentence_start, quantity.start - 50), quantity.start)
    # "against 0.4 per cent nationally"; not "ranks first nationwide", "sold 1,020 flats
    # nationally" (a region's standing, a company's figure)
    after = quantity.unit != "rank" and (subject is None or subject.kind == "region")
    if national is None and after:
        national = _NATIONAL_AFTER.match(text, quantity.end)
    opens = (
        subject is not None
        and subject.kind == "region"
        and _NATIONAL_OPENING.match(text, sentence_start)
    )
    if not (national or opens):
        return None
    countries = [m for m in mentions if m.kind == "region" and _is_country(m)]
    before = [m for m in countries if m.start < quantity.start]
    return before[-1] if before else next(iter(countries), None)


def provincial_figure(
    text: str, sentence_start: int, quantity: Quantity, mentions: list[Mention], subject: Mention
) -> Mention | None:
    """The province or state a provincial average is of: the last region named before it
    other than the figure's own subject ("Ganzhou, the southern Jiangxi prefecture, ...,
    outpacing the provincial average of 5.9%" is Jiangxi's)."""
    average = _PROVINCIAL.search(text, max(sentence_start, quantity.start - 50), quantity.start)
    if quantity.unit != "rank":
        average = average or _PROVINCIAL_AFTER.match(text, quantity.end)
    if average is None:
        return None
    regions = [m for m in mentions if m.kind == "region" and m.start < average.start()]
    if regions and text[regions[-1].end : average.start()].strip() == "":
        return regions[-1]  # "the Jiangxi provincial average"
    regions = [m for m in regions if m.name != subject.name and not _is_country(m)]
    return regions[-1] if regions else None


def _is_country(mention: Mention) -> bool:
    name = mention.name.lower()
    return (
        mention.looks_like.endswith(" country")
        or name in COUNTRIES
        or name.removeprefix("the ") in COUNTRIES  # "the Philippines"
    )


def update_topic(found: list[Candidate], topic: dict[str | None, Mention], text: str) -> None:
    """Remember what the sentence is about: its first name not governed by a preposition,
    overall (key None), for each kind, the article's first region ("lead"), the story's first
    subject ("story") and the subject this sentence names, if any ("recent"). A public body
    that gives the figures ("..., the city's statistics bureau said") is their source."""
    for candidate in found:
        if candidate.source and not DATA_BODIES.isdisjoint(_source_words(text, candidate)):
            topic[_source_key(candidate.mention)] = candidate.mention
    found = [c for c in found if not _quoted(text, c.start) and not _conceded(text, c.start)]
    named = [c.mention for c in found if not c.as_object and not c.aside]
    # Whether the sentence is a headline's: asked (once) only until the story and its lead
    # region are known.
    headline = bool(found) and ("story" not in topic or "lead" not in topic)
    headline = headline and _in_headline(text, found[0].start)
    opening = bool(found) and "story" not in topic and not headline
    subjects = named
    if not named and (None not in topic or opening):
        # Until a name is a subject, what the article names first is what it is about; the
        # story's first sentence says so over its headlines ("Exports from the province of
        # Salta rose 27%" under "Province overtakes Jujuy in lithium shipments").
        subjects = [c.mention for c in found if not c.source and not _speaks_for(text, c)]
    if subjects:
        topic[None] = subjects[0]
        if opening:
            topic["story"] = subjects[0]
    if named:
        topic["recent"] = topic[None]
    else:
        topic.pop("recent", None)
    for kind in ("region", "organization"):
        of_kind = [mention for mention in subjects if mention.kind == kind]
        if of_kind:
            topic[kind] = of_kind[0]
    if "lead" not in topic and "region" in topic:
        topic["lead"] = topic["region"]
        if headline:
            del topic["lead"]  # a headline's place may only qualify: "Lagos airport traffic"
            topic["headline"] = topic["region"]
    for candidate in found:
        if candidate.anaphor:
            continue
        for word in candidate.mention.looks_like.split():
            # "the city" is no "Ho Chi Minh City Statistics Office": a place's noun, a place
            if word in ANAPHOR_NOUNS and (
                word not in _PLACE_NOUNS or candidate.mention.kind == "region"
            ):
                topic[f"named {word}"] = candidate.mention


def _conceded(text: str, position: int) -> bool:
    """Whether `position` is in a clause the sentence concedes ("..., even as Lisbon's airport
    grew more slowly"): what it names is no topic of the story."""
    return _CONCESSION_BEFORE.search(text, max(0, position - 150), position) is not None


_CONCESSION_BEFORE = re.compile(
    r",\s+(?:even\s+as|even\s+though|although|though|whereas)\s[^.;\n]*$"
)


def _speaks_for(text: str, candidate: Candidate) -> bool:
    """Whether a name only says whose source or officer speaks: "Australia's trade ministry
    said", "GAIB chairman Ahmet Kileci told reporters"."""
    end = candidate.end
    return bool(_OWNS_SOURCE.match(text, end) or _TITLE_AFTER.match(text, end))


def _quoted(text: str, position: int) -> bool:
    """Whether `position` is inside a quotation of its paragraph: what a speaker names ("Okinawa's
    visitor numbers kept demand strong," said the chief executive) is no topic of the story."""
    paragraph = text[text.rfind("\n", 0, position) + 1 : position]
    return paragraph.count('"') % 2 == 1 or paragraph.count("\u201c") > paragraph.count("\u201d")


_PLACE_NOUNS = frozenset(
    "city province state country region county district prefecture municipality".split()
)
_PRONOUN_OPENING = re.compile(r"(?:It|Its|They|Their)\b")


def _in_headline(text: str, position: int) -> bool:
    """Whether `position` is in a headline or a subheadline: a line above the story's first
    full sentence that ends with no full stop."""
    line_start = 0
    while (line_end := text.find("\n", line_start)) != -1:
        line = text[line_start:line_end].rstrip()
        if line.endswith("."):
            return False  # the story has begun
        if position < line_end:
            return line_start <= position
        line_start = line_end + 1
    return False


def _lead(topic: dict[str | None, Mention]) -> Mention | None:
    """The region the article leads with: its story's first, else its headline's."""
    return topic.get("lead") or topic.get("headline")


def new_paragraph(topic: dict[str | None, Mention], opening: str) -> None:
    """A paragraph that names no subject of its own is about the region the article leads
    with, not about the part of it the paragraph before broke a figure down to ("Hefei alone
    generated ..., while Wuhu grew ... <new paragraph> Retail sales rose ..." are the
    province's). A company's story goes on about the company."""
    if _PRONOUN_OPENING.match(opening):
        return  # "Its port handled ...": a pronoun goes on about the paragraph before
    lead, current = _lead(topic), topic.get(None)
    if lead is not None and current is not None and current.kind == "region":
        topic[None] = topic["region"] = lead


def period_of(
    text: str, sentence_start: int, quantity: Quantity, periods: list[Period]
) -> Period | None:
    """The period named just after the quantity, else the nearest named before it in its
    clause, or opening the sentence ("In 2023, ..., while ...")."""
    when = _when_clause_period(text, quantity, periods)
    if when is not None:
        return when
    dated = [period for period in periods if not period.event]
    for period in dated:
        gap = text[quantity.end : period.start]
        if period.start >= quantity.end and (_close(gap) or _OWNER_VERB_GAP.fullmatch(gap)):
            if _BASE_BETWEEN.search(text, quantity.end, period.start):
                break  # "up 57.3 percent from RM14.3 billion in 2023": the base's year
            if quantity.unit == "percent" and _CHANGE_BASE_GAP.fullmatch(gap):
                ahead = _AHEAD.search(text, sentence_start, quantity.start)
                if not (ahead or _RANGE.search(text, period.start, period.end)):
                    break  # "up 9% from the first nine months of 2024": the base of a change
            if _FROM_BEFORE.search(text, max(0, quantity.start - 6), quantity.start) and (
                _TO_BETWEEN.match(text, quantity.end, period.start)
            ):
                break  # "from 30 percent to 45 percent by 2027": the target's year
            return period
    earlier = [period for period in dated if period.end <= quantity.start]
    if not earlier or _PRESENT.search(text, earlier[-1].end, quantity.start):
        return None  # "last year ..., and the company now operates six plants"
    period = earlier[-1]
    opening = _OPENING.match(text, sentence_start, period.start) is not None
    if not opening and _NEW_CLAUSE.search(text, period.end, quantity.start):
        return None  # "due to open in 2024, ..., while TI plans to spend $30 billion"
    return period


# "up 4 percent from 2023, when output fell to 2.7 million tonnes": the clause is of 2023.
_WHEN_CLAUSE = re.compile(r",\s+when\s+[^,;.]*$")


def _when_clause_period(text: str, quantity: Quantity, periods: list[Period]) -> Period | None:
    """The period a "when" clause holding `quantity` is of, even a base compared with."""
    last = next((p for p in reversed(periods) if p.end <= quantity.start), None)
    if last is None or text.find("when", last.end, quantity.start) == -1:
        return None
    if not _WHEN_CLAUSE.match(text, last.end, quantity.start):
        return None
    return dataclasses.replace(last, event=False)


# "the 2.7 percent growth Hunan managed in 2023": the owner's clause dates the figure.
# "the Sh201.7 billion earned in 2024": a participle's period dates the figure before it too,
# and so does a passive's ("6,914 dwellings were completed in the first nine months").
_OWNER_VERB_GAP = re.compile(
    r"\s+(?:[a-z-]+\s+(?:[A-Z][\w-]*\s+){1,3}|(?:was|were|had\s+been|have\s+been)\s+)?"
    r"(?:[a-z]+ed|sold|built|made|paid|spent|grown|held)\s+(?:in|during|over)\s+"
)


_CHANGE_BASE_GAP = re.compile(
    r"\s+(?:from|on|compared\s+(?:with|to)|against|versus)\s+(?:the\s+|a\s+)?"
)
# A change yet to come starts from its period: "to lift output by as much as 40% from 2027".
_AHEAD = re.compile(r"\b(?:will|would|expected\s+to|set\s+to|plans?\s+to|aims?\s+to)\b")
# A period that is a range: "84.6% from May to October" is of the range, no base.
_RANGE = re.compile(r"\s(?:to|through)\s|-|\u2013")
# A base compared with, written between a change and a year: the year is the base's.
_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_TO_BETWEEN = re.compile(r"\s+(?:[a-z]+\s+){0,3}?to\s+(?:[a-z]+\s+){0,2}\S*\d")
_BASE_BETWEEN = re.compile(
    r"\bfrom\s+(?:about\s+|around\s+)?(?:[A-Z]{0,3}[$€£¥₹]|RM|Rs|[A-Z]{3}(?=\s\d))?\s?\d"
)
# A period in a sentence's first words dates all of it; one in its middle only its own clause.
# It opens as an adverbial ("In the first half, ..."), not inside the subject ("Arrivals
# between October and December rose 12 percent, and Lecce recorded ...").
_OPENING = re.compile(
    r"\W*(?:(?:In|During|For|Over|Through|Throughout|From|Between|Since|Last|This|At|By|Across|"
    r"After|Before|Until|As\s+of|Of|The|So\s+far|Compared|Reviewing|Looking\s+back\s+(?:at|on))"
    r"\s+(?:[\w'\u2019-]+\s+){0,2})?"
    r"(?:the\s+)?$"
)
_NEW_CLAUSE = re.compile(
    r",\s+(?:while|whereas|but|and|although|though)\b|;|\b(?:will|would|plans?\s+to|aims?\s+to|"
    r"is\s+expected\s+to|expects\s+to|intends\s+to)\b"
)
# Phrases that refer back to the period of the sentences before: "in the period".
# The first letter comes first (any IGNORECASE takes for one: U+0130 and U+0131 for an "i"),
# then the check that it starts a word and the word it starts: a search then skips quickly to
# one of those letters, where a pattern that begins with \b is tried at every position.
PERIOD_ANAPHOR = re.compile(
    r"[DdFfIiOoTtWw\u0130\u0131](?<!\w.)(?:"
    r"(?i:(?<=i)n|(?<=d)uring|(?<=o)ver|(?<=f)or|(?<=w)ithin)\s+the\s+(?:same\s+)?"
    # "the six months to June" is a period of its own, "the same period last year" another
    r"(?:period|(?:[\w-]+\s+)?months|quarter|year)\b(?!\s+(?:to|ended|ending|through|of|last|"
    r"a\s+year)\b)"
    # "Planted area this season expanded 2.4%": the harvest the article reports on.
    r"|(?i:(?<=t)his|(?<=t)he\s+current)\s+(?:season|crop|harvest)\b"
    r")"
)
# How a clause dates a figure it gives no period: a past verb reports a figure of the period
# the article is about ("Exports rose 9 percent"); a present one states a stock ("employs 3,000
# people"), a future one a plan: neither takes that period.
# A headline reports in the present: "Jilin economy grows 4.3%", "Exports rise 7%".
HEADLINE_PLURAL = frozenset(
    "grow rise fall jump climb slide slip dip drop surge soar gain top double shrink sink".split()
)
PAST_WORDS = HEADLINE_PLURAL | frozenset(
    "rose grew fell sold hit took drew made ran saw spent paid won led built bought shrank "
    "stood came gave got brought kept was were up down said told slid sank "
    "grows rises falls jumps climbs slides slips dips drops surges soars gains tops hits "
    "posts doubles shrinks sinks adds loses sheds draws attracts wins secures passes "
    "crosses".split()
)
# Before a plain verb ("to rise 5 percent"), words that make it a plan or a forecast.
_MODAL = frozenset("to will would could may might should can cannot must".split())
PRESENT_WORDS = frozenset(
    "employs employ has have is are counts hosts holds runs operates accounts remains owns "
    "boasts covers houses includes home now currently operate count host hold run account "
    "remain own boast cover house include makes make supports support sustains".split()
)
FUTURE_WORDS = frozenset(
    "will would plans plan aims aim expects expected intends target targets due pledged "
    "forecast forecasts projected seeks".split()  # not "projects": "224 projects worth ..."
)
_PARTICLES = frozenset({"up", "down"})
_NOT_A_VERB_BEFORE = frozenset("as the a an its their newly".split())
# "a combined installed capacity of 96 MW", "registered capital of $1.9 billion": participles
# that name a kind of capacity or capital, no verb of the clause.
# ("planned investment" is a plan's: "will start 320 projects with total planned investment of
# 210 billion yuan" reports this year's plan.)
_CAPACITY = frozenset(("capacity", "capacities"))
_CAPITAL = frozenset(("capital", "investment", "investments"))
_KIND_PARTICIPLES = {
    **dict.fromkeys(("installed", "designed", "planned", "licensed", "contracted"), _CAPACITY),
    **dict.fromkeys(("registered", "committed", "combined"), _CAPACITY | _CAPITAL),
}
_PERFECT = frozenset({"has", "have"})
_TENSE_WORD = re.compile(r"[A-Za-z][A-Za-z\u2019'-]*")  # ("EBITDA" one word, not six)


def carried_period(
    text: str,
    span: tuple[int, int],
    quantity: Quantity,
    context: Period | None,
    published_on: dt.date | None = None,
) -> Period | None:
    """The period of the sentences before, when the clause of `quantity` reports a figure of it.

    `span` is the quantity's sentence; `context` the period the article spoke of last. A
    period yet to start when the article was published (a budget's year) is what its
    plans and allocations are for: "will take", "is set at".
    """
    if context is None:
        return None
    if published_on is not None and context.first > published_on:
        return None if quantity.unit == "rank" else context  # a rank states a standing
    start, end = span
    if under_way(context, published_on) and _FORECAST_AT.search(
        text, max(start, quantity.start - 50), quantity.start
    ):
        return context  # a fiscal year under way: "revenue is now projected at $20.47 billion"
    if _AT_PERIOD_END.match(text, quantity.end, end):
        return closing_month(context)  # "Backlog stood at $6.1 billion at the end of the quarter"
    anaphor = _period_anaphor(text, start, end)
    if anaphor and anaphor.group().endswith("year"):
        return calendar_year(context)  # "Over the year, payrolls increased by 41,200"
    if anaphor:
        return context  # "Guangdong posted 7.62 trillion yuan in the period"
    if context.label.endswith(" season"):
        crop = _CROP_NOUN.search(text, start, quantity.end)
        if crop:  # "Brazil's crop", "the previous season's output": that harvest's figure
            return year_before(context) if crop["before"] else context
    if not reports(text, span, quantity):
        return None
    # "cut net debt to A$1.1 billion": a balance at the period's close, its last month.
    balance = _BALANCE_BEFORE.search(text, max(start, quantity.start - 40), quantity.start)
    return closing_month(context) if balance else context


def under_way(period: Period, published_on: dt.date | None) -> bool:
    """Whether the article was published within `period`."""
    if published_on is None or period.last is None:
        return False
    return period.first <= published_on <= period.last


# What a forecast for the period under way says of a figure: "are forecast at $1.41 billion".
_FORECAST_AT = re.compile(
    r"\b(?:is|are)\s+(?:now\s+)?(?:forecast|projected|expected|estimated|budgeted|pegged|seen)"
    r"\s+(?:at|to\s+(?:reach|total|hit|be))\s+(?:[a-z]+\s+){0,2}$"
)


@functools.lru_cache(maxsize=8)
def _period_anaphor(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first "in the period" of the sentence `text[start:end]`: searched once for all the
    sentence's figures, not once for each."""
    return PERIOD_ANAPHOR.search(text, start, end)


# A harvest a figure of a season's article is of: that season's, or the one before.
_CROP_NOUN = re.compile(r"\b(?:(?P<before>previous|last|prior)\s+)?(?:season|crop|harvest)s?\b")
_AT_PERIOD_END = re.compile(
    r"\s+(?:[a-z]+\s+){0,3}?(?:at|as\s+of)\s+the\s+end\s+of\s+the\s+"
    r"(?:quarter|period|half|year|month)\b"
)
# What a balance sheet states at a date: what is owed or held, not what flowed.
_BALANCE_BEFORE = re.compile(
    r"\b(?:net\s+debt|debt|borrowings|cash(?:\s+and\s+equivalents)?|deposits|liabilities)"
    r"\s+(?:\w+\s+){0,2}?(?:to|of|at|was|stood\s+at)\s+$"
)


def reports(text: str, span: tuple[int, int], quantity: Quantity) -> bool:
    """Whether the verb nearest `quantity` in its sentence `span` reports a figure of a past
    period ("Exports rose 9 percent", a headline's "Exports rise 9 percent")."""
    return reports_around(text, span, quantity.start, quantity.end)


def reports_around(text: str, span: tuple[int, int], words_start: int, words_end: int) -> bool:
    """Whether the verb nearest the words `text[words_start:words_end]` (a figure, a period)
    in the sentence `span` reports of a past period."""
    start, end = span
    before = _TENSE_WORD.findall(text, start, words_start) + _own_verb(text, words_start, words_end)
    after = _TENSE_WORD.findall(text, words_end, end)
    words = [*reversed(before), *after]
    for index, word in enumerate(words):
        tense = _tense(word)
        following = words[index + 1] if index + 1 < len(before) else ""
        if word in _PARTICLES and _tense(following) is not None:
            continue  # "now makes up 55 percent": the verb before the particle tells
        if tense == "past" and index < len(before) and index + 1 < len(before):
            previous = words[index + 1].lower()
            if word.lower() in HEADLINE_PLURAL and previous in _MODAL:
                return False  # "exports are expected to rise 5 percent"
            if previous in _NOT_A_VERB_BEFORE:
                continue  # "as evidenced by", "the expected output": not the clause's verb
            if index < len(before) and _names_a_kind(words, index):
                continue
            if previous in _PERFECT:
                tense = "present"  # "It has established 34 offices": a stock
        if index + 1 < len(before) and _relative_present(word, words[index + 1]):
            tense = "present"  # "KTDA, which manages 71 factories", "who grow 60 percent"
        if tense is not None:
            return tense == "past"
    return False


def _names_a_kind(words: list[str], index: int) -> bool:
    """Whether `words[index]`, a word before a figure in `words` (those before it nearest
    first), is a participle naming a kind of capacity or capital: "installed capacity", "a
    combined installed capacity" (the words after it in the text are at lower indices)."""
    while index > 0 and (nouns := _KIND_PARTICIPLES.get(words[index].lower())) is not None:
        index -= 1
        if words[index].lower() in nouns:
            return True
    return False


def _relative_present(word: str, previous: str) -> bool:
    """Whether `word` is a verb in the present after "which", "who" or "that": what a name
    does as a rule, not what it did in the period reported."""
    if previous not in _RELATIVE_PRONOUNS or not word.islower() or word in ("was", "has"):
        return False
    return word in HEADLINE_PLURAL or (word.endswith("s") and not word.endswith("ss"))


_RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})


def _own_verb(text: str, start: int, end: int) -> list[str]:
    """A verb a figure's words open with: "topped 2.5 million", "more than doubled"; not the
    "up" of "up to 150,000", nor the "listed" of "top 20 listed miners"."""
    digit = _DIGIT.search(text, start, end)
    words = _TENSE_WORD.findall(text, start, digit.start() if digit else end)
    # A bare "top" ("Australia's top 20") is no verb, nor is "up" of "up to".
    return [word for word in words if word not in _PARTICLES and word not in HEADLINE_PLURAL]


_DIGIT = re.compile(r"\d")


def reports_in_past(sentence: str) -> bool:
    """Whether a sentence reports what happened ("Puglia welcomed a record number of
    visitors in 2024"), not what was decided ("In 2023, Hunan decided to build ...")."""
    words = LOWER_WORD.findall(sentence.lower())
    return not PAST_WORDS.isdisjoint(words) or _PAST_VERB_NOT_TO.search(sentence) is not None


_PAST_VERB_NOT_TO = re.compile(r"\b[a-z]{3,}ed\b(?!\s+to\b)")
# A figure compared with: "up from 33 percent in 2019", "than 4,100 in 2023".
_BASE_WORDS = frozenset("from than against versus vs vs.".split())


def compared_base(text: str, sentence_start: int, quantity: Quantity) -> bool:
    """Whether `quantity` is the base a figure is compared with: its period dates that base
    only, never the figures of the sentences after."""
    words = text[max(sentence_start, quantity.start - 20) : quantity.start].split()[-3:]
    words = [word for word in words if word not in ("the", "a")]
    if not words:
        return False
    if words[-1] == "and":  # "picked up from 5.1 percent in Q1 and 5.4 percent in the first half"
        return (
            _BASES_JOINED.search(text, max(sentence_start, quantity.start - 60), quantity.start)
            is not None
        )
    return words[-1] in _BASE_WORDS or (len(words) > 1 and words[-2] == "compared")


# A base and the "and" that joins another to it: "from 5.1 percent in Q1 and".
_BASES_JOINED = re.compile(r"\b(?:from|than)\s+[^,;.]*?\d[^,;]*?\s+and\s+$")


def _past_form(word: str) -> bool:
    """Whether a lower-case word looks like a verb in the past tense: "rose", no; "reported",
    yes; "seed" and "hundred", no."""
    return word.islower() and word.endswith("ed") and word not in _NOUNS_IN_ED


_NOUNS_IN_ED = frozenset("seed seeds need feed speed breed weed bed red hundred".split())


def _tense(word: str) -> str | None:
    """ "past", "present" or "future" for a word that tells, else None."""
    lower = word.lower()
    if lower in FUTURE_WORDS:
        return "future"
    if lower in PRESENT_WORDS:
        return "present"
    if lower in PAST_WORDS or (_past_form(word) and "-" not in lower):
        return "past"
    return None


def refers_back(text: str, quantity: Quantity, end: int) -> bool:
    """Whether "in the period" follows the quantity in its clause: it dates it, whatever
    other period the sentence names ("a zone since 1980, handled 40 percent ... in the period")."""
    match = PERIOD_ANAPHOR.search(text, quantity.end, min(end, quantity.end + 80))
    return match is not None and _close(text[quantity.end : match.start()])


def _close(gap: str) -> bool:
    """Whether the words between a number and a period still bind them (no verb between)."""
    outside_brackets = _BRACKETED.sub(" ", gap)
    words = _LETTER_WORD.findall(_NOUN_IN_ED.sub(" value ", outside_brackets))
    # A comma starts another clause: "3,000 engineers, and plans ... 40 models by 2030".
    # Names ("Western Australia") lengthen the gap by no word of the clause.
    lower_case = sum(1 for word in words if not word[0].isupper())
    if lower_case > _MAX_PERIOD_GAP_WORDS or ";" in gap or _COMMA.search(outside_brackets):
        return False
    # A capitalised word is a name ("United States"), not a verb in the past tense.
    return not any(
        word.lower() in VERBS
        or (word.lower() in _CLAUSE_WORDS and not _determiner(words, index))
        or (_past_form(word) and not _attributive(words, index))
        for index, word in enumerate(words)
    )


def _attributive(words: list[str], index: int) -> bool:
    """Whether a word in "-ed" stands between a determiner and a name, an adjective then
    ("during the combined National Day and Mid-Autumn holiday"), or between an owner and a noun
    ("of Morocco's installed electricity capacity"), not a verb in the past tense."""
    if index == 0 or index + 1 >= len(words):
        return False
    before, after = words[index - 1], words[index + 1]
    if before.endswith(_POSSESSIVE_ENDS):
        return _NOUN_LIKE.match(after) is not None
    return before.lower() in _DETERMINERS and after[0].isupper()


def _determiner(words: list[str], index: int) -> bool:
    """Whether "that" is a determiner after a preposition ("on that project since 2015"), not
    the start of a clause."""
    return words[index] == "that" and index > 0 and words[index - 1] in PREPOSITIONS
