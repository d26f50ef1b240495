"""GET /api/timeline: TimelineJS3 documents checked against the format's documented fields, and date groups."""
import html
import re
from datetime import date

from service.db import db
from service.drafting.intervals import narrowed
from service.models import Topic

# From the TimelineJS3 JSON format documentation: the fields each object may carry.
ROOT = {"events", "title", "eras", "scale"}
SLIDE = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink", "unique_id"}
DATE = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}
TEXT = {"headline", "text"}


def check_date(value):
    assert set(value) <= DATE and isinstance(value["year"], int)
    parts = [p for p in ("year", "month", "day", "hour", "minute") if p in value]
    # Parts are given from the year down without gaps: a month-only date has no day, never a day without a month.
    assert parts == ["year", "month", "day", "hour", "minute"][: len(parts)]


def check_timelinejs(document):
    assert set(document) <= ROOT and isinstance(document["events"], list)
    assert set(document["title"]) <= SLIDE and set(document["title"]["text"]) <= TEXT
    for slide in document["events"]:
        assert set(slide) <= SLIDE
        check_date(slide["start_date"])
        if "end_date" in slide:
            check_date(slide["end_date"])
        assert set(slide["text"]) <= TEXT and slide["text"]["headline"]


def test_timelinejs_follows_the_documented_format(client, world):
    document = client.get("/api/timeline?format=timelinejs").get_json()
    check_timelinejs(document)
    slides = {s["unique_id"]: s for s in document["events"]}
    e = world["events"]
    assert [s["unique_id"] for s in document["events"]] == [f"event-{e[k]}" for k in ("deliveries", "summit", "exercise", "talks", "election")]
    assert slides[f"event-{e['deliveries']}"]["start_date"] == {"year": 2020, "month": 12}
    assert slides[f"event-{e['summit']}"]["start_date"] == {"year": 2021}
    assert slides[f"event-{e['talks']}"]["start_date"] == {"year": 2021, "month": 4, "day": 6}
    week = slides[f"event-{e['exercise']}"]
    assert week["start_date"] == {"year": 2021, "month": 4, "day": 5}
    assert week["end_date"] == {"year": 2021, "month": 4, "day": 11}
    # On the slide: on the start date TimelineJS would read "week 14, 2021 — April 11, 2021".
    assert week["display_date"] == "week 14, 2021"
    assert slides[f"event-{e['deliveries']}"]["group"] == "Defence"
    assert slides[f"event-{e['talks']}"]["group"] == "Diplomacy"
    assert "group" not in slides[f"event-{e['election']}"]


def test_timelinejs_text_links_sources_and_escapes_html(client, world, store):
    store.event(world["articles"]["ani"], "Tariffs <script>alert(1)</script> & more", "2021-05-01", "2021-05-01", "2021-05-01", "day")
    document = client.get("/api/timeline?q=tariffs").get_json()
    (slide,) = document["events"]
    assert "<script>" not in slide["text"]["text"] and "&lt;script&gt;" in slide["text"]["text"]
    assert '<a href="https://example.org/lavrov-delhi">Lavrov in Delhi</a>' in slide["text"]["text"]
    assert slide["text"]["headline"] == "Tariffs &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"


def test_timeline_takes_the_event_filters(client, world):
    document = client.get("/api/timeline?actor=jaishankar&from=2021-04").get_json()
    assert [s["unique_id"] for s in document["events"]] == [f"event-{world['events']['talks']}"]
    assert client.get("/api/timeline?topic=defence&from=2022").get_json()["events"] == []


def test_json_format_groups_events_by_date(client, world, store):
    same_day = store.event(world["articles"]["ani"], "Another meeting", "2021-04-06", "2021-04-06", "2021-04-06", "day")
    dates = client.get("/api/timeline?format=json").get_json()["dates"]
    assert [d["date"]["value"] for d in dates] == ["2020-12", "2021", "2021-W14", "2021-04-06", "2022-03"]
    assert [e["id"] for e in dates[3]["events"]] == [world["events"]["talks"], same_day.id]
    assert dates[3]["date"] == {"value": "2021-04-06", "start": "2021-04-06", "end": "2021-04-06", "granularity": "day", "modifier": None}
    assert set(dates[0]["events"][0]) == {"id", "date", "title", "status", "confidence", "actors", "topics", "sources"}


