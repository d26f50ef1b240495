"""Feeds: RSS and Atom feeds the follower polls, with each one's last outcome."""
from flask import current_app
from flask_smorest import abort

from schemas.feeds import FeedInSchema, FeedListArgs, FeedPageSchema, FeedSchema

from ..reads import feeds as feed_reads
from ..web import feed_rows
from .blueprint import Blueprint
from .paging import page

blp = Blueprint("feeds", __name__, url_prefix="/api/feeds", description="Followed RSS and Atom feeds")


@blp.get("")
@blp.arguments(FeedListArgs, location="query")
@blp.response(200, FeedPageSchema)
@blp.problems(400, 503)
def list_feeds(args):
    """List followed feeds with their last fetch time, status, error and article count."""
    return page(*feed_reads.feed_page(args))


@blp.get("/<id(feed):feed_id>")
@blp.no_query
@blp.response(200, FeedSchema)
@blp.problems(400, 404, 503)
def get_feed(feed_id):
    """Show one feed."""
    return feed_reads.feed_detail(feed_id) or abort(404, message=f"no feed {feed_id}")


@blp.post("")
@blp.writes
@blp.no_query
@blp.arguments(FeedInSchema)
@blp.response(201, FeedSchema, description="Registered; polled when the follower next runs")
@blp.alt_response(200, schema=FeedSchema, description="Already registered", success=True)
@blp.problems(400, 422, 503)
def create_feed(data):
    """Register a feed to follow (only where this server fetches URLs: TIMELINE_URL_INGEST=on)."""
    config = current_app.config
    if not config["URL_INGEST"]:
        message = "this server does not fetch URLs (TIMELINE_URL_INGEST is off)"
        abort(422, message=message, errors={"url": [message]}, type="/api/docs#url-ingest")
    try:
        feed_id, created = feed_rows.add_feed(data["url"], frozenset(config["FETCH_ALLOW_HOSTS"]))
    except feed_rows.RefusedAddress as exc:
        abort(422, message=str(exc), errors={"url": [str(exc)]}, type="/api/docs#url-ingest")
    return feed_reads.feed_detail(feed_id), 201 if created else 200


@blp.delete("/<id(feed):feed_id>")
@blp.writes
@blp.no_query
@blp.response(204)
@blp.problems(404, 503)
def delete_feed(feed_id):
    """Stop following a feed; the articles stored from it stay."""
    feed_rows.delete_feed(feed_id) or abort(404, message=f"no feed {feed_id}")
