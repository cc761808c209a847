import { describe, expect, it } from "vitest";
import {
  auditPlanText,
  baselineCheck,
  baselineWarning,
  NO_PROFILE_HINT,
  planForGate,
  reportFor,
  type AuditSettings,
} from "../../src/audit/audit-plan.js";
import type { Report } from "../../src/core/report-schema.js";
import { UserError, type Diagnostic } from "../../src/errors.js";
import { choice, plan, rubric, rubricSet } from "./builders.js";

/*
 * One plan's text to its report (audit-plan.ts), on a hand-made rubric whose scores can be
 * worked out by hand: which settings reach the plan's validation, when the caller hears of
 * warnings, which thresholds gate, when answers are checked for age, and which baseline a
 * report is held to.
 */

// Two questions of weight 1: "all" and "some" make 75, "all" twice 100.
const rubrics = rubricSet(
  rubric("d", [choice("q1", 1), { ...choice("q2", 1), aliases: ["old-q2"] }]),
);
const base: AuditSettings = { toolVersion: "9.9.9", strict: false, thresholds: {} };

const PROFILE = "profile: { size: micro }\n";
const yamlPlan = (answers: string, head = "") =>
  `organization: Acme\n${head}answers:\n  d:\n${answers}`;
const HALF = yamlPlan("    q1: all\n    q2: some\n", PROFILE);
const file = (text: string, source = "plans/acme.yaml") => ({ source, display: source, text });

/** Runs auditPlanText, returning the report or the UserError, and what `warn` was told. */
function audit(
  text: string,
  settings: Partial<AuditSettings> = {},
  options: { source?: string; listen?: boolean } = {},
) {
  const heard: Diagnostic[][] = [];
  const warn = options.listen === false ? undefined : (w: Diagnostic[]) => heard.push(w);
  try {
    const report = auditPlanText(
      file(text, options.source),
      rubrics,
      { ...base, ...settings },
      undefined,
      warn,
    );
    return { report, heard };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { error, heard };
  }
}

describe("auditPlanText: the run's settings reach the plan's validation", () => {
  const partial = yamlPlan("    q1: all\n", PROFILE);

  it("--strict makes an unanswered scored question an error, at its path", () => {
    expect(audit(partial).report?.overall.score).toBe(50);
    const { error } = audit(partial, { strict: true });
    expect(error?.message).toBe("plans/acme.yaml: invalid plan");
    expect(error?.diagnostics.map((d) => d.path)).toEqual(["answers.d.q2"]);
  });

  // The plan's own date is only checked against today when --max-age reads it.
  const future = yamlPlan("    q1: all\n", `date: 2026-12-01\n${PROFILE}`);
  it.each([
    { maxAgeDays: 30, refused: true },
    { maxAgeDays: 0, refused: true },
    { maxAgeDays: undefined, refused: false },
  ])("a plan dated after today, --max-age $maxAgeDays: refused $refused", (c) => {
    const { error } = audit(future, { today: "2026-11-27", maxAgeDays: c.maxAgeDays });
    expect(error !== undefined).toBe(c.refused);
    if (c.refused)
      expect(error?.diagnostics.map((d) => [d.path, d.message])).toEqual([
        ["date", "is in the future (today is 2026-11-27); give the day the answers were collected"],
      ]);
  });

  it("an answer's asOf after today is refused whether or not --max-age is given", () => {
    const ahead = yamlPlan("    q1: { answer: all, asOf: 2026-12-01 }\n", PROFILE);
    expect(audit(ahead, { today: "2026-11-27" }).error?.diagnostics[0]?.path).toBe(
      "answers.d.q1.asOf",
    );
  });
});

describe("auditPlanText: what the caller is warned of", () => {
  const renamed = (head: string) => yamlPlan("    q1: all\n    old-q2: some\n", head);
  const deprecation = {
    severity: "warning",
    path: "answers.d.old-q2",
    message: 'deprecated question id "old-q2": now "q2"; rename it in the plan',
  };

  it("a plan with a profile and nothing deprecated: warn is not called at all", () => {
    const { report, heard } = audit(HALF);
    expect(report?.overall.score).toBe(75);
    expect(heard).toEqual([]);
  });

  it("a plan without a profile: the hint alone, once", () => {
    expect(audit(yamlPlan("    q1: all\n")).heard).toEqual([[NO_PROFILE_HINT]]);
  });

  it("deprecations come first, then the missing profile's hint, in one call", () => {
    const { report, heard } = audit(renamed(""));
    expect(report?.overall.score).toBe(75);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toHaveLength(2);
    expect(heard[0]?.[0]).toMatchObject(deprecation);
    expect(heard[0]?.[1]).toBe(NO_PROFILE_HINT);
  });

  it("with a profile, only the deprecations", () => {
    const { heard } = audit(renamed(PROFILE));
    expect(heard).toHaveLength(1);
    expect(heard[0]).toHaveLength(1);
    expect(heard[0]?.[0]).toMatchObject(deprecation);
  });

  it("without a listener, warnings are dropped and the plan is still audited", () => {
    const { report } = audit(renamed(""), {}, { listen: false });
    expect(report?.overall.score).toBe(75);
  });

  it("the hint names the profile's fields", () => {
    expect(NO_PROFILE_HINT.severity).toBe("warning");
    expect(NO_PROFILE_HINT.message).toContain("profile: { size, sector, regulated, audience }");
  });
});

