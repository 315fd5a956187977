"""``python -m articlekit``: the command line."""

from .cli import main

main()
