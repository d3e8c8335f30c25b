"""The province roll-up: every office's published gap-report.json in one DuckDB file, and the
province page (HTML) and workbook (XLSX) made from it. See docs/rollup.md."""
