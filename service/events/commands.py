"""The `timeline reextract` command."""
import click
from flask.cli import with_appcontext

from ..db import db


@click.command("reextract")
@with_appcontext
def reextract_command():
    """Rebuild all events from the stored articles (after rules, actors or topics changed)."""
    from .rebuild import rebuild_events

    with db.connection_context():
        counts = rebuild_events()
    click.echo("{articles} articles: {events} events ({kept} kept, {created} new, {removed} removed)".format(**counts))
