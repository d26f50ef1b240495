"""Make an event title from the sentence that dates it: the clause carrying the happening, no boilerplate."""
import re

from .rules import rules

_CLAUSE_BREAK = re.compile(r";\s+|\s+[–—]\s+|,\s+(?=(?:while|whereas|but|as|adding|after|before|although|though|since|when)\b)")
_RELATIVE = re.compile(r",\s+(?:who|which)\b[^,]*,")
_LINK = re.compile(r"\b(?:pic\.twitter\.com|https?://)\S*")
_DANGLING = re.compile(r"\b(?:on|in|at|by|since|during|from|until|of|the)\s*$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# A clause shorter than this ("on April 6") says too little alone and takes its neighbour along.
MIN_CLAUSE_CHARS = 30


def _clause(sentence: str, at: int) -> tuple[int, int]:
    """Return the span of the clause of sentence holding offset at."""
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    for left, right in zip(cuts, cuts[1:]):
        if left <= at < right or right == len(sentence):
            if len(sentence[left:right].strip()) < MIN_CLAUSE_CHARS:
                left = cuts[max(0, cuts.index(left) - 1)]
                right = cuts[min(len(cuts) - 1, cuts.index(right) + 1)]
            return left, right
    return 0, len(sentence)


def make_title(sentence: str, expr_start: int, expr_end: int) -> str:
    """Return a title for the happening a sentence dates; expr_* are the date's offsets in sentence."""
    r = rules()
    left, right = _clause(sentence, expr_start)
    # The date is shown beside the title: drop it and its preposition from the words.
    before = _DANGLING.sub("", sentence[left:expr_start]) if left <= expr_start else sentence[left:expr_start]
    text = before + " " + sentence[max(expr_end, left):right] if left <= expr_start < right else sentence[left:right]
    text = _LINK.sub("", text)
    text = _RELATIVE.sub("", text)
    for prefix in r.title_prefixes:
        text = prefix.sub("", text.strip(), count=1)
    text = r.openers.sub("", text.strip())
    text = _SPACES.sub(" ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"^[\s,;:–—-]+|[\s,;:–—-]+$", "", text).rstrip(".")
    text = re.sub(r",\s*,", ",", text)
    if len(text) > r.max_title_chars:
        text = text[: r.max_title_chars].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text[:1].upper() + text[1:]
