"""Read a page of /api/events as {id: item}, for tests that compare pages before and after a change."""


def page(client, url="/api/events?limit=100"):
    response = client.get(url)
    assert response.status_code == 200, response.get_json()
    return {item["id"]: item for item in response.get_json()["items"]}
