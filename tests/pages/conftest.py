"""Fixtures of the browser tests: one served, seeded database with a write key, one Chromium.

The browser tests run on SQLite only: what they check is the pages in a browser, which is the
same whatever database serves them; tests/pages/test_http.py covers every backend.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import migrated, seed_database
from tests.contract.tooling import ROOT
from tests.databases import temporary_database
from tests.keys import new_key
from tests.pages.browser import Page, chromium_page
from tests.requirements import require
from tests.servers import serve

SCREENSHOTS = ROOT / "var" / "screenshots"
AXE = ROOT / "tools" / "npm" / "node_modules" / "axe-core" / "axe.min.js"


@dataclass(frozen=True)
class Site:
    base_url: str
    write_key: str


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The service over a seeded SQLite database of its own, which the review test writes to."""
    workdir = tmp_path_factory.mktemp("pages-site")
    with temporary_database("sqlite", workdir) as settings:
        migrated(settings)
        asyncio.run(seed_database(settings))
        key = asyncio.run(new_key(settings, "pages-curator"))
        with serve(settings, workdir) as server:
            yield Site(server.base_url, key)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    """A headless Chromium tab (Debian's chromium), closed after the module."""
    found = shutil.which("chromium")
    require(found is not None, "install Debian's chromium package")
    assert found is not None
    with chromium_page(Path(found), tmp_path_factory.mktemp("chromium") / "profile") as tab:
        yield tab


@pytest.fixture(scope="session")
def axe_source() -> str:
    require(AXE.exists(), "run `make tools` (axe-core from tools/npm)")
    return AXE.read_text(encoding="utf-8")
