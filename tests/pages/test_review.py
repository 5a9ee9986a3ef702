"""The review page in headless Chromium: a curator accepts, corrects and rejects proposals of a
new article, and the accepted fact is then served by the JSON API with its citation."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.pages.browser import Page
from tests.pages.conftest import SCREENSHOTS, Site

SOURCE = "changsha-economy-2023"
TEXT = (
    "Changsha economy keeps its pace\n\n"
    "In 2023, the gross domestic product of Changsha reached 1.45 trillion yuan, up 4.8 percent "
    "year on year. Zoomlion exported its machinery to more than 140 countries and regions last "
    "year."
)


def _api(site: Site, method: str, path: str, body: Any = None) -> Any:
    response = httpx.request(
        method,
        site.base_url + path,
        json=body,
        headers={"Authorization": f"Bearer {site.write_key}"},
        trust_env=False,
        timeout=30,
    )
    assert response.status_code < 300, response.text
    return response.json()


@pytest.fixture(scope="module")
def proposals(site: Site) -> dict[str, dict[str, Any]]:
    """A new article, stored and read by the extractor: its proposals by their own words."""
    source = {"id": SOURCE, "language": "en", "published_on": "2024-02-01", "text": TEXT}
    _api(site, "POST", "/v1/sources", source)
    run = _api(site, "POST", f"/v1/sources/{SOURCE}/extractions")
    found = {candidate["as_reported"]: candidate for candidate in run["candidates"]}
    assert {"1.45 trillion yuan", "4.8 percent", "more than 140 countries and regions"} <= set(
        found
    ), found
    return found


def _card(candidate: dict[str, Any]) -> str:
    return f"#proposal-{candidate['id']}"


def _enter_key_with_the_keyboard(page: Page, site: Site) -> None:
    for _ in range(30):
        page.press("Tab")
        if page.evaluate("document.activeElement.id === 'curator-key'"):
            break
    else:
        pytest.fail("Tab never reached the key field")
    page.type(site.write_key)
    page.press("Enter")
    page.wait_until("document.getElementById('key-set').hidden === false")


def test_a_curator_reviews_proposals_and_the_api_serves_the_accepted_fact(
    page: Page, site: Site, proposals: dict[str, dict[str, Any]], axe_source: str
) -> None:
    page.viewport(1280, 900)
    page.goto(f"{site.base_url}/sources/{SOURCE}/review")
    _enter_key_with_the_keyboard(page, site)
    page.wait_until(f"document.querySelectorAll('#proposals > li').length === {len(proposals)}")
    highlighted = page.evaluate(
        "Array.from(document.querySelectorAll('#article-text mark.proposal'))"
        ".map(m => m.textContent)"
    )
    assert set(highlighted) == set(proposals)
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("sessionStorage.length") == 1

    gdp = proposals["1.45 trillion yuan"]
    accepted = _accept_with_the_keyboard(page, gdp)
    observation = _api(site, "GET", f"/v1/observations/{accepted}")
    assert observation["value"] == 1.45e12
    assert (observation["region"], observation["indicator"]) == ("changsha", "gdp")
    citation = observation["citation"]
    assert citation["source"] == SOURCE
    assert TEXT[citation["start"] : citation["end"]] == citation["quote"]
    assert "1.45 trillion yuan" in citation["quote"]

    _reject_with_the_mouse(page, site, proposals["4.8 percent"])
    _correct_then_accept(page, site, proposals["more than 140 countries and regions"])

    page.screenshot(SCREENSHOTS / "review.png")
    page.evaluate(axe_source)
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [v["id"] for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(results["violations"], indent=1)[:3000]
    expected = "the server responded with a status of 422"  # the wrong correction's answer
    assert [p for p in page.problems() if expected not in p] == []


def _accept_with_the_keyboard(page: Page, candidate: dict[str, Any]) -> str:
    accept = f"{_card(candidate)} button[type=submit]"
    for _ in range(80):
        page.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector('{accept}')"):
            break
    else:
        pytest.fail("Tab never reached the Accept button")
    page.press("Enter")
    link = page.wait_until(f"document.querySelector('{_card(candidate)} .outcome a')?.textContent")
    assert page.evaluate(f"document.querySelector('{_card(candidate)}').classList.value") == (
        "proposal-card accepted"
    )
    return str(link)


def _reject_with_the_mouse(page: Page, site: Site, candidate: dict[str, Any]) -> None:
    reason = f"{_card(candidate)} input[name=reason]"
    page.click(reason)
    page.type("A growth rate, not a level.")
    page.click(f"{_card(candidate)} button.danger")
    page.wait_until(f"!!document.querySelector('{_card(candidate)}.rejected .outcome')")
    stored = _api(site, "GET", f"/v1/candidates/{candidate['id']}")
    assert (stored["status"], stored["reason"]) == ("rejected", "A growth rate, not a level.")


def _correct_then_accept(page: Page, site: Site, candidate: dict[str, Any]) -> None:
    """A wrong correction shows the API's problem details; the right one is accepted."""
    card = _card(candidate)
    page.evaluate(f"document.querySelector('{card} input[name=indicator]').value = 'no-such-one'")
    page.click(f"{card} button[type=submit]")
    problem = page.wait_until(f"document.querySelector('{card} .problem')?.innerText")
    answered = httpx.post(
        f"{site.base_url}/v1/candidates/{candidate['id']}/accept",
        json={"indicator": "no-such-one"},
        headers={"Authorization": f"Bearer {site.write_key}"},
        trust_env=False,
    ).json()
    assert f"{answered['status']} {answered['title']}: {answered['detail']}" in problem
    page.evaluate(
        f"document.querySelector('{card} input[name=indicator]').value = "
        "'countries-and-regions-served'"
    )
    page.click(f"{card} button[type=submit]")
    accepted = page.wait_until(f"document.querySelector('{card} .outcome a')?.textContent")
    observation = _api(site, "GET", f"/v1/observations/{accepted}")
    assert (observation["organization"], observation["comparator"]) == ("zoomlion", "gt")
