import type { Report, ThresholdCheck } from "./report-schema.js";
import { roundScore } from "./scoring.js";

/** What changed between two audits of the same organisation: the heart of a re-audit. */

interface ScoreChange {
  before: number | null;
  after: number | null;
  delta: number | null;
  levelBefore: string | null;
  levelAfter: string | null;
}

export interface QuestionChange {
  dimension: string;
  question: string;
  prompt: string;
  before: number;
  after: number;
  answerBefore: string | null;
  answerAfter: string | null;
}

export interface Comparison {
  before: { organization: string; date: string | null; source: string | null };
  after: { organization: string; date: string | null; source: string | null };
  overall: ScoreChange;
  dimensions: (ScoreChange & { id: string; title: string })[];
  improved: QuestionChange[];
  regressed: QuestionChange[];
  resolved: { dimension: string; question: string; title: string }[];
  added: { dimension: string; question: string; title: string }[];
  /** Dimensions scored with different rubrics: what was asked differs, so these are not regressions. */
  rubricChanges: RubricChange[];
  warnings: string[];
}

export interface RubricChange {
  dimension: string;
  versionBefore: string;
  versionAfter: string;
  questionsAdded: { id: string; prompt: string }[];
  questionsRemoved: { id: string; prompt: string }[];
}

function change(
  before: { score: number; level: { label: string } } | undefined,
  after: { score: number; level: { label: string } } | undefined,
): ScoreChange {
  return {
    before: before?.score ?? null,
    after: after?.score ?? null,
    delta: before && after ? roundScore(after.score - before.score) : null,
    levelBefore: before?.level.label ?? null,
    levelAfter: after?.level.label ?? null,
  };
}

export function compareReports(before: Report, after: Report): Comparison {
  const warnings: string[] = [];
  if (before.organization !== after.organization) {
    warnings.push(
      `the reports are for different organisations ("${before.organization}" and "${after.organization}")`,
    );
  }
  const ids = [
    ...new Set([...before.dimensions.map((d) => d.id), ...after.dimensions.map((d) => d.id)]),
  ];
  const rubricChanges: RubricChange[] = [];
  const dimensions = ids.map((id) => {
    const b = before.dimensions.find((d) => d.id === id);
    const a = after.dimensions.find((d) => d.id === id);
    if (b && a && (b.rubric.version !== a.rubric.version || b.rubric.hash !== a.rubric.hash)) {
      const beforeIds = new Set(b.questions.map((q) => q.id));
      const afterIds = new Set(a.questions.map((q) => q.id));
      const change = {
        dimension: id,
        versionBefore: b.rubric.version,
        versionAfter: a.rubric.version,
        questionsAdded: a.questions
          .filter((q) => !beforeIds.has(q.id))
          .map((q) => ({ id: q.id, prompt: q.prompt })),
        questionsRemoved: b.questions
          .filter((q) => !afterIds.has(q.id))
          .map((q) => ({ id: q.id, prompt: q.prompt })),
      };
      rubricChanges.push(change);
      const moved = [
        change.questionsAdded.length > 0 ? `${change.questionsAdded.length} added` : "",
        change.questionsRemoved.length > 0 ? `${change.questionsRemoved.length} removed` : "",
      ].filter(Boolean);
      const questions = moved.length > 0 ? ` (questions ${moved.join(", ")})` : "";
      warnings.push(
        b.rubric.version !== a.rubric.version
          ? `${id} was scored with rubric version ${b.rubric.version} before and ${a.rubric.version} after${questions}; scores may not be comparable`
          : `${id} was scored with different rubric content (same version ${a.rubric.version})${questions}; scores may not be comparable`,
      );
    }
    if (!b) warnings.push(`${id} is only in the later report`);
    if (!a) warnings.push(`${id} is only in the earlier report`);
    // Stryker disable next-line OptionalChaining: every id comes from one of the two reports, so a or b is there
    return { id, title: (a ?? b)?.title ?? id, ...change(b, a) };
  });

  const improved: QuestionChange[] = [];
  const regressed: QuestionChange[] = [];
  for (const a of after.dimensions) {
    const b = before.dimensions.find((d) => d.id === a.id);
    if (!b) continue;
    for (const qa of a.questions) {
      const qb = b.questions.find((q) => q.id === qa.id);
      if (!qb || qa.score === null || qb.score === null || qa.score === qb.score) continue;
      const entry = {
        dimension: a.id,
        question: qa.id,
        prompt: qa.prompt,
        before: qb.score,
        after: qa.score,
        answerBefore: qb.answerText,
        answerAfter: qa.answerText,
      };
      // Stryker disable next-line EqualityOperator: equal scores were skipped above, so > and >= agree
      (qa.score > qb.score ? improved : regressed).push(entry);
    }
  }
  const key = (r: { dimension: string; question: string }) => `${r.dimension}/${r.question}`;
  const beforeKeys = new Set(before.recommendations.map(key));
  const afterKeys = new Set(after.recommendations.map(key));
  // A question that left (or joined) the rubric is a rubric change, listed as such: its
  // recommendation was not resolved (or newly needed) by anything the organisation did.
  const removedKeys = new Set(
    rubricChanges.flatMap((c) => c.questionsRemoved.map((q) => `${c.dimension}/${q.id}`)),
  );
  const addedKeys = new Set(
    rubricChanges.flatMap((c) => c.questionsAdded.map((q) => `${c.dimension}/${q.id}`)),
  );
  const pick = (r: Report["recommendations"][number]) => ({
    dimension: r.dimension,
    question: r.question,
    title: r.title,
  });
  return {
    before: { organization: before.organization, date: before.date, source: before.source.plan },
    after: { organization: after.organization, date: after.date, source: after.source.plan },
    overall: change(before.overall, after.overall),
    dimensions,
    improved,
    regressed,
    resolved: before.recommendations
      .filter((r) => !afterKeys.has(key(r)) && !removedKeys.has(key(r)))
      .map(pick),
    added: after.recommendations
      .filter((r) => !beforeKeys.has(key(r)) && !addedKeys.has(key(r)))
      .map(pick),
    rubricChanges,
    warnings,
  };
}

/**
 * A regression gate: the overall score and every dimension in both reports must be at least
 * what the baseline recorded. Audits are deterministic, so this never flakes.
 */
export function baselineChecks(
  baseline: Pick<Report, "overall" | "dimensions">,
  current: Pick<Report, "overall" | "dimensions">,
): ThresholdCheck[] {
  const checks: ThresholdCheck[] = [
    {
      scope: "overall",
      kind: "baseline",
      min: baseline.overall.score,
      actual: current.overall.score,
      passed: current.overall.score >= baseline.overall.score,
      source: "baseline",
    },
  ];
  for (const d of current.dimensions) {
    const base = baseline.dimensions.find((b) => b.id === d.id);
    // A dimension left out of either run (--dimension) has no score to hold to.
    if (!base || d.assessed === false || base.assessed === false) continue;
    checks.push({
      scope: "dimension",
      dimension: d.id,
      kind: "baseline",
      min: base.score,
      actual: d.score,
      passed: d.score >= base.score,
      source: "baseline",
    });
  }
  return checks;
}
