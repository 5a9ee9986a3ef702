"""What every benchmark script shares: servers it starts and always stops, wrk, and a time bound.

Only 127.0.0.1 is ever contacted. Servers run in their own process group, so stopping one stops
whatever it forked, and nothing else.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "benchmarks"
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
SERVER_CPU = "1"
WRK_CPU = "0"
WRK = os.environ.get("WRK", "/usr/bin/wrk")


# ---------------------------------------------------------------- time bound and signals


class BenchTimeout(Exception):
    """The script ran past its own --max-seconds."""


def _raise_timeout(_signum: int, _frame: object) -> None:
    raise BenchTimeout("the benchmark ran past its --max-seconds bound")


def _raise_exit(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def install_bounds(max_seconds: int) -> None:
    """Stop the script after `max_seconds`, and turn SIGTERM/SIGHUP into a clean exit.

    Both raise in the main thread, so every `with Server(...)` block stops its server.
    """
    # The driver (this process, and wrk) stays off the server's core.
    os.sched_setaffinity(0, {int(WRK_CPU)})
    signal.signal(signal.SIGALRM, _raise_timeout)
    signal.signal(signal.SIGTERM, _raise_exit)
    signal.signal(signal.SIGHUP, _raise_exit)
    signal.alarm(max_seconds)


def run_main(main: Callable[[], int]) -> NoReturn:
    """Run a script's `main`; its time bound ends it with a message and exit status 124."""
    try:
        code = main()
    except BenchTimeout as exc:
        print(f"stopped: {exc}", file=sys.stderr)
        code = 124
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        code = 130
    raise SystemExit(code)


def add_common_args(parser: argparse.ArgumentParser, *, max_seconds: int) -> None:
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk measurement")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk warm-up, discarded")
    parser.add_argument("--connections", type=int, default=32, help="wrk -c")
    parser.add_argument("--threads", type=int, default=1, help="wrk -t")
    parser.add_argument(
        "--repeat", type=int, default=1, help="measure this many times, keep the best (noise)"
    )
    parser.add_argument(
        "--quiet-threshold",
        type=float,
        default=0.25,
        help="before each measurement, wait until other processes use fewer cores than this",
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=60.0,
        help="longest wait for a quiet machine before each measurement, s (0: never wait)",
    )
    parser.add_argument(
        "--max-seconds",
        type=int,
        default=max_seconds,
        help=f"hard bound on the whole run (default {max_seconds})",
    )


# ---------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def http_get(url: str, timeout: float = 30.0) -> tuple[int, dict[str, str], bytes]:
    """GET `url` (always 127.0.0.1); returns status, lower-cased headers and body."""
    assert url.startswith(f"http://{HOST}:"), url
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers = {k.lower(): v for k, v in response.headers.items()}
            return response.status, headers, response.read()
    except urllib.error.HTTPError as exc:
        headers = {k.lower(): v for k, v in exc.headers.items()}
        return exc.code, headers, exc.read()


@dataclass
class Server:
    """A server pinned to one core, started on enter and stopped on exit, whatever happens."""

    name: str
    command: Sequence[str]
    port: int
    ready_path: str
    env: dict[str, str] = field(default_factory=dict)
    cpu: str = SERVER_CPU
    startup_timeout: float = 60.0
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def __enter__(self) -> Server:
        env = {**os.environ, **self.env}
        log = tempfile.NamedTemporaryFile(prefix=f"bench-{self.name}-", suffix=".log", delete=False)
        self.log_path = Path(log.name)
        # taskset execs the server, so `process.pid` is the server itself (one worker, no
        # supervisor); its own session makes it the leader of a group we can stop as a whole.
        self.process = subprocess.Popen(
            ["taskset", "-c", self.cpu, *self.command],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        last = "no answer"
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with {self.process.returncode}:\n{self.log()}"
                )
            try:
                status, _, body = http_get(self.base_url + self.ready_path, timeout=5)
                if status == 200:
                    return
                last = f"HTTP {status}: {body[:300]!r}"
            except OSError as exc:
                last = str(exc)
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} not ready after {self.startup_timeout:.0f} s ({last})")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=25)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def log(self) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return self.log_path.read_text(errors="replace")[-4000:]


