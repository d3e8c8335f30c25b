"""zi-auditor: checks Zona Integritas evidence against the Rencana Aksi.

The pipeline, one sub-package per stage:
config -> rules -> scan -> inspect -> audit -> report -> deliver; ``run`` decides when.
"""

__version__ = "0.1.0"
