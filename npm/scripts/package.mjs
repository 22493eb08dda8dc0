#!/usr/bin/env node
// Writes the npm platform packages from release binaries:
//
//   node npm/scripts/package.mjs --out DIR KEY=BINARY...
//
// KEY is a platform of npm/personamap/lib/launcher.js (linux-x64-gnu, linux-x64-musl,
// linux-arm64-gnu, linux-arm64-musl, darwin-x64, darwin-arm64, win32-x64) and BINARY the
// personamap binary built for its Rust target. Each package goes to DIR/KEY: a package.json
// with the os, cpu and libc npm installs it for, the main package's version exactly, and the
// binary. It refuses a version out of lockstep with the crate, an unknown platform, a missing
// binary and `--all` with a platform left out. Then `npm pack` or `npm publish` each folder.

import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const main = join(here, "../personamap");
const { PLATFORMS } = createRequire(import.meta.url)(join(main, "lib/launcher.js"));
const manifest = JSON.parse(readFileSync(join(main, "package.json"), "utf8"));

/** Stops with `message` on stderr and exit code 2. */
function fail(message) {
  process.stderr.write(`package.mjs: ${message}\n`);
  process.exit(2);
}

/** The workspace's crate version, from the root Cargo.toml's [workspace.package]. */
function crateVersion() {
  const cargo = readFileSync(join(here, "../../Cargo.toml"), "utf8");
  const found = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargo);
  if (!found) fail("no version in [workspace.package] of Cargo.toml");
  return found[1];
}

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
if (outAt < 0 || !args[outAt + 1]) {
  fail("usage: package.mjs --out DIR [--all] KEY=BINARY...");
}
const out = resolve(args[outAt + 1]);
const all = args.includes("--all");
const pairs = args.filter((a, i) => i !== outAt && i !== outAt + 1 && a !== "--all");

if (manifest.version !== crateVersion()) {
  fail(`npm/personamap is version ${manifest.version} but the crate is ${crateVersion()}: keep them in lockstep`);
}
const given = new Map();
for (const pair of pairs) {
  const [key, binary] = pair.split(/=(.*)/s);
  const platform = PLATFORMS.find((p) => p.key === key);
  if (!platform) fail(`unknown platform ${key}; known: ${PLATFORMS.map((p) => p.key).join(", ")}`);
  if (!binary || !existsSync(binary)) fail(`${key}: no binary at ${binary}`);
  if (given.has(key)) fail(`${key} given twice`);
  given.set(key, { platform, binary });
}
if (given.size === 0) fail("no KEY=BINARY given");
const missing = PLATFORMS.filter((p) => !given.has(p.key)).map((p) => p.key);
if (all && missing.length > 0) fail(`--all: no binary for ${missing.join(", ")}`);

for (const { platform, binary } of given.values()) {
  const dir = join(out, platform.key);
  mkdirSync(dir, { recursive: true });
  const pkg = {
    name: platform.name,
    version: manifest.version,
    description: `personamap's binary for ${platform.key} (${platform.target}); install personamap, not this.`,
    license: manifest.license,
    repository: manifest.repository,
    os: [platform.os],
    cpu: [platform.cpu],
    ...(platform.libc ? { libc: [platform.libc] } : {}),
    files: [platform.binary],
    preferUnplugged: true,
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(
    join(dir, "README.md"),
    `# ${platform.name}\n\npersonamap's binary for ${platform.key}, installed by the \`personamap\` package as an optional dependency. Install \`personamap\` instead.\n`,
  );
  copyFileSync(binary, join(dir, platform.binary));
  chmodSync(join(dir, platform.binary), 0o755);
  process.stdout.write(`${platform.name}@${manifest.version}: ${dir}\n`);
}
