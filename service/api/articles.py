"""Articles: the source texts events are extracted from."""
from flask_smorest import Blueprint

from schemas.articles import ArticleSchema
from schemas.events import ListArgsSchema
from ..models import Article

blp = Blueprint("articles", __name__, url_prefix="/api/articles", description="Source articles")


@blp.get("")
@blp.arguments(ListArgsSchema, location="query")
@blp.response(200, ArticleSchema(many=True))
def list_articles(args):
    """List articles, newest first."""
    query = Article.select().order_by(Article.published_on.desc(nulls="LAST"), Article.id)
    return list(query.offset(args["offset"]).limit(args["limit"]))
