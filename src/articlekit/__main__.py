"""``python -m articlekit``: the command line (see [`articlekit.cli`][articlekit.cli])."""

from __future__ import annotations

from .cli import main

__all__: list[str] = []

if __name__ == "__main__":  # not when a worker process re-imports this module (spawn)
    main()
