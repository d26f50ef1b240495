"""A topic's parent is checked and written in one transaction: two edits at once cannot make a cycle."""
import threading
import time

import service.events.edits as edits


def test_two_parent_edits_at_once_cannot_make_a_cycle(app, client, auth, world, monkeypatch):
    real = edits.check_parent

    def slow_check(topic_id, parent_id):
        # Widen the gap between the check and the write, where the other edit would slip in without the lock.
        real(topic_id, parent_id)
        time.sleep(0.3)

    monkeypatch.setattr(edits, "check_parent", slow_check)
    diplomacy, defence = world["topics"]["diplomacy"], world["topics"]["defence"]
    trade = client.post("/api/topics", json={"name": "Trade"}, headers=auth).get_json()["id"]
    statuses = {}

    def patch(topic_id, parent_id):
        statuses[topic_id] = app.test_client().patch(f"/api/topics/{topic_id}", json={"parent": parent_id}, headers=auth).status_code

    first = threading.Thread(target=patch, args=(trade, diplomacy))
    second = threading.Thread(target=patch, args=(diplomacy, trade))
    first.start()
    time.sleep(0.1)
    second.start()
    first.join(30)
    second.join(30)
    assert sorted(statuses.values()) == [200, 422]
    parents = {t["id"]: (t["parent"] or {}).get("id") for t in client.get("/api/topics?limit=500").get_json()["items"]}
    assert not (parents[trade] == diplomacy and parents[diplomacy] == trade)
    assert parents[defence] == diplomacy
