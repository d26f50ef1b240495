"""Tell the language of a text with py3langid, whose model ships inside the package (no download)."""
from __future__ import annotations

# Enough text to tell a language; classifying a whole long article costs time and adds nothing.
_SAMPLE = 2000


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of text's language, or None for text with no letters."""
    sample = text[:_SAMPLE]
    if not any(character.isalpha() for character in sample):
        return None
    import py3langid  # loads the model shipped in the package, once, on first use

    language, _ = py3langid.classify(sample)
    return language