describe("auditPlanText: the report's source and extra checks", () => {
  it("a file is named as given; stdin (`-`) has no file", () => {
    expect(audit(HALF).report?.source.plan).toBe("plans/acme.yaml");
    expect(audit(HALF, {}, { source: "-" }).report?.source.plan).toBeNull();
  });

  it("extra checks (a baseline's) join the report's gates", () => {
    const check = {
      scope: "overall" as const,
      kind: "baseline" as const,
      min: 80,
      actual: 75,
      passed: false,
      source: "baseline" as const,
    };
    const report = auditPlanText(file(HALF), rubrics, base, () => [check]);
    expect(report.thresholds.checks).toEqual([check]);
    expect(report.thresholds.passed).toBe(false);
  });

  it("problems in a plan's answers are located at their line", () => {
    const bad = yamlPlan("    q1: all\n    q2: lots\n", PROFILE);
    const diagnostic = audit(bad).error?.diagnostics[0];
    expect(diagnostic).toMatchObject({ path: "answers.d.q2", line: 6 });
  });
});

describe("reportFor: the plan's own thresholds", () => {
  const gated = plan({ d: { q1: "all", q2: "some" } }, { thresholds: { overall: 80 } });
  const gates = (planThresholds: boolean | undefined) =>
    reportFor(gated, rubrics, { ...base, planThresholds }, {}).thresholds.checks;

  it.each([undefined, true])("apply unless switched off (planThresholds %s)", (setting) => {
    expect(gates(setting)).toEqual([
      { scope: "overall", kind: "minimum", min: 80, actual: 75, passed: false, source: "plan" },
    ]);
  });

  it("--no-plan-thresholds leaves them out", () => {
    expect(gates(false)).toEqual([]);
  });

  it("planForGate drops only the thresholds, keeping the rest of the plan", () => {
    const { answers, ...rest } = gated;
    const { answers: kept, ...without } = planForGate(gated, false);
    expect(kept).toBe(answers);
    expect(without).toEqual({ ...rest, thresholds: undefined });
    expect(planForGate(gated, true)).toBe(gated);
  });
});

describe("reportFor: --max-age lists stale answers only with a day to measure from", () => {
  const dated = plan({ d: { q1: "all", q2: "some" } }, { date: "2026-01-01" });
  const stale = (settings: Partial<AuditSettings>) =>
    reportFor(dated, rubrics, { ...base, ...settings }, {}).stale;

  it("both --max-age and today: every answer older than the limit", () => {
    expect(stale({ maxAgeDays: 30, today: "2026-11-27" })).toEqual([
      { dimension: "d", question: "q1", asOf: "2026-01-01", ageDays: 330, from: "plan" },
      { dimension: "d", question: "q2", asOf: "2026-01-01", ageDays: 330, from: "plan" },
    ]);
    expect(stale({ maxAgeDays: 330, today: "2026-11-27" })).toEqual([]);
  });

  it.each([
    { maxAgeDays: 30, today: undefined },
    { maxAgeDays: undefined, today: "2026-11-27" },
    { maxAgeDays: undefined, today: undefined },
  ])("without one of them ($maxAgeDays, $today): no staleness at all", (settings) => {
    expect(stale(settings)).toBeUndefined();
  });
});

describe("baselineCheck", () => {
  const reportOf = (organization: string, q1: string): Report =>
    reportFor(plan({ d: { q1, q2: "all" } }, { organization }), rubrics, base, {});
  const acme = reportOf("Acme", "all"); // 100
  const other = reportOf("Other", "none"); // 50
  const overallMin = (baselines: Report[], current: Report) =>
    baselineCheck(baselines, "base.json")(current).find((c) => c.scope === "overall")?.min;

  it("one baseline applies to any plan, whatever its organisation", () => {
    expect(overallMin([other], acme)).toBe(50);
    expect(overallMin([acme], other)).toBe(100);
  });

  it("in a batch, each plan is held to its own organisation's report", () => {
    expect(overallMin([other, acme], acme)).toBe(100);
    expect(overallMin([acme, other], other)).toBe(50);
  });

  it("one baseline of another organisation is said, once per plan; the same one, or a batch, is not", () => {
    expect(baselineWarning([other], "base.json", "Acme")).toEqual({
      file: "base.json",
      severity: "warning",
      message:
        'is a report of "Other", compared with "Acme"; check it is the baseline you meant (a renamed organisation is fine)',
    });
    expect(baselineWarning([acme], "base.json", "Acme")).toBeUndefined();
    expect(baselineWarning([acme, other], "base.json", "Stranger")).toBeUndefined();
    expect(baselineWarning([], "base.json", "Acme")).toBeUndefined();
  });

  it("a plan whose organisation the batch lacks is an error naming the file", () => {
    const stranger = reportOf("Stranger", "all");
    expect(() => overallMin([acme, other], stranger)).toThrow(
      new UserError('base.json: has no report for "Stranger"'),
    );
  });
});
