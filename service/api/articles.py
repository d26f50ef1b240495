"""Articles: the source texts events are extracted from; ingest, batch ingest and delete."""
from flask_smorest import abort

from schemas.articles import ArticleDetailSchema, ArticleInSchema, ArticleListArgs, ArticlePageSchema, BatchInSchema, BatchOutSchema

from ..reads import articles
from ..events import edits
from . import writes
from .blueprint import Blueprint
from .paging import page

blp = Blueprint("articles", __name__, url_prefix="/api/articles", description="Source articles")


@blp.get("")
@blp.arguments(ArticleListArgs, location="query")
@blp.response(200, ArticlePageSchema)
@blp.problems(400, 503)
def list_articles(args):
    """List articles, latest publication first."""
    return page(*articles.article_page(args))


@blp.get("/<id(article):article_id>")
@blp.no_query
@blp.response(200, ArticleDetailSchema)
@blp.problems(400, 404, 503)
def get_article(article_id):
    """Show one article with its body, date mentions and events."""
    return articles.article_detail(article_id) or abort(404, message=f"no article {article_id}")


@blp.post("")
@blp.writes
@blp.no_query
@blp.arguments(ArticleInSchema)
@blp.response(201, ArticleDetailSchema, description="Stored, with the events extracted from it")
@blp.alt_response(200, schema=ArticleDetailSchema, description="Already stored (same url or same text)", success=True)
@blp.problems(400, 503)
def create_article(data):
    """Store an article and extract its events (201), or return the stored copy (200)."""
    article_id, created = writes.store(data)
    return articles.article_detail(article_id), 201 if created else 200


@blp.post("/batch")
@blp.writes
@blp.no_query
@blp.arguments(BatchInSchema)
@blp.response(200, BatchOutSchema, description="One result per article, in request order")
@blp.problems(400, 503)
def create_articles(data):
    """Store up to 100 articles, each in its own transaction, reporting each one's status."""
    return {"items": writes.store_batch(data["articles"])}


@blp.delete("/<id(article):article_id>")
@blp.writes
@blp.no_query
@blp.response(204)
@blp.problems(404, 503)
def delete_article(article_id):
    """Delete an article: its events lose it as a source, and events left without sources go."""
    edits.delete_article(article_id) or abort(404, message=f"no article {article_id}")
