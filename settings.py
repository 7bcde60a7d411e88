"""Deployment settings: the schema of config.yaml.

Every field has a default and a description. Environment variables override the
file: ``BDHVS_<SECTION>__<KEY>`` (for example ``BDHVS_DATABASE__URL``). A wrong value
stops start-up with a message that names the key and what was expected.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import secrets
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict
from pydantic_settings import SettingsError as UnreadableSource

PROJECT_ROOT = Path(__file__).resolve().parent
DEFAULT_CONFIG_PATH = PROJECT_ROOT / "config.yaml"
ENV_PREFIX = "BDHVS_"


class SettingsError(Exception):
    """config.yaml or an environment override holds a value we cannot use."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DatabaseSettings(_Section):
    url: str = Field(
        "sqlite:///data/hoc-vu-so.db",
        description="SQLAlchemy URL. Relative SQLite paths are resolved against the project folder.",
    )
    sqlite_busy_timeout_ms: int = Field(
        5000, ge=0, description="How long SQLite waits for a lock before failing (ms)."
    )
    sqlite_write_queue: bool = Field(
        True,
        description="SQLite on Linux/macOS: write transactions of every app process queue for a lock file "
        "beside the database and start the moment the previous one ends, instead of polling SQLite's "
        "lock in growing sleeps (progress/sqlite_write_queue.py). Windows always polls.",
    )
    pool_size: int = Field(
        5, ge=1, le=200,
        description="PostgreSQL: connections each app process keeps open. The server must allow "
        "processes x (pool_size + max_overflow) connections.",
    )
    max_overflow: int = Field(
        10, ge=0, le=200,
        description="PostgreSQL: extra connections a process may open for a burst, closed again after it.",
    )
    prepare_threshold: Annotated[int, Field(ge=0)] | None = Field(
        5,
        description="PostgreSQL (psycopg): a statement run this many times on a connection becomes a "
        "prepared statement (0 = at once). none = never: needed behind pgbouncer in transaction mode "
        "older than 1.21 or without max_prepared_statements.",
    )

    @field_validator("prepare_threshold", mode="before")
    @classmethod
    def _none_words(cls, value: object) -> object:
        if isinstance(value, str) and value.strip().lower() in {"none", "null", "off", "never", ""}:
            return None
        return value


class QuizSettings(_Section):
    pass_mark_percent: int = Field(
        80, ge=1, le=100, description="Share of correct answers (percent) needed to pass a quiz."
    )
    review_after_days: tuple[int, ...] = Field(
        (1, 3, 7),
        min_length=1,
        max_length=6,
        description="Days after which a question answered wrongly comes back, one per right review "
        "(rising, each 1-365); after a right answer at the last one it is learnt.",
    )
    support_after_failed_attempts: int = Field(
        3, ge=1, le=20,
        description="Failed tries of one quiz, without a pass, after which the trainer sees \"Cần hỗ trợ\".",
    )

    @field_validator("review_after_days")
    @classmethod
    def _rising_days(cls, days: tuple[int, ...]) -> tuple[int, ...]:
        if any(not 1 <= day <= 365 for day in days) or list(days) != sorted(set(days)):
            raise ValueError("must be rising whole days between 1 and 365, e.g. [1, 3, 7]")
        return days


class SupportSettings(_Section):
    stuck_lesson_days: int = Field(
        7, ge=1, le=90,
        description="Days a lesson may stay opened and unfinished before the trainer sees \"Cần hỗ trợ\".",
    )
    inactive_days: int = Field(
        14, ge=1, le=365,
        description="Days without any learning (or since being added, for a learner who never started) "
        "before the trainer sees \"Cần hỗ trợ\".",
    )


class BackupSettings(_Section):
    keep_days: int = Field(
        30, ge=0, le=3650,
        description="Backups in data/backups older than this many days are deleted after each new backup "
        "(0 = keep them all).",
    )


