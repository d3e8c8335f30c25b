"""One module per CLI command group; auditor.cli discovers them (see its docstring)."""
