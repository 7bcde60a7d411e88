"""A request's signature covers its method, path, query and body: change any and it no
longer matches; another key never matches."""

from progress.sync.request_signing import SIGNATURE_HEADER, SITE_HEADER, signature_matches, signed_headers

KEY = b"k" * 32


def test_a_signed_request_matches_and_any_change_does_not():
    headers = signed_headers("site", KEY, "PUT", "/sync/upload/x", "offset=0", b"chunk")
    sig = headers[SIGNATURE_HEADER]
    assert headers[SITE_HEADER] == "site"
    assert signature_matches(KEY, "put", "/sync/upload/x", "offset=0", b"chunk", sig)
    for changed in [("GET", "/sync/upload/x", "offset=0", b"chunk"), ("PUT", "/sync/upload/y", "offset=0", b"chunk"),
                    ("PUT", "/sync/upload/x", "offset=5", b"chunk"), ("PUT", "/sync/upload/x", "offset=0", b"chunK")]:
        assert not signature_matches(KEY, *changed, sig)
    assert not signature_matches(b"o" * 32, "PUT", "/sync/upload/x", "offset=0", b"chunk", sig)
    assert not signature_matches(KEY, "PUT", "/sync/upload/x", "offset=0", b"chunk", None)
