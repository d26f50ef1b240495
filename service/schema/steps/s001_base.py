"""Step 1: the base tables of the models."""
from ...models import ALL_MODELS


def apply(database):
    """Create the base tables (safe=True skips any that already exist)."""
    database.create_tables(ALL_MODELS, safe=True)
