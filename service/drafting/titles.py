"""Make an event headline from the text that dates it: who did what in the happening's clause, nothing else."""
import re

from .rules import rules

_RELATIVE = re.compile(r",\s+(?:who|which)\b[^,\x00]*,")
_LINK = re.compile(r"\b(?:pic\.twitter\.com|https?://)\S*")
_SPACES = re.compile(r"\s+")
# Where the date stood: kept through the clean-up so a frame is cut only when the date lies in what is said.
MARK = "\x00"
# "When Putin met Singh, he proposed ...": the happening is the when-clause; the pronoun needs it anyway.
_WHEN = re.compile(r"^when\s+([^,]{8,}),\s+(?:he|she|they|it|we)\s", re.IGNORECASE)
# "Speaking to the council, Lavrov said ...": the participle sets the scene; the subject follows the comma.
_PARTICIPLE = re.compile(r"^(?!During\b|Following\b|According\b)[A-Z][a-z]+ing\b[^,]{0,100},\s+")
# "Jobs, born in San Francisco on February 24, 1955, has built ...": the date's happening is the aside.
_ASIDE = re.compile(r"^(?P<subject>[^,]{2,50}),\s+(?P<aside>[^,]*%s[^,]*)," % "\x00")
# "The upcoming summit, which will be held in Moscow": a happening told by its noun and a relative clause.
_WHICH_WILL = re.compile(r"^([^,]{3,60}),\s+which\s+(will|would|is|was|are|were)\b")
_SUBJECT_DATE = re.compile(r"\s+(?:was|is|were|are|will|would|has|had|marks|marked|saw|sees|brought|began|ended)\b")
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r",?\s+[a-z]")
_TAIL_WORD = re.compile(r"(?:[\s,;:–—-]+|\s+(?:and|or|of|the|a|an|to|in|on|at|by|for|with|from|that)\b)+$", re.IGNORECASE)
# A clause shorter than this ("on April 6") says too little alone and takes its neighbour along.
MIN_CLAUSE_CHARS = 30
# A comma phrase is cut only after this much of a main clause: "India, the United States and Japan" is a subject.
MIN_HEAD_CHARS = 30
# A headline past the limit loses its last adverbial phrases ("in the city of North Dvinsk") when what is left
# says at least this share of the limit; else it is cut at a word with an ellipsis.
_PHRASE = re.compile(r"\s+(?:in|at|on|for|with|from|during|near|after|before|under|through|across|amid|while|within|"
                     r"between|against|over|via|despite|following)\s")
MIN_PHRASE_SHARE = 0.4
# Words that make a clause of a run of words: auxiliaries, common irregular past forms, regular past forms.
_VERB = re.compile(r"\b(?:is|are|was|were|been|will|would|could|should|can|may|might|must|has|have|had|did|does|"
                   r"said|says|met|held|made|took|gave|went|came|fell|rose|grew|began|won|lost|left|sold|bought|"
                   r"built|told|saw|set|cut|hit|put|led|paid|shut|spent|sent|struck|plunged|[a-z]{3,}ed)\b")
# "The Dow Jones Industrial Average, a stock market index used to ..., fell": the aside between subject and verb.
_SUBJECT_ASIDE = re.compile(r"^([^,]{3,80}),\s+[^,]+,\s+")
# A time's zone, left alone once the time is cut out ("at 14:58 UTC").
_ZONE = re.compile(r"^\s*(?:UTC|GMT|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|IST|MSK|JST)\b")


def is_verb(word: str) -> bool:
    """Tell whether a word reads as a verb: an auxiliary, a common irregular past form or a regular past form."""
    return bool(_VERB.fullmatch(word))


def _subordinate(sentence: str, left: int, at: int) -> int:
    """Return where the subordinate clause holding offset at begins, when a subordinator opens one with its own
    verb before it ("..., their first meeting since Yoon took office on 10 May": "Yoon took office"), else left."""
    found = None
    for found in rules().subordinate.finditer(sentence, left, at):
        pass
    if found is None or "," in sentence[found.end():at]:
        return left
    words = sentence[found.end():at].split()
    return found.end() if len(words) >= 2 and any(is_verb(w) for w in words[1:]) else left


def _clause(sentence: str, at: int) -> tuple[int, int]:
    """Return the span of the clause of sentence holding offset at."""
    cuts = [0] + [m.end() for m in rules().clause_break.finditer(sentence)] + [len(sentence)]
    for left, right in zip(cuts, cuts[1:]):
        if left <= at < right or right == len(sentence):
            if len(sentence[left:right].strip()) < MIN_CLAUSE_CHARS:
                left = cuts[max(0, cuts.index(left) - 1)]
                right = cuts[min(len(cuts) - 1, cuts.index(right) + 1)]
            return left, right
    return 0, len(sentence)


