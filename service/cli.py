"""The `timeline` command line: serve, manage the database, ingest and extract."""
import logging
import os
import secrets
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup
from peewee import InterfaceError, OperationalError

from . import create_app
from .config import PROJECT_ROOT
from .db import db
from .events.commands import reextract_command
from .extraction.commands import eval_command, extract_command
from .web.commands import follow_command, worker_command

log = logging.getLogger(__name__)
# Past this many articles a progress bar is worth its screen line.
PROGRESS_THRESHOLD = 20


@click.group(cls=FlaskGroup, create_app=create_app, add_default_commands=False, add_version_option=False)
def cli():
    """Timeline: turn news articles into a dated, filterable timeline of events."""


# FlaskGroup always adds --app, --env-file and --debug; this CLI serves one app, so keep them out of --help.
for option in cli.params:
    option.hidden = True




def bind_address(host: str | None, port: int | None, default: str) -> str:
    """Return gunicorn's bind for host and port, each falling back to the default address's part."""
    default_host, _, default_port = default.rpartition(":")
    host = host or default_host.strip("[]")
    # An IPv6 literal needs brackets so its colons do not read as the port separator.
    return f"[{host}]:{port or default_port}" if ":" in host else f"{host}:{port or default_port}"


@cli.command()
@click.option("--host", help="Address to listen on  [default: from TIMELINE_BIND, else 127.0.0.1]")
@click.option("--port", type=int, help="Port to listen on  [default: from TIMELINE_BIND, else 8000]")
def serve(host, port):
    """Serve the API with gunicorn and the project's gunicorn.conf.py."""
    # Always the project's file: what `timeline serve` runs is what make run, the container and the tests run.
    config = str(PROJECT_ROOT / "gunicorn.conf.py")
    bind = bind_address(host, port, os.environ.get("TIMELINE_BIND", "127.0.0.1:8000"))
    os.execv(sys.executable, [sys.executable, "-m", "gunicorn", "-c", config, "--bind", bind, "service.wsgi:app"])


@cli.group("db")
def db_group():
    """Manage the database schema."""


@db_group.command("upgrade")
def db_upgrade():
    """Create the schema or bring it up to date (safe to run again)."""
    from .schema import upgrade

    with db.connection_context():
        applied = upgrade()
    # Each step is logged as it is applied (stderr); echoing them again here printed every step twice.
    click.echo(f"applied {len(applied)} migration{'s' if len(applied) > 1 else ''}" if applied else "database is up to date")


def ingest_all(articles) -> tuple[int, int, list[str]]:
    """Store articles, showing progress on long runs; return (new, existing, errors)."""
    from tqdm import tqdm

    from .ingest import ArticleError, store_article

    articles = list(articles)
    created = existing = 0
    errors = []
    bar = tqdm(articles, unit="article", file=sys.stderr, disable=len(articles) < PROGRESS_THRESHOLD)
    with db.connection_context():
        for item in bar:
            try:
                _, is_new = store_article(item)
            except ArticleError as exc:
                errors.append(f"{item.origin}: {exc}")
                continue
            except (OperationalError, InterfaceError):
                raise  # the database is gone: every later article would fail the same way
            except Exception as exc:  # a bug: report it with this article and go on with the others
                log.exception("storing %s failed", item.origin)
                errors.append(f"{item.origin}: unexpected error ({type(exc).__name__}: {exc}); it has been logged")
                continue
            created += is_new
            existing += not is_new
    return created, existing, errors


def report(created, existing, errors):
    """Print what an ingest did; exit non-zero when any article failed."""
    click.echo(f"{created} new, {existing} already stored, {len(errors)} failed")
    for line in errors:
        click.echo(f"error: {line}".encode("utf-8", "backslashreplace").decode(), err=True)
    if errors:
        sys.exit(1)


@cli.command()
@click.argument("sources", nargs=-1, required=True)
def ingest(sources):
    """Ingest articles from text, JSON or HTML files, folders, manifests, page URLs and feed URLs."""
    from .ingest import read_paths
    from .web.articles import articles_from_url
    from .web.fetch import Fetcher
    from .web.pacing import HostPacer
    from .web.setup import fetch_policy

    # A file, line, item or URL that cannot be read is reported like one that cannot be stored; the rest is stored.
    unreadable = []
    urls = [source for source in sources if source.startswith(("http://", "https://"))]
    for source in sources:
        if source not in urls and not Path(source).exists():
            raise click.BadParameter(f"Path '{source}' does not exist.", param_hint="'SOURCES...'")
    articles = list(read_paths([Path(source) for source in sources if source not in urls], unreadable))
    # The operator's own command may fetch any address (the API's fetches are guarded).
    fetcher = Fetcher(fetch_policy(current_app.config, guarded=False))
    pacer = HostPacer(current_app.config["FETCH_DELAY"])
    with db.connection_context():
        for url in urls:
            articles += articles_from_url(fetcher, url, unreadable,
                                          lambda page: pacer.wait(page, fetcher.robots.crawl_delay(page)))
    created, existing, failed = ingest_all(articles)
    report(created, existing, unreadable + failed)


@cli.command()
def seed():
    """Load the shipped actors, topics and seed articles (idempotent)."""
    from .events import sync_vocabularies
    from .ingest import read_paths

    with db.connection_context():
        sync_vocabularies()
    seeds = Path(current_app.config["SEEDS_DIR"]) / "articles"
    report(*ingest_all(read_paths([seeds])))


@cli.group()
def token():
    """Manage API tokens."""


@token.command("new")
def token_new():
    """Print a fresh random API token for TIMELINE_API_TOKENS."""
    click.echo(secrets.token_urlsafe(32))


cli.add_command(reextract_command)
cli.add_command(follow_command)
cli.add_command(worker_command)
cli.add_command(extract_command)
cli.add_command(eval_command)
