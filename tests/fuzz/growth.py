"""Time and memory of ``articlekit.check`` on big hostile inputs, at three sizes.

Not a test (tests never assert on the clock): run it to see that time grows
linearly and memory stays bounded::

    .venv/bin/python tests/fuzz/growth.py            # 256 KiB, 512 KiB, 1 MiB
    .venv/bin/python tests/fuzz/growth.py --laughs   # the billion-laughs figures
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from collections.abc import Callable

import articlekit

__all__ = ["SHAPES", "billion_laughs", "main"]

HEAD = (
    "---\n"
    'title: "t"\n'
    "publishedDateTime: 2020-01-01T00:00:00Z\n"
    'originalUrl: "https://example.com/a"\n'
    'secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="\n'
)


def _fill(head: str, line: Callable[[int], str], tail: str, size: int) -> str:
    parts, total, i = [head], len(head) + len(tail), 0
    while total + len(line(i)) <= size:
        parts.append(line(i))
        total += len(parts[-1])
        i += 1
    return "".join(parts) + tail


SHAPES: dict[str, Callable[[int], str | bytes]] = {
    "long body line": lambda n: HEAD + "---\n" + "b" * (n - 300) + "\n",
    "long string": lambda n: HEAD + 'excerpt: "' + "a" * (n - 300) + '"\n---\n',
    "many keys": lambda n: _fill(HEAD, lambda i: f"k{i}: {i}\n", "---\n", n),
    "many block items": lambda n: _fill(HEAD + "topics:\n", lambda i: f"  - t{i}\n", "---\n", n),
    "many flow items": lambda n: HEAD + "topics: [" + "a," * ((n - 300) // 2) + "]\n---\n",
    "many images": lambda n: _fill(
        HEAD + "images:\n", lambda i: f'  - {{url: "/a-1x1.png", width: 1, height: {i}}}\n', "---\n", n
    ),
    "duplicate keys": lambda n: _fill(HEAD, lambda i: "title: x\n", "---\n", n),
    "invalid utf-8": lambda n: HEAD.encode() + b'excerpt: "' + b"\xff" * (n - 300) + b'"\n---\n',
    "NUL + CRLF body": lambda n: _fill(HEAD + "---\n", lambda i: "\x00a\r\n", "", n),
    "mixed newlines": lambda n: _fill(HEAD + "---\n", lambda i: "a\r\nb\n", "", n),
}
"""Input shapes by name: ``f(size in bytes) -> input of about that size``."""


def billion_laughs() -> str:
    """Nine levels of ten aliases: 10**9 "lol"s if a loader expanded them."""
    lines = ['lol0: &l0 "lol"']
    lines += [f"lol{k}: &l{k} [" + ", ".join([f"*l{k - 1}"] * 10) + "]" for k in range(1, 10)]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _measure(data: str | bytes, *, memory: bool) -> tuple[float, float, int]:
    if memory:
        tracemalloc.start()
    began = time.perf_counter()
    issues = articlekit.check(data)
    seconds = time.perf_counter() - began
    peak = 0.0
    if memory:
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return seconds, peak, len(issues)


def main() -> None:
    """Print the table (or the billion-laughs figures)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--laughs", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings")
    args = parser.parse_args()
    if args.laughs:
        seconds, peak, count = _measure(billion_laughs(), memory=True)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"billion laughs: {seconds * 1000:.2f} ms, traced peak {peak:.3f} MB, ")
        print(f"process max RSS {rss:.1f} MiB, {count} issues")
        return
    sizes = (256 * 1024, 512 * 1024, 1024 * 1024)
    print(f"{'shape':18} " + " ".join(f"{s // 1024:>6} KiB" for s in sizes) + "  ratio 1M/256K  peak MB@1M")
    for name, make in SHAPES.items():
        times = []
        for size in sizes:
            data = make(size)
            times.append(min(_measure(data, memory=False)[0] for _ in range(args.repeat)))
        peak = _measure(make(sizes[-1]), memory=True)[1]
        ratio = times[-1] / times[0] if times[0] else 0.0
        print(f"{name:18} " + " ".join(f"{t:>8.3f}s" for t in times) + f"  {ratio:>12.1f}  {peak:>9.1f}")


if __name__ == "__main__":
    main()