class ServerSettings(_Section):
    host: str = Field("0.0.0.0", description="Address the web server listens on (0.0.0.0 = every network).")
    port: int = Field(8501, ge=1, le=65535, description="Port the web server listens on.")
    gzip_min_bytes: int = Field(
        1000, ge=0, description="Responses larger than this are gzip-compressed."
    )
    processes: int | Literal["auto"] = Field(
        "auto",
        description="App processes `dev.py run` starts. auto: one per core behind nginx when nginx is installed "
        "(Debian/Ubuntu), else one. A number above 1 needs nginx; 1 never uses it.",
    )
    log_requests: bool = Field(
        False,
        description="Print a line per request and per websocket session, with the process id "
        "(which process served whom behind nginx). `manage.py serve --log-requests` turns it on.",
    )
    trusted_proxies: tuple[str, ...] = Field(
        (),
        description="Addresses or networks (e.g. 127.0.0.1, 10.0.0.0/8) of reverse proxies whose "
        "X-Forwarded-Proto and X-Forwarded-Host are believed; from anyone else they are ignored.",
    )

    @field_validator("processes")
    @classmethod
    def _at_least_one(cls, processes: int | str) -> int | str:
        if isinstance(processes, int) and not 1 <= processes <= 64:
            raise ValueError("a number of processes from 1 to 64, or auto")
        return processes

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, proxies: tuple[str, ...]) -> tuple[str, ...]:
        for proxy in proxies:
            try:
                ipaddress.ip_network(proxy, strict=False)
            except ValueError:
                raise ValueError(f"{proxy!r} is not an address or network, e.g. 127.0.0.1 or 10.0.0.0/8") from None
        return proxies


class AuthSettings(_Section):
    secret_key: str = Field(
        "",
        description="Key that signs sign-in cookies. Empty: generated once and kept in data/secret.key.",
    )
    learner_session_days: int = Field(30, ge=1, le=365, description="How long a learner stays signed in (days).")
    trainer_session_hours: int = Field(12, ge=1, le=720, description="How long a trainer stays signed in (hours).")
    demo_must_change_password: bool = Field(
        True,
        description="A demo account (tapsu, quantri) still on its published password sees only a form to set a "
        "new one. Turned off only by automated tests, which sign in with the demo password.",
    )
    trainer_max_failures: int = Field(
        5, ge=1, le=100, description="Wrong passwords in a row before a staff account is locked.")
    trainer_lock_minutes: int = Field(
        15, ge=1, le=1440,
        description="How long a staff account stays locked after too many wrong passwords (minutes).",
    )
    address_max_failures: int = Field(
        20, ge=1, le=1000,
        description="Staff password tries checked from one client address, across every username, in one "
        "window; then that address waits until the window ends.",
    )
    address_window_minutes: int = Field(
        15, ge=1, le=1440,
        description="How long the window lasts in which address_max_failures tries are counted (minutes); "
        "it begins with the address's first counted try.",
    )


class ContentSettings(_Section):
    lessons_dir: str = Field("lessons/content", description="Folder with lesson YAML files.")
    quizzes_dir: str = Field("quizzes/content", description="Folder with quiz YAML files.")


class NarrationSettings(_Section):
    espeak_voice: str = Field("vi", description="espeak-ng voice for the offline fallback voice.")
    gtts_tld: str = Field("com", description="Google host used by gTTS pre-rendering (translate.google.<tld>).")
    gtts_deadline_seconds: float = Field(
        20, gt=0, le=600, description="Hard deadline for one gTTS pre-render call; the worker is killed after it."
    )
    gtts_workers: int = Field(3, ge=1, le=16, description="How many gTTS pre-render calls run at once.")
    gtts_retries: int = Field(3, ge=0, le=10, description="Retries (with backoff) after a 429 or 5xx answer.")
    max_recording_seconds: int = Field(90, ge=5, le=600, description="Longest volunteer recording accepted (seconds).")
    max_upload_mb: float = Field(5, gt=0, le=100, description="Largest recording file accepted (MB).")


