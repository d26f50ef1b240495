"""GET / as HTML, without a browser: filters read from the URL, errors shown on the form, safe links, packaged assets."""
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
STATIC = ROOT / "service" / "ui" / "static"


def titles(html: str) -> list[str]:
    return re.findall(r'<h3 id="event-\d+-title">(.*?)</h3>', html)


def test_filters_in_the_url_select_the_events_and_fill_the_form(client, world):
    response = client.get("/?actor=jaishankar&from=2021-04")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert titles(html) == ["Lavrov and Jaishankar held talks in New Delhi"]
    # The alias picks the actor's own option; the date stays as typed.
    assert re.search(r'<option value="s-jaishankar" selected>S. Jaishankar \(1\)</option>', html)
    assert 'id="from" name="from" value="2021-04"' in html


def test_empty_fields_of_a_submitted_form_are_no_filter(client, world):
    html = client.get("/?actor=&topic=&from=&to=&q=").get_data(as_text=True)
    assert len(titles(html)) == 5 and '<h2 id="events-heading">5 events</h2>' in html


def test_each_event_has_its_date_for_machines_and_its_sources(client, world):
    html = client.get("/").get_data(as_text=True)
    assert re.findall(r'<p class="meta"><time datetime="([^"]+)">([^<]+)</time>', html) == [
        ("2020-12", "December 2020"), ("2021", "2021"), ("2021-W14", "week 14, 2021"),
        ("2021-04-06", "6 April 2021"), ("2022-03", "March 2022"),
    ]
    talks = html[html.index("Lavrov and Jaishankar held talks"):]
    talks = talks[: talks.index("</article>")]
    assert talks.count("<blockquote>") == 2
    assert '<a href="https://example.org/lavrov-delhi">Lavrov in Delhi</a>, ANI, <time datetime="2021-04-06">2021-04-06</time>' in talks


def test_unreadable_filters_answer_400_with_the_form_and_the_reason(client, world):
    response = client.get("/?from=2021-13")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert re.search(r'role="alert">.*from: must be a date as YYYY, YYYY-MM or YYYY-MM-DD', html, re.S)
    assert '<form id="filters"' in html and titles(html) == []
    unknown = client.get("/?actor=nobody-at-all")
    assert unknown.status_code == 400 and "no actor matches &#39;nobody-at-all&#39;" in unknown.get_data(as_text=True)
    # The value that names nothing stays selected, so the visitor sees what was asked.
    assert '<option value="nobody-at-all" selected>nobody-at-all</option>' in unknown.get_data(as_text=True)
    assert client.get("/?from=2022&to=2021").status_code == 400
    assert "<li>granularity: Must be one of:" in client.get("/?granularity=day&granularity=fortnight").get_data(as_text=True)
    assert "<li>from: Given more than once" in client.get("/?from=2021&from=2022").get_data(as_text=True)
    assert client.get("/?q=" + "x" * 501).status_code == 400
    assert client.get("/?nonsense=1").status_code == 400


def test_filters_the_form_has_no_control_for_ride_along(client, world):
    html = client.get("/?actor=lavrov&actor=india&status=past").get_data(as_text=True)
    assert titles(html) == ["S-400 deliveries were agreed last December", "Lavrov and Jaishankar held talks in New Delhi"]
    assert re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html) == [("actor", "india"), ("status", "past")]


def test_hostile_text_is_escaped_and_only_web_links_are_links(client, world, store):
    article = store.article("<script>alert(1)</script>", "2023-01-02", "Wire", url="javascript:alert(1)")
    store.event(article, "Tariffs <b>rose</b>", "2023-01-01", "2023-01-01", "2023-01-01", "day", quote="Line one <i>x</i>\nLine two")
    html = client.get("/?from=2023").get_data(as_text=True)
    assert "<script>alert" not in html and "<b>rose" not in html and "Tariffs &lt;b&gt;rose&lt;/b&gt;" in html
    assert "javascript:" not in html
    assert "<blockquote><p>Line one &lt;i&gt;x&lt;/i&gt;<br>Line two</p></blockquote>" in html


def test_every_url_of_the_page_is_under_the_proxy_prefix(client, world):
    html = client.get("/", base_url="http://localhost/timeline").get_data(as_text=True)
    urls = re.findall(r'(?:src|href|action|data-api|data-script-path)="([^"#?][^"]*)"', html)
    local = [url for url in urls if not url.startswith(("http://", "https://", "data:"))]
    assert local and all(url.startswith("/timeline/") for url in local), local
    assert 'data-api="/timeline/api/timeline"' in html


def test_the_vendored_timelinejs_and_page_assets_are_served_and_packaged(client):
    package = STATIC.parent
    data = [p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts]
    files = [name for name in data if name.startswith("static/")]
    assert {"static/timelinejs/LICENSE", "static/timelinejs/js/timeline.js", "static/timelinejs/css/timeline.css", "static/page.js"} <= set(files)
    assert "templates/ui/page.html" in data
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["service.ui"]
    # A file no package-data glob names would be missing from an installed (non-editable) package.
    assert [f for f in data if not any(fnmatch(f, glob) and f.count("/") == glob.count("/") for glob in globs)] == []
    for name in files:
        with client.get(f"/static/ui/{name.removeprefix('static/')}") as response:
            assert response.status_code == 200, name
    with client.get("/static/ui/timelinejs/LICENSE") as response:
        assert b"Mozilla Public License" in response.data


def test_the_page_loads_nothing_from_elsewhere(client, world):
    response = client.get("/")
    html = response.get_data(as_text=True)
    # The browser enforces it too: scripts, styles, fonts, images and API calls from this server only.
    policy = dict(part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == policy["script-src"] == "'self'" and policy["object-src"] == "'none'"
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html.split('<main>')[0])
    script = (STATIC / "page.js").read_text()
    assert "font: null" in script and "theme: null" in script


@pytest.mark.parametrize("query", [
    "actor=%00", "from=2021-02-30", "from=99999", "to=2021-00", "from[]=2021", "cursor=abc",
    "limit=5", "format=json", "article=0", "article=99999999999", "status=maybe", "granularity=fortnight",
    "from=2021&from=2022", "topic=" + "t" * 201,
])
def test_hostile_queries_answer_400_with_the_form(client, world, query):
    response = client.get(f"/?{query}")
    assert response.status_code == 400, query
    html = response.get_data(as_text=True)
    assert 'role="alert"' in html and '<form id="filters"' in html
