"""How ``dev.py run`` serves the app: one process, or one per core behind nginx.

``manage.py serve-plan`` decides (``--processes`` / ``server.processes``: auto or N, and
whether nginx is installed), writes nginx's configuration when it is used, and prints
the plan as JSON: the lines to show the trainer and the commands to start. ``dev.py``
(standard library only) starts them and stops them all together. The database is
migrated before, once, by ``dev.py`` itself: never N migrations racing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from commands.nginx_config import listen_address, nginx_site, standalone_config
from commands.serve import demo_password_warning, where_to_open
from settings import PROJECT_ROOT, load_settings

NGINX_PLACES = ("/usr/sbin/nginx", "/usr/local/sbin/nginx")  # Debian puts it outside a user's PATH


@dataclass(frozen=True)
class Child:
    """One process to start: its command line and the variables it gets on top of ours."""

    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    after_ports: list[int] = field(default_factory=list)  # start it once these answer on 127.0.0.1
    restart: bool = False  # started again if it dies after it has run a while (dev.py)


@dataclass(frozen=True)
class ServePlan:
    mode: str  # "single" or "nginx"
    say: list[str]
    children: list[Child]


def find_nginx() -> str | None:
    """nginx's path on Linux and macOS. Never on Windows: nginx for Windows is not what was
    tested (one process stays the default there)."""
    if os.name == "nt":
        return None
    found = shutil.which("nginx")
    if found:
        return found
    return next((place for place in NGINX_PLACES if os.access(place, os.X_OK)), None)


def core_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Windows, macOS
        return os.cpu_count() or 1


def choose_processes(requested: int | str, nginx: str | None, cores: int) -> tuple[int, str]:
    """How many app processes, and why, in a sentence for the terminal."""
    if requested == "auto":
        if nginx is None:
            return 1, "One app process (nginx is not installed; with nginx, one process per core would run)."
        if cores < 2:
            return 1, "One app process (this computer has one core)."
        return cores, f"{cores} app processes, one per core, behind nginx ({nginx})."
    wanted = int(requested)
    if wanted == 1:
        return 1, "One app process (as asked)."
    if nginx is None:
        return 1, (f"One app process: {wanted} were asked for, but they need nginx, which is not installed "
                   "(Debian/Ubuntu: sudo apt-get install nginx-light).")
    return wanted, f"{wanted} app processes behind nginx ({nginx}), as asked."


def free_local_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_plan(host: str, port: int, requested: int | str, nginx: str | None, cores: int,
               trusted_proxies: tuple[str, ...], run_dir: Path) -> ServePlan:
    manage = [sys.executable, str(PROJECT_ROOT / "manage.py"), "serve"]
    count, why = choose_processes(requested, nginx, cores)
    say = [why, *where_to_open(host, port)]
    if count == 1 or nginx is None:
        return ServePlan("single", say, [Child("app", [*manage, "--host", host, "--port", str(port)])])
    backend_ports = [free_local_port() for _ in range(count)]
    # the processes believe X-Forwarded-* from nginx on this computer (and the configured proxies)
    proxies = json.dumps(sorted({*trusted_proxies, "127.0.0.1"}))
    children = [
        Child(f"app {index + 1} (port {backend})",
              [*manage, "--host", "127.0.0.1", "--port", str(backend), "--public-host", host],
              {"BDHVS_SERVER__TRUSTED_PROXIES": proxies}, restart=True)
        for index, backend in enumerate(backend_ports)
    ]
    conf = write_standalone_config(run_dir, listen_address(host, port), backend_ports)
    children.append(Child("nginx", [nginx, "-p", str(run_dir), "-c", str(conf), "-e", "stderr",
                                    "-g", "daemon off;"], after_ports=backend_ports))
    return ServePlan("nginx", say, children)


def _root_name() -> str | None:
    """The user nginx's workers must stay when this is run as root (else None: an nginx
    started by an ordinary user runs as that user anyway)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    import pwd  # POSIX only

    return pwd.getpwuid(0).pw_name


def write_standalone_config(run_dir: Path, listen: str, backend_ports: list[int]) -> Path:
    run_dir.mkdir(parents=True, exist_ok=True)
    site = nginx_site(listen, backend_ports, PROJECT_ROOT / "static")
    conf = run_dir / "nginx.conf"
    conf.write_text(standalone_config(site, run_dir, run_as=_root_name()), encoding="utf-8")
    return conf


def cmd_serve_plan(args: argparse.Namespace) -> int:
    settings = load_settings()
    host = args.host or settings.server.host
    port = args.port or settings.server.port
    requested = args.processes or settings.server.processes
    run_dir = PROJECT_ROOT / "data" / f"nginx-{port}"
    plan = serve_plan(host, port, requested, find_nginx(), core_count(), settings.server.trusted_proxies, run_dir)
    plan.say.extend(demo_password_warning(host))
    print(json.dumps(asdict(plan), ensure_ascii=False))
    return 0


def cmd_nginx_site(args: argparse.Namespace) -> int:
    """Print the nginx site for a district server (deploy/): app processes on ``--ports``."""
    static_root = Path(args.static_root) if args.static_root else PROJECT_ROOT / "static"
    scheme = "https" if args.https_in_front else "$scheme"
    streamlit_static = Path(args.streamlit_static) if args.streamlit_static else None
    print(nginx_site(str(args.listen), args.ports, static_root, scheme=scheme, balancers=tuple(args.balancer),
                     streamlit_static=streamlit_static), end="")
    return 0
