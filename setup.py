"""Build the optional C accelerator ``articlekit._speedups``.

Everything else about the package is in pyproject.toml.  The extension is
optional: where it cannot be compiled (no C compiler, an unusual platform),
the install still succeeds and articlekit uses its pure-Python parser, which
gives exactly the same results, only slower.  Set ``ARTICLEKIT_NO_EXTENSIONS=1``
to skip building it.
"""

import os

from setuptools import Extension, setup

ext_modules = []
if not os.environ.get("ARTICLEKIT_NO_EXTENSIONS"):
    ext_modules.append(
        Extension(
            "articlekit._speedups",
            sources=["src/articlekit/_speedups.c"],
            optional=True,
        )
    )

setup(ext_modules=ext_modules)
