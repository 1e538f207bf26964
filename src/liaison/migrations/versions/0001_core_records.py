"""core records

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agreement',
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=512), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('place', sa.String(length=128), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('subjects', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('classification', sa.String(length=32), nullable=False),
    sa.Column('restrictions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('ref', name=op.f('pk_agreement'))
    )
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_signed_on'), ['signed_on'], unique=False)

    op.create_table('audit_entry',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity_kind', sa.String(length=32), nullable=False),
    sa.Column('entity_ref', sa.String(length=64), nullable=False),
    sa.Column('purpose', sa.String(length=256), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_actor'), ['actor'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_entity_ref'), ['entity_ref'], unique=False)

    op.create_table('country',
    sa.Column('code', sa.String(length=2), nullable=False),
    sa.Column('alpha3', sa.String(length=3), nullable=False),
    sa.Column('name_en', sa.String(length=128), nullable=False),
    sa.Column('name_fr', sa.String(length=128), nullable=False),
    sa.Column('region', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_country')),
    sa.UniqueConstraint('alpha3', name=op.f('uq_country_alpha3'))
    )
    op.create_table('person',
    sa.Column('birth_date', sa.String(length=10), nullable=True),
    sa.Column('birth_place', sa.String(length=128), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('nationalities', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('classification', sa.String(length=32), nullable=False),
    sa.Column('restrictions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('ref', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_source'), ['source'], unique=False)

    op.create_table('working_group',
    sa.Column('name', sa.String(length=256), nullable=False),
    sa.Column('topic', sa.String(length=256), nullable=False),
    sa.Column('established_on', sa.Date(), nullable=True),
    sa.Column('members', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('classification', sa.String(length=32), nullable=False),
    sa.Column('restrictions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('ref', name=op.f('pk_working_group'))
    )
    op.create_table('agency',
    sa.Column('name', sa.String(length=256), nullable=False),
    sa.Column('acronym', sa.String(length=32), nullable=False),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('classification', sa.String(length=32), nullable=False),
    sa.Column('restrictions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['country_code'], ['country.code'], name=op.f('fk_agency_country_code_country')),
    sa.PrimaryKeyConstraint('ref', name=op.f('pk_agency'))
    )
    with op.batch_alter_table('agency', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agency_acronym'), ['acronym'], unique=False)

    op.create_table('event',
    sa.Column('name', sa.String(length=256), nullable=False),
    sa.Column('place', sa.String(length=128), nullable=False),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('classification', sa.String(length=32), nullable=False),
    sa.Column('restrictions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['country_code'], ['country.code'], name=op.f('fk_event_country_code_country')),
    sa.PrimaryKeyConstraint('ref', name=op.f('pk_event'))
    )
    op.create_table('identity_document',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('person_ref', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['country_code'], ['country.code'], name=op.f('fk_identity_document_country_code_country')),
    sa.ForeignKeyConstraint(['person_ref'], ['person.ref'], name=op.f('fk_identity_document_person_ref_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_identity_document'))
    )
    with op.batch_alter_table('identity_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_identity_document_person_ref'), ['person_ref'], unique=False)

    op.create_table('person_name',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('person_ref', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.String(length=256), nullable=False),
    sa.Column('script', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['person_ref'], ['person.ref'], name=op.f('fk_person_name_person_ref_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_name'))
    )
    with op.batch_alter_table('person_name', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_name_person_ref'), ['person_ref'], unique=False)

    op.create_table('agreement_party',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('agreement_ref', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('agency_ref', sa.String(length=64), nullable=True),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.ForeignKeyConstraint(['agency_ref'], ['agency.ref'], name=op.f('fk_agreement_party_agency_ref_agency')),
    sa.ForeignKeyConstraint(['agreement_ref'], ['agreement.ref'], name=op.f('fk_agreement_party_agreement_ref_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['country_code'], ['country.code'], name=op.f('fk_agreement_party_country_code_country')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_party'))
    )
    with op.batch_alter_table('agreement_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_party_agreement_ref'), ['agreement_ref'], unique=False)

    op.create_table('case_file',
    sa.Column('direction', sa.String(length=16), nullable=False),
    sa.Column('partner_agency_ref', sa.String(length=64), nullable=True),
    sa.Column('partner_country_code', sa.String(length=2), nullable=True),
    sa.Column('category', sa.String(length=40), nullable=True),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('priority', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('assigned_to', sa.String(length=64), nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('classification', sa.String(length=32), nullable=False),
    sa.Column('restrictions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['partner_agency_ref'], ['agency.ref'], name=op.f('fk_case_file_partner_agency_ref_agency')),
    sa.ForeignKeyConstraint(['partner_country_code'], ['country.code'], name=op.f('fk_case_file_partner_country_code_country')),
    sa.PrimaryKeyConstraint('ref', name=op.f('pk_case_file'))
    )
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_file_opened_on'), ['opened_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_file_partner_agency_ref'), ['partner_agency_ref'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_file_partner_country_code'), ['partner_country_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_file_status'), ['status'], unique=False)

    op.create_table('meeting',
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('place', sa.String(length=128), nullable=False),
    sa.Column('country_code', sa.String(length=2), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('event_ref', sa.String(length=64), nullable=True),
    sa.Column('partner_countries', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('topics', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('classification', sa.String(length=32), nullable=False),
    sa.Column('restrictions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['country_code'], ['country.code'], name=op.f('fk_meeting_country_code_country')),
    sa.ForeignKeyConstraint(['event_ref'], ['event.ref'], name=op.f('fk_meeting_event_ref_event')),
    sa.PrimaryKeyConstraint('ref', name=op.f('pk_meeting'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_held_on'), ['held_on'], unique=False)

    op.create_table('case_person',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('case_ref', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('person_ref', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_ref'], ['case_file.ref'], name=op.f('fk_case_person_case_ref_case_file'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_ref'], ['person.ref'], name=op.f('fk_case_person_person_ref_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_person'))
    )
    with op.batch_alter_table('case_person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_person_case_ref'), ['case_ref'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_person_person_ref'), ['person_ref'], unique=False)

    op.create_table('meeting_participant',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('meeting_ref', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=256), nullable=False),
    sa.Column('role', sa.String(length=256), nullable=False),
    sa.Column('agency_ref', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['agency_ref'], ['agency.ref'], name=op.f('fk_meeting_participant_agency_ref_agency')),
    sa.ForeignKeyConstraint(['meeting_ref'], ['meeting.ref'], name=op.f('fk_meeting_participant_meeting_ref_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_participant'))
    )
    with op.batch_alter_table('meeting_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_participant_meeting_ref'), ['meeting_ref'], unique=False)

    op.create_table('notice',
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('scope', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('issuing_authority', sa.String(length=256), nullable=False),
    sa.Column('issuing_country_code', sa.String(length=2), nullable=True),
    sa.Column('person_ref', sa.String(length=64), nullable=True),
    sa.Column('case_ref', sa.String(length=64), nullable=True),
    sa.Column('charges', sa.Text(), nullable=False),
    sa.Column('warrant_reference', sa.String(length=128), nullable=False),
    sa.Column('penalty_months', sa.Integer(), nullable=True),
    sa.Column('derived_from_ref', sa.String(length=64), nullable=True),
    sa.Column('cancels_ref', sa.String(length=64), nullable=True),
    sa.Column('cancellation_reason', sa.String(length=32), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=True),
    sa.Column('arrest_on', sa.Date(), nullable=True),
    sa.Column('cancelled_on', sa.Date(), nullable=True),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('classification', sa.String(length=32), nullable=False),
    sa.Column('restrictions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cancels_ref'], ['notice.ref'], name=op.f('fk_notice_cancels_ref_notice')),
    sa.ForeignKeyConstraint(['case_ref'], ['case_file.ref'], name=op.f('fk_notice_case_ref_case_file')),
    sa.ForeignKeyConstraint(['derived_from_ref'], ['notice.ref'], name=op.f('fk_notice_derived_from_ref_notice')),
    sa.ForeignKeyConstraint(['issuing_country_code'], ['country.code'], name=op.f('fk_notice_issuing_country_code_country')),
    sa.ForeignKeyConstraint(['person_ref'], ['person.ref'], name=op.f('fk_notice_person_ref_person')),
    sa.PrimaryKeyConstraint('ref', name=op.f('pk_notice'))
    )
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_arrest_on'), ['arrest_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_notice_cancels_ref'), ['cancels_ref'], unique=False)
        batch_op.create_index(batch_op.f('ix_notice_derived_from_ref'), ['derived_from_ref'], unique=False)
        batch_op.create_index(batch_op.f('ix_notice_issued_on'), ['issued_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_notice_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_notice_person_ref'), ['person_ref'], unique=False)
        batch_op.create_index(batch_op.f('ix_notice_scope'), ['scope'], unique=False)
        batch_op.create_index(batch_op.f('ix_notice_status'), ['status'], unique=False)

    op.create_table('rogatory_letter',
    sa.Column('direction', sa.String(length=16), nullable=False),
    sa.Column('requesting_authority', sa.String(length=256), nullable=False),
    sa.Column('requesting_country_code', sa.String(length=2), nullable=True),
    sa.Column('requested_authority', sa.String(length=256), nullable=False),
    sa.Column('requested_country_code', sa.String(length=2), nullable=True),
    sa.Column('case_ref', sa.String(length=64), nullable=True),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('executed_on', sa.Date(), nullable=True),
    sa.Column('returned_on', sa.Date(), nullable=True),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('classification', sa.String(length=32), nullable=False),
    sa.Column('restrictions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_ref'], ['case_file.ref'], name=op.f('fk_rogatory_letter_case_ref_case_file')),
    sa.ForeignKeyConstraint(['requested_country_code'], ['country.code'], name=op.f('fk_rogatory_letter_requested_country_code_country')),
    sa.ForeignKeyConstraint(['requesting_country_code'], ['country.code'], name=op.f('fk_rogatory_letter_requesting_country_code_country')),
    sa.PrimaryKeyConstraint('ref', name=op.f('pk_rogatory_letter'))
    )
    with op.batch_alter_table('rogatory_letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rogatory_letter_executed_on'), ['executed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_rogatory_letter_received_on'), ['received_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_rogatory_letter_status'), ['status'], unique=False)

    op.create_table('extradition',
    sa.Column('direction', sa.String(length=16), nullable=False),
    sa.Column('person_ref', sa.String(length=64), nullable=True),
    sa.Column('notice_ref', sa.String(length=64), nullable=True),
    sa.Column('requesting_country_code', sa.String(length=2), nullable=True),
    sa.Column('requested_country_code', sa.String(length=2), nullable=True),
    sa.Column('stage', sa.String(length=24), nullable=False),
    sa.Column('outcome', sa.String(length=24), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('requested_on', sa.Date(), nullable=True),
    sa.Column('provisional_arrest_on', sa.Date(), nullable=True),
    sa.Column('court_opinion_on', sa.Date(), nullable=True),
    sa.Column('decree_on', sa.Date(), nullable=True),
    sa.Column('surrendered_on', sa.Date(), nullable=True),
    sa.Column('refused_on', sa.Date(), nullable=True),
    sa.Column('released_on', sa.Date(), nullable=True),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('classification', sa.String(length=32), nullable=False),
    sa.Column('restrictions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.func.now(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['notice_ref'], ['notice.ref'], name=op.f('fk_extradition_notice_ref_notice')),
    sa.ForeignKeyConstraint(['person_ref'], ['person.ref'], name=op.f('fk_extradition_person_ref_person')),
    sa.ForeignKeyConstraint(['requested_country_code'], ['country.code'], name=op.f('fk_extradition_requested_country_code_country')),
    sa.ForeignKeyConstraint(['requesting_country_code'], ['country.code'], name=op.f('fk_extradition_requesting_country_code_country')),
    sa.PrimaryKeyConstraint('ref', name=op.f('pk_extradition'))
    )
    with op.batch_alter_table('extradition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_extradition_direction'), ['direction'], unique=False)
        batch_op.create_index(batch_op.f('ix_extradition_stage'), ['stage'], unique=False)
        batch_op.create_index(batch_op.f('ix_extradition_surrendered_on'), ['surrendered_on'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('extradition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_extradition_surrendered_on'))
        batch_op.drop_index(batch_op.f('ix_extradition_stage'))
        batch_op.drop_index(batch_op.f('ix_extradition_direction'))

    op.drop_table('extradition')
    with op.batch_alter_table('rogatory_letter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rogatory_letter_status'))
        batch_op.drop_index(batch_op.f('ix_rogatory_letter_received_on'))
        batch_op.drop_index(batch_op.f('ix_rogatory_letter_executed_on'))

    op.drop_table('rogatory_letter')
    with op.batch_alter_table('notice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notice_status'))
        batch_op.drop_index(batch_op.f('ix_notice_scope'))
        batch_op.drop_index(batch_op.f('ix_notice_person_ref'))
        batch_op.drop_index(batch_op.f('ix_notice_kind'))
        batch_op.drop_index(batch_op.f('ix_notice_issued_on'))
        batch_op.drop_index(batch_op.f('ix_notice_derived_from_ref'))
        batch_op.drop_index(batch_op.f('ix_notice_cancels_ref'))
        batch_op.drop_index(batch_op.f('ix_notice_arrest_on'))

    op.drop_table('notice')
    with op.batch_alter_table('meeting_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_participant_meeting_ref'))

    op.drop_table('meeting_participant')
    with op.batch_alter_table('case_person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_person_person_ref'))
        batch_op.drop_index(batch_op.f('ix_case_person_case_ref'))

    op.drop_table('case_person')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_held_on'))

    op.drop_table('meeting')
    with op.batch_alter_table('case_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_file_status'))
        batch_op.drop_index(batch_op.f('ix_case_file_partner_country_code'))
        batch_op.drop_index(batch_op.f('ix_case_file_partner_agency_ref'))
        batch_op.drop_index(batch_op.f('ix_case_file_opened_on'))

    op.drop_table('case_file')
    with op.batch_alter_table('agreement_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_party_agreement_ref'))

    op.drop_table('agreement_party')
    with op.batch_alter_table('person_name', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_name_person_ref'))

    op.drop_table('person_name')
    with op.batch_alter_table('identity_document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_identity_document_person_ref'))

    op.drop_table('identity_document')
    op.drop_table('event')
    with op.batch_alter_table('agency', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agency_acronym'))

    op.drop_table('agency')
    op.drop_table('working_group')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_source'))

    op.drop_table('person')
    op.drop_table('country')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_entity_ref'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_actor'))

    op.drop_table('audit_entry')
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_signed_on'))

    op.drop_table('agreement')
