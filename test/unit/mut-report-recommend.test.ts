import { describe, expect, it } from "vitest";
import { candidates, pathToNextLevel } from "../../src/core/recommend.js";
import { levelFor } from "../../src/core/rubric.js";
import { scoreDimension, type ScoredDimension } from "../../src/core/scoring.js";
import { LEVELS as levels, choice, rubric } from "./builders.js";

/*
 * pathToNextLevel for a dimension held below its score's level by a critical answer: the
 * next level is counted from the level shown, the points from the score.
 */

const dimension = (questions: unknown[], answers: Record<string, string>): ScoredDimension => ({
  ...scoreDimension(rubric("d", questions), new Map(Object.entries(answers))),
  weight: 1,
  weightSource: "rubric",
  assessed: true,
});

describe("pathToNextLevel from a capped level", () => {
  // Weights 1 (critical at none, capping at emerging) and 3 at all: 75, living by score.
  const d = dimension([choice("crit", 1, "low", { critical: "emerging" }), choice("big", 3)], {
    crit: "none",
    big: "all",
  });
  const emerging = levelFor(levels, 50);

  it("aims at the level above the one shown, needing no points, with the critical answer as its step", () => {
    expect(d.raw).toBe(75);
    const path = pathToNextLevel(d, levels, candidates([d]), emerging);
    expect(path?.level.id).toBe("living");
    expect(path?.pointsNeeded).toBe(0);
    expect(path?.steps.map((s) => s.question)).toEqual(["crit"]);
  });

  it("has nowhere to go when shown at its score's level, the top", () => {
    expect(pathToNextLevel(d, levels, candidates([d]))).toBeNull();
  });
});
