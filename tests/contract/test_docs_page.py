"""The API reference at /docs renders every operation in a real browser, from loopback alone.

One headless Chromium run loads /docs from the live server and leaves three things: the DOM
after scripts ran (what a reader sees), a screenshot, and a NetLog of every request the browser
made (proof that nothing was fetched from a CDN or anywhere else off this machine).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.contract.tooling import run_tool

CHROMIUM_TIMEOUT = 60
MIN_SCREENSHOT_BYTES = 20_000
LOOPBACK = "127.0.0.1"
# The docs page's own loads; finding them in the NetLog proves the log saw the page at all.
PAGE_LOADS = (
    "/docs",
    "/docs/init.js",
    "/docs/assets/swagger-ui.css",
    "/docs/assets/swagger-ui-bundle.js",
    "/schema/openapi.json",
)
# Chromium phones home on its own even with --disable-background-networking and
# --disable-component-update (Debian's 156, measured in this test's NetLog): the network time
# query to clients2.google.com, the optimization-guide model manifest check to
# update.googleapis.com, the signed-in account check to accounts.google.com and (from
# 156.0.8078.114) the optimization guide's model list from optimizationguide-pa.googleapis.com.
# The features below switch the first and the last off and the flags after them aim the others
# at a closed loopback port, so that a request leaving 127.0.0.1 can only have come from the
# page. The model list is switched off, not aimed: with its address on loopback, a browser on a
# busy machine crashes (SIGTRAP) as its virtual time runs out.
BROWSER_QUIET = (
    "--disable-features=NetworkTimeServiceQuerying,OptimizationGuideModelDownloading,"
    "OptimizationTargetPrediction,OptimizationHints,OptimizationHintsFetching",
    "--component-updater=url-source=http://127.0.0.1:1/",
    "--gaia-url=http://127.0.0.1:1/",
    "--no-proxy-server",
)


@dataclass(frozen=True)
class Visit:
    dom: str
    screenshot: Path
    netlog: Path
    stderr: str


@pytest.fixture(scope="module")
def visit(chromium: Path, live_server: str, tmp_path_factory: pytest.TempPathFactory) -> Visit:
    """One headless Chromium visit to /docs: its DOM, screenshot and NetLog."""
    out = tmp_path_factory.mktemp("docs-page")
    screenshot, netlog = out / "docs.png", out / "net.json"
    outcome = run_tool(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            *BROWSER_QUIET,
            f"--user-data-dir={out / 'profile'}",
            f"--log-net-log={netlog}",
            "--net-log-capture-mode=Default",
            "--virtual-time-budget=10000",
            "--window-size=1280,2000",
            f"--screenshot={screenshot}",
            "--dump-dom",
            f"{live_server}/docs",
        ],
        timeout=CHROMIUM_TIMEOUT,
        cwd=out,
    )
    assert outcome.returncode == 0, outcome.report()
    return Visit(dom=outcome.stdout, screenshot=screenshot, netlog=netlog, stderr=outcome.stderr)


def test_every_operation_and_tag_renders(visit: Visit, live_server: str) -> None:
    spec = httpx.get(f"{live_server}/schema/openapi.json", trust_env=False, timeout=10).json()
    dom = visit.dom
    assert "swagger-ui" in dom, f"not the Swagger UI page:\n{dom[:2000]}"
    assert "errors-wrapper" not in dom, f"Swagger UI reported errors:\n{_text(dom)[:3000]}"
    assert "Failed to load API definition" not in dom, _text(dom)[:3000]

    rendered_ids = set(re.findall(r'id="operations-([^"]+)"', dom))
    summaries = {
        html.unescape(summary)
        for summary in re.findall(r'class="opblock-summary-description"[^>]*>([^<]*)<', dom)
    }
    missing = []
    for tag in (tag["name"] for tag in spec["tags"]):
        if f"tag-{tag}" not in rendered_ids:
            missing.append(f"tag {tag}")
    for path, path_item in spec["paths"].items():
        for method, operation in path_item.items():
            # Swagger UI lists an operation under each of its tags, an untagged one as "default".
            tags = operation.get("tags") or ["default"]
            if not {f"{tag}-{operation['operationId']}" for tag in tags} <= rendered_ids:
                missing.append(f"{method.upper()} {path} ({operation['operationId']})")
            if operation["summary"] not in summaries:
                missing.append(f"summary {operation['summary']!r}")
    assert missing == [], "not rendered on /docs: " + ", ".join(missing)
    assert "listRegions" in dom
    assert "List regions" in summaries


def test_no_request_leaves_loopback(visit: Visit, live_server: str) -> None:
    requests = _requests(visit.netlog)
    offsite = sorted(
        f"{url} (initiator: {initiator})"
        for url, initiator in requests.items()
        if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
        and urlsplit(url).hostname != LOOPBACK
    )
    assert offsite == [], (
        f"requests left {LOOPBACK} (NetLog: {visit.netlog}; 'not an origin' is Chromium itself, "
        f"an http://{LOOPBACK} initiator is the page):\n" + "\n".join(offsite)
    )
    loaded = {urlsplit(url).path for url in requests if url.startswith(f"{live_server}/")}
    assert set(PAGE_LOADS) <= loaded, (
        f"the NetLog misses the page's own loads {sorted(set(PAGE_LOADS) - loaded)}: "
        f"it cannot vouch for the rest (NetLog: {visit.netlog})"
    )


def test_screenshot_shows_a_page(visit: Visit, record_property: Any) -> None:
    record_property("docs_screenshot", str(visit.screenshot))
    assert visit.screenshot.exists(), f"no screenshot written\n{visit.stderr[-3000:]}"
    data = visit.screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), f"not a PNG: {visit.screenshot}"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 2000), f"{width}x{height}: {visit.screenshot}"
    assert len(data) > MIN_SCREENSHOT_BYTES, (
        f"screenshot is {len(data)} bytes, too small to hold the rendered reference: "
        f"{visit.screenshot}"
    )


def test_netlog_reading_sees_offsite_requests(tmp_path: Path) -> None:
    """Control: the NetLog reader reports a CDN request, so an empty reading cannot pass."""
    netlog = tmp_path / "net.json"
    event = {
        "type": 2,
        "params": {"url": "https://cdn.example.com/swagger-ui.css", "initiator": "http://x"},
    }
    netlog.write_text(json.dumps({"constants": {}, "events": [event]}), encoding="utf-8")
    assert _requests(netlog) == {"https://cdn.example.com/swagger-ui.css": "http://x"}


def _requests(netlog: Path) -> dict[str, str]:
    """Every URL the NetLog names in any event's parameters, with the initiator it gave."""
    assert netlog.exists(), f"Chromium wrote no NetLog at {netlog}"
    text = netlog.read_text(encoding="utf-8", errors="replace")
    try:
        events = json.loads(text)["events"]
    except json.JSONDecodeError:
        # A browser stopped before it closed the log leaves `...},\n` with no `]}`: close it.
        events = json.loads(text.rstrip().rstrip(",") + "]}")["events"]
    found: dict[str, str] = {}
    for event in events:
        params = event.get("params") or {}
        for url in _urls(params):
            found.setdefault(url, "unknown")
            if params.get("initiator"):
                found[url] = str(params["initiator"])
    return found


def _urls(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and key.endswith("url"):
                yield value
            else:
                yield from _urls(value)
    elif isinstance(node, list):
        for value in node:
            yield from _urls(value)


def _text(dom: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", dom))
