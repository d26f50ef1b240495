"""Articles in other languages over HTTP: the language given, taken from a tag, or detected; and refused when bad."""
import pytest

from problem_asserts import assert_problem

RUSSIAN = {
    "title": "Лавров провёл переговоры с Джайшанкаром",
    "body": "Министр иностранных дел России Сергей Лавров во вторник провёл в Нью-Дели переговоры "
            "с индийским коллегой Субраманьямом Джайшанкаром. На прошлой неделе министры говорили по телефону.",
    "published_at": "2021-04-07",
}


def test_a_russian_article_is_detected_and_its_dates_read_in_russian(client, auth):
    response = client.post("/api/articles", json=RUSSIAN, headers=auth)
    body = response.get_json()
    assert response.status_code == 201, body
    assert body["language"] == "ru"
    assert [(m["text"], m["value"]) for m in body["mentions"]] == [("вторник", "2021-04-06"),
                                                                     ("На прошлой неделе", "2021-W13")]
    assert {s["article"]["language"] for e in body["events"] for s in e["sources"]} == {"ru"}
    assert body["title"] == RUSSIAN["title"]


def test_a_given_language_wins_and_a_tag_is_read_as_its_code(client, auth):
    # Said to be Portuguese (as a page's lang="pt-BR" would): read with Portuguese vocabulary, not detected.
    article = {"body": "O chanceler russo reuniu-se na terça-feira com o homólogo indiano em Nova Délhi.",
               "published_at": "2021-04-07", "language": "pt-BR"}
    body = client.post("/api/articles", json=article, headers=auth).get_json()
    assert body["language"] == "pt"
    assert [(m["text"], m["value"]) for m in body["mentions"]] == [("terça-feira", "2021-04-06")]


def test_a_three_letter_code_is_read_as_its_two_letter_one(client, auth):
    # ?language=ru must find an article sent as "rus"; Filipino has no two-letter code and keeps "fil".
    assert client.post("/api/articles", json={**RUSSIAN, "language": "rus"}, headers=auth).get_json()["language"] == "ru"
    assert len(client.get("/api/articles?language=ru").get_json()["items"]) == 1
    tagalog = {"body": "Nagpulong ang mga ministro noong Martes sa Maynila.", "published_at": "2021-04-07", "language": "fil"}
    assert client.post("/api/articles", json=tagalog, headers=auth).get_json()["language"] == "fil"


def test_an_english_article_stays_english(client, auth):
    article = {"body": "Lavrov met Jaishankar on Tuesday.", "published_at": "2021-04-07"}
    body = client.post("/api/articles", json=article, headers=auth).get_json()
    assert body["language"] == "en"
    assert [(m["text"], m["value"]) for m in body["mentions"]] == [("Tuesday", "2021-04-06")]


@pytest.mark.parametrize("language", ["russian", "r", "12", "fr-", "", 7, ["fr"], "fr" + "-abc" * 50_000, "xx", "zzz"])
def test_a_bad_language_is_a_422_and_stores_nothing(client, auth, language):
    response = client.post("/api/articles", json={**RUSSIAN, "language": language}, headers=auth)
    problem = assert_problem(response, 422)
    assert "language" in str(problem)
    assert client.get("/api/articles").get_json()["items"] == []


def test_a_bad_language_in_a_batch_refuses_that_item_only(client, auth):
    items = [{**RUSSIAN, "language": "xx-"}, RUSSIAN]
    response = client.post("/api/articles/batch", json={"articles": items}, headers=auth).get_json()
    assert [(i["index"], i["status"]) for i in response["items"]] == [(0, 422), (1, 201)]
    assert "language" in response["items"][0]["errors"]
    stored = client.get("/api/articles").get_json()["items"]
    assert [a["language"] for a in stored] == ["ru"]


def test_the_language_filter_refuses_a_bad_code(client):
    assert_problem(client.get("/api/articles?language=russian"), 422)
    assert_problem(client.get("/api/events?language=1"), 422)
    problem = assert_problem(client.get("/api/events?language=xx"), 422)
    # The message names every form accepted: "rus" and "fil" are taken too, so "ISO 639-1" alone would mislead.
    assert problem["errors"]["language"] == ["must be an ISO 639 language code such as fr or fil, or a tag such as fr-FR"]
