"""Accuracy and speed of the extractor on sets of articles with answer keys.

    .venv/bin/python benchmarks/extraction.py
    .venv/bin/python benchmarks/extraction.py --set seeds --verbose
    .venv/bin/python benchmarks/extraction.py --set dev --only n --verbose
    .venv/bin/python benchmarks/extraction.py --set dev --gazetteer-size 25000

Sets: `seeds` (seeds/articles with seeds/facts.yaml and benchmarks/extraction/keys/), `dev`
(benchmarks/extraction/dev/: articles to develop rules on, `d..` written with the rules, `u..`,
`t..`, `b..`, `n..`, `m..`, `p..`, `q..`, `r..`, `s..`, `v..`, `w..`, `x..`, `y..`, `z..`, `k..`,
`j..`, `g..`, `f..`, `c..`, `e..`, `a..`, `o..`, `i..`, `l..` and every two-letter set from
`ab..` to `ej..` written and keyed by independent annotators; each set but `d..`, `u..` and `t..`
was scored once blind, then used for development; every blind score is in benchmarks/README.md),
`heldout` (benchmarks/extraction/heldout/: written before any rule was tuned on them; report,
never tune) and `blind` (benchmarks/extraction/blind/: written and keyed by an annotator who read
neither the rules, their tests nor the other sets; report, never tune). `--only PREFIX` keeps the
articles of one set (`a` keeps `a01`, not `ab01`). A folder set is one line of `FOLDER_SETS`; a
missing or empty folder is skipped.
Prints, per set: expected facts found with the same value, unit and comparator and an overlapping
span (recall; a value in another unit of the same base counts: "106 km2" is "1.06e8 m2"),
proposals that match one (precision), period and subject right of those found, strict matches
(value, unit, comparator, period, subject), non-facts proposed as facts (and apart, those of the
kinds the issue names, where a key names kinds); then CPU time per 1,000 words and the memory the
extractor takes. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
HERE = ROOT / "benchmarks" / "extraction"
# Sets read from a folder of HERE: `<name>.txt` articles with `<name>.yaml` keys. A set is added
# with one line (its folder name); a folder that is missing or empty is skipped.
FOLDER_SETS = (
    "dev",  # tuned on these (each set but d.., u.. and t.. was a blind set first)
    "heldout",  # written before any rule was tuned on them: report, never tune
    "blind",  # by an annotator who never read the rules or the other sets: never tune
)
# Indicators a database of regional-economy facts holds besides the seeds' own.
GENERIC_INDICATORS = (
    ("gdp", "Gross domestic product", "CNY"),
    ("foreign-trade", "Foreign trade", "CNY"),
    ("exports", "Exports", "CNY"),
    ("revenue", "Revenue", "CNY"),
    ("population", "Population", "count"),
)
# The kinds of non-fact a key may name (`ignored: [{words: ..., kind: ...}]`); all but `other`
# are the kinds the extraction issue names (dates, phones, addresses, ages, document numbers,
# product names, bylines). `other` is a judgement of the conventions (a framing count, a quoted
# price, a rule's rate, an index's level); a key's plain string names no kind.
NON_FACT_KINDS = (
    "date",
    "time",
    "year",
    "phone",
    "address",
    "age",
    "document_number",
    "product_name",
    "byline",
    "other",
)


@dataclass(frozen=True)
class Expected:
    """One fact an article states, as its answer key gives it."""

    start: int
    end: int
    value: float
    unit: str
    comparator: str
    subject: str
    period: tuple[dt.date, dt.date | None] | None
    indicator: str | None = None
    conversion: bool = False
    curated: bool = False
    """An observation of seeds/facts.yaml (not one the extra key adds)."""


@dataclass(frozen=True)
class NonFact:
    """A number an answer key says is no fact, with its kind when the key names one."""

    start: int
    end: int
    words: str
    kind: str | None = None

    @property
    def named(self) -> bool:
        """Whether it is of a kind the issue names (a date, phone, address, age, ...)."""
        return self.kind is not None and self.kind != "other"


@dataclass
class Article:
    name: str
    text: str
    published_on: dt.date | None
    gazetteer: Any
    facts: list[Expected]
    non_facts: list[NonFact]
    """Spans of numbers that must not become facts, with their words."""


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    read_as_quantities: int = 0
    """Expected facts among the quantities read, fact or not."""
    strict: int = 0
    strict_with_indicator: int = 0
    curated: int = 0
    curated_strict: int = 0
    period_right: int = 0
    subject_right: int = 0
    proposed: int = 0
    proposed_matching: int = 0
    non_facts: int = 0
    non_facts_proposed: int = 0
    named_non_facts: int = 0
    named_non_facts_proposed: int = 0
    words: int = 0
    misses: list[str] = field(default_factory=list)


def parse_period(
    written: str | None, published_on: dt.date | None
) -> tuple[dt.date, dt.date | None] | None:
    """A key's period: "2023", "2023 Q1-Q3", "2024 H1", "2023-12", "2024-01/2024-02",
    "2025-04/2026-03" (a fiscal year across two calendar years), "2019/2023", "since 2018",
    "since 2025-08" (from that month to publication)."""
    if written is None:
        return None
    text = str(written)
    if match := re.fullmatch(r"since (\d{4})(?:-(\d\d))?", text):
        return dt.date(int(match[1]), int(match[2] or 1), 1), published_on
    if match := re.fullmatch(r"(\d{4}) Q(?:1-Q)?(\d)", text):
        first_month = 1 if "-" in text else int(match[2]) * 3 - 2
        return _months(int(match[1]), first_month, int(match[2]) * 3)
    if match := re.fullmatch(r"(\d{4}) H(\d)", text):
        return _months(int(match[1]), int(match[2]) * 6 - 5, int(match[2]) * 6)
    if match := re.fullmatch(r"(\d{4})-(\d\d)(?:/(\d{4})-(\d\d))?", text):
        year, month = int(match[1]), int(match[2])
        return _months(year, month, int(match[4] or month), int(match[3] or year))
    if match := re.fullmatch(r"(\d{4})(?:/(\d{4}))?", text):
        return dt.date(int(match[1]), 1, 1), dt.date(int(match[2] or match[1]), 12, 31)
    raise ValueError(f"unreadable period {written!r}")


def _months(
    year: int, first: int, last: int, last_year: int | None = None
) -> tuple[dt.date, dt.date]:
    """From month `first` of `year` to the end of month `last` (of `last_year`, if given)."""
    end_year = year if last_year is None else last_year
    end = dt.date(end_year + (last == 12), last % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, first, 1), end


def _span(text: str, words: str, within: str | None = None) -> tuple[int, int]:
    """Where `words` first occurs in `text` (inside `within`, if given)."""
    offset = text.index(within) if within else 0
    start = text.index(words, offset)
    return start, start + len(words)


def load_seeds() -> list[Article]:
    """The two seed articles, keyed by seeds/facts.yaml plus keys/seeds_extra.yaml."""
    from service.extraction.gazetteer import Gazetteer, KnownEntity, KnownIndicator

    seeds = yaml.safe_load((ROOT / "seeds" / "facts.yaml").read_text())
    extra = yaml.safe_load((HERE / "keys" / "seeds_extra.yaml").read_text())
    entities = tuple(
        KnownEntity("region", r["id"], (r["name"], *r.get("aliases", [])), r["kind"])
        for r in seeds["regions"]
    ) + tuple(
        KnownEntity("organization", o["id"], _names(o), o["kind"]) for o in seeds["organizations"]
    )
    indicators = tuple(KnownIndicator(i["id"], i["name"], i["unit"]) for i in seeds["indicators"])
    units = {i["id"]: i["unit"] for i in seeds["indicators"]}
    gazetteer = Gazetteer(entities, indicators)
    articles = []
    for source in seeds["sources"]:
        text = (ROOT / "seeds" / source["file"]).read_text()
        published_on = source["published_on"]
        observations = [o for o in seeds["observations"] if o["citation"]["source"] == source["id"]]
        facts = [_seed_fact(text, o, units) for o in observations]
        facts += [
            _seed_extra(text, f, published_on)
            for f in extra["facts"]
            if f["source"] == source["id"]
        ]
        skip = {n["number"] for n in extra["no_longer_unquantified"] if n["source"] == source["id"]}
        non_facts = [
            NonFact(*_span(text, n["number"], n["context"]), n["number"])
            for n in seeds["unquantified_numbers"]
            if n["source"] == source["id"] and n["number"] not in skip
        ]
        articles.append(Article(source["id"], text, published_on, gazetteer, facts, non_facts))
    return articles


def _names(organization: dict[str, Any]) -> tuple[str, ...]:
    names = (organization["name"], organization.get("short_name"), *organization.get("aliases", []))
    return tuple(name for name in names if name)


def _seed_fact(text: str, observation: dict[str, Any], units: dict[str, str]) -> Expected:
    start, end = _span(text, observation["as_reported"], observation["citation"]["quote"])
    period = None
    if observation.get("period_start"):
        period = (observation["period_start"], observation["period_end"])
    return Expected(
        start, end, float(observation["value"]), units[observation["indicator"]],
        observation["comparator"], observation.get("region") or observation["organization"],
        period, observation["indicator"], curated=True,
    )  # fmt: skip


def _seed_extra(text: str, fact: dict[str, Any], published_on: dt.date | None) -> Expected:
    start, end = _span(text, fact["as_reported"], fact["quote"])
    period = parse_period(fact["period"], published_on)
    return Expected(
        start, end, float(fact["value"]), fact["unit"], fact["comparator"], fact["subject"],
        period, fact.get("indicator"), fact.get("conversion", False),
    )  # fmt: skip


def load_folder(folder: Path) -> list[Article]:
    """Articles `<name>.txt` with their keys `<name>.yaml` (facts, ignored, gazetteer)."""
    from service.extraction.gazetteer import Gazetteer, KnownEntity, KnownIndicator

    indicators = tuple(KnownIndicator(*indicator) for indicator in GENERIC_INDICATORS)
    articles = []
    for key_file in sorted(folder.glob("*.yaml")):
        key = yaml.safe_load(key_file.read_text())
        text = key_file.with_suffix(".txt").read_text()
        published_on = key.get("published_on")
        entities = tuple(
            KnownEntity(e["kind"], e["id"], tuple(e["names"])) for e in key.get("gazetteer", [])
        )
        facts = [
            Expected(
                *_span(text, str(f["as_reported"])),
                float(f["value"]),
                f["unit"],
                f["comparator"],
                str(f["subject"]),
                parse_period(f.get("period"), published_on),
                f.get("indicator"),
                f.get("conversion", False),
            )
            for f in key.get("facts", [])
        ]
        non_facts = [_non_fact(text, entry) for entry in key.get("ignored", [])]
        gazetteer = Gazetteer(entities, indicators)
        articles.append(Article(key_file.stem, text, published_on, gazetteer, facts, non_facts))
    return articles


def _non_fact(text: str, entry: str | dict[str, Any]) -> NonFact:
    """A key's `ignored` entry: its words, or a mapping of `words` and `kind`."""
    if not isinstance(entry, dict):
        return NonFact(*_span(text, str(entry)), str(entry))
    if entry["kind"] not in NON_FACT_KINDS:
        raise ValueError(f"unknown non-fact kind {entry['kind']!r}; one of {NON_FACT_KINDS}")
    words = str(entry["words"])
    return NonFact(*_span(text, words), words, entry["kind"])