def _without_date(text: str, expr_start: int, expr_end: int) -> str:
    """Return text with the date and the words it leaves dangling ("grew through", "in the week of") marked out.

    A date that is the clause's subject ("Sunday was chosen") or part of a noun phrase ("since the September 11,
    2001, terrorist attacks") stays: without it the words make no sense."""
    before, date, after = text[:expr_start], text[expr_start:expr_end], text[expr_end:]
    if (not before.strip(" ,") and _SUBJECT_DATE.match(after)) or (_DETERMINER.search(before) and _NOUN_AFTER.match(after)):
        return before + date + MARK + after
    return without_dangling(before) + " " + MARK + " " + _ZONE.sub("", after)


def without_dangling(before: str) -> str:
    """Return the words before a date without those the date's removal leaves dangling ("grew through", "in the
    week of", "take place in")."""
    for pattern in rules().dangling:
        before = pattern.sub("", before.rstrip())
    return before


def strip_breadcrumbs(title: str) -> str:
    """Return a page title without its breadcrumb trail ("Home Politics What signal..." -> "What signal...")."""
    return rules().breadcrumbs.sub("", title, count=1).strip()


def _strip_frame(text: str) -> str:
    """Cut an attribution frame ("Experts believe that", "X said") when the date (MARK) lies in what is said."""
    at = text.find(MARK)
    plain = _SPACES.sub(" ", text.replace(MARK, " ")).strip()
    if at < 0:
        return plain
    at = len(_SPACES.sub(" ", text[:at]).lstrip())
    for frame in rules().attribution:
        found = frame.match(plain)
        if found and found.end() <= at:
            return plain[found.end():]
    return plain


def _shorten(text: str, limit: int) -> str:
    """Cut trailing comma phrases after the main clause, then anything past limit: asides between the subject
    and its verb, then a last adverbial phrase, else at a word boundary."""
    for phrase in rules().appositive.finditer(text):
        # After the verb only: "The biggest U.S. stock market index, the Dow Jones, plunged" keeps its subject.
        if phrase.start() >= MIN_HEAD_CHARS and _VERB.search(text, 0, phrase.start()):
            text = text[:phrase.start()]
            break
    if len(text) <= limit:
        return text
    aside = _SUBJECT_ASIDE.match(text)
    if aside and not _VERB.search(aside.group(1)):
        text = aside.group(1) + " " + text[aside.end():]
        if len(text) <= limit:
            return text
    phrases = [m.start() for m in _PHRASE.finditer(text, 0, limit + 1)
               if m.start() >= limit * MIN_PHRASE_SHARE and "," not in text[m.start():]]
    if phrases:
        return _TAIL_WORD.sub("", text[:phrases[-1]])
    cut = text[:limit].rsplit(" ", 1)[0]
    return _TAIL_WORD.sub("", cut) + "…"


def make_title(sentence: str, expr_start: int, expr_end: int) -> str:
    """Return a headline for the happening a text dates; expr_* are the date's offsets in the text."""
    r = rules()
    left, right = _clause(sentence, expr_start)
    left = _subordinate(sentence, left, expr_start)
    if left <= expr_start < right:
        text = _without_date(sentence[left:right], expr_start - left, min(expr_end, right) - left)
    else:
        text = sentence[left:right]
    text = strip_breadcrumbs(text)
    text = _LINK.sub("", text)
    text = _RELATIVE.sub("", text)
    for prefix in r.title_prefixes:
        text = prefix.sub("", text.strip(), count=1)
    text = _SPACES.sub(" ", text.replace(" " + MARK + " ,", MARK + ",")).strip(" ,")
    if text.startswith(MARK):
        text = MARK + " " + r.openers.sub("", text[1:].lstrip(" ,"))
    else:
        text = r.openers.sub("", text)
    text = _PARTICIPLE.sub("", text, count=1)
    when = _WHEN.match(text.replace(MARK, "").lstrip(" ,"))
    aside = _ASIDE.match(text)
    if when:
        text = when.group(1)
    elif aside:
        text = aside.group("subject") + " " + aside.group("aside").replace(MARK, " ")
    else:
        text = _strip_frame(text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"^[\s,;:–—-]+|[\s,;:–—-]+$", "", text).rstrip(".")
    text = r.attribution_tail.sub("", text)
    text = _WHICH_WILL.sub(r"\1 \2", text, count=1)
    text = _shorten(text, r.max_title_chars)
    return text[:1].upper() + text[1:]
