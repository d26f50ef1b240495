"""Changing the filters many times leaves one TimelineJS timeline behind, as Chromium's own DevTools count it."""
import re

from page_site import titles_of

ACTOR = "vladimir-putin"
CHANGES = 6
# TimelineJS animates a timeline's first move for a second, and the animation holds its timeline until it ends:
# how many times to look again, a quarter second apart, for a replaced timeline to be gone (the looks end as soon
# as it is, so they are many: a busy machine may end the animation seconds late).
LOOKS = 120


def hooks(cdp) -> dict:
    """Return the TimelineJS timelines alive, the window's and document's listeners, and the DOM nodes, after a GC."""
    group = {"objectGroup": "hooks"}

    def evaluate(expression):
        return cdp.send("Runtime.evaluate", {"expression": expression, **group})["result"]["objectId"]

    try:
        cdp.send("HeapProfiler.collectGarbage")
        # queryObjects walks the heap for every object built by TL.Timeline, live or leaked.
        alive = cdp.send("Runtime.queryObjects", {"prototypeObjectId": evaluate("TL.Timeline.prototype"), **group})
        timelines = cdp.send("Runtime.callFunctionOn", {"objectId": alive["objects"]["objectId"], "returnByValue": True,
                                                        "functionDeclaration": "function () { return this.length; }"})
        listeners = {name: sorted(listener["type"] for listener in cdp.send(
            "DOMDebugger.getEventListeners", {"objectId": evaluate(name)})["listeners"]) for name in ("window", "document")}
    finally:
        # The handles asked for here would otherwise keep what they point at alive.
        cdp.send("Runtime.releaseObjectGroup", group)
    cdp.send("HeapProfiler.collectGarbage")
    return {"timelines": timelines["result"]["value"], **listeners, "nodes": cdp.send("Memory.getDOMCounters")["nodes"]}


def settled(page, cdp) -> dict:
    """Return hooks() once no replaced timeline is alive, or as it stands after LOOKS looks."""
    for _ in range(LOOKS):
        state = hooks(cdp)
        if state["timelines"] == 1:
            break
        page.wait_for_timeout(250)
    return state


def wait_for_view(page, titles: list[str]):
    """Wait until the list and the timeline both show exactly these events (through no element handle, which
    would keep its timeline alive)."""
    page.wait_for_function("""n => document.querySelectorAll('#events ol.events > li').length === n
        && document.querySelectorAll('#timeline .tl-timemarker').length === n
        && !document.querySelector('#results[aria-busy]')""", arg=len(titles))


def active_slide(page) -> int:
    """Return the position of the timeline's active marker, -1 while the title slide shows."""
    return page.evaluate("""() => [...document.querySelectorAll('#timeline .tl-timemarker')]
        .findIndex(marker => marker.classList.contains('tl-timemarker-active'))""")


def test_redraws_take_the_previous_timeline_down(site, watched):
    page = watched.page
    everything, narrowed = titles_of(site, ""), titles_of(site, f"actor={ACTOR}")
    assert len(everything) > len(narrowed) > 2
    cdp = page.context.new_cdp_session(page)
    page.goto(f"{site.url}/")
    wait_for_view(page, everything)
    first = settled(page, cdp)
    assert first["timelines"] == 1
    # TimelineJS's own: a resize listener on the window and an arrow-key one on the document.
    assert first["window"].count("resize") == 1 and first["document"].count("keydown") == 1, first
    after = []
    for change in range(CHANGES):
        # Each change draws a timeline in place of the last: a pick, then Back to the view before it.
        if change % 2 == 0:
            page.select_option("#actor", ACTOR)
            page.wait_for_url(re.compile(rf"\?actor={ACTOR}$"))
            wait_for_view(page, narrowed)
        else:
            page.go_back()
            wait_for_view(page, everything)
            after.append(settled(page, cdp))
    # However many views were drawn, one timeline lives, hooked on as the first was; each later one drawing the
    # same view holds as many DOM nodes as the one before it (a kept timeline would add its slides and markers).
    for state in after:
        assert (state["timelines"], state["window"], state["document"]) == (1, first["window"], first["document"]), state
    assert after[-1]["nodes"] == after[0]["nodes"], after
    # The arrow keys move the timeline shown one slide per press, from its title slide on.
    page.evaluate("() => document.activeElement.blur()")
    for slide in range(3):
        assert active_slide(page) == slide - 1
        page.keyboard.press("ArrowRight")
        page.wait_for_function("before => [...document.querySelectorAll('#timeline .tl-timemarker')].findIndex("
                               "marker => marker.classList.contains('tl-timemarker-active')) !== before", arg=slide - 1)
    assert active_slide(page) == 2
    assert watched.errors == []
