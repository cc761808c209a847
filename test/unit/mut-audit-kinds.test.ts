import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Answer, Question, ScoredQuestion } from "../../src/core/kinds/index.js";
import type { ChoiceQuestion } from "../../src/core/kinds/choice.js";
import type { MultiQuestion } from "../../src/core/kinds/multi.js";
import type { NumberQuestion } from "../../src/core/kinds/number.js";

/*
 * What each kind proposes next and advises, case by case, and the rubric rules the shared
 * tables leave out: ties broken in rubric order, the nearest rung up rather than the top,
 * band edges scaled per organisation size, advice per scale point, aliases that clash.
 * As in kinds-table.test.ts, every test imports the kinds afresh and parses its own
 * questions, so the schemas it checks are built while it runs.
 */

let kinds: typeof import("../../src/core/kinds/index.js");
let choiceKind: typeof import("../../src/core/kinds/choice.js");
let multiKind: typeof import("../../src/core/kinds/multi.js");
let numberKind: typeof import("../../src/core/kinds/number.js");
beforeEach(async () => {
  vi.resetModules();
  kinds = await import("../../src/core/kinds/index.js");
  choiceKind = await import("../../src/core/kinds/choice.js");
  multiKind = await import("../../src/core/kinds/multi.js");
  numberKind = await import("../../src/core/kinds/number.js");
});

const recommendation = { title: "Do it", detail: "Because.", effort: "low" };
const base = { id: "q", prompt: "Q?", help: "Why it matters.", weight: 1, recommendation };
const critical = { cap: "emerging", why: "Nobody is home." };

function parse(raw: Record<string, unknown>): ScoredQuestion {
  const q: Question = kinds.QuestionSchema.parse({ ...base, ...raw });
  if (!kinds.isScored(q)) throw new Error("expected a scored question");
  return q;
}
const problems = (raw: Record<string, unknown>) =>
  kinds.QuestionSchema.safeParse({ ...base, ...raw }).error?.issues.map((i) => ({
    path: i.path,
    message: i.message,
  })) ?? [];
const next = (raw: Record<string, unknown>, answer: Answer | undefined) =>
  kinds.nextStep(parse(raw), answer);

const option = (value: string, score: number, extra: Record<string, unknown> = {}) => ({
  value,
  label: value.toUpperCase(),
  score,
  ...extra,
});

describe("choice: the next step is the nearest rung up, first in rubric order on ties", () => {
  // Written out of score order on purpose: the best is neither first nor last.
  const ladder = {
    kind: "choice",
    choices: [option("low", 0), option("top", 1), option("mid", 0.5), option("mid2", 0.5)],
  };
  it.each([
    ["unanswered: the best, wherever it is", undefined, { value: "top", text: "TOP", score: 1 }],
    [
      "from the bottom: the nearest rung, the first of two equal",
      "low",
      { value: "mid", text: "MID", score: 0.5 },
    ],
    ["from a middle rung: the next one up", "mid2", { value: "top", text: "TOP", score: 1 }],
    ["at the top: none", "top", undefined],
  ] as const)("%s", (_name, answer, expected) => {
    expect(next(ladder, answer)).toEqual(expected);
  });

  it("two equally best choices: unanswered aims at the first", () => {
    const tied = { kind: "choice", choices: [option("a", 0), option("b", 1), option("c", 1)] };
    expect(next(tied, undefined)).toEqual({ value: "b", text: "B", score: 1 });
  });

  it("the nearest rung up, even when a higher one comes first", () => {
    const q = parse({
      kind: "choice",
      choices: [option("low", 0), option("top", 1), option("mid", 0.5)],
    });
    expect(choiceKind.nextChoice(q as ChoiceQuestion, "low")?.value).toBe("mid");
  });
});

describe("choice: advice and critical markers of the answer given", () => {
  const q = {
    kind: "choice",
    choices: [
      option("none", 0, { advice: "Name someone.", critical }),
      option("some", 0.5),
      option("all", 1, { advice: "Keep it up." }),
    ],
  };
  it.each([
    ["none", "Name someone.", critical],
    ["some", undefined, undefined],
    ["all", "Keep it up.", undefined],
    // An answer no choice has (never past validation): nothing, rather than a crash.
    ["retired", undefined, undefined],
  ])("%s", (answer, advice, marker) => {
    expect(kinds.adviceFor(parse(q), answer)).toBe(advice);
    expect(kinds.criticalFor(parse(q), answer)).toEqual(marker);
  });
});

