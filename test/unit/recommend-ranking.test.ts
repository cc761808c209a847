import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/kinds/index.js";
import { candidates, pathToNextLevel, prioritize } from "../../src/core/recommend.js";
import { scoreDimension, type ScoredDimension } from "../../src/core/scoring.js";
import { LEVELS as levels, choice, rubric, text } from "./builders.js";

/*
 * Candidates, their ranking and the path to a dimension's next level, on small hand-made
 * dimensions whose numbers can be worked out by hand: which questions become
 * recommendations, what each gains, and which order gain per effort, criticality and the
 * tie-breaks decide. The report-level tests meet these through whole rubrics, where one
 * rule's effect is usually hidden by another's.
 */

function dimension(
  id: string,
  questions: unknown[],
  answers: Record<string, Answer>,
  { weight = 1, assessed = true } = {},
): ScoredDimension {
  const dimensionRubric = rubric(id, questions, weight > 0 ? weight : 1);
  return {
    ...scoreDimension(dimensionRubric, new Map(Object.entries(answers))),
    weight,
    weightSource: "rubric",
    assessed,
  };
}

const ids = (list: readonly { dimension: string; question: string }[]) =>
  list.map((c) => `${c.dimension}.${c.question}`);

describe("candidates", () => {
  it("each scored question below full marks, with the gains worked out by hand", () => {
    // Weights 1 and 3: q1 at "some" (0.5), q2 unanswered (0); raw = 100 * 0.5 / 4 = 12.5.
    const d = dimension("d", [choice("q1", 1), choice("q2", 3), text("note")], {
      q1: "some",
      note: "context",
    });
    const [q1, q2, ...rest] = candidates([d]);
    expect(rest).toEqual([]);
    expect(q1).toMatchObject({
      dimension: "d",
      dimensionIndex: 0,
      question: "q1",
      questionIndex: 0,
      current: "Some",
      target: { value: "all", score: 1 },
      // One step (0.5 -> 1) on a quarter of the weight: 100 * 1 * 0.5 / 4.
      dimensionGain: 12.5,
      potential: 12.5,
      overallGain: 12.5,
      critical: undefined,
      detail: "The question's detail.",
    });
    expect(q2).toMatchObject({
      question: "q2",
      questionIndex: 1,
      current: null,
      target: { value: "all", score: 1 },
      dimensionGain: 75,
      potential: 75,
      overallGain: 75,
      critical: undefined,
    });
  });

  it("never recommends what is already at full marks, nor a step that would not raise the score", () => {
    const d = dimension("d", [choice("top", 1), choice("low", 1)], { top: "all", low: "none" });
    expect(ids(candidates([d]))).toEqual(["d.low"]);
  });

  it("leaves out not-applicable questions and dimensions not assessed", () => {
    const na = { ...choice("na", 1), notApplicable: "Only for shops." };
    const d = dimension("d", [na, choice("q", 1)], { na: "n/a" });
    const allNa = dimension("all-na", [na], { na: "n/a" });
    expect(allNa.questionWeight).toBe(0);
    const scoped = dimension("scoped", [choice("q", 1)], {}, { assessed: false });
    expect(ids(candidates([d, allNa, scoped]))).toEqual(["d.q"]);
  });

  it("weighs the overall gain by the dimension's share of the assessed weight", () => {
    const a = dimension("a", [choice("q", 1)], {}, { weight: 3 });
    const b = dimension("b", [choice("q", 1)], {}, { weight: 1 });
    const notCounted = dimension("c", [choice("q", 1)], {}, { weight: 4, assessed: false });
    const [inA, inB] = candidates([a, b, notCounted]);
    // Each step is worth 100 points to its dimension; a holds 3 of the 4 assessed weight.
    expect(inA?.overallGain).toBe(75);
    expect(inB?.overallGain).toBe(25);
  });

  it("gives no overall gain when no assessed dimension carries weight", () => {
    const zero = dimension("z", [choice("q", 1)], {}, { weight: 0 });
    const [only] = candidates([zero]);
    expect(only?.dimensionGain).toBe(100);
    expect(only?.overallGain).toBe(0);
  });

  it("carries the answer's own advice and critical marker; an unanswered question has neither", () => {
    const q = choice("q", 1, "low", { critical: "emerging", advice: true });
    const [answered] = candidates([dimension("d", [q], { q: "none" })]);
    expect(answered?.critical).toEqual({ cap: "emerging", why: "Nobody is home." });
    expect(answered?.detail).toBe("Advice for q at none.");
    const [unanswered] = candidates([dimension("d", [q], {})]);
    expect(unanswered?.critical).toBeUndefined();
    expect(unanswered?.detail).toBe("The question's detail.");
  });
});

