"""Numbers that measure nothing: dates, times, phones, addresses, document numbers, names, ages.

Found before quantities, so "2024-04-01", "No. 12" or "5G" never become amounts or counts; the
ignored layer reports each with the reason of the rule that found it. Add a rule in one line.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from typing import NamedTuple

from schemas.extraction import IgnoredReason
from service.extraction import cues
from service.extraction.text import Sentence, find_in, windows

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# A digit that starts a word ("\b\d"), written so that a search skips quickly to a digit: a
# pattern that begins with \b tries every position of the text.
_D = r"\d(?<!\w\d)"
# Wire style abbreviates months without a full stop before a day: "Jan 28 to Feb 4".
_MONTH_ABBREVIATED = cues.MONTH_ABBREVIATED
_MONTH_ABBREVIATIONS = tuple("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_STREET = (
    r"(?:Road|Rd\.?|Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.?|Lane|Lu|Jie|Dadao|Highway|"
    r"Drive|Dr\.|Parkway|Way|Terrace|Place|Square|Quay|Close|Crescent)"
)
_DOCUMENT = r"(?:Document|Decree|Circular|Order|Notice|Resolution|Announcement|Regulation|Law)"
_MONTH_WORDS = tuple(m.rstrip(".").lower() for m in MONTHS.replace("\\", "").split("|"))
_STREET_WORDS = ("road", "rd", "street", "st", "avenue", "ave", "boulevard", "blvd", "lane",
                 "lu", "jie", "dadao", "highway", "drive", "dr", "parkway", "way", "terrace",
                 "place", "square", "quay", "close", "crescent")  # fmt: skip
# A month's name, as a date rule needs one: a search for these literals is quick.
_MONTH_NAME = re.compile(MONTHS)
_DOCUMENT_WORDS = tuple(_DOCUMENT.strip("(?:)").lower().split("|"))
_MODEL_WORDS = ("pro", "max", "plus", "ultra", "lite", "suv", "suvs", "ev", "evs", "sedan",
                "sedans", "hatchback", "hatchbacks", "pickup", "pickups", "smartphone",
                "smartphones", "phone", "phones", "model", "models")  # fmt: skip
_GLUED_UNIT = r"(?:[kMGT]Wh?|kV|V\b|W\b|TEU)"
# Currency codes and signs in letters written before digits ("HUF 11.3 billion", Kenya's
# "Sh215bn"), never a brand's model number.
_CODES = sorted((c for c in cues.CURRENCY_BEFORE if c.isalpha() and c[0].isupper()), key=len)
_CURRENCY_CODE = "(?:{}|US|R[sp])".format("|".join(reversed(_CODES)))
_SMALL_NUMBERS = r"two|three|four|five|six|seven|eight|nine|ten|\d"


# What a plan, a speech or a list counts: points made, not things a region or company has.
def _words_of(alternation: str) -> tuple[str, ...]:
    """The words, in lower case, of a pattern that only alternates words: "(?:Mate|Model)"."""
    inner = alternation.removesuffix(r"\b").removeprefix("(?:").removesuffix(")")
    return tuple(inner.lower().split("|"))


_POINTS = (
    r"(?:priorities|tasks|goals|pillars|principles|measures|steps|fronts|reasons|lessons|"
    r"aspects|questions)\b"
)
_POINT_HINT = re.compile(_POINTS)
_OBJECT_UNIT = (
    r"(?:TEU|dwt|kV|km|m|kg|kilo(?:gram(?:me)?)?s?|kilomet(?:er|re)s?|met(?:er|re)s?|kilovolts?|"
    r"lit(?:er|re)s?|"
    r"(?:deadweight-)?(?:tonne|ton)s?-class)"
)
# The words of _OBJECT_UNIT, one of which a text must hold for it to match.
_OBJECT_UNIT_WORDS = (
    "teu", "dwt", "kv", "km", "m", "kilometer", "kilometers", "kilometre", "kilometres", "meter",
    "meters", "metre", "metres", "kilovolt", "kilovolts", "tonne", "tonnes", "ton", "tons",
    "kg", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes", "litre",
    "litres", "liter", "liters",
)  # fmt: skip
# A currency written before an amount: a symbol or a code ("VND38,500", "₹212.30").
_SIGN = rf"(?:[A-Z]{{0,3}}\$|€|¥|£|₹|₦|₱|₩|₫|₺|₪|৳|₴|₸|(?<![A-Za-z]){_CURRENCY_CODE}(?=\s?\d))"
_PRICE = rf"{_SIGN}\s?[\d,]+(?:\.\d+)?(?:\s(?:a|per|an)\s[a-z]+)?"
_PER_UNIT_PRICE = rf"{_SIGN}\s?[\d,]+(?:\.\d+)?\s(?:a|per|an)\s[a-z]+"
_MARKET_VERBS = r"(?:traded|closed|settled|quoted|trading|hovered|hovering)"
_MARKET_HINT = re.compile(rf"{_MARKET_VERBS} (?:at|near|around|about|above|below)")


def _moved_from(amount: str) -> str:
    """The price a quote moved from or is set against, written `amount`: "..., down from a record
    $4.30 in February". Where and when the quote was made may come between: "quoted at $618 a
    tonne delivered at Fujairah on Tuesday, against $605 in Singapore" (a few words, no other
    clause)."""
    return (
        r"(?:(?:(?!\s(?:and|but|while|whereas)\s)[^.;\d,(]){0,40}?,?\s+"
        r"(?:(?:down|up)\s+from|compared\s+with|against|versus)\s+"
        r"(?:(?:about|around|nearly|almost|roughly|more\s+than|over|less\s+than|under)\s+)?"
        rf"(?:a\s+(?:record|peak|high|low)\s+(?:of\s+)?)?{amount})?"
    )


# The price a market price moved from is a quote too.
_FROM_PRICE = _moved_from(rf"{_SIGN}\s?\d[\d,]*(?:\.\d+)?")
# Words after a percentage that make it a grade or a strength: "62% Fe fines", "53% ABV".
_GRADE = r"(?:ABV|abv|Fe|purity|pure|alcohol|by\s+volume|proof|grade)"
_GRADE_WORDS = ("abv", "fe", "purity", "pure", "alcohol", "volume", "proof", "grade")
# Currencies written as the first half of an adjective: "a 1,499-yuan bottle".
_PRICE_ADJECTIVE = r"(?:yuan|dollar|euro|pound|rupee|baht|peso|ringgit|won|yen|naira|rand)"
# Currencies by name, as an exchange rate names them: "18.6 pesos per dollar".
_CURRENCY_WORD = r"(?:[a-zł]+s?|U\.S\.\s+dollars?)"
_RATE_AGAINST = (
    r"(?:per|to\s+the|to\s+one|a|against\s+the)\s+(?:U\.?S\.?\s+)?(?:dollar|euro|pound|yuan|yen)\b"
)
_RATE_CURRENCIES = ("dollar", "euro", "pound", "yuan", "yen")
_RATE_HINT = re.compile(
    r"(?:per|to the|to one|a|against the) (?:U\.?S\.? )?(?:dollar|euro|pound|yuan|yen)"
)
# Distances that place a thing and lengths of things: "275 kilometres south of", "1.5 metres".
_DISTANCE = (
    # "240 km to the north", "30 miles away": where a place lies, not a figure of it.
    r"(?:(?:km|kilomet(?:er|re)s|miles)\s+(?:from|away|off|outside|(?:to\s+the\s+)?(?:north|south|east|west)"
    r"(?:-?(?:east|west))?(?:ern)?\b)|(?:centi|milli)?met(?:er|re)s)"
)
_SURVEY_WORDS = ("survey", "surveys", "surveyed", "poll", "polled", "polls", "sample", "samples",
                 "sampled")  # fmt: skip
_POLLED_WORDS = ("polled", "surveyed", "asked", "questioned", "canvassed", "interviewed")
_SAMPLE_BOUND = r"(?:(?:about|approximately|around|some|nearly|more\s+than|over)\s+)?"
_ASSUMPTION_WORDS = ("assumes", "assume", "assuming", "assumed", "assumption", "assumptions")
# Superlatives after a number: "China's 100 strongest counties" is a list's size.
_SUPERLATIVE = (
    rf"(?:{cues.SUPERLATIVE}|most\s+[a-z]+)\s+(?!(?:in|of|on|at|for|to|since|ever|yet|level|point|"
    r"rate|pace)\b)[a-z]"
)
# "companies with annual revenue of at least 20 million yuan": the threshold of a definition.
_THRESHOLD_METRICS = ("revenue", "sales", "turnover", "output", "income", "investment")
_THRESHOLD_HINT = re.compile(
    r"(?:revenue|sales|turnover|output|income|investment)\s+of\s+(?:at\s+least|more\s+than|"
    r"over|above|exceeding|[^\s,.;]+(?:\s+[a-z]+){0,2}\s+(?:or|and)\s+(?:more|above))\s?"
)
# "companies with more than 50 employees", "homes priced below 300,000 dirhams", "loads of 75
# megawatts or more": a bound that defines the things a statement is about, no figure of them.
_CLASS_THINGS = (
    "companies", "firms", "businesses", "enterprises", "employers", "homes", "houses",
    "properties", "apartments", "flats", "vessels", "ships", "loads", "farms",
    "households", "buyers", "plants", "factories", "consumers", "customers", "users", "plots",
)  # fmt: skip
# (not after a count of them: "hosts 23 companies employing more than 11,000 people" is a figure)
_CLASS_NOUN = rf"(?<![\d,]\s)\b(?:{'|'.join(_CLASS_THINGS)})"
_CLASS_AMOUNT = rf"{_SIGN}?\s?\d[\d,.]*(?:\s+(?:thousand|million|billion))?"
_CLASS_BOUND = (
    rf"{_CLASS_NOUN}\s+(?:with|employing|of|priced|costing|worth|valued\s+at)\s+"
    r"(?:(?:more|fewer|less)\s+than|at\s+least|over|under|below|above|up\s+to|as\s+many\s+as)\s+"
    rf"{_CLASS_AMOUNT}"
    rf"|{_CLASS_NOUN}\s+of\s+{_CLASS_AMOUNT}(?:\s+[a-z-]+){{0,2}}\s+or\s+"
    r"(?:more|above|over|less|below)\b"
)
# Words that make the number after them part of a name or a grade: "Model 3", "a Level 5
# Hospital", "Tier 1 suppliers".
_NAMED_GRADE = (
    r"(?:Mate|Model|Series|Type|Version|Phase|Line|Boeing|Airbus|iPhone|Level|Tier|Grade|"
    r"Category)"
)
# A company's share price and a market's moves: "Shares in X rose 3.1%", "The stock has gained
# nearly 30% this year", "a 0.4% gain in the broader market".
_MOVE_VERB = (
    r"(?:rose|fell|gained|lost|jumped|climbed|dropped|slid|slipped|surged|soared|tumbled|"
    r"plunged|sank|added|advanced|declined|(?:closed|ended|finished)\s+(?:up|down)|"
    r"(?:has|have|had)\s+(?:gained|lost|risen|fallen|climbed|dropped|jumped|surged|slumped|"
    r"tumbled|advanced|declined))"
)
_PERCENT = r"\d[\d.]*\s?(?:%|percent|per\s+cent|pct\b|pc\b)"
_BOUND = r"(?:(?:about|nearly|almost|roughly|around|some|more\s+than|over|just\s+over|up\s+to)\s+)?"
# Between a share's name and its verb: no digits but a ticker in brackets ("(2222.SR)").
# ("Its shares, listed under ticker 6972, rose 4.5%": a ticker's digits are part of the gap.)
_SHARE_GAP = r"(?:[^.;\n\d(]|\.(?=[\w,-])|\([^()\n]{0,20}\)|ticker\s+[\w.]+){0,90}?"
_SHARE_MOVE = (
    rf"\b(?<!market\s)(?:[Ss]hares|[Ss]tock)\b{_SHARE_GAP}\b"
    # "closed 1.3% lower": the verb, then the move and its direction.
    rf"(?:{_MOVE_VERB}|up|down|(?:closed|ended|finished|traded)(?=\s+{_PERCENT}\s+(?:lower|higher)))"
    rf"\s+{_BOUND}{_PERCENT}(?:\s+(?:lower|higher))?"
    # "... closed up 2.1 percent at 412,500 won", "... rose 4.8% to 5,230 yen": the share's
    # price too.
    rf"(?:(?:\s+on\s+[A-Z][a-z]+)?\s+(?:at|to)\s+{_SIGN}?\s?\d[\d,]*(?:\.\d+)?(?:\s+[a-z]+)?)?"
)
# "shares of X were flat at 24.30 riyals": a share's price, with no move; in money, so that
# "the housing stock stood at 1.2 million units" stays a fact.
_CURRENCY_NAMES = "|".join(
    sorted(
        (
            name
            for name, code in cues.UNIT_AFTER.items()
            if code in cues.CURRENCIES and name.isalpha() and name.islower()
        ),
        key=len,
        reverse=True,
    )
)
_SHARE_PRICE = (
    # "the stock of FDI stood at $12 billion" is a stock of money, no share: no "stock of", and
    # a price in billions is no share's.
    rf"\b(?:[Ss]hares|[Ss]tock(?!\s+of\b))\b{_SHARE_GAP}\b(?:were|was|closed|ended|finished|stood|"
    rf"traded)\s+(?:(?:flat|unchanged|steady)\s+)?at\s+(?:{_SIGN}\s?\d[\d,]*(?:\.\d+)?|"
    rf"\d[\d,]*(?:\.\d+)?\s+(?:{_CURRENCY_NAMES})\b)"
    r"(?![\d,.]*\d\b)(?!\s*(?:thousand|million|billion|trillion|bn|mn|m)\b)"
    # "closed at 1,512.60 yuan on Wednesday, down 0.8%": the move the price made
    rf"(?:(?:\s+on\s+[A-Z][a-z]+)?,\s+(?:up|down)\s+{_PERCENT})?"
)
# "The index closed at 9,812 points": a stock index's level or move in a trading session, not a
# place's figure ("the purchasing managers' index rose 1.2 points" has no session verb).
_INDEX_LEVEL = r"\d[\d,]*(?:\.\d+)?\s+points\b"
_POINTS_LEVEL = r"\d[\d,]*(?:\.\d+)?\s+points\b"
_INDEX_POINTS = (
    r"ndex(?<=[Ii]ndex)\s+(?:[a-z]+\s+){0,2}?(?:closed|ended|finished|opened|settled)\s+"
    rf"(?:(?:up|down|higher|lower)\s+)?(?:(?:at|by)\s+)?{_BOUND}{_INDEX_LEVEL}"
    rf"(?:\s+(?:higher|lower|up|down))?(?:\s+(?:at|to)\s+\d[\d,]*(?:\.\d+)?(?:\s+points\b)?)?"
    # "the business climate index fell to 96.4 points, down from 104.2 points in the spring":
    # an index's levels in points, and its move between them
    # (its change in points is a figure: "the purchasing managers' index rose 1.2 points")
    r"|ndex(?<=[Ii]ndex)\b(?:[^.;\n\d]{0,40}?\d[\d.]*\s?(?:%|percent|per\s+cent))?"
    rf"(?:[^.;\n\d]{{0,40}}?\b(?:to|at|from|of)\s+{_POINTS_LEVEL}){{1,3}}"
)
# "The stock has more than tripled since 2024": a share's move as a multiple.
_SHARE_MULTIPLE = (
    r"\b(?:[Ss]hares|[Ss]tock)\b[^.;\n\d]{0,40}?\b(?:has|have|had)\s+"
    r"(?:more\s+than\s+|nearly\s+|almost\s+)?(?:doubled|tripled|trebled|quadrupled|halved)\b"
)
_MARKET_MOVE = (
    rf"{_D}[\d.]*\s?(?:%|percent)(?=\s+(?:gain|rise|fall|drop|decline|advance|slide)\s+"
    r"(?:in|for|of)\s+the\s+(?:[\w&-]+\s+){0,4}?(?:market|index)\b)"  # "the S&P 500" is its own
)
# "well below the US$140 peaks of early 2024": a market's past price level.
_PRICE_PEAK = r"(?:[A-Z]{0,3}\$|€|¥|£)\s?\d[\d,]*(?:\.\d+)?\s+(?:peaks?|highs|lows|troughs?)\b(?!-)"
# "oil prices near US$60 a barrel", "copper prices that averaged just over $4.15 a pound".
_COMMODITY_PRICE = (
    r"price(?<!\wprice)s?\s+(?:(?:that|which)\s+)?(?:near|at|around|above|below|of|averaged|"
    rf"averaging)\s+{_BOUND}{_PER_UNIT_PRICE}{_FROM_PRICE}"
)
# "R$ 112 per 60-kg bag, compared with R$ 124 a year ago": a price per standard sack is how a
# commodity's market is quoted; the price it is compared with is one too.
_SACK_PRICE = (
    rf"{_SIGN}\s?\d[\d,]*(?:\.\d+)?\s(?:a|per)\s\d+-(?:kg|kilo(?:gram)?|pound|lb)\s"
    r"(?:bag|sack|box|crate)\b(?:,?\s+(?:compared\s+with|against|versus|(?:down|up)\s+from)\s+"
    rf"{_SIGN}\s?\d[\d,]*(?:\.\d+)?)?"
)
# What analysts expected, a figure of theirs beside the company's own: "ahead of the A$1.35
# billion analysts had expected", "beating analysts' average estimate of $3.11".
_MONEY = (
    r"(?:(?:[A-Z]{0,3}\$|€|¥|£)\s?[\d,]+(?:\.\d+)?(?:\s(?:million|billion|trillion))?"
    # "10.4 trillion won": the currency named after the amount
    rf"|\d[\d,]*(?:\.\d+)?\s(?:million|billion|trillion)\s(?:{_CURRENCY_NAMES})\b)"
)
_EXPECTED = (
    rf"{_MONEY}\s+(?:that\s+)?analysts\s+(?:had\s+)?(?:expected|forecast|estimated|predicted)"
    r"|\b(?:analysts['\u2019]\s+(?:average\s+|consensus\s+|mean\s+)?(?:estimates?|forecasts?)|"
    rf"expectations|consensus\s+(?:estimates?|forecasts?))\s+(?:of|for)\s+(?:about\s+)?{_MONEY}"
    # "beating the NT$4.2 billion average forecast of analysts"
    rf"|(?:{_MONEY}|\d[\d,.]*\s+(?:million|billion)\s+(?:{_CURRENCY_NAMES}))\s+"
    r"(?:average\s+|consensus\s+|mean\s+)?(?:forecasts?|estimates?)\s+(?:of|by|from)\s+"
    r"(?:[a-z]+\s+|\d+\s+)?analysts"
)
# The size of the ships a port or a terminal can take: "ships carrying up to 19,000 TEUs".
_SHIP_SIZE = (
    r"(?=[svbc])(?<!\w)(?:ships?|vessels?|boxships?|carriers?)\s+(?:carrying|of|that\s+carry|able\s+to\s+carry|"
    r"with\s+(?:a\s+)?capacity\s+of)\s+(?:up\s+to\s+|more\s+than\s+|over\s+)?\d[\d,]*\s+TEUs?"
)
# "He estimated that his cooperative, which groups 1,850 farmers, had collected roughly 2,900
# tonnes": the figures of a business a person speaks for unnamed, to the clause's end.
_PERSONS_BUSINESS = (
    r"\b(?:his|her)\s+(?:own\s+|family['\u2019]s\s+|small\s+)?(?:cooperative|co-op|company|firm|"
    r"farm|business|factory|mill|shop|store|restaurant|hotel|orchard|plantation|vineyard|winery|"
    r"estate|workshop)\b(?:[^.;\n]|\.\d)*"
)
# Who is paid "each": "Rs 10,000 a year to each beneficiary".
_RECIPIENTS = (
    "beneficiary", "recipient", "household", "family", "farmer", "pensioner", "student", "child",
    "woman", "mother",
)  # fmt: skip
# What a charge or an incentive is set per: "a fee of 8,000 won per visitor", "loans of up to SR3
# million per project", "will contribute €8,000 for each new job" ("spending averaged US$1,450
# per visitor" is a figure: no charge's word before it).
_CHARGED_PER = ("visitor", "tourist", "passenger", "project", "job")
_PER_USE_WORDS = (
    "fee", "fees", "levy", "tax", "loan", "loans", "grant", "grants", "subsidy", "subsidies",
    "incentive", "incentives", "contribute", "contributes", "pay", "pays",
)  # fmt: skip
_RECIPIENTS_PLURAL = (
    "beneficiaries", "recipients", "households", "families", "farmers", "pensioners", "students",
    "children", "women", "mothers",
)  # fmt: skip
_PAYMENT_WORDS = (
    "subsidy", "subsidies", "grant", "grants", "rebate", "rebates", "allowance", "allowances",
    "bonus", "bonuses", "handout", "handouts", "voucher", "vouchers", "payment", "payments",
    "compensation", "pays", "paid", "pay", "receive", "receives", "received", "offers", "offered",
)  # fmt: skip
# A currency before its amount, as a payment to recipients writes it: "Rs 10,000", "₹1,000".
_PAYMENT = rf"(?:(?:{_CURRENCY_CODE})\.?\s?|[A-Z]{{0,3}}\$\s?|[€¥£₹]\s?)\d[\d,]*(?:\.\d+)?"
# An amount written with its currency's name after it: "64 yen", "82 cents".
_NAMED_AMOUNT = (
    rf"{_D}[\d,]*(?:\.\d+)?\s+(?:cents|fils|paise|halalas|pence|øre|öre|"
    rf"(?:dollar|euro|pound|rupee|peso)s?|{_CURRENCY_NAMES})\b"
)
# "traded near $4.30 a bushel", "closed at 24.18 yuan": a quote on a market, and its base (in
# two rules: the second, with the currency named after the amount, comes after a share's move
# and price, which take "closed at 1,512.60 yuan on Wednesday, down 0.8%" whole).
_MARKET_PRICE = rf"\b{_MARKET_VERBS}\s+(?:at|near|around|about|above|below)\s+{_PRICE}{_FROM_PRICE}"
_MARKET_NAMED_PRICE = (
    rf"\b{_MARKET_VERBS}\s+(?:at|near|around|about|above|below)\s+{_NAMED_AMOUNT}"
    # (a price per unit is read as a quote with the price it moved from: "2,180 yuan per ton")
    r"(?!\s+(?:a|an|per)\s)"
)
# "slipped 1.8% to 31.20 pesos on the Mexican bourse": a listed stock's move and price.
_BOURSE_MOVE = (
    rf"{_D}[\d.]*\s?(?:%|percent|per\s+cent|pct\b|pc\b)\s+to\s+{_SIGN}?\s?\d[\d,]*(?:\.\d+)?"
    r"(?:\s+[a-z]+)?\s+on\s+the\s+(?:[A-Z][\w&-]*\s+){0,3}(?:bourse|[Ss]tock\s+[Ee]xchange|"
    r"exchange|stock\s+market|[A-Z]{3,6}\b(?!\s+[a-z]))"
)
# "the benchmark KOSPI gained 0.4% to 3,196.52", "the Nikkei 225 fell 1.2%": a stock index's
# move in a session and the level it moved to, no figure of a place or a company.
# Written with no "\d" or "[0-9]": a quick pattern that holds one is searched only near numbers
# (see `_needs_of`), and an index's name may stand further from its move.
_STOCK_INDICES = (
    r"KOSPI|Kospi|KOSDAQ|Kosdaq|Nikkei(?:\s+225|\s+share\s+average)?|TOPIX|Topix|Sensex|"
    r"Nifty(?:\s+50)?|Hang\s+Seng(?:\s+[Ii]ndex)?|Shanghai\s+Composite(?:\s+[Ii]ndex)?|"
    r"Shenzhen\s+Component(?:\s+[Ii]ndex)?|CSI\s+300|(?:S&P/)?ASX\s+200|FTSE(?:\s+100|\s+250)?|"
    r"DAX|CAC\s+40|(?:Euro\s+)?(?:STOXX|Stoxx)\s+(?:600|50)|Ibovespa|Bovespa|(?:S&P/)?TSX|"
    r"JSE(?:\s+[Aa]ll[-\s][Ss]hare)?|AEX|Dow(?:\s+Jones(?:\s+[Ii]ndustrial\s+[Aa]verage)?)?|"
    r"Nasdaq(?:\s+[Cc]omposite)?|S&P\s+500|PSEi|KLCI|Straits\s+Times\s+Index|"
    r"Jakarta\s+Composite|Tadawul|TASI|EGX\s?30|BIST\s+100|WIG20|Merval|MERVAL|IBEX\s+35|Ibex\s+35|"
    r"PX(?=\s+index)|Taiex|TAIEX|MSX\s?30|NZX\s?50|VN-?Index|OMX(?:\s+[A-Z][a-z]+)?(?:\s+(?:25|30))?|"
    r"KSE-?100|DSEX|Tunindex|TUNINDEX|MASI|EGX|(?:[A-Z][a-z]+\s+)?All\s+Share(?:\s+Price)?\s+Index|"
    r"(?:benchmark|blue-chip|broader|main|composite|all-share)\s+(?:stock\s+|share\s+|equity\s+)?"
    r"(?:index|indices|gauge|average)"
)
# _STOCK_INDICES with its optional and grouped starts written out, each branch starting with a
# letter, and those that start with the same letter grouped: a search for it skips quickly to
# those letters and tries there only the names that start with it, where one for _STOCK_INDICES
# (some of whose branches start with a group) tries every name at every position. It finds the
# same names, "Tadawul All Share Index" from its "All" (the rule is searched in a window around
# what it finds, which holds the word before).
_GENERIC_INDEX = r"\s+(?:stock\s+|share\s+|equity\s+)?(?:index|indices|gauge|average)"
_STOCK_INDICES_QUICK = cues.by_first_character(
    _STOCK_INDICES.replace(r"(?:S&P/)?ASX\s+200", r"S&P/ASX\s+200|ASX\s+200")
    .replace(r"(?:[A-Z][a-z]+\s+)?All\s+Share", r"All\s+Share")
    .replace(
        r"(?:Euro\s+)?(?:STOXX|Stoxx)\s+(?:600|50)",
        r"Euro\s+(?:STOXX|Stoxx)\s+(?:600|50)|STOXX\s+(?:600|50)|Stoxx\s+(?:600|50)",
    )
    .replace(r"(?:S&P/)?TSX", r"S&P/TSX|TSX")
    .replace(
        rf"(?:benchmark|blue-chip|broader|main|composite|all-share){_GENERIC_INDEX}",
        "|".join(
            f"{word}{_GENERIC_INDEX}"
            for word in ("benchmark", "blue-chip", "broader", "main", "composite", "all-share")
        ),
    )
)
# A word each index's name holds: an article with none of them names no index. (A generic
# name holds "index", "indices" or "gauge"; "the benchmark average" alone goes unread, as the
# common words "share", "main", "all" and "average" would have the search run in most texts.)
_STOCK_INDEX_WORDS = (
    "kospi", "kosdaq", "nikkei", "topix", "sensex", "nifty", "hang", "composite", "component",
    "csi", "asx", "ftse", "dax", "cac", "stoxx", "ibovespa", "bovespa", "tsx", "jse", "dow",
    "nasdaq", "psei", "klci", "straits", "tadawul", "tasi", "egx", "bist", "merval", "ibex", "px",
    "aex", "taiex", "msx", "nzx", "vn", "omx", "kse", "dsex", "tunindex", "masi", "wig", "index",
    "indices", "gauge", "p",  # "S&P 500"
)  # fmt: skip
# Where an index trades, between its name and its move: "in Lisbon", "of the Dhaka Stock
# Exchange".
_INDEX_PLACE = r"(?:\s+(?:in|of|on)\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})?"
# An index's move in a session and the level it moved to: "rose 0.3%", "closed 0.7 per cent
# higher at 8,642", "was up 0.6 per cent at 24,310 points".
_INDEX_MOVED = (
    r"\s+(?:[a-z]+\s+){0,2}?(?:rose|gained|climbed|added|"
    r"advanced|jumped|rallied|surged|fell|lost|dropped|slipped|declined|slid|eased|shed|tumbled|"
    r"sank|up|down|(?:edged|was|closed|ended|finished)(?:\s+(?:up|down|higher|lower))?)\s+"
    rf"(?:by\s+)?{_BOUND}(?:{_PERCENT}|\d[\d,.]*\s+points)(?:\s+(?:higher|lower))?"
    # "closed up 22 points, or 0.3 per cent, at 8,412"
    rf"(?:,?\s+or\s+{_PERCENT},?)?"
    r"(?:\s+(?:to|at)\s+\d[\d,]*(?:\.\d+)?(?:\s+points)?)?"
)
# A market's index by its exchange's acronym or name, or the dollar's: "The PSI index in Lisbon
# rose 0.3%", "the CSI 300 Real Estate index added 0.9%", "the Tadawul All Share Index slipped
# 0.4% to 11,214 points", "the dollar index fell 0.2%"; not a price or activity index (CPI, PMI).
_NAMED_INDEX_MOVE = (
    r"(?:\b(?!(?:CPI|PPI|PMI|HPI|WPI|RPI)\b)[A-Z][A-Z&]{1,5}(?:\s\d{2,3})?"
    r"(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){0,3}"
    r"|\bTadawul\s+All[-\s]Share|\b(?:U\.S\.\s+|US\s+)?dollar"
    # "Borsa Istanbul's tourism index": an exchange's sector index, not a price index
    r"|\b(?:Borsa|Bursa|Bolsa|Bourse|Exchange|Bovespa|Nasdaq|NYSE|JSE|ASX|TSX|SGX|HKEX)\b[\w\s]{0,20}?"
    r"['\u2019]s(?:\s+[a-z-]+){1,2}?)"
    rf"\s+[Ii]ndex{_INDEX_PLACE}{_INDEX_MOVED}"
    # Any named index in a session's words: "The Athens General Index closed 0.8% higher at
    # 1,987.4 points", "the All Ordinaries Gold index gained 1.9 per cent" (a price index
    # "rose", it does not close or gain).
    r"|\b[A-Z][\w&/-]*(?:\s+[A-Z][\w&/-]*){0,4}\s+[Ii]ndex\s+(?:gained|lost|shed|"
    r"(?:closed|ended|finished|settled)(?:\s+(?:up|down|higher|lower))?)\s+"
    rf"(?:by\s+)?{_BOUND}(?:{_PERCENT}|\d[\d,.]*\s+points)(?:\s+(?:higher|lower))?"
    r"(?:\s+(?:to|at)\s+\d[\d,]*(?:\.\d+)?(?:\s+points)?)?"
)
# Commodity futures quoted in a session, their price and move: "London cocoa futures for March
# delivery settled at £4,912 a tonne on Tuesday, down 1.6%".
_FUTURES_QUOTE = (
    r"futures(?<![\w-]futures)\b[^.;\n\d]{0,40}?\b(?:settled|closed|ended|finished|traded|"
    r"rose|fell|gained|lost|climbed|dropped|slipped|eased|jumped|were|was)\b"
    r"(?:[^.;\n]|\.\d){0,60}"
)
_INDEX_MOVE = (
    rf"(?:{_STOCK_INDICES})(?:\s+[Ii]ndex)?{_INDEX_PLACE}{_INDEX_MOVED}"
    # "the BSE Sensex closed at 81,240 points": its level
    rf"|(?:{_STOCK_INDICES})\s+(?:[a-z]+\s+){{0,2}}?(?:closed|ended|finished|opened|settled|stood)"
    r"\s+(?:at\s+)?\d[\d,]*(?:\.\d+)?(?:\s+points)?"
)
# A currency's level or move in a session: "The Australian dollar bought 64.9 US cents", "One
# dollar bought ₹86.9", "The dollar bought 154.3 yen", "the kwacha firmed 0.9% to 26.7 per
# dollar".
_CURRENCY_LEVEL = (
    r"(?:(?:[Oo]ne|[Aa])\s+)?(?:(?:US|U\.S\.)\s+)?"
    r"(?:dollar|euro|pound|currency|rand|real|peso|rupee|yen|yuan|kwacha|naira|cedi|shilling|"
    r"[Kk]iwi|loonie|[Aa]ussie|greenback|"
    r"rupiah|ringgit|baht|won|lira|zloty|forint|dirham|riyal)\s+(?:[a-z]+\s+)?(?:bought|fetched|"
    r"(?:was\s+|is\s+)?(?:buying|fetching|trading\s+at|quoted\s+at)|closed\s+at|ended\s+at|"
    r"was\s+worth|traded\s+at|stood\s+at|(?:rose|fell|slipped|climbed|eased|firmed|weakened|"
    rf"strengthened)(?:\s+{_PERCENT})?\s+to)\s+{_BOUND}{_SIGN}?\s?\d[\d.,]*"
    rf"(?:\s+(?:US\s+|U\.S\.\s+|euro\s+)?(?:cents|{_CURRENCY_NAMES}|per\s+(?:US\s+)?dollar))?"
)
# "the cedi's slide to GH¢15.45 against the US dollar", "trades around 139 to the US dollar",
# "S/ 3.71 per U.S. dollar": a currency's rate, of no place or company.
_CURRENCY_LEVEL_WORDS = ("bought", "fetched", "fetching", "worth", "traded", "trading", "stood",
                         "firmed", "weakened", "strengthened", "buying", "closed", "ended",
                         "quoted")  # fmt: skip
# "an exchange rate of 72 U.S. cents to the Canadian dollar"
_EXCHANGE_RATE = (
    rf"{_BOUND}{_SIGN}?\s?\d[\d.,]*(?:\s?%|\s+(?:percent|per\s+cent)|\s+(?:US\s+|U\.S\.\s+)?cents)?"
    r"(?=\s+(?:against|per|to)\s+(?:the\s+|one\s+|each\s+)?(?:(?:US|U\.S\.|[A-Z][a-z]+)\s+)?"
    r"(?:dollar|euro|greenback|yuan)\b)"
)
_EXCHANGE_HINT = re.compile(
    r"(?:against|per|to)\s+(?:the\s+|one\s+|each\s+)?(?:(?:U\.?S\.?|[A-Z][a-z]+)\s+)?"
    r"(?:dollar|euro|greenback|yuan)\b"
)
_AMOUNT = (
    rf"{_BOUND}{_SIGN}?\s?\d[\d,.]*(?:\s+(?:thousand|million|billion|trillion))?(?:\s+[a-z]+)?"
)
# "every 1 yen move against the dollar would shift profit by around 300 million yen": how a
# figure responds to a change, not a figure.
_SENSITIVITY = (
    rf"(?<!\w)(?:[Ee]very|[Ee]ach)\s+{_AMOUNT}?\s*(?:[a-z]+\s+)?(?:move|change|rise|fall|"
    r"increase|decrease|drop|decline|appreciation|depreciation)\b"
    rf"(?:[^.;\d]{{0,80}}?\bby\s+{_AMOUNT})?"
)
# "each gigawatt of solar can supply about 200,000 homes": a rule of thumb per unit.
_PER_UNIT_SERVES = (
    r"(?<!\w)(?:every|each)\s+[a-z]+(?:\s+of\s+[a-z]+)?\s+(?:can|could|would|will)\s+"
    rf"(?:power|supply|serve|light|heat)\s+{_BOUND}\d[\d,.]*(?:\s+(?:thousand|million))?"
)
# "queues of up to 30 km": the length of a jam, not a figure of a place.
_QUEUE_LENGTH = (
    r"(?<!\w)(?:queues?|jams?|tailbacks?)\s+(?:of|stretching)\s+"
    # "queues of up to 800 lorries": a queue's length counted in its vehicles.
    rf"{_BOUND}\d[\d,.]*\s?(?:km|kilomet(?:er|re)s|miles|trucks|lorries|vehicles|cars|ships|"
    r"vessels)\b"
)
# "the July soybean contract stood at $10.42 a bushel": a futures price, of no place.
_CONTRACT_PRICE = (
    r"(?<!\w)(?:contracts?|futures)\b[^.;\d]{0,40}?\b"
    rf"(?:stood|traded|settled|closed|ended|was|were)\s+(?:at\s+)?{_BOUND}{_PER_UNIT_PRICE}"
)
# "pay a fee of $2,500 per project": a charge's rate per item, not a sum a place or firm has.
_CHARGE_WORDS = ("fee", "fees", "charge", "charges", "levy", "levies", "toll", "tolls", "tax",
                 "fine", "fines", "penalty", "penalties")  # fmt: skip
_CHARGE_RATE = (
    rf"(?<!\w)(?:{'|'.join(_CHARGE_WORDS)})\s+(?:of|(?:stays|stands|remains)\s+at)\s+{_BOUND}"
    rf"{_PER_UNIT_PRICE}"
)
# "a 10-meter string of LED lights sells for 8.5 yuan", "a flat in Kalamaria now rents for
# around 750 euros a month", "advertised at PLN 3,200 a month": the asking price of one thing.
_ASKING_WORDS = ("sells", "goes", "retails", "selling", "going", "retailing", "rents", "renting",
                 "advertised", "listed")  # fmt: skip
_ASKING_PRICE = rf"(?<!\w)(?:{'|'.join(_ASKING_WORDS)})\s+(?:for|at)\s+{_BOUND}(?:{_SIGN}\s?)?\d"
# "an interim dividend of 3.75 Australian cents a share", "a 12-month price target of $4.90":
# what a share pays or is expected to fetch, not a figure of the company's business.
_PAYOUT_WORDS = ("dividend", "dividends", "payout", "distribution", "target")
_SHARE_PAYOUT = (
    rf"(?<!\w)(?:dividend|payout|distribution)s?\s+of\s+{_BOUND}(?:{_SIGN}\s?)?\d[\d,]*"
    r"(?:\.\d+)?(?:\s+[A-Za-z]+){0,3}?\s+(?:(?:a|per)\s+(?:(?:equity|ordinary|common)\s+)?share\b|for\s+every\s+(?:\d+|ten)\s+shares\b)"
    rf"|(?<!\w)(?:price\s+target|target\s+price)\s+(?:of\s+|to\s+)?{_BOUND}(?:{_SIGN}\s?)?\d"
)
# Each case written out: a quick pattern of words is looked for with str.find (see `_first_words`).
_EVERY_HINT = re.compile("Every|every|Each|each")
_ELIGIBILITY = (
    rf"(?:up\s+to|at\s+least|no\s+more\s+than|less\s+than|more\s+than)\s+{_SIGN}?\s?"
    r"\d[\d,.]*(?:\s?(?:%|percent|per\s+cent|pct\b|pc\b)|\s+(?:thousand|million|billion|crore|lakh))?"
    r"[^.;\d]{0,60}?\b(?:qualify|qualifies|are\s+eligible|is\s+eligible|can\s+apply|may\s+apply)\b"
    rf"|(?:must|should)\s+have\s+(?:a\s+)?(?:net\s+worth|turnover|revenue|capital)\s+of\s+"
    rf"(?:at\s+least\s+)?{_SIGN}?\s?\d[\d,.]*(?:\s+(?:thousand|million|billion|crore|lakh))?"
)
_ELIGIBILITY_HINT = re.compile("qualif|eligible|apply|must have|should have")
_ELIGIBILITY_WORDS = ("qualify", "qualifies", "eligible", "apply", "must", "should")
_TAX_RATE = (
    rf"{_D}[\d.]*\s?(?:%|percent|per\s+cent|pct\b|pc\b)\s+(?!of\b)(?:[a-z-]+\s+){{0,3}}?"
    r"(?:tax|taxes|levy|levies|royalty|royalties|VAT)\b(?!\s+(?:revenues?|receipts|take|"
    r"collections?|income|base|hikes?|increases?|rises?|cuts?|reductions?|credits?|breaks?))"
    # "The gross receipts tax rate in Hobbs is 6.8125%"
    r"|(?:tax|VAT|royalty|levy)\s+rates?\s+(?:in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+)?"
    rf"(?:of|at|is|was|stands\s+at)\s+{_BOUND}{_PERCENT}"
    # "kept Value Added Tax at 15 per cent", "Stamp duty ... stays at 6 per cent", "Stamp duty
    # on property ... will be cut to 3% from 4%"
    r"|(?:[Tt]ax|TAX|[Dd]uty)\b(?:(?!revenue|receipts|collection|take|income)[^.;\d]){0,40}?\b"
    r"(?:(?:stays|stayed|remains|remained|is|was|kept|held|set)?\s*at|remains|remained"
    rf"|(?:cut|raised|lowered|reduced|increased)\s+to)\s+{_PERCENT}"
    # "the nickel royalty, set at 14%", "Royalties on iron ore fines are charged at 7.5 per cent",
    # "will cut the VAT rate on food and catering services to 9%"
    r"|(?:[Rr]oyalt(?:y|ies)|[Ll]evy|[Ll]evies|VAT|[Tt]ax)\b[^.;\d]{0,40}?\b"
    rf"(?:(?:set|charged|levied|fixed)\s+at|(?<=rate\s)(?:[^.;\d]{{0,40}}?\s)?to)\s+{_PERCENT}"
    # "Royalty rates range from 4 percent to 10 percent"
    rf"|(?:tax|royalty|levy|duty)\s+rates?\s+range\s+from\s+{_PERCENT}\s+to\s+{_PERCENT}"
    # "the state's sales tax of 5 per cent"
    rf"|(?:sales|income|value-added|property|payroll|excise|corporate)\s+tax\s+(?:of|at)\s+{_PERCENT}"
    # "the province also levies a 1.5% contribution": a charge a government imposes
    rf"|(?:levies|levied|imposes|imposed|charges|charged)\s+an?\s+(?:flat\s+)?{_PERCENT}"
    # "Goods are taxed at slabs of 5%, 12%, 18% and 28%"
    rf"|(?:slabs?|brackets?)\s+of\s+{_PERCENT}(?:,?\s+(?:and\s+)?{_PERCENT})*"
    # "companies in the interior can pay a reduced 12.5%", "against the standard 25%"
    r"|\b(?:a|the)\s+(?:reduced|standard|preferential|statutory|concessional)\s+"
    rf"(?:(?:corporate|income|tax)\s+){{0,3}}(?:rate\s+(?:of\s+)?)?{_PERCENT}"
    # ("... on their first 50,000 euros of taxable profit": the threshold it applies to)
    rf"(?:\s+on\s+(?:the|their|its)\s+first\s+{_SIGN}?\s?\d[\d,.]*(?:\s+[a-z]+)?)?"
    # "businesses will get 40% relief on business rates next year, down from 75% this year"
    rf"|{_PERCENT}\s+(?:rates?\s+)?relief\s+on\b(?:[^.;\d]{{0,40}}?,?\s+(?:down|up)\s+from\s+"
    rf"{_PERCENT})?"
)
_TAX_HINT = re.compile(
    cues.by_first_character(
        "Tax|tax|TAX|levy|levies|levied|Royalt|royalt|VAT|slab|bracket|impose|charge|Duty|duty|"
        "reduced|standard|preferential|statutory|concessional|relief"
    )
)
_TAX_WORDS = ("tax", "taxes", "levy", "levies", "levied", "royalty", "royalties", "vat",
              "slabs", "slab", "brackets", "bracket", "imposes", "imposed", "charges",
              "charged", "duty", "duties", "reduced", "standard", "preferential", "statutory",
              "concessional", "relief")  # fmt: skip
# "The Reserve Bank cut its cash rate by 25 basis points to 4.10%": a central bank's policy
# rate, a setting, not a figure of a place or a company.
_POLICY_RATE = (
    r"(?:(?:official\s+)?cash|[Pp]olicy|repo|overnight|key(?:\s+interest)?|benchmark(?:\s+interest)?|"
    r"refinancing|reference|discount|prime|base|Bank|Selic|federal\s+funds)\s+"
    r"(?:R|r)ate,?\s+(?:[a-z]+\s+){0,3}?(?:by\s+\d[\d.]*\s?(?:(?:basis|percentage)\s+points?|bps?)\s+)?"
    # "in a range of 4.25% to 4.5%"
    rf"(?:to|at|of)\s+{_BOUND}{_PERCENT}(?:\s?(?:-|\u2013|to|and)\s?{_PERCENT})?"
    # "Georgia's central bank holds rate at 8%": a headline's decision on the rate
    r"|(?:holds?|held|keeps?|kept|leaves|left|cuts?|raises|raised|lifts|lifted|lowers|lowered)"
    r"\s+(?:its\s+)?(?:interest\s+)?rates?\s+(?:steady\s+|unchanged\s+)?(?:at|to)\s+"
    rf"{_PERCENT}"
)
_POLICY_RATE_WORDS = ("cash", "policy", "repo", "overnight", "interest", "refinancing",
                      "reference", "discount", "prime", "key", "base", "rate", "rates",
                      "benchmark", "selic", "funds")  # fmt: skip
# "the new national minimum wage of ₦70,000 a month": a wage a law sets, a rule, not a figure.
_MINIMUM_WAGE = (
    r"minimum\s+(?:[a-z]+\s+){0,2}?wages?\s+(?:(?:that|which),?\s+at|of|at|to|is|was|"
    r"(?:rose|raised|rises)\s+to|"
    r"(?:is|was|were|will\s+be)\s+(?:raised|increased|lifted|set)\s+to)\s+"
    rf"{_BOUND}{_SIGN}?\s?\d[\d,.]*(?:\s+(?:thousand|million))?(?:\s+(?:{_CURRENCY_NAMES}))?"
)
# "The royalty rate is 3.5% under the Mining Act 1971", "Under Decree-Law 212/2004, at least 85%
# of grapes ... must come from the area", "at least 30% of seats must go to": what a law or a
# rule requires, not a figure of a place or a company.
_LAW = r"(?:Act|Law|Decree|Regulation|Ordinance|Code|Decision|Directive|Resolution|Rules)\b"
_LEGAL_RULE = (
    # (the law's name left out of the span: its number may be a document's)
    rf"{_D}[\d.]*\s?(?:%|percent|per\s+cent|pct\b|pc\b)(?=(?:\s+[a-z-]+){{0,4}}?\s+under\s+(?:the\s+)?"
    rf"(?:[A-Z][\w-]*\s+){{0,4}}?{_LAW})"
    rf"|\bUnder\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){{0,5}}?{_LAW}(?:[-\s,]+[\w/.-]*\d)?,\s+"
    rf"[^.;\d]{{0,60}}?{_PERCENT}"
    rf"|(?:at\s+least|up\s+to|no\s+more\s+than|a\s+minimum\s+of|a\s+maximum\s+of)\s+{_PERCENT}"
    r"\s+of\s+[^.;\d]{0,60}?\b(?:must|shall|are\s+required\s+to|is\s+required\s+to)\b"
)
_LEGAL_RULE_WORDS = ("under", "must", "shall", "required")
_LEGAL_RULE_HINT = re.compile("Under|under|must|shall|required")  # see _EVERY_HINT
_CREDIT_WORDS = ("payment", "payments", "mortgage", "mortgages", "lending", "loan", "deposit",
                 "borrowing")  # fmt: skip
# "\bh(?:is|er)\s" written to start with its "h", for a search to skip to one (see `_D`).
_HIS_OR_HER = re.compile(r"h(?<!\wh)(?:is|er)\s")
_CREDIT_HINT = re.compile(r"ayments?\b|ortgage|ending|oan|eposit|orrowing")
# "cut the minimum down payment for first-time buyers to 15%", "Mortgage rates for first homes
# stand at 3.05%": the terms of credit a market or a regulator sets.
_CREDIT_TERMS = (
    r"(?:[Dd]own\s+payments?(?:\s+ratios?)?|(?:[Mm]ortgage|[Ll]ending|[Ll]oan|[Dd]eposit)\s+rates?"
    # "offer one-year fixed mortgages at around 4.79%", "borrowing costs that remain above 6%"
    r"|[Mm]ortgages|[Bb]orrowing\s+costs?)\b"
    r"[^.;\d]{0,50}?\b(?:to|of|at|above|below|stands?\s+at|stood\s+at|averaged?)\s+"
    rf"(?:a\s+record\s+(?:low|high)\s+of\s+)?{_BOUND}{_PERCENT}"
)
# "was quoted on the ECX at 1,480 birr per feresula (17 kilogrammes), against 1,120 birr a year
# ago": a market's quote, what it is per and the quote it is compared with.
_QUOTED_AT = (
    rf"\bquoted\b[^.;\d]{{0,40}}?\bat\s+{_AMOUNT}(?:\s+(?:a|per)\s+[a-z-]+)?(?:\s*\([^()\n]{{0,30}}\))?"
    rf"{_moved_from(_AMOUNT)}"
)
# "Peruvian Kent fruit fetched between €6.50 and €7.50 per box", "Industrial land in the zone
# sells for €45-€70 per square metre, roughly double the price of five years ago": the price
# one lot or one unit fetches, a range of quotes (an average the region's sales make stays a
# fact: "sold for an average of ...").
_FETCHED = (
    r"\b(?:fetched|fetches|fetch|sells\s+for|sold\s+for|sell\s+for|selling\s+for|retails?\s+(?:at|for)|"
    r"retailed\s+(?:at|for)|priced\s+at)\s+(?!an?\s+average|on\s+average)(?:between\s+)?"
    rf"{_BOUND}{_SIGN}\s?\d[\d,.]*(?:\s*(?:-|\u2013|to|and)\s*{_SIGN}?\s?\d[\d,.]*)?"
    r"(?:\s+(?:a|per)\s+(?:square\s+)?[a-z-]+)?"
    r"(?:,\s+(?:roughly\s+|about\s+|nearly\s+|almost\s+)?(?:double|triple|twice|half)\s+the\s+price)?"
    rf"{_FROM_PRICE}"
)
# "A gallon of palm oil cost NLe 160", "okadas charge at least NLe 15 for a short trip": the
# price of one thing bought, or of one ride, is a quote, not a figure of a place.
_ITEM_COST = (
    r"\b(?:[Aa]n?|[Oo]ne)\s+(?:\d+[\s-]?(?:kg|kilo(?:gram(?:me)?)?s?|lb|pounds?|litres?|liters?)\s+)?"
    r"(?:bag|sack|loaf|gallon|litre|liter|kilo|kilogram|kilogramme|tin|bottle|crate|basket|bunch|"
    r"tray|carton|packet|pack|cup|plate|bucket|jerrycan|tuber|cylinder|bundle|bale|box|dozen)\s+"
    r"of\s+(?:[\w'-]+\s+){1,4}?(?:cost|costs|costing)\s+"
    rf"{_BOUND}{_SIGN}\s?\d[\d,.]*{_FROM_PRICE}"
    rf"|\bcharg(?:e|es|ed|ing)\s+(?:at\s+least\s+)?{_BOUND}{_SIGN}\s?\d[\d,.]*\s+(?:for|per)\s+(?:a|an|each|every|one)\b"
)
_ITEM_COST_WORDS = ("cost", "costs", "costing", "charge", "charges", "charged", "charging")
# "each parish receives Shs100 million a year": what each of many gets, not a total.
_EACH_RECEIVES = (
    r"(?<![A-Za-z])each\s+(?:[\w-]+\s+){1,3}?(?:receives|gets|received|got|will\s+receive|"
    rf"will\s+get|is\s+given|was\s+given)\s+{_BOUND}(?:{_PAYMENT}|{_NAMED_AMOUNT})"
)
_FETCHED_WORDS = ("fetched", "fetches", "fetch", "sells", "sold", "sell", "selling", "retails",
                  "retail", "retailed", "priced")  # fmt: skip
# "well above the central minimum support price of Rs 2,300", "foreign trekkers pay an entry
# fee of Rs 3,000": a price a government sets for a crop, a fee each visitor pays.
_SET_PRICE_WORDS = ("support", "intervention", "procurement", "floor", "guaranteed", "entry",
                    "entrance", "admission", "visa", "permit")  # fmt: skip
_SET_PRICE = (
    r"\b(?:(?:minimum\s+)?(?:support|intervention|procurement|floor|guaranteed)\s+prices?|"
    r"(?:entry|entrance|admission|visa|permit)\s+fees?)\s+(?:of\s+|at\s+)?"
    rf"{_BOUND}(?:{_SIGN}\s?\d[\d,.]*|\d[\d,.]*\s+(?:{_CURRENCY_NAMES})\b)"
    r"(?:\s+(?:a|per)\s+[a-z-]+)?"
)
# "Grape prices paid by cooperatives ranged from 0.35 to 0.60 euros per kilogram": a spread of
# quotes, no average.
_PRICE_RANGE = (
    r"\bprices?\b[^.;\d]{0,50}?\branged?\s+(?:from\s+|between\s+)"
    rf"{_SIGN}?\s?\d[\d,.]*(?:\s+[a-z]+)?\s+(?:to|and)\s+{_SIGN}?\s?\d[\d,.]*(?:\s+[a-z]+)?"
    r"(?:\s+(?:a|per)\s+[a-z-]+)?"
)
# "a subsidy of up to 2,000 yuan per item": what each thing or each claim is paid.
_PAID_PER = (
    r"(?:subsid(?:y|ies)|grants?|rebates?|vouchers?|allowances?|bonus(?:es)?|incentives?|rewards?)\s+"
    rf"(?:of\s+)?{_BOUND}{_SIGN}?\s?\d[\d,.]*(?:\s+(?:thousand|million|billion))?"
    rf"(?:\s+(?:{_CURRENCY_NAMES}))?\s+(?:a|per|each|for\s+each)\s+"
    r"[a-z-]+"
)
# "412 projects ..., each worth at least 100 million yuan", "each voucher worth between 20 and
# 200 yuan": the size of each, not a total.
_EACH_WORTH = (
    rf"(?<![A-Za-z])each\s+(?:[a-z]+\s+)?(?:worth|valued\s+at|costing)\s+{_BOUND}"
    rf"(?:at\s+least\s+|between\s+)?{_SIGN}?\s?\d[\d,.]*(?:\s+(?:and|to)\s+{_SIGN}?\s?\d[\d,.]*)?"
    rf"(?:\s+(?:thousand|million|billion))?(?:\s+(?:{_CURRENCY_NAMES}))?"
)
# "a 50kg bag of rice": the size of a sack, not a figure.
_SACK_SIZE = (
    rf"{_D}\d*\s?(?:kg|kilo(?:gram)?s?)\s+(?:bag|sack|box|crate|tin|bottle|pack|carton)s?\b"
)
_SACK_WORDS = ("kg", "kilo", "kilos", "kilogram", "kilograms")
# "Port dues, which the authority raised by 3%": a charge's change, a setting, not a figure.
_CHARGE_CHANGE = (
    r"(?:[Dd]ues|[Ff]ees|[Cc]harges|[Tt]olls|[Ff]ares|[Tt]ariffs)\b[^.;\d]{0,40}?\b(?:raised|"
    r"increased|hiked|cut|lowered|reduced|raises|increases|cuts)\s+(?:them\s+)?(?:by\s+)?"
    rf"{_BOUND}{_PERCENT}"
)
_CHARGE_CHANGE_WORDS = ("dues", "fees", "charges", "tolls", "fares", "tariffs")
# "a 20 per cent cut in the Barents Sea cod quota": a change a regulator sets, not a figure.
_QUOTA_CHANGE = (
    rf"{_D}[\d.]*\s?(?:%|percent|per\s+cent|pct\b|pc\b)\s+(?:cut|reduction|increase|rise)\s+in\s+(?:the\s+)?"
    r"(?:[A-Z][\w-]*\s+){0,3}(?:[a-z]+\s+){0,2}quotas?\b"
)
# "unions are demanding an increase of 10.5%": what one side asks for, not a figure.
_DEMAND = (
    r"(?:demanding|demands?|demanded|seeking|seeks|sought|asking\s+for|asked\s+for|calling\s+for)"
    r"\s+(?:an?\s+)?(?:[a-z-]+\s+)?(?:increase|rise|raise|hike|cut|reduction)s?\s+of\s+"
    rf"{_BOUND}{_PERCENT}"
)
_PAID_PER_WORDS = ("subsidy", "subsidies", "grant", "grants", "rebate", "rebates", "reward",
                   "rewards", "voucher",
                   "vouchers", "allowance", "allowances", "bonus", "bonuses", "incentive",
                   "incentives")  # fmt: skip
_DEMAND_WORDS = ("demanding", "demand", "demands", "demanded", "seeking", "seeks", "sought",
                 "asking", "asked", "calling")  # fmt: skip
_CONTRACT_HINT = re.compile("contract|futures")
# "$2.10 a share", "a dividend of 64 yen per share from 52 yen": the amount it was raised from too;
# "1.20 yuan per 10 shares", as Chinese companies pay dividends.
_PER_SHARE = (
    rf"(?:{_PRICE}|{_NAMED_AMOUNT})(?:\s+(?:to|-)\s+{_PRICE})?\s+(?:a|per)\s+"
    # "Rs 2.50 per equity share", "40 pence per ordinary share"
    r"(?:(?:equity|ordinary|common|preference)\s+)?(?:share\b|(?:10|ten|100)\s+shares\b)"
    rf"(?:\s+from\s+(?:{_PRICE}|{_NAMED_AMOUNT}))?"
)
_PREMARKET_PRICE = rf"{_PRICE}(?=\s+in\s+(?:premarket|pre-market|after-hours)\s+trading)"
# "pays Rs 10,000 a year to each beneficiary": what one recipient gets, not a total.
_PAID_EACH = (
    rf"{_PAYMENT}(?:\s+(?:thousand|million|lakh))?(?:\s+(?:a|per)\s+(?:year|month|week))?\s+"
    rf"(?:to\s+)?(?:each|every|per)\s+(?:{'|'.join(_RECIPIENTS)})\b"
    # "will give KSh20 million to each of the county's 85 wards"
    rf"|{_PAYMENT}(?:\s+(?:thousand|million|lakh|crore))?\s+to\s+each\s+of\b"
    # "pays ₹1,000 a month to women heads of families": what each of them gets.
    rf"|{_PAYMENT}(?:\s+(?:thousand|million))?\s+(?:a|per)\s+(?:year|month|week)\s+to\s+"
    rf"(?:[a-z]+\s+){{0,2}}?(?:{'|'.join(_RECIPIENTS_PLURAL)})\b"
)
_CHARGED_EACH = (
    rf"(?<![A-Za-z])(?:{'|'.join(_PER_USE_WORDS)})\s+(?:of\s+)?{_BOUND}"
    rf"(?:{_PAYMENT}|{_NAMED_AMOUNT})(?:\s+(?:thousand|million))?\s+(?:for\s+)?(?:each|every|per)\s+"
    rf"(?:new\s+)?(?:{'|'.join(_CHARGED_PER)})\b"
)
_SUBSIDY_EACH = (
    rf"(?<![A-Za-z])(?:{'|'.join(_PAYMENT_WORDS)})\s+(?:of\s+)?{_BOUND}{_NAMED_AMOUNT}"
    rf"(?:\s+(?:a|per)\s+(?:year|month|week))?\s+(?:to\s+)?(?:each|every|per)\s+"
    rf"(?:{'|'.join(_RECIPIENTS)})\b"
)
# Capitals before a number that are a currency, a metric or a period, not a brand.
_NOT_BRAND = rf"(?:{_CURRENCY_CODE}|HK|GDP|FDI|SMEs?|Q[1-4]|H[12])\b"
# "BYD Seal 06", "iPhone 16": capitals (two, or a capital inside a word) before a number.
# Written as one class of letters and a capital, the first letter's case choosing the rest
# after: `[A-Z][A-Z]\s+[A-Z]?\d|[a-z][A-Z]\w*\s+[A-Z]?\d`, which a search tried at every
# position, its branches being two classes.
_BRAND_NUMBER = re.compile(
    r"[A-Za-z][A-Z](?:(?<=[A-Z][A-Z])\s+[A-Z]?\d|(?<=[a-z][A-Z])\w*\s+[A-Z]?\d)"
)
# What each hit of _BRAND_NUMBER contains: searched first in a window (quickly, from a capital),
# it rules out most windows, where _BRAND_NUMBER would be tried at every letter.
_CAPITAL_NUMBER = re.compile(r"[A-Z]\w*\s+[A-Z]?\d")
_CLOCK = rf"{_D}\d?:\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?"
_AM_PM = rf"{_D}\d?\s*(?:[ap]\.m\.|[ap]m\b)"
_STREET_ADDRESS = (
    # "200 W. Washington St.": a compass point may come before the street's name
    rf"(?=[N0-9])(?<!\w)(?:No\.\s*)?\d{{1,5}}[A-Za-z]?,?\s+(?:(?:[NSEW]|N[EW]|S[EW])\.?\s+)?"
    rf"(?:[A-Z][a-z]+\s+){{1,3}}{_STREET}"
)
_DOCUMENT_NUMBER = rf"(?=[DCONRAL])(?<!\w){_DOCUMENT}\s+(?:No\.|Number)\s*\d+"
# "this year's No. 1 central document": a document named by its number, the number first.
_NUMBERED_DOCUMENT = (
    r"No\.(?<!\wNo\.)\s?\d+\s+(?:[A-Za-z]+\s+){0,2}?"
    r"(?:[Dd]ocument|[Dd]ecree|[Cc]ircular|[Dd]irective|[Rr]esolution|[Rr]egulation)s?\b"
)
# A street named before its name and number, as in Southeast Asia, Latin America and southern
# Europe: "Jalan Asrama No. 179", "Jl. Sudirman 45", "Avenida Paulista 1578", "Via Toledo 256".
_STREET_FIRST = (
    r"(?=[JCARVPST])(?<!\w)(?:Jalan|Jln?\.|Calle|Carrera|Avenida|Rua|Rue|Via|Viale|Piazza|Soi|"
    r"Thanon)\s+(?:[A-Z][\w'\u2019-]*\s+){1,3}(?:No\.\s?)?\d{1,5}[A-Za-z]?\b(?![.,]\d)"
)
_STREET_FIRST_WORDS = ("jalan", "jl", "jln", "calle", "carrera", "avenida", "rua", "rue", "via",
                       "viale", "piazza", "soi", "thanon")  # fmt: skip
_DISTANCE_AFTER = rf"{_D}[\d,]*(?:\.\d+)?\s?{_DISTANCE}"
_DAY_MOVE = (
    rf"{_D}\d*(?:\.\d+)?\s?(?:%|percent)\s+(?:on\s+the\s+day|in\s+(?:early|late)\s+trading)\b"
)
_TARIFF_RATE = (
    # "a 15 percent US tariff" ("a 15% tariff hike for households" is a change of a price, a fact)
    rf"{_D}[\d.]*\s?(?:%|percent|per\s+cent|pct\b|pc\b)\s+(?:(?:[A-Z]{{2,4}}|U\.S\.)\s+)?"
    r"(?:(?:import|export|retaliatory|additional|"
    r"extra|blanket|reciprocal|punitive|customs)\s+)?(?:tariffs?|duty|duties)\b(?!-|\s+(?:hikes?|"
    r"increases?|rises?|raises?|cuts?|reductions?))"
    # "a 25 per cent duty on most goods and 10 per cent on energy": the list's other rates too
    rf"(?:\s+on\s+[^.;\d]{{0,40}}?\s+and\s+{_PERCENT}(?=\s+on\b))?"
    rf"|(?:tariffs?|duty|duties)\s+of\s+{_BOUND}{_PERCENT}"
)
# A rate a rule sets on a payment: "pays a royalty of 10%, against 3.5% for copper", "a 1 percent
# inspection fee", "an 80% rebate on corporate income tax".
_LEVY_WORDS = ("royalty", "royalties", "levy", "levies", "fee", "fees", "surcharge", "rebate")
_LEVY = rf"(?:{'|'.join(_LEVY_WORDS)})"
_LEVY_RATE = (
    rf"{_LEVY}\s+(?:rate\s+)?of\s+{_BOUND}{_PERCENT}(?:,?\s+(?:against|versus|and)\s+{_PERCENT})?"
    rf"|{_D}[\d.]*\s?(?:%|percent|per\s+cent|pct\b|pc\b)\s+(?:[a-z-]+\s+)?{_LEVY}\b"
)
_MODEL_NAME = (
    rf"(?=[A-Z])(?<!\w)(?!{_NOT_BRAND})[A-Z][a-z]+\s\d{{1,2}}\s(?:Pro|Max|Plus|Ultra|Lite|SUVs?|"
    r"EVs?|sedans?|hatchbacks?|pickups?|smartphones?|phones?|models?)\b"
)
# Reasons in the order they are tried: an earlier rule claims its numbers first. A pattern
# starts with a literal or a look-ahead for its first letters, not "\b": a search then skips
# quickly to where it can match ("No\.(?<!\wNo\.)" is "\bNo\." found quicker).
# Each rule: its reason, its pattern, and what the text must contain for the rule to be worth a
# search: words one of which is a word of the text (lower case; an entry with other characters,
# such as ":" or "a.m", is looked for as written), or a short pattern that starts with a
# character class ([0-9] rather than \d) or a literal and so is found quickly (a pattern that
# starts with \b is searched slowly):
# every match of the rule contains a match of it, so the rule is searched only around those.


class Hint(NamedTuple):
    """A quick pattern, and words (lower case) one of which the text must hold for the quick
    pattern to be worth a search: a look-up in a set is cheaper than a scan of the text."""

    quick: re.Pattern[str]
    words: tuple[str, ...]


Needs = tuple[str, ...] | re.Pattern[str] | Hint | None
_AT_ONCE = (
    rf"(?:{_D}[\d,]*|(?<![A-Za-z])(?:{_SMALL_NUMBERS}))\s+(?:[a-z]+\s+)?[a-z]+s\s+"
    r"(?:at\s+a\s+time|at\s+once|simultaneously)\b"
)
_AT_ONCE_WORDS = ("time", "once", "simultaneously")
# "a trade fair in Nuremberg, which drew around 60,000 visitors": who came to an event.
_EVENT_WORDS = ("fair", "forum", "expo", "exhibition", "conference", "summit", "ceremony")
_TURNOUT = (
    rf"(?:{'|'.join(_EVENT_WORDS)})s?\b[^.;\d]{{0,50}}?\b(?:drew|attracted|attended\s+by)\s+"
    rf"{_BOUND}(?:\d[\d,]*|{_SMALL_NUMBERS})\b"
)
_LENDERS = (
    r"(?<![A-Za-z])(?:loans?|financed|funded|backed|lent|credit|financing|funding)\s+"
    r"(?:[a-z]+\s+){0,3}?(?:from|by)\s+(?:a\s+group\s+of\s+)?"
    rf"(?:\d{{1,2}}|{_SMALL_NUMBERS})\s+(?:[a-z]+\s+){{0,2}}?(?:banks|lenders)\b"
)
# A wire story's exchange-rate note, "($1 = 85.1 rupees)", "(1 euro = $1.08)", "US$1 = 7.2
# yuan": the rate used to convert the story's amounts, not a figure of a place or a company.
_RATE_NOTE = (
    # "EUR 1 = PLN 4.24": the code first
    r"(?:\(\s*)?(?<![\w.,])(?:(?:US|[A-Z]{1,2})?[$£€¥₹]\s?1(?:\.00)?|[A-Z]{3}\s?1(?:\.00)?(?=\s?=)|"
    r"1\s+(?:[A-Z][A-Za-z.]*\s+)?"
    r"(?:euro|dollar|pound|yuan|yen|rupee|franc|sterling|[A-Z]{3})s?)\s?=\s?[^\d\n()=]{0,6}"
    r"\d[\d,]*(?:\.\d+)?(?:\s(?:[A-Z][a-z]+\s)?[a-z]+\b|\s[A-Z]{3}\b)?\)?"
    # "(Tk 122.1 = $1)": the local currency first
    r"|\(\s*[A-Za-z$€£¥₹₦]{0,3}\s?\d[\d,]*(?:\.\d+)?\s?=\s?(?:US|U\.S\.)?\$\s?1(?:\.00)?\s*\)"
)
RULES: tuple[tuple[IgnoredReason, str, Needs], ...] = (
    # Searched only around an "=", which news rarely writes otherwise.
    ("no_subject", _RATE_NOTE, re.compile("=")),
    # A stock index's move, before the names with digits: "the CAC 40 lost 0.3 percent".
    # Searched around the index's name: the move may stand 60 characters after it.
    ("no_subject", _INDEX_MOVE, Hint(re.compile(_STOCK_INDICES_QUICK), _STOCK_INDEX_WORDS)),
    ("no_subject", _NAMED_INDEX_MOVE, Hint(re.compile("ndex"), ("index",))),
    # Before the prices: a futures quote's price and its move are one.
    ("no_subject", _FUTURES_QUOTE, Hint(re.compile("futures"), ("futures",))),
    (
        "date",
        rf"{_D}\d{{3}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}\b",
        re.compile(r"[0-9][-/.][0-9]{1,2}[-/.][0-9]"),
    ),
    ("date", rf"{_D}\d{{3}}年(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?", ("年",)),
    ("date", rf"\b(?:{MONTHS})\s+{_DAY}(?:,?\s+\d{{4}})?(?!\d)", _MONTH_NAME),
    ("date", rf"{_D}\d?(?:st|nd|rd|th)?\s+(?:{MONTHS})(?:,?\s+\d{{4}})?", _MONTH_NAME),
    (
        "date",
        rf"\b{_MONTH_ABBREVIATED}\s+\d{{1,2}}(?!\d|[.,]\d|\s*(?:%|percent|per\s+cent|pct\b|pc\b))\b",
        Hint(re.compile(rf"{_MONTH_ABBREVIATED}\s+[0-9]"), _MONTH_ABBREVIATIONS),
    ),
    ("time", _CLOCK, (":",)),
    ("time", _AM_PM, ("a.m", "p.m", "am", "pm")),
    ("phone", r"(?:\+\d{1,3}[\s-]?)?\(?\b0\d{2,3}\)?[\s-]\d{7,8}\b", re.compile(r"[0-9][0-9]{6}")),
    ("phone", r"\+\d{1,3}[\s-]?\d{2,4}(?:[\s-]?\d{3,4}){2,3}\b", ("+",)),
    (
        "phone",
        r"\b(?:400|800)-\d{3}-\d{4}\b|\b\d{3}-\d{3}-\d{4}\b|\b1[3-9]\d{9}\b",
        re.compile(r"[0-9](?:-[0-9]{3}-[0-9]|[0-9]{10})"),
    ),
    (
        "phone",
        r"(?=[TtPpHhFfCc])(?<!\w)(?i:(?:tel|phone|hotline|fax|call)\b[.:]?)\s*[\d+()][\d\s()+-]{5,}\d",
        ("tel", "phone", "hotline", "fax", "call"),
    ),
    ("address", _STREET_ADDRESS, _STREET_WORDS),
    ("address", _STREET_FIRST, _STREET_FIRST_WORDS),
    (
        "address",
        r"\b(?:Room|Suite|Building|Floor|Unit|Gate|Block|Tower)\s+[A-Z]?\d+[A-Z]?\b",
        Hint(
            re.compile(r"(?:Room|Suite|Building|Floor|Unit|Gate|Block|Tower)\s+[A-Z]?\d"),
            ("room", "suite", "building", "floor", "unit", "gate", "block", "tower"),
        ),
    ),
    ("address", rf"{_D}\d{{0,2}}(?:st|nd|rd|th)\s+(?:Floor|floor)\b", ("floor",)),
    ("address", r"(?=[PpZz])(?<!\w)(?i:(?:postal|zip|post)\s*code\b[:\s]*)\d{5,6}\b", ("code",)),
    # ", 11900 Bayan Lepas,": a postcode before the town it belongs to.
    (
        "address",
        r"(?<=,\s)\d{4,6}\s(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+(?=,)",
        re.compile(r", [0-9]{4}"),
    ),
    ("document_number", _DOCUMENT_NUMBER, _DOCUMENT_WORDS),
    ("document_number", _NUMBERED_DOCUMENT, ("no.",)),
    ("document_number", r"[\[\u3014(\uff08]\d{4}[\]\u3015)\uff09]\s*(?:No\.\s*)?\d+(?:号)?", None),
    (
        "document_number",
        r"(?=[ACS])(?<!\w)(?:Article|Clause|Section|Chapter)\s+\d+\b",
        ("article", "clause", "section", "chapter"),
    ),
    ("list_number", r"No\.(?<!\wNo\.)\s?\d+\b", ("no.",)),
    # "Lloyd's List's Top 100 Ports": the title of a list, not a rank.
    ("list_number", r"Top(?<=[a-z'\u2019,]\sTop)\s\d{1,4}(?=\s[A-Z])", ("top",)),
    # "three priorities: (1) ...": how many points a plan or a speech makes.
    (
        "list_number",
        rf"\b(?:{_SMALL_NUMBERS})\s+(?:key\s+|major\s+|main\s+)?{_POINTS}",
        Hint(_POINT_HINT, _words_of(_POINTS)),
    ),
    # "invest over three phases", "paid in two instalments": how many parts a plan or a payment
    # is made in, not a figure.
    (
        "list_number",
        rf"(?<![A-Za-z])(?:in|over|across)\s+(?:{_SMALL_NUMBERS})\s+(?:phases|stages|instalments|"
        r"installments|tranches|batches)\b",
        # A number in words has no digit to be found near: the part's name is looked for.
        Hint(
            re.compile("phases|stages|instalments|installments|tranches|batches"),
            ("phases", "stages", "instalments", "installments", "tranches", "batches"),
        ),
    ),
    (
        "list_number",
        r"\b(?:Fortune(?:\s+Global)?|Global|S&P|FTSE|Forbes|Inc\.)\s+\d{2,4}\b",
        re.compile(r"(?:Fortune|Global|S&P|FTSE|Forbes|Inc\.)\s+\d"),
    ),
    (
        "age",
        r"(?=[0-9a])(?<!\w)(?:\d{1,3}[-\s]years?[-\s]old\b|aged\s+\d{1,3}\b|"
        r"age\s+(?:of\s+)?\d{1,3}\b)",
        ("old", "aged", "age"),
    ),
    ("age", r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s\d{1,2},(?=\s)", re.compile(r",\s\d{1,2},\s")),
    (
        "age",
        r"in(?<!\win)\s+(?:his|her|their)\s+(?:early\s+|late\s+|mid-)?\d0s\b",
        ("his", "her", "their"),
    ),
    # "5G", "3SE": digits glued to a capital name a product (not a decimal's last digits: "1.1M
    # air passengers" is 1.1 million)
    (
        "product_name",
        rf"{_D}(?<![.,]\d)\d*(?!{_GLUED_UNIT})[A-Z][A-Za-z0-9]*\b",
        re.compile(r"[0-9][A-Z]"),
    ),
    (
        "product_name",
        rf"\b(?!(?:Q[1-4]|H[12])\b|FY\d|{_CURRENCY_CODE}\d)[A-Z][A-Za-z]*-?\d+[A-Za-z]*"
        r"(?:-\d+[A-Za-z]*)*(?:\s(?:Pro|Max|Plus))?\b",  # "GWH252-16MW"; "FY2024" is a year
        re.compile(r"[0-9](?:(?<=[A-Za-z][0-9])|(?<=[A-Za-z]-[0-9]))"),
    ),
    (
        "product_name",
        # not a headline's half or quarter in capitals: "BOARD APPROVES H1 2025 RESULTS"
        rf"\b(?!{_NOT_BRAND})(?:[A-Z]{{2,}}|[A-Z][a-z]+[A-Z]\w*)\s+(?!(?:Q[1-4]|H[12])\b)"
        r"[A-Z]?\d{1,4}[A-Za-z]?\b",
        _BRAND_NUMBER,
    ),
    (
        "product_name",
        rf"\b{_NAMED_GRADE}\s+\d+(?:-\d+[A-Za-z]*)*",  # "Boeing 777-300": the whole model
        Hint(re.compile(rf"{_NAMED_GRADE}\s+\d"), _words_of(_NAMED_GRADE)),
    ),
    # A market's prices and moves: "traded at $9,580 a ton", "up 0.6% on the day".
    ("no_subject", _MARKET_PRICE, Hint(_MARKET_HINT, _words_of(_MARKET_VERBS))),
    # A price per share and earnings per share describe a stock, not a company's totals.
    ("no_subject", _PER_SHARE, ("share", "shares")),
    ("no_subject", _PREMARKET_PRICE, ("trading",)),
    # An exchange rate ("at 3.9 zloty to the euro") and a forecast's price assumption ("assumes
    # oil at US$60 a barrel") are the conditions of a figure, not a figure of a place.
    (
        "no_subject",
        rf"{_D}[\d,]*(?:\.\d+)?\s+{_CURRENCY_WORD}\s+{_RATE_AGAINST}"
        # "VND25,210 per dollar": the currency written before the rate ("$1.65 a pound" is a
        # price by weight).
        rf"|{_SIGN}\s?\d[\d,]*(?:\.\d+)?\s+(?:per|to\s+the|against\s+the)\s+(?:U\.?S\.?\s+)?"
        r"(?:dollar|euro|yuan|yen)\b",
        Hint(_RATE_HINT, _RATE_CURRENCIES),
    ),
    (
        "no_subject",
        rf"assum(?<!\wassum)[a-z]*\s+(?:[a-z]+\s+){{0,4}}?(?:at|of|near|around)\s+{_PRICE}",
        _ASSUMPTION_WORDS,
    ),
    ("no_subject", _SACK_PRICE, Hint(re.compile(r"[0-9]-[kpl]"), ("bag", "sack", "box", "crate"))),
    # "oil prices near US$60 a barrel": a commodity's price per unit, of no place or company.
    (
        "no_subject",
        _COMMODITY_PRICE,
        Hint(re.compile("price"), ("price", "prices")),
    ),
    (
        "no_subject",
        _DISTANCE_AFTER,
        (
            "km",
            "kilometres",
            "kilometers",
            "miles",
            "metres",
            "meters",
            "centimetres",
            "centimeters",
            "millimetres",
            "millimeters",
        ),
    ),
    (
        "no_subject",
        rf"(?=[sp])(?<!\w)(?:{'|'.join(_SURVEY_WORDS)})\s+(?:of\s+)?{_SAMPLE_BOUND}\d[\d,]*\s+[a-z]+",
        _SURVEY_WORDS,
    ),
    # "table 14-10-0287-01", "catalogue no. 71-001-X": a statistical table or publication.
    (
        "document_number",
        r"\b\d+(?:-\d+){2,}(?:-[A-Z]+)?\b|\b\d+(?:-\d+)+-[A-Z]+\b",
        re.compile(r"[0-9]-[0-9]+-[0-9A-Z]"),
    ),
    # "a ±800 kV line": the rating of a thing, not a figure of a place or a company.
    ("no_subject", r"±\s?\d[\d,]*(?:\.\d+)?(?:\s?[kMG]?[VW]\b)?", ("±",)),
    (
        "product_name",
        rf"{_D}\d*(?:\.\d+)?\s?%\s?{_GRADE}\b",
        Hint(re.compile(r"[0-9]\s?%\s?[ABFapg]"), _GRADE_WORDS),
    ),
    (
        "no_subject",
        rf"{_D}[\d,]*(?:\.\d+)?-{_PRICE_ADJECTIVE}\b(?=\s+[a-z])",
        Hint(re.compile(r"[0-9]-[a-z]"), _words_of(_PRICE_ADJECTIVE)),
    ),
    # "within 20 km of the plant": a distance that places something.
    (
        "no_subject",
        r"within(?<!\wwithin)\s+(?:about\s+)?\d[\d,.]*\s?(?:km|kilomet(?:er|re)s|miles|"
        r"met(?:er|re)s|m)\b",
        ("within",),
    ),
    (
        "list_number",
        rf"(?<!top\s)\b(?:\d{{1,4}}|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|"
        rf"hundred)\s+{_SUPERLATIVE}",
        re.compile(r"(?:est|most)\s+[a-z]"),
    ),
    (
        "no_subject",
        # ("with total planned investment of more than 210 billion yuan" is a sum, a figure)
        r"\bwith\s+(?:an?\s+)?(?!(?:combined|total|overall|aggregate)\s)"
        r"(?:[a-z-]+\s+){0,3}?(?:revenue|sales|turnover|output|income|"
        r"investment)\s+of\s+(?:(?:at\s+least|more\s+than|over|above|exceeding)\s+"
        rf"(?:{_PRICE}|\d[\d,.]*)(?:\s+(?:million|billion|thousand))?(?:\s+[a-z]+)?|"
        # "revenue of 20 million yuan or more"
        rf"(?:{_PRICE}|\d[\d,.]*)(?:\s+(?:million|billion|thousand))?(?:\s+[a-z]+)?\s+"
        r"(?:or|and)\s+(?:more|above))",
        Hint(_THRESHOLD_HINT, _THRESHOLD_METRICS),
    ),
    ("no_subject", _CLASS_BOUND, _CLASS_THINGS),
    ("no_subject", _DAY_MOVE, ("day", "trading")),
    ("no_subject", _SHARE_MOVE, Hint(re.compile(r"[Ss](?:hares|tock)\b"), ("shares", "stock"))),
    ("no_subject", _SHARE_PRICE, Hint(re.compile(r"[Ss](?:hares|tock)\b"), ("shares", "stock"))),
    ("no_subject", _INDEX_POINTS, Hint(re.compile("ndex"), ("index",))),
    ("no_subject", _MARKET_MOVE, ("market", "index")),
    (
        "no_subject",
        _SHARE_MULTIPLE,
        Hint(re.compile(r"[Ss](?:hares|tock)\b"), ("shares", "stock")),
    ),
    (
        "no_subject",
        _PRICE_PEAK,
        Hint(
            re.compile("peak|highs|lows|trough"),
            ("peak", "peaks", "highs", "lows", "trough", "troughs"),
        ),
    ),
    (
        "no_subject",
        _EXPECTED,
        Hint(
            re.compile(r"analysts|expectations|consensus"),
            ("analysts", "expectations", "consensus"),
        ),
    ),
    # "five analysts polled by Reuters": who was asked, no figure (after the rule above, whose
    # "estimate of five analysts" takes them first).
    (
        "no_subject",
        rf"(?<![\w,])(?:{_SMALL_NUMBERS}|eleven|twelve|\d[\d,]*)\s+(?:[a-z]+\s+)?"
        r"(?:analysts|economists|respondents|traders|executives|experts|forecasters|investors)\s+"
        r"(?:polled|surveyed|asked|questioned|canvassed|interviewed)\b",
        Hint(re.compile("polled|surveyed|asked|questioned|canvassed|interviewed"), _POLLED_WORDS),
    ),
    ("no_subject", _SHIP_SIZE, ("ship", "ships", "vessel", "vessels", "boxships", "carriers")),
    # "jams stretch for up to 5 kilometres": the length of a thing, not a figure of a place.
    (
        "no_subject",
        rf"stretch(?<!\wstretch)(?:es|ed|ing)?\s+(?:for\s+)?{_BOUND}\d[\d,.]*\s?"
        r"(?:km|kilomet(?:er|re)s|miles)\b",
        ("stretch", "stretches", "stretched", "stretching"),
    ),
    # "enough for roughly 700,000 electric cars", "enough to power 300,000 homes": what an
    # output would serve, not a figure of a place or a company.
    (
        "no_subject",
        rf"enough(?<!\wenough)\s+(?:for|to\s+[a-z]+)\s+{_BOUND}\d[\d,.]*"
        r"(?:\s+(?:thousand|million|billion))?",
        ("enough",),
    ),
    ("no_subject", _PAID_EACH, (*_RECIPIENTS, *_RECIPIENTS_PLURAL, "each")),
    # "subsidies of up to 50,000 yuan per household": a payment named before an amount whose
    # currency is named after it ("an income of 80,000 yuan per household" is a figure).
    ("no_subject", _SUBSIDY_EACH, _PAYMENT_WORDS),
    ("no_subject", _CHARGED_EACH, _CHARGED_PER),
    # "within 5 percent of grid capacity": a gap to a limit, not a figure.
    ("no_subject", rf"within(?<!\wwithin)\s+{_BOUND}{_PERCENT}\s+of\b", ("within",)),
    # "imposed a 10% tariff", "tariffs of up to 25%": a rate a policy sets, not a figure of a place.
    ("other", _TARIFF_RATE, ("tariff", "tariffs", "duty", "duties")),
    ("other", _LEVY_RATE, _LEVY_WORDS),
    # "The Australian dollar bought 64.9 US cents": an exchange rate, of no place or company.
    (
        "no_subject",
        _CURRENCY_LEVEL,
        Hint(
            re.compile(
                "bought|fetch|worth|trad|stood|firmed|weakened|strengthened|buying|closed|ended|quoted"
            ),
            _CURRENCY_LEVEL_WORDS,
        ),
    ),
    # After a currency's move: "firmed 0.9% to 26.7 per dollar" is one span.
    ("no_subject", _EXCHANGE_RATE, Hint(_EXCHANGE_HINT, ("against", "per", "to"))),
    # "the currency is pegged to the euro at 655.957 francs": a peg, of no place's business.
    (
        "no_subject",
        r"pegged\s+(?:to|against)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?[A-Za-z]+\s+at\s+"
        rf"(?:an?\s+(?:fixed\s+)?rate\s+of\s+)?{_SIGN}?\s?\d[\d.,]*(?:\s+[A-Za-z]+)?",
        ("pegged",),
    ),
    # "The dollar figure uses a rate of 7.11 yuan": the rate a story converts at.
    (
        "no_subject",
        rf"(?:uses|used|using|at)\s+(?:an?\s+)?(?:exchange\s+)?rate\s+of\s+{_SIGN}?\s?\d[\d.]*"
        rf"(?:\s+(?:{_CURRENCY_NAMES}))?",
        ("rate",),
    ),
    # "remains above the central bank's target band of 6-8%": a target a policy sets.
    (
        "other",
        rf"(?:target|tolerance|comfort)\s+(?:band|range|zone)\s+of\s+{_BOUND}\d[\d.]*\s?"
        r"(?:%\s?|percent\s+)?(?:-|\u2013|to)\s?\d[\d.]*\s?(?:%|percent|per\s+cent|pct\b|pc\b)"
        # "a tolerance band of plus or minus 1 percentage point", "an inflation target of 3%"
        r"|(?:target|tolerance|comfort)\s+(?:band|range|zone)\s+of\s+(?:plus\s+or\s+minus\s+|\u00b1\s?)"
        r"\d[\d.]*\s?(?:percentage\s+points?|%|percent|per\s+cent)"
        rf"|inflation\s+target\s+(?:of|at|is)\s+{_BOUND}{_PERCENT}"
        rf"|targets?\s+(?:annual\s+)?inflation\s+(?:of|at)\s+{_BOUND}{_PERCENT}"
        # "above the Bank of England's 2% target", "the ECB's 2% inflation goal"
        rf"|{_PERCENT}\s+(?:(?:annual|medium-term)\s+)?inflation\s+(?:target|goal|objective)"
        rf"|(?:[Bb]ank(?:\s+of\s+[A-Z][a-z]+)?|Fed|Reserve|ECB|BoE|BoJ|RBI|RBA|RBNZ|SNB|PBOC|PBoC|Riksbank|Banxico)"
        rf"['\u2019]s\s+{_PERCENT}\s+(?:target|goal|objective)",
        ("band", "range", "zone", "inflation", "target", "goal", "objective"),
    ),
    # "state aid of up to 50 percent of eligible costs", "a deal capped at 8,500 jobs": the
    # terms of a scheme, not a figure of a place or a company.
    (
        "other",
        r"(?:support|aid|subsidy|subsidies|grant|grants|rebate|rebates|reimbursement|"
        rf"compensation)\s+of\s+up\s+to\s+{_PERCENT}"
        rf"|(?:capped|limited)\s+at\s+{_BOUND}{_SIGN}?\s?\d[\d,.]*",
        (
            "support",
            "aid",
            "subsidy",
            "subsidies",
            "grant",
            "grants",
            "rebate",
            "rebates",
            "reimbursement",
            "compensation",
            "capped",
            "limited",
        ),
    ),
    # "412 projects ..., each worth at least 100 million yuan": the size of each, not a total.
    ("no_subject", _EACH_WORTH, Hint(re.compile("each"), ("each",))),
    ("quoted_price", _EACH_RECEIVES, Hint(re.compile("each"), ("each",))),
    ("no_subject", _MARKET_NAMED_PRICE, Hint(_MARKET_HINT, _words_of(_MARKET_VERBS))),
    ("quoted_price", _ITEM_COST, Hint(re.compile("cost|charg"), _ITEM_COST_WORDS)),
    ("other", _POLICY_RATE, _POLICY_RATE_WORDS),
    ("other", _MINIMUM_WAGE, ("minimum",)),
    ("other", _LEGAL_RULE, Hint(_LEGAL_RULE_HINT, _LEGAL_RULE_WORDS)),
    ("other", _CREDIT_TERMS, Hint(_CREDIT_HINT, _CREDIT_WORDS)),
    ("no_subject", _PERSONS_BUSINESS, Hint(_HIS_OR_HER, ("his", "her"))),
    ("other", _DEMAND, _DEMAND_WORDS),
    ("other", _QUOTA_CHANGE, Hint(re.compile("quota"), ("quota", "quotas"))),
    ("quoted_price", _QUOTED_AT, Hint(re.compile("quoted"), ("quoted",))),
    (
        "quoted_price",
        _PAID_PER,
        Hint(re.compile("ubsid|rant|ebate|oucher|llowance|onus|ncentive|eward"), _PAID_PER_WORDS),
    ),
    ("quoted_price", _PRICE_RANGE, Hint(re.compile("ranged?"), ("range", "ranged"))),
    ("quoted_price", _SET_PRICE, _SET_PRICE_WORDS),
    (
        "quoted_price",
        _FETCHED,
        Hint(
            re.compile("fetch|sells for|sold for|sell for|selling for|retail|priced at"),
            _FETCHED_WORDS,
        ),
    ),
    (
        "no_subject",
        _SACK_SIZE,
        Hint(re.compile(r"[0-9]\s?kg|[0-9]\s?kilo"), _SACK_WORDS),
    ),
    # "thermal coal with a calorific value of 5,500 kilocalories": the grade a product is sold by.
    (
        "product_name",
        rf"(?:calorific\s+value\s+of\s+{_BOUND})?\d[\d,]*\s?(?:kilocalories|kcal)\b"
        r"(?:\s?/\s?kg\b|\s+(?:per|a)\s+(?:kilogram|kg)\b)?",
        ("kilocalories", "kcal"),
    ),
    (
        "other",
        _CHARGE_CHANGE,
        Hint(re.compile("ues|ees|harges|olls|ares|ariffs"), _CHARGE_CHANGE_WORDS),
    ),
    # "a buyback of up to 2 million shares, or 3.1% of shares outstanding, worth no more than
    # ¥5 billion": the terms of a programme, not a figure of the company's period.
    (
        "other",
        rf"buy-?backs?\s+of\s+{_BOUND}\d[\d,.]*(?:\s+(?:million|billion))?\s+shares"
        rf"(?:,?\s+or\s+{_PERCENT}\s+of\s+(?:its\s+|the\s+)?shares(?:\s+outstanding)?)?"
        rf"(?:,?\s+worth\s+(?:no\s+more\s+than\s+|up\s+to\s+)?{_SIGN}?\s?\d[\d,.]*"
        r"(?:\s+(?:million|billion))?)?",
        ("buyback", "buybacks", "buy"),
    ),
    # "Households earning up to 80% of the area median income qualify", "companies investing
    # more than RM50 million can apply", "a net worth of at least ₹1 crore per MW": who may
    # take part, the terms of a scheme.
    ("other", _ELIGIBILITY, Hint(_ELIGIBILITY_HINT, _ELIGIBILITY_WORDS)),
    # "Angola, Switzerland and Canada completed the top five": who makes up a ranking's places.
    (
        "list_number",
        rf"(?:completed|completing|rounded\s+out|rounding\s+out|made\s+up)\s+the\s+top\s+"
        rf"(?:\d{{1,2}}|{_SMALL_NUMBERS})\b"
        # "with Germany, Italy and Turkey the top three markets": a list's ranking
        rf"|\band\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?\s+(?:as\s+|were\s+|are\s+)?"
        rf"the\s+top\s+(?:\d{{1,2}}|{_SMALL_NUMBERS})\b",
        Hint(
            re.compile(r"the\s+top\s"),
            ("completed", "completing", "rounded", "rounding", "made", "and"),
        ),
    ),
    # "The full document runs to 412 pages": a document's length.
    ("list_number", rf"{_D}[\d,]*\s+pages\b", ("pages",)),
    # "short of the 15-20% benchmark recommended by UNESCO", "a land tax threshold cut to
    # A$50,000": a norm or a threshold a rule sets.
    (
        "other",
        r"\d[\d.]*\s?(?:-|\u2013|to)\s?\d[\d.]*\s?(?:%|percent|per\s+cent|pct\b|pc\b)\s+"
        r"(?:benchmark|target|norm|guideline|ceiling)\b"
        rf"|threshold\s+(?:[a-z]+\s+){{0,3}}?(?:to|of|at|is|was)\s+{_BOUND}{_SIGN}?\s?\d[\d,.]*",
        ("benchmark", "target", "norm", "guideline", "ceiling", "threshold"),
    ),
    # "a 15% preferential corporate income tax rate", "a tax rate of 5%": a rate a law sets,
    # as a tariff is ("tax revenue rose 12%" is a figure).
    (
        "other",
        _TAX_RATE,
        Hint(_TAX_HINT, _TAX_WORDS),
    ),
    # "a trade mission of 45 companies", "a consortium of 14 local firms": who travels or joins,
    # not a figure of a place or a company.
    (
        "no_subject",
        rf"(?<![A-Za-z])(?:delegation|mission|consortium)s?\s+of\s+{_BOUND}"
        rf"(?:\d[\d,]*|{_SMALL_NUMBERS}|dozens|hundreds)\s+[A-Za-z]+",
        Hint(
            re.compile("delegation|mission|consortium"),
            ("delegation", "delegations", "mission", "missions", "consortium", "consortiums"),
        ),
    ),
    # "by 52 votes to 9", "the 30 percent minimum required by law": a tally, a legal bound.
    (
        "other",
        rf"{_D}\d*\s+votes?\s+to\s+\d+|\bby\s+\d+\s+votes\b"
        r"|\b\d+\s+votes\s+in\s+favou?r(?:\s+and\s+\d+\s+against)?",
        ("votes",),
    ),
    (
        "other",
        rf"{_D}[\d.]*\s?(?:%|percent|per\s+cent|pct\b|pc\b)\s+(?:legal\s+|statutory\s+)?"
        r"(?:minimum|maximum|threshold|ceiling|cap|floor|limit)\b"
        # "with a cap of about 200,000 under the plan"
        rf"|\b(?:cap|ceiling|limit)\s+of\s+{_BOUND}\d[\d,.]*(?:\s+(?:thousand|million|billion))?",
        ("minimum", "maximum", "threshold", "ceiling", "cap", "floor", "limit"),
    ),
    # "a 24,346-TEU vessel", "a 10.7-km rail link", "an 800-kV line": the size of a thing
    # named after it, not a figure of a region or a company.
    (
        "no_subject",
        rf"{_D}[\d,]*(?:\.\d+)?-{_OBJECT_UNIT}\b(?=\s+[A-Za-z])",
        Hint(re.compile(r"[0-9]-[kmTdl]"), _OBJECT_UNIT_WORDS),
    ),
    # "berths for three ships at a time": what a thing holds at once, its capacity.
    ("no_subject", _AT_ONCE, Hint(re.compile("at a time|at once|simultaneously"), _AT_ONCE_WORDS)),
    # "a forum attended by some 500 delegates": who came to an event, not a figure of a place.
    (
        "no_subject",
        rf"attended(?<!\wattended)\s+by\s+{_BOUND}(?:\d[\d,]*|{_SMALL_NUMBERS})\b",
        ("attended",),
    ),
    ("no_subject", _TURNOUT, Hint(re.compile("|".join(_EVENT_WORDS)), _EVENT_WORDS)),
    # "fares averaged 145,000 naira one-way": the price of one ticket, not a total.
    (
        "no_subject",
        rf"(?:{_SIGN}\s?)?{_D}[\d,]*(?:\.\d+)?\s+(?:[a-z]+\s+)?(?:one[-\s]way|round[-\s]trip)\b",
        ("one-way", "round-trip", "one way", "round trip"),
    ),
    # "loans from three development banks": who lends to a project, as a consortium joins one.
    ("no_subject", _LENDERS, Hint(re.compile("banks|lenders"), ("banks", "lenders"))),
    # "Industry 4.0", "Qilin 3.0": a version; "Tiggo 7 Pro", "Omoda 5 SUVs": a model.
    ("product_name", r"\b[A-Z][a-z]+\s\d{1,2}\.0\b", re.compile(r"\.0\b")),
    ("product_name", _MODEL_NAME, _MODEL_WORDS),
    # "the Tanger Med 2 terminals": a digit that ends a name of two or more words, not a count
    # of what follows (a months' name is a date's, claimed before).
    (
        "product_name",
        rf"(?<=[a-z] )(?<![.!?] [A-Z][a-z] )(?!{_NOT_BRAND})(?:[A-Z][a-z]+\s){{2,3}}[1-9]"
        r"(?=\s+[a-z]+s\b)",
        re.compile(r"[A-Z][a-z]+ [1-9] [a-z]"),
    ),
    ("no_subject", _BOURSE_MOVE, ("bourse", "exchange", "market", "nse", "bse", "nyse", "nasdaq")),
    ("no_subject", _SENSITIVITY, Hint(_EVERY_HINT, ("every", "each"))),
    ("no_subject", _PER_UNIT_SERVES, Hint(_EVERY_HINT, ("every", "each"))),
    ("no_subject", _QUEUE_LENGTH, ("queue", "queues", "jam", "jams", "tailback", "tailbacks")),
    ("no_subject", _CHARGE_RATE, _CHARGE_WORDS),
    ("no_subject", _ASKING_PRICE, _ASKING_WORDS),
    ("no_subject", _SHARE_PAYOUT, _PAYOUT_WORDS),
    ("no_subject", _CONTRACT_PRICE, Hint(_CONTRACT_HINT, ("contract", "contracts", "futures"))),
)
# Lines that are page furniture, not the story: their numbers are never facts.
# "By CHEN Chunyou" is a byline; "By the end of December, 27 companies ..." and "By March,
# ..." open sentences of news.
BYLINE_LINE = re.compile(
    r"^(?:Source:|(?-i:By\s+(?!(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[A-Z])|Author:|Reporter:|Updated:|Published:|Photo:|\(PHOTO|Xinhua\s*\|"
    # a time stamp: "Updated Feb 25, 2026 - 11.52am", "Published on December 8, 2025"
    r"|(?:Last\s+)?(?:Updated|Published|Posted)\s+(?:on\s+)?(?-i:[A-Z][a-z]{2}|\d))"
    r"|\|\s*(?:Author|Source|Updated)\s*:",
    re.IGNORECASE,
)
FOOTER_START = re.compile(
    r"^(?:Editor:|Editors:|Top News|Related (?:News|Stories|Articles)|Copyright|©|"
    r"All rights reserved|Contact us|Read more)",
    re.IGNORECASE,
)
HEADER_LINE = re.compile(r"^(?:position:|Home\s*>|You are here:)", re.IGNORECASE)
# Direct speech: a quotation of five words or more. Its numbers are what someone said, not
# facts the article states; nor are those of the clause that says who said it.
# Quotes pair in order: the closing quote of a short name ("the "Group") for the six months")
# opens nothing.
QUOTATION = re.compile(r'"[^"\n]*"|\u201c[^\u201d\n]*\u201d')
_QUOTED_WORDS = 5
ATTRIBUTION = re.compile(r"\s*(?:said|says|told|added|wrote|according\s+to)\b")


# The reasons of spans whose numbers are quantities that state no fact: "a policy rate of
# 6.5%", "the Nikkei rose 1.2%" and a speaker's figures are read as quantities, and proposed as
# no fact. The other reasons (dates, phones, ages, ...) mark numbers that are no quantity.
NOT_FACTS: frozenset[IgnoredReason] = frozenset(
    ("quotation", "no_subject", "framing_count", "quoted_price", "other")
)


# Not frozen, for a quicker __init__ (see text.Sentence); nothing assigns to its fields.
@dataclass(slots=True, unsafe_hash=True)
class Reserved:
    """A span whose numbers are not quantities, or state no fact (see NOT_FACTS), and why."""

    start: int
    end: int
    reason: IgnoredReason


def non_quantities(
    text: str, sentences: list[Sentence], digits: list[tuple[int, int]], words: list[str]
) -> list[Reserved]:
    """Every span of `text` whose numbers state no quantity, the most specific first.

    `digits` are the spans of the text's numbers in digits: most rules need one, and are
    searched only in windows around them. `words` are the text's words (`LOWER_WORD` in its
    lower case): a rule that needs one of some words is searched only if the text holds one.
    """
    found: list[Reserved] = []
    lower = text.lower()
    present = _WORDS_NEEDED.intersection(words)
    hits: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    where = windows(digits, _AROUND_DIGITS, _AROUND_DIGITS, 0, len(text))
    at_digits = windows(digits, 0, _PAST_DIGITS, 0, len(text))
    # Most numbers are plain ("2024", "3.5"): one search for every quick pattern that starts
    # with a digit keeps the windows where one of them may match, for each to search.
    at_digits = [span for span in at_digits if _ANY_AT_DIGITS.search(text, *span)]
    for rule in _COMPILED:
        rule_where = _rule_windows(rule, text, lower, present, (where, at_digits), hits)
        if rule.contains is not None:
            # A quick search in each window, before the rule's own slower one.
            rule_where = [span for span in rule_where if rule.contains.search(text, *span)]
        for match in find_in(rule.pattern, text, rule_where):
            span = Reserved(match.start(), match.end(), rule.reason)
            if not any(_overlaps(span, other) for other in found):
                found.append(span)
    # Furniture last: inside a byline, "2024-04-01" is still reported as a date.
    return found + _quotations(text, sentences) + _furniture(sentences)


def _rule_windows(
    rule: _Rule,
    text: str,
    lower: str,
    present: frozenset[str],
    numbers: tuple[list[tuple[int, int]], list[tuple[int, int]]],
    hits: dict[re.Pattern[str], list[tuple[int, int]]],
) -> list[tuple[int, int]]:
    """Where `rule` is worth a search: around its quick pattern's hits (kept in `hits` for the
    rules that share the pattern), around the numbers, or nowhere. `numbers` are the windows
    around the text's numbers, and those of their digits and _PAST_DIGITS characters after."""
    where, at_digits = numbers
    if rule.quick is not None:
        if rule.words is not None and rule.words.isdisjoint(present):
            return []  # none of the words its quick pattern needs
        spots = hits.get(rule.quick)
        if spots is None:
            # A quick pattern with a digit is looked for only around the text's numbers, one
            # that starts with a digit only on them.
            quick_where = at_digits if rule.at_digits else where
            if rule.quick is _BRAND_NUMBER:
                quick_where = [span for span in quick_where if _CAPITAL_NUMBER.search(text, *span)]
            found = (
                find_in(rule.quick, text, quick_where)
                if rule.near_digits
                else _matches_at_words(rule.quick, text, rule.first_words)
                if rule.first_words
                else rule.quick.finditer(text)
            )
            spots = hits[rule.quick] = [hit.span() for hit in found]
        # Searched only around what its quick pattern found: a match contains one.
        return windows(spots, rule.reach, rule.reach, 0, len(text)) if spots else []
    if rule.words is None or not rule.words.isdisjoint(present):
        return where
    return where if any(mark in lower for mark in rule.marks) else []


