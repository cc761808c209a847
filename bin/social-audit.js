#!/usr/bin/env node
"use strict";
// Most of a single audit's wall time used to be V8 compiling the CLI's code. Node 22 can keep
// compiled code between runs (module.enableCompileCache); Node 20 cannot, so this shim compiles
// the bundle itself with a V8 code cache that `npm run build` writes beside it. V8 checks the
// cache against its own version and flags and quietly compiles from source when it does not
// fit (another Node version); the cache is then rewritten after the run, if its folder is
// writable. It is as trusted as the bundle next to it, which is why it lives there, not in /tmp.
// V8's own check compares little more than the source's length, so the cache also starts with
// the bundle's build id (its first line, a hash written by the build): a cache left from
// another build is never used for this one.
// Measured with `npm run bench` on Node 20: the cache saves about a third of a single audit's
// wall time. Node 22's module.enableCompileCache would do the same; Node 20.19 lacks it, and
// this works on both.
// This file is CommonJS (see bin/package.json) because an ES module entry costs more to start.
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { createRequire } = require("node:module");

const BUNDLE = path.join(__dirname, "..", "dist", "bin", "cli.cjs");
const CACHE = `${BUNDLE}.cache`;

/** The bundle's first line: `// social-audit build <hash>`, written by scripts/build-cli.js. */
function buildId(source) {
  return Buffer.from(`${source.slice(0, source.indexOf("\n"))}\n`);
}

/** Compiles and evaluates the CommonJS bundle; `cachedData` spares V8 the parsing and compiling. */
function loadBundle(source, cachedData) {
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    {
      filename: BUNDLE,
      cachedData,
    },
  );
  const bundle = { exports: {} };
  script.runInThisContext()(
    bundle.exports,
    createRequire(BUNDLE),
    bundle,
    BUNDLE,
    path.dirname(BUNDLE),
  );
  return { cli: bundle.exports, script, id: buildId(source) };
}

/** Written after a run, so the functions that run compiled are in the cache too; atomic, so a reader never sees half. */
function writeCodeCache(script, id) {
  const temp = `${CACHE}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, Buffer.concat([id, script.createCachedData()]));
    fs.renameSync(temp, CACHE);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}

/** The CLI's exports, compiled with the code cache when there is one. */
function loadCli() {
  const source = fs.readFileSync(BUNDLE, "utf8");
  const id = buildId(source);
  let cachedData;
  try {
    const cache = fs.readFileSync(CACHE);
    if (cache.subarray(0, id.length).equals(id)) cachedData = cache.subarray(id.length);
  } catch {
    // No cache yet (or it cannot be read): compile from source.
  }
  return loadBundle(source, cachedData);
}

if (require.main === module) {
  const { cli, script, id } = loadCli();
  // Rejected, or never offered (none yet, or from another build): record one after the run.
  if (script.cachedDataRejected !== false && isWritable(path.dirname(CACHE)))
    process.once("exit", () => writeCodeCache(script, id));
  cli.run();
}

function isWritable(dir) {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

module.exports = { loadBundle, loadCli, writeCodeCache };
