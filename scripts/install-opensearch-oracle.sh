#!/usr/bin/env bash
# Builds the query oracle of the fidelity suite (oracle/opensearch/): a Java program that starts an
# embedded single-node OpenSearch 2.19.6 and answers which documents each query matches.
#   - Java 17 and Maven from Debian (openjdk-17-jdk-headless, maven), apt-get installed when missing;
#   - OpenSearch's jars from Maven Central, cached in ~/.m2;
#   - the built program in .cache/opensearch-oracle/<key>/ (git-ignored), where <key> is the sha256 of
#     the pom and the Java sources, so a second run with nothing changed only checks that it starts.
# Writes .cache/opensearch-oracle/current: the key, then the class path, one a line
# (test/fidelity/query/opensearch-oracle.ts reads it). Needs root (or sudo) for apt-get.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="$ROOT/oracle/opensearch"
CACHE="$ROOT/.cache/opensearch-oracle"

log() { printf 'install-opensearch-oracle: %s\n' "$*"; }
fail() { printf 'install-opensearch-oracle: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else fail "run as root (or install sudo) to apt-get install"; fi
}

java_ready() { command -v java >/dev/null && java -version 2>&1 | grep -q 'version "17' && command -v javac >/dev/null && command -v mvn >/dev/null; }

if java_ready; then
  log "Java 17 and Maven already installed"
else
  log "installing Debian packages openjdk-17-jdk-headless and maven"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update
  as_root apt-get install -y openjdk-17-jdk-headless maven
  java_ready || fail "java 17, javac and mvn are still missing after apt-get install"
fi

# The key: the pom and every source file, in a fixed order (the fidelity suite computes the same).
KEY="$(cd "$SRC" && { cat pom.xml; find src -type f | LC_ALL=C sort | xargs cat; } | sha256sum | cut -c1-16)"
OUT="$CACHE/$KEY"

if [ -f "$OUT/oracle.jar" ] && [ -d "$OUT/lib" ]; then
  log "oracle $KEY already built in $OUT"
else
  log "building the oracle ($KEY) with Maven; downloads are cached in ~/.m2"
  BUILD="$(mktemp -d)"
  trap 'rm -rf "$BUILD"' EXIT
  cp -r "$SRC/pom.xml" "$SRC/src" "$BUILD/"
  (cd "$BUILD" && mvn -q -B package)
  rm -rf "$OUT.tmp"
  mkdir -p "$OUT.tmp"
  cp "$BUILD/target/oracle.jar" "$OUT.tmp/"
  cp -r "$BUILD/target/lib" "$OUT.tmp/lib"
  rm -rf "$OUT"
  mv "$OUT.tmp" "$OUT"
fi

CLASSPATH_LINE="$OUT/oracle.jar:$OUT/lib/*"
printf '%s\n%s\n' "$KEY" "$CLASSPATH_LINE" > "$CACHE/current"

# Proof that it starts and answers: one document, one query.
ANSWER="$(printf '%s' '{"mappings":{"properties":{"n":{"type":"keyword"}}},"documents":[{"id":"a","source":{"n":"x"}}],"queries":[{"id":"q","query":{"term":{"n":"x"}}}]}' |
  java -cp "$CLASSPATH_LINE" dev.alertsmith.oracle.QueryOracle 2>/dev/null)" || fail "the oracle did not start; run: java -cp '$CLASSPATH_LINE' dev.alertsmith.oracle.QueryOracle < request.json"
case "$ANSWER" in
  *'"matches":["a"]'*) log "oracle OK: OpenSearch $(printf '%s' "$ANSWER" | sed -n 's/.*"version":"\([^"]*\)".*/\1/p') answers" ;;
  *) fail "the oracle answered unexpectedly: $ANSWER" ;;
esac
