import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { auditPlans, type AuditRequest, type PlanOutcome } from "../../src/audit/index.js";
import { workerCount } from "../../src/audit/jobs.js";
import { auditMerged } from "../../src/audit/merge.js";
import { readPlanText } from "../../src/audit/plan-text.js";
import type { RubricSet } from "../../src/core/rubric.js";
import { UsageError, UserError } from "../../src/errors.js";
import { builtinRubrics, example, tempDir } from "../helpers.js";

/*
 * The audit path in this thread: plans read in order, one bad plan never stopping the
 * others, streamed output, baselines and merges; and the decision of how many threads to
 * use, which the worker threads themselves (tested end to end) never see.
 */

const settings = { toolVersion: "0.0.0", strict: false, thresholds: {} };
const stdin = (text: string, isTTY = false) => Object.assign(Readable.from([text]), { isTTY });

let rubrics: RubricSet;
let dir: string;
beforeAll(async () => {
  rubrics = await builtinRubrics();
  dir = tempDir();
  copyFileSync(example("bakery.yaml"), join(dir, "bakery.yaml"));
  copyFileSync(example("bike-shop.yaml"), join(dir, "bike-shop.yaml"));
  writeFileSync(join(dir, "broken.yaml"), "organization: [\n");
});

const request = (sources: string[], extra: Partial<AuditRequest> = {}): AuditRequest => ({
  sources,
  cwd: dir,
  stdin: stdin(""),
  rubrics,
  rubricSources: {},
  settings,
  jobs: 1,
  ...extra,
});

async function collect(req: AuditRequest) {
  const outcomes: PlanOutcome[] = [];
  let output = "";
  for await (const batch of auditPlans(req)) {
    outcomes.push(...batch.outcomes);
    output += typeof batch.output === "string" ? batch.output : "";
  }
  return { outcomes, output };
}

describe("workerCount", () => {
  const plans = (n: number) => Array.from({ length: n }, (_, i) => `p${i}.yaml`);
  const streamed = { streamed: true, baseline: false };

  it("keeps runs that cannot be split in this thread", () => {
    expect(workerCount(4, plans(5000), { streamed: false, baseline: false }, 8)).toEqual({
      threads: 1,
    });
    expect(workerCount(4, plans(5000), { streamed: true, baseline: true }, 8)).toEqual({
      threads: 1,
    });
    expect(workerCount(4, [...plans(5000), "-"], streamed, 8)).toEqual({ threads: 1 });
  });

  it("auto: threads from 2,000 plans on 2 cores or more, at most 4", () => {
    expect(workerCount("auto", plans(1999), streamed, 2).threads).toBe(1);
    expect(workerCount("auto", plans(2000), streamed, 2).threads).toBe(2);
    expect(workerCount("auto", plans(2000), streamed, 1).threads).toBe(1);
    expect(workerCount("auto", plans(10000), streamed, 3).threads).toBe(3);
    expect(workerCount("auto", plans(10000), streamed, 16).threads).toBe(4);
    expect(workerCount("auto", plans(10000), streamed, 16).note).toBeUndefined();
  });

  it("an explicit count is capped by the cores, saying so, and by the batches there are", () => {
    expect(workerCount(8, plans(5000), streamed, 2)).toEqual({
      threads: 2,
      note: "--jobs 8 is more than the 2 cores here; using 2 threads",
    });
    expect(workerCount(2, plans(5000), streamed, 2)).toEqual({ threads: 2, note: undefined });
    // 20 plans are two batches of 16: a third thread would have nothing to do.
    expect(workerCount(3, plans(20), streamed, 4).threads).toBe(2);
    expect(workerCount(3, plans(33), streamed, 4).threads).toBe(3);
    expect(workerCount(1, plans(5000), streamed, 4).threads).toBe(1);
  });
});

describe("readPlanText", () => {
  it("reads a file from the working folder, or says why it cannot", async () => {
    const read = await readPlanText("bakery.yaml", { cwd: dir, stdin: stdin("") });
    expect(read).toMatchObject({ source: "bakery.yaml", display: "bakery.yaml" });
    expect("text" in read && read.text).toContain("organization:");
    const missing = await readPlanText("nope.yaml", { cwd: dir, stdin: stdin("") });
    expect("error" in missing && missing.error).toBeInstanceOf(UserError);
  });

  it("reads `-` from stdin, shown as <stdin>, unless stdin is a terminal", async () => {
    const piped = await readPlanText("-", { cwd: dir, stdin: stdin("organization: Piped\n") });
    expect(piped).toEqual({ source: "-", display: "<stdin>", text: "organization: Piped\n" });
    const terminal = await readPlanText("-", { cwd: dir, stdin: stdin("", true) });
    expect("error" in terminal && terminal.error).toBeInstanceOf(UsageError);
  });
});

