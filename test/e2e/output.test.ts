import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  closeSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
  createReadStream,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, example, runCli, tempDir } from "../helpers.js";

/** Where reports go when something is in the way: one line, exit 2, nothing left behind. */
function assertOneLineFailure(result: { code: number | null; stderr: string }, what: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(what);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack
  expect(result.stderr).not.toContain("internal error");
  expect(result.stderr).not.toContain("Unhandled");
}

const hiddenTemporaries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

/** Many small plans, so a streamed audit runs long enough to be interrupted. */
function manyPlans(dir: string, count: number): string[] {
  const text = readFileSync(example("bakery.yaml"), "utf8");
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `p${String(i).padStart(5, "0")}.yaml`;
    writeFileSync(join(dir, name), text.replace(/^organization: .*$/m, `organization: C${i}`));
    names.push(name);
  }
  return names;
}

describe("writing reports when something is in the way", () => {
  it("a file where the output's folder should be: exit 2, one line", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "existing.json"), "{}");
    const result = await runCli(
      ["audit", example("bakery.yaml"), "--json", "-o", "existing.json/x.json"],
      { cwd: dir },
    );
    assertOneLineFailure(result, /cannot write existing\.json\/x\.json: .*\(ENOTDIR\)/);
    expect(readFileSync(join(dir, "existing.json"), "utf8")).toBe("{}");
  });

  it("a file where a folder on the way should be, for a streamed batch too", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "existing.json"), "{}");
    const result = await runCli(
      [
        "audit",
        example("bakery.yaml"),
        example("bike-shop.yaml"),
        "--format",
        "jsonl",
        "-o",
        "existing.json/sub/x.jsonl",
      ],
      { cwd: dir },
    );
    assertOneLineFailure(result, /cannot write existing\.json\/sub\/x\.jsonl: /);
  });

  it.skipIf(process.getuid?.() === 0)("a read-only folder: exit 2, permission denied", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "readonly"), { mode: 0o555 });
    const result = await runCli(
      ["audit", example("bakery.yaml"), "--json", "-o", "readonly/sub/x.json"],
      { cwd: dir },
    );
    assertOneLineFailure(result, /cannot write readonly\/sub\/x\.json: permission denied/);
  });

  it("stdout on a full disk (> /dev/full): exit 2, 'disk full', no bundle source", () => {
    for (const args of [
      ["audit", example("bakery.yaml"), "--json"],
      ["audit", example("bakery.yaml"), example("bike-shop.yaml"), "--format", "jsonl"],
    ]) {
      const full = openSync("/dev/full", "w");
      try {
        const result = spawnSync(process.execPath, [BIN, ...args], {
          cwd: ROOT,
          stdio: ["ignore", full, "pipe"],
          encoding: "utf8",
          env: { ...process.env, NO_COLOR: "1" },
        });
        assertOneLineFailure(
          { code: result.status, stderr: result.stderr },
          /^social-audit: cannot write the report to stdout: disk full \(ENOSPC\)$/m,
        );
      } finally {
        closeSync(full);
      }
    }
  });

  it("-o a device writes to it and never replaces it, even with --force", async () => {
    const dir = tempDir();
    symlinkSync("/dev/null", join(dir, "null-link"));
    for (const extra of [[], ["--force"]]) {
      const result = await runCli(
        ["audit", example("bakery.yaml"), "--json", "-o", "null-link", ...extra],
        { cwd: dir },
      );
      expect(result.code).toBe(0);
      expect(lstatSync(join(dir, "null-link")).isSymbolicLink()).toBe(true);
      expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
      expect(hiddenTemporaries(dir)).toEqual([]);
    }
    const full = await runCli(["audit", example("bakery.yaml"), "--json", "-o", "/dev/full"]);
    assertOneLineFailure(full, /cannot write \/dev\/full: disk full \(ENOSPC\)/);
    expect(lstatSync("/dev/full").isCharacterDevice()).toBe(true);
  });

  it("-o a FIFO streams into it", async () => {
    const dir = tempDir();
    const fifo = join(dir, "pipe");
    if (spawnSync("mkfifo", [fifo]).status !== 0) return;
    let received = "";
    const reader = new Promise<void>((resolve, reject) => {
      const stream = createReadStream(fifo, "utf8");
      stream.on("data", (chunk) => (received += String(chunk)));
      stream.on("end", resolve);
      stream.on("error", reject);
    });
    const result = await runCli(
      ["audit", example("bakery.yaml"), example("bike-shop.yaml"), "--format", "jsonl", "-o", fifo],
      { cwd: dir },
    );
    await reader;
    expect(result.code).toBe(1); // bike-shop is below its own threshold; the write itself worked
    expect(received.trimEnd().split("\n")).toHaveLength(2);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("-o a folder: exit 2, one line", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "out"));
    const result = await runCli(["audit", example("bakery.yaml"), "--json", "-o", "out"], {
      cwd: dir,
    });
    assertOneLineFailure(result, /cannot write out: it is a folder/);
  });
});

