#!/usr/bin/env bash
# Installs what the report suite (test/e2e/report/) uses to check `alertsmith report`'s outputs:
#   - Debian's `chromium`, run headless to render the HTML catalog (--dump-dom, --screenshot);
#   - mitreattack-python (MITRE's ATT&CK library, PyPI) in a virtual environment under
#     .cache/report-tools (git-ignored), or $ALERTSMITH_REPORT_TOOLS_VENV, to load the Navigator layer.
# Idempotent: a second run only checks that both start. Needs root (or sudo) for apt-get.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${ALERTSMITH_REPORT_TOOLS_VENV:-$ROOT/.cache/report-tools}"
MITREATTACK_VERSION="6.3.1"
SYSTEM_PYTHON=/usr/bin/python3

log() { printf 'install-report-tools: %s\n' "$*"; }
fail() { printf 'install-report-tools: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else fail "run as root (or install sudo) to apt-get install"; fi
}

# --- Chromium (Debian) ----------------------------------------------------------------------
if dpkg-query -W -f='${Status}\n' chromium python3-venv 2>/dev/null | grep -c '^install ok installed$' | grep -qx 2; then
  log "Debian chromium $(dpkg-query -W -f='${Version}' chromium) already installed"
else
  log "installing Debian packages chromium and python3-venv"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update
  as_root apt-get install -y --no-install-recommends chromium python3-venv
fi
command -v chromium >/dev/null || fail "chromium is not on PATH after installing it"
log "$(chromium --version 2>/dev/null | head -1)"

# --- mitreattack-python (PyPI, venv) --------------------------------------------------------
ready() {
  [ "$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("mitreattack-python"))' 2>/dev/null)" = "$MITREATTACK_VERSION" ]
}
if ready; then
  log "mitreattack-python $MITREATTACK_VERSION already in $VENV"
else
  log "installing mitreattack-python==$MITREATTACK_VERSION into $VENV"
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  "$SYSTEM_PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "mitreattack-python==$MITREATTACK_VERSION"
fi
"$VENV/bin/python" -c 'from mitreattack.navlayers import Layer; Layer()' || fail "mitreattack-python in $VENV does not import"
log "mitreattack-python OK in $VENV"
