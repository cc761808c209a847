import { profileMismatch } from "./applicability.js";
import { forSize } from "./kinds/number.js";
import {
  describeAnswer,
  isScored,
  scoreAnswer,
  type Answer,
  type Question,
  type ScoredQuestion,
} from "./kinds/index.js";
import { isNotApplicable } from "./plan.js";
import { type Plan } from "./plan-file.js";
import type { DimensionRubric, RubricSet } from "./rubric.js";
import type { Profile } from "./schema-parts.js";

/**
 * Scoring in one place, kept small so it can be read against the README:
 * - an answered question scores 0..1 by its kind; an unanswered scored question scores 0;
 * - a not-applicable question (answered `n/a`, or outside the profile its rubric names)
 *   carries no weight: it neither helps nor hurts;
 * - number bands are read at the organisation's size (`bandScale`) when the plan gives one;
 * - a dimension scores 100 x the weighted mean of its applicable scored questions;
 * - the overall score is the weighted mean of the (unrounded) scores of assessed dimensions;
 * - reported scores are rounded to one decimal, and levels and thresholds read the rounded value.
 */

export type AnswerStatus = "answered" | "unanswered" | "not-applicable";

export interface ScoredAnswer {
  /** The question as it applies to this organisation (number bands scaled to its size). */
  question: Question;
  answer: Answer | undefined;
  status: AnswerStatus;
  /** Why a not-applicable question does not apply. */
  reason?: string;
  /** 0..1, or null for unscored and not-applicable questions. */
  score: number | null;
}

export interface ScoredDimension {
  rubric: DimensionRubric;
  weight: number;
  weightSource: "rubric" | "plan";
  /** False when the run was scoped to other dimensions (`--dimension`). */
  assessed: boolean;
  /** 0..100, unrounded. */
  raw: number;
  /** Sum of the weights of applicable scored questions. */
  questionWeight: number;
  answers: ScoredAnswer[];
}

export function roundScore(score: number): number {
  return Math.round(score * 10) / 10;
}

/** The question as it reads for this organisation: number bands scaled to its size. */
function adapted(question: ScoredQuestion, profile: Profile | undefined): ScoredQuestion {
  return question.kind === "number" ? forSize(question, profile?.size) : question;
}

export function scoreDimension(
  rubric: DimensionRubric,
  answers: ReadonlyMap<string, Answer> | undefined,
  profile?: Profile,
): Omit<ScoredDimension, "weight" | "weightSource" | "assessed"> {
  let weighted = 0;
  let totalWeight = 0;
  const scored: ScoredAnswer[] = rubric.questions.map((original): ScoredAnswer => {
    const given = answers?.get(original.id);
    if (!isScored(original))
      return {
        question: original,
        answer: given,
        status: given === undefined ? "unanswered" : "answered",
        score: null,
      };
    const question = adapted(original, profile);
    const mismatch = profileMismatch(question.appliesWhen, profile);
    if (mismatch !== undefined)
      return {
        question,
        answer: undefined,
        status: "not-applicable",
        reason: `Not applicable: ${mismatch}.`,
        score: null,
      };
    if (isNotApplicable(question, given))
      return {
        question,
        answer: undefined,
        status: "not-applicable",
        reason: question.notApplicable ?? "",
        score: null,
      };
    const score = given === undefined ? 0 : scoreAnswer(question, given);
    weighted += question.weight * score;
    totalWeight += question.weight;
    return {
      question,
      answer: given,
      status: given === undefined ? "unanswered" : "answered",
      score,
    };
  });
  return {
    rubric,
    raw: totalWeight > 0 ? (100 * weighted) / totalWeight : 0,
    questionWeight: totalWeight,
    answers: scored,
  };
}

export interface ScoreOptions {
  /** Dimension ids to assess; others are reported as not assessed. Undefined: all. */
  assess?: readonly string[] | undefined;
}

export function scorePlan(
  rubrics: RubricSet,
  plan: Plan,
  options: ScoreOptions = {},
): { dimensions: ScoredDimension[]; overall: number; assessedWeight: number } {
  const dimensions = rubrics.dimensions.map(({ rubric }): ScoredDimension => {
    const override =
      plan.weights && Object.hasOwn(plan.weights, rubric.id) ? plan.weights[rubric.id] : undefined;
    return {
      ...scoreDimension(rubric, plan.answers.get(rubric.id), plan.profile),
      weight: override ?? rubric.weight,
      weightSource: override === undefined ? "rubric" : "plan",
      assessed: options.assess === undefined || options.assess.includes(rubric.id),
    };
  });
  const counted = dimensions.filter((d) => d.assessed);
  const assessedWeight = counted.reduce((sum, d) => sum + d.weight, 0);
  const overall =
    assessedWeight > 0 ? counted.reduce((sum, d) => sum + d.weight * d.raw, 0) / assessedWeight : 0;
  return { dimensions, overall, assessedWeight };
}

export function answerText(scored: ScoredAnswer): string | null {
  return scored.answer === undefined ? null : describeAnswer(scored.question, scored.answer);
}
