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
    breadcrumbs: re.Pattern
    attribution: tuple[re.Pattern, ...]
    attribution_tail: re.Pattern
    dangling: tuple[re.Pattern, ...]
    clause_break: re.Pattern  # where a sentence's next clause begins: "; ", " – ", ", while", ", après"
    subordinate: re.Pattern  # a subordinator opening a clause of its own: "since (Yoon took office on 10 May)"
    appositive: re.Pattern
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
    act_about: re.Pattern
    act_ahead: re.Pattern
    act_joins: re.Pattern
    act_pronoun: re.Pattern  # a future happening's subject that stands for the act's people ("he will visit")
    light_verbs: re.Pattern
    plural_people: re.Pattern
    plural_persons: re.Pattern  # those plural descriptions that speak of people, not countries
    pair_sentences: int
    participation: re.Pattern


@lru_cache(maxsize=1)
def rules() -> Rules:
    """Return the event rules, compiled once."""
    data = load("event_rules")
    return Rules(
        boilerplate=re.compile("|".join(data["boilerplate_lines"]), re.IGNORECASE),
        title_prefixes=tuple(re.compile(p) for p in data["title_prefixes"]),
        breadcrumbs=re.compile(r"^\s*home(?:\s*[›»>/|:-]?\s*(?:%s)\b)+\s*[›»>/|:-]?\s*" % "|".join(
            re.escape(w) for w in sorted(data["breadcrumb_sections"], key=len, reverse=True)), re.IGNORECASE),
        attribution=tuple(re.compile(p.replace("{said}", "|".join(re.escape(v) for v in data["attribution_verbs"])),
                                     re.IGNORECASE) for p in data["attribution_frames"]),
        attribution_tail=re.compile(data["attribution_tail"], re.IGNORECASE),
        dangling=tuple(re.compile(p, re.IGNORECASE) for p in data["dangling_before_date"]),
        subordinate=re.compile(r"\b(?:%s)\s+" % "|".join(data["subordinators"])),
        clause_break=re.compile(r";\s+|\s+[–—]\s+|,\s+(?=(?:%s)\b)" % "|".join(
            re.escape(w) for w in sorted(data["clause_openers"], key=len, reverse=True))),
        appositive=re.compile(r",\s+(?:%s)\b" % "|".join(data["appositive_openers"])),
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
        act_about=re.compile("|".join(data["act_about"]), re.IGNORECASE),
        act_ahead=re.compile("|".join(data["act_ahead"]), re.IGNORECASE),
        act_joins=re.compile("|".join(data["act_joins"]), re.IGNORECASE),
        act_pronoun=re.compile(r"\s*(?:%s)\b" % "|".join(data["act_pronouns"]), re.IGNORECASE),
        light_verbs=re.compile("|".join(data["light_verbs"]), re.IGNORECASE),
        # Case matters for the optional adjective ("the two Asian neighbours"), so only the first letter folds.
        plural_people=re.compile("|".join("(?:%s)" % p for p in data["plural_people"])
                                 .replace(r"\bthe ", r"\b[Tt]he ").replace(r"\bboth ", r"\b[Bb]oth ")),
        plural_persons=re.compile("|".join(data["plural_persons"]), re.IGNORECASE),
        pair_sentences=data["pair_sentences"],
        participation=re.compile("|".join(data["participation"]), re.IGNORECASE),
    )
