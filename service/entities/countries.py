"""Countries as actors: pycountry's names (and their translations) plus places.toml's demonyms and capitals."""
import gettext
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from .vocab import load, slugify


@dataclass(frozen=True, slots=True)
class Country:
    """One country: ISO code, display name, slug and the words that stand for it."""
    code: str
    name: str
    slug: str
    names: tuple[str, ...]  # names and abbreviations
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]

    @property
    def aliases(self) -> tuple[str, ...]:
        """Return every word that stands for the country, name first."""
        return self.names + self.demonyms + self.capitals


def _pycountry_names(record) -> list[str]:
    """Return pycountry's usable names for a record, common name first."""
    names = [getattr(record, "common_name", None), record.name, getattr(record, "official_name", None)]
    # pycountry writes some names "Korea, Republic of": news never does.
    return [n for n in names if n and "," not in n]


def _translations(names: list[str]) -> list[str]:
    """Return names in the languages places.toml lists, from the gettext catalogs pycountry ships."""
    found = []
    for language in load("places").get("translated_names", []):
        catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)
        # A translation with a comma is an inverted official name ("Russie, Fédération de"): news never writes it.
        found += [t for t in map(catalog.gettext, names) if t not in names and "," not in t]
    return found


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Return every country pycountry knows, enriched from places.toml, sorted by code."""
    extra = {entry["code"]: entry for entry in load("places")["country"]}
    records = {c.alpha_2: c for c in pycountry.countries}
    for code in extra:
        if code not in records:
            records[code] = pycountry.historic_countries.get(alpha_2=code)
    result = []
    for code, record in sorted(records.items()):
        data = extra.get(code, {})
        base = _pycountry_names(record) if record else []
        name = data.get("name") or (base[0] if base else code)
        names = tuple(dict.fromkeys([name, *base, *data.get("aliases", []), *_translations(base)]))
        result.append(Country(code, name, slugify(name), names, tuple(data.get("demonyms", [])),
                              tuple(data.get("capitals", []))))
    return tuple(result)


@lru_cache(maxsize=1)
def by_code() -> dict[str, Country]:
    """Return countries keyed by ISO alpha-2 code."""
    return {c.code: c for c in countries()}


@lru_cache(maxsize=1)
def place_prepositions() -> frozenset[str]:
    """Return the words after which a capital is a place rather than its government."""
    return frozenset(load("places")["place_prepositions"])