@dataclass(frozen=True, slots=True)
class _Rule:
    """A rule of RULES, its `needs` sorted out once for the text to be checked quickly."""

    reason: IgnoredReason
    pattern: re.Pattern[str]
    quick: re.Pattern[str] | None
    near_digits: bool
    """Whether the quick pattern matches a digit: its hits lie within the windows around the
    text's numbers, and are looked for there only."""
    words: frozenset[str] | None
    """Lower-case words one of which is a word of the text, for the rule (or its quick pattern)
    to be worth a search (None: no condition)."""
    marks: tuple[str, ...] = ()
    """Or strings other than words one of which the lower-case text contains ("a.m", ":")."""
    reach: int = 30
    """How far a match reaches either side of what the quick pattern finds."""
    at_digits: bool = False
    """Whether the quick pattern starts with a digit ("[0-9]"): its hits lie on the text's
    numbers and at most _PAST_DIGITS characters after them, and are looked for there only."""
    contains: re.Pattern[str] | None = None
    """A pattern every match of the rule contains: windows without it are not searched."""
    first_words: tuple[str, ...] = ()
    """The words one of which every match of the quick pattern starts with (see
    `_first_words`), or none known."""


def _rule(reason: IgnoredReason, pattern: str, needs: Needs) -> _Rule:
    rule = _needs_of(reason, pattern, needs)
    contains = _CONTAINS.get(pattern)
    at_digits = rule.quick is not None and rule.quick.pattern.startswith("[0-9]")
    first_words = () if rule.quick is None else _first_words(rule.quick)
    return dataclasses.replace(
        rule, contains=contains, at_digits=at_digits, first_words=first_words
    )


