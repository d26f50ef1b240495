"""Find and resolve dates in languages other than English, from dateparser's locale data."""
from service.extraction.locales.detect import detect_language, language_code, language_of
from service.extraction.locales.extract import extract_in, supported

__all__ = ["detect_language", "extract_in", "language_code", "language_of", "supported"]