describe("choice: aliases", () => {
  it("map each old value to its current one; no aliases, an empty map", () => {
    const q = parse({
      kind: "choice",
      choices: [option("a", 0, { aliases: ["old-a", "older-a"] }), option("b", 1)],
    }) as ChoiceQuestion;
    expect([...choiceKind.optionAliases(q.choices)]).toEqual([
      ["old-a", "a"],
      ["older-a", "a"],
    ]);
    const plain = parse({ kind: "choice", choices: [option("a", 0), option("b", 1)] });
    expect(choiceKind.optionAliases((plain as ChoiceQuestion).choices).size).toBe(0);
  });

  it.each([
    [
      "an alias that is a current value",
      [option("a", 0), option("b", 1, { aliases: ["x", "a"] })],
      [
        {
          path: ["choices", 1, "aliases", 1],
          message: 'alias "a" is already a value of this question',
        },
      ],
    ],
    [
      "an alias of two options",
      [option("a", 0, { aliases: ["x"] }), option("b", 1, { aliases: ["x"] })],
      [
        {
          path: ["choices", 1, "aliases", 0],
          message: 'alias "x" is already an alias of another option of this question',
        },
      ],
    ],
    [
      "distinct aliases",
      [option("a", 0, { aliases: ["x"] }), option("b", 1, { aliases: ["y"] })],
      [],
    ],
  ])("%s", (_name, choices, expected) => {
    expect(problems({ kind: "choice", choices })).toEqual(expected);
  });

  it("the same rule holds for a multi question's options", () => {
    const options = [option("a", 0), option("b", 1, { aliases: ["a"] })];
    expect(problems({ kind: "multi", options })).toEqual([
      {
        path: ["options", 1, "aliases", 0],
        message: 'alias "a" is already a value of this question',
      },
    ]);
  });
});

describe("multi: the next step", () => {
  const practices = {
    kind: "multi",
    options: [
      option("listen", 0.5, { advice: "Listen first." }),
      option("answer", 0.25),
      option("thank", 0.75, { advice: "Thank them." }),
    ],
  };
  it.each([
    // Unanswered: the most valuable practices until full marks, as a list.
    [
      "unanswered",
      undefined,
      { value: ["thank", "listen", "answer"], text: "THANK; LISTEN; ANSWER", score: 1 },
    ],
    // Answered: the one missing practice worth most, as a single value.
    ["none yet", [], { value: "thank", text: "THANK", score: 0.5 }],
    ["one in place", ["thank"], { value: "listen", text: "LISTEN", score: 1.25 / 1.5 }],
    ["the last one missing", ["thank", "listen"], { value: "answer", text: "ANSWER", score: 1 }],
    ["all in place", ["listen", "answer", "thank"], undefined],
  ] as const)("%s", (_name, answer, expected) => {
    const step = next(practices, answer as Answer | undefined);
    expect(step && { ...step, score: Math.round(step.score * 1e9) / 1e9 }).toEqual(
      expected && { ...expected, score: Math.round(expected.score * 1e9) / 1e9 },
    );
  });

  it("stops adding practices once the cap is reached, and ties go to rubric order", () => {
    const capped = {
      kind: "multi",
      options: [option("a", 0.5), option("b", 0.5), option("c", 0.5)],
      cap: 1,
    };
    expect(next(capped, undefined)).toEqual({ value: ["a", "b"], text: "A; B", score: 1 });
    expect(next(capped, [])).toEqual({ value: "a", text: "A", score: 0.5 });
    expect(next(capped, ["b"])).toEqual({ value: "a", text: "A", score: 1 });
  });

  it("never proposes a practice worth nothing", () => {
    const withFreebie = { kind: "multi", options: [option("x", 1), option("z", 0)], cap: 2 };
    expect(next(withFreebie, undefined)).toEqual({ value: "x", text: "X", score: 0.5 });
    const worthless = { kind: "multi", options: [option("a", 0), option("b", 0)] };
    expect(next(worthless, undefined)).toBeUndefined();
    expect(next(worthless, [])).toBeUndefined();
  });

  it("advises how to start the practice the step adds; none at full marks", () => {
    const q = parse(practices);
    expect(kinds.adviceFor(q, [])).toBe("Thank them.");
    expect(kinds.adviceFor(q, ["thank"])).toBe("Listen first.");
    expect(kinds.adviceFor(q, ["thank", "listen"])).toBeUndefined();
    expect(kinds.adviceFor(q, ["thank", "listen", "answer"])).toBeUndefined();
  });

  it("a multi question has no critical answers", () => {
    expect(kinds.criticalFor(parse(practices), [])).toBeUndefined();
  });

  it("caps its score at full marks", () => {
    const q = parse({ kind: "multi", options: [option("a", 1), option("b", 1)], cap: 1 });
    expect(multiKind.multiCap(q as MultiQuestion)).toBe(1);
    expect(kinds.scoreAnswer(q, ["a", "b"])).toBe(1);
  });
});

