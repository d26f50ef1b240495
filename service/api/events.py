"""Events: the dated happenings extracted from articles."""
from flask_smorest import Blueprint

from schemas.events import EventSchema, ListArgsSchema
from ..models import Event

blp = Blueprint("events", __name__, url_prefix="/api/events", description="Dated events")


@blp.get("")
@blp.arguments(ListArgsSchema, location="query")
@blp.response(200, EventSchema(many=True))
def list_events(args):
    """List events by date."""
    query = Event.select().order_by(Event.date_start, Event.id)
    return list(query.offset(args["offset"]).limit(args["limit"]))
