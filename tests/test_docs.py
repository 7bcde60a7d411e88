"""The docs tell the truth about the code: their commands run, every setting is
documented, and every link leads to a file in this repository.

Docs are README.md and docs/*.md. A command is documented as
``python3 dev.py manage <command>`` (Windows ``py dev.py manage <command>``); the test
runs ``manage.py <command> --help`` with this interpreter (the venv's, under
``python3 dev.py test``), which is what ``dev.py manage`` does after setting up .venv.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from settings import PROJECT_ROOT, Settings

DOCS = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]
DEVELOPER_GUIDE = PROJECT_ROOT / "docs" / "developer-guide.md"

# `python3 dev.py manage backup`, `py dev.py manage add-trainer …`, `dev.py manage --help`,
# and the venv's own form `.venv/bin/python manage.py backup` / `.venv\Scripts\python manage.py …`
MANAGE_VIA_DEV = re.compile(r"dev\.py\s+manage(?:\s+(--help|[a-z][a-z0-9-]*))?")
MANAGE_VIA_VENV = re.compile(
    r"\.venv[/\\](?:bin|Scripts)[/\\]python(?:\.exe)?\s+manage\.py"
    r"(?:\s+(--help|[a-z][a-z0-9-]*))?"
)
# a bare interpreter in front of manage.py fails outside .venv (No module named 'argon2')
BARE_MANAGE = re.compile(r"(?<![\w/\\.-])(?:python3?|py)(?:\.exe)?\s+manage\.py")
INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$", re.MULTILINE)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def documented_commands(text: str) -> set[str]:
    """Every manage.py command a doc tells someone to run ("--help" for the bare list)."""
    found: set[str] = set()
    for pattern in (MANAGE_VIA_DEV, MANAGE_VIA_VENV):
        for match in pattern.finditer(text):
            found.add(match.group(1) or "--help")
    return found


def bare_manage_calls(text: str) -> list[str]:
    return [match.group(0) for match in BARE_MANAGE.finditer(text)]


def relative_links(text: str) -> list[str]:
    links = INLINE_LINK.findall(text) + REFERENCE_LINK.findall(text)
    return [link for link in links if not re.match(r"^[a-z][a-z0-9+.-]*:", link) and not link.startswith("#")]


def broken_links(doc: Path, text: str) -> list[str]:
    """Relative links that do not lead to an existing file or folder inside the repository."""
    broken = []
    for link in relative_links(text):
        target = (doc.parent / link.split("#", 1)[0]).resolve()
        if not target.is_relative_to(PROJECT_ROOT) or not target.exists():
            broken.append(link)
    return broken


def setting_names(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Dotted names of every leaf setting, e.g. ``quiz.pass_mark_percent``."""
    names = []
    for name, field in model.model_fields.items():
        kind = field.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            names += setting_names(kind, f"{prefix}{name}.")
        else:
            names.append(prefix + name)
    return names


def manage_commands() -> set[str]:
    """The subcommands manage.py offers, read from its own --help."""
    result = subprocess.run([sys.executable, "manage.py", "--help"], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    choices = re.search(r"\{([a-z0-9,-]+)\}", result.stdout)
    assert choices, result.stdout
    return set(choices.group(1).split(","))


ALL_DOCUMENTED = sorted(set().union(*(documented_commands(_text(doc)) for doc in DOCS)))


def test_the_docs_exist():
    names = {doc.relative_to(PROJECT_ROOT).as_posix() for doc in DOCS}
    assert {"README.md", "docs/huong-dan-tap-huan-vien.md", "docs/authoring.md", "docs/facts.md",
            "docs/developer-guide.md"} <= names


@pytest.mark.parametrize("command", ALL_DOCUMENTED)
def test_documented_manage_command_runs(command):
    argv = [command] if command == "--help" else [command, "--help"]
    result = subprocess.run([sys.executable, "manage.py", *argv], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"`manage.py {' '.join(argv)}` failed:\n{result.stderr}"


def test_every_manage_command_is_documented_via_dev_py():
    documented = set()
    for doc in DOCS:
        documented |= {match.group(1) for match in MANAGE_VIA_DEV.finditer(_text(doc)) if match.group(1)}
    missing = manage_commands() - documented
    assert not missing, f"not documented as `python3 dev.py manage <command>`: {sorted(missing)}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_no_doc_runs_manage_py_with_a_bare_python(doc):
    assert not bare_manage_calls(_text(doc)), (
        f"{doc.name}: use `python3 dev.py manage …` (it sets up .venv first), not {bare_manage_calls(_text(doc))}"
    )


def test_every_setting_is_in_the_developer_guide():
    guide = _text(DEVELOPER_GUIDE)
    missing = [name for name in setting_names(Settings) if f"`{name}`" not in guide]
    assert not missing, f"settings missing from docs/developer-guide.md: {missing}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_relative_links_lead_to_files_in_the_repository(doc):
    text = _text(doc)
    assert "../shared" not in text, f"{doc.name} sends readers outside the repository (../shared)"
    assert not broken_links(doc, text), f"{doc.name}: broken links {broken_links(doc, text)}"


# The checks above must be able to fail: they are tried on text that breaks each rule.

def test_security_md_is_linked_from_the_readme_and_the_developer_guide_and_its_links_work():
    security = PROJECT_ROOT / "SECURITY.md"
    text = _text(security)
    for heading in ("hotspot", "district server", "What is protected", "Reporting a problem"):
        assert heading in text, f"SECURITY.md says nothing about {heading!r}"
    assert not broken_links(security, text)
    assert "SECURITY.md" in relative_links(_text(PROJECT_ROOT / "README.md"))
    assert "../SECURITY.md" in relative_links(_text(DEVELOPER_GUIDE))


def test_the_checks_catch_what_they_are_for(tmp_path):
    assert documented_commands("run `python3 dev.py manage backup` or `py dev.py manage restore FILE`") == {
        "backup", "restore"}
    assert documented_commands(r"`.venv\Scripts\python manage.py migrate`, `python3 dev.py manage …`") == {
        "migrate", "--help"}
    assert bare_manage_calls("then `python manage.py backup`, `python3 manage.py migrate`, `py manage.py x`") == [
        "python manage.py", "python3 manage.py", "py manage.py"]
    assert not bare_manage_calls("`.venv/bin/python manage.py backup` or `.venv\\Scripts\\python manage.py backup`")
    doc = PROJECT_ROOT / "docs" / "example.md"
    assert broken_links(doc, "[ok](authoring.md) [web](https://example.org) [here](#top)") == []
    assert broken_links(doc, "[gone](no-such-file.md) [out](../../shared/CONTENT_FACTS.md)") == [
        "no-such-file.md", "../../shared/CONTENT_FACTS.md"]
    assert "quiz.pass_mark_percent" in setting_names(Settings)
    assert "narration.max_upload_mb" in setting_names(Settings)
