"""Time budgets: the seconds a piece of work may take, checked between its steps (nothing is interrupted).

A request spends two kinds of time, and each has its own budget of this one kind:
- CPU seconds (`cpu`) bound what the server computes: reading a page and extracting its events. A thread's CPU
  time counts what the request itself costs; wall time would also count the waits for a core while other
  requests run, and refuse ordinary articles whenever the server is busy.
- Wall seconds (`wall`) bound what the server waits for: resolving a name, connecting, a server dripping bytes.
  Waiting costs no CPU, so a CPU budget cannot bound it.

Work that cannot be interrupted (one call into a parser) runs to its end; the check after it stops the rest. So
the time a request takes is its budget plus at most one such step, and each step is kept small by limits on its
input (service/web/page.py).
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator


class OutOfTime(Exception):
    """The work went past its budget and stopped at the next check."""

    def __init__(self, budget: Budget):
        super().__init__(f"took longer than {budget.seconds:g} s")
        self.seconds = budget.seconds


class Budget:
    """Seconds of one clock to spend from now on; None (or 0) seconds: no limit.

    A CPU budget counts the CPU time of the thread that made it, so it is spent in that thread.
    """

    def __init__(self, seconds: float | None, clock: Callable[[], float]):
        self.seconds = seconds or None
        self.clock = clock
        self.started = clock()
        self.until = None if self.seconds is None else self.started + self.seconds

    def spent(self) -> float:
        """Return the seconds spent since the budget was made."""
        return self.clock() - self.started

    def left(self) -> float | None:
        """Return the seconds left (0 when spent), or None for no limit."""
        return None if self.seconds is None else max(0.0, self.seconds - self.spent())

    def over(self) -> bool:
        """Tell whether the budget is spent."""
        return self.until is not None and self.clock() >= self.until

    def check(self) -> None:
        """Raise OutOfTime when the budget is spent."""
        if self.over():
            raise OutOfTime(self)


def cpu(seconds: float | None) -> Budget:
    """Return a budget of the calling thread's CPU seconds."""
    return Budget(seconds, time.thread_time)


def wall(seconds: float | None) -> Budget:
    """Return a budget of elapsed (monotonic) seconds."""
    return Budget(seconds, time.monotonic)


# The budget of the work running in this context: deep steps (between sentences, between a page's stages) check
# it without every function on the way passing it down.
_running: ContextVar[Budget | None] = ContextVar("running_budget", default=None)


@contextmanager
def spending(budget: Budget | None) -> Iterator[Budget | None]:
    """Run the block under budget: check() inside it raises OutOfTime once the budget is spent."""
    token = _running.set(budget)
    try:
        yield budget
    finally:
        _running.reset(token)


def check() -> None:
    """Raise OutOfTime when the running budget is spent; no budget running: no limit."""
    # Called between words and mentions: the comparison is written out rather than a call to Budget.check.
    running = _running.get()
    if running is not None and running.until is not None and running.clock() >= running.until:
        raise OutOfTime(running)
