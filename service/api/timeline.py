"""Timeline exports: TimelineJS3 JSON, or events grouped by date; both take the event filters."""
from schemas.timeline import GroupedTimelineSchema, TimelineArgs, TimelineJSSchema

from ..reads import events
from .blueprint import Blueprint
from .exports import by_date, timelinejs

blp = Blueprint("timeline", __name__, url_prefix="/api/timeline", description="Timeline exports")
DESCRIPTION = "format=timelinejs: a TimelineJS3 document (TimelineJS); format=json: events grouped by date (GroupedTimeline)"
FORMATS = {"timelinejs": (timelinejs, TimelineJSSchema), "json": (by_date, GroupedTimelineSchema)}


@blp.get("")
@blp.arguments(TimelineArgs, location="query")
@blp.response(200)
@blp.doc(responses={"200": {"description": DESCRIPTION, "content": {"application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/TimelineJS"}, {"$ref": "#/components/schemas/GroupedTimeline"}]}}}}})
@blp.problems(400, 503)
def export_timeline(args):
    """Export the events matching the filters, oldest first, for a timeline viewer."""
    shape, schema = FORMATS[args["format"]]
    return schema().dump(shape(events.timeline_events(args)))
