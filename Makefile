# Shortcuts; the scripts are the real thing (the README uses them directly).
.PHONY: setup test demo lint bench
setup:
	bash scripts/setup.sh
test:
	bash scripts/test.sh
demo:
	bash scripts/demo.sh
lint:
	.venv/bin/ruff check .
bench:
	.venv/bin/python bench/run.py