# A quick pattern that is a few words ("banks|lenders"), or starts with a group of them that
# no quantifier follows ("(?:est|most)\s+[a-z]").
_WORDS_FIRST = re.compile(
    r"(?P<words>[A-Za-z &-]{3,}(?:\|[A-Za-z &-]{3,}){1,11})$"
    r"|\(\?:(?P<group>[A-Za-z &-]{3,}(?:\|[A-Za-z &-]{3,}){1,11})\)(?![?*+{])"
)


def _first_words(quick: re.Pattern[str]) -> tuple[str, ...]:
    """The words one of which every match of `quick` starts with, when it is or starts with an
    alternation of two to twelve words of three letters or more, matched as written: each can
    be found with `str.find`, quicker than a search for the pattern, which stops at every
    letter any of the words starts with."""
    written = _WORDS_FIRST.match(quick.pattern)
    if written is None or quick.flags & (re.IGNORECASE | re.VERBOSE):
        return ()
    if written["group"] and not _no_alternation(quick.pattern[written.end() :]):
        return ()  # "(?:a|b)c|d": a match may start with "d"
    return tuple((written["words"] or written["group"]).split("|"))


def _no_alternation(pattern: str) -> bool:
    """Whether `pattern` has no "|" outside its groups (its escapes and classes dropped first)."""
    pattern = re.sub(r"\[[^\]]*\]", "", re.sub(r"\\.", "", pattern))
    while (inner := re.sub(r"\([^()]*\)", "", pattern)) != pattern:
        pattern = inner
    return "|" not in pattern


