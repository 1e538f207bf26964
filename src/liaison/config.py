"""Settings, read once from ``LIAISON_*`` environment variables.

Every setting is documented in ``docs/operations.md``; a test checks that the two agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

#: name -> (default, one-line description). The single list of settings.
SETTINGS: dict[str, tuple[str, str]] = {
    "LIAISON_DATABASE_URL": (
        "",
        "SQLAlchemy URL of the database; empty means a SQLite file liaison.db in the "
        "working directory. PostgreSQL: postgresql+psycopg://user@host:5432/db",
    ),
    "LIAISON_HOME_COUNTRY": ("MA", "ISO 3166 alpha-2 code of the country whose bureau runs Liaison"),
    "LIAISON_HOME_AGENCY": ("NCB", "acronym of the home bureau's agency record"),
    "LIAISON_ACTOR": ("", "name recorded in the audit trail for CLI commands (default: cli:$USER)"),
    "LIAISON_AUDIT_KEY": (
        "liaison-development-audit-key",
        "secret key of the audit chain's HMAC; set your own in production and keep it safe",
    ),
    "LIAISON_SECRET_KEY": (
        "liaison-development-secret-key",
        "secret used to sign session cookies and tokens; set your own in production",
    ),
    "LIAISON_CLASSIFICATIONS": (
        "public,restricted,confidential,secret",
        "classification labels, lowest first, comma-separated",
    ),
    "LIAISON_LOG_LEVEL": ("INFO", "log level of the structured JSON logs"),
    "LIAISON_TOKEN_MINUTES": ("60", "lifetime of an API bearer token, in minutes"),
    "LIAISON_SECURE_COOKIES": ("0", "1 to mark session cookies Secure (behind HTTPS)"),
    "LIAISON_IMPORT_WORKER": (
        "1",
        "0 keeps liaison import in one process; by default a file of more than 2,000 lines "
        "is validated by a forked second process while the first writes (read at each import)",
    ),
    "LIAISON_DEMO": (
        "0",
        "1 on a demo server only (make run sets it): the login page lists the demo accounts, "
        "their public password and the demo's current one-time code",
    ),
}


def _get(name: str) -> str:
    return os.environ.get(name, SETTINGS[name][0])


@dataclass(frozen=True)
class Settings:
    database_url: str
    home_country: str
    home_agency: str
    actor: str
    audit_key: str
    secret_key: str
    classifications: tuple[str, ...] = field(default_factory=tuple)
    log_level: str = "INFO"
    token_minutes: int = 60
    secure_cookies: bool = False
    demo: bool = False

    @classmethod
    def from_env(cls) -> Settings:
        url = _get("LIAISON_DATABASE_URL") or f"sqlite:///{Path.cwd() / 'liaison.db'}"
        actor = _get("LIAISON_ACTOR") or f"cli:{os.environ.get('USER', 'operator')}"
        return cls(
            database_url=url,
            home_country=_get("LIAISON_HOME_COUNTRY").upper(),
            home_agency=_get("LIAISON_HOME_AGENCY"),
            actor=actor,
            audit_key=_get("LIAISON_AUDIT_KEY"),
            secret_key=_get("LIAISON_SECRET_KEY"),
            classifications=tuple(
                c.strip() for c in _get("LIAISON_CLASSIFICATIONS").split(",") if c.strip()
            ),
            log_level=_get("LIAISON_LOG_LEVEL").upper(),
            token_minutes=int(_get("LIAISON_TOKEN_MINUTES")),
            secure_cookies=_get("LIAISON_SECURE_COOKIES") == "1",
            demo=_get("LIAISON_DEMO") == "1",
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings (cached; tests call ``get_settings.cache_clear()``)."""
    return Settings.from_env()
