"""Accounts of the demo: one per role, so that a newcomer who ran ``make run`` can log
in at once and see the desk as an officer, a supervisor, an analyst, an auditor, an
administrator or a partner's liaison officer.

Their password is public (:data:`PASSWORD`) and the second factor of the supervisor and
the administrator uses a fixed secret (:data:`TOTP_SECRET`), so that the login page of a
demo server (``LIAISON_DEMO=1``, set by ``make run``) can list them with the current
one-time code. They exist only in a database built by ``liaison demo``; a real bureau's
database never has them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyotp
from sqlalchemy import select
from sqlalchemy.orm import Session

from liaison.cases.model import Case
from liaison.security.accounts import add_user
from liaison.security.actor import Actor
from liaison.security.model import UserAccount
from liaison.security.records_service import share_record

#: the demo accounts' password (public: the demo's data are invented)
PASSWORD = "liaison-demo"
#: base32 secret of the demo's second factor (public, like the password)
TOTP_SECRET = "LIAISONDEMOSECONDFACTOR2"
#: the partner agency of the demo's partner account (the French NCB), and how many of
#: the files exchanged with it are shared with it
PARTNER_AGENCY = "NCB-FR"
SHARED_FILES = 5


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    #: None: the home bureau
    agency: str | None = None

    @property
    def second_factor(self) -> bool:
        return self.role in ("supervisor", "admin")


#: the officer and the supervisor are those whose steps the demo's history shows
ACCOUNTS = (
    DemoAccount("demo.officer", "officer"),
    DemoAccount("demo.supervisor", "supervisor"),
    DemoAccount("demo.analyst", "analyst"),
    DemoAccount("demo.auditor", "auditor"),
    DemoAccount("demo.admin", "admin"),
    DemoAccount("demo.partner", "partner", PARTNER_AGENCY),
)


def current_code() -> str:
    """The one-time code of the demo's second factor, now."""
    return pyotp.TOTP(TOTP_SECRET).now()


def create_accounts(session: Session, actor: Actor, home_agency: str) -> list[str]:
    """Create the demo accounts (those missing), and share a few files received from the
    partner agency with it, so that its liaison officer has something to see."""
    made = []
    for account in ACCOUNTS:
        if session.get(UserAccount, account.username) is not None:
            continue
        new = add_user(session, actor, account.username, [account.role],
                       account.agency or home_agency, PASSWORD, totp=account.second_factor)
        if account.second_factor:
            new.user.totp_secret = TOTP_SECRET
        made.append(account.username)
    refs = session.scalars(
        select(Case.ref).where(Case.partner_agency_ref == PARTNER_AGENCY)
        .order_by(Case.opened_on.desc(), Case.ref).limit(SHARED_FILES)
    ).all()
    for ref in refs:
        share_record(session, actor, "case", ref, PARTNER_AGENCY,
                     purpose="démo : dossier reçu de ce partenaire")
    session.flush()
    return made
