"""Marshmallow schemas: they validate input, serialise output and describe the API in OpenAPI."""
