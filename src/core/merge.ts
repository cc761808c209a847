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
import { isScored, type Answer } from "./kinds/index.js";
import type { AnswerMeta, Plan, Respondent } from "./plan-file.js";
import type { Disagreement, Report } from "./report-schema.js";
import type { RubricSet } from "./rubric.js";
import { NOT_APPLICABLE } from "./schema-parts.js";
import { answerText, scoreDimension, type ScoredAnswer } from "./scoring.js";

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
  const people = inputs.map((input) => ({
    input,
    name: nameOf(input.plan.respondent, input.fallbackName),
  }));
  const answers = new Map<string, Map<string, Answer>>();
  const meta = new Map<string, Map<string, AnswerMeta>>();
  const perQuestion = new Map<string, Map<string, RespondentAnswer[]>>();
  const disagreements: MergedPlan["disagreements"] = [];
  const confidence: Record<string, number> = {};

  for (const { rubric } of rubrics.dimensions) {
    // Each respondent's answers scored as the first plan's organisation (its profile).
    const columns = people.map((person) => {
      const given = person.input.plan.answers.get(rubric.id);
      return { ...person, given, scored: scoreDimension(rubric, given, profile).answers };
    });
    const combined = new Map<string, Answer>();
    const combinedMeta = new Map<string, AnswerMeta>();
    const said = new Map<string, RespondentAnswer[]>();
    let applicable = 0;
    let agreed = 0;
    rubric.questions.forEach((question, index) => {
      const given = columns.map((column) => ({
        ...column,
        raw: column.given?.get(question.id),
        // scoreDimension scores every question of the rubric, in rubric order.
        scored: column.scored[index] as ScoredAnswer,
      }));
      const saidHere = given.map(({ name, raw, scored: s }) => ({
        name,
        answer: raw ?? null,
        answerText: raw === NOT_APPLICABLE ? NOT_APPLICABLE : answerText(s),
        score: raw === undefined ? null : s.score,
      }));
      said.set(question.id, saidHere);
      const metaOf = (g: (typeof given)[number]) =>
        g.input.plan.meta?.get(rubric.id)?.get(question.id);
      const take = (g: (typeof given)[number] | undefined) => {
        if (g?.raw === undefined) return;
        combined.set(question.id, g.raw);
        const m = metaOf(g);
        if (m) combinedMeta.set(question.id, m);
      };
      if (!isScored(question)) {
        take(given.find((g) => g.raw !== undefined));
        return;
      }
      // An answer scored "answered" was given; "n/a" and out-of-profile answers were not scored.
      const answered = given.filter((g) => g.scored.status === "answered");
      if (answered.length === 0) {
        // Only "n/a" answers (or none): not applicable if anyone said so, else unanswered.
        take(given.find((g) => g.raw === NOT_APPLICABLE));
        return;
      }
      applicable++;
      const scoreOf = (g: (typeof given)[number]) => g.scored.score ?? 0;
      const scores = answered.map(scoreOf).sort((a, b) => a - b);
      // The lower middle: for an odd count the median, for an even one the more cautious.
      const median = scores[Math.floor((scores.length - 1) / 2)];
      // Among answers with the median score, one that comes with evidence, else the first.
      const same = answered.filter((g) => scoreOf(g) === median);
      take(same.find((g) => metaOf(g)?.evidence !== undefined) ?? same[0]);
      const lowest = scores[0] ?? 0;
      const highest = scores[scores.length - 1] ?? 0;
      if (answered.length >= 2 && highest === lowest) agreed++;
      if (highest - lowest >= DISAGREEMENT_SPREAD - 1e-9)
        disagreements.push({
          dimension: rubric.id,
          question: question.id,
          prompt: question.prompt,
          spread: Math.round((highest - lowest) * 100) / 100,
          answers: saidHere
            .filter((a) => a.answer !== null)
            .map(({ name, answerText, score }) => ({ name, answerText, score })),
        });
    });
    answers.set(rubric.id, combined);
    if (combinedMeta.size > 0) meta.set(rubric.id, combinedMeta);
    perQuestion.set(rubric.id, said);
    confidence[rubric.id] = applicable === 0 ? 0 : Math.round((agreed / applicable) * 100) / 100;
  }

  const plan: Plan = {
    ...first.plan,
    // ISO dates: the latest sorts last.
    date: inputs
      .flatMap((input) => (input.plan.date ? [input.plan.date] : []))
      .sort()
      .at(-1),
    answers,
    ...(meta.size > 0 ? { meta } : { meta: undefined }),
  };
  return {
    plan,
    respondents: people.map(({ input, name }) => ({
      name,
      role: input.plan.respondent?.role ?? null,
      source: input.source,
    })),
    answers: perQuestion,
    disagreements,
    confidence,
  };
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
