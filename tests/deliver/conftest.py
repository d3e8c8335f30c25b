"""Fixtures of the mail tests (the builders live in deliver_kit.py)."""

from browser import chromium  # noqa: F401, E402 - the shared headless Chromium fixture
from deliver_kit import make_config, smtp_server, tls_files  # noqa: F401 - pytest fixtures
