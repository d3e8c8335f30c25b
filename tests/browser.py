"""A real headless Chromium for tests that check what a reader's browser does with a page
(Debian package `chromium`), offline, with a throwaway profile."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")


class Chromium:
    """Runs the Debian chromium binary headless, offline, with a throwaway profile."""

    def __init__(self, profile: Path) -> None:
        self.profile = profile

    def run(self, page: Path, *flags: str) -> subprocess.CompletedProcess[str]:
        command = [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={self.profile}", *flags, page.resolve().as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"chromium failed ({result.returncode}): {result.stderr[-2000:]}"
        return result

    def dump_dom(self, page: Path) -> str:
        return self.run(page, "--dump-dom").stdout

    def screenshot(self, page: Path, png: Path, size: str = "1280,2400") -> Path:
        self.run(page, f"--window-size={size}", f"--screenshot={png}")
        return png

    def print_pdf(self, page: Path, pdf: Path) -> Path:
        self.run(page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
        return pdf


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Chromium:
    if not CHROMIUM.is_file() or shutil.which(str(CHROMIUM)) is None:
        pytest.fail(
            f"{CHROMIUM} is missing: the HTML report must be checked in a real browser. "
            "Run the project setup (it installs the Debian package 'chromium': "
            "sudo apt-get install chromium).", pytrace=False)
    return Chromium(tmp_path_factory.mktemp("chromium-profile"))
