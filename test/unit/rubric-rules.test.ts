import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  capReferences,
  findQuestion,
  levelFor,
  lintRubric,
  nextLevel,
  mergeDimensions,
} from "../../src/core/rubric.js";
import { zodProblems } from "../../src/core/zod-problems.js";
import { LEVELS, choice, rubric, rubricSet, text } from "./builders.js";

/*
 * Every rule a rubric or levels file is held to, one case each, with the path and words an
 * author sees: the schema's checks (zod), then the linter's findings about advice that could
 * never show or a question that could never reach living.
 */

// The schemas are built on first use and kept; each test builds its own, so a mutation run
// sees the schema code change (see README, Mutation testing).
let schemas: typeof import("../../src/core/rubric.js");
beforeEach(async () => {
  vi.resetModules();
  schemas = await import("../../src/core/rubric.js");
});

const base = {
  id: "d",
  version: "1.0.0",
  title: "D",
  description: "A dimension.",
  existing: "Exists.",
  living: "Lives.",
  weight: 1,
  questions: [choice("q", 1)],
};

/** What the schema says about a rubric: `path: message` lines, in order. */
function rubricProblems(raw: Record<string, unknown>): string[] {
  const result = schemas.DimensionRubricSchema.safeParse(raw, { reportInput: true });
  return result.success
    ? []
    : zodProblems(result.error).map((p) => `${p.path.join(".")}: ${p.message}`);
}

function levelsProblems(levels: unknown[]): string[] {
  const result = schemas.LevelsFileSchema.safeParse({ levels }, { reportInput: true });
  return result.success
    ? []
    : zodProblems(result.error).map((p) => `${p.path.join(".")}: ${p.message}`);
}

describe("a dimension rubric's schema", () => {
  it("accepts a well-formed rubric", () => {
    expect(rubricProblems(base)).toEqual([]);
  });

  it.each([
    ["1.0", 'version: must be a version such as "1.0.0" (major.minor.patch)'],
    ["v1.0.0", 'version: must be a version such as "1.0.0" (major.minor.patch)'],
    ["1.0.0-beta", 'version: must be a version such as "1.0.0" (major.minor.patch)'],
    ["1.a.0", 'version: must be a version such as "1.0.0" (major.minor.patch)'],
    ["1.0.x", 'version: must be a version such as "1.0.0" (major.minor.patch)'],
    [1, 'version: must be a version string such as "1.0.0"'],
  ])("refuses version %j", (version, problem) => {
    expect(rubricProblems({ ...base, version })).toEqual([problem]);
  });

  it("accepts versions of several digits", () => {
    expect(rubricProblems({ ...base, version: "10.20.300" })).toEqual([]);
  });

  it("needs at least one question, and one that is scored", () => {
    expect(rubricProblems({ ...base, questions: [] })).toEqual([
      "questions: needs at least one question",
      "questions: needs at least one scored question (all are text)",
    ]);
    expect(rubricProblems({ ...base, questions: [text("t")] })).toEqual([
      "questions: needs at least one scored question (all are text)",
    ]);
    expect(rubricProblems({ ...base, questions: [text("t"), choice("q", 1)] })).toEqual([]);
  });

  it("names a duplicate question id at the second use, with the first", () => {
    expect(
      rubricProblems({ ...base, questions: [choice("a", 1), choice("b", 1), choice("a", 1)] }),
    ).toEqual(['questions.2.id: duplicate question id "a" (first used by question 1)']);
  });

  it("refuses an alias that is another question's id or another alias", () => {
    const aliased = (id: string, aliases: string[]) => ({ ...choice(id, 1), aliases });
    expect(rubricProblems({ ...base, questions: [aliased("a", ["b"]), choice("b", 1)] })).toEqual([
      'questions.0.aliases.0: alias "b" is already the id of question "b"',
    ]);
    expect(
      rubricProblems({ ...base, questions: [aliased("a", ["old"]), aliased("b", ["old"])] }),
    ).toEqual(['questions.1.aliases.0: alias "old" is already an alias of "a"']);
    expect(rubricProblems({ ...base, questions: [aliased("a", ["old"]), choice("b", 1)] })).toEqual(
      [],
    );
  });
});

