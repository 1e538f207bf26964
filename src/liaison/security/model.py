"""Tables of the security package: user accounts, their tokens and sessions, and the
shares that decide what a partner agency may see."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from liaison.db import Base, JsonType
from liaison.records import utcnow


class UserAccount(Base):
    """A person who logs in: an officer of the home bureau or a partner's liaison officer."""

    __tablename__ = "user_account"
    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    agency_ref: Mapped[str] = mapped_column(ForeignKey("agency.ref"), index=True)
    #: role names (see :class:`liaison.security.actor.Role`)
    roles: Mapped[list[str]] = mapped_column(JsonType, default=list)
    #: highest classification this user may read; empty means the default of the role
    clearance: Mapped[str] = mapped_column(String(32), default="")
    password_hash: Mapped[str] = mapped_column(String(256))
    #: base32 TOTP secret; empty when no second factor is enrolled
    totp_secret: Mapped[str] = mapped_column(String(64), default="")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class AccessToken(Base):
    """An API bearer token or a web session. Only the SHA-256 of the secret is kept."""

    __tablename__ = "access_token"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(
        ForeignKey("user_account.username", ondelete="CASCADE"), index=True
    )
    #: "bearer" (API) or "session" (web)
    kind: Mapped[str] = mapped_column(String(16), default="bearer")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    origin: Mapped[str] = mapped_column(String(64), default="")


class Share(Base):
    """One record made visible to one partner agency."""

    __tablename__ = "share"
    __table_args__ = (UniqueConstraint("record_kind", "record_ref", "agency_ref"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_kind: Mapped[str] = mapped_column(String(32))
    record_ref: Mapped[str] = mapped_column(String(64), index=True)
    agency_ref: Mapped[str] = mapped_column(ForeignKey("agency.ref"), index=True)
    shared_by: Mapped[str] = mapped_column(String(64))
    shared_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    purpose: Mapped[str] = mapped_column(String(256), default="")
