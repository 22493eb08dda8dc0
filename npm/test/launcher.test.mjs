// The npm launcher (npm/personamap), with fake binaries: shell scripts standing in for
// personamap. Run: node --test npm/test/
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("../personamap", import.meta.url));
const launcher = join(packageDir, "bin/personamap");
const { PLATFORMS, VERSION, isMusl, platformPackage, locate } = createRequire(import.meta.url)(
  join(packageDir, "lib/launcher.js"),
);
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const host = platformPackage(process.platform, process.arch, process.platform === "linux" && isMusl());

/** Writes an executable shell script `name` running `body` into `dir`; returns its path. */
function fake(dir, name, body) {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Runs the launcher `bin` with `args`, `env` added and `input` on stdin; waits for it. */
function launch(bin, args, env = {}, input = "") {
  const clean = { ...process.env };
  delete clean.PERSONAMAP_BINARY;
  return spawnSync(process.execPath, [bin, ...args], { env: { ...clean, ...env }, input, encoding: "utf8" });
}

describe("platform packages", () => {
  it("cover the seven platforms, one package each", () => {
    assert.deepEqual(
      PLATFORMS.map((p) => p.name),
      [
        "@personamap/linux-x64-gnu",
        "@personamap/linux-x64-musl",
        "@personamap/linux-arm64-gnu",
        "@personamap/linux-arm64-musl",
        "@personamap/darwin-x64",
        "@personamap/darwin-arm64",
        "@personamap/win32-x64",
      ],
    );
    assert.equal(platformPackage("linux", "arm64", true).target, "aarch64-unknown-linux-musl");
    assert.equal(platformPackage("linux", "x64", false).libc, "glibc");
    assert.equal(platformPackage("darwin", "arm64", false).binary, "personamap");
    assert.equal(platformPackage("win32", "x64", false).binary, "personamap.exe");
    assert.equal(platformPackage("freebsd", "x64", false), undefined);
    assert.equal(platformPackage("win32", "arm64", false), undefined);
  });

  it("are exact optional dependencies at the package's version", () => {
    const deps = manifest.optionalDependencies;
    assert.deepEqual(Object.keys(deps).sort(), PLATFORMS.map((p) => p.name).sort());
    for (const version of Object.values(deps)) assert.equal(version, manifest.version);
    assert.equal(VERSION, manifest.version);
    assert.equal(manifest.scripts, undefined, "no install scripts");
  });
});

describe("musl or glibc", () => {
  it("is read from ldd, else from Node's report", () => {
    const dir = mkdtempSync(join(tmpdir(), "personamap-ldd-"));
    try {
      writeFileSync(join(dir, "musl"), "\x7fELF...musl libc (x86_64)...");
      writeFileSync(join(dir, "glibc"), "#! /bin/bash\n# This file is part of the GNU C Library.\n");
      assert.equal(isMusl(join(dir, "musl")), true);
      assert.equal(isMusl(join(dir, "glibc")), false);
      const glibc = process.report.getReport().header.glibcVersionRuntime !== undefined;
      assert.equal(isMusl(join(dir, "missing")), !glibc);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("locating the binary", () => {
  const none = () => {
    throw new Error("not found");
  };

  it("honours PERSONAMAP_BINARY before any package", () => {
    const env = { PERSONAMAP_BINARY: launcher };
    assert.deepEqual(locate({ env, os: "linux", cpu: "x64", musl: false, resolve: none }), { path: launcher });
    const missing = locate({ env: { PERSONAMAP_BINARY: "/no/such/file" }, os: "linux", cpu: "x64", resolve: none });
    assert.match(missing.error, /PERSONAMAP_BINARY is \/no\/such\/file, and there is no file there/);
  });

  it("resolves the package for the platform and libc", () => {
    const asked = [];
    const resolve = (id) => {
      asked.push(id);
      return `/nm/${id}`;
    };
    locate({ env: {}, os: "linux", cpu: "x64", musl: true, resolve });
    locate({ env: {}, os: "linux", cpu: "arm64", musl: false, resolve });
    locate({ env: {}, os: "win32", cpu: "x64", musl: false, resolve });
    assert.deepEqual(asked, [
      "@personamap/linux-x64-musl/personamap",
      "@personamap/linux-arm64-gnu/personamap",
      "@personamap/win32-x64/personamap.exe",
    ]);
  });

  it("names the package to install when it is missing", () => {
    const { error } = locate({ env: {}, os: "darwin", cpu: "arm64", musl: false, resolve: none });
    assert.match(error, /the package @personamap\/darwin-arm64 is not installed/);
    assert.match(error, new RegExp(`npm install --save-dev @personamap/darwin-arm64@${VERSION}`));
  });

  it("says to build from source on a platform without a package", () => {
    const { error } = locate({ env: {}, os: "freebsd", cpu: "x64", musl: false, resolve: none });
    assert.match(error, /ships no binary for freebsd x64/);
    assert.match(error, /cargo install --locked --path crates\/personamap/);
  });
});

describe("the launcher", { skip: process.platform === "win32" || host === undefined }, () => {
  let dir;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "personamap-launcher-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("passes arguments, stdin, stdout, stderr and the exit code through", () => {
    const bin = fake(dir, "echo", 'printf "%s|" "$@"; cat; echo oops >&2; exit 3');
    const out = launch(launcher, ["check", "--root", "a b"], { PERSONAMAP_BINARY: bin }, "in\n");
    assert.equal(out.stdout, "check|--root|a b|in\n");
    assert.equal(out.stderr, "oops\n");
    assert.equal(out.status, 3);
  });

  it("exits 0 when the binary does", () => {
    const bin = fake(dir, "ok", "exit 0");
    assert.equal(launch(launcher, [], { PERSONAMAP_BINARY: bin }).status, 0);
  });

  for (const signal of ["SIGKILL", "SIGTERM"]) {
    it(`exits 128 + the signal's number when ${signal} ends the binary`, () => {
      const bin = fake(dir, signal, `kill -${signal.slice(3)} $$`);
      const out = launch(launcher, [], { PERSONAMAP_BINARY: bin });
      assert.equal(out.signal, null);
      assert.equal(out.status, 128 + constants.signals[signal]);
    });
  }

  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
    it(`passes ${signal} on to the binary and its exit code back`, async () => {
      const bin = fake(
        dir,
        `trap-${signal}`,
        // Gives up after about 5 s (exit 7), so a signal never passed on fails the test.
        `trap 'echo got ${signal}; exit 42' ${signal.slice(3)}\necho ready\n` +
          "i=0; while [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done; exit 7",
      );
      const child = spawn(process.execPath, [launcher], {
        env: { ...process.env, PERSONAMAP_BINARY: bin },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let stdout = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        if (stdout === "ready\n") child.kill(signal);
      });
      const [code] = await new Promise((resolve) => child.on("exit", (...a) => resolve(a)));
      assert.equal(stdout, `ready\ngot ${signal}\n`);
      assert.equal(code, 42);
    });
  }

  it("finds the binary in the platform package beside it, with require.resolve", () => {
    const project = join(dir, "project");
    const installed = join(project, "node_modules/personamap");
    cpSync(packageDir, installed, { recursive: true });
    const platformDir = join(project, "node_modules", host.name);
    mkdirSync(platformDir, { recursive: true });
    writeFileSync(join(platformDir, "package.json"), JSON.stringify({ name: host.name, version: VERSION }));
    fake(platformDir, host.binary, 'echo "platform package: $1"');
    const out = launch(join(installed, "bin/personamap"), ["--version"]);
    assert.equal(out.stdout, "platform package: --version\n");
    assert.equal(out.status, 0);
  });

  it("fails naming the package to install when the platform package is missing", () => {
    const project = join(dir, "bare");
    const installed = join(project, "node_modules/personamap");
    cpSync(packageDir, installed, { recursive: true });
    const out = launch(join(installed, "bin/personamap"), ["check"]);
    assert.equal(out.status, 1);
    assert.equal(out.stdout, "");
    assert.match(out.stderr, new RegExp(`^personamap: the package ${host.name} is not installed`));
    assert.match(out.stderr, new RegExp(`npm install --save-dev ${host.name}@${VERSION}\n$`));
  });

  it("says so when the binary cannot be run", () => {
    const notExecutable = join(dir, "plain");
    writeFileSync(notExecutable, "");
    const out = launch(launcher, [], { PERSONAMAP_BINARY: notExecutable });
    assert.equal(out.status, 1);
    assert.match(out.stderr, /^personamap: cannot run .*plain: spawn .* EACCES/);
  });
});
