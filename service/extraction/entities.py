"""Entities: the regions and organizations a text names, known ones first, then new ones.

Known names match whatever the text puts between their words ("Co.,Ltd." and "Co., Ltd.", an
en space or a line break); new names are proposed from the words that end them ("... Co., Ltd."
is a company, "... province" a province) with a suggested kind.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from schemas.extraction import EntityKind
from service.extraction import cues
from service.extraction.gazetteer import (
    NAME_TOKEN,
    Gazetteer,
    GazetteerIndex,
    KnownEntity,
    NameEntry,
)

# Where a name can start: a capital, a digit or a letter outside ASCII (checked in `_known`);
# a search for these skips lower-case words quickly.
# A name starts with a capital or a digit, or is written "iFlytek", "eBay" (camel case).
_NAME_START = re.compile(r"(?:[A-Z0-9\u00c0-\U0010ffff]|[a-z](?=[A-Z]))(?<=[^\W_])[^\W_]*")
# The same where the text has no camel case: a pattern that starts with one character class is
# searched by skipping to that class (the two branches above are tried at every position).
_NAME_START_NO_CAMEL = re.compile(r"[A-Z0-9\u00c0-\U0010ffff](?<=[^\W_])[^\W_]*")
# A capital right after a lower-case letter ("iFlytek"): looked for from the capital, quickly.
_CAMEL_CAPITAL = re.compile(r"[A-Z](?<=[a-z][A-Z])")


# Not frozen, for a quicker __init__ (see text.Sentence); nothing assigns to its fields.
@dataclass(slots=True, unsafe_hash=True)
class Mention:
    """A name in the text: a known entity (with id) or a proposed one (id None)."""

    start: int
    end: int
    kind: EntityKind
    id: str | None
    name: str
    suggested_kind: str | None = None
    looks_like: str = ""
    """The text's own words for it and its kind, lower case: "sichuan province", "hunan"."""


