#!/usr/bin/env bash
# Sets up the machine (scripts/setup.sh) and audits sample_evidence/ with config.example.yaml
# for June 2022; the report to open is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/zi-auditor scan --config config.example.yaml --month 6 --year 2022 || code=$?
code=${code:-0}
report=out/reports/2022-06/gap-report.html
if [ -f "$report" ]; then
  echo
  echo "Buka laporan ini di peramban / open this report in a browser:"
  echo "  $(pwd)/$report"
fi
exit "$code"
