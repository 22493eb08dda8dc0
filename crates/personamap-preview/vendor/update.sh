#!/usr/bin/env bash
# Fetches the Mermaid and ELK layout builds `personamap preview` serves, by exact version, checks
# each tarball against the registry's published `dist.integrity`, copies the files the browser
# loads into this folder and rewrites MANIFEST (one `sha256  path` line per file, which the
# crate's build embeds and its tests check).
#
#   crates/personamap-preview/vendor/update.sh [MERMAID_VERSION [ELK_VERSION]]
#
# Needs node and npm (the registry only; nothing else is downloaded).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MERMAID="${1:-11.17.2}"
ELK="${2:-0.2.3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# fetch NAME VERSION: the tarball, checked against the registry's dist.integrity, unpacked in ./NAME.
fetch() {
  local name="$1" version="$2" published tgz actual
  published="$(npm view "$name@$version" dist.integrity)"
  tgz="$(npm pack --silent "$name@$version")"
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
  if [[ "$actual" != "$published" ]]; then
    echo "error: $name@$version: the tarball's integrity $actual is not the published $published" >&2
    exit 1
  fi
  echo "ok $name@$version $published" >&2
  mkdir -p "unpacked/$name"
  tar xzf "$tgz" -C "unpacked/$name" --strip-components=1
  printf '# %s@%s %s\n' "$name" "$version" "$published" >> header
}
fetch mermaid "$MERMAID"
fetch @mermaid-js/layout-elk "$ELK"

out="$work/out"
mkdir -p "$out/mermaid" "$out/layout-elk"
cp unpacked/mermaid/dist/mermaid.min.js unpacked/mermaid/LICENSE "$out/mermaid/"
# The ELK layout's ESM entry and every module it imports (statically or dynamically), without
# source maps.
elk="unpacked/@mermaid-js/layout-elk"
cp "$elk/LICENSE" "$out/layout-elk/" 2> /dev/null || cp unpacked/mermaid/LICENSE "$out/layout-elk/LICENSE"
node --input-type=module - "$elk/dist" "$out/layout-elk" << 'JS'
import fs from 'node:fs';
import path from 'node:path';
const [dist, out] = process.argv.slice(2);
const seen = new Set();
const todo = ['mermaid-layout-elk.esm.min.mjs'];
while (todo.length) {
  const file = path.normalize(todo.pop());
  if (seen.has(file)) continue;
  seen.add(file);
  const text = fs.readFileSync(path.join(dist, file), 'utf8');
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)) {
    todo.push(path.join(path.dirname(file), m[1]));
  }
}
for (const file of seen) {
  fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  fs.copyFileSync(path.join(dist, file), path.join(out, file));
}
JS

# Replace the vendored files, then write the manifest.
rm -rf "$HERE/mermaid" "$HERE/layout-elk"
cp -r "$out/mermaid" "$out/layout-elk" "$HERE/"
cd "$HERE"
{
  echo "# The files personamap preview embeds and serves, as fetched by update.sh from:"
  cat "$work/header"
  find mermaid layout-elk -type f | LC_ALL=C sort | xargs sha256sum
} > MANIFEST
echo "vendor: $(grep -vc '^#' MANIFEST) files, $(du -sh mermaid layout-elk | awk '{s = s $1 " "} END {print s}')"
