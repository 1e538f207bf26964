"""The access policy as a table: role × agency × classification × restriction × action
→ allowed or refused (and hidden, for partners), with the reason."""

from __future__ import annotations

import pytest

from liaison.errors import NotFound, PermissionDenied
from liaison.security.actor import Actor
from liaison.security.policy import (
    Action,
    can,
    clearance_of,
    redact,
    require,
    require_approval,
)

HOME, FR = "NCB", "FR-OCRTEH"


def actor(role: str, agency: str = HOME, clearance: str = "", name: str = "") -> Actor:
    return Actor(name or f"{role}1", frozenset({role}), agency, home=agency == HOME,
                 clearance=clearance)


def rec(classification: str = "restricted", *restrictions: str,
        ref: str = "C-1") -> dict[str, object]:
    return {"ref": ref, "classification": classification, "restrictions": list(restrictions)}


# role, agency, classification, restrictions, action, kind, shared, expected
# expected: "ok" allowed, "deny" refused (403), "hidden" refused without a hint (404)
TABLE = [
    ("officer", HOME, "restricted", (), "read", "case", False, "ok"),
    ("officer", HOME, "confidential", (), "update", "case", False, "ok"),
    ("officer", HOME, "secret", (), "read", "case", False, "deny"),
    ("officer", HOME, "restricted", (), "approve", "notice", False, "deny"),
    ("officer", HOME, "restricted", ("no_onward_sharing",), "share", "case", False, "deny"),
    ("officer", HOME, "restricted", ("home_only",), "share", "case", False, "deny"),
    ("officer", HOME, "restricted", ("not_evidence",), "share", "case", False, "ok"),
    ("officer", HOME, "restricted", ("not_evidence",), "use_as_evidence", "case", False, "deny"),
    ("officer", HOME, "restricted", ("intelligence_only",), "use_as_evidence", "person", False,
     "deny"),
    ("officer", HOME, "restricted", (), "use_as_evidence", "person", False, "ok"),
    ("officer", HOME, "restricted", ("no_onward_sharing",), "read", "case", False, "ok"),
    ("officer", HOME, "restricted", (), "manage_users", "user", False, "deny"),
    ("supervisor", HOME, "secret", (), "read", "notice", False, "ok"),
    ("supervisor", HOME, "restricted", (), "approve", "notice", False, "ok"),
    ("analyst", HOME, "confidential", (), "read", "person", False, "ok"),
    ("analyst", HOME, "restricted", (), "update", "case", False, "deny"),
    ("analyst", HOME, "restricted", (), "update", "agreement", False, "ok"),
    ("auditor", HOME, "restricted", (), "audit", "audit", False, "ok"),
    ("auditor", HOME, "restricted", (), "update", "agency", False, "deny"),
    ("admin", HOME, "restricted", (), "manage_users", "user", False, "ok"),
    ("admin", HOME, "restricted", (), "read", "person", False, "deny"),
    ("partner", FR, "restricted", (), "read", "case", True, "ok"),
    ("partner", FR, "restricted", (), "read", "case", False, "hidden"),
    ("partner", FR, "restricted", (), "answer", "case", True, "ok"),
    ("partner", FR, "restricted", (), "answer", "case", False, "hidden"),
    ("partner", FR, "restricted", (), "update", "case", True, "deny"),
    ("partner", FR, "restricted", (), "share", "case", True, "deny"),
    ("partner", FR, "confidential", (), "read", "case", True, "hidden"),
    ("partner", FR, "restricted", ("home_only",), "read", "notice", True, "hidden"),
    ("partner", FR, "restricted", ("no_share_fr-ocrteh",), "read", "notice", True, "hidden"),
    ("partner", FR, "restricted", ("no_onward_sharing",), "read", "person", True, "ok"),
    ("partner", FR, "public", (), "read", "agency", False, "ok"),
    ("partner", FR, "restricted", (), "read", "meeting", False, "hidden"),
    # an officer's account in a foreign agency is treated as a partner
    ("officer", FR, "restricted", (), "update", "case", True, "deny"),
    ("officer", FR, "restricted", (), "read", "case", False, "hidden"),
]


@pytest.mark.parametrize(
    ("role", "agency", "classification", "restrictions", "action", "kind", "shared", "expected"),
    TABLE,
    ids=[f"{r[0]}@{r[1]}-{r[2]}-{'+'.join(r[3]) or 'H0'}-{r[4]}-{r[5]}-"
         f"{'shared' if r[6] else 'own'}" for r in TABLE],
)
def test_policy_table(role: str, agency: str, classification: str, restrictions: tuple[str, ...],
                      action: str, kind: str, shared: bool, expected: str) -> None:
    decision = can(actor(role, agency), action, kind, rec(classification, *restrictions),
                   shared=shared)
    outcome = "ok" if decision.allowed else ("hidden" if decision.hidden else "deny")
    assert outcome == expected, decision.reason
    if expected == "deny":
        assert decision.reason


def test_require_raises_not_found_for_partner_without_hint() -> None:
    with pytest.raises(NotFound) as info:
        require(actor("partner", FR), Action.read, "case", rec(ref="C-9"), shared=False)
    assert "classified" not in info.value.message and "share" not in info.value.message


def test_refused_onward_sharing_says_why() -> None:
    with pytest.raises(PermissionDenied, match="no_onward_sharing"):
        require(actor("officer"), Action.share, "case", rec("restricted", "no_onward_sharing"),
                target_agency=FR)


def test_source_may_exclude_one_recipient() -> None:
    record = rec("restricted", "no_share_es-cgpj")
    assert not can(actor("officer"), "share", "case", record, target_agency="ES-CGPJ")
    assert can(actor("officer"), "share", "case", record, target_agency=FR)


def test_explicit_clearance_overrides_role_default() -> None:
    assert clearance_of(actor("officer")) == "confidential"
    assert clearance_of(actor("officer", clearance="secret")) == "secret"
    assert can(actor("officer", clearance="secret"), "read", "case", rec("secret"))


def test_four_eyes() -> None:
    require_approval(actor("supervisor", name="sara"), drafted_by="omar")
    with pytest.raises(PermissionDenied, match="drafter"):
        require_approval(actor("supervisor", name="sara"), drafted_by="sara")
    with pytest.raises(PermissionDenied, match="supervisor"):
        require_approval(actor("officer"), drafted_by="omar")
    with pytest.raises(PermissionDenied):
        require_approval(actor("supervisor", FR), drafted_by="omar")


def test_partner_never_sees_internal_fields() -> None:
    data = {"ref": "X-1", "notes": "source is X", "assigned_to": "omar", "stage": "decree"}
    assert redact(actor("partner", FR), data) == {"ref": "X-1", "stage": "decree"}
    assert redact(actor("officer"), data) == data
