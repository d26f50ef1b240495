"""The resolver of each name patterns/rules.txt uses."""
from service.extraction.resolve import (absolute, ago, anaphoric_weekday, century, day_of_month, decade,
                                        month_of_relative_year, numeric, relative_day, relative_month,
                                        relative_unit, season, shift_reference, spelled_year, vague_period,
                                        weekday, weekend, year_end, year_period)
from service.extraction.resolve_periods import duration, frequency, half, latest_quarter, quarter
from service.extraction.resolve_times import clock, day_part, reference

RESOLVERS = {
    "absolute": absolute, "numeric": numeric, "decade": decade, "century": century,
    "day_of_month": day_of_month, "weekday": weekday, "anaphoric_weekday": anaphoric_weekday, "relative_day": relative_day,
    "relative_unit": relative_unit, "weekend": weekend, "relative_month": relative_month,
    "month_of_relative_year": month_of_relative_year, "season": season, "ago": ago,
    "shift_reference": shift_reference, "quarter": quarter, "latest_quarter": latest_quarter,
    "half": half, "reference": reference, "clock": clock, "day_part": day_part,
    "year_period": year_period, "year_end": year_end, "vague_period": vague_period, "spelled_year": spelled_year,
    "duration": duration, "frequency": frequency,
}