def rss_kib(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of `pid`, in KiB, from /proc/<pid>/status."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0])
    return values


def children_of(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def our_server(database_url: str, port: int, **env: str) -> Server:
    """`growth-atlas serve` with production settings (warning log level, defaults otherwise)."""
    return Server(
        name="ours",
        command=[str(VENV_BIN / "growth-atlas"), "serve", "--host", HOST, "--port", str(port)],
        port=port,
        ready_path="/v1/indicators?limit=1",
        env={
            "GROWTH_ATLAS_DATABASE_URL": database_url,
            "GROWTH_ATLAS_LOG_LEVEL": "warning",
            # wrk drives from one address: the highest limit keeps the limiter's cost in the
            # measurement without answering 429s.
            "GROWTH_ATLAS_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "1000000",
            **env,
        },
    )


def uvicorn_command(app: str, app_dir: Path, port: int, *, factory: bool = False) -> list[str]:
    """uvicorn served the way `growth-atlas serve` is: uvloop, httptools, one worker, quiet."""
    command = [
        str(VENV_BIN / "uvicorn"),
        app,
        "--app-dir",
        str(app_dir),
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        "1",
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--no-access-log",
        "--no-server-header",
        "--log-level",
        "warning",
    ]
    return [*command, "--factory"] if factory else command


def peer_server(database_url: str, port: int, *, eager: bool = False) -> Server:
    """The FastAPI peer (benchmarks/peer_fastapi) under the same uvicorn setup."""
    return Server(
        name="peer-eager" if eager else "peer",
        command=uvicorn_command("peer_fastapi.main:app", BENCH_DIR, port),
        port=port,
        ready_path="/v1/organizations?limit=1",
        env={"PEER_DATABASE_URL": database_url, "PEER_EAGER_LOADING": "1" if eager else ""},
    )


def ceiling_server(manifest: Path, port: int) -> Server:
    """The do-nothing Litestar app (benchmarks/ceiling_app.py) sending pre-encoded bodies."""
    return Server(
        name="ceiling",
        command=uvicorn_command("ceiling_app:create_app", BENCH_DIR, port, factory=True),
        port=port,
        ready_path="/v1/regions/x",
        env={"CEILING_RESPONSES": str(manifest)},
    )


# ---------------------------------------------------------------- CPU accounting
#
# The machine has two cores and may be shared (another session's test suite, say). Every
# measurement says where the CPU went meanwhile, so a reader can tell a clean run from a noisy one.

_CLK = os.sysconf("SC_CLK_TCK")
# PostgreSQL's own processes; parallel query workers name the backend they help, not the database.
_PG_SERVICE = (
    "checkpointer", "background writer", "walwriter", "autovacuum", "logical", "parallel worker",
)  # fmt: skip


def _total_busy() -> float:
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / _CLK


def _classify(pid: int, comm: str, server_pid: int | None, database: str | None) -> str | None:
    if pid == server_pid:
        return "server"
    if pid == os.getpid():
        return "bench"
    if comm.startswith("postgres"):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            return None
        if (database and database in cmdline) or any(s in cmdline for s in _PG_SERVICE):
            return "postgres"
        if cmdline.startswith("/usr/lib/postgresql"):  # the postmaster
            return "postgres"
    return None


def _per_process(
    server_pid: int | None, database: str | None, kinds: dict[int, str | None]
) -> dict[int, float]:
    """CPU seconds of every process we account for, by pid; `kinds` caches each pid's kind."""
    found: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        pid = int(stat.parent.name)
        try:
            text = stat.read_text()
            if pid not in kinds:
                comm = text[text.index("(") + 1 : text.rindex(")")]
                kinds[pid] = _classify(pid, comm, server_pid, database)
        except OSError:
            continue
        if kinds[pid] is None:
            continue
        rest = text[text.rindex(")") + 2 :].split()
        found[pid] = (int(rest[11]) + int(rest[12])) / _CLK
    return found


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class CpuWindow:
    """CPU used, in cores, by: the server, our database's PostgreSQL backends, wrk, and the rest.

    Processes are sampled every quarter second, so PostgreSQL backends that start and end inside
    the window (a pool's overflow connections) are still counted as PostgreSQL, not as noise.
    """

    server_pid: int | None = None
    database: str | None = None
    usage: dict[str, float] = field(default_factory=dict)
    _kinds: dict[int, str | None] = field(default_factory=dict)
    _first: dict[int, float] = field(default_factory=dict)
    _last: dict[int, float] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    _t0: float = 0.0
    _busy0: float = 0.0
    _children0: float = 0.0

    def _sample(self) -> None:
        for pid, cpu in _per_process(self.server_pid, self.database, self._kinds).items():
            # A process first seen after the start was born inside the window: count all of it.
            self._first.setdefault(pid, 0.0)
            self._last[pid] = cpu

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            self._sample()

    def __enter__(self) -> CpuWindow:
        self._first = dict(_per_process(self.server_pid, self.database, self._kinds))
        self._last = dict(self._first)
        self._t0, self._busy0, self._children0 = time.monotonic(), _total_busy(), _children_cpu()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._sample()
        elapsed = max(time.monotonic() - self._t0, 1e-6)
        known: dict[str, float] = {}
        for pid, last in self._last.items():
            kind = self._kinds.get(pid)
            if kind is not None:
                known[kind] = known.get(kind, 0.0) + max(last - self._first.get(pid, 0.0), 0.0)
        # wrk has exited by now: its CPU is in our reaped children's usage.
        known["wrk"] = _children_cpu() - self._children0
        other = (_total_busy() - self._busy0) - sum(known.values())
        self.usage = {k: v / elapsed for k, v in known.items()}
        self.usage["other"] = max(other, 0.0) / elapsed

    def summary(self) -> str:
        u = self.usage
        return (
            f"server {u.get('server', 0):.2f}, postgres {u.get('postgres', 0):.2f}, "
            f"wrk {u.get('wrk', 0):.2f}, other {u.get('other', 0):.2f} cores"
        )


def _cpu_seconds(pid: int) -> float:
    text = Path(f"/proc/{pid}/stat").read_text()
    rest = text[text.rindex(")") + 2 :].split()
    return (int(rest[11]) + int(rest[12])) / _CLK


def wait_idle(pid: int, max_wait: float = 300.0, threshold: float = 0.1) -> float:
    """Wait until the server has worked off requests that wrk abandoned when a run ended.

    A slow server (the lazy-loading peer takes seconds a page) still holds a queue of requests
    whose clients are gone; the next run would wait behind them and count nothing. Returns the
    seconds waited.
    """
    started = time.monotonic()
    while time.monotonic() - started < max_wait:
        before = _cpu_seconds(pid)
        time.sleep(0.5)
        if (_cpu_seconds(pid) - before) / 0.5 < threshold:
            break
    waited = time.monotonic() - started
    if waited > 2:
        print(
            f"    waited {waited:.0f} s for the server to finish abandoned requests",
            file=sys.stderr,
        )
    return waited


def wait_for_quiet(threshold: float, max_wait: float, database: str | None = None) -> float:
    """Wait (at most `max_wait` s) until processes that are not ours use < `threshold` cores.

    Returns the last measured foreign load. Another session's test suite on this machine would
    otherwise take CPU from the server or from wrk and skew the numbers.
    """
    deadline = time.monotonic() + max_wait
    while True:
        with CpuWindow(database=database) as window:
            time.sleep(1.0)
        # Idle servers cost nothing; what is left is somebody else's work.
        load = window.usage.get("other", 0.0)
        if load < threshold or time.monotonic() >= deadline:
            return load
        print(f"    machine busy ({load:.2f} cores used by others), waiting", file=sys.stderr)
        time.sleep(4.0)


# ---------------------------------------------------------------- wrk


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    non_2xx: int
    socket_errors: int
    timeouts: int
    cpu: dict[str, float] = field(default_factory=dict)
    # req/s of every repetition when the best of several was kept
    runs: tuple[float, ...] = ()

    @property
    def clean(self) -> bool:
        return self.non_2xx == 0 and self.socket_errors == 0


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _ms(text: str) -> float:
    if text == "nan":
        return float("nan")
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match[1]) * _UNITS_MS[match[2]]


def parse_wrk(output: str) -> WrkResult:
    """Requests/s and latency percentiles from `wrk --latency` output."""

    def percentile(p: str) -> float:
        match = re.search(rf"^\s+{p}%\s+(\S+)", output, re.MULTILINE)
        return _ms(match[1]) if match else float("nan")

    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", output)
    if total and int(total[1]) == 0:
        # Nothing completed within the run: wrk prints zeros, which are not latencies.
        output = re.sub(r"^(\s+\d+%\s+)\S+", r"\1nan", output, flags=re.MULTILINE)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    latency_max = re.search(r"^\s+Latency\s+\S+\s+\S+\s+(\S+)", output, re.MULTILINE)
    if not total or not rps:
        raise RuntimeError(f"could not parse wrk output:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return WrkResult(
        requests=int(total[1]),
        seconds=_ms(total[2] + total[3]) / 1000,
        rps=float(rps[1]),
        p50_ms=percentile("50"),
        p90_ms=percentile("90"),
        p99_ms=percentile("99"),
        max_ms=_ms(latency_max[1]) if latency_max else float("nan"),
        non_2xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=sum(int(n) for n in errors.groups()[:3]) if errors else 0,
        timeouts=int(errors[4]) if errors else 0,
    )


def run_wrk(
    url: str,
    *,
    duration: int,
    connections: int,
    threads: int = 1,
    script: Path | None = None,
    timeout_s: int = 10,
) -> WrkResult:
    """One wrk run pinned to the generator's core; bounded by its duration plus a margin."""
    assert url.startswith(f"http://{HOST}:"), url
    command = [
        "taskset", "-c", WRK_CPU, WRK,
        f"-t{threads}", f"-c{connections}", f"-d{duration}s",
        f"--timeout={timeout_s}s", "--latency",
    ]  # fmt: skip
    if script is not None:
        command += ["-s", str(script)]
    completed = subprocess.run(
        [*command, url],
        capture_output=True,
        text=True,
        timeout=duration + timeout_s + 30,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed ({completed.returncode}): {completed.stderr}")
    return parse_wrk(completed.stdout)


def measure(
    url: str,
    *,
    duration: int,
    warmup: int,
    connections: int,
    threads: int = 1,
    server_pid: int | None = None,
    database: str | None = None,
    script: Path | None = None,
    repeat: int = 1,
) -> WrkResult:
    """Warm up (result discarded), then measure `repeat` times and keep the best (highest
    req/s), noting where the CPU went meanwhile.

    On a shared machine, noise only ever slows a run down: the best of a few is the closest to
    what the server can do, and the spread says how noisy it was.
    """
    if warmup > 0:
        run_wrk(url, duration=warmup, connections=connections, threads=threads, script=script)
    results = []
    for _ in range(max(repeat, 1)):
        if server_pid is not None:
            wait_idle(server_pid)
        with CpuWindow(server_pid, database) as window:
            result = run_wrk(
                url, duration=duration, connections=connections, threads=threads, script=script
            )
        results.append(dataclasses.replace(result, cpu=window.usage))
    best = max(results, key=lambda r: r.rps)
    return dataclasses.replace(best, runs=tuple(r.rps for r in results))


# ---------------------------------------------------------------- printing


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table, columns left-aligned except numbers."""
    cells = [[str(h) for h in headers]] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(_is_number(row[i]) for row in rows) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if numeric[i] else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in cells[1:]]
    return "\n".join(out)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _cell(value: object) -> str:
    if isinstance(value, float):
        if value != value:  # NaN
            return "-"
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    return str(value)


def revision() -> str:
    """The service's git commit, and whether the work tree differs from it (what was measured)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "service", "schemas"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown revision"
    return f"commit {head}" + (" + uncommitted changes in service/ or schemas/" if dirty else "")


def versions() -> str:
    import importlib.metadata as md

    names = ["litestar", "msgspec", "sqlalchemy", "sqlmodel", "asyncpg", "uvicorn", "uvloop"]
    names += ["httptools", "fastapi", "pydantic", "psycopg"]
    found = []
    for name in names:
        with contextlib.suppress(md.PackageNotFoundError):
            found.append(f"{name} {md.version(name)}")
    return ", ".join(found)


@contextlib.contextmanager
def step(message: str) -> Iterator[None]:
    started = time.perf_counter()
    print(f"... {message}", file=sys.stderr, flush=True)
    yield
    print(f"    done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


def dump_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2))
