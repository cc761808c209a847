import { describe, expect, it } from "vitest";
import { baselineChecks, compareReports } from "../../src/core/compare.js";
import type {
  DimensionResult,
  QuestionResult,
  RecommendationResult,
  Report,
} from "../../src/core/report-schema.js";
import { REPORT_SCHEMA_VERSION } from "../../src/core/report-version.js";

/* Small hand-made reports, so every field compare reads can be checked by value. */

const level = (label: string) => ({ id: label.toLowerCase(), label });

function question(id: string, score: number | null, answerText: string | null): QuestionResult {
  return {
    id,
    prompt: `${id}?`,
    kind: score === null ? "text" : "choice",
    weight: score === null ? 0 : 1,
    answered: answerText !== null,
    answer: answerText,
    answerText,
    score,
  };
}

function dimension(
  id: string,
  score: number,
  questions: QuestionResult[],
  rubric: { version?: string; hash?: string; title?: string } = {},
): DimensionResult {
  return {
    id,
    title: rubric.title ?? `Title of ${id}`,
    description: "d",
    existing: "e",
    living: "l",
    weight: 1,
    weightSource: "rubric",
    score,
    level: level(score >= 50 ? "Engaging" : "Emerging"),
    rubric: {
      version: rubric.version ?? "1.0.0",
      source: "s",
      builtin: true,
      hash: rubric.hash ?? "h",
    },
    questions,
    nextLevel: null,
  };
}

function rec(dimensionId: string, questionId: string): RecommendationResult {
  return {
    rank: 1,
    dimension: dimensionId,
    question: questionId,
    title: `Fix ${dimensionId}/${questionId}`,
    detail: "detail",
    effort: "low",
    gain: { dimension: 10, overall: 5 },
  };
}

function report(
  overall: number,
  dimensions: DimensionResult[],
  recommendations: RecommendationResult[] = [],
  meta: { organization?: string; date?: string | null; plan?: string | null } = {},
): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "social-audit", version: "t" },
    organization: meta.organization ?? "Acme",
    date: meta.date === undefined ? "2026-01-01" : meta.date,
    auditor: null,
    notes: null,
    source: { plan: meta.plan === undefined ? "acme.yaml" : meta.plan },
    overall: { score: overall, level: level(overall >= 50 ? "Engaging" : "Emerging") },
    levels: [],
    dimensions,
    recommendations: recommendations.map((r, i) => ({ ...r, rank: i + 1 })),
    unanswered: [],
    thresholds: { passed: true, checks: [] },
  };
}