def _in_set(name: str, prefix: str) -> bool:
    """Whether an article is of the set `prefix` names: "a" keeps `a01`, not `ab01` (set `ab`);
    no prefix keeps every article."""
    return not prefix or (name.startswith(prefix) and name[len(prefix) : len(prefix) + 1].isdigit())


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _same_reading(fact: Any, expected: Expected) -> bool:
    """The same quantity (value to a millionth in the base unit both units share: "106 km2" is
    "1.06e8 m2"), the same comparator, and overlapping spans."""
    from service.units import unit_of

    stated, keyed = unit_of(fact.unit), unit_of(expected.unit)
    value, wanted = fact.value * stated.scale, expected.value * keyed.scale
    close = abs(value - wanted) <= 1e-6 * max(1.0, abs(wanted))
    return (
        close and stated.base == keyed.base and fact.comparator == expected.comparator
        and _overlaps(fact.start, fact.end, expected.start, expected.end)
    )  # fmt: skip


def _subject_right(fact: Any, expected: Expected) -> bool:
    if fact.subject.id is not None:
        return bool(fact.subject.id == expected.subject)
    return " ".join(fact.subject.name.lower().split()) == expected.subject.lower()


def score(article: Article, result: Any, total: Score, verbose: bool) -> None:
    """Add what `result` got right and wrong on `article` to `total`."""
    total.words += len(article.text.split())
    for expected in article.facts:
        total.expected += 1
        total.curated += expected.curated
        total.read_as_quantities += any(_same_reading(q, expected) for q in result.quantities)
        matches = [f for f in result.facts if _same_reading(f, expected)]
        if not matches:
            total.misses.append(
                f"{article.name}: missed {article.text[expected.start : expected.end]!r}"
            )
            continue
        fact = max(
            matches, key=lambda f: (_period(f) == expected.period, _subject_right(f, expected))
        )
        period_right, subject_right = (
            _period(fact) == expected.period,
            _subject_right(fact, expected),
        )
        total.found += 1
        total.period_right += period_right
        total.subject_right += subject_right
        total.strict += period_right and subject_right
        indicator_right = expected.indicator is None or fact.indicator.id == expected.indicator
        total.strict_with_indicator += period_right and subject_right and indicator_right
        total.curated_strict += (
            expected.curated and period_right and subject_right and indicator_right
        )
        if verbose and not (period_right and subject_right and indicator_right):
            total.misses.append(
                f"{article.name}: {fact.as_reported!r} period {fact.period_label} "
                f"(want {expected.period}), subject {fact.subject.id or fact.subject.name} "
                f"(want {expected.subject}), indicator {fact.indicator.id or fact.indicator.name}"
                f" (want {expected.indicator})"
            )
    for fact in result.facts:
        total.proposed += 1
        if any(_same_reading(fact, expected) for expected in article.facts):
            total.proposed_matching += 1
        elif verbose:
            total.misses.append(
                f"{article.name}: extra {fact.as_reported!r} {fact.value} {fact.unit} "
                f"{fact.comparator} ({fact.subject.id or fact.subject.name})"
            )
    for non_fact in article.non_facts:
        proposed = any(_states(fact, non_fact) for fact in result.facts)
        total.non_facts += 1
        total.non_facts_proposed += proposed
        total.named_non_facts += non_fact.named
        total.named_non_facts_proposed += non_fact.named and proposed
        if proposed:
            kind = f" ({non_fact.kind})" if non_fact.kind else ""
            total.misses.append(
                f"{article.name}: non-fact {non_fact.words!r}{kind} proposed as a fact"
            )


