import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Answer, ScoredQuestion } from "../../src/core/kinds/index.js";

/*
 * The yes/no kind's next step and advice, case by case, including the ties and the
 * "no is the living answer" questions that the rest of the suite only meets in passing.
 * As in kinds-table.test.ts, each test imports the kinds afresh and parses its own
 * questions, so schemas are built while the test runs (mutation testing sees them).
 */

let kinds: typeof import("../../src/core/kinds/index.js");
beforeEach(async () => {
  vi.resetModules();
  kinds = await import("../../src/core/kinds/index.js");
});

const recommendation = { title: "Do it", detail: "Because.", effort: "low" };
/** A yes/no question as a rubric writes it. */
const raw = (extra: Record<string, unknown>) => ({
  id: "q",
  prompt: "Q?",
  help: "Why it matters.",
  weight: 1,
  recommendation,
  kind: "boolean",
  ...extra,
});

function yesNo(extra: Record<string, unknown> = {}): ScoredQuestion {
  const q = kinds.QuestionSchema.parse(raw(extra));
  if (q.kind !== "boolean") throw new Error("expected a boolean question");
  return q;
}

describe("boolean: the next step", () => {
  it.each([
    ["yes is living, unanswered", {}, undefined, { value: true, text: "yes", score: 1 }],
    ["yes is living, answered no", {}, false, { value: true, text: "yes", score: 1 }],
    ["yes is living, answered yes", {}, true, undefined],
    [
      "no is living, unanswered",
      { scores: { yes: 0.2, no: 0.9 } },
      undefined,
      { value: false, text: "no", score: 0.9 },
    ],
    [
      "no is living, answered yes",
      { scores: { yes: 0.2, no: 0.9 } },
      true,
      { value: false, text: "no", score: 0.9 },
    ],
    ["no is living, answered no", { scores: { yes: 0.2, no: 0.9 } }, false, undefined],
    // A tie: unanswered aims at yes; an answer is never told to swap for an equal one.
    [
      "a tie, unanswered",
      { scores: { yes: 0.5, no: 0.5 } },
      undefined,
      { value: true, text: "yes", score: 0.5 },
    ],
    ["a tie, answered yes", { scores: { yes: 0.5, no: 0.5 } }, true, undefined],
    ["a tie, answered no", { scores: { yes: 0.5, no: 0.5 } }, false, undefined],
    // Both worth nothing: any answer at all is the step from none.
    [
      "both zero, unanswered",
      { scores: { yes: 0, no: 0 } },
      undefined,
      { value: true, text: "yes", score: 0 },
    ],
    ["both zero, answered no", { scores: { yes: 0, no: 0 } }, false, undefined],
  ] as const)("%s", (_name, extra, answer, expected) => {
    expect(kinds.nextStep(yesNo(extra), answer as Answer | undefined)).toEqual(expected);
  });
});

describe("boolean: advice for the answer given", () => {
  it("gives the rubric's advice for yes and for no, and none where the rubric has none", () => {
    const advised = yesNo({ advice: { true: "Keep it up.", false: "Start this week." } });
    expect(kinds.adviceFor(advised, true)).toBe("Keep it up.");
    expect(kinds.adviceFor(advised, false)).toBe("Start this week.");
    const halfAdvised = yesNo({ advice: { false: "Start this week." } });
    expect(kinds.adviceFor(halfAdvised, true)).toBeUndefined();
    expect(kinds.adviceFor(yesNo(), false)).toBeUndefined();
  });

  it("refuses advice keyed other than true and false", () => {
    const result = kinds.QuestionSchema.safeParse(raw({ advice: { yes: "Keep it up." } }));
    expect(result.success).toBe(false);
  });
});
