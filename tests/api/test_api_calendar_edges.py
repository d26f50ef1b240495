"""Articles published at the edges of the calendar: relative dates off its ends cost those dates, never a 500."""
import pytest

BODY = ("Lavrov met Jaishankar yesterday, last month, last year, next year, next decade, two centuries ago, "
        "in 30 years, on Monday, last winter, the previous quarter and in the first half of next year.")


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-01T00:00:00+14:00", "9999-12-31", "9999-12-31T23:59:59-12:00"])
def test_an_article_published_at_the_calendars_edge_is_stored(client, auth, published):
    response = client.post("/api/articles", json={"body": BODY, "published_at": published}, headers=auth)
    assert response.status_code == 201, response.get_data(as_text=True)
