"""wrong staff passwords counted per client address

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 01:30:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'address_failures',
        sa.Column('address', sa.String(length=64), nullable=False),
        sa.Column('failures', sa.Integer(), server_default='0', nullable=False),
        sa.Column('window_started', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('address', name=op.f('pk_address_failures')),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('address_failures')
