"""Step 10: actor roles and the per-source event fields."""


def apply(database):
    """Add actor roles and the per-source event fields (tables created by step 1 may already have them)."""
    from playhouse.migrate import SchemaMigrator, migrate

    from ...models import Actor, EventSource

    migrator = SchemaMigrator.from_database(getattr(database, "obj", None) or database)
    steps = []
    for model, names in ((Actor, ["roles"]), (EventSource, ["title", "value", "date_start", "date_end", "granularity",
                                                           "modifier", "status", "actors", "topics"])):
        present = {column.name for column in database.get_columns(model._meta.table_name)}
        steps += [migrator.add_column(model._meta.table_name, name, model._meta.fields[name])
                  for name in names if name not in present]
    migrate(*steps)
