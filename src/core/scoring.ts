import {
  describeAnswer,
  isScored,
  scoreAnswer,
  type Answer,
  type Question,
} from "./kinds/index.js";
import type { Plan } from "./plan.js";
import type { DimensionRubric, RubricSet } from "./rubric.js";

/**
 * Scoring in one place, kept small so it can be read against the README:
 * - an answered question scores 0..1 by its kind; an unanswered scored question scores 0;
 * - a dimension scores 100 x the weighted mean of its scored questions;
 * - the overall score is the weighted mean of the (unrounded) dimension scores;
 * - reported scores are rounded to one decimal, and levels and thresholds read the rounded value.
 */

export interface ScoredAnswer {
  question: Question;
  answer: Answer | undefined;
  /** 0..1, or null for unscored questions. */
  score: number | null;
}

export interface ScoredDimension {
  rubric: DimensionRubric;
  weight: number;
  weightSource: "rubric" | "plan";
  /** 0..100, unrounded. */
  raw: number;
  answers: ScoredAnswer[];
}

export function roundScore(score: number): number {
  return Math.round(score * 10) / 10;
}

export function scoreDimension(
  rubric: DimensionRubric,
  answers: ReadonlyMap<string, Answer> | undefined,
): Omit<ScoredDimension, "weight" | "weightSource"> {
  let weighted = 0;
  let totalWeight = 0;
  const scored: ScoredAnswer[] = rubric.questions.map((question) => {
    const answer = answers?.get(question.id);
    if (!isScored(question)) return { question, answer, score: null };
    const score = answer === undefined ? 0 : scoreAnswer(question, answer);
    weighted += question.weight * score;
    totalWeight += question.weight;
    return { question, answer, score };
  });
  return { rubric, raw: totalWeight > 0 ? (100 * weighted) / totalWeight : 0, answers: scored };
}

export function scorePlan(
  rubrics: RubricSet,
  plan: Plan,
): { dimensions: ScoredDimension[]; overall: number } {
  const dimensions = rubrics.dimensions.map(({ rubric }): ScoredDimension => {
    const override =
      plan.weights && Object.hasOwn(plan.weights, rubric.id) ? plan.weights[rubric.id] : undefined;
    return {
      ...scoreDimension(rubric, plan.answers.get(rubric.id)),
      weight: override ?? rubric.weight,
      weightSource: override === undefined ? "rubric" : "plan",
    };
  });
  const totalWeight = dimensions.reduce((sum, d) => sum + d.weight, 0);
  const overall =
    totalWeight > 0 ? dimensions.reduce((sum, d) => sum + d.weight * d.raw, 0) / totalWeight : 0;
  return { dimensions, overall };
}

export function answerText(scored: ScoredAnswer): string | null {
  return scored.answer === undefined ? null : describeAnswer(scored.question, scored.answer);
}