def _matches_at_words(
    pattern: re.Pattern[str], text: str, words: tuple[str, ...]
) -> list[re.Match[str]]:
    """`pattern.finditer(text)`, for a pattern every match of which starts with one of `words`:
    the pattern is tried only where one of them is, in text order, past the last match."""
    starts: set[int] = set()
    for word in words:
        index = text.find(word)
        while index != -1:
            starts.add(index)
            index = text.find(word, index + 1)
    found: list[re.Match[str]] = []
    end = 0
    for start in sorted(starts):
        if start >= end:
            match = pattern.match(text, start)
            if match is not None:
                found.append(match)
                end = match.end()
    return found


def _needs_of(reason: IgnoredReason, pattern: str, needs: Needs) -> _Rule:
    compiled = re.compile(pattern)
    if isinstance(needs, Hint):
        near_digits = "[0-9]" in needs.quick.pattern or "\\d" in needs.quick.pattern
        reach = _REACHES.get(pattern, _REACH)
        return _Rule(reason, compiled, needs.quick, near_digits, frozenset(needs.words), (), reach)
    if isinstance(needs, re.Pattern):
        near_digits = "[0-9]" in needs.pattern or "\\d" in needs.pattern
        return _Rule(reason, compiled, needs, near_digits, None, (), _REACHES.get(pattern, _REACH))
    if needs is None:
        return _Rule(reason, compiled, None, False, None)
    words = frozenset(word for word in needs if word.isalpha())
    marks = tuple(word for word in needs if not word.isalpha())
    return _Rule(reason, compiled, None, False, words, marks)


