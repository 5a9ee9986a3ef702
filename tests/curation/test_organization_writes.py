"""Writing organizations, their region links and relations."""

from __future__ import annotations

from typing import Any

from tests.curation.conftest import Curator

ARTICLE = "global-rd-resources-shape-hunans-growth-drivers"
QUOTE = "One notable collaboration is the BASF Shanshan Battery Materials Co.,Ltd. (BSBM)"
CITATION = {"source": ARTICLE, "quote": QUOTE}


def organization(**fields: Any) -> dict[str, Any]:
    body = {
        "id": "shanshan-cathode",
        "name": "Shanshan Cathode Works",
        "short_name": "杉杉",
        "kind": "company",
        "sectors": ["battery-materials"],
        "citations": [CITATION],
    }
    return body | fields


async def test_create_and_find_by_short_name(curator: Curator) -> None:
    created = await curator.post("/v1/organizations", organization())

    assert created.status_code == 201, created.text
    assert created.json()["headquarters"] is None
    found = await curator.client.get("/v1/organizations", params={"q": "杉杉"})
    assert [item["id"] for item in found.json()["items"]] == ["shanshan-cathode"]


async def test_region_link_sets_headquarters_and_a_second_one_is_a_409(curator: Curator) -> None:
    await curator.post("/v1/organizations", organization())
    link = {"region": "changsha", "role": "headquarters", "citation": CITATION}

    created = await curator.post("/v1/organizations/shanshan-cathode/region-links", link)
    second = await curator.post(
        "/v1/organizations/shanshan-cathode/region-links", link | {"region": "hunan"}
    )

    assert created.status_code == 201, created.text
    location = "/v1/organizations/shanshan-cathode/region-links/headquarters/changsha"
    assert created.headers["location"] == location
    assert (await curator.read("/v1/organizations/shanshan-cathode"))[0]["headquarters"] == (
        "changsha"
    )
    assert second.status_code == 409
    in_hunan = await curator.client.get("/v1/organizations", params={"region": "hunan"})
    assert "shanshan-cathode" in [item["id"] for item in in_hunan.json()["items"]]


async def test_a_link_changes_the_organizations_etag(curator: Curator) -> None:
    created = await curator.post("/v1/organizations", organization())
    link = {"region": "changsha", "role": "operates_in", "citation": CITATION}
    await curator.post("/v1/organizations/shanshan-cathode/region-links", link)

    stale = await curator.patch(
        "/v1/organizations/shanshan-cathode", {"name": "X"}, created.headers["etag"]
    )

    assert stale.status_code == 412


async def test_relations_show_on_both_sides_and_refuse_self(curator: Curator) -> None:
    await curator.post("/v1/organizations", organization())
    relation = {"kind": "subsidiary_of", "object": "shanshan", "citation": CITATION}

    created = await curator.post("/v1/organizations/shanshan-cathode/relations", relation)
    to_self = await curator.post(
        "/v1/organizations/shanshan-cathode/relations", relation | {"object": "shanshan-cathode"}
    )

    assert created.status_code == 201, created.text
    parent, _ = await curator.read("/v1/organizations/shanshan")
    assert {"subject": "shanshan-cathode", "kind": "subsidiary_of", "object": "shanshan"} in [
        {key: r[key] for key in ("subject", "kind", "object")} for r in parent["relations"]
    ]
    assert to_self.status_code == 422


async def test_delete_is_refused_while_links_remain_then_allowed(curator: Curator) -> None:
    await curator.post("/v1/organizations", organization())
    link = {"region": "changsha", "role": "located_in", "citation": CITATION}
    await curator.post("/v1/organizations/shanshan-cathode/region-links", link)
    _, etag = await curator.read("/v1/organizations/shanshan-cathode")

    refused = await curator.delete("/v1/organizations/shanshan-cathode", etag)
    link_path = "/v1/organizations/shanshan-cathode/region-links/located_in/changsha"
    _, link_etag = await curator.read(link_path)
    unlinked = await curator.delete(link_path, link_etag)
    _, etag = await curator.read("/v1/organizations/shanshan-cathode")
    deleted = await curator.delete("/v1/organizations/shanshan-cathode", etag)

    assert refused.status_code == 409
    assert "region links (changsha)" in refused.json()["detail"]
    assert (unlinked.status_code, deleted.status_code) == (204, 204)


async def test_patch_replaces_sectors_and_keeps_the_rest(curator: Curator) -> None:
    before, etag = await curator.read("/v1/organizations/zoomlion")

    response = await curator.patch("/v1/organizations/zoomlion", {"sectors": ["cranes"]}, etag)

    assert response.status_code == 200, response.text
    assert response.json() == before | {"sectors": ["cranes"]}
