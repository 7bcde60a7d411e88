"""volunteer recordings' bytes in the database (every process and server plays them)

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 02:10:00.000000

Existing recordings keep playing: each recording's file, read from the audio folder
(static/audio, or the alembic option ``recordings_dir``), is copied into the new table.
A recording whose file is already gone stays listed and plays the machine voice, as
it did before. Downgrading drops the table; files on disk are left as they are.
"""
from pathlib import Path
from typing import Sequence, Union

from alembic import context, op
import sqlalchemy as sa

from settings import PROJECT_ROOT


# revision identifiers, used by Alembic.
revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _recordings_dir() -> Path:
    configured = context.config.get_main_option("recordings_dir")
    return Path(configured) if configured else PROJECT_ROOT / "static" / "audio"


def upgrade() -> None:
    """Upgrade schema."""
    audio = op.create_table(
        'recording_audio',
        sa.Column('file_name', sa.String(length=100), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('file_name', name=op.f('pk_recording_audio')),
    )
    folder = _recordings_dir()
    names = op.get_bind().execute(sa.text("SELECT DISTINCT file_name FROM recordings")).scalars().all()
    for name in names:
        path = folder / name
        if "/" in name or "\\" in name or not path.is_file() or path.stat().st_size == 0:
            continue
        op.get_bind().execute(audio.insert().values(
            file_name=name, data=path.read_bytes(), created_at=sa.func.current_timestamp()))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('recording_audio')
