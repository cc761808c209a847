import { describe, expect, it } from "vitest";
import { validatePlan } from "../../src/core/plan.js";
import type { Plan, PlanOptions } from "../../src/core/plan-file.js";
import type { Problem } from "../../src/core/schema-parts.js";
import { choice, rubric, rubricSet, text } from "./builders.js";

/*
 * validatePlan against a small hand-made rubric set, one rule per case, with the exact path
 * and words a plan's author reads: unknown names with their suggestions, old ids and values
 * with their warnings, dates in the future, answers written as objects, --strict, and what an
 * invalid plan still has checked.
 */

const recommendation = (id: string) => ({
  title: `Act on ${id}`,
  detail: "The question's detail.",
  effort: "low",
});

const yesNo = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: "boolean",
  weight: 1,
  prompt: `${id}?`,
  help: "Why it matters.",
  recommendation: recommendation(id),
  ...extra,
});

/** A choice whose best value used to be called "everyone". */
const tone = {
  ...choice("tone", 1),
  choices: [
    { value: "none", label: "None", score: 0 },
    { value: "some", label: "Some", score: 0.5 },
    { value: "all", label: "All", score: 1, aliases: ["everyone"] },
  ],
};

/** A multi whose "review" option used to be called "audit". */
const practices = {
  id: "practices",
  kind: "multi",
  weight: 1,
  prompt: "practices?",
  help: "Why it matters.",
  recommendation: recommendation("practices"),
  options: [
    { value: "plan", label: "Plan", score: 0.5 },
    { value: "review", label: "Review", score: 0.5, aliases: ["audit"] },
  ],
};

const alpha = rubric("alpha", [
  tone,
  choice("reach", 1),
  { ...choice("owner", 1), aliases: ["lead"] },
  practices,
  yesNo("replies", { notApplicable: "Some organisations never get messages." }),
  yesNo("plain"),
  text("notes"),
  { ...choice("big", 1), appliesWhen: { size: ["large"] } },
]);
const beta = rubric("beta", [choice("pace", 1)]);
const rubrics = rubricSet(alpha, beta);

const check = (data: Record<string, unknown>, options: PlanOptions = {}) =>
  validatePlan({ organization: "Acme", ...data }, rubrics, options);

function problemsOf(data: Record<string, unknown>, options: PlanOptions = {}): Problem[] {
  const result = check(data, options);
  if (result.ok) throw new Error("the plan was accepted");
  return result.problems;
}

function accepted(
  data: Record<string, unknown>,
  options: PlanOptions = {},
): { plan: Plan; warnings: Problem[] } {
  const result = check(data, options);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result;
}

const answersOf = (plan: Plan, dimension: string) =>
  Object.fromEntries(plan.answers.get(dimension) ?? []);

const KNOWN = "known dimensions: alpha, beta. A custom dimension needs --rubrics DIR";

describe("validatePlan: unknown fields are suggested from their own object's fields", () => {
  it.each([
    [{ dat: "2026-01-01" }, ["dat"], 'unknown field "dat" (did you mean "date"?)'],
    [
      { thresholds: { overal: 50 } },
      ["thresholds", "overal"],
      'unknown field "overal" (did you mean "overall"?)',
    ],
    [
      { profile: { sise: "small" } },
      ["profile", "sise"],
      'unknown field "sise" (did you mean "size"?)',
    ],
    [
      { respondent: { name: "Jo", rol: "owner" } },
      ["respondent", "rol"],
      'unknown field "rol" (did you mean "role"?)',
    ],
  ])("%j", (data, path, message) => {
    expect(problemsOf(data)).toEqual([{ path, message }]);
  });
});

describe("validatePlan: weights and thresholds must name loaded dimensions", () => {
  it("reports each unknown one at its key, listing the known ones", () => {
    expect(
      problemsOf({
        weights: { alpha: 2, gamma: 2 },
        thresholds: { dimensions: { beta: 50, alpah: 50 } },
      }),
    ).toEqual([
      { path: ["weights", "gamma"], message: `unknown dimension "gamma"; ${KNOWN}` },
      {
        path: ["thresholds", "dimensions", "alpah"],
        message: `unknown dimension "alpah" (did you mean "alpha"?); ${KNOWN}`,
      },
    ]);
  });

  it("accepts weights and thresholds of known dimensions", () => {
    const { plan } = accepted({
      weights: { alpha: 2 },
      thresholds: { dimensions: { beta: 50 } },
    });
    expect(plan.weights).toEqual({ alpha: 2 });
    expect(plan.thresholds).toEqual({ dimensions: { beta: 50 } });
  });
});

