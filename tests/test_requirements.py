"""requirements.txt installs on every machine a trainer might use."""

import pytest
from packaging.requirements import Requirement

from settings import PROJECT_ROOT


def requirement(name: str) -> Requirement:
    lines = (PROJECT_ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return next(Requirement(line) for line in lines if line.startswith(name))


@pytest.mark.parametrize(("platform", "machine", "wanted"), [
    ("win32", "AMD64", True), ("win32", "ARM64", True), ("darwin", "arm64", True), ("linux", "x86_64", True),
    # espeakng-loader has no wheel (and no source) for these: pip would fail the whole install
    ("linux", "aarch64", False), ("darwin", "x86_64", False), ("win32", "x86", False),
])
def test_the_espeak_library_is_only_asked_for_where_a_wheel_exists(platform, machine, wanted):
    marker = requirement("espeakng-loader").marker
    assert marker is not None and marker.evaluate({"sys_platform": platform, "platform_machine": machine}) is wanted
