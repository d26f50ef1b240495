"""The resolver of each name patterns/rules.txt uses, and the one call that runs it safely."""
from __future__ import annotations

import logging

from service.extraction.named_days import holiday
from service.extraction.resolution import Context, Resolved
from service.extraction.resolve import (absolute, century, day_of_month, decade, month_of_relative_year, numeric,
                                        relative_day, relative_month, relative_unit, season, short_year,
                                        spelled_year, week_of, weekday, weekend, year_end, year_era)
from service.extraction.resolve_anaphora import (ago, anaphoric_season, anaphoric_weekday, future_offset,
                                                 of_told_year, same_period, shift_reference, told_period,
                                                 year_period)
from service.extraction.resolve_periods import duration, frequency, half, latest_quarter, quarter, week_number
from service.extraction.resolve_times import anaphoric_day_part, clock, day_part, reference, vague_period

log = logging.getLogger(__name__)

RESOLVERS = {
    "absolute": absolute, "numeric": numeric, "decade": decade, "century": century, "short_year": short_year,
    "day_of_month": day_of_month, "weekday": weekday, "anaphoric_weekday": anaphoric_weekday, "relative_day": relative_day,
    "relative_unit": relative_unit, "weekend": weekend, "relative_month": relative_month,
    "month_of_relative_year": month_of_relative_year, "season": season, "anaphoric_season": anaphoric_season,
    "ago": ago, "future_offset": future_offset, "shift_reference": shift_reference, "of_told_year": of_told_year,
    "same_period": same_period, "told_period": told_period,
    "quarter": quarter, "latest_quarter": latest_quarter, "half": half, "week_of": week_of, "week_number": week_number,
    "holiday": holiday,
    "reference": reference, "clock": clock, "day_part": day_part, "anaphoric_day_part": anaphoric_day_part,
    "year_period": year_period, "year_end": year_end,
    "vague_period": vague_period, "spelled_year": spelled_year, "year_era": year_era, "duration": duration,
    "frequency": frequency,
}


def resolve(name: str, groups: dict, ctx: Context) -> Resolved | None:
    """Resolve a candidate's groups with the named resolver; None when they cannot be resolved."""
    try:
        return RESOLVERS[name](groups, ctx)
    except (LookupError, ValueError, TypeError, ArithmeticError):
        # A rule alternative that lacks a group its resolver reads, or a value out of range, must cost
        # one expression, never the article: the rule is at fault, so say which.
        log.warning("resolver %s failed on groups %r", name, groups, exc_info=True)
        return None
