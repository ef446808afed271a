#!/usr/bin/env bash
# Regenerate the golden files of this folder with citeproc-js (see README.md).
#   CSL_ORACLE_VENDOR=/path/to/vendor tests/render/data/golden/render.sh [../shared/tools/csl-oracle]
# One style per run and per file, so that a failing style costs only itself.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ORACLE="${1:-$HERE/../../../../../shared/tools/csl-oracle}"
ITEMS="$HERE/../items.json"
STYLES="apa chicago-author-date chicago-notes-bibliography chicago-author-date-17th-edition
  chicago-notes-bibliography-17th-edition ieee nlm-citation-sequence american-medical-association
  nature modern-language-association harvard-cite-them-right american-sociological-association
  american-political-science-association elsevier-harvard springer-basic-author-date
  american-chemical-society mhra-notes"
for style in $STYLES; do
  node "$ORACLE/render-set.js" --items "$ITEMS" --out "$HERE/$style.json" --styles "$style" \
    || echo "FAILED $style" >&2
done
