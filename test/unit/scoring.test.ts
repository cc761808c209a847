import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/kinds/index.js";
import type { Plan } from "../../src/core/plan-file.js";
import { buildReport } from "../../src/core/report.js";
import { ReportSchema } from "../../src/core/report-schema.js";
import {
  DimensionRubricSchema,
  LevelsFileSchema,
  levelFor,
  type RubricSet,
} from "../../src/core/rubric.js";
import { roundScore } from "../../src/core/scoring.js";
import { builtinRubrics } from "../helpers.js";

const rec = (title: string, effort = "low") => ({ title, detail: `Detail for ${title}.`, effort });
const boolQ = (id: string, weight: number, effort = "low") => ({
  id,
  kind: "boolean",
  weight,
  prompt: `${id}?`,
  help: "Why.",
  recommendation: rec(`Do ${id}`, effort),
});

const levels = LevelsFileSchema.parse({
  levels: [
    { id: "existing", label: "Existing", from: 0, to: 25, summary: "s" },
    { id: "emerging", label: "Emerging", from: 25, to: 50, summary: "s" },
    { id: "engaging", label: "Engaging", from: 50, to: 75, summary: "s" },
    { id: "living", label: "Living", from: 75, to: 100, summary: "s" },
  ],
}).levels;

function dimension(id: string, weight: number, questions: object[]) {
  return DimensionRubricSchema.parse({
    id,
    version: "1.0.0",
    title: id,
    description: "d",
    existing: "e",
    living: "l",
    weight,
    questions,
  });
}

const origin = { file: "test", builtin: false, hash: "h" };
const rubrics: RubricSet = {
  levels,
  levelsOrigin: origin,
  dimensions: [
    {
      rubric: dimension("alpha", 1, [
        boolQ("a1", 1),
        boolQ("a2", 3, "high"),
        { id: "a-notes", kind: "text", prompt: "Notes?", help: "Context." },
      ]),
      origin,
    },
    { rubric: dimension("beta", 3, [boolQ("b1", 1), boolQ("b2", 1, "medium")]), origin },
  ],
};

function plan(answers: Record<string, Record<string, Answer>>, extra: Partial<Plan> = {}): Plan {
  return {
    organization: "Test Org",
    answers: new Map(Object.entries(answers).map(([d, a]) => [d, new Map(Object.entries(a))])),
    ...extra,
  };
}

const report = (p: Plan, thresholds = {}) =>
  buildReport({ rubrics, plan: p, toolVersion: "0.0.0-test", thresholds });

describe("scoring", () => {
  it("scores an empty plan 0, with every scored question unanswered", () => {
    const r = report(plan({}));
    expect(r.overall).toEqual({
      score: 0,
      level: { id: "existing", label: "Existing" },
      cap: null,
    });
    expect(r.unanswered.map((u) => u.question)).toEqual(["a1", "a2", "b1", "b2"]);
  });

  it("scores a perfect plan 100 and recommends nothing", () => {
    const r = report(plan({ alpha: { a1: true, a2: true }, beta: { b1: true, b2: true } }));
    expect(r.overall.score).toBe(100);
    expect(r.overall.level.id).toBe("living");
    expect(r.recommendations).toEqual([]);
    expect(r.dimensions.every((d) => d.nextLevel === null)).toBe(true);
  });

  it("weights questions within a dimension and dimensions within the overall score", () => {
    // alpha: a2 (weight 3 of 4) done = 75; beta: b1 (1 of 2) = 50; overall = (1*75 + 3*50) / 4 = 56.25
    const r = report(plan({ alpha: { a1: false, a2: true }, beta: { b1: true, b2: false } }));
    expect(r.dimensions.map((d) => d.score)).toEqual([75, 50]);
    expect(r.overall.score).toBe(56.3);
    expect(r.dimensions[0]?.level.id).toBe("living");
    expect(r.overall.level.id).toBe("engaging");
  });

  it("lets a plan override dimension weights and says so", () => {
    const r = report(plan({ alpha: { a1: true, a2: true } }, { weights: { beta: 1 } }));
    expect(r.overall.score).toBe(50);
    expect(r.dimensions.map((d) => d.weightSource)).toEqual(["rubric", "plan"]);
  });

  it("does not score text questions, but keeps their answers", () => {
    const r = report(plan({ alpha: { "a-notes": "We post on Fridays." } }));
    const notes = r.dimensions[0]?.questions.find((q) => q.id === "a-notes");
    expect(notes).toMatchObject({
      score: null,
      weight: 0,
      answered: true,
      answerText: "We post on Fridays.",
    });
    expect(r.unanswered.some((u) => u.question === "a-notes")).toBe(false);
  });

  it("rounds to one decimal and reads levels from the rounded score", () => {
    expect(roundScore(24.95)).toBe(25);
    expect(levelFor(levels, roundScore(24.95)).id).toBe("emerging");
    expect(levelFor(levels, 100).id).toBe("living");
    expect(levelFor(levels, 0).id).toBe("existing");
  });

  it("produces a report that satisfies the published report schema", async () => {
    const real = buildReport({
      rubrics: await builtinRubrics(),
      plan: plan({}),
      toolVersion: "1.0.0",
    });
    expect(ReportSchema.safeParse(real).success).toBe(true);
  });
});

