"""The words that qualify a number: bounds, units, currencies, scales. Add a cue in one line."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar

from schemas.types import Comparator
from service import units

V = TypeVar("V")

# Words just before a number that bound it: "more than 140" is gt 140.
COMPARATOR_BEFORE: dict[str, Comparator] = {
    "more than": "gt", "over": "gt", "above": "gt", "exceeded": "gt", "exceeding": "gt",
    "exceeds": "gt", "exceed": "gt", "topped": "gt", "topping": "gt", "tops": "gt",
    "surpassed": "gt", "surpassing": "gt", "surpasses": "gt", "surpass": "gt", "in excess of": "gt",
    "passed": "gt", "passing": "gt",
    "upwards of": "gt", "greater than": "gt", "higher than": "gt", "beyond": "gt",
    "at least": "gte", "no less than": "gte", "not less than": "gte", "a minimum of": "gte",
    "no fewer than": "gte", "not fewer than": "gte",
    "less than": "lt", "fewer than": "lt", "under": "lt", "below": "lt", "lower than": "lt",
    "up to": "lte", "no more than": "lte", "not more than": "lte", "at most": "lte",
    "a maximum of": "lte", "as many as": "lte", "as much as": "lte",
    "about": "approx", "around": "approx", "nearly": "approx", "roughly": "approx",
    "approximately": "approx", "approx.": "approx", "some": "approx", "close to": "approx",
    "almost": "approx", "an estimated": "approx", "estimated": "approx", "circa": "approx",
    "c.": "approx", "ca.": "approx",  # "Employees: c. 21,400"
    "just over": "gt", "just under": "lt", "well over": "gt", "well above": "gt",
    "top": "gt", "passes": "gt", "crosses": "gt", "crossed": "gt", "closer to": "approx",
    "within": "lte",  # a cap a target sets: "keep unemployment within 5.5 percent"
    "past": "gt",  # after a verb of rising only: "revenue climbed past 2.7 billion yuan"
}  # fmt: skip
# Words just after a quantity that bound it: "500 or more" is gte 500.
COMPARATOR_AFTER: dict[str, Comparator] = {
    "or more": "gte", "and above": "gte", "or above": "gte", "and more": "gte",
    "or so": "approx", "or less": "lte", "and below": "lte", "or fewer": "lte",
}  # fmt: skip

# Words of a sentence that looks ahead: "expects", "will", "forecast".
FORECAST_WORDS = frozenset(
    "expect expects expected expecting forecast forecasts forecasting projected "
    "predicts predicted will anticipates anticipated".split()
)

# Written before the digits: "US$62.6 billion", "¥300", "RMB 13 billion".
CURRENCY_BEFORE = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD", "¥": "CNY", "￥": "CNY",
    "RMB": "CNY", "CNY": "CNY", "€": "EUR", "EUR": "EUR", "HK$": "HKD", "£": "GBP",
    "R$": "BRL", "BRL": "BRL", "Rp": "IDR", "IDR": "IDR", "Rs": "INR", "Rs.": "INR", "₹": "INR",
    "INR": "INR", "PLN": "PLN", "C$": "CAD", "CAD": "CAD", "JPY": "JPY", "RM": "MYR",
    "MYR": "MYR", "MAD": "MAD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "HUF": "HUF",
    "GBP": "GBP", "NGN": "NGN", "₦": "NGN", "THB": "THB", "MOP": "MOP", "MOP$": "MOP",
    "NZ$": "NZD", "S$": "SGD", "SGD": "SGD", "ZAR": "ZAR", "KES": "KES", "VND": "VND",
    "KRW": "KRW", "₩": "KRW", "₫": "VND", "AED": "AED", "R": "ZAR",
    "₱": "PHP", "NT$": "TWD", "₪": "ILS", "৳": "BDT", "₴": "UAH", "₸": "KZT", "S/": "PEN",
    "COL$": "COP", "Mex$": "MXN", "MX$": "MXN", "Sh": "KES", "KSh": "KES", "Ksh": "KES",
    "Dh": "AED", "Dhs": "AED",
    # Signs one country owns, beside the shared "Sh" and "Rs" (NAMESAKE_SIGNS).
    "USh": "UGX", "TSh": "TZS", "NRs": "NPR", "GH₵": "GHS", "GH¢": "GHS", "₺": "TRY",
    "E£": "EGP",
    # The Gulf press's signs: "SR42 billion", "QR10bn", "RO 1.2 million", "KD 300 million".
    "SR": "SAR", "QR": "QAR", "RO": "OMR", "KD": "KWD", "BD": "BHD", "JD": "JOD",
    # Bangladesh's taka: "Tk 412 crore"; Nigeria's press writes the naira "N1.63trn"
    "Tk": "BDT", "Tk.": "BDT", "N": "NGN",
    # The Caucasus, Central Asia, Mongolia, Paraguay, Namibia and Fiji by their signs.
    "₾": "GEL", "₼": "AZN", "֏": "AMD", "₮": "MNT", "₲": "PYG", "N$": "NAD", "FJ$": "FJD",
    # Israel's new shekel, as its press writes it: "NIS 2.74 billion"; Rwanda's franc: "Frw
    # 6.2 billion"
    "NIS": "ILS", "Frw": "RWF", "FRW": "RWF", "Rwf": "RWF",
    # Angola's kwanza ("Kz 187.4 billion"), Sierra Leone's new leone ("NLe 400 million"),
    # Liberia's and Burundi's, Malawi's kwacha ("MK5 billion"), Bosnia's convertible mark ("KM
    # 1.2 billion"), Ethiopia's birr ("Br 5 billion") and Zimbabwe's gold ("ZiG 2.1 billion").
    "Kz": "AOA", "NLe": "SLE", "Le": "SLE", "L$": "LRD", "LD$": "LRD", "FBu": "BIF",
    "MK": "MWK", "KM": "BAM", "Br": "ETB", "ZiG": "ZWG",
    # East Africa's press writes the shilling "Shs" too (Uganda's "UShs"); the CFA franc "FCFA".
    "Shs": "KES", "UShs": "UGX", "Ushs": "UGX", "TShs": "TZS", "FCFA": "XOF", "CFA": "XOF",
}  # fmt: skip
# Currencies written before their digits by ISO code alone ("CHF 300 million", "QAR1.2bn"). The
# codes that spell an English word in capitals ("ALL", "SOS"), a name or a chip maker ("BOB",
# "AMD") are read only by their currency's name or sign.
CURRENCY_BEFORE.update(
    {code: code for code in units.CURRENCIES if code not in ("BOB", "AMD", "ALL", "SOS")}
)
# "¥" is the yuan's sign and the yen's: the yen's in an article that speaks of Japan more than
# of China (these words, in lower case, counted).
YEN_CUES = ("japan", "japanese", "tokyo", "yen")
YUAN_CUES = ("china", "chinese", "yuan", "rmb", "renminbi", "beijing")
# A bare "$" in an article that writes "US$" for the U.S. dollar, and no sign of its own for the
# local dollar (LOCAL_DOLLAR_SIGNS), is the local dollar of the country the article speaks of
# more than of the United States (these words, in lower case).
LOCAL_DOLLAR_CUES = {
    "CAD": ("canada", "canadian", "alberta", "ontario", "quebec", "saskatchewan", "manitoba",
            "columbia", "scotia", "brunswick", "newfoundland", "calgary", "edmonton", "toronto",
            "vancouver", "montreal", "ottawa", "regina", "saskatoon", "winnipeg", "halifax"),
    "AUD": ("australia", "australian", "queensland", "wales", "tasmania", "sydney", "melbourne",
            "perth", "brisbane", "adelaide", "hobart", "canberra", "darwin", "territory",
            "victoria", "pilbara"),
    "NZD": ("zealand", "auckland", "wellington", "christchurch", "canterbury", "waikato",
            "queenstown", "otago", "dunedin", "southland", "marlborough", "tauranga", "rotorua"),
}  # fmt: skip
# Abbreviations with stops, which count as those words do: "B.C. budget projects ...".
LOCAL_DOLLAR_ABBREVIATIONS = {"CAD": ("B.C.", "P.E.I."), "AUD": ("N.S.W.",)}
LOCAL_DOLLAR_SIGNS = {
    "CAD": ("C$", "CA$", "CAD"), "AUD": ("A$", "AU$", "AUD"), "NZD": ("NZ$", "NZD"),
}  # fmt: skip
US_CUES = ("u.s.", "american", "washington", "states")
# A currency name several countries share ("peso": Mexico's, the Philippines', Chile's ...):
# written in an article that names another of those countries (these words, lower case) more
# than the name's usual one, it is that country's. The code the name reads as (UNIT_AFTER), the
# name's forms as written after the number, and each country's code with its cues, the usual one
# first. A name its country qualifies ("Chilean pesos") is in QUALIFIED_CURRENCIES.
NAMESAKE_CURRENCIES: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {
    "MAD": (("dirham",), {
        "MAD": ("morocco", "moroccan", "rabat", "casablanca", "tangier", "tanger"),
        "AED": ("uae", "emirates", "emirati", "abu", "dubai", "sharjah"),
    }),
    "MXN": (("peso",), {
        "MXN": ("mexico", "mexican", "monterrey", "guadalajara", "chihuahua", "banxico"),
        "PHP": ("philippines", "philippine", "filipino", "manila", "cebu", "davao", "luzon",
                "mindanao", "visayas"),
        "CLP": ("chile", "chilean", "santiago", "antofagasta", "valparaiso"),
        "COP": ("colombia", "colombian", "bogota", "medellin", "cali", "barranquilla"),
        "ARS": ("argentina", "argentine", "argentinian", "buenos", "cordoba", "rosario"),
        "DOP": ("dominican", "domingo"),
        "UYU": ("uruguay", "uruguayan", "montevideo"),
    }),
    "INR": (("rupee",), {
        "INR": ("india", "indian", "delhi", "mumbai", "bengaluru", "chennai", "kolkata"),
        "PKR": ("pakistan", "pakistani", "karachi", "lahore", "islamabad"),
        "LKR": ("lanka", "lankan", "colombo"),
        "NPR": ("nepal", "nepali", "nepalese", "kathmandu"),
        "MUR": ("mauritius", "mauritian"),
        "SCR": ("seychelles", "seychellois"),
    }),
    "KES": (("shilling",), {
        "KES": ("kenya", "kenyan", "nairobi", "mombasa"),
        "UGX": ("uganda", "ugandan", "kampala"),
        "TZS": ("tanzania", "tanzanian", "dodoma", "dar"),
        "SOS": ("somalia", "somali", "mogadishu", "kismayo"),
    }),
    "SAR": (("riyal", "rial"), {
        "SAR": ("saudi", "riyadh", "jeddah", "aramco"),
        "QAR": ("qatar", "qatari", "doha"),
        "OMR": ("oman", "omani", "muscat"),
        "IRR": ("iran", "iranian", "tehran", "isfahan", "mashhad"),
        "YER": ("yemen", "yemeni", "sanaa", "aden"),
    }),
    "KWD": (("dinar",), {
        "KWD": ("kuwait", "kuwaiti"),
        "BHD": ("bahrain", "bahraini", "manama"),
        "JOD": ("jordan", "jordanian", "amman"),
        "DZD": ("algeria", "algerian", "algiers"),
        "TND": ("tunisia", "tunisian", "tunis"),
        "RSD": ("serbia", "serbian", "belgrade", "novi", "kragujevac"),
        "IQD": ("iraq", "iraqi", "baghdad", "basra", "erbil"),
        "LYD": ("libya", "libyan", "tripoli", "benghazi", "misrata"),
    }),
    "CHF": (("franc",), {
        "CHF": ("switzerland", "swiss", "zurich", "geneva", "basel", "bern", "lausanne"),
        "XOF": ("cfa", "ivoire", "ivorian", "senegal", "senegalese", "mali", "malian", "burkina",
                "niger", "benin", "togo", "dakar", "abidjan", "bamako", "ouagadougou", "lome"),
        "XAF": ("cfa", "cameroon", "cameroonian", "gabon", "chad", "douala", "yaounde",
                "libreville"),
        "RWF": ("rwanda", "rwandan", "kigali"),
        "CDF": ("drc", "congolese", "kinshasa", "lubumbashi", "kisangani", "goma", "bukavu",
                "kolwezi", "katanga"),
        "GNF": ("guinean", "conakry", "kankan"),
        "BIF": ("burundi", "burundian", "bujumbura", "gitega"),
        "DJF": ("djibouti", "djiboutian"),
    }),
    # "CFA francs" are West Africa's (XOF) or Central Africa's (XAF): the article's countries say.
    "XOF": (("cfa",), {
        "XOF": ("ivoire", "ivorian", "senegal", "senegalese", "mali", "malian", "burkina", "niger",
                "benin", "beninese", "togo", "togolese", "dakar", "abidjan", "bamako",
                "ouagadougou", "lome", "niamey", "cotonou", "bceao", "waemu", "uemoa"),
        "XAF": ("cameroon", "cameroonian", "gabon", "gabonese", "chad", "chadian", "congo",
                "douala", "yaounde", "libreville", "brazzaville", "bangui", "malabo", "beac",
                "cemac"),
    }),
    "NOK": (("krone", "crown", "øre"), {
        "NOK": ("norway", "norwegian", "oslo", "equinor", "bergen", "trondheim", "stavanger",
                "tromso", "troms", "nordland", "finnmark", "statkraft"),
        "DKK": ("denmark", "danish", "copenhagen", "aarhus", "odense", "aalborg", "jutland"),
        "SEK": ("sweden", "swedish", "stockholm", "gothenburg", "malmo", "uppsala", "orebro",
                "riksbank"),
        "CZK": ("czech", "prague", "brno", "ostrava", "plzen"),
        "ISK": ("iceland", "icelandic", "reykjavik", "akureyri"),
    }),
    "RON": (("lei", "leu"), {
        "RON": ("romania", "romanian", "bucharest", "cluj", "timisoara", "iasi", "constanta"),
        "MDL": ("moldova", "moldovan", "chisinau", "balti"),
    }),
}  # fmt: skip
# The units a territory is divided into, as a counted noun ends: "Turkey's 81 provinces",
# "the state's 26 metros". A count of them frames a statement; it is not news.
DIVISIONS = (
    "provinces", "prefectures", "prefecture-level cities", "sub-provincial cities",
    "county-level cities", "counties", "districts", "municipalities", "regions", "states",
    "oblasts", "cantons", "emirates", "governorates", "federative units", "metros",
    "metropolitan areas", "metropolitan cities", "townships", "länder", "territories",
    "regencies", "voivodeships", "wilayas", "parishes", "cities and counties",
    # A city's wards and boroughs: the units a municipal body is divided into.
    "wards", "boroughs", "communes",
)  # fmt: skip
# Counted nouns that are a period's flow, not a set of things: "BYD's 4.3 million deliveries
# beat Tesla's" is news, though a possessive's count opens the clause.
FLOW_COUNTS = frozenset(
    "sales deliveries shipments arrivals visitors visits passengers trips orders jobs hires "
    "layoffs tourists bookings registrations transactions applications admissions".split()
)
# Verbs by which a territory states what it is divided into: "The province has 16 cities".
DIVIDED_INTO = (
    "has", "have", "had", "administers", "administer", "comprises", "comprise", "governs",
    "oversees", "consists of", "is divided into", "are divided into", "divided into",
    # A relative clause that defines a classification: "NUTS 2, which covers 244 regions".
    "which covers", "which cover", "that covers", "that cover",
)  # fmt: skip
# Signs written before the digits that several countries share, and the NAMESAKE_CURRENCIES
# entry whose countries they may mean: "Sh 4.5 billion" is Kenya's, Uganda's or Tanzania's
# shilling, "Rs 300 crore" India's, Pakistan's, Sri Lanka's or Nepal's rupee. A sign one country
# owns ("KSh", "USh", "PKR") is not one of them.
NAMESAKE_SIGNS = {
    "Sh": "KES", "Shs": "KES", "Rs": "INR", "Rs.": "INR", "Dh": "MAD", "Dhs": "MAD",
    "FCFA": "XOF", "CFA": "XOF",
}  # fmt: skip
# Written after the number and its scale: "13 billion RMB", "450 billion yuan".
UNIT_AFTER = {
    "yuan": "CNY", "RMB": "CNY", "renminbi": "CNY", "CNY": "CNY", "元": "CNY",
    "U.S. dollars": "USD", "US dollars": "USD", "U.S. dollar": "USD", "US dollar": "USD",
    "dollars": "USD", "dollar": "USD", "USD": "USD",
    "euros": "EUR", "euro": "EUR", "EUR": "EUR",
    "Hong Kong dollars": "HKD", "pounds sterling": "GBP", "yen": "JPY", "baht": "THB",
    "rupees": "INR", "pesos": "MXN", "won": "KRW", "ringgit": "MYR", "rubles": "RUB",
    "reais": "BRL", "reals": "BRL", "rupiah": "IDR", "zlotys": "PLN", "zloty": "PLN",
    "zlotych": "PLN", "zł": "PLN", "złoty": "PLN", "złotys": "PLN", "złotych": "PLN",
    "birr": "ETB",
    "dirhams": "MAD", "dirham": "MAD", "Canadian dollars": "CAD",
    "Australian dollars": "AUD", "forints": "HUF", "forint": "HUF", "naira": "NGN",
    "patacas": "MOP", "pataca": "MOP", "rand": "ZAR", "shillings": "KES", "shilling": "KES",
    "dong": "VND", "rupee": "INR", "peso": "MXN",
    "Singapore dollars": "SGD", "cedis": "GHS", "lira": "TRY", "rials": "SAR", "riyals": "SAR",
    "riyal": "SAR", "rial": "SAR", "Swiss francs": "CHF", "Swiss franc": "CHF",
    "francs": "CHF", "franc": "CHF",
    "CFA francs": "XOF", "kronor": "SEK", "krona": "SEK", "kroner": "NOK", "krone": "NOK",
    "crowns": "NOK", "crown": "NOK",
    "koruna": "CZK", "korunas": "CZK", "lei": "RON", "shekels": "ILS", "shekel": "ILS",
    "taka": "BDT", "New Taiwan dollars": "TWD", "Taiwan dollars": "TWD", "NT dollars": "TWD",
    "hryvnias": "UAH", "hryvnia": "UAH", "tenge": "KZT", "soles": "PEN", "kwacha": "ZMW",
    "dinars": "KWD", "dinar": "KWD", "Egyptian pounds": "EGP", "Egyptian pound": "EGP",
    "lari": "GEL", "laris": "GEL", "manats": "AZN", "manat": "AZN", "drams": "AMD",
    "soums": "UZS", "tugriks": "MNT", "tugrik": "MNT", "togrog": "MNT", "tögrög": "MNT",
    "meticais": "MZN", "metical": "MZN",
    "riels": "KHR", "riel": "KHR", "bolivianos": "BOB", "boliviano": "BOB", "guaranis": "PYG",
    "guaraníes": "PYG", "quetzales": "GTQ", "quetzals": "GTQ", "quetzal": "GTQ",
    "ariary": "MGA", "pula": "BWP", "liras": "TRY",
    "kwanzas": "AOA", "kwanza": "AOA", "krónur": "ISK", "kronur": "ISK", "króna": "ISK",
    "denars": "MKD", "denari": "MKD", "denar": "MKD", "maloti": "LSL", "loti": "LSL",
    "leones": "SLE", "leone": "SLE", "emalangeni": "SZL", "lilangeni": "SZL",
    "dalasis": "GMD", "dalasi": "GMD", "ouguiyas": "MRU", "ouguiya": "MRU", "leva": "BGN",
    "lev": "BGN", "kyats": "MMK", "kyat": "MMK", "afghanis": "AFN", "somoni": "TJS",
    "ngultrum": "BTN", "rufiyaa": "MVR", "kina": "PGK", "nakfa": "ERN", "escudos": "CVE",
    "lempiras": "HNL", "córdobas": "NIO", "cordobas": "NIO", "colones": "CRC",
    "convertible marks": "BAM", "lek": "ALL", "leks": "ALL", "lekë": "ALL",
    # the CFA franc's sign written after the amount: "18.7 billion FCFA"
    "FCFA": "XOF", "F CFA": "XOF",
    # a currency by its country's adjective, where another country's shares its name
    "Turkish lira": "TRY", "Turkish liras": "TRY", "Pakistani rupees": "PKR",
    "Pakistani rupee": "PKR", "Sri Lankan rupees": "LKR", "Nepalese rupees": "NPR",
    "Indian rupees": "INR", "Kenyan shillings": "KES", "Ugandan shillings": "UGX",
    "Tanzanian shillings": "TZS", "Mexican pesos": "MXN", "Philippine pesos": "PHP",
    "Chilean pesos": "CLP", "Colombian pesos": "COP", "Argentine pesos": "ARS",
    "Qatari riyals": "QAR", "Omani rials": "OMR", "Saudi riyals": "SAR",
    "Bahraini dinars": "BHD", "Jordanian dinars": "JOD", "Iraqi dinars": "IQD",
    "Tunisian dinars": "TND", "Algerian dinars": "DZD", "Kuwaiti dinars": "KWD",
    "UAE dirhams": "AED", "Emirati dirhams": "AED", "Danish kroner": "DKK",
    "Malawian kwacha": "MWK", "New Zealand dollars": "NZD",
    "percent": "percent", "per cent": "percent", "%": "percent", "pct": "percent",
    "pc": "percent",  # the South Asian and Nigerian press: "rose 7.2pc"
    "percentage points": "percentage_point", "percentage point": "percentage_point",
    # tables' and briefs' short forms: "+0.5 pp", "down 1.2 ppt"
    "pp": "percentage_point", "ppt": "percentage_point", "ppts": "percentage_point",
    "kV": "kV", "kilovolts": "kV", "kilovolt": "kV", "V": "V", "volts": "V",
    "kWh": "kWh", "kilowatt-hours": "kWh", "kilowatt hours": "kWh",
    "MWh": "MWh", "GWh": "GWh", "TWh": "TWh",
    "kW": "kW", "kilowatts": "kW", "MW": "MW", "megawatts": "MW", "GW": "GW",
    "gigawatts": "GW", "W": "W", "watts": "W", "kilowatt": "kW", "megawatt": "MW",
    "gigawatt": "GW",
    "metric tons": "t", "metric tonnes": "t", "metric ton": "t", "metric tonne": "t",
    # ore weighed wet or dry: "4.12 million wet metric tonnes"
    "wet metric tonnes": "t", "wet metric tons": "t", "wet tonnes": "t", "wet tons": "t",
    "dry metric tonnes": "t", "dry metric tons": "t", "dry tonnes": "t", "dry tons": "t",
    "wmt": "t", "dmt": "t",
    "tonnes": "t", "tons": "t", "tonne": "t", "ton": "t",
    "t": "t",  # "Copper cathode: 13,560 t (12,410 t)"
    "square kilometers": "km2", "square kilometres": "km2", "sq km": "km2", "km2": "km2",
    "square meters": "m2", "square metres": "m2", "sq m": "m2", "square-metre": "m2",
    "m2": "m2", "m\u00b2": "m2", "sqm": "m2", "km\u00b2": "km2",
    "square-meter": "m2", "square-foot": "ft2",
    "kilometers": "km", "kilometres": "km", "km": "km", "hectares": "ha", "ha": "ha", "mu": "mu",
    "meters": "m", "metres": "m",
    "cubic meters": "m3", "cubic metres": "m3", "TEUs": "TEU", "TEU": "TEU",
    "twenty-foot equivalent units": "TEU", "twenty-foot equivalent unit": "TEU",
    "twenty-foot equivalent container units": "TEU",
    "square feet": "ft2", "sq ft": "ft2", "square-kilometer": "km2", "square-kilometre": "km2",
    "square kilometer": "km2", "square kilometre": "km2",
    "barrels per day": "bbl_per_d", "barrels a day": "bbl_per_d", "bpd": "bbl_per_d",
    "barrels-per-day": "bbl_per_d", "barrel-per-day": "bbl_per_d",
    "b/d": "bbl_per_d",
    "barrels": "bbl", "gigawatt hours": "GWh", "gigawatt-hours": "GWh",
    "gallons": "gal", "gallon": "gal", "litres": "l", "liters": "l", "litre": "l", "liter": "l",
    "bushels": "bu", "bushel": "bu", "bu": "bu",  # "2.67 billion bu"
    # "barrels of oil equivalent per day": counted as barrels a day, as companies report them
    "barrels of oil equivalent per day": "bbl_per_d",
    "barrels of oil equivalent a day": "bbl_per_d", "boe/d": "bbl_per_d", "boepd": "bbl_per_d",
    # a crop's yield
    "tonnes per hectare": "t_per_ha", "tonnes a hectare": "t_per_ha",
    "tons per hectare": "t_per_ha", "tons a hectare": "t_per_ha", "t/ha": "t_per_ha",
    "kilograms": "kg", "kg": "kg", "kilogrammes": "kg", "kilos": "kg",
    "ounces": "oz", "troy ounces": "oz", "oz": "oz",
    "megawatt hours": "MWh", "megawatt-hours": "MWh", "terawatt hours": "TWh",
    "terawatt-hours": "TWh",
    # (only the plurals: "a six-acre farm" is the size of a thing, as "a 1,000-hectare zone" is)
    "kilotonnes": "kt", "kilotons": "kt", "kt": "kt", "megatonnes": "Mt", "Mt": "Mt",
    "quintals": "q", "acres": "acre", "feddans": "feddan", "rai": "rai", "hectolitres": "hl",
    "hectoliters": "hl", "hl": "hl",
}  # fmt: skip
# Currency names their country qualifies, each also written in the singular as an adjective
# ("a 5 billion Kenyan shilling budget").
QUALIFIED_CURRENCIES = {
    "Mexican pesos": "MXN", "Philippine pesos": "PHP", "Chilean pesos": "CLP",
    "Colombian pesos": "COP", "Argentine pesos": "ARS", "Indian rupees": "INR",
    "Pakistani rupees": "PKR", "Sri Lankan rupees": "LKR", "Nepalese rupees": "NPR",
    "Kenyan shillings": "KES", "Ugandan shillings": "UGX", "Tanzanian shillings": "TZS",
    "Saudi riyals": "SAR", "Qatari riyals": "QAR", "Omani rials": "OMR", "UAE dirhams": "AED",
    "Emirati dirhams": "AED", "Moroccan dirhams": "MAD", "Kuwaiti dinars": "KWD",
    "Bahraini dinars": "BHD", "Jordanian dinars": "JOD", "Algerian dinars": "DZD",
    "Tunisian dinars": "TND", "Norwegian kroner": "NOK", "Danish kroner": "DKK",
    "Swedish kronor": "SEK", "Czech korunas": "CZK", "Czech crowns": "CZK",
    "Norwegian crowns": "NOK", "Swedish crowns": "SEK", "Danish crowns": "DKK",
    "Rwandan francs": "RWF",
    "Romanian lei": "RON", "Israeli shekels": "ILS", "Ukrainian hryvnias": "UAH",
    "Kazakh tenge": "KZT", "Peruvian soles": "PEN", "Zambian kwacha": "ZMW",
    "Georgian laris": "GEL", "Azerbaijani manats": "AZN", "Armenian drams": "AMD",
    "Uzbek soums": "UZS", "Kyrgyz soms": "KGS", "Serbian dinars": "RSD",
    "Mongolian tugriks": "MNT", "Central African CFA francs": "XAF", "Mozambican meticais": "MZN",
    "Namibian dollars": "NAD", "Cambodian riels": "KHR", "Bolivian bolivianos": "BOB",
    "Paraguayan guaranis": "PYG", "Guatemalan quetzales": "GTQ", "Malagasy ariary": "MGA",
    "Malawian kwacha": "MWK", "Botswana pula": "BWP", "Iraqi dinars": "IQD",
    "Fijian dollars": "FJD",
    "Angolan kwanzas": "AOA", "Icelandic krónur": "ISK", "Icelandic kronur": "ISK",
    "Macedonian denars": "MKD", "Lesotho maloti": "LSL", "Sierra Leonean leones": "SLE",
    "Gambian dalasis": "GMD", "Liberian dollars": "LRD", "Congolese francs": "CDF",
    "Guinean francs": "GNF", "Burundian francs": "BIF", "Djiboutian francs": "DJF",
    "Libyan dinars": "LYD", "Somali shillings": "SOS", "Sudanese pounds": "SDG",
    "South Sudanese pounds": "SSP", "Lebanese pounds": "LBP", "Syrian pounds": "SYP",
    "Mauritian rupees": "MUR", "Seychellois rupees": "SCR", "Moldovan lei": "MDL",
    "Bulgarian leva": "BGN", "Belarusian rubles": "BYN", "Iranian rials": "IRR",
    "Yemeni rials": "YER", "Dominican pesos": "DOP", "Uruguayan pesos": "UYU",
    "Jamaican dollars": "JMD", "Trinidad and Tobago dollars": "TTD", "Guyanese dollars": "GYD",
    "Albanian lek": "ALL", "Mauritanian ouguiyas": "MRU", "Cape Verdean escudos": "CVE",
    "Honduran lempiras": "HNL", "Nicaraguan córdobas": "NIO", "Costa Rican colones": "CRC",
    "Myanmar kyats": "MMK", "Afghan afghanis": "AFN", "Eswatini emalangeni": "SZL",
    "Swazi emalangeni": "SZL", "Ghanaian cedis": "GHS", "Zimbabwe gold": "ZWG",
}  # fmt: skip
UNIT_AFTER.update(QUALIFIED_CURRENCIES)
UNIT_AFTER.update({name.removesuffix("s"): code for name, code in QUALIFIED_CURRENCIES.items()})
CURRENCIES = frozenset(units.CURRENCIES)

# A price per unit: "$1.65 a pound" is in USD_per_lb. The unit after "a" or "per", its code.
PER_UNIT = {
    "tonne": "t", "ton": "t", "metric ton": "t", "metric tonne": "t", "wet metric tonne": "t",
    "dry metric tonne": "t", "pound": "lb", "barrel": "bbl", "ounce": "oz", "troy ounce": "oz",
    "kilogram": "kg", "kilogramme": "kg", "kilo": "kg", "kg": "kg", "kilowatt-hour": "kWh",
    "kWh": "kWh", "megawatt-hour": "MWh", "MWh": "MWh", "square meter": "m2", "square metre": "m2",
    "litre": "l", "liter": "l",
    "gallon": "gal", "bushel": "bu", "hectare": "ha", "square foot": "ft2", "sq ft": "ft2",
    "sq m": "m2",
}  # fmt: skip
# The units a price is written per after a slash: "US$1.92/lb", "R26,450/oz", "US$9,500/t"
# (lower case in any case: "/MT", "/Lb").
SLASH_UNIT = {
    "lb": "lb", "oz": "oz", "t": "t", "mt": "t", "tonne": "t", "ton": "t", "kg": "kg",
    "bbl": "bbl", "MWh": "MWh", "kWh": "kWh", "m2": "m2", "m\u00b2": "m2", "sqm": "m2", "ha": "ha",
    "l": "l", "litre": "l", "bu": "bu",
}  # fmt: skip

# What a price can be quoted per, beyond PER_UNIT's units: "Rs 2,100 per quintal", "$2,340 per
# 40-foot container", "108 reais per 60-kilogram bag" (a size may come first).
QUOTED_PER = frozenset((
    "quintal", "bag", "sack", "box", "crate", "container", "TEU", "acre", "carat", "cubic metre",
    "cubic meter", "head of cattle", "night", "hour", "share", "vehicle", "car", "box",
    "employee", "job", "household", "family", "month", "week", "day",
))  # fmt: skip
# Words of the clause before a price per unit that make it a region's or a company's figure:
# "an average farm-gate price of 3.4 yuan per kilogram", "cash costs averaged US$18.20 a tonne",
# "the average price of new homes slipped to 8,150 yuan per square meter".
AVERAGE_WORDS = frozenset("average averaged averages averaging mean median".split())
UNIT_PRICE_FIGURE_WORDS = AVERAGE_WORDS | frozenset(
    "cost costs home homes housing residential apartment apartments".split()
)
# Words of the clause that make a price per unit a quote, a charge or a payment, never a figure
# of a place, even an average ("rents averaged $145 per square metre"): a market's price, a rent,
# a freight rate, a subsidy per hectare, a price a board sets.
UNIT_PRICE_QUOTE_WORDS = frozenset(
    "wholesale retail market markets futures benchmark world international quoted "
    "rent rents rental rentals lease leases freight tariff tariffs subsidy subsidies grant "
    "grants support fee fees toll tolls producer mandi auction auctions rates minimum maximum "
    "dividend exchange spot".split()
)
# Phrases that do the same where one of their words alone would not ("cash costs averaged
# US$18.20 a tonne" is a company's cost).
UNIT_PRICE_QUOTE_PHRASES = ("cash price", "spot price", "spot rate")

# Scale words after a number: "450 billion", "100 million", "3.2万", "1.2 trillion".
SCALE_AFTER = {
    "hundred million": 1e8, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12, "bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12,
    "bln": 1e9, "trln": 1e12, "tln": 1e12,
    "mil": 1e6,  # Malaysia's press: "RM18.7mil"
    "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "lakh crore": 1e12,
    "lakh crores": 1e12, "thousand crore": 1e10,
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4,
}  # fmt: skip


# Words before "from" that make "from 120 to 150 million" a range rather than a change.
RANGE_BEFORE_FROM = frozenset(
    "range ranges ranged ranging anywhere vary varies varied varying spanning".split()
)

# Words just before a change in percent that make it a decline: "fell 3 percent" is -3.
DECLINE_BEFORE = frozenset(
    "fell fall falls falling dropped drop drops declined decline declines declining decreased "
    "decrease decreases shrank shrink shrinks shrunk contracted contract contracts slid slide "
    "slipped slip plunged plunge tumbled sank slumped lost down narrowed narrow narrows "
    "narrowing shave shaved shaves trimmed trim trims lowered eased eases dipped dip dips "
    "shed sheds shedding cut cuts cutting slashed slashing lose loses losing fallen slump slumps "
    "tumbles plunges sinks slides shrinking contracting dropping sliding slipping plunging "
    "tumbling sinking dipping slumping decreasing slips".split()
)
# Verbs that cut a thing they name before "by": "a drought cut wheat yields by 2.1 percent".
CUT_VERBS = frozenset(
    "cut cuts cutting reduced reduces reducing lowered lowers lowering trimmed trims trimming "
    "slashed slashes slashing".split()
)
# Verbs of a change that "by" follows: "the number of unemployed climbed by 2,140".
CHANGE_BY_VERBS = DECLINE_BEFORE | frozenset(
    "rose rise rises rising climbed climb climbs increased increase increases grew grow grows "
    "jumped jump jumps gained gain gains added add adds up expanded edged".split()
)
# Verbs whose object a bare whole number is, as a change of a count: "Austin added 19,600".
COUNT_CHANGE_VERBS = frozenset(
    "added adds shed sheds lost loses created creates cut cuts gained gains".split()
)
# Plural subjects whose bare level is money or a rate, not a count: "Exports rose to 5,000".
NOT_COUNT_SUBJECTS = frozenset(
    "exports imports sales revenues earnings profits receipts prices rates costs wages "
    "levels volumes values shares stocks yields indices indexes points reserves deposits loans "
    "tariffs".split()
)
# Words just after a change that make it a decline against an earlier time: "0.3 points lower
# than a year earlier", "9 percent fewer than twelve months earlier", "45% below pre-quake
# levels" (a gap to another place, "2 points below the national average", is not).
DECLINE_AFTER = re.compile(
    # "22% less in August than a year earlier": the period may come between.
    r"\s+(?:lower|less|below|smaller|fewer|down)\s+(?:(?:in|during)\s+(?:the\s+)?[A-Za-z]+\s+)?"
    r"(?:than\s+|from\s+|on\s+)?(?:(?:in|at)\s+)?"
    r"(?:a\s+(?:year|month|quarter)|the\s+(?:previous|prior|same|year|month|quarter)|last|"
    r"the\s+end\s+of\s+(?:last|the\s+previous|the\s+prior)\b|"
    # "11.2% fewer than in June 2024", "41% below the long-term average" (a gap to "the national
    # average" is no decline)
    r"(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d\d\b|"
    r"the\s+(?:long-term|historical|[\w-]+-year)\s+average\b|(?:average|normal)\b|"
    r"[\w-]+\s+(?:years?|months?|quarters?)\s+(?:earlier|ago|before)\b|"
    r"(?:(?:the|their|its)\s+)?pre-[\w-]+|"
    r"(?:the|their|its)\s+(?:[A-Z][a-z]+\s+)?(?:(?:19|20)\d\d\s+)?(?:peak|high|record)\b)"
)
# Words after a count that say it was lost: "2,000 jobs have been lost", "300 posts were cut".
LOST_AFTER = re.compile(
    r"\s+(?:have|has|had|were|was|will\s+be)\s+(?:been\s+)?(?:lost|cut|shed|axed|eliminated)\b"
)
# Nouns of a decline: "a decrease of 11.9 percent", "a 3 percent drop".
DECLINE_NOUNS = frozenset("decrease decline drop fall contraction reduction cut loss".split())
# Verbs of a multiple, in percent of the amount before: "doubled" is up 100 percent.
MULTIPLES = {
    "doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0, "halved": -50.0,
    "double": 100.0, "triple": 200.0,
    # "more than doubling", "a tripling of capacity"
    "doubling": 100.0, "tripling": 200.0, "quadrupling": 300.0, "halving": -50.0,
}  # fmt: skip
# Multiples that are also adjectives ("double-digit growth"): a change only when compared with
# an amount ("more than double the 2023 volume") or bound ("nearly triple").
MULTIPLE_ADJECTIVES = frozenset({"double", "triple"})


# Months as AP style and tables write them short ("Sept. 30", "24 Nov"); "May" is written whole.
MONTH_ABBREVIATED = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
# A superlative ("largest", "busiest"), not a noun that ends as one ("the 2024-25 harvest").
SUPERLATIVE = (
    r"(?!(?:harvest|interest|forest|request|protest|contest|conquest|digest|manifest|arrest|"
    r"invest|test|west|guest|chest|quest|rest|nest|vest|suggest|crest|honest|modest)\b)[a-z]+est"
)


def alternation(phrases: Mapping[str, object] | frozenset[str]) -> str:
    """A regex alternation of `phrases`, longest first; any white space run matches a space.

    Lower-case words match in any case ("Yuan", "PERCENT"); symbols and unit codes ("kV", "MW",
    "RMB") only as written, so "mw" or "v" in prose is not a unit.
    """
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(_pattern(phrase) for phrase in ordered)


def _pattern(phrase: str) -> str:
    escaped = re.escape(phrase).replace(r"\ ", r"\s+")
    return f"(?i:{escaped})" if phrase.islower() else escaped


def by_first_character(pattern: str, guard: str = "") -> str:
    """`pattern`, an alternation, with its branches that start with the same letter or digit
    written once as that character and the group of their rests: "Tax|TAX|levy" ->
    "T(?:ax|AX)|l(?:evy)". A search for the alternation stops at each character a branch can
    start with and tries every branch there; grouped, only those that start with it. `guard`
    (a pattern of `{first}`, the character) follows each first character: "(?<!\\w{first})" for
    a first letter not inside a word, which a search tries only where that letter is.

    A branch is only moved ahead of branches that start with another character: one that
    starts with a group or a class may match where it does, and keeps its place before it. For
    patterns matched as written (no IGNORECASE: "T" and "t" start different groups) and without
    numbered groups (moving a branch renumbers them).
    """
    groups: list[tuple[str, list[str]]] = []  # ("", [branch]) for one that starts otherwise
    for branch in branches(pattern):
        first = branch[:1]
        if not first.isalnum() or branch[1:2] in ("?", "*", "+", "{"):
            groups.append(("", [branch]))
            continue
        for earlier, rests in reversed(groups):
            if earlier in ("", first):
                if earlier == first:
                    rests.append(branch[1:])
                    break
                groups.append((first, [branch[1:]]))
                break
        else:
            groups.append((first, [branch[1:]]))
    return "|".join(
        f"{first}{guard.format(first=first)}(?:{'|'.join(rests)})" if first else rests[0]
        for first, rests in groups
    )


def branches(pattern: str) -> list[str]:
    """The branches of `pattern` at its top level (not in a group or a class)."""
    branches, depth, in_class, start, index = [], 0, False, 0, 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            # a "]" first in a class ("[]a]", "[^]a]") is one of its characters
            first = index + 2 if pattern.startswith("^", index + 1) else index + 1
            if pattern.startswith("]", first):
                index = first
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and not depth:
            branches.append(pattern[start:index])
            start = index + 1
        index += 1
    return [*branches, pattern[start:]]


def folded(table: Mapping[str, V]) -> dict[str, V]:
    """`table` keyed by its phrases lower-cased with white space folded, for look-ups."""
    return {fold(phrase): value for phrase, value in table.items()}


def fold(written: str) -> str:
    """Lower case, every white space run one space: "Per\u2002Cent" -> "per cent"."""
    return " ".join(written.split()).lower()


# The month the fiscal year starts in a country whose fiscal year does not start in January, and
# names that say an article is about it: there "2024-25" is a fiscal year (July-June in
# Australia, New Zealand and most U.S. states; April-March in India, South Africa, Japan,
# Canada and Britain). The cue the text names first wins.
FISCAL_YEAR_STARTS = (
    (7, ("Australia", "Australian", "New Zealand", "A$", "NZ$", "Queensland",
         "New South Wales", "Western Australia", "Tasmania", "Northern Territory", "Darwin",
         "South Australia", "Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra",
         "Auckland", "Wellington", "Christchurch")),
    (7, ("Colorado", "California", "Oregon", "Washington state", "Arizona", "Nevada", "Utah",
         "Illinois", "Ohio", "Pennsylvania", "Massachusetts", "Florida", "Minnesota",
         "Wisconsin", "Maryland", "Virginia", "North Carolina", "New Jersey", "Connecticut")),
    (7, ("Pakistan", "Pakistani", "Bangladesh", "Bangladeshi", "Egypt", "Egyptian", "Kenya",
         "Kenyan", "Uganda", "Ugandan", "Tanzania", "Tanzanian", "Ethiopia", "Ethiopian",
         # their currencies, and the cities their regional news names before the country
         "Sh", "KSh", "USh", "TSh", "KES", "UGX", "TZS", "ETB", "PKR", "BDT", "EGP",
         "Nairobi", "Mombasa", "Kisumu", "Eldoret", "Kampala",
         "Jinja", "Dar es Salaam", "Dodoma", "Mwanza", "Arusha", "Addis Ababa", "Karachi",
         "Lahore", "Islamabad", "Faisalabad", "Dhaka", "Chattogram", "Chittagong", "Cairo")),
    (4, ("India", "Indian", "INR", "crore", "lakh", "ZAR", "South Africa", "South African",
         "Namibia", "Namibian", "Windhoek", "Walvis Bay", "Botswana", "Gaborone", "Japan",
         "Japanese", "Canada", "Canadian", "Britain", "British", "United Kingdom",
         # Canada's provinces, which their news names before the country
         "British Columbia", "B.C.", "Alberta", "Ontario", "Quebec", "Saskatchewan",
         "Manitoba", "Nova Scotia", "New Brunswick", "Newfoundland",
         # India's states and cities, which its regional news names before the country
         "Rajasthan", "Maharashtra", "Gujarat", "Tamil Nadu", "Karnataka", "Kerala",
         "Uttar Pradesh", "Madhya Pradesh", "Andhra Pradesh", "Telangana", "Odisha",
         "West Bengal", "Punjab", "Haryana", "Bihar", "Assam", "Mumbai", "Bengaluru", "Chennai",
         "Hyderabad", "Kolkata", "New Delhi")),
)  # fmt: skip
