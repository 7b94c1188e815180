#!/usr/bin/env bash
# Regenerates the pySigma-dialect rules of the import corpus (test/e2e/fixtures/import/rules/pysigma-*.yaml)
# from their Sigma sources (test/e2e/fixtures/import/sigma/), with pySigma from PyPI in a venv under
# .cache/pysigma. Not run by CI: the converted rules are committed, so the suite needs no Python
# package beyond ElastAlert. Run it after changing a Sigma source, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.cache/pysigma
if [ ! -x "$venv/bin/sigma" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'pySigma==1.5.1' 'pySigma-backend-elasticsearch==2.1.1' 'sigma-cli==3.1.0'
fi
src=test/e2e/fixtures/import/sigma
out=test/e2e/fixtures/import/rules
for rule in "$src"/*.yml; do
  stem=$(basename "$rule" .yml)
  # ecs_windows is written for the Lucene backend; ElastAlert's backend writes the same queries with it.
  "$venv/bin/sigma" convert -t elastalert -p ecs_windows --disable-pipeline-check "$rule" -o "$out/pysigma-$stem.yaml" >/dev/null
done
echo "converted $(ls "$src"/*.yml | wc -l) Sigma rules into $out"
