"""`client` and `world` over the module-scoped `shared` app, for modules of read-only tests.

A module opts in with `from shared_world import client, world`; pytest finds fixtures imported into a module.
"""
import pytest


@pytest.fixture
def client(shared):
    return shared[0].test_client()


@pytest.fixture
def world(shared):
    return shared[1]
