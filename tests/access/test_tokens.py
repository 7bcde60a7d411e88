from access.tokens import issue_token, read_token

SECRET = "test-secret"


def test_round_trip():
    token = issue_token(SECRET, "learner", 42, 3600, now=1000, version=3)
    signin = read_token(SECRET, token, now=2000)
    assert (signin.role, signin.account_id, signin.expires_at, signin.version) == ("learner", 42, 4600, 3)


def test_expired_token_is_refused():
    token = issue_token(SECRET, "trainer", 7, 60, now=1000, version=1)
    assert read_token(SECRET, token, now=1061) is None


def test_forged_or_tampered_tokens_are_refused():
    token = issue_token(SECRET, "learner", 42, 3600, now=1000, version=3)
    assert read_token("other-secret", token, now=1000) is None
    role, account, version, expires, signature = token.split(".")
    assert read_token(SECRET, f"trainer.{account}.{version}.{expires}.{signature}", now=1000) is None
    assert read_token(SECRET, f"{role}.43.{version}.{expires}.{signature}", now=1000) is None
    assert read_token(SECRET, f"{role}.{account}.{version}.99999999.{signature}", now=1000) is None
    # an old session version cannot be turned into the current one
    assert read_token(SECRET, f"{role}.{account}.4.{expires}.{signature}", now=1000) is None
    for junk in ("", None, "a.b.c", "x" * 500, "learner.1.2.3.4", "learner.1.2.3.4.5"):
        assert read_token(SECRET, junk) is None
