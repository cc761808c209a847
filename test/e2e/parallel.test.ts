import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlanOutcome } from "../../src/audit/index.js";
import { workerCount } from "../../src/audit/jobs.js";
import { auditInWorkers } from "../../src/audit/workers.js";
import { example, fixture, runCli, tempDir } from "../helpers.js";

/**
 * Many plans written as a stream are audited on worker threads. Whatever the thread count,
 * the output, the messages and the exit code must be exactly those of one thread.
 */
describe("auditing many plans on worker threads", () => {
  let dir: string;
  let plans: string[];

  beforeAll(() => {
    dir = tempDir();
    const examples = readdirSync(join(example(""))).filter((f) => f.endsWith(".yaml"));
    const bad = readdirSync(fixture("bad", "plans"));
    plans = [];
    for (let i = 0; i < 150; i++) {
      // Mostly valid plans with a different organisation each, and a bad one now and then.
      const name = `plan-${String(i).padStart(3, "0")}.yaml`;
      if (i % 37 === 5)
        copyFileSync(fixture("bad", "plans", bad[i % bad.length] as string), join(dir, name));
      else {
        const text = readFileSync(example(examples[i % examples.length] as string), "utf8");
        writeFileSync(
          join(dir, name),
          text.replace(/^organization: .*$/m, `organization: Client ${i}`),
        );
      }
      plans.push(name);
    }
  });

  it.each(["jsonl", "github"])(
    // --jobs 2, not more: a count above the cores is lowered with a note on stderr.
    "%s: --jobs 2 prints what --jobs 1 prints, in the same order",
    async (format) => {
      const one = await runCli(["audit", ...plans, "--format", format, "--jobs", "1"], {
        cwd: dir,
      });
      const three = await runCli(["audit", ...plans, "--format", format, "--jobs", "2"], {
        cwd: dir,
      });
      expect(one.code).toBe(2); // the bad plans fail the run, after every good one is reported
      expect(three.code).toBe(one.code);
      expect(three.stdout).toBe(one.stdout);
      expect(three.stderr).toBe(one.stderr);
      expect(one.stdout.length).toBeGreaterThan(0);
    },
  );

  it("streams results in plan order from several threads", async () => {
    const setup = {
      cwd: dir,
      rubrics: {},
      settings: { toolVersion: "test", strict: false, thresholds: { overall: 50, dimensions: {} } },
      format: "jsonl" as const,
      renderOptions: { color: false, top: 5, width: 80 },
    };
    const outcomes: PlanOutcome[] = [];
    let output = "";
    for await (const batch of auditInWorkers(plans, 3, setup)) {
      outcomes.push(...batch.outcomes);
      output += new TextDecoder().decode(batch.output);
    }
    expect(outcomes.map((o) => o.source)).toEqual(plans);
    const lines = output
      .trimEnd()
      .split("\n")
      .map(
        (line) =>
          JSON.parse(line) as
            | { type: "report"; source: { plan: string }; organization: string }
            | { type: "error"; file: string },
      );
    // Every plan in plan order: each audited plan's report from its own file, each invalid
    // plan's error record in its place.
    expect(lines.map((l) => (l.type === "report" ? l.source.plan : l.file))).toEqual(plans);
    expect(lines.filter((l) => l.type === "error").map((l) => l.file)).toEqual(
      outcomes.filter((o) => "error" in o).map((o) => o.source),
    );
    const reports = lines.filter((l) => l.type === "report");
    for (const report of reports)
      expect(report.organization).toBe(`Client ${Number(/\d+/.exec(report.source.plan)?.[0])}`);
    expect(outcomes.filter((o) => "error" in o).map((o) => o.source)).toEqual(
      plans.filter((_, i) => i % 37 === 5),
    );
    // Thresholds travel to the workers: a plan below 50 carries its failed check.
    expect(
      outcomes.some(
        (o) => "failed" in o && o.failed.some((c) => c.scope === "overall" && c.min === 50),
      ),
    ).toBe(true);
  });

  it("refuses a huge hostile plan in a worker as it does in one thread", async () => {
    // Just under the 1 MiB limit, and in flow style, so it is read by `yaml`, the hungriest path.
    const huge = `organization: x\nanswers: {planning: {audience-first: [${Array.from({ length: 90_000 }, (_, i) => `{a: ${i}}`).join(",")}]}}\n`;
    expect(huge.length).toBeLessThan(1024 * 1024);
    writeFileSync(join(dir, "plan-005.yaml"), huge);
    try {
      const one = await runCli(
        ["audit", ...plans.slice(0, 40), "--format", "jsonl", "--jobs", "1"],
        { cwd: dir },
      );
      const two = await runCli(
        ["audit", ...plans.slice(0, 40), "--format", "jsonl", "--jobs", "2"],
        { cwd: dir },
      );
      expect(one.stderr).toContain("plan-005.yaml: invalid plan");
      expect(two.code).toBe(one.code);
      expect(two.stderr).toBe(one.stderr);
      expect(two.stdout).toBe(one.stdout);
    } finally {
      copyFileSync(
        fixture("bad", "plans", readdirSync(fixture("bad", "plans"))[5] as string),
        join(dir, "plan-005.yaml"),
      );
    }
    // `yaml` takes seconds over this plan on a busy shared machine, and it is read twice.
  }, 120_000);

  it("fails instead of waiting when a worker cannot start", async () => {
    const setup = {
      cwd: dir,
      rubrics: { paths: [join(dir, "no-such-rubrics")] },
      settings: { toolVersion: "test", strict: false, thresholds: { dimensions: {} } },
      format: "jsonl" as const,
      renderOptions: { color: false, top: 5, width: 80 },
    };
    const drain = async () => {
      for await (const batch of auditInWorkers(plans, 2, setup)) expect(batch).toBeUndefined();
    };
    await expect(drain()).rejects.toThrow(/no-such-rubrics/);
  });

  it("stays in one thread for a baseline, stdin, --jobs 1 or a small batch", () => {
    const many = Array.from({ length: 1000 }, (_, i) => `p${i}.yaml`);
    const streamed = { streamed: true, baseline: false };
    const threads = (...args: Parameters<typeof workerCount>) => workerCount(...args).threads;
    expect(threads(4, many, streamed, 8)).toBe(4);
    expect(threads(4, many, { streamed: true, baseline: true }, 8)).toBe(1);
    expect(threads(4, [...many, "-"], streamed, 8)).toBe(1);
    expect(threads(1, many, streamed, 8)).toBe(1);
    expect(threads("auto", many.slice(0, 20), streamed, 8)).toBe(1);
    expect(threads(8, many.slice(0, 20), streamed, 8)).toBe(2); // no more threads than batches
    expect(threads(4, many, { streamed: false, baseline: false }, 8)).toBe(1); // table, json: one thread
  });

  it("--jobs auto uses threads only with the cores where the bench shows they win", () => {
    const many = Array.from({ length: 5000 }, (_, i) => `p${i}.yaml`);
    const streamed = { streamed: true, baseline: false };
    expect(workerCount("auto", many, streamed, 1).threads).toBe(1);
    expect(workerCount("auto", many, streamed, 2).threads).toBe(2);
    expect(workerCount("auto", many, streamed, 3).threads).toBe(3);
    expect(workerCount("auto", many, streamed, 16).threads).toBe(4);
    expect(workerCount("auto", many.slice(0, 1999), streamed, 16).threads).toBe(1);
  });

  it("caps --jobs at the number of cores and says so", async () => {
    expect(
      workerCount(
        1000,
        Array.from({ length: 1000 }, String),
        { streamed: true, baseline: false },
        2,
      ),
    ).toEqual({
      threads: 2,
      note: "--jobs 1000 is more than the 2 cores here; using 2 threads",
    });
    const result = await runCli(
      ["audit", ...plans.slice(0, 40), "--format", "jsonl", "--jobs", "1000"],
      { cwd: dir },
    );
    expect(result.stderr).toMatch(/--jobs 1000 is more than the \d+ cores here; using \d+ threads/);
    expect(result.stdout.trimEnd().split("\n").length).toBeGreaterThan(30);
  });

  it("refuses a --jobs that is not a thread count", async () => {
    const result = await runCli(["audit", "examples/bakery.yaml", "--jobs", "0"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--jobs takes a number of threads (1 or more) or "auto", got "0"',
    );
  });
});
