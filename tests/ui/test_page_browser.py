"""The page in Debian's Chromium: what a visitor sees, clicks and shares, with nothing fetched from elsewhere."""
import re
from urllib.parse import parse_qs, urlsplit

from page_site import AMPERSAND, HOSTILE, titles_of

# ms: how long to wait for a page to draw its timeline (it takes well under a second). A wait, not a speed check:
# it ends as soon as the markers are there, and a busy machine may take several seconds.
READY = 30_000


def open_page(watched, url: str):
    """Open url and wait until TimelineJS has drawn its markers."""
    watched.page.goto(url)
    watched.page.wait_for_selector(".tl-timemarker", state="attached", timeout=READY)
    return watched.page


def listed(page) -> list[str]:
    """Return the event titles of the page's list, in order."""
    return page.locator("#events ol.events > li h3").all_inner_texts()


def test_page_shows_the_seed_events_with_no_errors_and_nothing_from_elsewhere(site, watched):
    page = open_page(watched, f"{site.url}/")
    expected = titles_of(site, "")
    assert len(expected) > 5, "the seed articles yield events"
    assert listed(page) == expected
    # Every event is also a TimelineJS marker, and its slides carry the quotes with links to the articles.
    assert page.locator(".tl-timemarker").count() == len(expected)
    assert page.locator(".tl-slide-content a[href^='http']").count() > 0
    assert page.locator("#events ul.sources blockquote").count() >= len(expected)
    page.wait_for_load_state("networkidle")
    assert watched.errors == [], watched.requests
    assert watched.hosts() == {urlsplit(site.url).netloc}, watched.requests
    # The script drew from the answer to the head's preload: the export was asked for once.
    assert [url for url in watched.requests if "/api/" in url] == [f"{site.url}/api/timeline?format=timelinejs"]


def test_picking_an_actor_narrows_the_events_and_the_url_keeps_the_view(site, watched):
    page = open_page(watched, f"{site.url}/")
    everything = listed(page)
    page.select_option("#actor", "vladimir-putin")
    page.wait_for_url(re.compile(r"\?actor=vladimir-putin$"))
    expected = titles_of(site, "actor=vladimir-putin")
    assert 0 < len(expected) < len(everything)
    page.wait_for_function("n => document.querySelectorAll('#events ol.events > li').length === n", arg=len(expected))
    assert listed(page) == expected
    # A screen reader hears the new count from the live region.
    assert page.locator("#announce[aria-live=polite]").text_content() == f"{len(expected)} events"
    page.wait_for_function("n => document.querySelectorAll('.tl-timemarker').length === n", arg=len(expected))
    # A second filter joins the first in the URL; the link opens the same view in a new page.
    page.fill("#from", "2021")
    page.press("#from", "Enter")
    page.wait_for_url(re.compile(r"\?actor=vladimir-putin&from=2021$"))
    narrower = titles_of(site, "actor=vladimir-putin&from=2021")
    page.wait_for_function("n => document.querySelectorAll('#events ol.events > li').length === n", arg=len(narrower))
    shared = page.url
    fresh = page.context.new_page()
    fresh.goto(shared)
    fresh.wait_for_selector(".tl-timemarker", state="attached", timeout=READY)
    assert listed(fresh) == narrower and fresh.input_value("#actor") == "vladimir-putin" and fresh.input_value("#from") == "2021"
    assert fresh.locator(".tl-timemarker").count() == len(narrower)
    # Back goes to the previous view, list and form alike.
    page.go_back()
    page.wait_for_function("n => document.querySelectorAll('#events ol.events > li').length === n", arg=len(expected))
    assert page.input_value("#from") == "" and page.input_value("#actor") == "vladimir-putin"
    # The timelines drawn before are gone with their elements: the arrow keys move only the one shown.
    page.keyboard.press("ArrowRight")
    page.wait_for_selector(".tl-timemarker-active", state="attached")
    assert watched.errors == []


def test_a_url_from_the_plain_form_draws_the_timeline_too(site, watched):
    # What the form sends without JavaScript: every field, the empty ones too.
    page = open_page(watched, f"{site.url}/?actor=vladimir-putin&topic=&from=&to=&q=")
    assert page.locator(".tl-timemarker").count() == len(titles_of(site, "actor=vladimir-putin"))
    assert watched.errors == []


def test_a_link_may_name_the_actor_by_alias(site, watched):
    page = open_page(watched, f"{site.url}/?actor=lavrov&from=2021-04")
    assert listed(page) == titles_of(site, "actor=lavrov&from=2021-04") != []
    assert page.input_value("#actor") == "sergei-lavrov"


def test_hostile_topic_names_render_as_text(site, watched):
    for name in (HOSTILE, AMPERSAND):
        page = open_page(watched, f"{site.url}/?topic={site.slugs[name]}")
        # TimelineJS's group label, the slide and the list all show the name as written.
        assert page.locator(".tl-timegroup-message").all_inner_texts() == [name]
        assert name in page.locator("#events").inner_text()
        assert page.locator(f"#topic option[value='{site.slugs[name]}']").inner_text().startswith(name)
    page.wait_for_timeout(300)
    assert watched.dialogs == [] and page.locator("img[src='x']").count() == 0
    assert watched.errors == []


