"""The database schema: numbered migration steps, each owning the DDL it applies, and the runner that applies them."""
from .runner import SchemaVersion, pending, upgrade
from .steps import MIGRATIONS

__all__ = ["MIGRATIONS", "SchemaVersion", "pending", "upgrade"]
