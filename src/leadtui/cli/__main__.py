"""``python -m leadtui.cli``: the command line."""

from __future__ import annotations

import sys

from leadtui.cli import main

sys.exit(main())