describe("scale", () => {
  const frequency = {
    kind: "scale",
    labels: ["never", "rarely", "sometimes", "often", "always"],
    advice: ["Start.", "More.", "Keep going.", "Nearly.", "Done."],
  };

  it.each([
    ["unanswered: the top", undefined, { value: 5, text: "5 (always)", score: 1 }],
    ["one point up, labelled", 2, { value: 3, text: "3 (sometimes)", score: 0.5 }],
    ["from the bottom", 1, { value: 2, text: "2 (rarely)", score: 0.25 }],
    ["at the top: none", 5, undefined],
  ] as const)("next, %s", (_name, answer, expected) => {
    expect(next(frequency, answer)).toEqual(expected);
  });

  it("next, on a scale from 0", () => {
    const shifted = { kind: "scale", min: 0, max: 2, labels: ["no", "partly", "yes"] };
    expect(next(shifted, 0)).toEqual({ value: 1, text: "1 (partly)", score: 0.5 });
  });

  it("advises per point, from min", () => {
    const q = parse(frequency);
    expect([1, 2, 3, 4, 5].map((a) => kinds.adviceFor(q, a))).toEqual(frequency.advice);
    expect(kinds.adviceFor(parse({ ...frequency, advice: undefined }), 3)).toBeUndefined();
  });

  it.each([
    ["one entry per label", frequency.advice, []],
    [
      "an entry short",
      frequency.advice.slice(1),
      [{ path: ["advice"], message: "needs one entry per label (5), found 4" }],
    ],
    [
      "an entry too many",
      [...frequency.advice, "Beyond."],
      [{ path: ["advice"], message: "needs one entry per label (5), found 6" }],
    ],
  ])("advice: %s", (_name, advice, expected) => {
    expect(problems({ ...frequency, advice })).toEqual(expected);
  });
});

describe("number: the next band", () => {
  const hours = (bands: object[], extra: Record<string, unknown> = {}) => ({
    kind: "number",
    unit: "hours",
    max: 100,
    bands,
    ...extra,
  });
  const band = (from: number, to: number | undefined, score: number, extra: object = {}) => ({
    from,
    ...(to === undefined ? {} : { to }),
    score,
    ...extra,
  });

  it.each([
    [
      "unanswered: the best band, at its start",
      undefined,
      { value: 2, text: "2 to 24 hours", score: 1 },
    ],
    [
      "from the worst: the nearest better band",
      1,
      { value: 24, text: "soon (24 hours or more)", score: 0.5 },
    ],
    ["from the middle: the best", 30, { value: 2, text: "2 to 24 hours", score: 1 }],
    ["at the best: none", 10, undefined],
  ] as const)("%s", (_name, answer, expected) => {
    // Out of score order, and the best band is neither first nor last.
    const q = hours([band(0, 2, 0), band(2, 24, 1), band(24, undefined, 0.5, { label: "soon" })]);
    expect(next(q, answer)).toEqual(expected);
  });

  it("ties go to the first band in rubric order", () => {
    const q = hours([band(0, 10, 0), band(10, 20, 1), band(20, undefined, 1)]);
    expect(next(q, undefined)).toMatchObject({ value: 10 });
    const rungs = hours([band(0, 10, 0), band(10, 20, 0.5), band(20, undefined, 0.5)]);
    expect(next(rungs, 5)).toMatchObject({ value: 10 });
  });

  it("aims at min when the best band starts below it", () => {
    const q = hours([band(-10, 5, 1), band(5, undefined, 0)]);
    expect(next(q, undefined)).toEqual({ value: 0, text: "-10 to 5 hours", score: 1 });
  });

  it("shows band edges to two decimals", () => {
    const q = hours([band(0, 1.23456, 0), band(1.23456, undefined, 1)]);
    expect(next(q, 0)).toMatchObject({ text: "1.23 hours or more" });
  });

  it("advice and critical markers come from the answer's band; outside every band, none", () => {
    const q = parse(
      hours(
        [band(0, 2, 1, { advice: "Fast." }), band(2, undefined, 0, { advice: "Slow.", critical })],
        {
          min: 0,
        },
      ),
    );
    expect([0, 1.99, 2, -1].map((a) => kinds.adviceFor(q, a))).toEqual([
      "Fast.",
      "Fast.",
      "Slow.",
      undefined,
    ]);
    expect([0, 2, -1].map((a) => kinds.criticalFor(q, a))).toEqual([
      undefined,
      critical,
      undefined,
    ]);
  });
});

