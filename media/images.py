"""Pictures for lessons, published under content-addressed names so phones cache them.

Authors keep drawings in lessons/content/images/; at start-up each file is copied to
static/images/<hash>.svg (only when missing), and pages refer to that URL.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def publish_images(content_root: Path, static_dir: Path, url_prefix: str) -> dict[str, str]:
    """Copy every SVG under content_root/images to static_dir.

    Returns {path as lessons cite it ("images/<module>/<name>.svg"): URL}.
    """
    urls: dict[str, str] = {}
    images_root = content_root / "images"
    if not images_root.is_dir():
        return urls
    static_dir.mkdir(parents=True, exist_ok=True)
    for source in sorted(images_root.rglob("*.svg")):
        data = source.read_bytes()
        name = hashlib.sha256(data).hexdigest()[:24] + ".svg"
        target = static_dir / name
        if not target.exists():
            handle, tmp_name = tempfile.mkstemp(dir=static_dir, prefix=".part-", suffix=".tmp")
            with os.fdopen(handle, "wb") as tmp:
                tmp.write(data)
            os.chmod(tmp_name, 0o644)
            os.replace(tmp_name, target)
        urls[source.relative_to(content_root).as_posix()] = f"{url_prefix.rstrip('/')}/{name}"
    return urls
