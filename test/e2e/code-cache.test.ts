import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { ROOT, example, runCli, tempDir } from "../helpers.js";

// bin/social-audit.js compiles the bundle with a V8 code cache kept beside it. A cache that
// does not fit this Node (or is damaged) must cost speed only, never correctness.
describe("the code cache beside the bundle", () => {
  let pkg: string;
  let cache: string;
  let expected: string;
  const args = ["audit", example("bakery.yaml"), "--format", "json"];
  const runCopy = () =>
    spawnSync(process.execPath, [join(pkg, "bin", "social-audit.js"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });

  beforeAll(async () => {
    // A copy of the package, so spoiling its cache cannot disturb the other tests.
    pkg = tempDir();
    for (const part of ["bin", "dist", "rubrics", "package.json"])
      cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    cache = join(pkg, "dist", "bin", "cli.cjs.cache");
    expected = (await runCli(args)).stdout;
  });

  test("a cache V8 rejects is ignored, then replaced by one it accepts", () => {
    writeFileSync(cache, "this is not a V8 code cache");
    const first = runCopy();
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(expected);
    const rewritten = statSync(cache);
    expect(rewritten.size).toBeGreaterThan(10_000);

    // Accepted now, so the next run leaves it as it is.
    const second = runCopy();
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(expected);
    expect(statSync(cache).mtimeMs).toBe(rewritten.mtimeMs);
  });

  test("with no cache at all the CLI runs and writes one", () => {
    rmSync(cache);
    const result = runCopy();
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected);
    expect(statSync(cache).size).toBeGreaterThan(10_000);
  });

  test("a cache from another build is never used, even one V8 would accept", () => {
    // Same length, another build id: V8's own check (mostly the source's length) would pass.
    runCopy(); // make sure a cache for this build exists
    const bundle = join(pkg, "dist", "bin", "cli.cjs");
    const source = readFileSync(bundle, "utf8");
    const firstLine = source.slice(0, source.indexOf("\n"));
    expect(firstLine).toMatch(/^\/\/ social-audit build [0-9a-f]{32}$/);
    expect(readFileSync(cache, "utf8").startsWith(`${firstLine}\n`)).toBe(true);
    const other = firstLine.replace(/[0-9a-f]{32}$/, "0".repeat(32));
    writeFileSync(bundle, source.replace(firstLine, other));
    try {
      const result = runCopy();
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(expected);
      // Recorded again for the build that ran.
      expect(readFileSync(cache, "latin1").startsWith(`${other}\n`)).toBe(true);
    } finally {
      writeFileSync(bundle, source);
    }
  });

  test("a cache that cannot be read or written costs speed only", () => {
    rmSync(cache, { force: true });
    mkdirSync(cache); // neither readable as a file nor replaceable by a rename
    try {
      const result = runCopy();
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(expected);
      expect(statSync(cache).isDirectory()).toBe(true);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
