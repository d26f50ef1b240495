"""Actor registry: look a name up by exact alias, normalised form, fuzzy match, or office held on a date."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz, process

from . import names
from .countries import countries
from .vocab import load, slugify

# rapidfuzz ratio (0-100) above which a misspelt name counts as the actor: "Jaishnakar" scores 90
# against "Jaishankar", while different surnames of similar length stay below 80.
FUZZY_THRESHOLD = 85
# Shorter keys are too easy to confuse ("Xi", "Wang") to match fuzzily.
FUZZY_MIN_CHARS = 5
# Lookups a registry remembers before starting over (a few MB at most).
LOOKUP_CACHE = 50_000


@dataclass(frozen=True, slots=True)
class Role:
    """An office held over a time span."""
    title: str
    of: str | None = None  # ISO alpha-2 code of the office's country
    to: str | None = None  # host country of an ambassador
    since: date | None = None
    until: date | None = None

    @classmethod
    def from_dict(cls, data: dict) -> "Role":
        """Build a role from its TOML/JSON form (dates as ISO strings or dates)."""
        def day(value):
            """Return value as a date."""
            return date.fromisoformat(value) if isinstance(value, str) else value

        return cls(data["title"], data.get("of"), data.get("to"), day(data.get("since")), day(data.get("until")))

    def to_dict(self) -> dict:
        """Return the JSON form stored on the actor row."""
        data = {"title": self.title, "of": self.of, "to": self.to,
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None}
        return {k: v for k, v in data.items() if v is not None}

    def held_on(self, day: date | None) -> bool:
        """Tell whether the office was held on day (any day when day is unknown)."""
        if day is None:
            return True
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)

    def fits(self, title: str, country: str | None, generic: bool = False) -> bool:
        """Tell whether this role is the office title of country (a generic title matches its family)."""
        same = title.casefold() in self.title.casefold() if generic else self.title == title
        return same and (country is None or self.of == country)


@dataclass(frozen=True, slots=True)
class ActorSpec:
    """An actor as the registry sees it."""
    slug: str
    name: str
    kind: str  # person | country | organisation
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    code: str | None = None  # ISO code for countries

    @classmethod
    def from_dict(cls, data: dict) -> "ActorSpec":
        """Build a spec from an actors.toml entry or an actor row's fields."""
        return cls(
            slug=data.get("slug") or slugify(data["name"]),
            name=data["name"],
            kind=data.get("kind", "person"),
            aliases=tuple(data.get("aliases") or ()),
            roles=tuple(Role.from_dict(r) for r in data.get("roles") or ()),
            code=data.get("code"),
        )

    def holds(self, title: str, country: str | None, day: date | None, generic: bool = False) -> bool:
        """Tell whether the actor held office title of country on day."""
        return any(r.fits(title, country, generic) and r.held_on(day) for r in self.roles)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The actor a name resolved to, and by which stage."""
    actor: ActorSpec
    how: str  # exact | normalised | fuzzy | role | discovered


def country_specs() -> list[ActorSpec]:
    """Return every country as an actor spec."""
    return [ActorSpec(c.slug, c.name, "country", c.aliases, (), c.code) for c in countries()]


def file_specs() -> list[ActorSpec]:
    """Return the actors listed in seeds/actors.toml."""
    return [ActorSpec.from_dict(entry) for entry in load("actors")["actor"]]


@dataclass
class Registry:
    """Index actor specs by every form a name can take in text."""

    specs: dict[str, ActorSpec]
    exact: dict[str, set[str]] = field(default_factory=dict)
    normal: dict[str, set[str]] = field(default_factory=dict)
    initials: dict[str, set[str]] = field(default_factory=dict)
    fuzzy_keys: dict[str, set[str]] = field(default_factory=dict)
    # Candidates by surface (and by key for fuzzy matching), kept per registry: a changed vocabulary builds a
    # new one. An article looks up every run of capitalised words, and names and non-names recur across articles.
    _known: dict[str, tuple] = field(default_factory=dict, repr=False, compare=False)
    _near: dict[str, set[str] | None] = field(default_factory=dict, repr=False, compare=False)
    _scripts: list = field(default_factory=list, repr=False, compare=False)  # see actors.script_forms

    @classmethod
    def build(cls, specs: list[ActorSpec]) -> "Registry":
        """Index specs; later specs with the same slug add their aliases to earlier ones."""
        merged: dict[str, ActorSpec] = {}
        for spec in specs:
            old = merged.get(spec.slug)
            if old:
                aliases = tuple(dict.fromkeys(old.aliases + spec.aliases))
                spec = ActorSpec(spec.slug, spec.name, spec.kind, aliases, spec.roles or old.roles, spec.code or old.code)
            merged[spec.slug] = spec
        registry = cls(merged)
        for spec in merged.values():
            registry._index(spec)
        return registry

    def _index(self, spec: ActorSpec) -> None:
        """Index every form of spec."""
        for form in (spec.name, *spec.aliases):
            self.exact.setdefault(form, set()).add(spec.slug)
            form_key = names.key(form)
            if form_key:
                self.normal.setdefault(form_key, set()).add(spec.slug)
            if spec.kind != "person":
                continue
            initial = names.initial_key(form)
            if initial:
                self.initials.setdefault(initial, set()).add(spec.slug)
                surname = names.tokens(form)[-1]
                self.initials.setdefault(surname, set()).add(spec.slug)
            for fuzzy_key in (form_key, initial):
                if fuzzy_key and len(fuzzy_key) >= FUZZY_MIN_CHARS:
                    self.fuzzy_keys.setdefault(fuzzy_key, set()).add(spec.slug)

    def resolve(self, surface: str, day: date | None = None, title: str | None = None,
                country: str | None = None, fuzzy: bool = True) -> Resolution | None:
        """Return the actor surface names: exact alias, normalised form, initials/surname, then fuzzy."""
        surface = surface.strip()
        for how, slugs in self.known(surface):
            chosen = self._choose(slugs, day, title, country)
            if chosen:
                return Resolution(chosen, how)
        if fuzzy:
            slugs = self._fuzzy(names.key(surface))
            chosen = slugs and self._choose(slugs, day, title, country)
            if chosen:
                return Resolution(chosen, "fuzzy")
        return None

    def known(self, surface: str) -> tuple[tuple[str, set[str]], ...]:
        """Return the (stage, actor slugs) that name surface exactly or in normalised form, in that order."""
        found = self._known.get(surface)
        if found is None:
            form_key = names.key(surface)
            normal = (self.normal.get(form_key) or self.initials.get(form_key)
                      or self.initials.get(names.initial_key(surface) or ""))
            found = tuple((how, slugs) for how, slugs in (("exact", self.exact.get(surface)), ("normalised", normal))
                          if slugs)
            if len(self._known) >= LOOKUP_CACHE:
                self._known.clear()
            self._known[surface] = found
        return found

    def _fuzzy(self, form_key: str) -> set[str] | None:
        """Return the actors whose key is closest to form_key above the threshold."""
        if len(form_key) < FUZZY_MIN_CHARS:
            return None
        if form_key not in self._near:
            found = process.extractOne(form_key, list(self.fuzzy_keys), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
            if len(self._near) >= LOOKUP_CACHE:
                self._near.clear()
            self._near[form_key] = self.fuzzy_keys[found[0]] if found else None
        return self._near[form_key]

    def _choose(self, slugs: set[str], day, title, country) -> ActorSpec | None:
        """Pick one actor among candidates, preferring the one holding the named office on day."""
        candidates = sorted((self.specs[s] for s in slugs), key=lambda s: s.slug)
        if len(candidates) == 1 and not title:
            return candidates[0]
        for test in (
            lambda s: title and s.holds(title, country, day, generic=True),
            lambda s: title and s.holds(title, country, None, generic=True),
            lambda s: any(r.held_on(day) for r in s.roles),
        ):
            fitting = [s for s in candidates if test(s)]
            if len(fitting) == 1:
                return fitting[0]
        return candidates[0] if len(candidates) == 1 else None

    def holders(self, title: str, country: str | None, day: date | None, generic: bool = False,
                to: str | None = None) -> list[ActorSpec]:
        """Return the actors holding office title of country on day."""
        return [s for s in self.specs.values()
                if s.holds(title, country, day, generic) and (to is None or any(r.to in (None, to) for r in s.roles))]

    def country(self, surface: str) -> ActorSpec | None:
        """Return the country a name, demonym or capital stands for."""
        slugs = self.exact.get(surface) or self.normal.get(names.key(surface)) or ()
        found = [self.specs[s] for s in slugs if self.specs[s].kind == "country"]
        return found[0] if len(found) == 1 else None


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    """Return the registry of the shipped data files (for tests and the CLI without a database)."""
    return Registry.build(country_specs() + file_specs())
