/**
 * Evidence and freshness: which answers are claims nobody backed up, which are too old to
 * trust, and what an unsupported claim scores as under `--require-evidence`. Pure: the day
 * to measure age from is given, never read from a clock.
 */
import { choiceOf } from "./kinds/choice.js";
import {
  describeAnswer,
  isScored,
  scoreAnswer,
  type Answer,
  type Question,
  type ScoredQuestion,
} from "./kinds/index.js";
import { bandFor, bandText, forSize } from "./kinds/number.js";
import type { AnswerMeta, Plan } from "./plan-file.js";
import type { RubricSet } from "./rubric.js";
import { NOT_APPLICABLE, type Profile } from "./schema-parts.js";

/** An answer the rubric marks as a claim to back up, given without `evidence:`. */
export interface UnsupportedClaim {
  dimension: string;
  question: string;
  /** The claim as a person reads it. */
  claimed: string;
  /** With --require-evidence: what it was scored as instead (null when nothing else applies). */
  scoredAs?: { value: Answer; text: string } | null | undefined;
}

/** An answer whose date (its own `asOf`, else the plan's `date`) is older than the allowed age. */
export interface StaleAnswer {
  dimension: string;
  question: string;
  asOf: string;
  ageDays: number;
  /** Where the date came from: the answer's `asOf` or the plan's `date`. */
  from: "answer" | "plan";
}

/** Does this answer claim something the rubric wants backed up? */
export function needsEvidence(q: Question, answer: Answer, profile?: Profile): boolean {
  if (!isScored(q)) return false;
  // Stryker disable next-line ConditionalExpression: "n/a" is no choice value (ids have no slash), nor an array, boolean or number, so each case below returns false for it too
  if (answer === NOT_APPLICABLE) return false;
  switch (q.kind) {
    case "choice":
      // Stryker disable next-line ConditionalExpression: choiceOf finds no choice for a non-string, so the claim is false either way; the check narrows the type
      return typeof answer === "string" && choiceOf(q, answer)?.needsEvidence === true;
    case "multi":
      return (
        Array.isArray(answer) &&
        q.options.some((o) => o.needsEvidence === true && answer.includes(o.value))
      );
    case "boolean":
      return q.needsEvidence === true && answer === q.scores.yes >= q.scores.no;
    case "number":
      return (
        typeof answer === "number" &&
        bandFor(forSize(q, profile?.size), answer)?.needsEvidence === true
      );
    case "scale":
      return false;
  }
}

/**
 * The best answer that needs no evidence, for scoring an unsupported claim: the highest-scoring
 * choice, band or boolean without the mark, or the chosen options without the marked ones.
 */
export function bestWithoutEvidence(
  q: Question,
  answer: Answer,
  profile?: Profile,
): { value: Answer; text: string } | undefined {
  // Stryker disable next-line ConditionalExpression: without it a text question matches no case and the function returns undefined all the same; the guard narrows the type
  if (!isScored(q)) return undefined;
  const pick = <T extends { score: number; needsEvidence?: boolean | undefined }>(
    items: readonly T[],
  ): T | undefined =>
    items
      .filter((i) => i.needsEvidence !== true)
      .reduce<T | undefined>((best, i) => (!best || i.score > best.score ? i : best), undefined);
  switch (q.kind) {
    case "choice": {
      const choice = pick(q.choices);
      return choice && { value: choice.value, text: choice.label };
    }
    case "multi": {
      if (!Array.isArray(answer)) return undefined;
      const kept = answer.filter(
        (v) => q.options.find((o) => o.value === v)?.needsEvidence !== true,
      );
      return { value: kept, text: describeAnswer(q, kept) };
    }
    case "boolean": {
      const value = !(q.scores.yes >= q.scores.no);
      return { value, text: value ? "yes" : "no" };
    }
    case "number": {
      const sized = forSize(q, profile?.size);
      const band = pick(sized.bands);
      return band && { value: band.from, text: bandText(sized, band) };
    }
    // Stryker disable next-line ConditionalExpression,StringLiteral: without this case a scale question falls out of the switch and gets undefined all the same
    case "scale":
      return undefined;
  }
}

interface Found {
  dimension: string;
  q: ScoredQuestion;
  answer: Answer;
}