# Last words of a new name and the kind they suggest; add a suffix in one line.
ORGANIZATION_SUFFIXES = {
    r"Co\.,?\s*Ltd\.?": "company", r"Company(?:\s+Limited)?": "company", r"Group": "company",
    r"Corporation": "company", r"Corp\.": "company", r"Inc\.": "company", r"Ltd\.": "company",
    r"Limited": "company", r"Holdings": "company", r"Bank": "company",
    r"Port": "company", r"Airport": "company", r"Exchange": "company",
    r"Association": "association", r"Chamber\s+of\s+Commerce": "association",
    r"Bureau": "government_body", r"Commission": "government_body", r"Ministry": "government_body",
}  # fmt: skip
REGION_SUFFIXES = {
    r"[Pp]rovince": "province", r"[Cc]ity": "prefecture_city", r"[Cc]ounty": "district",
    r"[Dd]istrict": "district", r"New\s+Area": "state_level_new_area",
    r"Autonomous\s+Region": "province", r"[Pp]refecture": "prefecture_city",
    # Development zones and special regions are district-level areas inside a city.
    r"(?:Development|Economic|Industrial|Free\s+Trade|High-tech|Pilot)\s+Zone": "district",
    r"(?:Special\s+)?(?:Investment|Economic)\s+Region": "district",
    r"Industrial\s+Park": "district",
}  # fmt: skip
# Names that start with their kind: "Port of Houston", "Bank of China".
PREFIXED_NAMES = {
    r"Port\s+of": "company",
    r"Bank\s+of": "company",
    r"Port\s+Authority\s+of": "company",
    # A national statistics office named after its country: "Statistics Indonesia".
    r"Statistics(?=\s+(?!Institute|Bureau|Office|Agency|Department|Board|Service)[A-Z])": (
        "government_body"
    ),
}
# Capitalised words that start a sentence or a clause but never a name.
NOT_NAME_WORDS = frozenset(
    "The A An In On At By For From With This That These Those Its It Their Our Some Many Last "
    "Since During Despite Moreover Meanwhile However According Statistics Data Of And".split()
)
_NAME_WORD = r"(?:[A-Z][\w\u2019'&-]*|&|and|of)"
# White space inside a name: no blank line, which ends a paragraph ("... | Off-Highway Asia" and
# the story's first words are two names).
_IN_NAME_SPACE = r"(?:(?![^\S\n]*\n[^\S\n]*\n)\s)+"
_PROPOSAL = re.compile(
    rf"(?P<name>[A-Z](?<!\w[A-Z])[\w\u2019'&-]*(?:{_IN_NAME_SPACE}{_NAME_WORD}){{0,7}}?),?"
    rf"{_IN_NAME_SPACE}(?P<suffix>{'|'.join(ORGANIZATION_SUFFIXES)}|{'|'.join(REGION_SUFFIXES)})"
    r"(?![\w])"
)
# Each name starts a word: the check follows its first letter, so that a search skips quickly
# to that letter (a pattern that begins with \b tries every position of the text).
_PREFIXED = re.compile(
    "(?P<name>(?:{})\\s+[A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*)?)".format(
        "|".join(rf"{name[0]}(?<!\w{name[0]}){name[1:]}" for name in PREFIXED_NAMES)
    )
)
_PREFIX_KINDS = [(re.compile(prefix), kind) for prefix, kind in PREFIXED_NAMES.items()]
# A dateline ("NANNING, March 12 (Xinhua) --") names where the story was filed, not its subject.
# Its place is written in capitals ("SÃO PAULO, Jan 24 (Reuters) - ", "QINGDAO -- ").
_MONTH_SHORT = rf"(?:{cues.MONTH_ABBREVIATED}|May)"
# Its place: words that start with a capital ("La Paz", "Grâce-Hollogne"), not a month's
# ("ASTANA. Oct 20 (Kazakh Business Wire) - ": the place is "ASTANA").
_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][^\W\d_ .'-]*"
    rf"(?:[ .'-]+(?!{_MONTH_SHORT}[a-z]*\.?\s*\d)[^\W\d_a-z][^\W\d_]*)*)\b,?[^\n]{{0,60}}?"
    # "MUSCAT, January 3: Oman's budget ...": a colon after the day
    r"(?:\s(?:--|-|\u2014|\u2013)\s|(?<=\d):\s)",
    re.MULTILINE,
)
# A place written as a name, not in capitals, is a dateline's when a date follows it: "Rzeszów,
# 12 November 2026 - ", "Hannover, 28 July 2025 \u2014 ".
_DATE_AFTER_PLACE = re.compile(
    # "Roncade (Treviso), 11 September 2025 - ": the province in brackets; "Kano, Nigeria -
    # 28 April 2026 - ": the country after a comma
    r"(?:\s\([^()\n]{1,30}\))?(?:,|,\s+[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_]+)?\s[-\u2013\u2014])"
    rf"\s+(?:\d{{1,2}}\s+{_MONTH_SHORT}|{_MONTH_SHORT}[a-z]*\.?\s+\d)"
)
_GENERIC_BEFORE = re.compile(r"\b(?:any|every|each|another|other|no)\s+$", re.IGNORECASE)
_NAMED_AFTER_OF = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_HYPHEN_NAME = re.compile(r"-[A-Z]")
_CAMEL = re.compile(r"[a-z][A-Z]")
_HYPHEN_BEFORE = re.compile(r"[A-Za-z]-")
_GROUPS: tuple[tuple[EntityKind, dict[str, str]], ...] = (
    ("organization", ORGANIZATION_SUFFIXES),
    ("region", REGION_SUFFIXES),
)
_SUFFIX_KINDS = [
    (re.compile(rf"^(?:{suffix})$"), kind, group)
    for group, table in _GROUPS
    for suffix, kind in table.items()
]