class ClassModeSettings(_Section):
    follow_seconds: float = Field(
        1.5, ge=0.5, le=10, description="How often each phone in a class checks for the trainer's next step (seconds)."
    )
    present_seconds: int = Field(
        30, ge=5, le=600, description="A phone seen within this many seconds counts as with the class."
    )
    idle_end_minutes: int = Field(
        120, ge=5, le=1440, description="A class nobody moves for this long ends itself (minutes)."
    )


class SyncSettings(_Section):
    max_bundle_mb: float = Field(
        200, gt=0, le=10000,
        description="Largest sync bundle (.bdhvs) this installation accepts, by file or over the network (MB).",
    )
    ca_file: str = Field(
        "",
        description="A laptop pushing to a commune server with a self-signed HTTPS certificate: the path of that "
        "certificate (PEM) to trust. Empty: the system's trusted certificates.",
    )

    @property
    def max_bundle_bytes(self) -> int:
        return int(self.max_bundle_mb * 1_000_000)


class Settings(BaseSettings):
    """All settings. Sections mirror config.yaml."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_nested_delimiter="__", extra="forbid", frozen=True
    )

    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    backup: BackupSettings = Field(default_factory=BackupSettings)
    quiz: QuizSettings = Field(default_factory=QuizSettings)
    support: SupportSettings = Field(default_factory=SupportSettings)
    server: ServerSettings = Field(default_factory=ServerSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    content: ContentSettings = Field(default_factory=ContentSettings)
    narration: NarrationSettings = Field(default_factory=NarrationSettings)
    class_mode: ClassModeSettings = Field(default_factory=ClassModeSettings)
    sync: SyncSettings = Field(default_factory=SyncSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Environment first (wins), then the values read from config.yaml.
        return (env_settings, init_settings)

    def project_path(self, relative: str) -> Path:
        """Resolve a folder setting against the project folder."""
        path = Path(relative)
        return path if path.is_absolute() else PROJECT_ROOT / path

    @property
    def database_url(self) -> str:
        """The database URL with a relative SQLite path made absolute."""
        url = self.database.url
        prefix = "sqlite:///"
        if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
            return prefix + str(PROJECT_ROOT / url[len(prefix):])
        return url


def _env_variable(loc: tuple[Any, ...]) -> str | None:
    """The environment variable that gave the value at ``loc`` (its own, or its whole
    section's as JSON), if one did. Names are matched without regard to case, as read."""
    present = {name.upper(): name for name in os.environ}
    for depth in range(len(loc), 0, -1):
        name = ENV_PREFIX + "__".join(str(part) for part in loc[:depth]).upper()
        if name in present:
            return present[name]
    return None


def _describe_error(error: ErrorDetails) -> tuple[str, bool]:
    """One line naming the key, where the value came from and what was expected; and
    whether it came from an environment variable."""
    key = ".".join(str(part) for part in error["loc"])
    variable = _env_variable(error["loc"])
    where = f"environment variable {variable} ({key})" if variable else key
    if error["type"] == "extra_forbidden":
        return (f"{where}: unknown setting (check the spelling; "
                "see the configuration table in docs/developer-guide.md)", bool(variable))
    return f"{where}: {error['msg']}, got {error.get('input')!r}", bool(variable)


def _unreadable_variables(exc: UnreadableSource) -> SettingsError:
    """pydantic-settings could not decode a section's variables: a list or a whole
    section is JSON there, and ``1,3,7`` is not."""
    found = re.search(r'field "(\w+)"', str(exc))
    prefix = ENV_PREFIX + (found.group(1).upper() if found else "")
    section = sorted(name for name in os.environ if name.upper().startswith(prefix))

    def is_json(value: str) -> bool:
        try:
            json.loads(value)
        except ValueError:
            return False
        return True

    names = [name for name in section if not is_json(os.environ[name])] or section
    return SettingsError(
        f"environment variable {', '.join(names) or prefix + '…'} could not be read: a list is written as "
        f"JSON, e.g. BDHVS_QUIZ__REVIEW_AFTER_DAYS='[1, 3, 7]' ({exc})"
    )


def load_settings(config_path: Path | None = None) -> Settings:
    """Read config.yaml (or ``BDHVS_CONFIG``), apply env overrides and validate."""
    path = Path(config_path or os.environ.get("BDHVS_CONFIG") or DEFAULT_CONFIG_PATH)
    data: dict[str, Any] = {}
    if path.exists():
        try:
            loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        except yaml.YAMLError as exc:
            raise SettingsError(f"{path.name}: not valid YAML: {exc}") from exc
        if loaded is not None and not isinstance(loaded, dict):
            raise SettingsError(f"{path.name}: expected sections such as 'database:' at the top level")
        data = loaded or {}
    try:
        return Settings(**data)
    except UnreadableSource as exc:
        raise _unreadable_variables(exc) from exc
    except ValidationError as exc:
        described = [_describe_error(err) for err in exc.errors()]
        lines = [line for line, _ in described]
        from_env = {from_variable for _, from_variable in described}
        header = {
            frozenset({False}): f"{path.name} has invalid settings",
            frozenset({True}): f"invalid settings in the environment ({ENV_PREFIX}… variables override {path.name})",
        }.get(frozenset(from_env), f"{path.name} and the environment have invalid settings")
        raise SettingsError(f"{header}:\n  " + "\n  ".join(lines)) from exc


SECRET_KEY_FILE = PROJECT_ROOT / "data" / "secret.key"


def ensure_secret_key(settings: Settings, key_file: Path = SECRET_KEY_FILE) -> str:
    """The configured signing key, or one generated once and kept in ``key_file``.

    Several processes may start together on a fresh install: the key is written whole to
    a temporary file and then hard-linked to its name, which fails if the name exists, so
    exactly one process creates it and every other one reads the winner's complete key
    (never an empty or half-written file). Several *servers* do not share this file:
    they must all be given the same ``auth.secret_key`` (see ``secret_key_warning``)."""
    if settings.auth.secret_key:
        return settings.auth.secret_key
    existing = _read_key(key_file)
    if existing:
        return existing
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    handle, tmp_name = tempfile.mkstemp(dir=key_file.parent, prefix=".secret-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as tmp:
            tmp.write(key)
            tmp.flush()
            os.fsync(tmp.fileno())
        try:
            os.link(tmp_name, key_file)  # exclusive: fails when another process got there first
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links: exclusive create, then write
            _create_exclusively(key_file, key)
    finally:
        Path(tmp_name).unlink(missing_ok=True)
    kept = _read_key(key_file)
    if not kept:
        raise SettingsError(f"{key_file} is empty; delete it and start again, or set auth.secret_key")
    return kept


def _read_key(key_file: Path) -> str:
    try:
        return key_file.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return ""


def _create_exclusively(key_file: Path, key: str) -> None:
    """O_EXCL create for file systems without hard links; a loser waits briefly for the
    winner's key to be written (it is a few dozen bytes)."""
    try:
        handle = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):
            if _read_key(key_file):
                return
            time.sleep(0.02)
        return
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(key)


def secret_key_warning(settings: Settings) -> str | None:
    """A warning for the start-up log when this server keeps its own key file although
    the database could be shared by several servers: each server would sign sign-ins
    with a different key and refuse the others'. A laptop's SQLite file is never shared."""
    if settings.auth.secret_key or settings.database_url.startswith("sqlite"):
        return None
    return ("auth.secret_key is empty, so this server signs sign-ins with its own data/secret.key. "
            "If several servers share this database, give every one of them the same "
            "auth.secret_key (BDHVS_AUTH__SECRET_KEY), or learners are signed out when they move "
            "from one server to another.")
