"""Score extracted TIMEX3s against gold TimeML the way TempEval-3 Task A does."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from service.extraction.timeml import Document, Timex

EVENT_DATE_TYPES = ("DATE", "TIME")


@dataclass
class Tally:
    """Count matches for one slice of the data (all types, or DATE+TIME)."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0

    def scores(self) -> dict:
        """Return precision/recall/F1 for strict spans, relaxed spans and values."""
        return {name: _prf(getattr(self, name), self.system, self.gold) for name in ("strict", "relaxed", "value")}


@dataclass
class Report:
    """Hold the tallies of an evaluation and every error found."""

    overall: Tally = field(default_factory=Tally)
    date_time: Tally = field(default_factory=Tally)
    gold_types: Counter = field(default_factory=Counter)
    system_types: Counter = field(default_factory=Counter)
    type_agreement: int = 0
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Return the report as JSON-ready data (errors left out)."""
        return {"overall": self.overall.scores(), "date_time": self.date_time.scores(),
                "counts": {"gold": dict(self.gold_types), "system": dict(self.system_types),
                           "type_agreement": self.type_agreement}}


def _prf(correct: int, system: int, gold: int) -> dict:
    """Return precision, recall and F1 (0 where undefined)."""
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def align(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """Pair gold and system TIMEX3s one-to-one by overlap, largest overlap first."""
    overlaps = []
    for g_index, g in enumerate(gold):
        for s_index, s in enumerate(system):
            shared = min(g.end, s.end) - max(g.start, s.start)
            if shared > 0:
                overlaps.append((-shared, g_index, s_index))
    pairs, used_gold, used_system = [], set(), set()
    for _, g_index, s_index in sorted(overlaps):
        if g_index not in used_gold and s_index not in used_system:
            used_gold.add(g_index)
            used_system.add(s_index)
            pairs.append((gold[g_index], system[s_index]))
    return pairs


def score_document(report: Report, document: Document, system: list[Timex]) -> None:
    """Add one document's gold-versus-system comparison to report."""
    report.gold_types.update(t.type for t in document.timexes)
    report.system_types.update(t.type for t in system)
    pairs = align(document.timexes, system)
    report.type_agreement += sum(g.type == s.type for g, s in pairs)
    _tally(report.overall, document.timexes, system, pairs)
    date_gold = [t for t in document.timexes if t.type in EVENT_DATE_TYPES]
    date_system = [t for t in system if t.type in EVENT_DATE_TYPES]
    _tally(report.date_time, date_gold, date_system, align(date_gold, date_system))
    _collect_errors(report, document, system, pairs)


def _tally(tally: Tally, gold: list[Timex], system: list[Timex], pairs: list[tuple[Timex, Timex]]) -> None:
    """Count gold, system, strict, relaxed and value matches."""
    tally.gold += len(gold)
    tally.system += len(system)
    tally.relaxed += len(pairs)
    tally.strict += sum(g.start == s.start and g.end == s.end for g, s in pairs)
    tally.value += sum(g.value == s.value for g, s in pairs)


def _collect_errors(report: Report, document: Document, system: list[Timex], pairs) -> None:
    """Record each miss, false positive, wrong value and span difference with its surroundings."""
    matched_gold = {id(g) for g, _ in pairs}
    matched_system = {id(s) for _, s in pairs}

    def where(timex: Timex) -> dict:
        context = document.text[max(0, timex.start - 60):timex.end + 60].replace("\n", " ")
        return {"document": document.name, "dct": document.creation_time, "text": document.text[timex.start:timex.end],
                "type": timex.type, "value": timex.value, "context": context}

    for g in document.timexes:
        if id(g) not in matched_gold:
            report.errors.append({"kind": "miss", **where(g)})
    for s in system:
        if id(s) not in matched_system:
            report.errors.append({"kind": "false_positive", **where(s)})
    for g, s in pairs:
        # A wrong value outranks a span difference: one error line per pair.
        kind = "wrong_value" if g.value != s.value else "span" if (g.start, g.end) != (s.start, s.end) else None
        if kind:
            report.errors.append({"kind": kind, **where(g), "system_text": document.text[s.start:s.end],
                                  "system_type": s.type, "system_value": s.value})
