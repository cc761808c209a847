import { describe, expect, it } from "vitest";
import { buildReport, type ReportInput } from "../../src/core/report.js";
import type { Report, ThresholdCheck } from "../../src/core/report-schema.js";
import type { Path } from "../../src/core/schema-parts.js";
import { choice, plan, rubric, rubricSet, text } from "./builders.js";

/*
 * buildReport field by field on two small dimensions whose numbers are worked out by hand:
 * what each part of the report says, what a dimension left out of the run (`--dimension`)
 * still says, and the optional parts (evidence, stale answers, extra checks, locations).
 */

// a (weight 1): q1 "none" is critical (cap emerging) and has advice; q2's "all" needs evidence;
// a text question; a question worth 2 that the rubric lets be not applicable.
const a = rubric("a", [
  choice("q1", 1, "low", { critical: "emerging", advice: true }),
  choice("q2", 1, "medium", { evidence: true }),
  text("t"),
  { ...choice("na", 2), notApplicable: "Not for everyone." },
]);
// b (weight 2): one question, left unanswered.
const b = rubric("b", [choice("p", 1, "high")], 2);
const rubrics = rubricSet(a, b);

const answers = { a: { q1: "none", q2: "all", t: "hello", na: "n/a" }, b: {} };
const build = (input: Partial<ReportInput> = {}): Report =>
  buildReport({ toolVersion: "9.9.9", rubrics, plan: plan(answers), ...input });

describe("buildReport: a whole report, by hand", () => {
  const report = build({
    plan: plan(answers, {
      date: "2026-01-01",
      auditor: "Ann",
      notes: "N.",
      profile: { size: "small" },
      meta: { a: { q2: { evidence: "https://x.example" } } },
    }),
    planSource: "plan.yaml",
    thresholds: { overall: 10, dimensions: { b: 50 } },
  });

  it("names the tool, the plan and who it is about", () => {
    expect(report).toMatchObject({
      schemaVersion: 2,
      tool: { name: "social-audit", version: "9.9.9" },
      organization: "Acme",
      date: "2026-01-01",
      auditor: "Ann",
      notes: "N.",
      source: { plan: "plan.yaml" },
      profile: { size: "small" },
    });
    expect(report.levels).toEqual([
      { id: "existing", label: "Existing", from: 0, to: 40, summary: "." },
      { id: "emerging", label: "Emerging", from: 40, to: 70, summary: "." },
      { id: "living", label: "Living", from: 70, to: 100, summary: "." },
    ]);
  });

  it("scores the overall as the weighted mean, capped by the lowest cap", () => {
    // a: 50 (q1 0, q2 1; na not applicable) weight 1; b: 0 weight 2 -> 50 / 3.
    expect(report.overall).toEqual({
      score: 16.7,
      level: { id: "existing", label: "Existing" },
      cap: { level: { id: "emerging", label: "Emerging" }, because: ["a"] },
    });
  });

  it("describes each dimension with its score, level, cap and next level", () => {
    const [da, db] = report.dimensions;
    expect({ ...da, questions: undefined }).toEqual({
      id: "a",
      title: "Title of a",
      description: "A dimension.",
      existing: "Exists.",
      living: "Lives.",
      weight: 1,
      weightSource: "rubric",
      assessed: true,
      score: 50,
      level: { id: "emerging", label: "Emerging" },
      cap: { level: { id: "emerging", label: "Emerging" }, because: ["q1"] },
      rubric: { version: "1.0.0", source: "rubrics/a.yaml", builtin: false, hash: "hash-of-a" },
      questions: undefined,
      // q1 to full marks adds 50 of the 20 points living needs.
      nextLevel: { level: { id: "living", label: "Living" }, pointsNeeded: 20, steps: ["q1"] },
    });
    expect(db).toMatchObject({
      id: "b",
      weight: 2,
      score: 0,
      level: { id: "existing", label: "Existing" },
      cap: null,
      nextLevel: { level: { id: "emerging", label: "Emerging" }, pointsNeeded: 40, steps: ["p"] },
    });
  });

  it("lists each question with its answer, status, weight and evidence", () => {
    expect(report.dimensions[0]?.questions).toEqual([
      {
        id: "q1",
        prompt: "q1?",
        kind: "choice",
        weight: 1,
        answered: true,
        status: "answered",
        reason: null,
        answer: "none",
        answerText: "None",
        score: 0,
      },
      {
        id: "q2",
        prompt: "q2?",
        kind: "choice",
        weight: 1,
        answered: true,
        status: "answered",
        reason: null,
        answer: "all",
        answerText: "All",
        score: 1,
        evidence: { evidence: "https://x.example", asOf: null, by: null },
      },
      {
        id: "t",
        prompt: "t?",
        kind: "text",
        weight: 0,
        answered: true,
        status: "answered",
        reason: null,
        answer: "hello",
        answerText: "hello",
        score: null,
      },
      {
        id: "na",
        prompt: "na?",
        kind: "choice",
        weight: 2,
        answered: false,
        status: "not-applicable",
        reason: "Not for everyone.",
        answer: null,
        answerText: null,
        score: null,
      },
    ]);
    expect(report.dimensions[1]?.questions).toEqual([
      {
        id: "p",
        prompt: "p?",
        kind: "choice",
        weight: 1,
        answered: false,
        status: "unanswered",
        reason: null,
        answer: null,
        answerText: null,
        score: 0,
      },
    ]);
  });

  it("ranks recommendations, critical first, with their gains rounded", () => {
    expect(report.recommendations).toEqual([
      {
        rank: 1,
        dimension: "a",
        question: "q1",
        title: "Act on q1",
        detail: "Advice for q1 at none.",
        effort: "low",
        current: "None",
        target: { value: "some", text: "Some" },
        critical: true,
        why: "Nobody is home.",
        // Half of q1's weight 1 in a's 2: 25 points; a is 1 of 3 in the overall: 8.3.
        gain: { dimension: 25, overall: 8.3 },
      },
      {
        rank: 2,
        dimension: "b",
        question: "p",
        title: "Act on p",
        detail: "The question's detail.",
        effort: "high",
        current: null,
        target: { value: "all", text: "All" },
        critical: false,
        gain: { dimension: 100, overall: 66.7 },
      },
    ]);
  });

  it("lists unanswered scored questions, checks thresholds, and has no stale part unless asked", () => {
    expect(report.unanswered).toEqual([{ dimension: "b", question: "p", prompt: "p?" }]);
    expect(report.thresholds).toEqual({
      passed: false,
      checks: [
        {
          scope: "overall",
          kind: "minimum",
          min: 10,
          actual: 16.7,
          passed: true,
          source: "cli",
        },
        {
          scope: "dimension",
          dimension: "b",
          kind: "minimum",
          min: 50,
          actual: 0,
          passed: false,
          source: "cli",
        },
      ],
    });
    expect(report.unsupported).toEqual([]);
    expect(report).not.toHaveProperty("stale");
  });

  it("says null for what the plan leaves out", () => {
    const bare = build();
    expect(bare).toMatchObject({
      date: null,
      auditor: null,
      notes: null,
      source: { plan: null },
      profile: null,
    });
    expect(bare.thresholds).toEqual({ passed: true, checks: [] });
    expect(bare.dimensions[0]?.questions[1]).not.toHaveProperty("evidence");
  });
});