def _states(fact: Any, non_fact: NonFact) -> bool:
    """Whether a fact reads its value from the non-fact's words ("No. 8" read as 8).

    A fact may overlap a non-fact without reading it: "two dozen Fortune 500 companies" counts
    24 companies; "Fortune 500" is only part of the noun it counts.
    """
    start, end = non_fact.start, non_fact.end
    if not _overlaps(fact.start, fact.end, start, end):
        return False
    inside = start <= fact.start and fact.end <= end
    numbers = {float(n.replace(",", "")) for n in re.findall(r"\d+(?:[.,]\d+)*", non_fact.words)}
    return inside or any(
        abs(fact.value / scale - n) < 1e-9 for n in numbers for scale in (1, 1e3, 1e6, 1e9, 1e12)
    )


def _period(fact: Any) -> tuple[dt.date, dt.date | None] | None:
    return None if fact.period_start is None else (fact.period_start, fact.period_end)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "n/a"


def report(name: str, articles: list[Article], verbose: bool) -> Score:
    """Run the extractor on a set and print its figures."""
    from service.extraction import extract

    total = Score()
    for article in articles:
        score(
            article, extract(article.text, article.published_on, article.gazetteer), total, verbose
        )
    print(f"\n== {name}: {len(articles)} articles, {total.words:,} words")
    print(
        f"  facts proposed with the key's value, unit, comparator, period and subject: "
        f"{total.strict} of {total.expected} "
        f"({total.strict_with_indicator} also with the key's indicator where it names one)"
    )
    if total.curated:
        print(
            f"  seeds/facts.yaml observations proposed with their value, unit, comparator, "
            f"period, subject and indicator: {total.curated_strict} of {total.curated}"
        )
    print(f"  value+unit+comparator recall    {_ratio(total.found, total.expected)}")
    print(f"  value+unit+comparator precision {_ratio(total.proposed_matching, total.proposed)}")
    print(f"  read as quantities (fact or not) {_ratio(total.read_as_quantities, total.expected)}")
    print(f"  proposals matching nothing      {total.proposed - total.proposed_matching}")
    print(f"  period right, of facts found    {_ratio(total.period_right, total.found)}")
    print(f"  subject right, of facts found   {_ratio(total.subject_right, total.found)}")
    print(f"  non-facts proposed as facts     {_ratio(total.non_facts_proposed, total.non_facts)}")
    if total.named_non_facts:
        named = _ratio(total.named_non_facts_proposed, total.named_non_facts)
        print(f"    of the kinds the issue names  {named}")
    for line in total.misses if verbose else []:
        print(f"    - {line}")
    return total