describe("prioritize", () => {
  it("ranks by overall gain per unit of effort, so a cheap smaller win beats a costly larger one", () => {
    // cheap: 25 points for effort 1 (25 a unit); costly: 37.5 points for effort 3 (12.5 a unit).
    const d = dimension("d", [choice("costly", 3, "high"), choice("cheap", 1, "low")], {
      costly: "some",
    });
    const ranked = prioritize(candidates([d]));
    expect(ids(ranked)).toEqual(["d.cheap", "d.costly"]);
    expect(ranked[0]!.overallGain).toBeLessThan(ranked[1]!.overallGain);
  });

  it("puts critical answers first, whatever their value", () => {
    const d = dimension(
      "d",
      [choice("valuable", 10, "low"), choice("critical", 1, "high", { critical: "emerging" })],
      { critical: "none" },
    );
    expect(ids(prioritize(candidates([d])))).toEqual(["d.critical", "d.valuable"]);
  });

  it("breaks equal value per effort by the larger gain, then by dimension, then question order", () => {
    // small: 25 for effort 1; large: 50 for effort 2 (both 25 a unit): the larger gain leads.
    const byGain = dimension("d", [choice("small", 1, "low"), choice("large", 2, "medium")], {});
    expect(ids(prioritize(candidates([byGain])))).toEqual(["d.large", "d.small"]);

    const a = dimension("a", [choice("x", 1), choice("y", 1)], {});
    const b = dimension("b", [choice("x", 1), choice("y", 1)], {});
    const shuffled = [...candidates([a, b])].reverse();
    expect(ids(prioritize(shuffled))).toEqual(["a.x", "a.y", "b.x", "b.y"]);
  });

  it("does not reorder the list it is given", () => {
    const d = dimension("d", [choice("a", 1, "high"), choice("b", 1, "low")], {});
    const list = candidates([d]);
    const before = ids(list);
    prioritize(list);
    expect(ids(list)).toEqual(before);
  });
});

describe("pathToNextLevel", () => {
  /** The path's questions; `reversed` hands the candidates over in reverse rubric order. */
  const stepsOf = (d: ScoredDimension, reversed = false) => {
    const own = candidates([d]);
    return pathToNextLevel(d, levels, reversed ? own.reverse() : own)?.steps.map((s) => s.question);
  };

  it("takes the questions that can add most first, until the next level is reached", () => {
    // Weights 1, 2, 5 (total 8), all unanswered: full marks on big adds 62.5, enough for 40.
    const d = dimension("d", [choice("small", 1), choice("mid", 2), choice("big", 5)], {});
    const path = pathToNextLevel(d, levels, candidates([d]));
    expect(path?.level.id).toBe("emerging");
    expect(path?.pointsNeeded).toBe(40);
    expect(path?.steps.map((s) => s.question)).toEqual(["big"]);
  });

  it("stops when a step lands exactly on the next level's lower bound", () => {
    // Weights 3, 1, 6 (total 10); b at all (10) and c at some (30): raw 40, emerging.
    // Living needs 30 more, and a (unanswered, weight 3) adds exactly 30.
    const d = dimension("d", [choice("a", 3), choice("b", 1), choice("c", 6)], {
      b: "all",
      c: "some",
    });
    expect(d.raw).toBe(40);
    const path = pathToNextLevel(d, levels, candidates([d]));
    expect(path?.level.id).toBe("living");
    expect(path?.pointsNeeded).toBe(30);
    // c can add 30 too; the tie goes to rubric order, and one step is enough.
    expect(stepsOf(d)).toEqual(["a"]);
    expect(stepsOf(d, true)).toEqual(["a"]);
  });

  it("breaks equal potential by effort, then by question order, however the list arrives", () => {
    const byEffort = dimension("d", [choice("hard", 1, "high"), choice("easy", 1, "low")], {});
    expect(stepsOf(byEffort)).toEqual(["easy"]);
    expect(stepsOf(byEffort, true)).toEqual(["easy"]);
    const byOrder = dimension("d", [choice("first", 1), choice("second", 1)], {});
    expect(stepsOf(byOrder)).toEqual(["first"]);
    expect(stepsOf(byOrder, true)).toEqual(["first"]);
  });

  it("leads with critical answers and counts what they add before choosing the rest", () => {
    // Weights 1, 4 (critical, at none) and 5: crit adds 40, which reaches emerging alone;
    // without its points counted, big and small would follow it.
    const d = dimension(
      "d",
      [choice("small", 1), choice("crit", 4, "high", { critical: "emerging" }), choice("big", 5)],
      { crit: "none" },
    );
    expect(stepsOf(d)).toEqual(["crit"]);
  });

  it("never lists a critical question twice when more steps follow it", () => {
    // Weights 3 (critical), 2, 2, 3: crit adds 30, short of 40, so the largest other (last,
    // also 30) follows; crit, first in rubric order, would win that tie if it were eligible.
    const d = dimension(
      "d",
      [
        choice("crit", 3, "low", { critical: "emerging" }),
        choice("a", 2),
        choice("b", 2),
        choice("c", 3),
      ],
      { crit: "none" },
    );
    expect(stepsOf(d)).toEqual(["crit", "c"]);
  });

  it("has nowhere to go from the top level", () => {
    const top = dimension("d", [choice("q", 1)], { q: "all" });
    expect(pathToNextLevel(top, levels, candidates([top]))).toBeNull();
  });
});