def test_timeline_limit(client, world):
    assert len(client.get("/api/timeline?limit=2").get_json()["events"]) == 2
    assert client.get("/api/timeline?limit=5001").status_code == 422


def test_headline_is_cut_at_a_word(client, world, store):
    store.event(world["articles"]["ani"], "word " * 60, "2023", "2023-01-01", "2023-12-31", "year")
    (slide,) = client.get("/api/timeline?from=2023").get_json()["events"]
    assert len(slide["text"]["headline"]) <= 121 and re.fullmatch(r"(word )*word…", slide["text"]["headline"])


def test_display_dates_are_words_a_reader_knows(client, world, store):
    article = world["articles"]["ani"]
    half = store.event(article, "Exports rose", "2021-H1", "2021-01-01", "2021-06-30", "half")
    store.event(article, "Growth slowed", "2020-Q3", "2020-07-01", "2020-09-30", "quarter")
    store.event(article, "Floods", "2021-SU", "2021-06-01", "2021-08-31", "season")
    end = store.event(article, "Summit planned", "2025", "2025-01-01", "2025-12-31", "year")
    type(end).update(modifier="END").where(type(end).id == end.id).execute()
    assert [e["id"] for e in client.get("/api/events?granularity=half").get_json()["items"]] == [half.id]
    slides = client.get("/api/timeline?from=2020-07").get_json()["events"]
    shown = {s["text"]["headline"]: s.get("display_date") for s in slides}
    assert shown["Exports rose"] == "first half of 2021"
    assert shown["Growth slowed"] == "Q3 2020"
    assert shown["Floods"] == "summer 2021"
    assert shown["Summit planned"] == "end of 2025"
    assert all("display_date" not in s["start_date"] and "display_date" not in s.get("end_date", {}) for s in slides)


def modified(store, world, modifier, value, start, end, granularity):
    """Store an event whose date carries a TIMEX3 modifier, its interval narrowed as ingest stores it."""
    start, end = (day.isoformat() for day in narrowed(date.fromisoformat(start), date.fromisoformat(end), granularity, modifier))
    event = store.event(world["articles"]["ani"], f"Event {modifier} {value}", value, start, end, granularity)
    type(event).update(modifier=modifier).where(type(event).id == event.id).execute()
    return event


def test_modified_dates_sit_in_their_third_of_the_period(client, world, store):
    # "end of 2025" is stored as its last four months, "mid-2025" the middle four: each slide sits there.
    cases = {
        modified(store, world, "END", "2025", "2025-01-01", "2025-12-31", "year").id:
            ("end of 2025", {"year": 2025, "month": 9, "day": 1}, {"year": 2025, "month": 12, "day": 31}),
        modified(store, world, "MID", "2026", "2026-01-01", "2026-12-31", "year").id:
            ("mid-2026", {"year": 2026, "month": 5, "day": 1}, {"year": 2026, "month": 8, "day": 31}),
        modified(store, world, "START", "2027", "2027-01-01", "2027-12-31", "year").id:
            ("start of 2027", {"year": 2027, "month": 1, "day": 1}, {"year": 2027, "month": 4, "day": 30}),
        # A 30-day month in thirds of ten days: "end of April" is the 21st to the 30th.
        modified(store, world, "END", "2028-04", "2028-04-01", "2028-04-30", "month").id:
            ("end of April 2028", {"year": 2028, "month": 4, "day": 21}, {"year": 2028, "month": 4, "day": 30}),
        # Winter runs across the new year: its middle is January.
        modified(store, world, "MID", "2028-WI", "2028-12-01", "2029-02-28", "season").id:
            ("mid-winter 2028/29", {"year": 2029, "month": 1, "day": 1}, {"year": 2029, "month": 1, "day": 31}),
    }
    around = modified(store, world, "APPROX", "2030", "2030-01-01", "2030-12-31", "year").id
    slides = {s["unique_id"]: s for s in client.get("/api/timeline?from=2025").get_json()["events"]}
    for event_id, (words, start, end) in cases.items():
        slide = slides[f"event-{event_id}"]
        assert (slide["display_date"], slide["start_date"], slide["end_date"]) == (words, start, end)
    # "Around 2030" is all of 2030, shown as the year it is.
    assert slides[f"event-{around}"]["start_date"] == {"year": 2030} and "end_date" not in slides[f"event-{around}"]
    assert slides[f"event-{around}"]["display_date"] == "around 2030"