describe("compareReports", () => {
  it("names both audits and the change of the overall score", () => {
    const before = report(40.2, [], [], { date: "2026-03-01", plan: "march.yaml" });
    const after = report(45.7, [], [], { date: null, plan: null });
    const c = compareReports(before, after);
    expect(c.before).toStrictEqual({
      organization: "Acme",
      date: "2026-03-01",
      source: "march.yaml",
    });
    expect(c.after).toStrictEqual({ organization: "Acme", date: null, source: null });
    expect(c.overall).toStrictEqual({
      before: 40.2,
      after: 45.7,
      // Rounded: 45.7 - 40.2 is 5.500000000000004 in floating point.
      delta: 5.5,
      levelBefore: "Emerging",
      levelAfter: "Emerging",
    });
    expect(c.warnings).toStrictEqual([]);
  });

  it("keeps a dimension present on one side only, with nulls for the missing side", () => {
    const before = report(50, [
      dimension("planning", 60, []),
      dimension("presence", 30, [], { title: "Old presence" }),
    ]);
    const after = report(50, [
      dimension("planning", 40, []),
      dimension("commitment", 70, [], { title: "Commitment" }),
    ]);
    const c = compareReports(before, after);
    expect(c.dimensions).toStrictEqual([
      {
        id: "planning",
        title: "Title of planning",
        before: 60,
        after: 40,
        delta: -20,
        levelBefore: "Engaging",
        levelAfter: "Emerging",
      },
      {
        id: "presence",
        title: "Old presence",
        before: 30,
        after: null,
        delta: null,
        levelBefore: "Emerging",
        levelAfter: null,
      },
      {
        id: "commitment",
        title: "Commitment",
        before: null,
        after: 70,
        delta: null,
        levelBefore: null,
        levelAfter: "Engaging",
      },
    ]);
    expect(c.warnings).toStrictEqual([
      "presence is only in the earlier report",
      "commitment is only in the later report",
    ]);
  });

  it("titles a dimension in both reports by the later report", () => {
    const c = compareReports(
      report(0, [dimension("presence", 0, [], { title: "Before" })]),
      report(0, [dimension("presence", 0, [], { title: "After" })]),
    );
    expect(c.dimensions[0]?.title).toBe("After");
    expect(c.dimensions[0]?.delta).toBe(0);
  });

  it("lists improved and regressed questions field by field, skipping what did not change", () => {
    const before = report(0, [
      dimension("presence", 0, [
        question("named", 0, "Nobody"),
        question("tone", 1, "Genuine"),
        question("same", 0.5, "Half"),
        question("unanswered-then", 0, null),
        question("notes", null, "old notes"),
        question("gone", 0, "Gone"),
      ]),
    ]);
    const after = report(0, [
      dimension("presence", 0, [
        question("named", 0.5, "Some"),
        question("tone", 0.25, "Stiff"),
        question("same", 0.5, "Half again"),
        question("unanswered-then", 1, "Yes"),
        question("notes", null, "new notes"),
        question("new", 1, "New"),
      ]),
    ]);
    const c = compareReports(before, after);
    expect(c.improved).toStrictEqual([
      {
        dimension: "presence",
        question: "named",
        prompt: "named?",
        before: 0,
        after: 0.5,
        answerBefore: "Nobody",
        answerAfter: "Some",
      },
      {
        dimension: "presence",
        question: "unanswered-then",
        prompt: "unanswered-then?",
        before: 0,
        after: 1,
        answerBefore: null,
        answerAfter: "Yes",
      },
    ]);
    expect(c.regressed).toStrictEqual([
      {
        dimension: "presence",
        question: "tone",
        prompt: "tone?",
        before: 1,
        after: 0.25,
        answerBefore: "Genuine",
        answerAfter: "Stiff",
      },
    ]);
  });

  it("compares no question that is scored on one side only (its rubric changed its kind)", () => {
    const c = compareReports(
      report(0, [
        dimension("presence", 0, [
          question("became-text", 0.5, "Some"),
          question("became-scored", null, "n"),
        ]),
      ]),
      report(0, [
        dimension("presence", 0, [
          question("became-text", null, "n"),
          question("became-scored", 0.5, "Some"),
        ]),
      ]),
    );
    expect(c.improved).toStrictEqual([]);
    expect(c.regressed).toStrictEqual([]);
  });

  it("compares no questions of a dimension present on one side only", () => {
    const c = compareReports(
      report(0, [dimension("planning", 0, [question("p", 0, "No")])]),
      report(0, [dimension("presence", 100, [question("p", 1, "Yes")])]),
    );
    expect(c.improved).toStrictEqual([]);
    expect(c.regressed).toStrictEqual([]);
  });

  it("matches questions within their own dimension only", () => {
    const c = compareReports(
      report(0, [
        dimension("planning", 0, [question("q", 0, "No")]),
        dimension("presence", 0, [question("q", 1, "Yes")]),
      ]),
      report(0, [
        dimension("planning", 0, [question("q", 1, "Yes")]),
        dimension("presence", 0, [question("q", 1, "Yes")]),
      ]),
    );
    expect(c.improved.map((q) => `${q.dimension}/${q.question}`)).toStrictEqual(["planning/q"]);
    expect(c.regressed).toStrictEqual([]);
  });

  it("resolves exactly the recommendations the later report no longer makes, and adds the new ones", () => {
    const before = report(
      0,
      [],
      [rec("presence", "named"), rec("presence", "tone"), rec("planning", "named")],
    );
    const after = report(0, [], [rec("presence", "tone"), rec("commitment", "named")]);
    const c = compareReports(before, after);
    expect(c.resolved).toStrictEqual([
      { dimension: "presence", question: "named", title: "Fix presence/named" },
      { dimension: "planning", question: "named", title: "Fix planning/named" },
    ]);
    expect(c.added).toStrictEqual([
      { dimension: "commitment", question: "named", title: "Fix commitment/named" },
    ]);
    const same = compareReports(before, before);
    expect(same.resolved).toStrictEqual([]);
    expect(same.added).toStrictEqual([]);
  });

  it("warns about different organisations and different rubrics, naming what differs", () => {
    const c = compareReports(
      report(0, [
        dimension("planning", 0, [], { version: "1.0.0" }),
        dimension("presence", 0, [], { hash: "a" }),
        dimension("commitment", 0, []),
      ]),
      report(
        0,
        [
          dimension("planning", 0, [], { version: "1.1.0" }),
          dimension("presence", 0, [], { hash: "b" }),
          dimension("commitment", 0, []),
        ],
        [],
        { organization: "Acme Ltd" },
      ),
    );
    expect(c.warnings).toStrictEqual([
      'the reports are for different organisations ("Acme" and "Acme Ltd")',
      "planning was scored with rubric version 1.0.0 before and 1.1.0 after; scores may not be comparable",
      "presence was scored with different rubric content (same version 1.0.0); scores may not be comparable",
    ]);
  });
});

describe("baselineChecks", () => {
  it("passes a score exactly on its baseline and fails one a tenth below", () => {
    const baseline = report(50, [dimension("planning", 40, []), dimension("presence", 60, [])]);
    const current = report(50, [dimension("planning", 39.9, []), dimension("presence", 60, [])]);
    expect(baselineChecks(baseline, current)).toStrictEqual([
      { scope: "overall", kind: "baseline", min: 50, actual: 50, passed: true, source: "baseline" },
      {
        scope: "dimension",
        dimension: "planning",
        kind: "baseline",
        min: 40,
        actual: 39.9,
        passed: false,
        source: "baseline",
      },
      {
        scope: "dimension",
        dimension: "presence",
        kind: "baseline",
        min: 60,
        actual: 60,
        passed: true,
        source: "baseline",
      },
    ]);
    expect(baselineChecks(current, report(49.9, []))[0]?.passed).toBe(false);
  });

  it("checks only dimensions the baseline recorded", () => {
    const checks = baselineChecks(
      report(10, [dimension("planning", 40, [])]),
      report(10, [dimension("presence", 0, []), dimension("planning", 45, [])]),
    );
    expect(checks.map((c) => c.dimension ?? "overall")).toStrictEqual(["overall", "planning"]);
    expect(checks[1]?.passed).toBe(true);
  });

  it("holds no dimension to a baseline when either run left it out (--dimension)", () => {
    const left = { ...dimension("planning", 40, []), assessed: false };
    const assessed = dimension("planning", 30, []);
    const both = (base: DimensionResult, now: DimensionResult) =>
      baselineChecks(report(10, [base]), report(10, [now])).map((c) => c.dimension ?? "overall");
    expect(both(assessed, assessed)).toStrictEqual(["overall", "planning"]);
    expect(both(left, assessed)).toStrictEqual(["overall"]);
    expect(both(assessed, { ...assessed, assessed: false })).toStrictEqual(["overall"]);
  });
});
