"""Step 42: articles are listed by language (?language=fr on /api/articles), newest first, from one index."""


def apply(database):
    """Create the index on the article's language and publication day."""
    database.execute_sql("CREATE INDEX IF NOT EXISTS article_language ON article (language, published_on)")
