"""A guest's place in a class survives a reload only with our signature on it."""

from access.class_guest import guest_token, read_guest_token
from access.tokens import issue_token

SECRET = "test-secret"


def test_a_signed_guest_token_gives_back_its_place():
    token = guest_token(SECRET, 7, 42)
    assert read_guest_token(SECRET, token, 7) == 42


def test_a_token_for_another_class_is_refused():
    assert read_guest_token(SECRET, guest_token(SECRET, 7, 42), 8) is None


def test_a_changed_participant_id_is_refused():
    _, _, signature = guest_token(SECRET, 7, 42).split(".")
    assert read_guest_token(SECRET, f"7.43.{signature}", 7) is None


def test_another_secret_and_garbage_are_refused():
    assert read_guest_token("other-secret", guest_token(SECRET, 7, 42), 7) is None
    for token in (None, "", "42", "7.42", "7.42.", "a.b.c", "7.42.x.y", "7." + "4" * 200 + ".sig"):
        assert read_guest_token(SECRET, token, 7) is None


def test_a_sign_in_token_is_no_guest_token():
    sign_in = issue_token(SECRET, "learner", 42, 3600, version=1)
    assert read_guest_token(SECRET, sign_in, 7) is None
    assert read_guest_token(SECRET, "7.42." + sign_in.rsplit(".", 1)[1], 7) is None
