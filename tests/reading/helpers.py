"""Where the shared seed and dev set live, and a mark for tests that need them."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (seed and dev set) is absent")
