#!/bin/sh
# Fills corpus/TARGET/ with starting inputs taken from the repository (specs, fixtures, the
# bad-spec corpus, pages, docs.json, llms.txt). Run from fuzz/ before `cargo fuzz run`.
set -eu
cd "$(dirname "$0")"
root=..
nul() { printf '\0'; }
for t in spec_load edges render check docs_json llms import; do mkdir -p "corpus/$t"; done
n=0
for site in "$root" "$root"/tests/fixtures/* "$root"/tests/bad/*; do
  [ -d "$site/personas" ] || continue
  n=$((n + 1))
  # spec_load: the site's spec files; render/check: docs.json first.
  { first=1; for f in $(find "$site/personas" -name '*.toml' | sort); do
      [ $first = 1 ] || nul; first=0; cat "$f"; done; } > "corpus/spec_load/site$n"
  if [ -f "$site/docs.json" ]; then
    { cat "$site/docs.json"; nul; cat "corpus/spec_load/site$n"; } > "corpus/render/site$n"
    cp "corpus/render/site$n" "corpus/check/site$n"
    { cat "$site/docs.json"; nul; printf 'v2/en/Developers/Concepts'; nul; printf 'new/page'; } \
      > "corpus/docs_json/site$n"
  fi
  # edges: every `edges = '''…'''` block.
  awk -v out="corpus/edges/site$n-" "/^edges = '''/{k++; f=out k; next} /^'''/{f=\"\"} f{print > f}" \
    $(find "$site/personas" -name '*.toml' | sort)
done
for page in $(find "$root/v2" "$root/tests/fixtures" -name '*.mdx' | sort); do
  n=$((n + 1))
  { cat "$page"; nul; cat "$root/snippets/components/elements/spacing/Divider.jsx"; } > "corpus/import/page$n"
done
{ cat "$root/llms.txt"; nul; printf 'Developers'; nul; printf 'https://docs.livepeer.org v2/x'; nul;
  printf 'Title'; nul; printf 'Description'; } > corpus/llms/repo
{ nul; printf 'Docs'; nul; printf 'https://a.org p'; nul; printf 'T'; nul; printf 'D'; } > corpus/llms/none
for t in spec_load edges render check docs_json llms import; do
  echo "$t: $(ls "corpus/$t" | wc -l) seeds"
done
