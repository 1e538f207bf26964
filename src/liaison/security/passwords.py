"""Password hashes (Argon2id) and one-time codes (TOTP) of the second factor."""

from __future__ import annotations

from functools import cache

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from liaison.errors import ValidationError

MIN_LENGTH = 10
ISSUER = "Liaison"

_hasher = PasswordHasher()


@cache
def dummy_hash() -> str:
    """A valid hash of nothing anyone knows: verified against when the user does not
    exist, so a wrong name costs as long as a wrong password. Made on first use, not at
    import (hashing takes a third of a second, and every CLI command imports this)."""
    return _hasher.hash("liaison-no-such-user-padding")


def check_strength(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError.for_field("password", f"at least {MIN_LENGTH} characters")
    if password.strip() != password or not password.strip():
        raise ValidationError.for_field("password", "must not start or end with spaces")


def hash_password(password: str) -> str:
    check_strength(password)
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def new_totp_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str) -> str:
    """The otpauth:// URI an authenticator app reads (usually from a QR code)."""
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def verify_totp(secret: str, code: str | None) -> bool:
    """The code of the current 30-second window (or the one either side, for clock skew)."""
    if not secret or not code:
        return False
    code = code.strip().replace(" ", "")
    return code.isdigit() and pyotp.TOTP(secret).verify(code, valid_window=1)
