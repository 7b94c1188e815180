#!/usr/bin/env bash
# Validates the XSOAR content `alertsmith build` writes (<out>/xsoar/IncidentTypes, IncidentFields)
# with the real demisto-sdk (PyPI), the tool XSOAR content packs are checked with:
#   scripts/validate-xsoar-content.sh [XSOAR_DIR]     (default: generated/xsoar)
#   scripts/validate-xsoar-content.sh --install-only  (only install demisto-sdk: .ci/run starts this early, in the background)
# It installs demisto-sdk (and its pinned dependencies) into .cache/demisto-sdk (git-ignored; $ALERTSMITH_DEMISTO_SDK_VENV
# overrides), lays the files out as a pack of a throw-away content repository (demisto-sdk only
# runs inside one), and runs `demisto-sdk validate` with scripts/xsoar-content/validate-config.toml:
# the content repository's own checks of incident types and fields that run offline.
# Then it proves the check can fail: the same pack with one field's type misspelled must be refused.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INSTALL_ONLY=false
if [ "${1:-}" = "--install-only" ]; then INSTALL_ONLY=true; shift; fi
CONTENT="${1:-$ROOT/generated/xsoar}"
VENV="${ALERTSMITH_DEMISTO_SDK_VENV:-$ROOT/.cache/demisto-sdk}"
SDK_VERSION="1.39.13"
CONFIG="$ROOT/scripts/xsoar-content/validate-config.toml"
# Every package pinned (pip freeze of a working install): no resolver run, the same tool every time.
REQUIREMENTS="$ROOT/scripts/xsoar-content/demisto-sdk-requirements.txt"
SYSTEM_PYTHON="${ALERTSMITH_PYTHON:-/usr/bin/python3}"

log() { printf 'validate-xsoar-content: %s\n' "$*"; }
fail() { printf 'validate-xsoar-content: %s\n' "$*" >&2; exit 1; }

sdk_ready() {
  [ -x "$VENV/bin/demisto-sdk" ] &&
    [ "$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("demisto-sdk"))' 2>/dev/null)" = "$SDK_VERSION" ]
}

if sdk_ready; then
  log "demisto-sdk $SDK_VERSION already in $VENV"
else
  log "installing demisto-sdk==$SDK_VERSION into $VENV"
  command -v "$SYSTEM_PYTHON" >/dev/null || fail "$SYSTEM_PYTHON is missing"
  "$SYSTEM_PYTHON" -c 'import venv, ensurepip' 2>/dev/null || {
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update -qq && apt-get -o DPkg::Lock::Timeout=300 install -y -qq python3-venv
  }
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  "$SYSTEM_PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --no-deps -r "$REQUIREMENTS"
fi

"$VENV/bin/python" -c 'import demisto_sdk' || fail "demisto-sdk does not import in $VENV"
if $INSTALL_ONLY; then log "demisto-sdk $SDK_VERSION ready in $VENV"; exit 0; fi

[ -d "$CONTENT/IncidentTypes" ] || fail "no IncidentTypes folder in $CONTENT: run alertsmith build first"

CONTENT="$(cd "$CONTENT" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# demisto-sdk wants a git repository with Packs/<pack>/ holding the metadata files every pack has.
make_repo() {
  local repo="$1" pack="$1/Packs/Alertsmith"
  mkdir -p "$pack"
  cp -R "$CONTENT/IncidentTypes" "$pack/"
  [ -d "$CONTENT/IncidentFields" ] && cp -R "$CONTENT/IncidentFields" "$pack/"
  cat >"$pack/pack_metadata.json" <<'JSON'
{
    "name": "Alertsmith",
    "description": "Incident types and fields that alertsmith detections create incidents with.",
    "support": "community",
    "currentVersion": "1.0.0",
    "author": "alertsmith",
    "url": "",
    "email": "",
    "categories": ["Case Management"],
    "tags": [],
    "useCases": [],
    "keywords": [],
    "marketplaces": ["xsoar"]
}
JSON
  printf '# Alertsmith\n' >"$pack/README.md"
  : >"$pack/.secrets-ignore"
  : >"$pack/.pack-ignore"
  git -C "$repo" init -q
  git -C "$repo" add -A
  git -C "$repo" -c user.name=alertsmith -c user.email=alertsmith@localhost commit -q -m content
}

run_validate() {
  (cd "$1" && DEMISTO_SDK_IGNORE_CONTENT_WARNING=1 DEMISTO_SDK_SKIP_VERSION_CHECK=1 \
    "$VENV/bin/demisto-sdk" validate -i Packs/Alertsmith --config-path "$CONFIG" 2>&1) | grep -v "Remote named 'origin'"
  return "${PIPESTATUS[0]}"
}

types=$(find "$CONTENT/IncidentTypes" -name '*.json' | wc -l)
fields=$(find "$CONTENT/IncidentFields" -name '*.json' 2>/dev/null | wc -l)
log "validating $types incident types and $fields incident fields from $CONTENT"
make_repo "$WORK/good"
run_validate "$WORK/good" || fail "demisto-sdk refused the generated XSOAR content (see above)"

# The check must be able to fail: a misspelled field type (or a wrong version) is refused.
make_repo "$WORK/bad"
victim=$(find "$WORK/bad/Packs/Alertsmith" -name 'incident*.json' | sort | head -n 1)
sed -i -e 's/"type": "[A-Za-z]*"/"type": "shortTxt"/' -e 's/"version": -1/"version": 3/' "$victim"
git -C "$WORK/bad" -c user.name=alertsmith -c user.email=alertsmith@localhost commit -q -am spoiled
if run_validate "$WORK/bad" >"$WORK/bad.log"; then
  cat "$WORK/bad.log"
  fail "demisto-sdk accepted a spoiled copy ($(basename "$victim")): the validation proves nothing"
fi
log "OK: demisto-sdk $SDK_VERSION accepts the content and refuses a spoiled copy"