describe("number: band edges scaled per organisation size", () => {
  const weekly = (bandScale: Record<string, unknown>) => ({
    kind: "number",
    unit: "hours",
    min: 1,
    max: 40,
    bands: [
      { from: 1, to: 5, score: 0 },
      { from: 5, to: 20, score: 0.5 },
      { from: 20, to: 60, score: 1 },
    ],
    bandScale,
  });
  const forSize = (q: ScoredQuestion, size: "solo" | "micro" | "large" | undefined) =>
    numberKind.forSize(q as NumberQuestion, size);

  it("no size, an unlisted size or a factor of 1: the question itself", () => {
    const q = parse(weekly({ large: 1, micro: 0.5 }));
    expect(forSize(q, undefined)).toBe(q);
    expect(forSize(q, "solo")).toBe(q);
    expect(forSize(q, "large")).toBe(q);
  });

  it("other edges scale; the first band keeps its start at min", () => {
    const q = parse(weekly({ solo: 0.25, micro: 1.5 }));
    expect(forSize(q, "micro")).toMatchObject({
      bands: [
        { from: 1, to: 7.5 },
        { from: 7.5, to: 30 },
        { from: 30, to: 90 },
      ],
    });
  });

  it("a last band scaled down to max or below becomes open-ended", () => {
    const atMax = forSize(parse(weekly({ micro: 40 / 60 })), "micro");
    expect(atMax.bands[2]).toEqual({ from: 20 * (40 / 60), score: 1 });
    const below = forSize(parse(weekly({ solo: 0.5 })), "solo");
    expect(below.bands.map((b) => b.to)).toEqual([2.5, 10, undefined]);
    // Still beyond max: kept.
    const above = forSize(parse(weekly({ solo: 0.7 })), "solo");
    expect(above.bands[2]?.to).toBeCloseTo(42, 10);
  });

  it("each size's question is made once and kept", () => {
    const q = parse(weekly({ solo: 0.5, micro: 2 }));
    const solo = forSize(q, "solo");
    expect(forSize(q, "solo")).toBe(solo);
    expect(forSize(q, "micro")).not.toBe(solo);
    expect(forSize(q, "micro")).toBe(forSize(q, "micro"));
  });

  it.each([
    [{ micro: 0 }, [{ path: ["bandScale", "micro"], message: "must be a number greater than 0" }]],
    [{ micro: -1 }, [{ path: ["bandScale", "micro"], message: "must be a number greater than 0" }]],
    [
      { micro: "2" },
      [{ path: ["bandScale", "micro"], message: "must be a number greater than 0" }],
    ],
    [{ micro: 101 }, [{ path: ["bandScale", "micro"], message: "must be at most 100" }]],
    [{ micro: 100, solo: 0.01 }, []],
  ])("bandScale %j", (bandScale, expected) => {
    expect(problems(weekly(bandScale))).toEqual(expected);
  });
});

describe("rules zod cannot check itself are custom issues", () => {
  const codes = (raw: Record<string, unknown>) =>
    kinds.QuestionSchema.safeParse({ ...base, ...raw }).error?.issues.map((i) => i.code);
  it("a clashing alias, and scale advice of the wrong length", () => {
    const choices = [option("a", 0), option("b", 1, { aliases: ["a"] })];
    expect(codes({ kind: "choice", choices })).toEqual(["custom"]);
    expect(codes({ kind: "scale", labels: ["a", "b", "c", "d", "e"], advice: ["x"] })).toEqual([
      "custom",
    ]);
  });
});

describe("boolean: advice where the rubric gives none", () => {
  it("is absent for either answer, without advice at all", () => {
    const q = parse({ kind: "boolean" });
    expect(kinds.adviceFor(q, true)).toBeUndefined();
    expect(kinds.adviceFor(q, false)).toBeUndefined();
  });
});
