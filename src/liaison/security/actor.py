"""Who is acting: the identity every service receives and the audit trail records."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from liaison.config import get_settings


class Role(StrEnum):
    officer = "officer"
    supervisor = "supervisor"
    analyst = "analyst"
    auditor = "auditor"
    admin = "admin"
    partner = "partner"


@dataclass(frozen=True)
class Actor:
    username: str
    roles: frozenset[str]
    #: reference of the agency the user belongs to (the home bureau or a partner agency)
    agency_ref: str
    #: True when the agency is the home bureau (not a foreign partner)
    home: bool = True
    #: where the request came from (cli, an IP address…), for the audit trail
    origin: str = "cli"
    #: highest classification the user may read; empty means the default of the role
    #: (see :func:`liaison.security.policy.clearance_of`)
    clearance: str = ""

    def has(self, role: str) -> bool:
        return role in self.roles

    @property
    def is_partner(self) -> bool:
        return Role.partner in self.roles or not self.home


def cli_actor() -> Actor:
    """The operator at the command line: an administrator of the home bureau."""
    s = get_settings()
    return Actor(
        username=s.actor,
        roles=frozenset({Role.admin, Role.supervisor, Role.officer}),
        agency_ref=s.home_agency,
        home=True,
        origin="cli",
    )
