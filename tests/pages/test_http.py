"""The pages over plain HTTP: HTML, the pages' CSP, caching and ETags, errors as pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from litestar.testing import AsyncTestClient

from service.hardening import API_POLICY, PAGES_POLICY
from service.representations import caching

XIANGJIANG = "xiangjiang-new-area-innovation"
PAGES = {
    "/": caching.LISTS,
    "/search?q=hunan": caching.LISTS,
    f"/sources/{XIANGJIANG}": caching.ITEMS,
    f"/sources/{XIANGJIANG}/review": caching.DEFAULT,
    "/regions/xiangjiang-new-area": caching.ITEMS,
    "/organizations/basf-shanshan-battery-materials": caching.ITEMS,
}


class _ArticleText(HTMLParser):
    """The text content of the element with id="article-text", and its marks' attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []
        self.marks: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth or dict(attrs).get("id") == "article-text":
            self.depth += 1
        if self.depth and tag == "mark":
            self.marks.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


@pytest.mark.parametrize(("path", "cache_control"), PAGES.items())
async def test_page_is_html_with_its_policy_and_caching(
    client: AsyncTestClient, path: str, cache_control: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-security-policy"] == PAGES_POLICY
    assert response.headers["cache-control"] == cache_control
    assert "<script>" not in response.text
    assert " style=" not in response.text
    etag = response.headers["etag"]
    again = await client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag


@pytest.mark.parametrize(
    "path",
    ["/regions/atlantis", "/organizations/acme", "/sources/no-such-article", "/sources/x/review"],
)
async def test_unknown_ids_are_html_404_pages(client: AsyncTestClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["cache-control"] == caching.NO_STORE
    assert "Not Found" in response.text
    assert '<a href="/">' in response.text


async def test_malformed_ids_are_html_400_pages(client: AsyncTestClient) -> None:
    response = await client.get("/regions/Not_A_Slug")
    assert response.status_code == 400
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "region_id" in response.text


async def test_assets_come_from_the_package_under_the_pages_policy(
    client: AsyncTestClient,
) -> None:
    for asset, media_type in (("pages.css", "text/css"), ("review.js", "text/javascript")):
        response = await client.get(f"/static/{asset}")
        assert response.status_code == 200, asset
        assert response.headers["content-type"].startswith(media_type)
        assert response.headers["content-security-policy"] == PAGES_POLICY
        assert response.headers["etag"]
    api = await client.get("/v1/regions/hunan")
    assert api.headers["content-security-policy"] == API_POLICY


async def test_source_page_text_is_the_sources_text_with_every_citation_marked(
    client: AsyncTestClient,
) -> None:
    source = (await client.get(f"/v1/sources/{XIANGJIANG}")).json()
    observations = (await client.get("/v1/observations?limit=500")).json()["items"]
    cited = [o for o in observations if o["citation"]["source"] == XIANGJIANG]
    page = _ArticleText()
    page.feed((await client.get(f"/sources/{XIANGJIANG}")).text)
    assert "".join(page.text) == source["text"]
    for observation in cited:
        start, end = observation["citation"]["start"], observation["citation"]["end"]
        covering = [m for m in page.marks if observation["id"] in str(m["data-facts"]).split()]
        assert covering, observation["id"]
        assert int(str(covering[0]["data-start"])) == start
        assert int(str(covering[-1]["data-end"])) == end
        assert f"fact-{observation['id']}" in str(covering[0]["aria-describedby"])


async def test_region_page_charts_gdp_and_links_each_sentence(client: AsyncTestClient) -> None:
    html = (await client.get("/regions/xiangjiang-new-area")).text
    assert '<svg class="chart"' in html
    assert re.search(
        r"<title id=\"chart-gdp-title\">Gross domestic product, Xiangjiang New Area", html
    )
    assert "2015: 160 billion yuan; 2023: 450 billion yuan" in html
    assert f'href="/sources/{XIANGJIANG}#fact-xiangjiang-new-area-gdp-2023"' in html
    assert 'href="/regions/changsha"' in html  # its parent chain


async def test_search_page_links_hits_to_their_pages(client: AsyncTestClient) -> None:
    html = (await client.get("/search?q=xiangjiang")).text
    assert 'href="/regions/xiangjiang-new-area"' in html
    nothing = await client.get("/search?q=atlantis")
    assert "Nothing is named" in nothing.text


async def test_home_page_lists_sources_and_nests_regions(client: AsyncTestClient) -> None:
    html = (await client.get("/")).text
    assert f'href="/sources/{XIANGJIANG}"' in html
    china = html.index('href="/regions/china"')
    hunan = html.index('href="/regions/hunan"', china)
    assert html.index('href="/regions/changsha"', hunan) > hunan
    assert 'action="/search" method="get"' in html


async def test_what_a_visitor_types_is_escaped(client: AsyncTestClient) -> None:
    html = (await client.get("/search", params={"q": '<script>alert("x")</script>'})).text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


async def test_unknown_or_repeated_parameters_are_400_pages(client: AsyncTestClient) -> None:
    for query in ("?q=a&q=b", "?qq=hunan"):
        response = await client.get(f"/search{query}")
        assert response.status_code == 400, query
        assert response.headers["content-type"] == "text/html; charset=utf-8"
