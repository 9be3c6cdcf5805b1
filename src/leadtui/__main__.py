"""``python -m leadtui``: the same as the ``leadtui`` command."""

from __future__ import annotations

import sys

from leadtui.cli import main

sys.exit(main())
