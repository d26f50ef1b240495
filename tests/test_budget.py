"""Time budgets (service/budget.py): CPU or wall seconds, checked between steps, unlimited when none is given."""
import time

import pytest

from service import budget


def spin(seconds):
    """Spend about `seconds` of this thread's CPU time."""
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        pass


def test_a_cpu_budget_is_spent_by_work_not_by_waiting():
    working = budget.cpu(0.2)
    time.sleep(0.3)  # waiting costs no CPU
    working.check()
    spin(0.3)
    with pytest.raises(budget.OutOfTime, match="longer than 0.2 s"):
        working.check()
    assert working.left() == 0


def test_a_wall_budget_is_spent_by_waiting():
    assert 0 < budget.wall(60).left() <= 60
    waiting = budget.wall(0.05)
    time.sleep(0.1)
    assert waiting.over() and waiting.left() == 0


@pytest.mark.parametrize("seconds", [None, 0])
def test_no_seconds_is_no_limit(seconds):
    unlimited = budget.cpu(seconds)
    spin(0.05)
    unlimited.check()
    assert unlimited.left() is None and not unlimited.over()


def test_check_reads_the_budget_of_the_running_work_only():
    budget.check()  # nothing running: no limit
    with budget.spending(budget.wall(0.01)):
        time.sleep(0.05)
        with pytest.raises(budget.OutOfTime):
            budget.check()
        with budget.spending(None):
            budget.check()  # work that runs without a budget inside (the command line's) is not cut off
    budget.check()
