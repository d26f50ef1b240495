"""The one assertion every error test makes: an RFC 9457 problem body with the expected status."""


def assert_problem(response, status):
    """Assert response is application/problem+json with status, and return its body."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.content_type == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["type"]
    return body
