"""Throughput and memory benchmarks for articlekit (run ``python -m benchmarks``; see README.md).

Every row is timed in the same process and the same run as its baselines
(``frontmatter.loads``, ``yaml.load`` with ``CSafeLoader``, and ``CSafeLoader``
+ ``Article.model_validate``), interleaved round by round so that a noisy
machine slows every row alike; figures are medians over the rounds.
"""

from __future__ import annotations

__all__: list[str] = []