describe("a levels file's schema", () => {
  const level = (id: string, from: number, to: number) => ({
    id,
    label: id,
    from,
    to,
    summary: ".",
  });

  it("accepts levels that tile 0 to 100", () => {
    expect(levelsProblems(LEVELS)).toEqual([]);
  });

  it.each([
    [[level("a", 0, 100)], ["levels: needs at least two levels (existing and living)"]],
    [[level("a", 0, 50), level("a", 50, 100)], ['levels.1.id: duplicate level id "a"']],
    [
      [level("a", 0, 50), level("b", 50, 50), level("c", 50, 100)],
      ["levels.1.to: must be greater than from (50)"],
    ],
    [
      [level("a", 0, 50), level("b", 70, 60), level("c", 60, 100)],
      [
        "levels.1.to: must be greater than from (70)",
        'levels.1.from: gap: "a" ends at 50 but "b" starts at 70',
      ],
    ],
    [[level("a", 10, 50), level("b", 50, 100)], ["levels.0.from: the first level must start at 0"]],
    [
      [level("a", 0, 50), level("b", 60, 100)],
      ['levels.1.from: gap: "a" ends at 50 but "b" starts at 60'],
    ],
    [
      [level("a", 0, 50), level("b", 40, 100)],
      ['levels.1.from: overlap: "a" ends at 50 but "b" starts at 40'],
    ],
    [[level("a", 0, 50), level("b", 50, 90)], ["levels.1.to: the last level must end at 100"]],
    [[level("a", 0, 50), level("b", 50, 101)], ["levels.1.to: must be a number from 0 to 100"]],
    [[level("a", -1, 50), level("b", 50, 100)], ["levels.0.from: must be a number from 0 to 100"]],
  ])("refuses %j", (levels, problems) => {
    expect(levelsProblems(levels)).toEqual(expect.arrayContaining(problems));
    expect(levelsProblems(levels).length).toBeGreaterThanOrEqual(problems.length);
  });

  it("reports a level ending where it starts, and nothing else, when the rest tiles", () => {
    expect(levelsProblems([level("a", 0, 50), level("b", 50, 50), level("c", 50, 100)])).toEqual([
      "levels.1.to: must be greater than from (50)",
    ]);
  });
});

describe("levels in use", () => {
  it("finds the level of a score, the last one including 100", () => {
    expect(levelFor(LEVELS, 0).id).toBe("existing");
    expect(levelFor(LEVELS, 39.9).id).toBe("existing");
    expect(levelFor(LEVELS, 40).id).toBe("emerging");
    expect(levelFor(LEVELS, 100).id).toBe("living");
    expect(() => levelFor([], 50)).toThrow("levels must not be empty");
  });

  it("names the next level up, none above the top or for a level not in the list", () => {
    expect(nextLevel(LEVELS, LEVELS[0]!)?.id).toBe("emerging");
    expect(nextLevel(LEVELS, LEVELS[2]!)).toBeUndefined();
    expect(nextLevel(LEVELS, { ...LEVELS[0]!, id: "other" })).toBeUndefined();
  });
});

describe("rubric sets", () => {
  it("finds a question by dimension and id, and nothing for either unknown", () => {
    const set = rubricSet(
      rubric("a", [choice("x", 1)]),
      rubric("b", [choice("x", 1), choice("y", 1)]),
    );
    expect(findQuestion(set, "b", "y")?.id).toBe("y");
    expect(findQuestion(set, "a", "y")).toBeUndefined();
    expect(findQuestion(set, "c", "x")).toBeUndefined();
  });

  it("orders by `order`, then file name; a later source replaces a dimension by id", () => {
    const loaded = (id: string, file: string, order?: number) => ({
      rubric: { ...rubric(id, [choice("q", 1)]), ...(order === undefined ? {} : { order }) },
      origin: { file, builtin: false, hash: file },
    });
    const first = [loaded("b", "b.yaml"), loaded("a", "a.yaml"), loaded("z", "z.yaml", 1)];
    const second = [loaded("a", "mine/a.yaml")];
    const merged = mergeDimensions([first, second]);
    expect(merged.map((d) => d.origin.file)).toEqual(["z.yaml", "mine/a.yaml", "b.yaml"]);
    expect(merged[1]?.overrides?.file).toBe("a.yaml");
    expect(merged[0]?.overrides).toBeUndefined();
    // The input is left as it was.
    expect(first.map((d) => d.origin.file)).toEqual(["b.yaml", "a.yaml", "z.yaml"]);
  });

  it("lists every critical marker's level with its place", () => {
    const numberQuestion = {
      id: "n",
      kind: "number",
      weight: 1,
      prompt: "n?",
      help: ".",
      unit: "h",
      max: 100,
      bands: [
        { from: 0, to: 10, score: 1 },
        { from: 10, score: 0, critical: { cap: "existing", why: "." } },
      ],
      recommendation: { title: "t", detail: "d", effort: "low" },
    };
    const r = rubric("d", [
      choice("a", 1, "low", { critical: "emerging" }),
      choice("b", 1),
      numberQuestion,
    ]);
    expect(capReferences(r)).toEqual([
      { level: "emerging", path: ["questions", 0, "choices", 0, "critical", "cap"] },
      { level: "existing", path: ["questions", 2, "bands", 1, "critical", "cap"] },
    ]);
  });
});

