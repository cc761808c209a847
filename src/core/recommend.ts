import {
  adviceFor,
  criticalFor,
  isScored,
  nextStep,
  type ScoredQuestion,
  type Step,
} from "./kinds/index.js";
import { levelFor, nextLevel, type Level } from "./rubric.js";
import type { Critical, Effort, Recommendation } from "./schema-parts.js";
import { answerText, roundScore, type ScoredDimension } from "./scoring.js";

/**
 * How recommendations are chosen and ranked (README and docs/rubric-format.md say the same):
 * - each starts from the answer given and aims at the next better answer (its target);
 * - its gain is what reaching that target adds: to the dimension and to the overall score;
 * - critical answers come first ("Fix first"), whatever their gain or effort;
 * - then the overall gain per unit of effort (low 1, medium 2, high 3), highest first;
 * - ties keep a stable order: larger overall gain, then dimension order, then question order.
 */

/** Rough cost of acting on a recommendation; cheap wins rank ahead of equally valuable hard ones. */
export const EFFORT_COST: Record<Effort, number> = { low: 1, medium: 2, high: 3 };

export interface Candidate {
  dimension: string;
  dimensionIndex: number;
  question: string;
  questionIndex: number;
  recommendation: Recommendation;
  /** The advice for this answer, or the question's own detail when the answer has none. */
  detail: string;
  /** The answer as a person reads it; null when unanswered. */
  current: string | null;
  target: Step;
  /** The critical marker of the current answer, if any. */
  critical: Critical | undefined;
  /** Points the dimension gains if the question reaches its target. */
  dimensionGain: number;
  /** Points the overall score gains. */
  overallGain: number;
  /** Points the dimension gains if the question reaches full marks: what working on it can add. */
  potential: number;
}

/** Every applicable scored question with a better answer to reach, in assessed dimensions. */
export function candidates(dimensions: readonly ScoredDimension[]): Candidate[] {
  const totalWeight = dimensions.reduce((sum, d) => sum + (d.assessed ? d.weight : 0), 0);
  const found: Candidate[] = [];
  dimensions.forEach((dimension, dimensionIndex) => {
    if (!dimension.assessed) return;
    dimension.answers.forEach((scored, questionIndex) => {
      const { answer, score } = scored;
      const question = scored.question;
      // Text and not-applicable questions have no score; isScored is there for the type.
      // Stryker disable next-line ConditionalExpression: a text question's score is null too
      if (!isScored(question) || score === null) return;
      const target = nextStep(question, answer);
      // Each kind offers only a better answer as the next step (the kinds' tests hold them to
      // it); this keeps the promise never to advise what they already do if one did not.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: unreachable while the kinds keep that contract
      if (!target || target.score <= score) return;
      const dimensionGain =
        (100 * question.weight * (target.score - score)) / dimension.questionWeight;
      found.push({
        dimension: dimension.rubric.id,
        dimensionIndex,
        question: question.id,
        questionIndex,
        recommendation: question.recommendation,
        detail: adviceOf(question, scored.answer) ?? question.recommendation.detail,
        current: answerText(scored),
        target,
        // Stryker disable next-line ConditionalExpression: no kind marks an absent answer critical; the check is for the type
        critical: answer === undefined ? undefined : criticalFor(question, answer),
        dimensionGain,
        potential: (100 * question.weight * (1 - score)) / dimension.questionWeight,
        overallGain: totalWeight > 0 ? (dimensionGain * dimension.weight) / totalWeight : 0,
      });
    });
  });
  return found;
}

function adviceOf(q: ScoredQuestion, answer: ScoredDimension["answers"][number]["answer"]) {
  // Stryker disable next-line ConditionalExpression: no kind has advice for an absent answer; the check is for the type
  return answer === undefined ? undefined : adviceFor(q, answer);
}

/** Fix-first, then value per unit of effort; ties by raw value, then rubric order, so output is stable. */
export function prioritize(list: readonly Candidate[]): Candidate[] {
  const priority = (c: Candidate) => c.overallGain / EFFORT_COST[c.recommendation.effort];
  const critical = (c: Candidate) => (c.critical ? 0 : 1);
  return [...list].sort(
    (a, b) =>
      critical(a) - critical(b) ||
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
 * The fewest questions whose work lifts a dimension into its next level. A path is about
 * where to work, so each question counts with all it can add (to full marks), not just its
 * next step; these add up independently, so taking the largest first is optimal; effort
 * breaks ties. A dimension held down by a critical answer needs those fixed first, so they
 * lead its steps.
 */
export function pathToNextLevel(
  dimension: ScoredDimension,
  levels: readonly Level[],
  own: readonly Candidate[],
  shown: Level = levelFor(levels, roundScore(dimension.raw)),
): LevelPath | null {
  const target = nextLevel(levels, shown);
  if (!target) return null;
  const critical = own.filter((c) => c.critical);
  const ordered = [...own.filter((c) => !c.critical)].sort(
    (a, b) =>
      b.potential - a.potential ||
      EFFORT_COST[a.recommendation.effort] - EFFORT_COST[b.recommendation.effort] ||
      a.questionIndex - b.questionIndex,
  );
  const steps: Candidate[] = [...critical];
  let score = dimension.raw + critical.reduce((sum, c) => sum + c.potential, 0);
  for (const candidate of ordered) {
    if (roundScore(score) >= target.from) break;
    steps.push(candidate);
    score += candidate.potential;
  }
  return {
    level: target,
    pointsNeeded: roundScore(Math.max(0, target.from - dimension.raw)),
    steps,
  };
}
