"""Extraction costs grow linearly with the input, however many dates one sentence or one text holds."""
import gc
import time

import pytest

from service.extraction import extract

WED = "2021-04-07"
# Each builds one sentence of n date expressions: the shapes that once cost the square of their size.
SENTENCES = {
    "weekday names": lambda n: "They met on " + " ".join(("Monday", "Tuesday", "Friday")[i % 3] for i in range(n)) + ".",
    "full dates": lambda n: "Talks were held on " + ", ".join(f"April {i % 28 + 1}, 2021" for i in range(n)) + ".",
    "months and verbs": lambda n: "In May " + ", and ".join(
        ("officials said they met in June", "prices will rise in July", "the deal was signed on the 5th")[i % 3]
        for i in range(n)) + ".",
    "a narrative": lambda n: " ".join(
        ("In 1941, the army attacked. In December, it stopped.", "Two days later, it moved on Christmas Eve.",
         "On 2 February 1943, it surrendered.", "The following spring, talks began.\n\n")[i % 4] for i in range(n)),
}


def cpu_seconds(*texts: str) -> list[float]:
    """Return the least CPU time of five extractions of each text, the runs taken in turn so that a shared
    machine's busy moments fall on every text alike (the least is the cost)."""
    timings = [[] for _ in texts]
    # A full garbage collection scans every object of the test process, so whether one falls inside a
    # run depends on the tests before it; the test is about the extractor's own work.
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            for text, times in zip(texts, timings):
                began = time.process_time()
                extract(text, WED)
                times.append(time.process_time() - began)
    finally:
        gc.enable()
    return [min(times) for times in timings]


@pytest.mark.parametrize("shape", SENTENCES)
def test_eight_times_the_input_costs_at_most_about_ten_times_the_time(shape):
    build = SENTENCES[shape]
    extract(build(10), WED)  # patterns compile on first use; that is start-up, not cost per date
    # Sizes large enough that the small run takes tens of milliseconds: a few milliseconds of a busy machine's
    # noise on a tiny run would move the ratio more than the cost does. A square cost would give 64.
    small, large = cpu_seconds(build(800), build(6400))
    assert large / small <= 10, f"{shape}: {small:.3f}s for 800, {large:.3f}s for 6400"
