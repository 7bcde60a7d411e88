"""offline sync: a uid on every record that travels, updated_at, the sync tables

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 04:40:00.000000

Keeps existing data: every existing row gets a new random uid (uuid4) and an
``updated_at`` taken from when it was created (or now, for areas, which kept no time).
Downgrading drops the sync tables and the new columns.
"""
import uuid
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0012'
down_revision: Union[str, Sequence[str], None] = '0011'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# every table whose rows travel between installations
UID_TABLES = (
    'provinces', 'communes', 'teams', 'learner_groups', 'learners', 'trainers', 'lesson_progress',
    'quiz_attempts', 'quiz_answers', 'review_items', 'recordings', 'class_sessions', 'class_participants',
    'class_questions', 'class_answers',
)
# tables whose rows can change and had no updated_at: what it starts from
UPDATED_FROM = {
    'provinces': None, 'communes': None, 'teams': None, 'learner_groups': 'created_at',
    'learners': 'created_at', 'trainers': 'created_at', 'review_items': 'created_at',
    'recordings': 'created_at', 'class_participants': 'last_seen_at', 'class_questions': 'opened_at',
}
BATCH = 500


def _backfill_uids(table: str) -> None:
    bind = op.get_bind()
    ids = bind.execute(sa.text(f"SELECT id FROM {table} WHERE uid IS NULL")).scalars().all()
    update = sa.text(f"UPDATE {table} SET uid = :uid WHERE id = :id")
    for start in range(0, len(ids), BATCH):
        bind.execute(update, [{"uid": str(uuid.uuid4()), "id": row_id} for row_id in ids[start:start + BATCH]])


def _backfill_updated_at(table: str, source: str | None) -> None:
    value = f"COALESCE({source}, CURRENT_TIMESTAMP)" if source else "CURRENT_TIMESTAMP"
    op.get_bind().execute(sa.text(f"UPDATE {table} SET updated_at = {value}"))


def _add_columns() -> None:
    for table in UID_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('uid', sa.String(length=36), nullable=True))
            if table in UPDATED_FROM:
                batch_op.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
        _backfill_uids(table)
        if table in UPDATED_FROM:
            _backfill_updated_at(table, UPDATED_FROM[table])
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('uid', existing_type=sa.String(length=36), nullable=False)
            if table in UPDATED_FROM:
                batch_op.alter_column('updated_at', existing_type=sa.DateTime(timezone=True), nullable=False)
            batch_op.create_unique_constraint(batch_op.f(f'uq_{table}_uid'), ['uid'])


def _create_sync_tables() -> None:
    op.create_table('sync_site',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_site')),
    sa.UniqueConstraint('uid', name=op.f('uq_sync_site_uid'))
    )
    op.create_table('sync_partners',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=10), nullable=False),
    sa.Column('commune_id', sa.Integer(), nullable=True),
    sa.Column('key_hex', sa.String(length=64), nullable=False),
    sa.Column('url', sa.String(length=300), nullable=True),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('acked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_import_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['commune_id'], ['communes.id'], name=op.f('fk_sync_partners_commune_id_communes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_partners')),
    sa.UniqueConstraint('uid', name=op.f('uq_sync_partners_uid'))
    )
    op.create_table('sync_partner_groups',
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['learner_groups.id'],
                            name=op.f('fk_sync_partner_groups_group_id_learner_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_id'], ['sync_partners.id'],
                            name=op.f('fk_sync_partner_groups_partner_id_sync_partners'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('partner_id', 'group_id', name=op.f('pk_sync_partner_groups'))
    )
    op.create_table('sync_deletions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('origin_site_uid', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_deletions')),
    sa.UniqueConstraint('kind', 'uid', name=op.f('uq_sync_deletions_kind'))
    )
    op.create_table('sync_aliases',
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('foreign_uid', sa.String(length=36), nullable=False),
    sa.Column('local_uid', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'foreign_uid', name=op.f('pk_sync_aliases'))
    )
    op.create_table('sync_received',
    sa.Column('bundle_uid', sa.String(length=36), nullable=False),
    sa.Column('partner_uid', sa.String(length=36), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('bundle_uid', name=op.f('pk_sync_received'))
    )
    op.create_table('sync_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('partner_uid', sa.String(length=36), nullable=True),
    sa.Column('partner_name', sa.String(length=120), server_default='', nullable=False),
    sa.Column('bundle_uid', sa.String(length=36), server_default='', nullable=False),
    sa.Column('file_bytes', sa.Integer(), server_default='0', nullable=False),
    sa.Column('summary_json', sa.Text(), server_default='', nullable=False),
    sa.Column('by_account', sa.String(length=120), nullable=True),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('message', sa.Text(), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_history'))
    )
    with op.batch_alter_table('sync_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_history_at'), ['at'], unique=False)


def upgrade() -> None:
    """Upgrade schema."""
    _add_columns()
    _create_sync_tables()


def downgrade() -> None:
    """Downgrade schema."""
    for table in ('sync_history', 'sync_received', 'sync_aliases', 'sync_deletions', 'sync_partner_groups',
                  'sync_partners', 'sync_site'):
        op.drop_table(table)
    for table in reversed(UID_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f'uq_{table}_uid'), type_='unique')
            batch_op.drop_column('uid')
            if table in UPDATED_FROM:
                batch_op.drop_column('updated_at')
