"""The pages in headless Chromium: the highlights are the citations, keyboard and axe-core.

Each page is also saved as a screenshot under var/screenshots/ for a person to look at.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.pages.browser import Page
from tests.pages.conftest import SCREENSHOTS, Site

SOURCES = ("xiangjiang-new-area-innovation", "global-rd-resources-shape-hunans-growth-drivers")
PAGES = {
    "home": "/",
    "search": "/search?q=xiang",
    "source": f"/sources/{SOURCES[0]}",
    "source-global-rd": f"/sources/{SOURCES[1]}",
    "review-without-key": f"/sources/{SOURCES[0]}/review",
    "region": "/regions/xiangjiang-new-area",
    "organization": "/organizations/basf-shanshan-battery-materials",
    "not-found": "/regions/atlantis",
}
DESKTOP, PHONE = (1280, 900), (390, 844)

# Each highlight's text and its offset in code points, as citations count them.
MARKS = """(() => {
  const root = document.getElementById("article-text");
  const points = (node) => {
    const range = document.createRange();
    range.setStart(root, 0);
    range.setEndBefore(node);
    return Array.from(range.toString()).length;
  };
  return {
    text: root.textContent,
    marks: Array.from(root.querySelectorAll("mark.fact")).map((mark) => ({
      facts: mark.dataset.facts.split(" "),
      start: points(mark),
      text: mark.textContent,
    })),
  };
})()"""


def _get(site: Site, path: str) -> Any:
    response = httpx.get(site.base_url + path, trust_env=False, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("source_id", SOURCES)
def test_source_page_highlights_exactly_the_cited_spans(
    page: Page, site: Site, source_id: str
) -> None:
    text = _get(site, f"/v1/sources/{source_id}")["text"]
    observations = _get(site, "/v1/observations?limit=500")["items"]
    cited = [o for o in observations if o["citation"]["source"] == source_id]
    page.viewport(*DESKTOP)
    page.goto(f"{site.base_url}/sources/{source_id}")
    shown = page.evaluate(MARKS)
    assert shown["text"] == text
    assert cited, "the seeds cite this source"
    for observation in cited:
        citation = observation["citation"]
        parts = [m for m in shown["marks"] if observation["id"] in m["facts"]]
        assert parts, f"{observation['id']} is not highlighted"
        assert parts[0]["start"] == citation["start"], observation["id"]
        assert "".join(part["text"] for part in parts) == citation["quote"], observation["id"]
    covered = {i for o in cited for i in range(o["citation"]["start"], o["citation"]["end"])}
    marked = {m["start"] + i for m in shown["marks"] for i in range(len(m["text"]))}
    assert marked == covered, "highlighted text that no citation names, or the reverse"


def test_focusing_a_highlight_shows_its_fact_and_json_link(page: Page, site: Site) -> None:
    page.goto(f"{site.base_url}/sources/{SOURCES[0]}")
    page.evaluate("document.activeElement.blur()")
    for _ in range(60):
        page.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.fact')"):
            break
    else:
        pytest.fail("Tab never reached a highlighted fact")
    popup = page.wait_until(
        "!document.getElementById('fact-popup').hidden && "
        "document.getElementById('fact-popup').innerText"
    )
    # The first cited sentence states two facts, each as a person reads it.
    assert "more than 5%" in popup
    assert "ranked 3rd" in popup
    hrefs = page.evaluate(
        "Array.from(document.querySelectorAll('#fact-popup a.json')).map(a => a.pathname)"
    )
    assert hrefs == [
        "/v1/observations/xiangjiang-new-area-rd-expenditure-share-of-gdp-2023",
        "/v1/observations/xiangjiang-new-area-rd-intensity-rank-2023",
    ]
    page.press("Escape")
    assert page.evaluate("document.getElementById('fact-popup').hidden")


def test_hovering_a_highlight_shows_its_fact(page: Page, site: Site) -> None:
    page.viewport(*DESKTOP)
    page.goto(f"{site.base_url}/sources/{SOURCES[1]}")
    page.hover("#article-text mark.fact")
    popup = page.wait_until(
        "!document.getElementById('fact-popup').hidden && "
        "document.getElementById('fact-popup').innerText"
    )
    facts = page.evaluate("document.querySelector('#article-text mark.fact').dataset.facts")
    for fact_id in facts.split():
        card = page.evaluate(f"document.getElementById('fact-{fact_id}').innerText")
        assert card in popup


@pytest.mark.parametrize("name", PAGES)
def test_keyboard_alone_reaches_every_control(page: Page, site: Site, name: str) -> None:
    page.viewport(*DESKTOP)
    page.goto(site.base_url + PAGES[name])
    controls = page.evaluate(FOCUSABLE)
    reached: set[str] = set()
    for _ in range(len(controls) + 1):
        page.press("Tab")
        reached.add(page.evaluate("document.activeElement.dataset.probe || ''"))
    assert set(controls) <= reached, f"never focused: {sorted(set(controls) - reached)}"


# Numbers every visible focusable element, in document order, and returns their numbers.
FOCUSABLE = """(() => {
  const selector = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";
  const visible = (el) => !el.disabled && el.getClientRects().length > 0;
  return Array.from(document.querySelectorAll(selector)).filter(visible).map((el, i) => {
    const label = (el.textContent || el.name || "").trim().slice(0, 40);
    el.dataset.probe = `${i}:${el.tagName.toLowerCase()}:${label}`;
    return el.dataset.probe;
  });
})()"""


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_serious_violation_and_nothing_is_refused(
    page: Page, site: Site, axe_source: str, name: str, size: tuple[int, int]
) -> None:
    page.viewport(*size, mobile=size == PHONE)
    page.events.clear()
    page.goto(site.base_url + PAGES[name])
    suffix = "" if size == DESKTOP else "-phone"
    shot = page.screenshot(SCREENSHOTS / f"{name}{suffix}.png")
    assert shot.read_bytes().startswith(b"\x89PNG")
    refused = [p for p in page.problems() if name != "not-found" or "404" not in p]
    assert refused == [], f"console errors (a CSP refusal is one): {refused}"
    page.evaluate(axe_source)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)


def test_phone_width_does_not_scroll_sideways(page: Page, site: Site) -> None:
    page.viewport(*PHONE, mobile=True)
    for path in PAGES.values():
        page.goto(site.base_url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} is {overflow}px wider than a phone"
