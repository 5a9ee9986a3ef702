"""`growth-atlas ingest`: articles from files become sources and candidates, in one step each.

Each article is written by the commands of the HTTP writes (`createSource`, then
`extractSource`), in one write transaction of its own, recorded as revisions by the actor
`--actor`: an article that fails leaves nothing behind and the others go on.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import msgspec
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col

from schemas.candidates import CandidateRead, ExtractionRunRead
from schemas.sources import SourceCreate, SourceRead
from service.candidates.commands import store_extraction
from service.candidates.reading import read_article
from service.candidates.slugs import numbered, slugify
from service.curation.transaction import WriteSession, write_transaction
from service.db.connection import Database
from service.db.engine import create_engine, create_write_engine
from service.db.tables import Source
from service.errors import DomainError
from service.extraction.gazetteer import Gazetteer
from service.gazetteer import load_gazetteer
from service.settings import Settings
from service.sources.commands import create_source
from service.sources.queries import get_source

_SUFFIXES = (".txt", ".md")
_COLUMNS = ("value", "unit", "comparator", "subject", "indicator", "period", "confidence")


def add_ingest_command(commands: Any) -> None:
    """Add `ingest` to the `growth-atlas` subcommands."""
    ingest = commands.add_parser(
        "ingest", help="store articles as sources and propose their facts as candidates"
    )
    ingest.add_argument("files", nargs="+", type=Path, metavar="FILE", help="files or folders")
    ingest.add_argument("--published-on", required=True, type=dt.date.fromisoformat)
    ingest.add_argument("--title", help="the article's title (one file only); names its id")
    ingest.add_argument("--publisher")
    ingest.add_argument("--url", help="where the article was published (one file only)")
    ingest.add_argument("--language", default="en")
    ingest.add_argument("--actor", default="cli", help="who the revisions say wrote it")
    ingest.add_argument("--quiet", action="store_true", help="no tables: progress and summary")
    ingest.set_defaults(command=_ingest)


def _ingest(settings: Settings, args: argparse.Namespace) -> int:
    paths = list(_article_paths(args.files))
    if not paths:
        print("growth-atlas: no .txt or .md file to ingest", file=sys.stderr)
        return 2
    if len(paths) > 1 and (args.title or args.url):
        print("growth-atlas: --title and --url describe one file", file=sys.stderr)
        return 2
    return asyncio.run(_run(settings, args, paths))


def _article_paths(given: Sequence[Path]) -> Iterator[Path]:
    for path in given:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in _SUFFIXES and p.is_file())
        else:
            yield path


async def _run(settings: Settings, args: argparse.Namespace, paths: list[Path]) -> int:
    engine = create_write_engine(settings)
    progress = Progress(len(paths), sys.stderr) if len(paths) > 1 else None
    started, candidates, failed = time.perf_counter(), 0, 0
    try:
        # Read once: ingesting adds sources and candidates, never the entities it knows.
        gazetteer = await _gazetteer(settings)
        for path in paths:
            try:
                run = await ingest_article(engine, args, path, gazetteer)
            except (DomainError, OSError, UnicodeDecodeError, msgspec.ValidationError) as exc:
                failed += 1
                print(f"growth-atlas: {path}: {_message(exc)}", file=sys.stderr)
            else:
                candidates += run.summary.proposed
                if not args.quiet:
                    print_run(run, sys.stdout)
            if progress is not None:
                progress.advance()
    finally:
        await engine.dispose()
    elapsed = time.perf_counter() - started
    articles = len(paths) - failed
    print(
        f"ingested {articles} article(s), {candidates} candidate(s) in {elapsed:.1f} s"
        + (f"; {failed} failed" if failed else ""),
        file=sys.stderr,
    )
    return 1 if failed else 0


async def _gazetteer(settings: Settings) -> Gazetteer:
    engine = create_engine(settings, autocommit=True)
    db = Database(engine)
    try:
        return await load_gazetteer(db)
    finally:
        await db.close()
        await engine.dispose()


async def ingest_article(
    engine: AsyncEngine, args: argparse.Namespace, path: Path, gazetteer: Gazetteer
) -> ExtractionRunRead:
    """Store the article as a new source and its facts as candidates, in one transaction."""
    text = (await asyncio.to_thread(path.read_text, encoding="utf-8")).removeprefix("\ufeff")
    # Read before the write transaction: other writers need not wait for the extractor.
    extraction = await read_article(text, args.published_on, gazetteer)
    async with write_transaction(engine, args.actor) as session:
        source_id = await _free_source_id(session, slugify(args.title or path.stem) or "article")
        body = {
            "id": source_id,
            "title": args.title,
            "publisher": args.publisher,
            "published_on": args.published_on,
            "url": args.url,
            "language": args.language,
            "text": text,
        }
        await create_source(session, msgspec.convert(body, SourceCreate))
        source = await get_source(session.db, source_id)
        fields = list(SourceRead.__struct_fields__)
        session.record("sources", source_id, f"/v1/sources/{source_id}", "create", fields)
        return await store_extraction(session, source, extraction)


async def _free_source_id(session: WriteSession, base: str) -> str:
    """`base`, or `base-2`, `base-3` ...: the first id no source has."""
    taken = set(
        await session.connection.scalars(
            select(col(Source.id)).where(col(Source.id).startswith(base, autoescape=True))
        )
    )
    number = 1
    source_id = base
    while source_id in taken:
        number += 1
        source_id = numbered(base, number)
    return source_id


def _message(exc: BaseException) -> str:
    return exc.detail if isinstance(exc, DomainError) else str(exc)


def print_run(run: ExtractionRunRead, out: TextIO) -> None:
    """The candidates of one run as an aligned table under a line naming the source."""
    summary = run.summary
    out.write(
        f"\n{run.source}: {summary.proposed} proposed, {summary.already_accepted} already "
        f"accepted, {summary.superseded} superseded (extractor {run.extractor})\n"
    )
    if not run.candidates:
        return
    rows = [_COLUMNS, *(_cells(candidate) for candidate in run.candidates)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    for row in rows:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        out.write("\n")


def _cells(candidate: CandidateRead) -> tuple[str, ...]:
    subject, indicator = candidate.subject, candidate.indicator
    period = candidate.period_label or " .. ".join(
        str(day) for day in (candidate.period_start, candidate.period_end) if day
    )
    return (
        f"{candidate.value:,.12g}",
        candidate.unit,
        candidate.comparator,
        subject.id or f"{subject.name} (new {subject.kind})",
        indicator.id or f"{indicator.name} (new)",
        period or "-",
        f"{candidate.confidence:.2f}",
    )


class Progress:
    """A one-line progress bar, redrawn in place: `[#####.....] 50/100 articles`."""

    WIDTH = 30

    def __init__(self, total: int, out: TextIO) -> None:
        self.total, self.done, self.out = total, 0, out
        self._draw()

    def advance(self) -> None:
        self.done += 1
        self._draw()
        if self.done == self.total:
            self.out.write("\n")

    def _draw(self) -> None:
        filled = self.WIDTH * self.done // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.out.write(f"\r[{bar}] {self.done}/{self.total} articles")
        self.out.flush()
