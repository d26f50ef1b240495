"""Run the extraction stages: find candidates, then resolve them against the anchor."""
from __future__ import annotations

import re
from datetime import date, datetime

from service.extraction.mention import Mention
from service.extraction.sentences import sentences

_MONTHS = "January February March April May June July August September October November December".split()
_FULL_DATE = re.compile(r"\b(%s) (\d{1,2}), (\d{4})\b" % "|".join(_MONTHS))


def extract(text: str, published: date | datetime | str | None) -> list[Mention]:
    """Return the temporal expressions of text, sorted by start offset."""
    spans = sentences(text)
    mentions = []
    for match in _FULL_DATE.finditer(text):
        day = date(int(match.group(3)), _MONTHS.index(match.group(1)) + 1, int(match.group(2)))
        sentence = next((s for s in spans if s[0] <= match.start() < s[1]), (0, len(text)))
        mentions.append(Mention(match.group(), match.start(), match.end(), "DATE", day.isoformat(),
                                "day", None, day, day, 0.9, None, None, *sentence))
    return mentions