describe("buildReport: a dimension left out of the run", () => {
  const seen: Omit<Report, "thresholds">[] = [];
  const extra: ThresholdCheck = {
    scope: "overall",
    kind: "baseline",
    min: 0,
    actual: 0,
    passed: true,
    source: "cli",
  };
  const report = build({
    assess: ["a"],
    thresholds: { dimensions: { b: 50 } },
    extraChecks: (r) => {
      seen.push(r);
      return [extra];
    },
  });

  it("is listed without a path onward, unanswered questions or a failing threshold", () => {
    const b = report.dimensions[1];
    expect(b?.assessed).toBe(false);
    expect(b?.nextLevel).toBeNull();
    expect(report.unanswered).toEqual([]);
    expect(report.recommendations.map((r) => r.question)).toEqual(["q1"]);
    expect(report.thresholds.checks[0]).toMatchObject({ dimension: "b", passed: true });
  });

  it("scores the overall from the assessed ones alone", () => {
    expect(report.overall).toEqual({
      score: 50,
      level: { id: "emerging", label: "Emerging" },
      cap: { level: { id: "emerging", label: "Emerging" }, because: ["a"] },
    });
  });

  it("hands the report without thresholds to the extra checks, and adds theirs", () => {
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toHaveProperty("thresholds");
    expect(seen[0]?.overall.score).toBe(50);
    expect(report.thresholds.checks).toHaveLength(2);
    expect(report.thresholds.checks[1]).toBe(extra);
    expect(report.thresholds.passed).toBe(true);
  });

  it("fails the run when an extra check fails", () => {
    const failing: ThresholdCheck = { ...extra, passed: false };
    expect(build({ extraChecks: () => [failing] }).thresholds).toEqual({
      passed: false,
      checks: [failing],
    });
  });
});

