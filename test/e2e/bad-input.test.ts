import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_INPUT_BYTES } from "../../src/io/read-text.js";
import { fixture, runCli, tempDir } from "../helpers.js";

/** Each file in test/fixtures/bad/ with the messages it must produce (expected.json). */
const expected = JSON.parse(readFileSync(fixture("bad", "expected.json"), "utf8")) as Record<
  "plans" | "rubrics",
  Record<string, string[]>
>;

function assertCleanFailure(result: { code: number | null; stdout: string; stderr: string }) {
  expect(result.code).toBe(2);
  expect(result.stderr).not.toMatch(/\n\s+at .*\(/); // no stack trace
  expect(result.stderr).not.toContain("internal error");
  // No raw escape sequence from the file reaches the terminal.
  expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
}

describe("bad plans: a clear error, exit 2, nothing else", () => {
  it.each(Object.entries(expected.plans))("%s", async (name, messages) => {
    const path = `test/fixtures/bad/plans/${name}`;
    const result = await runCli(["audit", path]);
    assertCleanFailure(result);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`social-audit: ${path}`);
    for (const message of messages) expect(result.stderr).toContain(message);
  });

  it("a file over the size limit", async () => {
    const dir = tempDir();
    const big = join(dir, "big.yaml");
    writeFileSync(big, `organization: Big\nnotes: "${"x".repeat(MAX_INPUT_BYTES)}"\n`);
    const result = await runCli(["audit", big]);
    assertCleanFailure(result);
    expect(result.stderr).toContain("over the 1.0 MiB limit");
    const piped = await runCli(["audit", "-"], { stdin: readFileSync(big, "utf8") });
    assertCleanFailure(piped);
    expect(piped.stderr).toContain("<stdin>: input is over the 1.0 MiB limit");
  });

  it("a directory, a missing file and a FIFO given as plans", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "plans"));
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    const folder = await runCli(["audit", "plans"], { cwd: dir });
    assertCleanFailure(folder);
    expect(folder.stderr).toContain("plans: is a directory, not a file");
    const missing = await runCli(["audit", "nowhere.yaml"], { cwd: dir });
    assertCleanFailure(missing);
    expect(missing.stderr).toContain("nowhere.yaml: no such file");
    const fifo = await runCli(["audit", "pipe.yaml"], { cwd: dir });
    assertCleanFailure(fifo);
    expect(fifo.stderr).toContain("pipe.yaml: is not a regular file");
  });

  it.skipIf(process.getuid?.() === 0)("an unreadable file", async () => {
    const dir = tempDir();
    const locked = join(dir, "locked.yaml");
    writeFileSync(locked, "organization: x\n", { mode: 0o000 });
    const result = await runCli(["audit", locked]);
    assertCleanFailure(result);
    expect(result.stderr).toContain("permission denied");
  });
});

describe("bad rubrics: every problem reported, exit 2", () => {
  it.each(Object.entries(expected.rubrics))("%s", async (name, messages) => {
    const result = await runCli(["rubrics", "validate", `test/fixtures/bad/rubrics/${name}`]);
    assertCleanFailure(result);
    for (const message of messages) expect(result.stdout).toContain(message);
  });

  it("the same files passed with --rubrics stop an audit before it starts", async () => {
    const result = await runCli([
      "audit",
      "examples/bakery.yaml",
      "--rubrics",
      "test/fixtures/bad/rubrics",
    ]);
    assertCleanFailure(result);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("invalid rubrics");
    expect(result.stderr.match(/test\/fixtures\/bad\/rubrics\//g)?.length).toBeGreaterThanOrEqual(
      Object.keys(expected.rubrics).length,
    );
  });
});
