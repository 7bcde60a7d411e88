"""The printed report of bench/page_weight.py: per-phase tables and HTTP header checks.

Not run by itself. ``print_table`` / ``print_requests`` print what a ``cdp_meter.Meter``
recorded; ``gzip_comparison`` re-fetches the cold first load's files with urllib, with
and without gzip; ``audio_cache_check`` checks the Cache-Control of a narration file
(200 and 206). KB = 1024 bytes.
"""

from __future__ import annotations

import urllib.request
from pathlib import Path

from cdp_meter import Phase, short

IMMUTABLE = "public, max-age=31536000, immutable"


def kb(n: float) -> str:
    return f"{n / 1024:,.1f}"


def print_table(title: str, phases: list[Phase]) -> None:
    print(f"\n{title}")
    head = (f"{'phase':<26}{'HTTP KB':>9}{'req net':>8}{'cached':>7}{'WS in KB':>10}{'≈wire':>8}{'frames':>7}"
            f"{'WS out KB':>10}{'time s':>7}")
    print(head)
    print("-" * len(head))
    for ph in phases:
        print(f"{ph.name:<26}{kb(ph.http_bytes):>9}{len(ph.net_requests):>8}{len(ph.cached_requests):>7}"
              f"{kb(ph.ws_in):>10}{kb(ph.ws_in_est):>8}{ph.ws_in_frames:>7}{kb(ph.ws_out):>10}{ph.seconds:>7.1f}")
    four = [ph for ph in phases if ph.name[:3] in ("(a)", "(b)", "(c)", "(d)")]
    total = lambda attr: sum(getattr(ph, attr) for ph in phases)  # noqa: E731
    print("-" * len(head))
    print(f"{'(a)-(d) only':<26}{kb(sum(p.http_bytes for p in four)):>9}"
          f"{sum(len(p.net_requests) for p in four):>8}{sum(len(p.cached_requests) for p in four):>7}"
          f"{kb(sum(p.ws_in for p in four)):>10}{kb(sum(p.ws_in_est for p in four)):>8}"
          f"{sum(p.ws_in_frames for p in four):>7}"
          f"{kb(sum(p.ws_out for p in four)):>10}")
    print(f"{'all rows':<26}{kb(total('http_bytes')):>9}{sum(len(p.net_requests) for p in phases):>8}"
          f"{sum(len(p.cached_requests) for p in phases):>7}{kb(total('ws_in')):>10}{kb(total('ws_in_est')):>8}"
          f"{total('ws_in_frames'):>7}"
          f"{kb(total('ws_out')):>10}")
    for ph in phases:
        by_type: dict[str, list[int]] = {}
        for r in ph.requests:
            slot = by_type.setdefault(r.rtype, [0, 0, 0])
            slot[0] += r.wire_bytes
            slot[1 if not r.cached else 2] += 1
        parts = [f"{t} {kb(v[0])} KB ({v[1]} net" + (f", {v[2]} cached)" if v[2] else ")")
                 for t, v in sorted(by_type.items(), key=lambda kv: -kv[1][0])]
        line = "; ".join(parts) or "no HTTP requests"
        print(f"  {ph.name}: {line}")
        if ph.note:
            print(f"      note: {ph.note}")


def print_requests(phases: list[Phase]) -> None:
    for ph in phases:
        print(f"\n  {ph.name}")
        for r in ph.requests:
            flag = "cache" if r.cached else (r.failed or str(r.status))
            enc = r.headers.get("content-encoding", "")
            print(f"    {kb(r.wire_bytes):>8} KB  {flag:>8}  {r.rtype:<10} {enc:<5} {short(r.url)}")


def fetch_len(url: str, accept_encoding: str, extra: dict | None = None) -> tuple[int, str, dict]:
    req = urllib.request.Request(url, headers={"Accept-Encoding": accept_encoding, **(extra or {})})
    with urllib.request.urlopen(req, timeout=15) as resp:
        body = resp.read()
        headers = {k.lower(): v for k, v in resp.headers.items()}
        return len(body), resp.headers.get("Content-Encoding", "") or "", headers


def gzip_comparison(base: str, cold_a: Phase) -> None:
    print("\nFirst load (cold phase (a)) with and without gzip — bodies re-fetched with urllib")
    seen, groups = set(), {}
    for r in cold_a.requests:
        if not r.url.startswith(base) or r.cached or r.url in seen or r.rtype in ("Media", "WebSocket"):
            continue
        seen.add(r.url)
        raw, _, _ = fetch_len(r.url, "identity")
        packed, enc, headers = fetch_len(r.url, "gzip")
        g = groups.setdefault(r.rtype, {"n": 0, "raw": 0, "gz": 0, "gzipped": 0, "cc": set()})
        g["n"] += 1
        g["raw"] += raw
        g["gz"] += packed
        g["gzipped"] += enc == "gzip"
        g["cc"].add(headers.get("cache-control", "-"))
    head = f"{'type':<12}{'files':>6}{'identity KB':>13}{'gzip KB':>10}{'saved':>7}{'gzipped':>9}  cache-control"
    print(head)
    print("-" * len(head))
    tot = {"n": 0, "raw": 0, "gz": 0, "gzipped": 0}
    for t, g in sorted(groups.items(), key=lambda kv: -kv[1]["raw"]):
        saved = 1 - g["gz"] / g["raw"] if g["raw"] else 0
        print(f"{t:<12}{g['n']:>6}{kb(g['raw']):>13}{kb(g['gz']):>10}{saved:>7.0%}{g['gzipped']:>9}  "
              f"{' | '.join(sorted(g['cc']))}")
        for k in tot:
            tot[k] += g[k]
    saved = 1 - tot["gz"] / tot["raw"] if tot["raw"] else 0
    print("-" * len(head))
    print(f"{'total':<12}{tot['n']:>6}{kb(tot['raw']):>13}{kb(tot['gz']):>10}{saved:>7.0%}{tot['gzipped']:>9}")
    print(f"(browser measured {kb(cold_a.http_bytes)} KB on the wire for phase (a), headers included)")


def audio_cache_check(base: str, root: Path, phases: list[Phase]) -> None:
    print("\nAudio caching")
    urls = [r.url for ph in phases for r in ph.requests if "/app/static/audio/" in r.url]
    if not urls:
        files = sorted((root / "static" / "audio").glob("*.mp3")) or sorted((root / "static" / "audio").glob("*"))
        urls = [f"{base}/app/static/audio/{files[0].name}"] if files else []
    if not urls:
        print("  no audio file found under static/audio/")
        return
    url = urls[0]
    size, _, h200 = fetch_len(url, "identity")
    _, _, h206 = fetch_len(url, "identity", {"Range": "bytes=0-1023"})
    for label, h in (("200 full", h200), ("206 range", h206)):
        cc = h.get("cache-control", "(none)")
        verdict = "OK" if cc == IMMUTABLE else f"expected {IMMUTABLE!r}"
        print(f"  {short(url)} {label}: Cache-Control: {cc}  -> {verdict}")
    print(f"  file size {kb(size)} KB, content-type {h200.get('content-type')}, "
          f"content-encoding {h200.get('content-encoding', '(none)')}")
    media = [(ph.name, r) for ph in phases for r in ph.requests if r.rtype == "Media" or "/app/static/audio/" in r.url]
    for name, r in media:
        how = "from cache" if r.cached else f"{r.status}{' ' + r.failed if r.failed else ''} {kb(r.wire_bytes)} KB"
        rng = r.headers.get("content-range", "")
        print(f"    {name:<26} {short(r.url)}: {how}{'  ' + rng if rng else ''}")
