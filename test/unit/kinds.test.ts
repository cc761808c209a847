import { describe, expect, it } from "vitest";
import {
  QuestionSchema,
  answerSchemaFor,
  scoreAnswer,
  type Answer,
  type ScoredQuestion,
} from "../../src/core/kinds/index.js";

const recommendation = { title: "Do it", detail: "Because.", effort: "low" };
const base = { prompt: "Q?", help: "Why it matters.", weight: 1, recommendation };

function question(raw: Record<string, unknown>): ScoredQuestion {
  const parsed = QuestionSchema.parse({ id: "q", ...base, ...raw });
  if (parsed.kind === "text") throw new Error("expected a scored question");
  return parsed;
}

const choice = question({
  kind: "choice",
  choices: [
    { value: "none", label: "None", score: 0 },
    { value: "some", label: "Some", score: 0.5 },
    { value: "all", label: "All", score: 1 },
  ],
});
const multi = question({
  kind: "multi",
  options: [
    { value: "a", label: "A", score: 0.5 },
    { value: "b", label: "B", score: 0.5 },
    { value: "c", label: "C", score: 0.5 },
  ],
  cap: 1,
});
const bool = question({ kind: "boolean" });
const invertedBool = question({ kind: "boolean", scores: { yes: 0, no: 1 } });
const scale = question({ kind: "scale", min: 1, max: 5, labels: ["1", "2", "3", "4", "5"] });
const number = question({
  kind: "number",
  unit: "hours",
  min: 0,
  max: 100,
  bands: [
    { from: 0, to: 2, score: 1 },
    { from: 2, to: 24, score: 0.5 },
    { from: 24, score: 0 },
  ],
});

// Table-driven, as ESLint's RuleTester: each kind with its answers and the score they earn.
const cases: [string, ScoredQuestion, Answer, number][] = [
  ["choice lowest", choice, "none", 0],
  ["choice middle", choice, "some", 0.5],
  ["choice highest", choice, "all", 1],
  ["multi none", multi, [], 0],
  ["multi one", multi, ["a"], 0.5],
  ["multi capped", multi, ["a", "b", "c"], 1],
  ["boolean yes", bool, true, 1],
  ["boolean no", bool, false, 0],
  ["boolean inverted yes", invertedBool, true, 0],
  ["scale min", scale, 1, 0],
  ["scale mid", scale, 3, 0.5],
  ["scale max", scale, 5, 1],
  ["number first band", number, 0, 1],
  ["number band edge belongs to the next band", number, 2, 0.5],
  ["number open-ended band", number, 100, 0],
];

describe("scoring by kind", () => {
  it.each(cases)("%s", (_name, q, answer, expected) => {
    expect(answerSchemaFor(q).safeParse(answer).success).toBe(true);
    expect(scoreAnswer(q, answer)).toBeCloseTo(expected, 10);
  });
});

const invalid: [string, ScoredQuestion, unknown, RegExp][] = [
  ["choice unknown value suggests the nearest", choice, "som", /did you mean "some"/],
  ["choice wrong type", choice, 3, /must be one of "none", "some", "all"/],
  ["multi not a list", multi, "a", /must be a list/],
  ["multi unknown option", multi, ["a", "z"], /must be one of/],
  ["multi duplicate", multi, ["a", "a"], /more than once/],
  ["boolean as string", bool, "yes", /true or false/],
  ["scale out of range", scale, 6, /whole number from 1 to 5/],
  ["scale fraction", scale, 2.5, /whole number from 1 to 5/],
  ["number out of range", number, 101, /hours from 0 to 100/],
  ["number negative", number, -1, /hours from 0 to 100/],
  ["number as string", number, "fast", /hours from 0 to 100/],
];

describe("answer validation by kind", () => {
  it.each(invalid)("%s", (_name, q, answer, message) => {
    const result = answerSchemaFor(q).safeParse(answer);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join("\n")).toMatch(message);
  });
});

describe("question schemas", () => {
  it("rejects number bands with a gap", () => {
    const result = QuestionSchema.safeParse({
      id: "q",
      ...base,
      kind: "number",
      unit: "h",
      min: 0,
      max: 10,
      bands: [
        { from: 0, to: 2, score: 1 },
        { from: 3, score: 0 },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/gap/);
    expect(result.error?.issues[0]?.path).toEqual(["bands", 1, "from"]);
  });

  it("rejects overlapping bands", () => {
    const result = QuestionSchema.safeParse({
      id: "q",
      ...base,
      kind: "number",
      unit: "h",
      min: 0,
      max: 10,
      bands: [
        { from: 0, to: 5, score: 1 },
        { from: 3, score: 0 },
      ],
    });
    expect(result.error?.issues[0]?.message).toMatch(/overlap/);
  });

  it("rejects a scale whose labels do not match its points", () => {
    const result = QuestionSchema.safeParse({
      id: "q",
      ...base,
      kind: "scale",
      min: 1,
      max: 5,
      labels: ["a", "b"],
    });
    expect(result.error?.issues[0]?.message).toMatch(/one label per point: 5/);
  });

  it("rejects an unknown kind, naming the allowed ones", () => {
    const result = QuestionSchema.safeParse({ id: "q", ...base, kind: "slider" });
    expect(result.error?.issues[0]?.message).toMatch(/kind must be one of "choice"/);
  });

  it("rejects duplicate choice values and zero weights", () => {
    const dup = QuestionSchema.safeParse({
      id: "q",
      ...base,
      kind: "choice",
      choices: [
        { value: "a", label: "A", score: 0 },
        { value: "a", label: "A2", score: 1 },
      ],
    });
    expect(dup.error?.issues[0]?.message).toMatch(/duplicate value "a"/);
    const zero = QuestionSchema.safeParse({ id: "q", ...base, weight: 0, kind: "boolean" });
    expect(zero.error?.issues[0]?.message).toMatch(/greater than 0/);
  });
});
