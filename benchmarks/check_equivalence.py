"""Do the service and the FastAPI peer answer the same? Fetch from both, compare the JSON.

    .venv/bin/python benchmarks/check_equivalence.py --size 1k
    .venv/bin/python benchmarks/check_equivalence.py --size 1m --peer-eager

Compares status, and the parsed JSON bodies, except the format of `next_cursor` tokens: only
whether each is null must agree, and the second page, fetched with each server's own cursor,
must agree too. Prints every mismatch with its JSON path; exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import free_port, http_get, install_bounds, our_server, peer_server, run_main
from dataset import BACKENDS, SIZES, Size, ensure, load_endpoints, peer_url, sized, targets, url


def paths_to_check(size: Size) -> list[str]:
    found = targets(size)
    paths = [endpoint.path for endpoint in load_endpoints(found)]
    paths += [
        # Seeded regions carry citations (the synthetic ones have none).
        "/v1/regions/hunan",
        "/v1/regions/xiangjiang-new-area",
        "/v1/regions/china",
        f"/v1/regions/{found.country}",
        "/v1/observations?region=hunan&include_subregions=true&limit=100",
        "/v1/observations?region=changsha&limit=10",
        f"/v1/observations?region={found.province}&include_subregions=true&limit=100",
        "/v1/organizations?q=basf&limit=100",
        "/v1/organizations?q=zoom&limit=100",
        "/v1/organizations?q=shan&limit=100",
        "/v1/organizations?q=group&limit=7",
    ]
    return paths


# Fields the API gained after the peer was written (an observation's unit conversion): the
# peer stays as it was measured, so these are left out of the comparison, and printed.
ONLY_IN_OURS = frozenset({"unit_base", "unit_scale"})


def diff(a: Any, b: Any, path: str = "$") -> list[str]:
    """Differences between two JSON values, as `path: ours != peer` lines."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = [f"{path}.{k}: only in ours" for k in a.keys() - b.keys() - ONLY_IN_OURS]
        out += [f"{path}.{k}: only in peer" for k in b.keys() - a.keys()]
        for key in sorted(a.keys() & b.keys()):
            out += diff(a[key], b[key], f"{path}.{key}")
        return out
    if isinstance(a, list) and isinstance(b, list):
        out = [] if len(a) == len(b) else [f"{path}: {len(a)} items in ours, {len(b)} in peer"]
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            out += diff(x, y, f"{path}[{i}]")
        return out
    if a != b or (type(a) is not type(b) and not {type(a), type(b)} <= {int, float}):
        return [f"{path}: ours {a!r} != peer {b!r}"]
    return []


def fetch(base: str, path: str) -> tuple[int, Any, bool]:
    status, headers, body = http_get(base + path)
    return status, json.loads(body) if body else None, "link" in headers


def compare(ours: str, peer: str, path: str, depth: int = 0) -> tuple[str, list[str]]:
    """What was compared, and the mismatches for `path` and its second page (each server
    following its own cursor)."""
    status_a, body_a, link_a = fetch(ours, path)
    status_b, body_b, link_b = fetch(peer, path)
    if status_a != status_b:
        return "", [f"{path}: status ours {status_a} != peer {status_b}"]
    if status_a != 200:
        return "", [f"{path}: both answered {status_a}"]
    what = f"{len(body_a['items'])} items" if "items" in body_a else "1 item"
    problems: list[str] = []
    cursors = None
    if isinstance(body_a, dict) and "next_cursor" in body_a and isinstance(body_b, dict):
        cursors = body_a.pop("next_cursor"), body_b.pop("next_cursor", None)
        if (cursors[0] is None) != (cursors[1] is None):
            problems.append(f"{path}: next_cursor ours {cursors[0]!r}, peer {cursors[1]!r}")
        if link_a != link_b:
            problems.append(f"{path}: Link header ours {link_a}, peer {link_b}")
    problems += [f"{path}: {line}" for line in diff(body_a, body_b)]
    if cursors and cursors[0] and cursors[1] and depth == 0:
        _, page_a, _ = fetch(ours, f"{path}&cursor={cursors[0]}")
        _, page_b, _ = fetch(peer, f"{path}&cursor={cursors[1]}")
        page_a.pop("next_cursor", None)
        page_b.pop("next_cursor", None)
        problems += [f"{path} (page 2): {line}" for line in diff(page_a, page_b)]
        what += f" + {len(page_a['items'])} on page 2"
    return what, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1k")
    parser.add_argument("--backend", choices=BACKENDS, default="postgresql")
    parser.add_argument("--peer-eager", action="store_true", help="check the selectinload peer")
    parser.add_argument("--max-seconds", type=int, default=600)
    args = parser.parse_args()
    install_bounds(args.max_seconds)
    size = ensure(sized(args.size, args.backend))
    paths = paths_to_check(size)
    problems: list[str] = []
    with (
        our_server(url(size), free_port()) as ours,
        peer_server(peer_url(size), free_port(), eager=args.peer_eager) as peer,
    ):
        for path in paths:
            what, found = compare(ours.base_url, peer.base_url, path)
            status = "ok" if not found else f"MISMATCH ({len(found)})"
            print(f"{status:14} {what:26} {path}")
            problems += found
    if problems:
        print(f"\n{len(problems)} mismatches between ours and the peer:")
        for line in problems[:200]:
            print(f"  {line}")
        return 1
    print(
        f"\nall {len(paths)} requests (and their second pages) answer the same JSON "
        f"(besides {', '.join(sorted(ONLY_IN_OURS))}, which only the service has)"
    )
    return 0


if __name__ == "__main__":
    run_main(main)
