import pytest

from progress.groups import create_group
from progress.learners import LearnerInfo, create_learner


@pytest.fixture
def learners(db) -> list[LearnerInfo]:  # type: ignore[no-untyped-def]
    """Three learners of one group: Hoa, Lâm and Nga."""
    group = create_group(db, "Thôn Bờ He")
    return [create_learner(db, group.id, name, "1234") for name in ("Hoa", "Lâm", "Nga")]
