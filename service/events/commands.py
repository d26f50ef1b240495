"""The `timeline reextract` command."""
import click
from flask.cli import with_appcontext

from ..db import db


@click.command("reextract")
@with_appcontext
def reextract_command():
    """Read kept pages again, then rebuild all events from the stored articles (after rules, actors or topics changed)."""
    from ..web.reread import reread_pages
    from .rebuild import rebuild_events

    with db.connection_context():
        pages = reread_pages()
        counts = rebuild_events()
    click.echo("{pages} pages read again: {changed} articles changed".format(**pages))
    click.echo("{articles} articles: {events} events ({kept} kept, {created} new, {removed} removed)".format(**counts))