# How far a match of a rule reaches either side of what its quick pattern finds.
_REACH = 30
# The windows most rules are searched in: the text's numbers and this many characters either side.
_AROUND_DIGITS = 30
# How far past its last digit a quick pattern that starts with a digit reaches ("[0-9]\s?%\s?A"
# four characters): each of those in RULES matches digits and a few characters after them.
_PAST_DIGITS = 4
# Rules whose matches reach further from what their quick pattern finds: "Shares in X (X.AX)
# rose 3.1%" names the shares well before the number, "analysts' average estimate of" well
# before the amount.
_REACHES = {
    _SHARE_MOVE: 130,
    _SHARE_PRICE: 110,
    _ELIGIBILITY: 90,
    _TAX_RATE: 60,
    _INDEX_MOVE: 90,
    _INDEX_POINTS: 150,
    _MARKET_PRICE: 120,
    _MARKET_NAMED_PRICE: 120,
    _SHARE_MULTIPLE: 70,
    _EXPECTED: 70,
    _COMMODITY_PRICE: 100,
    _SENSITIVITY: 150,
    _PER_UNIT_SERVES: 70,
    _CONTRACT_PRICE: 80,
    _RATE_NOTE: 40,
    _AT_ONCE: 50,
    _LENDERS: 90,
    _SACK_PRICE: 60,
    _EACH_RECEIVES: 60,
    _ITEM_COST: 120,
    _TURNOUT: 90,
    _NAMED_INDEX_MOVE: 70,
    _FUTURES_QUOTE: 120,
    _LEGAL_RULE: 100,
    _CREDIT_TERMS: 90,
    _PERSONS_BUSINESS: 200,
    _EXCHANGE_RATE: 40,
    _CHARGE_CHANGE: 80,
    _QUOTED_AT: 150,
    _FETCHED: 120,
    _PRICE_RANGE: 120,
    _PAID_PER: 90,
    _EACH_WORTH: 80,
    _QUOTA_CHANGE: 90,
}
# What every match of a rule contains, written as the rule writes it (a look-ahead's words too,
# which lie in the window searched): a quick search for it first skips the windows without it.
_RECIPIENT_WORD = re.compile("|".join(_RECIPIENTS + _RECIPIENTS_PLURAL))
_CONTAINS = {
    _PER_SHARE: re.compile("share"),
    _PREMARKET_PRICE: re.compile("trading"),
    _PAID_EACH: re.compile(f"{_RECIPIENT_WORD.pattern}|each of"),
    _SUBSIDY_EACH: _RECIPIENT_WORD,
    _CLOCK: re.compile(":"),
    _AM_PM: re.compile(r"[ap]\.?m"),
    _STREET_ADDRESS: re.compile(_STREET),
    _DOCUMENT_NUMBER: re.compile(r"No\.|Number"),
    _DISTANCE_AFTER: re.compile("km|miles|met"),
    _DAY_MOVE: re.compile("day|trading"),
    _TARIFF_RATE: re.compile("tariff|dut"),
    _MODEL_NAME: re.compile("Pro|Max|Plus|Ultra|Lite|SUV|EV|sedan|hatchback|pickup|phone|model"),
    _BOURSE_MOVE: re.compile(r"on\s+the"),
    _MARKET_MOVE: re.compile("market|index"),
    _CLASS_BOUND: re.compile(r"than|least|over|under|below|above|up to|as many|or more|or less"),
    _POLICY_RATE: re.compile("[Rr]ate"),
}
_COMPILED = tuple(_rule(reason, pattern, needs) for reason, pattern, needs in RULES)
_WORDS_NEEDED = frozenset(word for rule in _COMPILED for word in rule.words or ())
# Any of the quick patterns that start with a digit (see `non_quantities`), compiled as each
# of them is (no flags): the digit once, then the rest of each of their branches, for a search
# to skip to the digits (as one of alternatives, each starting with a digit, would not).
_AT_DIGITS_QUICK = [rule.quick for rule in _COMPILED if rule.at_digits and rule.quick is not None]
_AT_DIGITS_BRANCHES = [b for quick in _AT_DIGITS_QUICK for b in cues.branches(quick.pattern)]
# (So each branch starts with "[0-9]" and no repeat of it: "[0-9][0-9]{6}", not "[0-9]{7}".)
assert all(b.startswith("[0-9]") and b[5:6] not in "?*+{" for b in _AT_DIGITS_BRANCHES)
_ANY_AT_DIGITS = re.compile(
    f"[0-9](?:{'|'.join(dict.fromkeys(branch[5:] for branch in _AT_DIGITS_BRANCHES))})"
)
assert all(quick.flags == _ANY_AT_DIGITS.flags for quick in _AT_DIGITS_QUICK)


