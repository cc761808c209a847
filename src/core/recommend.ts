import { isScored } from "./kinds/index.js";
import { levelFor, nextLevel, type Level } from "./rubric.js";
import type { Effort, Recommendation } from "./schema-parts.js";
import { roundScore, type ScoredDimension } from "./scoring.js";

/** Rough cost of acting on a recommendation; cheap wins rank ahead of equally valuable hard ones. */
const EFFORT_COST: Record<Effort, number> = { low: 1, medium: 2, high: 3 };

export interface Candidate {
  dimension: string;
  dimensionIndex: number;
  question: string;
  questionIndex: number;
  recommendation: Recommendation;
  /** Points the dimension gains if the question reaches full marks. */
  dimensionGain: number;
  /** Points the overall score gains. */
  overallGain: number;
}

/** Every scored question below full marks, with what closing its gap is worth. */
export function candidates(dimensions: readonly ScoredDimension[]): Candidate[] {
  const totalWeight = dimensions.reduce((sum, d) => sum + d.weight, 0);
  const found: Candidate[] = [];
  dimensions.forEach((dimension, dimensionIndex) => {
    const questionWeight = dimension.answers.reduce(
      (sum, a) => sum + (isScored(a.question) ? a.question.weight : 0),
      0,
    );
    dimension.answers.forEach(({ question, score }, questionIndex) => {
      if (!isScored(question) || score === null || score >= 1 || questionWeight === 0) return;
      const dimensionGain = (100 * question.weight * (1 - score)) / questionWeight;
      found.push({
        dimension: dimension.rubric.id,
        dimensionIndex,
        question: question.id,
        questionIndex,
        recommendation: question.recommendation,
        dimensionGain,
        overallGain: totalWeight > 0 ? (dimensionGain * dimension.weight) / totalWeight : 0,
      });
    });
  });
  return found;
}

/** Highest value per unit of effort first; ties broken by raw value, then rubric order, so output is stable. */
export function prioritize(list: readonly Candidate[]): Candidate[] {
  const priority = (c: Candidate) => c.overallGain / EFFORT_COST[c.recommendation.effort];
  return [...list].sort(
    (a, b) =>
      priority(b) - priority(a) ||
      b.overallGain - a.overallGain ||
      a.dimensionIndex - b.dimensionIndex ||
      a.questionIndex - b.questionIndex,
  );
}

export interface LevelPath {
  level: Level;
  pointsNeeded: number;
  steps: Candidate[];
}

/**
 * The fewest recommendations that lift a dimension into its next level. Gains add up
 * independently, so taking the largest first is optimal; effort breaks ties.
 */
export function pathToNextLevel(
  dimension: ScoredDimension,
  levels: readonly Level[],
  own: readonly Candidate[],
): LevelPath | null {
  const current = levelFor(levels, roundScore(dimension.raw));
  const target = nextLevel(levels, current);
  if (!target) return null;
  const ordered = [...own].sort(
    (a, b) =>
      b.dimensionGain - a.dimensionGain ||
      EFFORT_COST[a.recommendation.effort] - EFFORT_COST[b.recommendation.effort] ||
      a.questionIndex - b.questionIndex,
  );
  const steps: Candidate[] = [];
  let score = dimension.raw;
  for (const candidate of ordered) {
    if (roundScore(score) >= target.from) break;
    steps.push(candidate);
    score += candidate.dimensionGain;
  }
  return {
    level: target,
    pointsNeeded: roundScore(Math.max(0, target.from - dimension.raw)),
    steps,
  };
}
