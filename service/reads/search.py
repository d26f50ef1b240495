"""Full-text search: an FTS5 table (SQLite) or a tsvector column (PostgreSQL), kept in sync by triggers."""
import re
from itertools import product

from peewee import SQL

from ..db import is_postgres

# Both indexes lowercase words but keep ß, which casefold() (how names compare) turns into ss: a word with
# "ss" also looks for its spellings with ß, so q=strasse finds Straße as actor=strasse finds an alias Straße.
# Past a few "ss" in one word the spellings double each time; such words keep the ones written.
MAX_SHARP_S = 3


def search_terms(q: str) -> list[str]:
    """Split a search into words; punctuation never reaches the search syntax."""
    return re.findall(r"\w+", q)


def spellings(word: str) -> list[str]:
    """Return the spellings of a word the indexes may hold: as written, case-folded, and with ß for ss."""
    folded = word.casefold()
    forms = {word, folded}
    parts = folded.split("ss")
    if 1 < len(parts) <= MAX_SHARP_S + 1:
        for joints in product(("ss", "ß"), repeat=len(parts) - 1):
            forms.add(parts[0] + "".join(joint + part for joint, part in zip(joints, parts[1:])))
    return sorted(forms)


def matching(table: str, q: str):
    """Return a subquery of the ids in table ('event' or 'article') whose text has every word of q."""
    words = [spellings(word) for word in search_terms(q)]
    if not words:
        return SQL("(SELECT 0 WHERE 1 = 0)")
    if is_postgres():
        groups = " && ".join("(" + " || ".join(["plainto_tsquery('english', %s)"] * len(forms)) + ")" for forms in words)
        return SQL(f"(SELECT id FROM {table} WHERE search @@ ({groups}))", [form for forms in words for form in forms])
    phrase = " AND ".join("(" + " OR ".join(f'"{form}"' for form in forms) + ")" for forms in words)
    return SQL(f"(SELECT rowid FROM {table}_search WHERE {table}_search MATCH ?)", [phrase])
