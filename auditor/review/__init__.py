"""A person has the last word: corrections of what the tool read (per file, recognised by
its content) and decisions on verdicts (accepted, not applicable this month), kept in a
YAML file beside the config (``book.py``), applied between inspect and audit (``apply.py``)
and written by ``zi-auditor review`` (``edit.py``)."""
