"""Find date expressions in news text and resolve them against the publication date."""
from service.extraction.mention import Mention
from service.extraction.pipeline import extract
from service.extraction.sentences import sentences

__all__ = ["Mention", "extract", "sentences"]
