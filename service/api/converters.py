"""Path ids: any run of digits reaches the app, so an id no row can have is a 404 naming it, not a 405."""
from werkzeug.exceptions import NotFound
from werkzeug.routing import BaseConverter

from schemas.common import MAX_ID

# Longer runs of digits are refused by their length: int() refuses past 4,300 digits, and echoing them is noise.
ID_DIGITS = 20


class IdConverter(BaseConverter):
    """Match /<id(article):article_id>; answer 404 "no article N" for ids past what the databases store."""

    # ASCII digits only: \d also matches other scripts' digits (/api/events/١), which int() would read as 1.
    regex = r"[0-9]+"
    weight = 50

    def __init__(self, url_map, noun):
        super().__init__(url_map)
        self.noun = noun

    def to_python(self, value):
        # werkzeug's int(max=...) made such ids match no rule, so another method's rule answered 405.
        short = len(value) <= ID_DIGITS
        if not short or not 1 <= int(value) <= MAX_ID:
            raise NotFound(f"no {self.noun} {value}" if short else f"no {self.noun} has an id of {len(value)} digits")
        return int(value)

    def to_url(self, value):
        return str(int(value))


def id_schema(converter) -> dict:
    """Document an id path parameter."""
    return {"type": "integer", "minimum": 1, "maximum": MAX_ID}
