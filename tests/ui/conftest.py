"""A real browser on real servers: Debian's Chromium driven by Playwright, gunicorn on the seed data, nginx in front."""
import sys
import uuid
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

from service.db import db

sys.path.insert(0, str(Path(__file__).parents[1] / "deploy"))

from servers import Gunicorn, Nginx, nginx_binary, run_cli, upgrade_schema  # noqa: E402

from page_site import CHROMIUM, CHROMIUM_ARGS, add_hostile_topics, api_rows  # noqa: E402


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """gunicorn on a SQLite database with the seed articles and two topics named in HTML."""
    workdir = tmp_path_factory.mktemp("page")
    database_url = f"sqlite:///{workdir / f'page-{uuid.uuid4().hex[:6]}.db'}"
    upgrade_schema(database_url)
    run_cli(database_url, "seed")
    slugs = add_hostile_topics(database_url)
    app = Gunicorn(workdir, database_url, workers=2)
    try:
        app.start()
        yield SimpleNamespace(url=app.url, port=app.port, workdir=workdir, slugs=slugs)
    finally:
        app.stop()


@pytest.fixture(scope="session")
def proxied(site):
    """nginx with the shipped proxy snippet in front of the site, under /timeline/ over TLS; return its base URL."""
    try:
        nginx_binary()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    proxy = Nginx(site.workdir, [site.port])
    try:
        proxy.start()
        yield f"{proxy.url}/timeline"
    finally:
        proxy.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium; the tests fail, never skip, without it (bash .ci/system-packages installs it)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash .ci/system-packages` (Debian package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page with everything it asked for and every complaint it made recorded."""

    def __init__(self, page):
        self.page, self.requests, self.errors, self.dialogs = page, [], [], []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        page.on("requestfailed", lambda request: self.errors.append(f"failed: {request.url} {request.failure}"))
        page.on("response", lambda response: response.status >= 400 and self.errors.append(f"{response.status}: {response.url}"))
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def hosts(self) -> set[str]:
        """Return the host:port of every request the page made (data: URLs have none)."""
        return {urlsplit(url).netloc for url in self.requests if not url.startswith(("data:", "blob:"))}


@pytest.fixture
def watched(browser):
    """A fresh context and page (self-signed TLS accepted: the proxy's certificate is the tests' own)."""
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 1200, "height": 900})
    yield Watched(context.new_page())
    context.close()


@pytest.fixture
def no_script(browser):
    """A page with JavaScript turned off."""
    context = browser.new_context(java_script_enabled=False)
    yield Watched(context.new_page())
    context.close()


@pytest.fixture
def world(app):
    """tests/api's small world of five events, in this test's database."""
    return api_rows().build_world()


@pytest.fixture
def store():
    """tests/api's row builders (article, event, source), each run in its own connection."""
    rows = api_rows()

    class Store:
        def __getattr__(self, name):
            func = {"article": rows.add_article, "event": rows.add_event, "source": rows.add_source}[name]

            def run(*args, **kwargs):
                with db.connection_context():
                    return func(*args, **kwargs)

            return run

    return Store()