def reason_at(reserved: list[Reserved], start: int, end: int) -> IgnoredReason | None:
    """The reason of the reserved span overlapping `[start, end)`, if any."""
    for span in reserved:
        if span.start < end and start < span.end:
            return span.reason
    return None


def _quotations(text: str, sentences: list[Sentence]) -> list[Reserved]:
    """Quotations, each with the clause after it that names the speaker ("..., said Li, who")."""
    if '"' not in text and "\u201c" not in text:
        return []
    found: list[Reserved] = []
    ends = [sentence.end for sentence in sentences]
    for match in QUOTATION.finditer(text):
        if len(match[0].split()) < _QUOTED_WORDS:
            continue
        end = match.end()
        if ATTRIBUTION.match(text, end):
            index = bisect.bisect_left(ends, end)
            end = max(end, ends[index]) if index < len(ends) else len(text)
        found.append(Reserved(match.start(), end, "quotation"))
    return found


def _furniture(sentences: list[Sentence]) -> list[Reserved]:
    """Header, byline and footer lines: everything after a footer marker is footer."""
    found: list[Reserved] = []
    in_footer = False
    for sentence in sentences:
        if sentence.line_start and FOOTER_START.match(sentence.text):
            in_footer = True
        if in_footer or (sentence.line_start and HEADER_LINE.match(sentence.text)):
            found.append(Reserved(sentence.start, sentence.end, "footer"))
        elif _byline(sentence.text):
            found.append(Reserved(sentence.start, sentence.end, "byline"))
    return found


def _byline(line: str) -> bool:
    """`BYLINE_LINE.search(line)`, quicker: past the line's start only "| Author:" matches."""
    return BYLINE_LINE.match(line) is not None or ("|" in line and bool(BYLINE_LINE.search(line)))


def _overlaps(a: Reserved, b: Reserved) -> bool:
    return a.start < b.end and b.start < a.end
