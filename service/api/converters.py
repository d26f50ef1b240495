"""Path ids: any run of digits reaches the app, so an id no row can have is a 404 naming it, not a 405."""
from werkzeug.exceptions import NotFound
from werkzeug.routing import BaseConverter

from schemas.common import MAX_ID


class IdConverter(BaseConverter):
    """Match /<id(article):article_id>; answer 404 "no article N" for ids past what the databases store."""

    regex = r"\d+"
    weight = 50

    def __init__(self, url_map, noun):
        super().__init__(url_map)
        self.noun = noun

    def to_python(self, value):
        # werkzeug's int(max=...) made such ids match no rule, so another method's rule answered 405.
        number = int(value)
        if not 1 <= number <= MAX_ID:
            raise NotFound(f"no {self.noun} {value}")
        return number

    def to_url(self, value):
        return str(int(value))


def id_schema(converter) -> dict:
    """Document an id path parameter."""
    return {"type": "integer", "minimum": 1, "maximum": MAX_ID}