describe("a full disk under -o", () => {
  let mountPoint: string;
  let mounted = false;

  beforeAll(() => {
    mountPoint = tempDir();
    mounted =
      spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint]).status === 0;
  });
  afterAll(() => {
    if (mounted) spawnSync("umount", [mountPoint]);
  });

  it("exits 2 saying 'disk full', removes its temporary file and leaves the target alone", async (context) => {
    if (!mounted) context.skip("mounting a small tmpfs needs root");
    writeFileSync(join(mountPoint, "r.jsonl"), "old\n");
    const dir = tempDir();
    const plans = manyPlans(dir, 60); // ~1 MB of JSON Lines, far over 64 KB
    for (const jobs of ["1", "2"]) {
      const result = await runCli(
        [
          "audit",
          ...plans,
          "--format",
          "jsonl",
          "-o",
          join(mountPoint, "r.jsonl"),
          "--force",
          "--jobs",
          jobs,
        ],
        { cwd: dir },
      );
      assertOneLineFailure(result, /cannot write .*r\.jsonl: disk full \(ENOSPC\)/);
      expect(readFileSync(join(mountPoint, "r.jsonl"), "utf8")).toBe("old\n");
      expect(readdirSync(mountPoint)).toEqual(["r.jsonl"]);
    }
  });
});

