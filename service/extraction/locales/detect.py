"""Tell the language of a text with py3langid, whose model ships inside the package (no download)."""
from __future__ import annotations

import re
from functools import cache

# Enough text to tell a language; classifying a whole long article costs time and adds nothing.
_SAMPLE = 2000
# Below this probability a text is read as English, the language most articles come in: a short English
# text ("Talks on Tuesday.") scores low for every language, and misreading it would lose its dates.
MIN_CONFIDENCE = 0.5
DEFAULT = "en"
# An ISO 639-1 code, or a BCP 47 tag that starts with one ("fr-FR", "pt_BR", as HTML lang attributes say).
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


@cache
def _identifier():
    """Load py3langid's shipped model once, probabilities normalised over the languages dateparser reads."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from service.extraction.locales.vocabulary import locale_info

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.nb_classes if locale_info(code) is not None])
    return identifier


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of text's language, or None when it cannot be told with confidence."""
    sample = text[:_SAMPLE]
    if not any(character.isalpha() for character in sample):
        return None
    language, probability = _identifier().classify(sample)
    return language if probability >= MIN_CONFIDENCE else None


def language_code(tag: str) -> str:
    """Return the ISO 639-1 code of a language tag ("fr", "FR", "fr-FR", "pt_BR", "fra", "eng"), or raise ValueError.

    A three-letter code is read as its two-letter one where ISO 639-1 has it (a page's lang="eng" is "en",
    so ?language=en finds it); one without ("fil") stays as it is. A code no ISO 639 list has is refused.
    """
    import pycountry

    match = _TAG.match(tag.strip()) if isinstance(tag, str) else None
    code = match.group(1).lower() if match else None
    if code and len(code) == 2:
        known = pycountry.languages.get(alpha_2=code)
    elif code:
        known = pycountry.languages.get(alpha_3=code) or pycountry.languages.get(bibliographic=code)
    if not code or known is None:
        raise ValueError(f"language {tag!r} is not an ISO 639-1 code such as fr")
    return getattr(known, "alpha_2", None) or known.alpha_3


def warm_up() -> None:
    """Load the language model and the ISO 639 table now, so that no request pays for loading them."""
    _identifier()
    language_code(DEFAULT)


def language_of(text: str, given: str | None = None) -> str:
    """Return the language of a text: the one given (normalised), else the detected one, else English."""
    if given:
        return language_code(given)
    return detect_language(text) or DEFAULT
