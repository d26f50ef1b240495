"""Topics: the subjects events are filed under, with their detection keywords."""
from flask_smorest import abort

from schemas.actors import VocabularyListArgs
from schemas.topics import TopicInSchema, TopicPageSchema, TopicPatchSchema, TopicSchema

from ..reads import actors_topics
from ..events import edits
from .blueprint import Blueprint
from .paging import page

blp = Blueprint("topics", __name__, url_prefix="/api/topics", description="Topics and their keywords")


@blp.get("")
@blp.arguments(VocabularyListArgs, location="query")
@blp.response(200, TopicPageSchema)
@blp.problems(400, 503)
def list_topics(args):
    """List topics by slug, with how many events each holds."""
    return page(*actors_topics.topic_page(args))


@blp.get("/<id(topic):topic_id>")
@blp.no_query
@blp.response(200, TopicSchema)
@blp.problems(400, 404, 503)
def get_topic(topic_id):
    """Show one topic."""
    return actors_topics.topic_detail(topic_id) or abort(404, message=f"no topic {topic_id}")


@blp.post("")
@blp.writes
@blp.no_query
@blp.arguments(TopicInSchema)
@blp.response(201, TopicSchema)
@blp.problems(400, 409, 503)
def create_topic(data):
    """Add a topic; re-extraction will file events under it by its keywords."""
    return actors_topics.topic_detail(edits.create_topic(data))


@blp.patch("/<id(topic):topic_id>")
@blp.writes
@blp.no_query
@blp.arguments(TopicPatchSchema)
@blp.response(200, TopicSchema)
@blp.problems(400, 404, 503)
def update_topic(data, topic_id):
    """Change a topic's name, keywords (replaced) or parent."""
    edits.update_topic(topic_id, data) or abort(404, message=f"no topic {topic_id}")
    return actors_topics.topic_detail(topic_id)
