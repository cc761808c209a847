/**
 * Several respondents, one report (`audit --merge`). Pure: plans in, one combined plan and
 * what each person said out.
 *
 * The rule, per scored question, over the respondents who answered it:
 * - the combined answer is the answer with the median score; with an even number of
 *   answers the lower of the two middle scores is taken (the more cautious reading), and
 *   among answers with that score, one backed by evidence, else the first respondent's
 *   (evidence, date and author travel with the answer taken);
 * - if everyone who answered said "n/a", the question is not applicable; otherwise an
 *   "n/a" is set aside and the others decide;
 * - respondents disagree on a question when their scores differ by 0.5 or more;
 * - a dimension's confidence is the share of its applicable scored questions answered by
 *   two or more respondents who all gave answers of the same score.
 * Unscored (text) answers are taken from the first respondent who gave one.
 */
import { describeAnswer, isScored, type Answer, type Question } from "./kinds/index.js";
import type { AnswerMeta, Plan, Respondent } from "./plan-file.js";
import type { Disagreement, Report } from "./report-schema.js";
import type { RubricSet } from "./rubric.js";
import { NOT_APPLICABLE } from "./schema-parts.js";
import { scoreDimension } from "./scoring.js";

/** A respondent's plan, with the name to show when the plan gives no `respondent:`. */
export interface RespondentPlan {
  plan: Plan;
  /** The plan file, for the report's `respondents[]`; null for stdin. */
  source: string | null;
  fallbackName: string;
}

export interface RespondentAnswer {
  name: string;
  answer: Answer | null;
  answerText: string | null;
  score: number | null;
}

export interface MergedPlan {
  plan: Plan;
  respondents: { name: string; role: string | null; source: string | null }[];
  /** Dimension id -> question id -> each respondent's answer, in the order the plans came. */
  answers: Map<string, Map<string, RespondentAnswer[]>>;
  disagreements: Omit<Disagreement, "location">[];
  confidence: Record<string, number>;
}

/** Plans whose organisation differs from the first: the caller refuses to merge them. */
export function otherOrganizations(plans: readonly RespondentPlan[]): RespondentPlan[] {
  const first = plans[0]?.plan.organization;
  return plans.filter((p) => p.plan.organization !== first);
}

export const DISAGREEMENT_SPREAD = 0.5;

