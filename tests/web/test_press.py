"""The press review page in a real browser: an analyst pastes a communiqué, accepts a
meeting, corrects an agreement's date, rejects a person; the records written are read
back from the server's database."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from liaison import db
from liaison.partners.model import Agreement, Meeting, MeetingParticipant
from liaison.security.audit import AuditEntry
from tests.web.conftest import Site, login

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

#: written for this test, in the style of a bureau's communiqué
SAMPLE = """Rabat, le 12 mai 2025 — Coopération policière maroco-portugaise

M. Karim Bennani, directeur de la coopération internationale à la DGSN, a reçu le mardi \
6 mai 2025 à Rabat Mme Ana Ferreira, directrice nationale adjointe de la Police judiciaire \
portugaise, pour une séance de travail consacrée à la lutte contre la traite des êtres humains.

À cette occasion, les deux services ont signé, le mercredi 7 mai 2025 à Rabat, un plan \
d'action relatif à l'échange de renseignements sur les réseaux de passeurs.

Un journaliste, M. Pedro Costa, a assisté à la cérémonie.
"""
SOURCE = "communique-rabat-2025-05-12"


def test_analyst_accepts_corrects_and_rejects_proposals(page, site: Site, shoot) -> None:
    login(page, "analyste")
    page.click("nav.menu a[href='/revue-presse']")
    assert page.locator("h1").inner_text() == "Revue de presse"  # French by default
    page.fill("#p-text", SAMPLE)
    page.fill("#p-source", SOURCE)
    # the first reading waits for the French language model: allow for a loaded machine
    page.click("#press-read button[type=submit]", timeout=180_000)
    meeting = page.locator("#k-meetings fieldset.proposal").first
    assert "Karim Bennani" in meeting.inner_text() and "Ana Ferreira" in meeting.inner_text()
    assert "mardi 6 mai 2025" in meeting.locator("blockquote").inner_text()  # its sentence
    assert "Confiance" in meeting.locator(".confidence").inner_text()
    meeting.locator("input[type=radio][value=accept]").check()

    agreement = page.locator("#k-agreements fieldset.proposal").first
    date = agreement.locator("input[name$='-signed_on']")
    assert date.input_value() == "2025-05-07"  # as proposed
    date.fill("1825-05-07")  # a slip: refused, beside the field
    page.locator("#k-people fieldset.proposal", has_text="Pedro Costa").locator(
        "input[type=radio][value=reject]").check()
    page.click("#press-review button[type=submit]")
    agreement = page.locator("#k-agreements fieldset.proposal").first
    assert agreement.locator(".field-error").is_visible()
    assert agreement.locator("input[name$='-signed_on']").get_attribute("aria-invalid") == "true"
    with db.transaction(db.make_engine(site.database_url)) as session:  # nothing written yet
        assert session.scalars(select(Agreement).where(Agreement.title == "Plan d'action")
                               ).first() is None  # fmt: skip
    # the choices made survive the refusal
    assert page.locator("#k-meetings input[type=radio][value=accept]").first.is_checked()
    agreement.locator("input[name$='-signed_on']").fill("2025-05-08")
    assert agreement.locator("input[type=radio][value=correct]").is_checked()  # the edit says so
    journalist = page.locator("#k-people fieldset.proposal", has_text="Pedro Costa")
    assert journalist.locator("input[type=radio][value=reject]").is_checked()
    shoot(page, "press-review")
    page.click("#press-review button[type=submit]")

    done = page.locator("#press-done")
    assert done.locator("[data-count=meetings]").inner_text() == "1"
    assert done.locator("[data-count=agreements]").inner_text() == "1"
    assert done.locator("[data-count=corrected]").inner_text() == "1"
    assert done.locator("[data-count=rejected]").inner_text() == "1"

    engine = db.make_engine(site.database_url)
    with db.transaction(engine) as session:
        held = session.scalars(select(Meeting).where(Meeting.held_on == dt.date(2025, 5, 6),
                                                     Meeting.place == "Rabat")).all()  # fmt: skip
        assert len(held) == 1
        assert {p.name for p in held[0].participants} == {"Karim Bennani", "Ana Ferreira"}
        assert SOURCE in held[0].summary
        signed = session.scalars(select(Agreement).where(
            Agreement.kind == "action_plan", Agreement.place == "Rabat",
            Agreement.signed_on.between(dt.date(2025, 5, 1), dt.date(2025, 5, 31)))).all()
        assert [a.signed_on for a in signed] == [dt.date(2025, 5, 8)]  # the corrected date
        assert session.scalars(select(MeetingParticipant).where(
            MeetingParticipant.name == "Pedro Costa")).first() is None  # fmt: skip
        accepted = session.scalars(select(AuditEntry).where(
            AuditEntry.action == "accept", AuditEntry.actor == "analyste")).all()  # fmt: skip
        by_kind = {e.entity_kind: e for e in accepted}
        assert by_kind["meeting"].entity_ref == held[0].ref
        assert by_kind["agreement"].entity_ref == signed[0].ref
        assert json.loads(by_kind["agreement"].detail)["source"] == SOURCE  # the document
        review = json.loads(by_kind["press_review"].detail)
        assert [r["item"] for r in review["rejected"]] == ["Pedro Costa"]
        assert review["corrected"][0]["changes"] == {"signed_on": ["2025-05-07", "2025-05-08"]}
    engine.dispose()


def test_a_file_is_read_like_a_pasted_text(page, site: Site, tmp_path) -> None:
    latin1 = tmp_path / "ancien.txt"
    latin1.write_bytes("Le ministre a signé un accord à Fès.".encode("latin-1"))
    login(page, "analyste")
    page.goto("/revue-presse")
    page.set_input_files("#p-file", str(latin1))
    page.click("#press-read button[type=submit]", timeout=180_000)
    assert "UTF-8" in page.locator("#err-file").inner_text()  # refused beside the field
    assert page.locator("#p-file").get_attribute("aria-invalid") == "true"
    upload = tmp_path / "communique-rabat.txt"
    upload.write_text(SAMPLE, encoding="utf-8")
    page.set_input_files("#p-file", str(upload))
    page.click("#press-read button[type=submit]", timeout=180_000)  # the model may load now
    meeting = page.locator("#k-meetings fieldset.proposal").first
    assert "Karim Bennani" in meeting.inner_text()
    assert "communique-rabat.txt" in page.locator("main > p").nth(1).inner_text()  # the source
