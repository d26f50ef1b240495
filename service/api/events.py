"""Events: the dated happenings extracted from articles."""
from flask import current_app
from flask_smorest import abort

from schemas.events import EventListArgs, EventPageSchema, EventSchema

from ..reads import events
from .blueprint import Blueprint
from .paging import page

blp = Blueprint("events", __name__, url_prefix="/api/events", description="Dated events, filterable and paginated")


@blp.get("")
@blp.arguments(EventListArgs, location="query")
@blp.response(200, EventPageSchema)
@blp.problems(400, 503)
def list_events(args):
    """List events matching the filters, by date, one page at a time."""
    # The items already have EventSchema's shape (a test compares each with /api/events/{id}, which goes through
    # it): dumping 50 nested events with marshmallow cost as much as finding them. The schema still documents it.
    def find():
        ids, next_key = events.event_page(args)
        return current_app.extensions["rendered-events"].get(ids), next_key

    items, next_key = current_app.extensions["event-pages"].get(repr(sorted(args.items())), find)
    body, status, headers = page(items, next_key)
    response = current_app.json.rendered_response(body)
    response.headers.update(headers)
    return response


@blp.get("/<id(event):event_id>")
@blp.no_query
@blp.response(200, EventSchema)
@blp.problems(400, 404, 503)
def get_event(event_id):
    """Show one event with its actors, topics and sources."""
    return events.event_detail(event_id) or abort(404, message=f"no event {event_id}")
