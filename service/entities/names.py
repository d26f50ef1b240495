"""Normalise names for matching: case, diacritics, apostrophes, initials, honorifics, spelling variants."""
import re
import unicodedata
from functools import lru_cache

from .vocab import load

# Same-length substitutions keep character offsets valid in the folded text.
_SAME_LENGTH = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‐": "-", "“": '"', "”": '"'})
_POSSESSIVE = re.compile(r"'s$")
_SEPARATORS = re.compile(r"[.\s,]+")
# Names and words recur across articles; folding them dominated actor scanning before these caches.
CACHE_SIZE = 1 << 16


def same_length_fold(text: str) -> str:
    """Return text with curly quotes and dashes made plain, offsets unchanged."""
    return text.translate(_SAME_LENGTH)


@lru_cache(maxsize=CACHE_SIZE)
def fold(text: str) -> str:
    """Return text lowercased, without diacritics and with plain quotes and dashes."""
    decomposed = unicodedata.normalize("NFKD", same_length_fold(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1)
def _rules() -> tuple[frozenset, dict, frozenset]:
    """Return (honorifics, spelling variants, non-name words) from names.toml."""
    data = load("names")
    variants = {spelling: group[0] for group in data["variants"] for spelling in group}
    return frozenset(data["honorifics"]), variants, frozenset(data["not_names"])


def tokens(name: str) -> list[str]:
    """Return the folded tokens of a name without honorifics, possessives or periods."""
    honorifics, variants, _ = _rules()
    words = [_POSSESSIVE.sub("", w) for w in _SEPARATORS.split(fold(name)) if w]
    words = [w for w in words if w and w != "'"]
    while len(words) > 1 and words[0] in honorifics:
        words = words[1:]
    return [variants.get(w, w) for w in words]


@lru_cache(maxsize=CACHE_SIZE)
def key(name: str) -> str:
    """Return the normalised matching key of a name ("Dr. S. Jaishankar" -> "s jaishankar")."""
    return " ".join(tokens(name))


@lru_cache(maxsize=CACHE_SIZE)
def initial_key(name: str) -> str | None:
    """Return "initial surname" for a multi-word name ("Subrahmanyam Jaishankar" -> "s jaishankar")."""
    words = tokens(name)
    if len(words) < 2:
        return None
    return f"{words[0][0]} {words[-1]}"


def is_name_word(word: str) -> bool:
    """Tell whether a capitalised word may be part of a person's name."""
    return fold(word).strip(".'") not in _rules()[2]


def is_name_start(surface: str) -> bool:
    """Tell whether surface starts with a word other than an honorific or title ("Minister Lavrov" does not)."""
    first = fold(surface).split(maxsplit=1)[0].strip(".'")
    return first not in _rules()[0] or " " not in surface.strip()
