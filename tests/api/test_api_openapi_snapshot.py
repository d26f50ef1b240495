"""The OpenAPI document is the API's contract: a refactor must leave it exactly as committed."""
import json
from pathlib import Path

from click.testing import CliRunner

from service.cli import cli

SNAPSHOT = Path(__file__).with_name("openapi.json")


def test_openapi_document_matches_the_committed_copy():
    result = CliRunner().invoke(cli, ["openapi", "print"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == json.loads(SNAPSHOT.read_text())