def test_quotes_keep_their_line_breaks(site, watched):
    page = open_page(watched, f"{site.url}/?topic=hostile")
    assert page.locator("#events blockquote").inner_text() == "First line about hostile.\nSecond line."
    assert page.locator(".tl-slide-content blockquote").first.inner_text() == "First line about hostile.\nSecond line."


def test_the_page_works_under_a_prefix_behind_nginx(site, proxied, watched):
    page = open_page(watched, f"{proxied}/")
    assert listed(page) == titles_of(site, "")
    page.select_option("#actor", "vladimir-putin")
    page.wait_for_url(f"{proxied}/?actor=vladimir-putin")
    page.wait_for_function("n => document.querySelectorAll('.tl-timemarker').length === n", arg=len(titles_of(site, "actor=vladimir-putin")))
    page.wait_for_load_state("networkidle")
    assert watched.errors == []
    # Every request went through the proxy, under its prefix.
    assert all(url.startswith(f"{proxied}/") for url in watched.requests if not url.startswith("data:")), watched.requests


def test_filter_controls_are_labelled_and_reached_with_tab(site, watched):
    page = open_page(watched, f"{site.url}/")
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement, style = getComputedStyle(el);
            return {id: el.id || el.textContent.trim(), labels: el.labels ? [...el.labels].map(l => l.textContent.trim()) : null,
                    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
        }""")
        reached.append(focused)
    ids = [f["id"] for f in reached]
    controls = ["actor", "topic", "from", "to", "q", "Show events", "Clear the filters"]
    start = ids.index("actor")
    assert ids[start:start + len(controls)] == controls
    for focused in reached[start:start + 5]:
        assert focused["labels"] and all(focused["labels"]), focused
    # Keyboard focus is visible on every control.
    assert all(f["outline"] for f in reached[start:start + len(controls)]), reached
    # Arrow keys move the cursor in a filter, not TimelineJS's slides; outside the form they do move the slides.
    page.focus("#q")
    page.keyboard.type("talks")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.getElementById('q').selectionStart") == 4
    page.wait_for_timeout(500)
    assert page.locator(".tl-timemarker-active").count() == 0
    # Emptied again before leaving it, so the field's change does not redraw the view under the next key.
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("ArrowRight")
    page.wait_for_selector(".tl-timemarker-active", state="attached")


def test_the_list_and_filters_work_without_javascript(site, no_script):
    page = no_script.page
    # The list and the form need no API: the timeline's export, which the page's head preloads, cannot be had.
    page.route("**/api/**", lambda route: route.abort())
    page.goto(f"{site.url}/")
    assert listed(page) == titles_of(site, "")
    page.select_option("#actor", "vladimir-putin")
    page.fill("#from", "2021")
    page.click("text=Show events")
    page.wait_for_load_state()
    assert parse_qs(urlsplit(page.url).query) == {"actor": ["vladimir-putin"], "from": ["2021"]}
    assert listed(page) == titles_of(site, "actor=vladimir-putin&from=2021")
    # Each event names its date for machines and its sources with their quotes and links.
    first = page.locator("#events ol.events > li").first
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", first.locator("time").first.get_attribute("datetime"))
    assert first.locator("blockquote").count() >= 1
    # Only the head's preload reached for the API: nothing else on the page did.
    assert {urlsplit(url).path for url in no_script.requests if "/api/" in url} <= {"/api/timeline"}, no_script.requests
    page.fill("#from", "2021-13")
    page.click("text=Show events")
    assert "must be a date" in page.locator("[role=alert]").inner_text()


def test_an_unreadable_filter_is_explained_in_place(site, watched):
    page = open_page(watched, f"{site.url}/")
    page.fill("#from", "2021-13")
    page.press("#from", "Enter")
    page.wait_for_url(re.compile(r"\?from=2021-13$"))
    assert "from: must be a date as YYYY, YYYY-MM or YYYY-MM-DD" in page.locator("[role=alert]").inner_text()
    assert page.locator("#timeline-section").is_hidden() and listed(page) == []
    assert page.locator("#announce").text_content() == "These filters cannot be read"
    # The page and the API both refused the value (400 and 422); nothing else went wrong.
    assert {error.split(":")[0] for error in watched.errors} <= {"400", "422", "Failed to load resource"}, watched.errors
    page.fill("#from", "2021")
    page.press("#from", "Enter")
    page.wait_for_selector(".tl-timemarker", state="attached")
    assert listed(page) == titles_of(site, "from=2021")


def test_the_timeline_is_drawn_whichever_arrives_first_its_events_or_timelinejs(site, watched):
    page = watched.page
    expected = titles_of(site, "actor=vladimir-putin")
    for held, other in (("**/timeline.js", "/api/timeline?"), ("**/api/timeline?*", "/timelinejs/js/timeline.js")):
        # One of the two is kept back until the other has reached the page.
        kept = []
        page.route(held, lambda route: kept.append(route))
        with page.expect_request_finished(lambda request: other in request.url):
            page.goto(f"{site.url}/?actor=vladimir-putin", wait_until="commit")
        page.evaluate("() => new Promise(resolve => setTimeout(resolve, 0))")
        kept[0].continue_()
        page.wait_for_function("n => document.querySelectorAll('.tl-timemarker').length === n", arg=len(expected))
        page.unroute(held)
    assert watched.errors == []
