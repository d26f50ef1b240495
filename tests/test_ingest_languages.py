"""`timeline ingest` reads a JSON item's language, and refuses a bad one by itself."""
import json

from service.models import Article


def test_ingest_takes_a_language_and_reports_a_bad_one(timeline, tmp_path):
    items = [
        {"body": "Lavrov a rencontré Jaishankar mardi à New Delhi.", "published_at": "2021-04-07", "language": "fr"},
        {"body": "Лавров встретился с Джайшанкаром во вторник.", "published_at": "2021-04-07", "language": "klingon"},
    ]
    path = tmp_path / "articles.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    result = timeline("ingest", str(path))
    assert "klingon" in result.output
    assert [(a.language, a.body[:6]) for a in Article.select()] == [("fr", "Lavrov")]
