import pytest

from local_site import Site


@pytest.fixture(scope="session")
def site():
    """A local news site on 127.0.0.1 serving the fixture pages and feeds."""
    served = Site()
    yield served
    served.close()
