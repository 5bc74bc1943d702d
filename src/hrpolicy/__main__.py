"""``python -m hrpolicy …`` runs the command line (:mod:`hrpolicy.cli`)."""

from __future__ import annotations

import sys

from hrpolicy.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
