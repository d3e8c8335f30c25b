#!/usr/bin/env bash
# Sets up the machine (scripts/setup.sh) and audits sample_evidence/ with config.example.yaml
# for June 2022; the scan's last line names the report to open.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/zi-auditor scan --config config.example.yaml --month 6 --year 2022 || code=$?
exit "${code:-0}"
