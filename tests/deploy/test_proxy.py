"""Behind nginx under /timeline/ over TLS: links, OpenAPI and logs must show what the client sees."""
import re
import time
from urllib.parse import urljoin

from servers import PREFIX, request


def links(response) -> dict[str, str]:
    """Parse an RFC 8288 Link header into {rel: url}."""
    header = response.headers.get("Link", "")
    return {rel: url for url, rel in re.findall(r'<([^>]+)>\s*;\s*rel="?([^";,]+)"?', header)}


def test_events_list_through_the_proxy(seeded_proxy):
    response = request(seeded_proxy.url, "GET", f"{PREFIX}/api/events")
    assert response.status == 200
    assert response.json()["items"], "the seed articles yield events"


def test_pagination_links_carry_scheme_host_and_prefix(seeded_proxy):
    first = request(seeded_proxy.url, "GET", f"{PREFIX}/api/events?limit=2")
    body = first.json()
    base = f"{seeded_proxy.url}{PREFIX}/api/events?"
    assert body["next"].startswith(base)
    assert links(first)["next"] == body["next"]
    second = request(seeded_proxy.url, "GET", body["next"].removeprefix(seeded_proxy.url))
    assert second.status == 200
    seen = {item["id"] for item in body["items"]}
    assert second.json()["items"] and not seen & {item["id"] for item in second.json()["items"]}


def test_openapi_servers_url_is_the_public_one(seeded_proxy):
    document = request(seeded_proxy.url, "GET", f"{PREFIX}/api/openapi.json").json()
    assert [server["url"].rstrip("/") for server in document["servers"]][0] in (
        f"{seeded_proxy.url}{PREFIX}",
        f"{seeded_proxy.url}{PREFIX}/api",
    )


def test_docs_page_loads_the_prefixed_openapi(seeded_proxy):
    page_url = f"{seeded_proxy.url}{PREFIX}/api/docs"
    page = request(seeded_proxy.url, "GET", page_url.removeprefix(seeded_proxy.url))
    assert page.status == 200
    # Whatever URL the page fetches the document from must resolve under the prefix, as a browser resolves it.
    fetched = urljoin(page_url, re.search(r"""fetch\(["']([^"']+)["']\)""", page.body.decode()).group(1))
    assert fetched == f"{seeded_proxy.url}{PREFIX}/api/openapi.json"
    assert request(seeded_proxy.url, "GET", fetched.removeprefix(seeded_proxy.url)).json()["paths"]


def test_access_log_names_the_original_client(seeded_proxy, workdir):
    # nginx sees this client as 127.0.0.2; gunicorn itself is only ever reached by nginx at 127.0.0.1.
    response = request(seeded_proxy.url, "GET", f"{PREFIX}/healthz?from-log-test", source_ip="127.0.0.2")
    assert response.status == 200
    lines = []
    # gunicorn writes the access line just after the response has gone out (up to 30 s on a very busy machine).
    for _ in range(300):
        lines = [line for log in workdir.glob("gunicorn-*.log") for line in log.read_text().splitlines()
                 if "from-log-test" in line]
        if lines:
            break
        time.sleep(0.1)
    assert lines and lines[-1].startswith("127.0.0.2 "), lines
    assert "127.0.0.1" not in lines[-1].split('"')[0], "the proxy's address is not logged as the client"
