"""Read the vocabulary data files (TOML) shipped in seeds/."""
import tomllib
from functools import lru_cache
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"


@lru_cache(maxsize=None)
def load(name: str, seeds_dir: Path = SEEDS_DIR) -> dict:
    """Return the parsed TOML file seeds/<name>.toml."""
    with open(Path(seeds_dir) / f"{name}.toml", "rb") as handle:
        return tomllib.load(handle)


# Letters Unicode does not decompose into a base letter and a mark, spelled the way English text spells them.
_UNDECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
                               "ħ": "h", "ŧ": "t", "ŀ": "l"})


def slugify(text: str) -> str:
    """Return a lowercase ASCII slug for text, letters transliterated ("S. Jaishankar" -> "s-jaishankar",
    "Straße" -> "strasse", "Søren K." -> "soren-k"); empty when text has no letter or digit."""
    from .names import fold

    out = []
    for char in fold(text).translate(_UNDECOMPOSED):
        out.append(char if char.isascii() and char.isalnum() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)