def find_entities(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Every named region and organization, known or proposed, in text order, never overlapping."""
    # The place a dateline names is where the story was filed; a country after it
    # ("SURABAYA, Indonesia, Aug 5 -") is named, for what "national" figures are of.
    places = [(m.start("place"), m.end("place")) for m in _datelines(text)]
    index = gazetteer.index()
    places += _stamp_lines(text)
    mentions = [
        m
        for m in _all_known(text, index)
        if not any(s <= m.start < e for s, e in places)
        and not _PUBLICATION_AFTER.match(text, m.end)
        and not _TICKER_AFTER.match(text, m.end)
    ]
    for proposal in _proposals(text) + _prefixed(text):
        inside = [m for m in mentions if m.start < proposal.end and proposal.start < m.end]
        # "Hunan Sany Group" is a new company even though "Hunan" is a known province; "BASF
        # and Shanshan Corporation" are two known names, not a new one.
        longer = proposal.end - proposal.start > sum(m.end - m.start for m in inside)
        if inside and _only_qualifies(text, proposal.start, inside[0]):
            continue  # "Northern Bac Ninh province" is Bac Ninh province
        if inside and _kind_noun_after(text, inside[0], proposal):
            continue  # "the southern Jiangxi prefecture" describes a place of Jiangxi
        if inside and inside[0].kind == "region" and _GOVERNS_AFTER.match(text, proposal.end):
            continue  # "the Phoenix City Council" acts for Phoenix: the known city
        if inside and _of_a_known_place(text, proposal, inside[0]):
            continue  # "Statistical Communique of Jilin Province" is no region: Jilin is
        if (
            len(inside) <= 1
            and longer
            and all(proposal.start <= m.start and m.end <= proposal.end for m in inside)
        ):
            mentions = [m for m in mentions if m not in inside] + [proposal]
    return sorted(mentions, key=lambda mention: mention.start)


# Words before a known name that only place or describe it.
QUALIFIERS = frozenset(
    "northern southern eastern western central northeastern northwestern southeastern "
    "southwestern neighbouring neighboring coastal inland landlocked".split()
)


@functools.lru_cache(maxsize=4)
def dateline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the text's datelines: the names in them are never a figure's subject."""
    return tuple(match.span() for match in _datelines(text))


def _datelines(text: str) -> list[re.Match[str]]:
    """Datelines ("CHANGSHA, May 5 --"), tried only where a line starts (a search for "^"
    visits every character) with a capital and holds a dash or a colon soon after."""
    found = []
    for start in _line_starts(text):
        first = _FIRST_WORD.match(text, start)
        if first is None or not first.group()[0].isupper():
            continue  # a place starts with a capital
        head = text[start : start + _DATELINE_REACH]
        if not any(mark in head for mark in _DATELINE_MARKS):
            continue  # most lines: no dash nor colon where a dateline would end
        match = _DATELINE.match(text, start)
        if match is not None and (
            match["place"].isupper() or _DATE_AFTER_PLACE.match(text, match.end("place"))
        ):
            found.append(match)
    return found


@functools.lru_cache(maxsize=4)
def _line_starts(text: str) -> tuple[int, ...]:
    """Where the text's lines start: worked out once for the datelines and the furniture."""
    starts, index = [0], text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return tuple(starts)


_FIRST_WORD = re.compile(r"[^\W\d_]+")
# Where a dateline ends: a dash or a colon, within its place and the 60 characters after it.
_DATELINE_MARKS = ("- ", "\u2014", "\u2013", ": ")
_DATELINE_REACH = 120
# "(WSE: WAC)": an exchange named with a company's ticker is where its shares trade.
_TICKER_AFTER = re.compile(r":\s*[A-Z0-9.]{1,8}\)")
# A line of page furniture in parts ("Hobart \u00b7 Friday, November 21, 2025 \u00b7 Page 9", "By
# Valentina Soto | Santiago Business Journal"): its names are no figure's subject.
_STAMP_PARTS = (" \u00b7 ", " | ")
_STAMP_WORDS = re.compile(
    r"^(?:By\s|Source:)|\bEditor:|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|Page|Issue|Updated|Published|Posted)\b|\b\d{1,2}\s+(?-i:January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b"
    r"|\b(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2},\s+\d{4}\b",
    re.MULTILINE,
)
# Lines of page furniture are short: only those are tried.
_FURNITURE_LENGTH = 100
# Lines of page furniture on their own: a byline ("By Ngwa Tchoumi, Douala correspondent") and
# a place with a date ("Luleå, 3 September 2026").
_FURNITURE_LINE = re.compile(
    r"^(?:By\s+(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b)[A-Z][^\n\d%]{0,80}"
    rf"|[A-Z][^\W\d_]*(?:[ '-][^\W\d_]+){{0,3}},\s+(?:\d{{1,2}}\s+{_MONTH_SHORT}[a-z]*|"
    rf"{_MONTH_SHORT}[a-z]*\.?\s+\d{{1,2}}),?\s+\d{{4}})[ \t]*$",
    re.MULTILINE,
)


def _stamp_lines(text: str) -> list[tuple[int, int]]:
    """The lines of page furniture written in parts, searched only where a part's mark is."""
    spans = []
    for mark in _STAMP_PARTS:
        index = text.find(mark)
        while index != -1:
            start = text.rfind("\n", 0, index) + 1
            end = text.find("\n", index)
            end = len(text) if end == -1 else end
            if end - start < 120 and _STAMP_WORDS.search(text, start, end):
                spans.append((start, end))
            index = text.find(mark, end)
    return spans + [
        match.span()
        for start in _line_starts(text)
        if text.find("\n", start, start + _FURNITURE_LENGTH) != -1 or len(text) - start < 100
        if (match := _FURNITURE_LINE.match(text, start)) is not None
    ]


# "told The Jordan Times", "the China Daily": a place in a newspaper's name names no subject.
_PUBLICATION_AFTER = re.compile(
    r"\s+(?:Times|Post|Herald|Tribune|Gazette|Daily|Chronicle|Observer|Courier|Standard|"
    r"Inquirer|Guardian|Telegraph)\b"
)
# The body that governs a place, named after it: its figures are the place's.
_GOVERNS_AFTER = re.compile(r"\s+(?:Council|Government|Administration|Assembly|Hall)\b")


def _kind_noun_after(text: str, known: Mention, proposal: Mention) -> bool:
    """Whether a proposal is a known region's name and a kind of region in lower case after
    it: "a Jiangxi prefecture", "the Sichuan city of Mianyang"."""
    if known.kind != "region" or known.start != proposal.start:
        return False
    noun = text[known.end : proposal.end].strip()
    return noun.islower() and proposal.kind == "region"


def _of_a_known_place(text: str, proposal: Mention, known: Mention) -> bool:
    """Whether a proposed region is a thing "of" a known region and its kind: "Statistical
    Communique of Jilin Province", "Survey Office of Hubei Province"."""
    if known.kind != "region" or proposal.kind != "region":
        return False
    kind_after = text[known.end : proposal.end].strip()
    of_before = text[proposal.start : known.start].rstrip().endswith(" of")
    return of_before and " " not in kind_after  # "Jilin" + " Province", or "Jilin Province"


def _only_qualifies(text: str, start: int, known: Mention) -> bool:
    """Whether the words from `start` to a known name only qualify it."""
    words = text[start : known.start].split()
    return bool(words) and all(word.lower() in QUALIFIERS for word in words)


def _known(text: str, index: GazetteerIndex) -> list[Mention]:
    """Known names, matched word by word, the first word capitalised as names are."""
    found: list[Mention] = []
    skip_until = 0
    starts = _NAME_START if _CAMEL_CAPITAL.search(text) else _NAME_START_NO_CAMEL
    for first in starts.finditer(text):
        # Most words start no known name: the look-up goes first, as it rules out the most.
        candidates = index.names.get(first.group().casefold())
        if not candidates:
            continue
        start = first.start()
        if start < skip_until or (start and text[start - 1].isalnum()):
            continue  # inside a name already found, or inside a word ("iPhone")
        if text[start].isalpha() and not text[start].isupper() and not _CAMEL.match(text, start):
            continue
        match = _longest(text, first, candidates)
        if match is None or _longer_inside(text, first, match[0], index):
            continue
        last_end, entity = match
        skip_until = last_end
        end = _with_closing_dot(text, last_end)
        if _HYPHEN_NAME.match(text, end) or _HYPHEN_BEFORE.match(text, max(0, start - 2)):
            continue  # "China-Europe freight trains": a compound, not China
        looks_like = f"{' '.join(text[start:end].split())} {entity.subkind or ''}".lower()
        kind: EntityKind = "organization" if entity.kind == "organization" else "region"
        found.append(Mention(start, end, kind, entity.id, entity.names[0], None, looks_like))
    return found


def _longer_inside(text: str, first: re.Match[str], end: int, index: GazetteerIndex) -> bool:
    """Whether a name that starts at the next word runs on past `end`: "The Port of Santander"
    is the port's name, not the anaphor "the port" and then the city."""
    second = NAME_TOKEN.search(text, first.end(), end)
    candidates = None if second is None else index.names.get(second.group().casefold())
    if second is None or not candidates:
        return False
    longer = _longest(text, second, candidates)
    return longer is not None and longer[0] > end


def _all_known(text: str, index: GazetteerIndex) -> list[Mention]:
    """Known names, those in lower case ("the province of Lecce") before the names in them."""
    lower = _known_in_lower_case(text, index)
    known = [m for m in _known(text, index) if not any(_overlap(m, other) for other in lower)]
    return sorted(known + lower, key=lambda mention: mention.start)


def _overlap(one: Mention, other: Mention) -> bool:
    return one.start < other.end and other.start < one.end


def _known_in_lower_case(text: str, index: GazetteerIndex) -> list[Mention]:
    """Known names written in lower case: "the city-region", "the province of Lecce"."""
    if index.lower_case is None:
        return []
    pattern, entities = index.lower_case
    found = []
    for match in pattern.finditer(text):
        entity = entities[" ".join(match.group().casefold().split())]
        kind: EntityKind = "organization" if entity.kind == "organization" else "region"
        looks_like = f"{match.group().casefold()} {entity.subkind or ''}"
        found.append(Mention(*match.span(), kind, entity.id, entity.names[0], None, looks_like))
    return found


def _longest(
    text: str, first: re.Match[str], candidates: tuple[NameEntry, ...]
) -> tuple[int, KnownEntity] | None:
    """The longest name starting with the word `first`, and where its last word ends."""
    following = list(
        itertools.islice(NAME_TOKEN.finditer(text, first.end()), len(candidates[0][0]) - 1)
    )
    words = [first.group().casefold(), *(word.group().casefold() for word in following)]
    ends = [first.end(), *(word.end() for word in following)]
    for name, entity in candidates:
        if len(name) <= len(words) and all(a == b for a, b in zip(name, words, strict=False)):
            return ends[len(name) - 1], entity
    return None


def _with_closing_dot(text: str, end: int) -> int:
    """Include the full stop of "Ltd." or "Co." in the name's span."""
    if text[end : end + 1] == "." and text[end - 3 : end] in ("Ltd", "Inc", ".Co", " Co"):
        return end + 1
    return end


_QUALIFIER_ENDS = ("-listed", "-based", "-headquartered", "-owned", "-run")


def _proposals(text: str) -> list[Mention]:
    """New names, from the words that end them: "Hunan Zoomlion Group", "Yueyang city"."""
    found: list[Mention] = []
    for match in _PROPOSAL.finditer(text):
        words = match["name"].split()
        possessive = [i for i, word in enumerate(words) if word.endswith(("\u2019s", "'s"))]
        if possessive:
            words = words[possessive[-1] + 1 :]  # "Hunan's Hengyang city" names Hengyang
        joined = [
            i for i, word in enumerate(words) if word == "and" and i and words[i - 1].isupper()
        ]
        if joined:
            words = words[joined[-1] + 1 :]  # "BASF and Shanshan Corporation" are two names
        while words and (words[0] in NOT_NAME_WORDS or words[0].endswith(_QUALIFIER_ENDS)):
            words = words[1:]  # "London-listed Mukambo Copper Holdings" is Mukambo's name
        if not words:
            continue
        start = match.start("name") + match["name"].index(words[0])
        suffix = re.sub(r"\s+", " ", match["suffix"])
        kind, group = _suffix_kind(suffix)
        if _GENERIC_BEFORE.search(text, max(0, start - 8), start):
            continue  # "any Indonesian province": a kind of place, not a name
        if group == "region" and _NAMED_AFTER_OF.match(text, match.end()):
            continue  # "the Turkish province of Gaziantep": the name follows "of"
        name = " ".join(text[start : match.end()].split())
        found.append(Mention(start, match.end(), group, None, name, kind, f"{name} {kind}".lower()))
    return found


def _prefixed(text: str) -> list[Mention]:
    """New names that start with their kind: "the Port of Houston"."""
    return [
        Mention(
            m.start("name"),
            m.end("name"),
            "organization",
            None,
            " ".join(m["name"].split()),
            _prefix_kind(m["name"]),
        )
        for m in _PREFIXED.finditer(text)
    ]


def _prefix_kind(name: str) -> str:
    """The kind PREFIXED_NAMES gives the words a new name starts with."""
    return next((kind for prefix, kind in _PREFIX_KINDS if prefix.match(name)), "company")


def _suffix_kind(suffix: str) -> tuple[str, EntityKind]:
    for pattern, kind, group in _SUFFIX_KINDS:
        if pattern.match(suffix):
            return kind, group
    return "company", "organization"