describe("validatePlan: old values and question ids still work, with a warning", () => {
  it("renames a choice's old value", () => {
    const { plan, warnings } = accepted({ answers: { alpha: { tone: "everyone" } } });
    expect(answersOf(plan, "alpha")).toEqual({ tone: "all" });
    expect(warnings).toEqual([
      {
        path: ["answers", "alpha", "tone"],
        message: 'deprecated value "everyone": now "all"; rename it in the plan',
      },
    ]);
  });

  it("renames a multi's old value at its place in the list, and leaves current ones be", () => {
    const { plan, warnings } = accepted({
      answers: { alpha: { practices: ["plan", "audit"], tone: "all" } },
    });
    expect(answersOf(plan, "alpha")).toEqual({ practices: ["plan", "review"], tone: "all" });
    expect(warnings).toEqual([
      {
        path: ["answers", "alpha", "practices", 1],
        message: 'deprecated value "audit": now "review"; rename it in the plan',
      },
    ]);
  });

  it("warns only about the old value when others of the same dimension are current", () => {
    const { plan, warnings } = accepted({
      answers: { alpha: { tone: "everyone", practices: ["review", "plan"], reach: "some" } },
    });
    expect(answersOf(plan, "alpha")).toEqual({
      tone: "all",
      practices: ["review", "plan"],
      reach: "some",
    });
    expect(warnings.map((w) => w.path)).toEqual([["answers", "alpha", "tone"]]);
  });

  it("moves an answer under an old question id to the current id", () => {
    const { plan, warnings } = accepted({ answers: { alpha: { lead: "all" } } });
    expect(answersOf(plan, "alpha")).toEqual({ owner: "all" });
    expect(warnings).toEqual([
      {
        path: ["answers", "alpha", "lead"],
        message: 'deprecated question id "lead": now "owner"; rename it in the plan',
      },
    ]);
  });

  it("ignores an answer under an old id when the current id is answered too", () => {
    const { plan, warnings } = accepted({ answers: { alpha: { lead: "none", owner: "all" } } });
    expect(answersOf(plan, "alpha")).toEqual({ owner: "all" });
    expect(warnings).toEqual([
      {
        path: ["answers", "alpha", "lead"],
        message:
          '"lead" is the old id of "owner", which is answered too; this answer is ignored, remove it',
      },
    ]);
  });
});

describe("validatePlan: empty, not-applicable and text answers, answer by answer", () => {
  // "everyone" is an old value, so the dimension is checked one answer at a time.
  it("leaves empty answers open, takes n/a where allowed, and n/a as a text question's text", () => {
    const { plan } = accepted({
      answers: { alpha: { tone: "everyone", reach: null, replies: "n/a", notes: "n/a" } },
    });
    expect(answersOf(plan, "alpha")).toEqual({ tone: "all", replies: "n/a", notes: "n/a" });
  });

  it("leaves empty answers open when the dimension is valid as a whole", () => {
    const { plan, warnings } = accepted({
      answers: { alpha: { tone: "all", reach: null, owner: undefined, replies: "n/a" } },
    });
    expect(answersOf(plan, "alpha")).toEqual({ tone: "all", replies: "n/a" });
    expect([...(plan.answers.get("alpha")?.keys() ?? [])]).toEqual(["tone", "replies"]);
    expect(warnings).toEqual([]);
  });

  it("refuses n/a where the rubric gives no reason, and only that answer", () => {
    expect(
      problemsOf({ answers: { alpha: { tone: "everyone", reach: null, plain: "n/a" } } }),
    ).toEqual([
      {
        path: ["answers", "alpha", "plain"],
        message:
          '"n/a" is not accepted here: the rubric gives no reason this question could not apply, so it applies to every organisation ("plain?"). Answer it, or leave it empty to report it unanswered',
      },
    ]);
  });
});

describe("validatePlan: dates after today", () => {
  const today = "2026-05-01";

  it.each([
    ["2026-05-02", true],
    ["2026-05-01", false],
    ["2026-04-30", false],
  ])("a plan dated %s is in the future: %s", (date, future) => {
    const result = check({ date }, { today, checkPlanDate: true });
    expect(result).toEqual(
      future
        ? {
            ok: false,
            problems: [
              {
                path: ["date"],
                message:
                  "is in the future (today is 2026-05-01); give the day the answers were collected",
              },
            ],
          }
        : expect.objectContaining({ ok: true }),
    );
  });

  it("checks the plan's date only when asked, and only against a known today", () => {
    expect(check({ date: "2026-05-02" }, { today }).ok).toBe(true);
    expect(check({ date: "2026-05-02" }, { checkPlanDate: true }).ok).toBe(true);
  });

  it.each([
    ["2026-05-02", true],
    ["2026-05-01", false],
  ])("an answer checked as of %s is in the future: %s", (asOf, future) => {
    const data = { answers: { alpha: { tone: { answer: "all", asOf } } } };
    const result = check(data, { today });
    expect(result).toEqual(
      future
        ? {
            ok: false,
            problems: [
              {
                path: ["answers", "alpha", "tone", "asOf"],
                message: "is in the future; give the day the answer was last checked",
              },
            ],
          }
        : expect.objectContaining({ ok: true }),
    );
  });

  it("takes any asOf when the caller does not say what day it is", () => {
    const { plan } = accepted({
      answers: { alpha: { tone: { answer: "all", asOf: "2999-01-01" } } },
    });
    expect(plan.meta?.get("alpha")?.get("tone")?.asOf).toBe("2999-01-01");
  });
});