def speed(name: str, articles: list[Article], min_seconds: float) -> None:
    """CPU milliseconds per 1,000 words: the best of five rounds of repeated runs."""
    from service.extraction import extract

    words = sum(len(article.text.split()) for article in articles)
    best = float("inf")
    for _ in range(5):
        runs, started = 0, time.process_time()
        while time.process_time() - started < min_seconds / 5 or runs < 2:
            for article in articles:
                extract(article.text, article.published_on, article.gazetteer)
            runs += 1
        best = min(best, (time.process_time() - started) * 1000 / (runs * words / 1000))
    verdict = "met" if best < 10 else "NOT met"
    numbers = sum(len(a.facts) for a in articles)
    print(
        f"  {name:8} {best:6.2f} ms  ({words:,} words, {numbers} expected facts: "
        f"{numbers * 1000 / words:.0f} per 1,000 words; {verdict})"
    )


def large_gazetteer(articles: list[Article], size: int) -> None:
    """CPU per 1,000 words when the gazetteer holds `size` synthetic entities besides each
    article's own: the index is built once per gazetteer (timed apart), as the service's cache
    does, so reading should cost what it costs with a small one."""
    from service.extraction import extract
    from service.extraction.gazetteer import Gazetteer

    synthetic = tuple(_synthetic_entity(number) for number in range(size))
    large = [
        Gazetteer(article.gazetteer.entities + synthetic, article.gazetteer.indicators)
        for article in articles
    ]
    started = time.process_time()
    for gazetteer in large:
        gazetteer.index()
    indexing = (time.process_time() - started) * 1000 / len(large)
    words = sum(len(article.text.split()) for article in articles)
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        for article, gazetteer in zip(articles, large, strict=True):
            extract(article.text, article.published_on, gazetteer)
        best = min(best, (time.process_time() - started) * 1000 / (words / 1000))
    verdict = "met" if best < 10 else "NOT met"
    print(
        f"  {size:,} entities: {best:6.2f} ms per 1,000 words ({verdict}); "
        f"the index built once per gazetteer in {indexing:.0f} ms"
    )


