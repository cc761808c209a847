import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { auditPlans, type AuditRequest, type PlanOutcome } from "../../src/audit/index.js";
import { NO_PROFILE_HINT } from "../../src/audit/audit-plan.js";
import type { Report } from "../../src/core/report-schema.js";
import { jsonRenderer } from "../../src/render/json.js";
import { tempDir } from "../helpers.js";
import { choice, rubric, rubricSet } from "./builders.js";

/*
 * auditPlans in this thread (index.ts), on a hand-made rubric: when the thread count is
 * worth a note, what each outcome carries (failed gates only, warnings, stale answers), how
 * a streamed format renders, and that only a plan's own problems become its outcome.
 */

// Two questions of weight 1: "all" and "some" make 75.
const rubrics = rubricSet(rubric("d", [choice("q1", 1), choice("q2", 1)]));
const settings = { toolVersion: "9.9.9", strict: false, thresholds: {} };
const options = { top: 5, color: false, width: 80 };
const stdin = () => Object.assign(Readable.from([""]), { isTTY: false });

let dir: string;
beforeAll(() => {
  dir = tempDir();
  const answers = "answers:\n  d:\n    q1: all\n    q2: some\n";
  writeFileSync(
    join(dir, "acme.yaml"),
    `organization: Acme\ndate: 2026-01-01\nprofile: { size: micro }\n${answers}`,
  );
  writeFileSync(join(dir, "bare.yaml"), `organization: Bare\n${answers}`);
  writeFileSync(join(dir, "broken.yaml"), "organization: Broken\nanswers:\n  d:\n    q1: lots\n");
});

const request = (sources: string[], extra: Partial<AuditRequest> = {}): AuditRequest => ({
  sources,
  cwd: dir,
  stdin: stdin(),
  rubrics,
  rubricSources: {},
  settings,
  jobs: 1,
  ...extra,
});

async function collect(req: AuditRequest) {
  const outcomes: PlanOutcome[] = [];
  const outputs: string[] = [];
  for await (const batch of auditPlans(req)) {
    outcomes.push(...batch.outcomes);
    outputs.push(typeof batch.output === "string" ? batch.output : "(bytes)");
  }
  return { outcomes, outputs };
}

const reportOf = (outcome: PlanOutcome | undefined): Report => {
  if (!outcome || !("report" in outcome) || !outcome.report) throw new Error("no report");
  return outcome.report;
};

describe("auditPlans: a note when the thread count asked for was lowered", () => {
  const jsonl = { format: "jsonl" as const, options };
  const TOO_MANY = 100_000;
  const notesFor = async (extra: Partial<AuditRequest>) => {
    const notes: string[] = [];
    await collect(request(["acme.yaml"], { jobs: TOO_MANY, note: (n) => notes.push(n), ...extra }));
    return notes;
  };

  it("a streamed run asking for more threads than cores is told how many it gets", async () => {
    expect(await notesFor({ stream: jsonl })).toEqual([
      expect.stringMatching(/^--jobs 100000 is more than the \d+ cores here; using \d+ threads$/),
    ]);
  });

  it.each([
    ["not streamed", {}],
    ["streamed with a baseline", { stream: jsonl, baseline: { name: "b.json", reports: [] } }],
    ["streamed, one thread asked for", { stream: jsonl, jobs: 1 }],
  ])("%s: runs in this thread, nothing to say", async (_, extra: Partial<AuditRequest>) => {
    expect(await notesFor(extra)).toEqual([]);
  });

  it("without a listener, the note is dropped and the run goes on", async () => {
    const { outcomes } = await collect(request(["acme.yaml"], { jobs: TOO_MANY, stream: jsonl }));
    expect(outcomes.map((o) => o.source)).toEqual(["acme.yaml"]);
  });
});