describe("interrupting and closing", () => {
  it("Ctrl-C during a streamed -o removes the temporary file and exits 130", async () => {
    const dir = tempDir();
    const plans = manyPlans(dir, 3000);
    const child = spawn(
      process.execPath,
      [BIN, "audit", ...plans, "--format", "jsonl", "-o", "all.jsonl", "--jobs", "1"],
      {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    // Wait until the temporary file exists, i.e. the write is under way.
    while (hiddenTemporaries(dir).length === 0 && child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill("SIGINT");
    expect(await closed).toBe(130);
    expect(stderr).toContain("social-audit: interrupted");
    expect(hiddenTemporaries(dir)).toEqual([]);
    expect(existsSync(join(dir, "all.jsonl"))).toBe(false);
  });

  it("a hang-up (SIGHUP) exits 130 with one line", async () => {
    const child = spawn(process.execPath, [BIN, "audit", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    await new Promise((resolve) => setTimeout(resolve, 3000)); // stdin never ends; a busy machine may take a while to start
    child.kill("SIGHUP");
    expect(await closed).toBe(130);
    expect(stderr.trim()).toBe("social-audit: interrupted: the terminal was closed");
    child.stdin.destroy();
  });

  it("a reader that leaves early (| head) keeps the audit's exit code", () => {
    const args = [
      BIN,
      "audit",
      example("bakery.yaml"),
      example("bakery.yaml"),
      "--format",
      "jsonl",
    ];
    const quoted = args.map((a) => `'${a}'`).join(" ");
    const run = (extra: string) =>
      spawnSync(
        "bash",
        [
          "-c",
          `'${process.execPath}' ${quoted} ${extra} | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`,
        ],
        {
          encoding: "utf8",
          env: { ...process.env, NO_COLOR: "1" },
        },
      );
    const below = run("--fail-under 99");
    expect(below.stdout.trim()).toBe("1");
    expect(below.stderr).not.toContain("EPIPE");
    expect(run("").stdout.trim()).toBe("0");
  });
});

describe("replacing files with -o", () => {
  it.each([
    ["json", "r.json"],
    ["jsonl", "r.jsonl"],
    ["markdown", "r.md"],
    ["html", "r.html"],
    ["junit", "r.xml"],
    ["sarif", "r.sarif"],
  ])("%s: a report of ours is replaced without --force", async (format, name) => {
    const dir = tempDir();
    const args = ["audit", example("bakery.yaml"), "--format", format, "-o", name];
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    const again = await runCli(
      ["audit", example("bike-shop.yaml"), "--format", format, "-o", name],
      { cwd: dir },
    );
    expect(again.stderr).toContain(`social-audit: wrote ${name}\n`);
    expect(readFileSync(join(dir, name), "utf8")).toContain("Spoke");
  });

  it("anything else (a plan, a note) is still refused without --force", async () => {
    const dir = tempDir();
    const plan = readFileSync(example("bakery.yaml"), "utf8");
    writeFileSync(join(dir, "plan.yaml"), plan);
    writeFileSync(join(dir, "notes.md"), "# My notes\n");
    for (const name of ["plan.yaml", "notes.md"]) {
      const result = await runCli(
        ["audit", example("bike-shop.yaml"), "--format", "markdown", "-o", name],
        { cwd: dir },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${name}: already exists; refusing to overwrite it`);
    }
    expect(readFileSync(join(dir, "plan.yaml"), "utf8")).toBe(plan);
    expect(readFileSync(join(dir, "notes.md"), "utf8")).toBe("# My notes\n");
  });

  it("many plans on worker threads write the same file as one thread", async () => {
    const dir = tempDir();
    const plans = manyPlans(dir, 80);
    for (const jobs of ["1", "2"]) {
      const result = await runCli(
        ["audit", ...plans, "--format", "jsonl", "-o", `out-${jobs}.jsonl`, "--jobs", jobs],
        { cwd: dir },
      );
      expect(result.code).toBe(0);
    }
    const one = readFileSync(join(dir, "out-1.jsonl"), "utf8");
    expect(one.trimEnd().split("\n")).toHaveLength(80);
    expect(readFileSync(join(dir, "out-2.jsonl"), "utf8")).toBe(one);
    expect(hiddenTemporaries(dir)).toEqual([]);
  });
});

describe("options take plain values", () => {
  it.each([
    [["--fail-under", "0x32"], "--fail-under takes a score from 0 to 100"],
    [["--fail-under", " 50"], "--fail-under takes a score from 0 to 100"],
    [["--fail-under", "5e1"], "--fail-under takes a score from 0 to 100"],
    [["--min", "presence=0x10"], "--min takes DIMENSION=SCORE"],
    [["--top", ""], "--top takes a whole number"],
    [["--jobs", "0x2"], "--jobs takes a number of threads"],
    [["-o", ""], "--output needs a file name, got an empty one"],
  ])("%j is refused with our wording", async (option, message) => {
    const result = await runCli(["audit", example("bakery.yaml"), ...option]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain("Too small");
  });

  it("plain decimals are accepted", async () => {
    const result = await runCli([
      "audit",
      example("bakery.yaml"),
      "--json",
      "--fail-under",
      "9.5",
      "--min",
      "presence=0.5",
    ]);
    expect(result.code).toBe(0);
  });

  it("init --organization '' says what is wrong in our words", async () => {
    const result = await runCli(["init", "x.yaml", "--organization", ""], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--organization needs a name, got an empty one");
    expect(result.stderr).not.toContain("Too small");
  });
});
