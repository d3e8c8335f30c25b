"""Find a delivery channel module by its name, as borgmatic's ``hooks/dispatch.py`` finds a
monitoring hook: every channel module in ``auditor/deliver/channels/`` has the same names."""

from __future__ import annotations

import importlib
from types import ModuleType

CHANNELS = ("email",)


def channel(name: str) -> ModuleType:
    """The module of channel ``name`` (``auditor.deliver.channels.<name>``)."""
    if name not in CHANNELS:
        raise KeyError(name)
    return importlib.import_module(f"auditor.deliver.channels.{name}")