describe("auditPlans: each outcome", () => {
  it("lists only the gates that failed", async () => {
    const gated = { ...settings, thresholds: { overall: 75, dimensions: { d: 76 } } };
    const [outcome] = (await collect(request(["acme.yaml"], { settings: gated }))).outcomes;
    expect(outcome && "failed" in outcome && outcome.failed).toEqual([
      {
        scope: "dimension",
        dimension: "d",
        kind: "minimum",
        min: 76,
        actual: 75,
        passed: false,
        source: "cli",
      },
    ]);
    expect(reportOf(outcome).thresholds.checks).toHaveLength(2);
  });

  it("carries the plan's warnings: the missing profile's hint, or none", async () => {
    const { outcomes } = await collect(request(["bare.yaml", "acme.yaml"]));
    const [bare, acme] = outcomes;
    expect(bare && "warnings" in bare && bare.warnings).toEqual([NO_PROFILE_HINT]);
    expect(acme && "failed" in acme && acme.warnings).toBeUndefined();
  });

  it("adds a warning when a single baseline is another organisation's, after the plan's own", async () => {
    const acme = reportOf((await collect(request(["acme.yaml"]))).outcomes[0]);
    const baseline = { name: "b.json", reports: [acme] };
    const { outcomes } = await collect(request(["bare.yaml", "acme.yaml"], { baseline }));
    const [bare, same] = outcomes;
    expect(bare && "warnings" in bare && bare.warnings).toEqual([
      NO_PROFILE_HINT,
      {
        file: "b.json",
        severity: "warning",
        message:
          'is a report of "Acme", compared with "Bare"; check it is the baseline you meant (a renamed organisation is fine)',
      },
    ]);
    expect(same && "warnings" in same && same.warnings).toBeUndefined();
    // A plan with no warnings of its own gets the mismatch alone.
    const bareReport = reportOf((await collect(request(["bare.yaml"]))).outcomes[0]);
    const [other] = (
      await collect(request(["acme.yaml"], { baseline: { name: "b.json", reports: [bareReport] } }))
    ).outcomes;
    expect(other && "warnings" in other && other.warnings).toEqual([
      expect.objectContaining({ file: "b.json", severity: "warning" }),
    ]);
  });

  it("counts stale answers: 0 without --max-age, each old answer with it", async () => {
    const fresh = (await collect(request(["acme.yaml"]))).outcomes[0];
    expect(fresh && "stale" in fresh && fresh.stale).toBe(0);
    const aged = { ...settings, maxAgeDays: 30, today: "2026-11-27" };
    const old = (await collect(request(["acme.yaml"], { settings: aged }))).outcomes[0];
    expect(old && "stale" in old && old.stale).toBe(2);
  });
});

describe("auditPlans: streamed", () => {
  it("an audited plan's outcome keeps its gates, warnings and staleness, not its report", async () => {
    const aged = {
      ...settings,
      thresholds: { overall: 80 },
      maxAgeDays: 30,
      today: "2026-11-27",
    };
    const { outcomes, outputs } = await collect(
      request(["acme.yaml", "bare.yaml"], {
        settings: aged,
        stream: { format: "jsonl", options },
      }),
    );
    const gate = {
      scope: "overall",
      kind: "minimum",
      min: 80,
      actual: 75,
      passed: false,
      source: "cli",
    };
    expect(outcomes).toEqual([
      { source: "acme.yaml", failed: [gate], warnings: undefined, stale: 2 },
      { source: "bare.yaml", failed: [gate], warnings: [NO_PROFILE_HINT], stale: 0 },
    ]);
    expect(outputs.map((o) => (JSON.parse(o) as { organization: string }).organization)).toEqual([
      "Acme",
      "Bare",
    ]);
  });

  it("a format without a streaming form writes each report as its report renderer does", async () => {
    const streamed = await collect(request(["acme.yaml"], { stream: { format: "json", options } }));
    const kept = await collect(request(["acme.yaml"]));
    const report = reportOf(kept.outcomes[0]);
    expect(streamed.outputs).toEqual([jsonRenderer.report(report, options)]);
    expect(streamed.outcomes[0]).not.toHaveProperty("report");
  });

  it("a format without an error record writes nothing for an invalid plan", async () => {
    const { outcomes, outputs } = await collect(
      request(["broken.yaml"], { stream: { format: "json", options } }),
    );
    expect(outputs).toEqual([""]);
    expect(outcomes[0] && "error" in outcomes[0] && outcomes[0].error.message).toBe(
      "broken.yaml: invalid plan",
    );
  });

  it("an invalid plan's record is written in its place, naming it", async () => {
    const { outputs } = await collect(
      request(["acme.yaml", "broken.yaml", "missing.yaml"], {
        stream: { format: "jsonl", options },
      }),
    );
    const records = outputs.map((o) => JSON.parse(o) as { type: string; file?: string });
    expect(records.map((r) => [r.type, r.file])).toEqual([
      ["report", undefined],
      ["error", "broken.yaml"],
      ["error", "missing.yaml"],
    ]);
  });
});

describe("auditPlans: what is not the plan's fault is not its outcome", () => {
  it("a malformed baseline (a bug, not a UserError) stops the run", async () => {
    const malformed = { organization: "Acme" } as unknown as Report;
    await expect(
      collect(request(["acme.yaml"], { baseline: { name: "b.json", reports: [malformed] } })),
    ).rejects.toThrow(TypeError);
  });
});