describe("validatePlan: answers written as objects", () => {
  it("keeps what an object answer says about its value, for its dimension only", () => {
    const { plan } = accepted({
      answers: {
        alpha: {
          tone: { answer: "all", evidence: "https://example.org", asOf: "2026-01-02", by: "Jo" },
          reach: "some",
        },
        beta: { pace: "all" },
      },
    });
    expect(answersOf(plan, "alpha")).toEqual({ tone: "all", reach: "some" });
    expect([...(plan.meta?.keys() ?? [])]).toEqual(["alpha"]);
    expect(Object.fromEntries(plan.meta?.get("alpha") ?? [])).toEqual({
      tone: { evidence: "https://example.org", asOf: "2026-01-02", by: "Jo" },
    });
  });

  it("has no meta at all when every answer is plain", () => {
    const { plan } = accepted({ answers: { alpha: { tone: "all" }, beta: { pace: "some" } } });
    expect(plan).not.toHaveProperty("meta");
  });

  it.each([
    [{ answer: "all", evidence: 5 }, ["evidence"], "must be text, got the number 5"],
    [{ answer: "all", asOf: "soon" }, ["asOf"], "must be a date such as 2026-05-01"],
    [
      { answer: "all", evidnce: "x" },
      ["evidnce"],
      'unknown field "evidnce" (did you mean "evidence"?)',
    ],
  ])("reports %j at the object's field", (value, at, message) => {
    expect(problemsOf({ answers: { alpha: { tone: value } } })).toEqual([
      { path: ["answers", "alpha", "tone", ...at], message },
    ]);
  });
});

describe("validatePlan --strict", () => {
  const open = (size: string) =>
    problemsOf({ profile: { size }, answers: { beta: { pace: "all" } } }, { strict: true }).map(
      (p) => p.path.join("."),
    );

  it("requires every scored question that applies to the profile, at its path", () => {
    const required = [
      "answers.alpha.tone",
      "answers.alpha.reach",
      "answers.alpha.owner",
      "answers.alpha.practices",
      "answers.alpha.replies",
      "answers.alpha.plain",
    ];
    expect(open("small")).toEqual(required);
    expect(open("large")).toEqual([...required, "answers.alpha.big"]);
  });

  it("says which question is unanswered", () => {
    const problems = problemsOf({ answers: {} }, { strict: true });
    expect(problems[0]).toEqual({
      path: ["answers", "alpha", "tone"],
      message: "unanswered (--strict requires every scored question): tone?",
    });
  });
});

describe("validatePlan: an invalid plan still has its well-shaped answers checked", () => {
  // No organization: the plan fails zod, and what can be salvaged is checked against the rubrics.
  const invalid = (answers: unknown) => {
    const result = validatePlan({ answers }, rubrics);
    return result.ok ? [] : result.problems.map((p) => `${p.path.join(".")}: ${p.message}`);
  };
  const required = "organization: is required";

  it("checks a dimension left empty", () => {
    expect(invalid({ gamma: null })).toEqual([
      required,
      `answers.gamma: unknown dimension "gamma"; ${KNOWN}`,
    ]);
  });

  it("checks the answers of a dimension that is a mapping", () => {
    expect(invalid({ alpha: { tone: "loud" } })).toEqual([
      required,
      'answers.alpha.tone: must be one of "none", "some", "all", got "loud"',
    ]);
  });

  it.each([
    ["a list of answers", { alpha: ["all"] }],
    ["text for answers", { alpha: "all" }],
    ["text for an unknown dimension's answers", { gamma: "all" }],
    ["a list of dimensions", [{ tone: "all" }]],
  ])("leaves %s to zod's message", (_, answers) => {
    const problems = invalid(answers);
    expect(problems[0]).toBe(required);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/^answers(\.alpha|\.gamma)?: must be a mapping/);
  });
});
