"""The export page's "Chưa nộp" counts, read with one COUNT per kind: the same rows a
bundle would carry as changed since the mark (overlap included), none after it."""

import datetime as dt

from progress.learners import delete_learner
from progress.models import utcnow
from progress.sync.collect import OVERLAP, collect_payload
from progress.sync.pending import pending_counts
from tests.progress.sync.village import make_village

COUNTED = ("learners", "lesson_progress", "review_items", "recordings", "quiz_attempts", "class_sessions")


def test_the_counts_are_the_rows_a_bundle_carries_as_changed_and_none_after_the_mark(laptop):
    village = make_village(laptop)
    delete_learner(laptop, village.learners[2].id)
    payload = collect_payload(laptop, since=None, group_ids=None, include_trainers=False, include_audio=False)
    counts = pending_counts(laptop, None)
    assert counts == {**{kind: len(payload["kinds"][kind]) for kind in COUNTED},
                      "deletions": len(payload["deletions"])}
    assert counts["learners"] == 2 and counts["deletions"] >= 1 and counts["class_sessions"] == 2
    # a mark a little after now still counts what was saved just before it, as an export sends it again
    assert pending_counts(laptop, utcnow() + OVERLAP - dt.timedelta(seconds=60))["learners"] == 2
    assert set(pending_counts(laptop, utcnow() + OVERLAP + dt.timedelta(seconds=5)).values()) == {0}