/** Each answer that needs evidence and has none, with its question, in rubric order. */
function* claimsIn(
  rubrics: RubricSet,
  plan: Pick<Plan, "answers" | "meta" | "profile">,
): Generator<Found> {
  for (const { rubric } of rubrics.dimensions) {
    const answers = plan.answers.get(rubric.id);
    if (!answers) continue;
    for (const q of rubric.questions) {
      const answer = answers.get(q.id);
      // Stryker disable next-line ConditionalExpression: needsEvidence is false for undefined in every kind; the check narrows the type
      if (answer === undefined || !needsEvidence(q, answer, plan.profile)) continue;
      if (plan.meta?.get(rubric.id)?.get(q.id)?.evidence !== undefined) continue;
      // needsEvidence is false for an unscored question.
      yield { dimension: rubric.id, q: q as ScoredQuestion, answer };
    }
  }
}

const claimOf = (found: Found): UnsupportedClaim => ({
  dimension: found.dimension,
  question: found.q.id,
  claimed: describeAnswer(found.q, found.answer),
});

/** Every answer that needs evidence and has none, in rubric order. */
export function unsupportedClaims(
  rubrics: RubricSet,
  plan: Pick<Plan, "answers" | "meta" | "profile">,
): UnsupportedClaim[] {
  return [...claimsIn(rubrics, plan)].map(claimOf);
}

/**
 * `--require-evidence`: the plan with each unsupported claim replaced by the best answer that
 * needs no evidence (never a better score than the claim), and the claims with what they became.
 */
export function requireEvidence(
  rubrics: RubricSet,
  plan: Plan,
): { plan: Plan; unsupported: UnsupportedClaim[] } {
  const claims = [...claimsIn(rubrics, plan)];
  if (claims.length === 0) return { plan, unsupported: [] };
  const answers = new Map<string, Map<string, Answer>>(
    [...plan.answers].map(([id, given]) => [id, new Map(given)]),
  );
  const unsupported = claims.map((found) => {
    const { dimension, q, answer } = found;
    const instead = bestWithoutEvidence(q, answer, plan.profile);
    // A rubric may mark a lower answer as the claim: an unmarked better one would raise the score.
    if (!instead || scoreAnswer(q, instead.value) > scoreAnswer(q, answer))
      return { ...claimOf(found), scoredAs: null };
    // The claim was found among these answers, so its dimension is there.
    (answers.get(dimension) as Map<string, Answer>).set(q.id, instead.value);
    return { ...claimOf(found), scoredAs: instead };
  });
  return { plan: { ...plan, answers }, unsupported };
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * A duration such as `180d`, `12m`, `2y` or `6w` in days (a month is 30 days, a year 365);
 * undefined when it is not one.
 */
export function parseMaxAge(raw: string): number | undefined {
  const match = /^(\d{1,5})([dwmy])$/.exec(raw.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  const unit = { d: 1, w: 7, m: 30, y: 365 }[match[2] as "d" | "w" | "m" | "y"];
  return n > 0 ? n * unit : undefined;
}

/**
 * Scored answers older than `maxAgeDays` on `today`: each answer's `asOf`, else the plan's
 * `date`. An answer with neither is not judged (nothing says how old it is).
 */
export function staleAnswers(
  rubrics: RubricSet,
  plan: Pick<Plan, "answers" | "meta" | "date">,
  maxAgeDays: number,
  today: string,
): StaleAnswer[] {
  const found: StaleAnswer[] = [];
  for (const { rubric } of rubrics.dimensions) {
    const answers = plan.answers.get(rubric.id);
    if (!answers) continue;
    for (const q of rubric.questions) {
      if (!isScored(q) || !answers.has(q.id)) continue;
      const meta: AnswerMeta | undefined = plan.meta?.get(rubric.id)?.get(q.id);
      const asOf = meta?.asOf ?? plan.date;
      // Stryker disable next-line ConditionalExpression: without it daysBetween gives NaN, never > maxAgeDays; the guard narrows the type
      if (asOf === undefined) continue;
      const ageDays = daysBetween(asOf, today);
      if (ageDays > maxAgeDays)
        found.push({
          dimension: rubric.id,
          question: q.id,
          asOf,
          ageDays,
          from: meta?.asOf !== undefined ? "answer" : "plan",
        });
    }
  }
  return found;
}

/** The evidence fields of an answer, for the report (null when the answer was plain). */
export function evidenceOf(
  plan: Pick<Plan, "meta">,
  dimension: string,
  question: string,
): { evidence: string | null; asOf: string | null; by: string | null } | null {
  const meta = plan.meta?.get(dimension)?.get(question);
  return meta
    ? { evidence: meta.evidence ?? null, asOf: meta.asOf ?? null, by: meta.by ?? null }
    : null;
}
