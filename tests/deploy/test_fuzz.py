"""Property-based fuzzing of every documented operation against a live gunicorn: no 5xx, nothing off-schema."""
import json
import os
import subprocess
import sys
from contextlib import ExitStack

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from servers import ROOT, Gunicorn, TOKEN, run_cli, upgrade_schema

# Bounded so the whole fuzz stays within a minute or two on two cores.
EXAMPLES = 20
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def live_api(workdir):
    """A seeded SQLite instance the fuzzer may write to."""
    url = f"sqlite:///{workdir / 'fuzz.db'}"
    upgrade_schema(url)
    run_cli(url, "seed")
    with ExitStack() as cleanup:
        app = Gunicorn(workdir, url, workers=2, trusted_proxies=0, name="fuzz")
        cleanup.callback(app.stop)
        yield app.start().url


def openapi_document() -> dict:
    """Return the OpenAPI document the code under test serves, rendered in a child process at collection."""
    # schemathesis' lazy fixture loader does not run under this pytest, so the schema is known up front.
    script = ("import json; from service import create_app; "
              "print(json.dumps(create_app({'DATABASE_URL': 'sqlite:///:memory:'}).test_client()"
              ".get('/api/openapi.json').get_json()))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


schema = schemathesis.openapi.from_dict(openapi_document())


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_conforms(case, live_api):
    response = case.call(base_url=live_api, headers={"Authorization": f"Bearer {TOKEN}"})
    if response.status_code == 414:
        # gunicorn refuses request lines over 8 KiB before the app sees them (limit_request_line), as nginx does.
        assert len(response.request.url) > 4000
        return
    case.validate_response(response, checks=CHECKS)
