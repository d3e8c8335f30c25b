"""The shared headless browser (tests/browser.py) for the province page."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from browser import Chromium, chromium  # noqa: E402, F401 - the shared browser fixture