describe("lintRubric", () => {
  const recommendation = { title: "t", detail: "d", effort: "low" };
  const lint = (question: Record<string, unknown>) =>
    lintRubric(
      rubric("d", [{ id: "q", weight: 1, prompt: "q?", help: ".", recommendation, ...question }]),
    ).map((p) => `${p.severity ?? "warning"} ${p.path.join(".")}: ${p.message}`);
  const option = (value: string, score: number, extra: Record<string, unknown> = {}) => ({
    value,
    label: value,
    score,
    ...extra,
  });

  it("finds nothing in a well-made question of each kind", () => {
    expect(lint({ kind: "choice", choices: [option("a", 0), option("b", 1)] })).toEqual([]);
    expect(lint({ kind: "multi", options: [option("a", 0.5), option("b", 0.5)], cap: 1 })).toEqual(
      [],
    );
    expect(lint({ kind: "boolean", advice: { false: "Do it." } })).toEqual([]);
    expect(
      lint({
        kind: "number",
        unit: "h",
        max: 10,
        bands: [
          { from: 0, to: 5, score: 0, advice: "x" },
          { from: 5, score: 1 },
        ],
      }),
    ).toEqual([]);
  });

  it("a choice below full marks with nothing higher is an error: its advice aims nowhere", () => {
    expect(
      lint({ kind: "choice", choices: [option("a", 0), option("b", 0.8), option("c", 0.8)] }),
    ).toEqual([
      'error questions.0.choices.1.score: "b" scores 0.8, below full marks, but no choice scores higher, so its advice has no next step to aim at',
      'error questions.0.choices.2.score: "c" scores 0.8, below full marks, but no choice scores higher, so its advice has no next step to aim at',
      "warning questions.0.choices: no choice scores 1, so this question can never reach living",
    ]);
  });

  it("advice on a full-marks choice, band or living yes/no answer is never shown", () => {
    expect(
      lint({ kind: "choice", choices: [option("a", 0), option("b", 1, { advice: "x" })] }),
    ).toEqual([
      'warning questions.0.choices.1.advice: "b" already has full marks, so its advice is never shown',
    ]);
    expect(
      lint({
        kind: "number",
        unit: "h",
        max: 10,
        bands: [
          { from: 0, to: 5, score: 0 },
          { from: 5, score: 1, advice: "x" },
        ],
      }),
    ).toEqual([
      "warning questions.0.bands.1.advice: this band already has full marks, so its advice is never shown",
    ]);
    expect(lint({ kind: "boolean", advice: { true: "x" } })).toEqual([
      "warning questions.0.advice.true: true is the living answer, so this advice is never shown",
    ]);
    expect(
      lint({ kind: "boolean", scores: { yes: 0.2, no: 0.9 }, advice: { false: "x", true: "y" } }),
    ).toEqual([
      "warning questions.0.advice.false: false is the living answer, so this advice is never shown",
    ]);
    // On a tie, yes counts as the living answer.
    expect(
      lint({ kind: "boolean", scores: { yes: 0.5, no: 0.5 }, advice: { true: "x" } }),
    ).toContain(
      "warning questions.0.advice.true: true is the living answer, so this advice is never shown",
    );
  });

  it("critical on a multi option is an error", () => {
    expect(
      lint({
        kind: "multi",
        options: [option("a", 1, { critical: { cap: "existing", why: "." } }), option("b", 0)],
      }),
    ).toEqual([
      "error questions.0.options.0.critical: critical is for choices and number bands (an answer someone is at); a multi option is a practice to add. Use a choice question for a critical answer",
    ]);
  });

  it("choices out of order, from the first that falls", () => {
    expect(
      lint({
        kind: "choice",
        choices: [option("a", 0.5), option("b", 0), option("c", 1), option("d", 1)],
      }),
    ).toEqual([
      'warning questions.0.choices.1.score: choices should be ordered from existing to living (lowest to highest score): "b" scores 0, below "a" (0.5)',
    ]);
  });

  it("a question that can never reach living", () => {
    expect(lint({ kind: "multi", options: [option("a", 0.25), option("b", 0.5)], cap: 1 })).toEqual(
      [
        "warning questions.0.cap: cap 1 is more than all options together (0.75), so this question can never reach living",
      ],
    );
    expect(
      lint({ kind: "multi", options: [option("a", 0.25), option("b", 0.5)], cap: 0.75 }),
    ).toEqual([]);
    expect(
      lint({
        kind: "number",
        unit: "h",
        max: 10,
        bands: [
          { from: 0, to: 5, score: 0 },
          { from: 5, score: 0.5 },
        ],
      }),
    ).toEqual([
      "warning questions.0.bands: no band scores 1, so this question can never reach living",
    ]);
  });
});