describe("auditPlans", () => {
  it("yields every plan's outcome in order; a broken or missing plan is an outcome too", async () => {
    const { outcomes, output } = await collect(
      request(["bakery.yaml", "broken.yaml", "missing.yaml", "bike-shop.yaml"]),
    );
    expect(outcomes.map((o) => o.source)).toEqual([
      "bakery.yaml",
      "broken.yaml",
      "missing.yaml",
      "bike-shop.yaml",
    ]);
    expect(outcomes.map((o) => ("error" in o ? "error" : "report" in o ? "report" : "?"))).toEqual([
      "report",
      "error",
      "error",
      "report",
    ]);
    const [bakery] = outcomes;
    expect(bakery && "report" in bakery && bakery.report?.organization).toBeTruthy();
    expect(output).toBe("");
  });

  it("streams each report as it is audited, and an invalid plan's record in its place", async () => {
    const { outcomes, output } = await collect(
      request(["bakery.yaml", "broken.yaml"], {
        stream: { format: "jsonl", options: { top: 5, color: false, width: 80 } },
      }),
    );
    const lines = output
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ type: "report" });
    expect(lines[1]).toMatchObject({ type: "error" });
    expect(JSON.stringify(lines[1])).toContain("broken.yaml");
    // Streamed reports are not kept: memory stays flat.
    expect(outcomes[0] && "report" in outcomes[0] && outcomes[0].report).toBeFalsy();
  });

  it("reports the failed gates and warnings of each plan", async () => {
    const { outcomes } = await collect(
      request(["bakery.yaml"], {
        settings: { ...settings, thresholds: { overall: 100 } },
      }),
    );
    const [only] = outcomes;
    expect(only && "failed" in only && only.failed.map((c) => c.scope)).toEqual(["overall"]);
  });

  it("checks a single baseline against any plan, and a batch by organisation", async () => {
    const [first] = (await collect(request(["bakery.yaml"]))).outcomes;
    const baseline = first && "report" in first ? first.report : undefined;
    if (!baseline) throw new Error("expected a report");
    const raised = { ...baseline, overall: { ...baseline.overall, score: 100 } };
    const single = await collect(
      request(["bike-shop.yaml"], { baseline: { name: "base.json", reports: [raised] } }),
    );
    const [checked] = single.outcomes;
    const failed = checked && "failed" in checked ? checked.failed : [];
    expect(failed.find((c) => c.kind === "baseline" && c.scope === "overall")).toMatchObject({
      kind: "baseline",
      min: 100,
    });
    // In a batch, a plan whose organisation has no report there is an error, named.
    const batch = await collect(
      request(["bike-shop.yaml"], {
        baseline: { name: "base.json", reports: [raised, { ...raised, organization: "Other" }] },
      }),
    );
    const [missing] = batch.outcomes;
    expect(missing && "error" in missing && missing.error.message).toMatch(
      /^base\.json: has no report for "/,
    );
  });
});

describe("auditMerged", () => {
  it("refuses plans that name another organisation, naming each at its line", async () => {
    const error = await auditMerged({
      sources: ["bakery.yaml", "bike-shop.yaml"],
      cwd: dir,
      stdin: stdin(""),
      rubrics,
      settings,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const { diagnostics } = error as UserError;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: "bike-shop.yaml", path: "organization" });
    expect(diagnostics[0]?.line).toBeGreaterThan(0);
  });

  it("combines one organisation's plans into one report, stdin named as such", async () => {
    const text = await readPlanText("bakery.yaml", { cwd: dir, stdin: stdin("") });
    if (!("text" in text)) throw new Error("expected text");
    const { report } = await auditMerged({
      sources: ["bakery.yaml", "-"],
      cwd: dir,
      stdin: stdin(text.text),
      rubrics,
      settings,
    });
    expect(report.source.plan).toBe("bakery.yaml");
    expect(report.respondents?.map((r) => r.name)).toEqual(expect.arrayContaining(["stdin"]));
  });
});
