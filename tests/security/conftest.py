"""Fixtures of the security tests."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from liaison.security import passwords


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with its smallest costs: the tests check behaviour, not hashing strength
    (production keeps argon2-cffi's defaults)."""
    monkeypatch.setattr(passwords, "_hasher",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
