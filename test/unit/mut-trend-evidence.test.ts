import { describe, expect, it } from "vitest";
import {
  bestWithoutEvidence,
  evidenceOf,
  needsEvidence,
  parseMaxAge,
  requireEvidence,
  staleAnswers,
  unsupportedClaims,
} from "../../src/core/evidence.js";
import type { Answer, Question } from "../../src/core/kinds/index.js";
import type { Profile } from "../../src/core/schema-parts.js";
import { choice, plan, rubric, rubricSet, text } from "./builders.js";

/*
 * Evidence rules on one hand-made rubric with a question of every kind, each marking one
 * answer (or band, or option) as a claim to back up, so every case can be worked out by hand.
 */

const recommendation = { title: "Do it", detail: "Detail.", effort: "low" };
const asked = (id: string) => ({ id, prompt: `${id}?`, help: "Help.", weight: 1, recommendation });

const questions = {
  // none 0, some 0.5, all 1 (all needs evidence).
  choice: choice("choice", 1, "low", { evidence: true }),
  // Two best unmarked choices tie at 0.5: the first listed wins.
  tied: {
    ...asked("tied"),
    kind: "choice",
    choices: [
      { value: "none", label: "None", score: 0 },
      { value: "some", label: "Some", score: 0.5 },
      { value: "half", label: "Half", score: 0.5 },
      { value: "all", label: "All", score: 1, needsEvidence: true },
    ],
  },
  // The marked choice is not the best: "some" is the claim, "all" needs nothing.
  odd: {
    ...asked("odd"),
    kind: "choice",
    choices: [
      { value: "none", label: "None", score: 0 },
      { value: "some", label: "Some", score: 0.5, needsEvidence: true },
      { value: "all", label: "All", score: 1 },
    ],
  },
  // Every choice needs evidence: nothing to fall back on.
  allMarked: {
    ...asked("all-marked"),
    kind: "choice",
    choices: [
      { value: "low", label: "Low", score: 0, needsEvidence: true },
      { value: "high", label: "High", score: 1, needsEvidence: true },
    ],
  },
  multi: {
    ...asked("multi"),
    kind: "multi",
    options: [
      { value: "audited", label: "Audited", score: 1, needsEvidence: true },
      { value: "written", label: "Written", score: 1 },
      { value: "shared", label: "Shared", score: 1, needsEvidence: false },
    ],
  },
  yes: { ...asked("yes"), kind: "boolean", needsEvidence: true },
  // "no" is the living answer, so false is the claim.
  no: { ...asked("no"), kind: "boolean", needsEvidence: true, scores: { yes: 0, no: 1 } },
  // Equal scores: true counts as the claim, as it does for the next step.
  even: { ...asked("even"), kind: "boolean", needsEvidence: true, scores: { yes: 0.5, no: 0.5 } },
  unmarked: { ...asked("unmarked"), kind: "boolean" },
  number: {
    ...asked("number"),
    kind: "number",
    unit: "hours",
    min: 0,
    max: 40,
    bands: [
      { from: 0, to: 10, score: 0 },
      { from: 10, to: 20, score: 0.5, label: "Some" },
      { from: 20, score: 1, needsEvidence: true },
    ],
    bandScale: { large: 2 },
  },
  scale: { ...asked("scale"), kind: "scale", labels: ["1", "2", "3", "4", "5"] },
  text: text("text"),
};

