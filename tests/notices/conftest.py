"""Fixtures of this folder's tests: the API client on a migrated database with its
three accounts (tests/api/conftest.py)."""

from tests.api.conftest import api  # noqa: F401  (the fixture, for the modules here)
