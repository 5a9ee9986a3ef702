"""SQLite reads through the standard library driver, on the event loop, with a bound.

The API's reads are indexed and bounded (a page is at most 500 rows): on SQLite they take tens
to hundreds of microseconds, less than handing them to a thread and back. So a `Prepared`
statement runs inline, on one read-only connection (`mode=ro`, `query_only`) whose statements
the driver keeps prepared, under a progress handler that interrupts it once it has run for
`INLINE_BUDGET_SECONDS`; an interrupted or busy statement runs again on a thread. Reads that are
not index-bounded (exports) go to a thread directly. Threads keep a connection of their own,
at the lowest priority; their statements are interrupted after `db_statement_timeout_seconds`,
the way PostgreSQL's `statement_timeout` bounds a statement.

Writes never come here: they keep the serialised transactions of the write engine.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
import threading
import time
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

import msgspec
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import make_url

from service.db.typing import AnySelect
from service.settings import Settings

Rows = Sequence[Sequence[Any]]

# The longest an inline statement may hold the event loop. The reads it is meant for take
# 0.05 to 3 ms (a page of 500 observations with their citations is the largest), so 20 ms is
# several times the slowest of them: it interrupts only a statement that is not what the API
# normally runs (a cold cache, a plan gone wrong), which then finishes on a thread. Every other
# request waits at most this long behind it, about the cost of ten ordinary requests.
INLINE_BUDGET_SECONDS = 0.02
# SQLite calls the progress handler every this many virtual machine instructions: about every
# 10 to 50 microseconds, so the budget is kept to well under a millisecond.
PROGRESS_INSTRUCTIONS = 1000
# Statements kept prepared per connection: every hot read's shape, with room to spare.
STATEMENT_CACHE_SIZE = 512

_DIALECT = SQLiteDialect_pysqlite(json_deserializer=msgspec.json.decode)
# Interrupted by the progress handler, or the database locked: worth running on a thread.
_RETRY_ON_THREAD = {sqlite3.SQLITE_INTERRUPT, sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}

Processor = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class SqliteStatement:
    """A statement compiled once for SQLite, with the conversions SQLAlchemy would apply."""

    sql: str
    names: tuple[str, ...]
    """The parameter name of each `?`, in order."""
    given: Mapping[str, Any]
    """Values the statement itself gives some parameters."""
    binds: Mapping[str, Processor]
    results: tuple[tuple[int, Processor], ...]
    """Column index and converter of each column that needs one (dates, JSON, ...)."""

    def arguments(self, parameters: Mapping[str, Any]) -> list[Any]:
        values = {**self.given, **parameters} if self.given else parameters
        out = []
        for name in self.names:
            value = values[name]
            convert = self.binds.get(name)
            out.append(convert(value) if convert is not None and value is not None else value)
        return out

    def convert(self, rows: Sequence[Any]) -> Rows:
        if not self.results:
            return rows
        converted = []
        for row in rows:
            values = list(row)
            for index, convert in self.results:
                if values[index] is not None:
                    values[index] = convert(values[index])
            converted.append(values)
        return converted


class _Converting(Sequence[Sequence[Any]]):
    """Rows converted as they are read, a slice at a time: an export's batch of thousands is
    then not converted in one go on the event loop."""

    def __init__(self, rows: list[Any], statement: SqliteStatement) -> None:
        self._rows = rows
        self._statement = statement

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Sequence[Any]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Sequence[Any]]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return self._statement.convert(self._rows[index])
        return self._statement.convert([self._rows[index]])[0]


def compile_for_sqlite(statement: AnySelect) -> SqliteStatement:
    compiled = statement.compile(dialect=_DIALECT)
    if "POSTCOMPILE" in compiled.string:
        raise ValueError("expanding parameters cannot be prepared once")
    names = tuple(compiled.positiontup or ())
    binds = {}
    for name in set(names):
        processor = compiled.binds[name].type.dialect_impl(_DIALECT).bind_processor(_DIALECT)
        if processor is not None:
            binds[name] = processor
    results = []
    for index, column in enumerate(statement.selected_columns):
        processor = column.type.dialect_impl(_DIALECT).result_processor(_DIALECT, None)
        if processor is not None:
            results.append((index, processor))
    given = {name: value for name, value in compiled.params.items() if value is not None}
    return SqliteStatement(compiled.string, names, given, binds, tuple(results))


def readable_path(settings: Settings) -> Path | None:
    """The database file of a SQLite URL; None for PostgreSQL or an in-memory database, whose
    data no second connection could see."""
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(str(url.database))


class _Deadline:
    """A progress handler: interrupts the statement of its connection once `at` has passed."""

    def __init__(self) -> None:
        self.at = float("inf")

    def __call__(self) -> int:
        return 1 if time.perf_counter() > self.at else 0


class _Running:
    """The connection a worker thread runs a statement on, while it does."""

    def __init__(self) -> None:
        self.connection: sqlite3.Connection | None = None

    def interrupt(self) -> None:
        # Thread-safe; a no-op once the statement is over.
        connection = self.connection
        if connection is not None:
            connection.interrupt()


class SqliteReads:
    """The read-only connections of one process: one inline, one per worker thread."""

    def __init__(self, path: Path, settings: Settings) -> None:
        self._uri = f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro"
        self._statement_timeout = settings.db_statement_timeout_seconds
        self._busy_timeout = settings.db_pool_timeout_seconds
        self._threads = ThreadPoolExecutor(
            # A connection (and its page cache) per thread; they share the GIL and one core.
            max_workers=min(settings.db_pool_size, WORKER_THREADS),
            thread_name_prefix="sqlite-read",
            initializer=_yield_to_the_event_loop,
        )
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._inline: sqlite3.Connection | None = None
        self._inline_deadline = _Deadline()

    def data_version(self) -> int:
        """Changes whenever another connection commits: every writer is another connection."""
        return int(self._run_inline("PRAGMA data_version", ())[0][0])

    async def rows(self, statement: SqliteStatement, parameters: Mapping[str, Any]) -> Rows:
        """Inline within the budget; on a thread when that runs out or the file is busy."""
        arguments = statement.arguments(parameters)
        try:
            return statement.convert(self._run_inline(statement.sql, arguments))
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode not in _RETRY_ON_THREAD:
                raise _wrapped(statement.sql, arguments, exc) from exc
        except sqlite3.Error as exc:
            raise _wrapped(statement.sql, arguments, exc) from exc
        return await self.rows_on_thread(statement, parameters)

    async def rows_on_thread(
        self, statement: SqliteStatement, parameters: Mapping[str, Any]
    ) -> Rows:
        """On a worker thread: for statements that may run long (the loop stays free). The
        rows are converted as they are read."""
        arguments = statement.arguments(parameters)
        loop = asyncio.get_running_loop()
        running = _Running()
        # The statement timeout, from the loop: a progress handler on the thread would take the
        # GIL every few microseconds, and a thread of the lowest priority holding the GIL while
        # the kernel runs others would hold up the loop.
        timer = loop.call_later(self._statement_timeout, running.interrupt)
        try:
            rows = await loop.run_in_executor(
                self._threads, self._run_threaded, statement.sql, arguments, running
            )
        except sqlite3.Error as exc:
            timer.cancel()
            raise _wrapped(statement.sql, arguments, exc) from exc
        # Not cancelled if the request was: the statement still runs, and still has its bound.
        timer.cancel()
        return _Converting(rows, statement) if statement.results else rows

    def close(self) -> None:
        self._threads.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            opened, self._opened = self._opened, []
        for connection in opened:
            connection.close()
        self._inline = None

    def _run_inline(self, sql: str, arguments: Sequence[Any]) -> list[Any]:
        if self._inline is None:
            # No busy wait inline: a locked file is retried on a thread, which may wait.
            self._inline = self._connect(timeout=0.0, deadline=self._inline_deadline)
        self._inline_deadline.at = time.perf_counter() + INLINE_BUDGET_SECONDS
        try:
            return self._inline.execute(sql, arguments).fetchall()
        finally:
            self._inline_deadline.at = float("inf")

    def _run_threaded(self, sql: str, arguments: Sequence[Any], running: _Running) -> list[Any]:
        local = self._local
        if getattr(local, "connection", None) is None:
            local.connection = self._connect(self._busy_timeout)
        running.connection = local.connection
        try:
            return local.connection.execute(sql, arguments).fetchall()  # type: ignore[no-any-return]
        finally:
            running.connection = None

    def _connect(self, timeout: float, deadline: _Deadline | None = None) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self._uri,
            uri=True,
            timeout=timeout,
            isolation_level=None,  # autocommit: each read is its own snapshot, no open transaction
            check_same_thread=False,  # closed by `close`, from another thread than its own
            cached_statements=STATEMENT_CACHE_SIZE,
        )
        connection.execute("PRAGMA query_only = ON")
        if deadline is not None:
            connection.set_progress_handler(deadline, PROGRESS_INSTRUCTIONS)
        with self._lock:
            self._opened.append(connection)
        return connection


# Threads of the reads that do not run inline: exports read one batch at a time per process
# (service/exports/streams.py), and a statement too slow to run inline is rare.
WORKER_THREADS = 4
# Niceness of the worker threads: the server runs on one core, and SQLite's work on a thread
# (an export's batches, a statement too slow to run inline) must not take the CPU from the
# event loop, which serves every other request: the kernel gives the loop ~98 % against one.
WORKER_NICENESS = 19


def _yield_to_the_event_loop() -> None:
    # On Linux a thread has a niceness of its own; raising it needs no privilege.
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICENESS)


def _wrapped(sql: str, arguments: Sequence[Any], exc: sqlite3.Error) -> sa_exc.DBAPIError:
    """As SQLAlchemy would raise it, so errors.py answers it like any database error."""
    if isinstance(exc, sqlite3.OperationalError):
        return sa_exc.OperationalError(sql, list(arguments), exc)
    return sa_exc.DBAPIError(sql, list(arguments), exc)


def create_sqlite_reads(settings: Settings) -> SqliteReads | None:
    """The short read path on SQLite; None on PostgreSQL, in memory, or with `echo_sql` (so
    that every statement goes through the engine and its log)."""
    path = readable_path(settings)
    if path is None or settings.echo_sql:
        return None
    return SqliteReads(path, settings)
