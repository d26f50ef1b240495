"""The countries an article is about, most likely first: what picks among national days of one name."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from urllib.parse import urlsplit

from ..entities import Registry, find_actors
from ..entities.countries import by_code
from ..extraction import Mention, extract
from ..extraction.anchor import published_day

# Country-code domains whose two letters are not the ISO code of their country.
_DOMAIN_CODES = {"UK": "GB"}


def article_mentions(article, registry: Registry | Callable[[], Registry]) -> list[Mention]:
    """Return the date mentions of an article, its national days read by the countries it is about.

    registry: the actor registry, or a callable giving it, called only when the countries are asked for.
    """
    published = article.published_at or article.published_on

    def countries() -> tuple[str, ...]:
        """Return the article's countries: asked only when it names a day several countries share."""
        return article_countries(article.body, published, article.url, registry() if callable(registry) else registry)

    return extract(article.body, published, countries, language=article.language)


def article_countries(text: str, published, url: str | None, registry: Registry) -> tuple[str, ...]:
    """Return ISO codes of the countries text is about, most named first (people count for their country's),
    then the country of the url's domain."""
    day = published_day(published)
    counts: Counter[str] = Counter()
    for hit in find_actors(text, registry, lambda _offset: day):
        code = hit.actor.code if hit.actor.kind == "country" else (hit.actor.roles[0].of if hit.actor.roles else None)
        if code:
            counts[code.upper()] += 1
    codes = [code for code, _ in counts.most_common()]
    published_in = domain_country(url)
    return tuple(codes + [published_in] if published_in and published_in not in codes else codes)


def domain_country(url: str | None) -> str | None:
    """Return the ISO code of a url's country-code domain ("https://www.thehindu.co.in/..." -> "IN"), or None."""
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:  # a malformed authority ("http://[x") tells no country
        return None
    label = host.rsplit(".", 1)[-1].upper()
    code = _DOMAIN_CODES.get(label, label)
    return code if len(code) == 2 and code in by_code() else None