export function mergePlans(rubrics: RubricSet, inputs: readonly RespondentPlan[]): MergedPlan {
  const [first] = inputs;
  if (!first) throw new RangeError("mergePlans needs at least one plan");
  const profile = first.plan.profile;
  const names = inputs.map((input) => nameOf(input.plan.respondent, input.fallbackName));
  const answers = new Map<string, Map<string, Answer>>();
  const meta = new Map<string, Map<string, AnswerMeta>>();
  const perQuestion = new Map<string, Map<string, RespondentAnswer[]>>();
  const disagreements: MergedPlan["disagreements"] = [];
  const confidence: Record<string, number> = {};

  for (const { rubric } of rubrics.dimensions) {
    // Each respondent's answers scored as the first plan's organisation (its profile).
    const scored = inputs.map(
      (input) => scoreDimension(rubric, input.plan.answers.get(rubric.id), profile).answers,
    );
    const combined = new Map<string, Answer>();
    const combinedMeta = new Map<string, AnswerMeta>();
    const said = new Map<string, RespondentAnswer[]>();
    let applicable = 0;
    let agreed = 0;
    rubric.questions.forEach((question, index) => {
      const given = inputs.map((input, i) => ({
        i,
        raw: input.plan.answers.get(rubric.id)?.get(question.id),
        scored: scored[i]?.[index],
      }));
      said.set(
        question.id,
        given.map(({ i, raw, scored: s }) => ({
          name: names[i] ?? "",
          answer: raw ?? null,
          answerText: textOf(raw, s),
          score: raw === undefined ? null : (s?.score ?? null),
        })),
      );
      const take = (i: number) => {
        const raw = given[i]?.raw;
        if (raw === undefined) return;
        combined.set(question.id, raw);
        const m = inputs[i]?.plan.meta?.get(rubric.id)?.get(question.id);
        if (m) combinedMeta.set(question.id, m);
      };
      if (!isScored(question)) {
        const firstGiven = given.find((g) => g.raw !== undefined);
        if (firstGiven) take(firstGiven.i);
        return;
      }
      const answered = given
        .filter((g) => g.raw !== undefined && g.scored?.status === "answered")
        .map((g) => ({ i: g.i, score: g.scored?.score ?? 0 }));
      if (answered.length === 0) {
        // Only "n/a" answers (or none): not applicable if anyone said so, else unanswered.
        const notApplicable = given.find((g) => g.raw === NOT_APPLICABLE);
        if (notApplicable) take(notApplicable.i);
        return;
      }
      applicable++;
      const sorted = [...answered].sort((a, b) => a.score - b.score || a.i - b.i);
      // The lower middle: for an odd count the median, for an even one the more cautious.
      const median = sorted[Math.floor((sorted.length - 1) / 2)];
      if (median) {
        // Among answers with the median score, one that comes with evidence, else the first.
        const same = answered.filter((a) => a.score === median.score);
        const backed = same.find(
          (a) => inputs[a.i]?.plan.meta?.get(rubric.id)?.get(question.id)?.evidence !== undefined,
        );
        take((backed ?? same[0] ?? median).i);
      }
      const lowest = sorted[0]?.score ?? 0;
      const highest = sorted[sorted.length - 1]?.score ?? 0;
      if (answered.length >= 2 && highest === lowest) agreed++;
      if (highest - lowest >= DISAGREEMENT_SPREAD - 1e-9)
        disagreements.push({
          dimension: rubric.id,
          question: question.id,
          prompt: question.prompt,
          spread: Math.round((highest - lowest) * 100) / 100,
          answers: (said.get(question.id) ?? [])
            .filter((a) => a.answer !== null)
            .map(({ name, answerText, score }) => ({ name, answerText, score })),
        });
    });
    answers.set(rubric.id, combined);
    if (combinedMeta.size > 0) meta.set(rubric.id, combinedMeta);
    perQuestion.set(rubric.id, said);
    confidence[rubric.id] = applicable === 0 ? 0 : Math.round((agreed / applicable) * 100) / 100;
  }

  const dates = inputs.flatMap((input) => (input.plan.date ? [input.plan.date] : []));
  const plan: Plan = {
    ...first.plan,
    date: dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : undefined,
    answers,
    ...(meta.size > 0 ? { meta } : { meta: undefined }),
  };
  return {
    plan,
    respondents: inputs.map((input, i) => ({
      name: names[i] ?? "",
      role: input.plan.respondent?.role ?? null,
      source: input.source,
    })),
    answers: perQuestion,
    disagreements,
    confidence,
  };
}

function textOf(
  raw: Answer | undefined,
  scored: { question: Question; answer: Answer | undefined } | undefined,
): string | null {
  if (raw === undefined) return null;
  if (raw === NOT_APPLICABLE) return NOT_APPLICABLE;
  return scored?.answer !== undefined ? describeAnswer(scored.question, scored.answer) : null;
}

function nameOf(respondent: Respondent | undefined, fallback: string): string {
  return respondent?.name ?? fallback;
}

/** The merged report: the combined plan's report with who said what added to it. */
export function withRespondents(report: Report, merged: MergedPlan): Report {
  return {
    ...report,
    dimensions: report.dimensions.map((d) => ({
      ...d,
      questions: d.questions.map((q) => {
        const said = merged.answers.get(d.id)?.get(q.id);
        return said ? { ...q, respondents: said } : q;
      }),
    })),
    respondents: merged.respondents,
    disagreements: merged.disagreements,
    confidence: merged.confidence,
  };
}
