"""The precomputed rule index: fresh for the pattern files, and never hiding a rule that matches."""
import json

from service.extraction.find import _TOKEN, candidates_at, rules
from service.extraction.rule_index import INDEX_FILE, source_hash

# Hand-written news-style text touching every kind of first word: numbers, "Q3", "'90s", common
# words followed by known and unknown words, capitals and headline capitals.
TEXT = (
    "LAST MAY the ministers met. On 6/4/2021 and on the 6th, Q3 2020 results beat the '90s records. "
    "The current realities of the third-quarter slump, the previous Friday, this past spring, "
    "the first half of 2021, mid-1990s, the late 1980s, March eighth, at 10:30 a.m. on Tuesday, "
    "a week or so ago, for the year, nineteen ninety-six, the day before yesterday, every week."
)


def test_index_is_fresh_for_the_pattern_files():
    stored = json.loads(INDEX_FILE.read_text(encoding="utf-8"))
    assert stored["source_hash"] == source_hash(), "regenerate: rule_index.write()"


def test_every_rule_that_matches_at_a_word_is_among_its_candidates():
    tokens = list(_TOKEN.finditer(TEXT))
    for index, token in enumerate(tokens):
        candidates = candidates_at(TEXT, tokens, index)
        offered = {rule.name for _, rule in candidates}
        matching = {rule.name for rule in rules() if rule.pattern.match(TEXT, token.start())}
        assert matching <= offered, (TEXT[token.start():token.start() + 20], matching - offered)
