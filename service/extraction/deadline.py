"""A time budget for the extraction of one article, checked between its steps (nothing is interrupted).

Time is the thread's CPU time: what the article itself costs. Wall time would also count the waits for a core
while other requests run, and refuse ordinary articles whenever the server is busy.
"""
import time
from contextlib import contextmanager
from contextvars import ContextVar

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("extraction_deadline", default=None)


class OutOfTime(Exception):
    """The work went past its budget (seconds) and stopped at the next check."""

    def __init__(self, seconds: float):
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


@contextmanager
def budget(seconds: float | None):
    """Run the block with `seconds` to spend; check() past that raises OutOfTime. None or 0: no limit."""
    if not seconds:
        yield
        return
    token = _deadline.set((time.thread_time() + seconds, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise OutOfTime when the running budget is spent; called between sentences and mentions."""
    current = _deadline.get()
    if current is not None and time.thread_time() > current[0]:
        raise OutOfTime(current[1])
