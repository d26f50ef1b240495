import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "api"))  # problem_asserts

from local_site import Site  # noqa: E402


@pytest.fixture(scope="session")
def site():
    """A local news site on 127.0.0.1 serving the fixture pages and feeds."""
    served = Site()
    yield served
    served.close()


@pytest.fixture
def timeline(app, timeline):
    """The `timeline` CLI runner, without the politeness pause between requests to one host (the site is ours)."""
    app.config["FETCH_DELAY"] = 0
    return timeline