describe("buildReport: claims without evidence, and old answers", () => {
  const at = (path: Path) => ({ line: path.length, column: path.join(".").length });

  it("lists an unsupported claim at its answer and scores it as given", () => {
    const report = build({ locate: at });
    expect(report.unsupported).toEqual([
      {
        dimension: "a",
        question: "q2",
        claimed: "All",
        location: { line: 3, column: "answers.a.q2".length },
      },
    ]);
    expect(report.dimensions[0]?.score).toBe(50);
  });

  it("with --require-evidence, scores it as the best answer that needs none", () => {
    const report = build({ requireEvidence: true });
    expect(report.unsupported).toEqual([
      {
        dimension: "a",
        question: "q2",
        claimed: "All",
        scoredAs: { value: "some", text: "Some" },
      },
    ]);
    expect(report.dimensions[0]?.score).toBe(25);
    expect(report.dimensions[0]?.questions[1]).toMatchObject({ answer: "some", score: 0.5 });
  });

  it("lists answers older than the maximum age, each at its asOf or at the plan's date", () => {
    const report = build({
      plan: plan(answers, {
        date: "2026-01-01",
        meta: { a: { q1: { asOf: "2026-03-01" }, na: { asOf: "2026-02-13" } } },
      }),
      freshness: { maxAgeDays: 30, today: "2026-03-15" },
      locate: at,
    });
    // q1 is 14 days old and na exactly 30: neither is stale; q2 has only the plan's date.
    expect(report.stale).toEqual([
      {
        dimension: "a",
        question: "q2",
        asOf: "2026-01-01",
        ageDays: 73,
        from: "plan",
        location: { line: 1, column: 4 },
      },
    ]);
  });

  it("points a stale answer with its own asOf at that field", () => {
    const report = build({
      plan: plan(answers, { meta: { a: { q1: { asOf: "2026-01-01" } } } }),
      freshness: { maxAgeDays: 30, today: "2026-03-15" },
      locate: at,
    });
    expect(report.stale).toEqual([
      {
        dimension: "a",
        question: "q1",
        asOf: "2026-01-01",
        ageDays: 73,
        from: "answer",
        location: { line: 4, column: "answers.a.q1.asOf".length },
      },
    ]);
  });
});

describe("buildReport: what a dimension's level and lists leave out", () => {
  it("leads the path onward from the level a critical answer holds it at, not its score's", () => {
    // q1 at none caps a at emerging; the rest full: 75 would be living.
    const capped = build({ plan: plan({ a: { q1: "none", q2: "all", na: "all" }, b: {} }) });
    expect(capped.dimensions[0]).toMatchObject({
      score: 75,
      level: { id: "emerging" },
      nextLevel: { level: { id: "living", label: "Living" }, pointsNeeded: 0, steps: ["q1"] },
    });
  });

  it("lists an unanswered text question nowhere, and an unanswered scored one as unanswered", () => {
    const empty = build({ plan: plan({}) });
    expect(empty.unanswered.map((u) => `${u.dimension}.${u.question}`)).toEqual([
      "a.q1",
      "a.q2",
      "a.na",
      "b.p",
    ]);
  });

  it("adds no location where the plan file has none to give", () => {
    const report = build({ locate: () => undefined });
    expect(report.dimensions[0]?.questions[0]).not.toHaveProperty("location");
    expect(report.recommendations[0]).not.toHaveProperty("location");
    expect(report.unsupported?.[0]).not.toHaveProperty("location");
  });
});

describe("buildReport: each finding points at its own answer", () => {
  // Built in each test, not when the file is collected: a mutation run counts only what a test runs.
  const located = () =>
    build({ locate: (path: Path) => ({ line: 1, column: path.join(".").length }) });
  const columnOf = (path: string) => ({ line: 1, column: path.length });

  it("a question at its answer", () => {
    expect(located().dimensions[0]?.questions.map((q) => q.location)).toEqual([
      columnOf("answers.a.q1"),
      columnOf("answers.a.q2"),
      columnOf("answers.a.t"),
      columnOf("answers.a.na"),
    ]);
  });

  it("a recommendation at the answer it would change", () => {
    expect(located().recommendations.map((r) => [r.question, r.location])).toEqual([
      ["q1", columnOf("answers.a.q1")],
      ["p", columnOf("answers.b.p")],
    ]);
  });
});
