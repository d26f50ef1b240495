"""Fixtures that run the service as it is deployed: real gunicorn, real nginx, real PostgreSQL."""
import subprocess
import sys
import uuid
from contextlib import ExitStack
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from servers import POSTGRES_URL, TOKEN, Gunicorn, Nginx, nginx_binary, psql, run_cli, upgrade_schema  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def require_nginx():
    """Fail loudly, never skip, when nginx is missing."""
    try:
        nginx_binary()
    except RuntimeError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("deploy")


@pytest.fixture
def postgres_database():
    """Create a fresh PostgreSQL database for one test and drop it afterwards; yield its URL."""
    name = f"timeline_deploy_{uuid.uuid4().hex[:10]}"
    try:
        psql(f"CREATE DATABASE {name}")
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.fail(f"PostgreSQL at {POSTGRES_URL} is needed for the scale-out tests: {exc}")
    yield f"{POSTGRES_URL}/{name}"
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def launch(cleanup: ExitStack, workdir: Path, database_url: str, instances=1, workers=2, seed=False, env=None):
    """Start gunicorn instances on database_url (with env added to theirs) and one nginx in front of them;
    return (apps, proxy)."""
    upgrade_schema(database_url)
    if seed:
        run_cli(database_url, "seed")
    apps = []
    for _ in range(instances):
        app = Gunicorn(workdir, database_url, workers=workers, env=env)
        cleanup.callback(app.stop)
        apps.append(app.start())
    proxy = Nginx(workdir, [app.port for app in apps])
    cleanup.callback(proxy.stop)
    return apps, proxy.start()


@pytest.fixture
def stack(workdir):
    """Start a stack with launch()'s arguments; stop it when the test ends."""
    with ExitStack() as cleanup:
        yield lambda *args, **kwargs: launch(cleanup, workdir, *args, **kwargs)


@pytest.fixture(scope="module")
def seeded_proxy(workdir):
    """One SQLite instance with the seed articles behind nginx, shared by a module's read-only tests."""
    with ExitStack() as cleanup:
        _, proxy = launch(cleanup, workdir, f"sqlite:///{workdir / f'seeded-{uuid.uuid4().hex[:6]}.db'}", seed=True)
        yield proxy


@pytest.fixture
def auth():
    return {"Authorization": f"Bearer {TOKEN}"}
