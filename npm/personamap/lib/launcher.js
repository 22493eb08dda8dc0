"use strict";
// The npm launcher's logic: which platform package holds the binary, where the binary is, and
// running it with the arguments, stdio, signals and exit code passed through. No install
// script: the package manager installs the one platform package whose os, cpu and libc match
// (an optional dependency), and this finds it at run time with require.resolve.

const { spawn } = require("node:child_process");
const { constants } = require("node:os");
const { existsSync, readFileSync } = require("node:fs");

/** This package's version; every platform package has the same version exactly. */
const VERSION = require("../package.json").version;

/**
 * Every platform package: npm's os, cpu and libc values, the Rust target its binary is built
 * for and the binary's file name. The release workflow and npm/scripts/package.mjs write one
 * package per entry.
 */
const PLATFORMS = [
  { os: "linux", cpu: "x64", libc: "glibc", target: "x86_64-unknown-linux-gnu" },
  { os: "linux", cpu: "x64", libc: "musl", target: "x86_64-unknown-linux-musl" },
  { os: "linux", cpu: "arm64", libc: "glibc", target: "aarch64-unknown-linux-gnu" },
  { os: "linux", cpu: "arm64", libc: "musl", target: "aarch64-unknown-linux-musl" },
  { os: "darwin", cpu: "x64", target: "x86_64-apple-darwin" },
  { os: "darwin", cpu: "arm64", target: "aarch64-apple-darwin" },
  { os: "win32", cpu: "x64", target: "x86_64-pc-windows-msvc" },
].map((p) => {
  const libc = p.libc === undefined ? "" : p.libc === "musl" ? "-musl" : "-gnu";
  const key = `${p.os}-${p.cpu}${libc}`;
  const binary = p.os === "win32" ? "personamap.exe" : "personamap";
  return { ...p, key, name: `@personamap/${key}`, binary };
});

/**
 * Whether this Linux uses musl rather than glibc. /usr/bin/ldd says which, cheaply: glibc's is
 * a script naming the GNU C Library, musl's is musl's loader. Without it, Node's diagnostic
 * report (slower) names the glibc version it runs on, and none on musl. `ldd` is for tests.
 */
function isMusl(ldd = "/usr/bin/ldd") {
  try {
    const text = readFileSync(ldd, "latin1");
    if (text.includes("musl")) return true;
    if (text.includes("GNU C Library")) return false;
  } catch {
    // No ldd: ask Node.
  }
  try {
    process.report.excludeNetwork = true;
    return process.report.getReport().header.glibcVersionRuntime === undefined;
  } catch {
    return false;
  }
}

/** The platform package for `os`, `cpu` and (on Linux) `musl`, or `undefined` if none. */
function platformPackage(os, cpu, musl) {
  const libc = os === "linux" ? (musl ? "musl" : "glibc") : undefined;
  return PLATFORMS.find((p) => p.os === os && p.cpu === cpu && p.libc === libc);
}

/**
 * Where the binary is: `{ path }`, or `{ error }` with what to do. `PERSONAMAP_BINARY` wins;
 * else the platform package for `os`, `cpu` and `musl`, found with `resolve`
 * (require.resolve, so from this package's node_modules up).
 */
function locate({ env, os, cpu, musl, resolve }) {
  const given = env.PERSONAMAP_BINARY;
  if (given) {
    return existsSync(given)
      ? { path: given }
      : { error: `PERSONAMAP_BINARY is ${given}, and there is no file there` };
  }
  const pkg = platformPackage(os, cpu, musl);
  const where = `${os} ${cpu}${os === "linux" ? (musl ? " (musl)" : " (glibc)") : ""}`;
  if (pkg === undefined) {
    return {
      error:
        `personamap ships no binary for ${where}. Build it from source with Rust: ` +
        "cargo install --locked --path crates/personamap (in a checkout of personamap), " +
        "then set PERSONAMAP_BINARY to the binary or put it on PATH.",
    };
  }
  try {
    return { path: resolve(`${pkg.name}/${pkg.binary}`) };
  } catch {
    return {
      error:
        `the package ${pkg.name} is not installed: it holds personamap's binary for ${where}. ` +
        "It is an optional dependency of personamap, so a package manager leaves it out " +
        "when optional dependencies are omitted or when the lockfile was made on another " +
        `platform. Install it: npm install --save-dev ${pkg.name}@${VERSION}`,
    };
  }
}

/**
 * Runs the binary at `path` with `args` and this process's stdio; SIGINT, SIGTERM and SIGHUP
 * sent to this process go on to the binary. Resolves to the exit code: the binary's, or
 * 128 + the signal's number when a signal ended it, as a shell reports it.
 */
function run(path, args) {
  return new Promise((resolve) => {
    // Listening before spawning, so that no signal falls between: a handler runs only after
    // this function returns, when `child` is set.
    let child;
    const forward = ["SIGINT", "SIGTERM", "SIGHUP"].map((signal) => {
      const handler = () => child.kill(signal);
      process.on(signal, handler);
      return [signal, handler];
    });
    child = spawn(path, args, { stdio: "inherit" });
    let finished = false;
    const done = (code) => {
      if (finished) return;
      finished = true;
      for (const [signal, handler] of forward) process.off(signal, handler);
      resolve(code);
    };
    child.on("error", (err) => {
      process.stderr.write(`personamap: cannot run ${path}: ${err.message}\n`);
      done(1);
    });
    child.on("exit", (code, signal) => {
      done(signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1));
    });
  });
}

/** The launcher: locates the binary for this machine and runs it with the command line's arguments. */
async function main() {
  const found = locate({
    env: process.env,
    os: process.platform,
    cpu: process.arch,
    musl: process.platform === "linux" && isMusl(),
    resolve: require.resolve,
  });
  if (found.error) {
    process.stderr.write(`personamap: ${found.error}\n`);
    process.exitCode = 1;
    return;
  }
  process.exitCode = await run(found.path, process.argv.slice(2));
}

module.exports = { PLATFORMS, VERSION, isMusl, platformPackage, locate, run, main };
