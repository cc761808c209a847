import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bestWithoutEvidence,
  daysBetween,
  parseMaxAge,
  staleAnswers,
  unsupportedClaims,
} from "../../src/core/evidence.js";
import type { Answer, Question } from "../../src/core/kinds/index.js";
import { mergePlans, otherOrganizations, type RespondentPlan } from "../../src/core/merge.js";
import { validatePlan } from "../../src/core/plan.js";
import { type Plan } from "../../src/core/plan-file.js";
import { buildReport } from "../../src/core/report.js";
import type { RubricSet } from "../../src/core/rubric.js";
import { parsePlan } from "../../src/io/load-plan.js";
import { builtinRubrics } from "../helpers.js";

function plan(answers: Record<string, Record<string, unknown>>, extra: object = {}): Plan {
  return planIn(rubricsSync(), answers, extra);
}
const loaded = await builtinRubrics();
const rubricsSync = () => loaded;
function planIn(
  rubrics: RubricSet,
  answers: Record<string, Record<string, unknown>>,
  extra: object = {},
): Plan {
  const result = validatePlan({ organization: "Acme", ...extra, answers }, rubrics, {
    today: "2026-11-26",
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}
const question = (rubrics: RubricSet, d: string, q: string): Question => {
  const found = rubrics.dimensions
    .find((x) => x.rubric.id === d)
    ?.rubric.questions.find((x) => x.id === q);
  if (!found) throw new Error(`${d}.${q}`);
  return found;
};

describe("answers with evidence, date and author", () => {
  it("splits { answer, evidence, asOf, by } so the kinds see the plain value", () => {
    const p = plan({
      commitment: {
        "written-plan": { answer: true, evidence: "plan.pdf", asOf: "2026-05-01", by: "Ana" },
        "weekly-hours": 6,
      },
    });
    expect(p.answers.get("commitment")?.get("written-plan")).toBe(true);
    expect(p.answers.get("commitment")?.get("weekly-hours")).toBe(6);
    expect(p.meta?.get("commitment")?.get("written-plan")).toEqual({
      evidence: "plan.pdf",
      asOf: "2026-05-01",
      by: "Ana",
    });
    const report = buildReport({ rubrics: loaded, plan: p, toolVersion: "t" });
    const q = report.dimensions
      .find((d) => d.id === "commitment")
      ?.questions.find((x) => x.id === "written-plan");
    expect(q?.evidence).toEqual({ evidence: "plan.pdf", asOf: "2026-05-01", by: "Ana" });
    expect(q?.score).toBe(1);
  });

  it("accepts n/a inside the object where the rubric allows it", async () => {
    const rubrics = await builtinRubrics();
    const p = planIn(rubrics, {
      commitment: { "work-reassigned": { answer: "n/a", by: "Ana" } },
    });
    expect(p.answers.get("commitment")?.get("work-reassigned")).toBe("n/a");
  });

  it("reports a future asOf, a malformed one, a missing answer and an unknown field", async () => {
    const rubrics = await builtinRubrics();
    const result = validatePlan(
      {
        organization: "Acme",
        answers: {
          commitment: {
            "written-plan": { answer: true, asOf: "2026-11-27" },
            "account-access": { answer: "two-admins", asOf: "2026-13-01", evidnce: "x" },
            training: { evidence: "x" },
          },
        },
      },
      rubrics,
      { today: "2026-11-26" },
    );
    expect(result.ok).toBe(false);
    const problems = result.ok
      ? []
      : result.problems.map((p) => `${p.path.join(".")}: ${p.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/^answers\.commitment\.written-plan\.asOf: is in the future/),
      expect.stringMatching(/^answers\.commitment\.account-access\.asOf: must be a date/),
      expect.stringMatching(
        /^answers\.commitment\.account-access\.evidnce: unknown field.*evidence/,
      ),
      expect.stringMatching(/^answers\.commitment\.training\.answer: /),
    ]);
  });

  it("checks the plan's own date against today only when asked (freshness reads it)", async () => {
    const rubrics = await builtinRubrics();
    const data = { organization: "Acme", date: "2027-01-01", answers: {} };
    expect(validatePlan(data, rubrics, { today: "2026-11-26" }).ok).toBe(true);
    const checked = validatePlan(data, rubrics, { today: "2026-11-26", checkPlanDate: true });
    expect(checked.ok ? [] : checked.problems.map((p) => p.path.join("."))).toEqual(["date"]);
  });
});

describe("evidence for high claims", () => {
  it("lists claims the rubric marks, unless evidence is given", async () => {
    const rubrics = await builtinRubrics();
    const claims = plan({
      planning: { "crisis-plan": "rehearsed" },
      presence: { "response-time": 1 },
      commitment: {
        "written-plan": true,
        "account-access": { answer: "handover-ready", evidence: "password manager audit" },
      },
    });
    expect(unsupportedClaims(rubrics, claims).map((u) => `${u.dimension}.${u.question}`)).toEqual([
      "planning.crisis-plan",
      "presence.response-time",
      "commitment.written-plan",
    ]);
    const modest = plan({
      planning: { "crisis-plan": "written" },
      presence: { "response-time": 5 },
      commitment: { "written-plan": false },
    });
    expect(unsupportedClaims(rubrics, modest)).toEqual([]);
  });

  it("the best answer needing no evidence is the highest unmarked choice, band or boolean", async () => {
    const rubrics = await builtinRubrics();
    expect(bestWithoutEvidence(question(rubrics, "planning", "crisis-plan"), "rehearsed")).toEqual({
      value: "written",
      text: "A written crisis plan exists",
    });
    expect(bestWithoutEvidence(question(rubrics, "commitment", "written-plan"), true)?.value).toBe(
      false,
    );
    expect(bestWithoutEvidence(question(rubrics, "presence", "response-time"), 1)?.value).toBe(2);
  });

  it("--require-evidence never raises a score and says what each claim was scored as", async () => {
    const rubrics = await builtinRubrics();
    const p = plan({
      planning: { "crisis-plan": "rehearsed" },
      commitment: { "written-plan": true, "account-access": "handover-ready" },
    });
    const plain = buildReport({ rubrics, plan: p, toolVersion: "t" });
    const required = buildReport({ rubrics, plan: p, toolVersion: "t", requireEvidence: true });
    expect(required.overall.score).toBeLessThan(plain.overall.score);
    expect(plain.unsupported?.every((u) => u.scoredAs === undefined)).toBe(true);
    expect(required.unsupported?.map((u) => [u.question, u.scoredAs?.value])).toEqual([
      ["crisis-plan", "written"],
      ["written-plan", false],
      ["account-access", "two-admins"],
    ]);
  });
});

describe("freshness", () => {
  it("parses durations in days, weeks, months of 30 days and years of 365", () => {
    expect(parseMaxAge("180d")).toBe(180);
    expect(parseMaxAge("12m")).toBe(360);
    expect(parseMaxAge("2w")).toBe(14);
    expect(parseMaxAge("1y")).toBe(365);
    for (const bad of ["", "0d", "12", "d", "1.5m", "-3d", "12 months"])
      expect(parseMaxAge(bad)).toBeUndefined();
  });

  it("counts whole days across month ends and leap days", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-11-26", "2026-11-26")).toBe(0);
  });

  it("an answer's asOf wins over the plan's date; answers with neither are not judged", async () => {
    const rubrics = await builtinRubrics();
    const p = plan(
      {
        commitment: {
          "written-plan": { answer: true, asOf: "2026-01-01" },
          "weekly-hours": { answer: 4, asOf: "2026-11-01" },
          training: "one-off",
        },
      },
      { date: "2026-06-01" },
    );
    expect(staleAnswers(rubrics, p, 150, "2026-11-26")).toEqual([
      {
        dimension: "commitment",
        question: "written-plan",
        asOf: "2026-01-01",
        ageDays: 329,
        from: "answer",
      },
      {
        dimension: "commitment",
        question: "training",
        asOf: "2026-06-01",
        ageDays: 178,
        from: "plan",
      },
    ]);
    // Exactly at the limit is still fresh.
    expect(staleAnswers(rubrics, p, 178, "2026-11-26").map((s) => s.question)).toEqual([
      "written-plan",
    ]);
    const undated = plan({ commitment: { training: "one-off" } });
    expect(staleAnswers(rubrics, undated, 1, "2026-11-26")).toEqual([]);
  });
});

describe("merging respondents", () => {
  const respondent = (p: Plan, name: string): RespondentPlan => ({
    plan: p,
    source: `${name}.yaml`,
    fallbackName: name,
  });

  it("takes the median score, the lower middle on an even count, and flags spreads of 0.5", async () => {
    const rubrics = await builtinRubrics();
    const a = plan({ commitment: { "account-access": "shared-password", training: "none" } });
    const b = plan({ commitment: { "account-access": "two-admins", training: "none" } });
    const c = plan({ commitment: { "account-access": "handover-ready" } });
    const three = mergePlans(rubrics, [respondent(a, "a"), respondent(b, "b"), respondent(c, "c")]);
    expect(three.plan.answers.get("commitment")?.get("account-access")).toBe("two-admins");
    expect(three.disagreements.map((d) => [d.question, d.spread])).toEqual([["account-access", 1]]);
    const two = mergePlans(rubrics, [respondent(c, "c"), respondent(b, "b")]);
    expect(two.plan.answers.get("commitment")?.get("account-access")).toBe("two-admins");
    expect(two.disagreements).toEqual([]);
    // training: a and b agree, c did not answer; account-access: nobody agrees.
    expect(three.confidence.commitment).toBeGreaterThan(0);
    const answered = [...(three.answers.get("commitment")?.get("account-access") ?? [])];
    expect(answered.map((r) => [r.name, r.score])).toEqual([
      ["a", 0],
      ["b", 0.75],
      ["c", 1],
    ]);
  });

  it("uses a respondent's name when given, and refuses no one by organisation itself", async () => {
    const rubrics = await builtinRubrics();
    const named = plan({}, { respondent: { name: "Ana Ruiz", role: "Owner" } });
    const other = plan({}, { organization: "Other Ltd" });
    const merged = mergePlans(rubrics, [respondent(named, "ana")]);
    expect(merged.respondents).toEqual([{ name: "Ana Ruiz", role: "Owner", source: "ana.yaml" }]);
    expect(
      otherOrganizations([respondent(named, "a"), respondent(other, "b")]).map(
        (o) => o.plan.organization,
      ),
    ).toEqual(["Other Ltd"]);
  });

  it("property: merging a plan with itself gives that plan's report", async () => {
    const rubrics = await builtinRubrics();
    const arbitrary = fc.tuple(
      ...rubrics.dimensions.flatMap(({ rubric }) =>
        rubric.questions
          .filter((q) => q.kind === "choice" || q.kind === "boolean" || q.kind === "scale")
          .map((q) =>
            fc
              .option(
                q.kind === "choice"
                  ? fc.constantFrom<Answer>(...q.choices.map((c) => c.value))
                  : q.kind === "boolean"
                    ? fc.boolean()
                    : fc.integer({
                        min: q.min,
                        max: q.max,
                      }),
                { nil: undefined },
              )
              .map((a) => [rubric.id, q.id, a] as const),
          ),
      ),
    );
    fc.assert(
      fc.property(arbitrary, fc.integer({ min: 1, max: 4 }), (entries, copies) => {
        const answers: Record<string, Record<string, unknown>> = {};
        for (const [d, q, a] of entries) if (a !== undefined) (answers[d] ??= {})[q] = a;
        const p = plan(answers, { date: "2026-10-01" });
        const alone = buildReport({ rubrics, plan: p, toolVersion: "t" });
        const merged = mergePlans(
          rubrics,
          Array.from({ length: copies }, (_, i) => respondent(p, `r${i}`)),
        );
        const together = buildReport({ rubrics, plan: merged.plan, toolVersion: "t" });
        expect(together).toEqual(alone);
        expect(merged.disagreements).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("plans on disk", () => {
  it("locates an object answer's asOf problem at its line and column", async () => {
    const rubrics = await builtinRubrics();
    const text =
      "organization: Acme\nanswers:\n  commitment:\n    written-plan: { answer: true, asOf: 2999-01-01 }\n";
    expect(() => parsePlan(text, "p.yaml", rubrics, { today: "2026-11-26" })).toThrow(
      expect.objectContaining({
        diagnostics: [expect.objectContaining({ file: "p.yaml", line: 4, column: 41 })],
      }),
    );
  });
});
