"""Read the web: fetch pages and feeds safely, turn HTML into an article with its publication date."""
