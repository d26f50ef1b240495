"""The compiled event rules of seeds/event_rules.toml."""
import re
from dataclasses import dataclass
from functools import lru_cache

from ..entities.vocab import load


@dataclass(frozen=True)
class Rules:
    """The compiled rules."""
    boilerplate: re.Pattern
    title_prefixes: tuple[re.Pattern, ...]
    openers: re.Pattern
    name_before: re.Pattern
    adjective_before: frozenset[str]
    empty_words: frozenset[str]
    skip_values: frozenset[str]
    future: re.Pattern
    signature: re.Pattern
    stopwords: frozenset[str]
    synonyms: dict[str, str]
    max_title_chars: int
    post_max_chars: int
    definite: re.Pattern  # a title opening with a definite description of a happening
    bare_reference: re.Pattern  # a title opening with a bare happening noun or a pronoun
    anaphora_sentences: int


@lru_cache(maxsize=1)
def rules() -> Rules:
    """Return the event rules, compiled once."""
    data = load("event_rules")
    return Rules(
        boilerplate=re.compile("|".join(data["boilerplate_lines"]), re.IGNORECASE),
        title_prefixes=tuple(re.compile(p, re.IGNORECASE if p.startswith("^home") else 0) for p in data["title_prefixes"]),
        openers=re.compile(r"^(?:(?:%s)\b[,;:]?\s*)+" % "|".join(data["openers"]), re.IGNORECASE),
        name_before=re.compile("|".join(data["name_before"]), re.IGNORECASE),
        adjective_before=frozenset(data["adjective_before"]),
        empty_words=frozenset(data["empty_words"]),
        skip_values=frozenset(data["skip_values"]),
        future=re.compile("|".join(data["future_cues"]), re.IGNORECASE),
        signature=re.compile(data["signature"], re.MULTILINE),
        stopwords=frozenset(data["stopwords"]),
        synonyms={word: group[0] for group in data["synonyms"] for word in group},
        max_title_chars=data["max_title_chars"],
        post_max_chars=data["post_max_chars"],
        definite=re.compile(r"^(?:%s)\s+(?:[\w'’-]+\s+){0,2}?(?:%s)\b" % (
            "|".join(data["anaphora_determiners"]), "|".join(data["anaphora_nouns"])), re.IGNORECASE),
        bare_reference=re.compile(r"^(?:%s)\b" % "|".join(data["anaphora_nouns"] + data["anaphora_pronouns"]),
                                  re.IGNORECASE),
        anaphora_sentences=data["anaphora_sentences"],
    )
