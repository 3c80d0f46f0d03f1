"""The browser tests' guard: without Chromium they fail with a hint, unless skipping is asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import require_chromium


def test_missing_chromium_fails_with_an_install_hint(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="make system-deps"):
        require_chromium(tmp_path / "no-chromium", {})


def test_missing_chromium_skips_only_when_asked(tmp_path: Path) -> None:
    with pytest.raises(pytest.skip.Exception, match="KG_SKIP_BROWSER=1"):
        require_chromium(tmp_path / "no-chromium", {"KG_SKIP_BROWSER": "1"})
    with pytest.raises(pytest.fail.Exception):
        require_chromium(tmp_path / "no-chromium", {"KG_SKIP_BROWSER": "0"})


def test_present_chromium_lets_the_tests_run(tmp_path: Path) -> None:
    browser = tmp_path / "chromium"
    browser.write_text("")
    require_chromium(browser, {})