describe("recommendations", () => {
  it("rank by overall gain per unit of effort", () => {
    const r = report(plan({}));
    // Gains on overall: b1 37.5 (low), b2 37.5 (medium -> 18.75 per effort), a2 18.75 (high -> 6.25),
    // a1 6.25 (low -> 6.25); a1 and a2 tie per effort, so the larger raw gain goes first.
    expect(r.recommendations.map((x) => x.question)).toEqual(["b1", "b2", "a2", "a1"]);
    expect(r.recommendations.map((x) => x.rank)).toEqual([1, 2, 3, 4]);
    expect(r.recommendations[0]?.gain).toEqual({ dimension: 50, overall: 37.5 });
  });

  it("names the fewest steps that reach the next level", () => {
    const r = report(plan({}));
    const alpha = r.dimensions.find((d) => d.id === "alpha");
    // From 0 (existing), a2 alone (75 points) reaches emerging at 25; a1 alone (25) would too but is smaller.
    expect(alpha?.nextLevel).toEqual({
      level: { id: "emerging", label: "Emerging" },
      pointsNeeded: 25,
      steps: ["a2"],
    });
  });

  it("uses several steps when one is not enough", () => {
    const r = report(plan({ beta: { b1: false, b2: false } }));
    expect(r.dimensions.find((d) => d.id === "beta")?.nextLevel?.steps).toHaveLength(1);
    const wide = buildReport({
      rubrics: {
        ...rubrics,
        dimensions: [
          {
            rubric: dimension(
              "wide",
              1,
              [1, 2, 3, 4, 5, 6].map((i) => boolQ(`w${i}`, 1)),
            ),
            origin,
          },
        ],
      },
      plan: plan({}),
      toolVersion: "t",
    });
    // Six equal questions of 16.7 points each: two are needed to pass 25.
    expect(wide.dimensions[0]?.nextLevel?.steps).toEqual(["w1", "w2"]);
  });
});

describe("thresholds", () => {
  it("passes and fails overall and per-dimension minimums", () => {
    const r = report(plan({ alpha: { a1: true, a2: true } }), {
      overall: 20,
      dimensions: { beta: 10 },
    });
    expect(r.thresholds.checks).toEqual([
      { scope: "overall", kind: "minimum", min: 20, actual: 25, passed: true, source: "cli" },
      {
        scope: "dimension",
        dimension: "beta",
        kind: "minimum",
        min: 10,
        actual: 0,
        passed: false,
        source: "cli",
      },
    ]);
    expect(r.thresholds.passed).toBe(false);
  });

  it("takes thresholds from the plan, with the command line overriding", () => {
    const p = plan({}, { thresholds: { overall: 10, dimensions: { alpha: 5 } } });
    const r = report(p, { overall: 0 });
    expect(r.thresholds.checks.map((c) => [c.dimension ?? "overall", c.min, c.source])).toEqual([
      ["overall", 0, "cli"],
      ["alpha", 5, "plan"],
    ]);
  });

  it("passes when there are no thresholds", () => {
    expect(report(plan({})).thresholds).toEqual({ passed: true, checks: [] });
  });
});
