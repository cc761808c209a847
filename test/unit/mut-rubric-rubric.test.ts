import { beforeEach, describe, expect, it, vi } from "vitest";
import { lintRubric, scoredQuestions } from "../../src/core/rubric.js";
import { choice, rubric, text } from "./builders.js";

/*
 * What rubric-rules.test.ts leaves open about rubric.ts: the issues the rubric's own rules
 * raise are zod "custom" issues (so zodProblems keeps their words rather than rewording them as
 * zod's), an empty levels list, which questions are scored, and the linter's boundaries.
 */

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
};

/** Each issue as `code path: message`, straight from zod. */
function issues(result: { success: boolean; error?: { issues: unknown[] } }): string[] {
  return (result.error?.issues ?? []).map((raw) => {
    const issue = raw as { code: string; path: PropertyKey[]; message: string };
    return `${issue.code} ${issue.path.map(String).join(".")}: ${issue.message}`;
  });
}

const level = (id: string, from: number, to: number) => ({ id, label: id, from, to, summary: "." });

describe("the rubric's own rules raise custom issues", () => {
  it("for duplicate ids, clashing aliases and no scored question", () => {
    const aliased = (id: string, aliases: string[]) => ({ ...choice(id, 1), aliases });
    const check = (questions: unknown[]) =>
      issues(schemas.DimensionRubricSchema.safeParse({ ...base, questions }));
    expect(check([choice("a", 1), choice("a", 1)])).toEqual([
      'custom questions.1.id: duplicate question id "a" (first used by question 1)',
    ]);
    expect(check([aliased("a", ["b"]), choice("b", 1)])).toEqual([
      'custom questions.0.aliases.0: alias "b" is already the id of question "b"',
    ]);
    expect(check([text("t")])).toEqual([
      "custom questions: needs at least one scored question (all are text)",
    ]);
  });

  it("for every rule of a levels file", () => {
    const check = (levels: unknown[]) =>
      issues(schemas.LevelsFileSchema.safeParse({ levels }, { reportInput: true }));
    expect(check([level("a", 10, 50), level("a", 60, 60), level("c", 50, 90)])).toEqual([
      "custom levels.0.from: the first level must start at 0",
      'custom levels.1.id: duplicate level id "a"',
      "custom levels.1.to: must be greater than from (60)",
      'custom levels.1.from: gap: "a" ends at 50 but "a" starts at 60',
      'custom levels.2.from: overlap: "a" ends at 60 but "c" starts at 50',
      "custom levels.2.to: the last level must end at 100",
    ]);
  });

  it("an empty levels list only needs more levels: no last level to check", () => {
    expect(issues(schemas.LevelsFileSchema.safeParse({ levels: [] }))).toEqual([
      "too_small levels: needs at least two levels (existing and living)",
    ]);
  });
});

describe("scoredQuestions", () => {
  it("leaves out text questions and keeps the rest in order", () => {
    const r = rubric("d", [text("t1"), choice("a", 1), text("t2"), choice("b", 2)]);
    expect(scoredQuestions(r).map((q) => q.id)).toEqual(["a", "b"]);
  });
});

describe("lintRubric at its boundaries", () => {
  const recommendation = { title: "t", detail: "d", effort: "low" };
  const lint = (...questions: Record<string, unknown>[]) =>
    lintRubric(
      rubric(
        "d",
        questions.map((q, i) => ({
          id: `q${i}`,
          weight: 1,
          prompt: "q?",
          help: ".",
          recommendation,
          ...q,
        })),
      ),
    ).map((p) => `${p.severity ?? "warning"} ${p.path.join(".")}: ${p.message}`);
  const option = (value: string, score: number, advice?: string) => ({
    value,
    label: value,
    score,
    ...(advice ? { advice } : {}),
  });
  const bands = (...scores: [number, string?][]) => ({
    kind: "number",
    unit: "h",
    max: 10 * scores.length,
    bands: scores.map(([score, advice], i) => ({
      from: 10 * i,
      ...(i < scores.length - 1 ? { to: 10 * (i + 1) } : {}),
      score,
      ...(advice ? { advice } : {}),
    })),
  });

  it("advice on a band below full marks is shown, whatever the band's place", () => {
    expect(lint(bands([1], [0, "Catch up."]))).toEqual([]);
    expect(lint(bands([0, "Start."], [0.5, "Go on."], [1]))).toEqual([]);
  });

  it("advice on every band scoring 1 is never shown, the first as much as the last", () => {
    expect(lint(bands([1, "x"], [0], [1, "y"]))).toEqual([
      "warning questions.0.bands.0.advice: this band already has full marks, so its advice is never shown",
      "warning questions.0.bands.2.advice: this band already has full marks, so its advice is never shown",
    ]);
  });

  it("choices in order, equal neighbours included, find nothing; each fall is named", () => {
    expect(
      lint({ kind: "choice", choices: [option("a", 0), option("b", 0), option("c", 1)] }),
    ).toEqual([]);
    expect(
      lint({
        kind: "choice",
        choices: [option("a", 1), option("b", 0.5), option("c", 0.5), option("d", 0)],
      }),
    ).toEqual([
      'warning questions.0.choices.1.score: choices should be ordered from existing to living (lowest to highest score): "b" scores 0.5, below "a" (1)',
      'warning questions.0.choices.3.score: choices should be ordered from existing to living (lowest to highest score): "d" scores 0, below "c" (0.5)',
    ]);
  });

  it("a multi question without a cap always can reach living; a cap over the total cannot", () => {
    expect(lint({ kind: "multi", options: [option("a", 0.25), option("b", 0.5)] })).toEqual([]);
    expect(lint({ kind: "multi", options: [option("a", 0.5), option("b", 0.25)], cap: 2 })).toEqual(
      [
        "warning questions.0.cap: cap 2 is more than all options together (0.75), so this question can never reach living",
      ],
    );
  });

  it("each question's findings carry its own index", () => {
    expect(
      lint(
        { kind: "choice", choices: [option("a", 0), option("b", 1)] },
        { kind: "choice", choices: [option("a", 0), option("b", 1, "x")] },
      ),
    ).toEqual([
      'warning questions.1.choices.1.advice: "b" already has full marks, so its advice is never shown',
    ]);
  });
});
