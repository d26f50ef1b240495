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


def test_every_schema_the_document_defines_is_used_by_some_operation():
    spec = json.loads(SNAPSHOT.read_text())
    text = json.dumps({key: value for key, value in spec.items() if key != "components"})
    schemas = spec["components"]["schemas"]
    used, todo = set(), [name for name in schemas if f'"#/components/schemas/{name}"' in text]
    # Responses and parameters are components too: what they reference is used when they are.
    responses = json.dumps(spec["components"].get("responses", {}))
    todo += [name for name in schemas if f'"#/components/schemas/{name}"' in responses]
    while todo:
        name = todo.pop()
        if name not in used:
            used.add(name)
            body = json.dumps(schemas[name])
            todo += [other for other in schemas if f'"#/components/schemas/{other}"' in body]
    assert sorted(set(schemas) - used) == []