def _synthetic_entity(number: int) -> Any:
    """A made-up region or company with a name, a short name and an alias."""
    from service.extraction.gazetteer import KnownEntity

    syllables = ("Bao", "Chen", "Da", "Feng", "Guo", "Hai", "Jin", "Kai", "Long", "Ming")
    word = "".join(syllables[int(digit)] for digit in f"{number:05d}")
    if number % 2:
        return KnownEntity("region", f"synthetic-{number}", (f"{word} county", word), "district")
    names = (f"{word} Industrial Group Co., Ltd.", f"{word} Group", f"{word[:8]} Tech")
    return KnownEntity("organization", f"synthetic-{number}", names, "company")


def memory_probe() -> None:
    """Memory taken by importing the extractor and reading every article once.

    Runs in a fresh process (see `memory`), so that nothing has imported the extractor yet:
    tracemalloc counts what the import and the runs allocate in Python, VmRSS the resident set
    before and after. The texts are read as plain files, with an empty gazetteer.
    """
    texts = [path.read_text() for path in sorted((ROOT / "seeds" / "articles").glob("*.txt"))]
    texts += [
        path.read_text() for folder in FOLDER_SETS for path in sorted((HERE / folder).glob("*.txt"))
    ]
    gc.collect()
    rss_before = _vm_rss_kib()
    tracemalloc.start()
    extraction = importlib.import_module("service.extraction")
    gazetteer = importlib.import_module("service.extraction.gazetteer").Gazetteer()
    for text in texts:
        extraction.extract(text, None, gazetteer)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = _vm_rss_kib()
    verdict = "met" if max(peak, (rss_after - rss_before) * 1024) < 30e6 else "NOT met"
    print(
        f"== memory: importing the extractor and reading {len(texts)} articles: "
        f"{peak / 1e6:.1f} MB allocated at peak (tracemalloc), resident set grew "
        f"{(rss_after - rss_before) / 1024:.1f} MB (target < 30 MB: {verdict})"
    )


