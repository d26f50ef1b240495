"""GET /api/timeline: TimelineJS3 documents checked against the format's documented fields, and date groups."""
import re

from service.db import db
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
    assert week["start_date"] == {"year": 2021, "month": 4, "day": 5, "display_date": "week 14, 2021"}
    assert week["end_date"] == {"year": 2021, "month": 4, "day": 11}
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
    shown = {s["text"]["headline"]: s["start_date"].get("display_date") for s in slides}
    assert shown["Exports rose"] == "first half of 2021"
    assert shown["Growth slowed"] == "Q3 2020"
    assert shown["Floods"] == "summer 2021"
    assert shown["Summit planned"] == "end of 2025"
    assert next(s for s in slides if s["text"]["headline"] == "Summit planned")["start_date"]["year"] == 2025


def test_group_is_the_topic_most_sources_name(client, world, store):
    article = world["articles"]
    with db.connection_context():
        topics = [Topic.get_by_id(world["topics"][slug]) for slug in ("diplomacy", "defence")]
    # Alphabetically "Defence" comes first; both sources are about diplomacy, one mentions defence after it.
    event = store.event(article["ani"], "Envoys met", "2024-02-02", "2024-02-02", "2024-02-02", "day", topics=topics)
    store.source(event, article["tass"], "Envoys met for talks.", topics=["diplomacy"])
    (slide,) = client.get("/api/timeline?from=2024").get_json()["events"]
    assert slide["group"] == "Diplomacy"
