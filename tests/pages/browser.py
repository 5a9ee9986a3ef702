"""Headless Chromium driven over the DevTools protocol: navigate, evaluate, type, screenshot.

A small client of our own (one websocket, a handful of commands) rather than a browser
automation framework: it drives the Debian Chromium the docs test already uses, whatever its
version, and needs no browser download.
"""

from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from websockets.sync.client import ClientConnection, connect

from tests.contract.test_docs_page import BROWSER_QUIET

STARTUP_TIMEOUT = 20.0
COMMAND_TIMEOUT = 30.0
# Key events as Chromium expects them: key, code, Windows virtual key code, typed text.
KEYS = {
    "Tab": ("Tab", "Tab", 9, ""),
    "Enter": ("Enter", "Enter", 13, "\r"),
    "Escape": ("Escape", "Escape", 27, ""),
    "Space": (" ", "Space", 32, " "),
}
SHIFT = 8


class BrowserError(AssertionError):
    pass


class Page:
    """One tab: commands answered in order, events kept for whoever waits on them."""

    def __init__(self, socket: ClientConnection) -> None:
        self._socket = socket
        self._ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        command_id = next(self._ids)
        self._socket.send(json.dumps({"id": command_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv(timeout=COMMAND_TIMEOUT))
            if message.get("id") == command_id:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event: str, timeout: float = COMMAND_TIMEOUT) -> dict[str, Any]:
        """The first `event` not yet consumed, waiting for it if need be."""
        deadline = time.monotonic() + timeout
        while True:
            for index, message in enumerate(self.events):
                if message["method"] == event:
                    return self.events.pop(index)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError(f"no {event} within {timeout} s")
            message = json.loads(self._socket.recv(timeout=remaining))
            if "method" in message:
                self.events.append(message)

    def goto(self, url: str) -> None:
        self.events = [e for e in self.events if e["method"] != "Page.loadEventFired"]
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (promises awaited), as JSON-compatible data."""
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression[:200]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression: str, timeout: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if value := self.evaluate(expression):
                return value
            time.sleep(0.1)
        raise BrowserError(f"still false after {timeout} s: {expression}")

    def press(self, name: str, *, shift: bool = False) -> None:
        key, code, virtual, text = KEYS[name]
        common = {
            "key": key,
            "code": code,
            "windowsVirtualKeyCode": virtual,
            "modifiers": SHIFT if shift else 0,
        }
        self.send("Input.dispatchKeyEvent", type="keyDown", text=text, **common)
        self.send("Input.dispatchKeyEvent", type="keyUp", **common)

    def hover(self, selector: str) -> tuple[float, float]:
        """Moves the mouse over the middle of the first element `selector` finds."""
        box = self.evaluate(
            f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
            " el.scrollIntoView({block: 'center'}); const r = el.getClientRects()[0];"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=box[0], y=box[1])
        return box[0], box[1]

    def click(self, selector: str) -> None:
        """A real mouse click at the middle of the first element `selector` finds."""
        box = self.hover(selector)
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                type=kind,
                x=box[0],
                y=box[1],
                button="left" if kind != "mouseMoved" else "none",
                clickCount=1 if kind != "mouseMoved" else 0,
            )

    def type(self, text: str) -> None:
        self.send("Input.insertText", text=text)

    def viewport(self, width: int, height: int, *, mobile: bool = False) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=mobile,
        )

    def screenshot(self, path: Path) -> Path:
        """The whole page, not just the viewport, as PNG."""
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path

    def problems(self) -> list[str]:
        """Script exceptions and console errors so far (CSP refusals are console errors)."""
        found = []
        for event in self.events:
            if event["method"] == "Runtime.exceptionThrown":
                found.append(json.dumps(event["params"]["exceptionDetails"])[:500])
            elif (
                event["method"] == "Log.entryAdded" and event["params"]["entry"]["level"] == "error"
            ):
                found.append(event["params"]["entry"]["text"])
        return found


@contextmanager
def chromium_page(chromium: Path, profile: Path) -> Iterator[Page]:
    """A fresh headless Chromium with one blank tab; closed afterwards whatever happened."""
    shutil.rmtree(profile, ignore_errors=True)
    process = subprocess.Popen(
        [
            str(chromium),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-sync",
            *BROWSER_QUIET,
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        port = _debugging_port(profile, process)
        target = httpx.put(f"http://127.0.0.1:{port}/json/new?about:blank", trust_env=False)
        url = target.json()["webSocketDebuggerUrl"]
        with connect(url, max_size=None, open_timeout=STARTUP_TIMEOUT) as socket:
            yield Page(socket)
    finally:
        process.kill()
        process.wait(timeout=10)


def _debugging_port(profile: Path, process: subprocess.Popen[bytes]) -> int:
    """The port Chromium chose, from the file it writes once it listens."""
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if marker.exists() and (lines := marker.read_text().splitlines()):
            return int(lines[0])
        if process.poll() is not None:
            raise BrowserError(f"Chromium exited with {process.returncode}")
        time.sleep(0.1)
    raise BrowserError(f"Chromium did not open its debugging port in {STARTUP_TIMEOUT} s")
