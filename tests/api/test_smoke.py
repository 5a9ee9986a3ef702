from litestar.testing import AsyncTestClient


async def test_region_is_served_with_its_citation(client: AsyncTestClient) -> None:
    response = await client.get("/v1/regions/hunan")
    assert response.status_code == 200
    assert response.json()["iso_3166"] == "CN-HN"