def test_modified_dates_are_placed_in_date_order_among_others(client, world, store):
    # The case: "end of 2021" sorted after the February-April 2021 events on the time axis.
    late = modified(store, world, "END", "2021", "2021-01-01", "2021-12-31", "year")
    slides = client.get("/api/timeline?from=2021&to=2021").get_json()["events"]
    placed_at = {s["unique_id"]: (s["start_date"]["year"], s["start_date"].get("month", 1), s["start_date"].get("day", 1)) for s in slides}
    april = placed_at[f"event-{world['events']['talks']}"]
    assert placed_at[f"event-{late.id}"] > april == (2021, 4, 6)


def test_group_is_escaped_for_timelinejs_decoding_it_once(client, world, store):
    with db.connection_context():
        hostile = Topic.create(name="<img src=x onerror=alert(1)>", slug="hostile")
        ampersand = Topic.create(name="R&D <and>", slug="r-and-d")
    store.event(world["articles"]["ani"], "Hostile", "2031-01-01", "2031-01-01", "2031-01-01", "day", topics=[hostile])
    store.event(world["articles"]["ani"], "Research", "2031-01-02", "2031-01-02", "2031-01-02", "day", topics=[ampersand])
    groups = [s["group"] for s in client.get("/api/timeline?from=2031").get_json()["events"]]
    # Decoded once by TimelineJS, each becomes the HTML that shows the name as text.
    assert groups == ["&amp;lt;img src=x onerror=alert(1)&amp;gt;", "R&amp;amp;D &amp;lt;and&amp;gt;"]
    assert [html.unescape(g) for g in groups] == ["&lt;img src=x onerror=alert(1)&gt;", "R&amp;D &lt;and&gt;"]


def test_only_web_urls_become_links(client, world, store):
    article = store.article("Scripted", "2033-01-02", "Wire", url="javascript:alert(1)")
    store.event(article, "Linked", "2033-01-01", "2033-01-01", "2033-01-01", "day")
    (slide,) = client.get("/api/timeline?from=2033").get_json()["events"]
    assert "javascript:" not in slide["text"]["text"] and "<a " not in slide["text"]["text"]
    assert slide["text"]["text"].endswith("<p>— Scripted, 2033-01-02</p>")


def test_line_breaks_in_quotes_are_kept(client, world, store):
    quote = "First line <b>bold</b>\nsecond line\r\n\r\nA new paragraph"
    store.event(world["articles"]["ani"], "Multi-line", "2032-01-01", "2032-01-01", "2032-01-01", "day", quote=quote)
    (slide,) = client.get("/api/timeline?from=2032").get_json()["events"]
    assert slide["text"]["text"].startswith(
        "<blockquote><p>First line &lt;b&gt;bold&lt;/b&gt;<br>second line</p><p>A new paragraph</p></blockquote>"
    )


def test_group_is_the_topic_most_sources_name(client, world, store):
    article = world["articles"]
    with db.connection_context():
        topics = [Topic.get_by_id(world["topics"][slug]) for slug in ("diplomacy", "defence")]
    # Alphabetically "Defence" comes first; both sources are about diplomacy, one mentions defence after it.
    event = store.event(article["ani"], "Envoys met", "2024-02-02", "2024-02-02", "2024-02-02", "day", topics=topics)
    store.source(event, article["tass"], "Envoys met for talks.", topics=["diplomacy"])
    (slide,) = client.get("/api/timeline?from=2024").get_json()["events"]
    assert slide["group"] == "Diplomacy"