const d = rubric("d", Object.values(questions));
const rubrics = rubricSet(d);
const q = (id: string): Question => {
  const found = d.questions.find((x) => x.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("needsEvidence: which answers are claims", () => {
  const cases: [question: string, answer: Answer, claim: boolean, profile?: Profile][] = [
    ["choice", "all", true],
    ["choice", "some", false],
    // An answer the question does not know is no claim (and no crash).
    ["choice", "unknown", false],
    ["choice", "n/a", false],
    ["multi", ["written", "audited"], true],
    ["multi", ["audited"], true],
    ["multi", ["written", "shared"], false],
    ["multi", [], false],
    ["multi", "audited", false],
    ["yes", true, true],
    ["yes", false, false],
    ["no", false, true],
    ["no", true, false],
    ["even", true, true],
    ["even", false, false],
    ["unmarked", true, false],
    ["number", 20, true],
    ["number", 19.5, false],
    ["number", 40, true],
    // Below every band: no band, no claim.
    ["number", -1, false],
    // Only a number is a number claim.
    ["number", true, false],
    ["number", "25", false],
    // For a large organisation the bands double: 20 hours is only "Some".
    ["number", 20, false, { size: "large" }],
    ["number", 40, true, { size: "large" }],
    ["scale", 5, false],
    ["text", "anything", false],
  ];
  it.each(cases)("%s answered %j: %s", (id, answer, claim, profile) => {
    expect(needsEvidence(q(id), answer, profile)).toBe(claim);
  });
});

describe("bestWithoutEvidence: what an unsupported claim falls back to", () => {
  const cases: [question: string, answer: Answer, best: unknown, profile?: Profile][] = [
    ["choice", "all", { value: "some", text: "Some" }],
    ["tied", "all", { value: "some", text: "Some" }],
    ["all-marked", "high", undefined],
    [
      "multi",
      ["shared", "audited", "written"],
      { value: ["shared", "written"], text: "Shared; Written" },
    ],
    ["multi", ["audited"], { value: [], text: "none" }],
    ["multi", ["unknown"], { value: ["unknown"], text: "unknown" }],
    ["multi", "audited", undefined],
    ["yes", true, { value: false, text: "no" }],
    ["no", false, { value: true, text: "yes" }],
    ["even", true, { value: false, text: "no" }],
    ["number", 30, { value: 10, text: "Some (10 to 20 hours)" }],
    ["number", 45, { value: 20, text: "Some (20 to 40 hours)" }, { size: "large" }],
    ["scale", 5, undefined],
    ["text", "anything", undefined],
  ];
  it.each(cases)("%s answered %j", (id, answer, best, profile) => {
    expect(bestWithoutEvidence(q(id), answer, profile)).toEqual(best);
  });
});

describe("unsupportedClaims and requireEvidence", () => {
  const claims = plan(
    {
      d: {
        choice: "all",
        multi: ["written", "audited"],
        yes: true,
        no: true,
        unmarked: true,
        number: 5,
        scale: 5,
        text: "notes",
        odd: "some",
        "all-marked": "high",
      },
      other: { anything: "all" },
    },
    { meta: { d: { yes: { evidence: "minutes.pdf" }, no: { asOf: "2026-01-01" } } } },
  );

  it("lists, in rubric order, only the claims given without evidence", () => {
    expect(unsupportedClaims(rubrics, claims)).toEqual([
      { dimension: "d", question: "choice", claimed: "All" },
      { dimension: "d", question: "odd", claimed: "Some" },
      { dimension: "d", question: "all-marked", claimed: "High" },
      { dimension: "d", question: "multi", claimed: "Written; Audited" },
    ]);
  });

  it("reads evidence safely when the plan's meta covers other dimensions only", () => {
    const p = plan({ d: { choice: "all" } }, { meta: { other: { x: { evidence: "e.pdf" } } } });
    expect(unsupportedClaims(rubrics, p)).toEqual([
      { dimension: "d", question: "choice", claimed: "All" },
    ]);
  });

  it("has no claims in a dimension the plan does not answer", () => {
    expect(unsupportedClaims(rubrics, plan({ other: { choice: "all" } }))).toEqual([]);
  });

  it("scores each claim as its fallback, unless there is none or it would score more", () => {
    const result = requireEvidence(rubrics, claims);
    expect(result.unsupported).toEqual([
      {
        dimension: "d",
        question: "choice",
        claimed: "All",
        scoredAs: { value: "some", text: "Some" },
      },
      { dimension: "d", question: "odd", claimed: "Some", scoredAs: null },
      { dimension: "d", question: "all-marked", claimed: "High", scoredAs: null },
      {
        dimension: "d",
        question: "multi",
        claimed: "Written; Audited",
        scoredAs: { value: ["written"], text: "Written" },
      },
    ]);
    const answers = result.plan.answers.get("d");
    expect(answers?.get("choice")).toBe("some");
    expect(answers?.get("odd")).toBe("some");
    expect(answers?.get("all-marked")).toBe("high");
    expect(answers?.get("multi")).toEqual(["written"]);
    expect(answers?.get("yes")).toBe(true);
    expect(result.plan.answers.get("other")?.get("anything")).toBe("all");
    expect(result.plan.organization).toBe("Acme");
    // The plan given is left as it was.
    expect(claims.answers.get("d")?.get("choice")).toBe("all");
  });

  it("replaces a claim by an unmarked answer that scores the same", () => {
    const result = requireEvidence(rubrics, plan({ d: { even: true } }));
    expect(result.unsupported).toEqual([
      { dimension: "d", question: "even", claimed: "yes", scoredAs: { value: false, text: "no" } },
    ]);
    expect(result.plan.answers.get("d")?.get("even")).toBe(false);
  });

  it("returns the plan itself when nothing needs evidence", () => {
    const given = plan({ d: { choice: "some" } });
    const result = requireEvidence(rubrics, given);
    expect(result.plan).toBe(given);
    expect(result.unsupported).toEqual([]);
  });
});

describe("freshness", () => {
  it.each([
    ["12d", 12],
    [" 6w ", 42],
    ["2m", 60],
    ["1y", 365],
    ["99999d", 99999],
    ["0d", undefined],
    ["12dx", undefined],
    ["x12d", undefined],
    ["123456d", undefined],
    ["12", undefined],
  ])("parseMaxAge(%j) is %s", (raw, days) => {
    expect(parseMaxAge(raw)).toBe(days);
  });

  const dated = plan(
    { d: { choice: "all", yes: true, no: false, text: "notes" }, other: { x: "y" } },
    {
      date: "2026-01-01",
      meta: {
        d: { yes: { asOf: "2025-01-01" }, no: { evidence: "e.pdf" } },
        other: { x: { asOf: "2000-01-01" } },
      },
    },
  );

  it("judges each answer by its asOf, else the plan's date, and only when older than allowed", () => {
    expect(staleAnswers(rubrics, dated, 30, "2026-01-31")).toEqual([
      { dimension: "d", question: "yes", asOf: "2025-01-01", ageDays: 395, from: "answer" },
    ]);
    expect(staleAnswers(rubrics, dated, 29, "2026-01-31")).toEqual([
      { dimension: "d", question: "choice", asOf: "2026-01-01", ageDays: 30, from: "plan" },
      { dimension: "d", question: "yes", asOf: "2025-01-01", ageDays: 395, from: "answer" },
      { dimension: "d", question: "no", asOf: "2026-01-01", ageDays: 30, from: "plan" },
    ]);
  });

  it("does not judge answers with no date, and reads meta of other dimensions safely", () => {
    const undated = plan(
      { d: { choice: "all" } },
      { meta: { other: { x: { asOf: "2000-01-01" } } } },
    );
    expect(staleAnswers(rubrics, undated, 1, "2026-01-31")).toEqual([]);
  });

  it("gives an answer's evidence fields, null for those not given, null for a plain answer", () => {
    expect(evidenceOf(dated, "d", "yes")).toEqual({ evidence: null, asOf: "2025-01-01", by: null });
    expect(evidenceOf(dated, "d", "no")).toEqual({ evidence: "e.pdf", asOf: null, by: null });
    expect(evidenceOf(dated, "d", "choice")).toBeNull();
    expect(evidenceOf(plan({ d: { yes: true } }), "d", "yes")).toBeNull();
  });
});
