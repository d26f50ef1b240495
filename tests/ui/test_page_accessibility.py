"""axe-core's WCAG 2 A and AA rules over the page: labels, contrast, names, structure; with and without JavaScript."""
from pathlib import Path

AXE = Path(__file__).parent / "axe" / "axe.min.js"
RULES = {"runOnly": ["wcag2a", "wcag2aa"]}


def violations(page) -> list[str]:
    """Run axe-core in page and return one line per rule broken and where."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("rules => axe.run(document, rules)", RULES)["violations"]
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}" for v in found]


def settle(page, looks=60):
    """Wait until TimelineJS's animations have ended: its CSS transitions (the first drawing) have finished and
    its tweens (a slide change), which write the inline styles of its elements every frame, have left them alone
    for a quarter of a second. A fixed wait would end mid-fade whenever a busy machine starts one late."""
    state = """() => document.getAnimations().filter(a => a.playState === 'running').length + '|' +
        [...document.querySelectorAll('#timeline *')].map(e => e.getAttribute('style')).join('|')"""
    page.wait_for_timeout(1000)
    before = page.evaluate(state)
    for _ in range(looks):
        page.wait_for_timeout(250)
        now = page.evaluate(state)
        if now == before and now.startswith("0|"):
            return
        before = now
    raise AssertionError("TimelineJS was still animating after 15 s")


def test_the_page_and_its_timeline_break_no_basic_rule(site, browser):
    # The page's Content-Security-Policy refuses injected scripts, axe's too: bypassed for this reading only.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(f"{site.url}/")
    page.wait_for_selector(".tl-timemarker", state="attached")
    # TimelineJS animates its first slide in; axe reads colours as they are once it has settled.
    settle(page)
    assert violations(page) == []
    # To the first event's slide by keyboard: a pointer left over a button would catch its labels mid-fade.
    page.keyboard.press("ArrowRight")
    page.wait_for_selector(".tl-timemarker-active", state="attached")
    settle(page)
    assert violations(page) == []
    context.close()


def test_the_page_without_its_scripts_breaks_no_basic_rule(site, browser):
    # axe is a script itself: the page's own scripts are refused instead, which leaves what a no-JS visitor sees.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.route("**/*.js", lambda route: route.abort())
    page.goto(f"{site.url}/?actor=vladimir-putin")
    assert page.locator("#timeline-section").is_hidden() and page.locator("#events ol.events > li").count() > 0
    assert violations(page) == []
    context.close()