def _vm_rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory() -> None:
    """Run `memory_probe` in a process of its own and print what it prints."""
    probe = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--memory-probe"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    print(probe.stdout, end="")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    choices = ("seeds", *FOLDER_SETS, "all")
    parser.add_argument("--set", choices=choices, default="all")
    parser.add_argument("--verbose", action="store_true", help="list every miss and extra")
    parser.add_argument(
        "--only", default="", metavar="PREFIX", help="only the articles of the set PREFIX names"
    )
    parser.add_argument("--min-seconds", type=float, default=2.0, help="CPU time to time over")
    parser.add_argument("--memory-probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--gazetteer-size",
        type=int,
        default=0,
        help="also time the chosen sets with this many synthetic entities in the gazetteer",
    )
    args = parser.parse_args()
    if args.memory_probe:
        memory_probe()
        return 0
    # The gazetteer types are the only part of the extractor the loaders need before `memory`.
    sets = {"seeds": load_seeds()}
    sets.update((name, load_folder(HERE / name)) for name in FOLDER_SETS)
    memory()
    chosen = {
        name: only
        for name, articles in sets.items()
        if args.set in (name, "all")
        and (only := [a for a in articles if _in_set(a.name, args.only)])
    }
    for name, articles in chosen.items():
        report(name, articles, args.verbose)
    print("\n== speed (CPU per 1,000 words, the best of five rounds; target < 10 ms)")
    for name, articles in chosen.items():
        speed(name, articles, args.min_seconds)
    if args.gazetteer_size:
        print("\n== speed with a large gazetteer (CPU per 1,000 words; target < 10 ms)")
        for name, articles in chosen.items():
            print(f"  {name}:", end="")
            large_gazetteer(articles, args.gazetteer_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
