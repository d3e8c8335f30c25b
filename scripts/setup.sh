#!/usr/bin/env bash
# Prepares this machine for zi-auditor: Debian packages (Tesseract OCR with the Indonesian
# model, antiword for .doc files, Chromium for the report test, fonts, rclone and fuse3 for
# evidence kept on Google Drive) and a Python
# virtual environment in .venv with the package and its test tools. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(tesseract-ocr tesseract-ocr-ind tesseract-ocr-osd antiword chromium fonts-dejavu-core rclone fuse3)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== Memasang paket sistem: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Perlu hak root (sudo) untuk memasang: ${missing[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "== Membuat lingkungan Python (.venv)"
  python3 -m venv .venv
fi
stamp=.venv/.zi-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "== Memasang paket Python"
  log=.venv/pip-install.log
  if ! { .venv/bin/python -m pip install -q --upgrade pip &&
         .venv/bin/python -m pip install -q -e ".[test]"; } >"$log" 2>&1; then
    tail -30 "$log" >&2
    echo "Pemasangan paket Python gagal; lihat $log" >&2
    exit 1
  fi
  touch "$stamp"
fi
