"""Articles stored through the API, one or a batch: each item's outcome as the batch route reports it."""
from marshmallow import ValidationError

from ..errors import ArticleError
from ..ingest import ArticleIn, store_article
from ..reads import articles


def store(data: dict) -> tuple[int, bool]:
    """Store one validated article body; return (article id, created)."""
    article, created = store_article(ArticleIn(**data))
    return article.id, created


def store_batch(items: list) -> list[dict]:
    """Store each loaded item (or report its validation error) and return one result per item."""
    results = []
    for index, item in enumerate(items):
        if isinstance(item, ValidationError):
            results.append({"index": index, "status": 422, "article": None, "errors": item.normalized_messages()})
            continue
        try:
            article, created = store_article(ArticleIn(**item))
        except ArticleError as exc:
            results.append({"index": index, "status": 422, "article": None, "errors": {"body": [str(exc)]}})
            continue
        results.append({"index": index, "status": 201 if created else 200, "article": articles.article_summary(article.id), "errors": None})
    return results
