#!/usr/bin/env bash
# Installs the two real ElastAlert lines the end-to-end tests run against (Debian 12, Python 3.11):
#   - Yelp ElastAlert 0.2.4, Debian's package `elastalert` (system python3, /usr/bin/elastalert*);
#   - ElastAlert 2 (2.31.0) from PyPI in a virtual environment under .cache/elastalert2 (git-ignored),
#     or under $ALERTSMITH_ELASTALERT2_VENV when set.
# Idempotent: a second run only checks that both start. Needs root (or sudo) for apt-get.
#
# elastalert2 2.31.0 declares Requires-Python >= 3.12 but imports and runs on 3.11, hence
# --ignore-requires-python. Every dependency at its newest release installed and imported on
# Python 3.11 when this was written, so none is pinned; if one stops working on 3.11, pin the
# newest release that does in EA2_PINS below and say why beside it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${ALERTSMITH_ELASTALERT2_VENV:-$ROOT/.cache/elastalert2}"
EA2_VERSION="2.31.0"
EA2_PINS=()
SYSTEM_PYTHON=/usr/bin/python3

log() { printf 'install-elastalert: %s\n' "$*"; }
fail() { printf 'install-elastalert: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else fail "run as root (or install sudo) to apt-get install"; fi
}

# --- Yelp ElastAlert 0.2.4 (Debian) -------------------------------------------------------
debian_ready() {
  [ "$(dpkg-query -W -f='${Status}\n' elastalert python3-venv 2>/dev/null | grep -c '^install ok installed$')" -eq 2 ] &&
    "$SYSTEM_PYTHON" -c 'import elastalert' 2>/dev/null
}

if debian_ready; then
  log "Debian elastalert $(dpkg-query -W -f='${Version}' elastalert) already installed"
else
  log "installing Debian packages elastalert and python3-venv"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update
  as_root apt-get install -y elastalert python3-venv
fi
"$SYSTEM_PYTHON" -c 'import elastalert.config, elastalert.alerts' || fail "Debian elastalert does not import with $SYSTEM_PYTHON"
[ -x /usr/bin/elastalert-test-rule ] || fail "/usr/bin/elastalert-test-rule is missing after installing elastalert"
log "ElastAlert 0.2.4 OK: $("$SYSTEM_PYTHON" -c 'import elastalert, os; print(os.path.dirname(elastalert.__file__))')"

# --- ElastAlert 2 (PyPI, venv) ---------------------------------------------------------------
ea2_ready() {
  [ -x "$VENV/bin/elastalert-test-rule" ] &&
    [ "$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("elastalert2"))' 2>/dev/null)" = "$EA2_VERSION" ]
}

if ea2_ready; then
  log "ElastAlert 2 $EA2_VERSION already in $VENV"
else
  log "installing elastalert2==$EA2_VERSION into $VENV"
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  "$SYSTEM_PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --ignore-requires-python "elastalert2==$EA2_VERSION" "${EA2_PINS[@]}"
fi
"$VENV/bin/elastalert-test-rule" --help >/dev/null || fail "elastalert-test-rule in $VENV does not start"
"$VENV/bin/python" -c 'import elastalert.elastalert, elastalert.alerters.command' || fail "elastalert2 does not import in $VENV"
log "ElastAlert 2 OK: $VENV/bin/elastalert-test-rule"
