"""Actors: the people, countries and organisations events name (the extractor's vocabulary)."""
from flask_smorest import abort

from schemas.actors import ActorInSchema, ActorPageSchema, ActorPatchSchema, ActorSchema, VocabularyListArgs

from ..reads import actors_topics
from ..events import edits
from .blueprint import Blueprint
from .paging import page

blp = Blueprint("actors", __name__, url_prefix="/api/actors", description="Actors and their aliases")


@blp.get("")
@blp.arguments(VocabularyListArgs, location="query")
@blp.response(200, ActorPageSchema)
@blp.problems(400, 503)
def list_actors(args):
    """List actors by slug, with how many events name each."""
    return page(*actors_topics.actor_page(args))


@blp.get("/<id(actor):actor_id>")
@blp.no_query
@blp.response(200, ActorSchema)
@blp.problems(400, 404, 503)
def get_actor(actor_id):
    """Show one actor."""
    return actors_topics.actor_detail(actor_id) or abort(404, message=f"no actor {actor_id}")


@blp.post("")
@blp.writes
@blp.no_query
@blp.arguments(ActorInSchema)
@blp.response(201, ActorSchema)
@blp.problems(400, 409, 503)
def create_actor(data):
    """Add an actor; re-extraction will recognise its name and aliases."""
    return actors_topics.actor_detail(edits.create_actor(data))


@blp.patch("/<id(actor):actor_id>")
@blp.writes
@blp.no_query
@blp.arguments(ActorPatchSchema)
@blp.response(200, ActorSchema)
@blp.problems(400, 404, 409, 503)
def update_actor(data, actor_id):
    """Change an actor's name, kind or aliases (the list given replaces the old one)."""
    edits.update_actor(actor_id, data) or abort(404, message=f"no actor {actor_id}")
    return actors_topics.actor_detail(actor_id)
