import { evidenceOf, requireEvidence, staleAnswers, unsupportedClaims } from "./evidence.js";
import type { Plan } from "./plan-file.js";
import { candidates, pathToNextLevel, prioritize } from "./recommend.js";
import { REPORT_SCHEMA_VERSION } from "./report-version.js";
import type {
  Cap,
  DimensionResult,
  QuestionResult,
  Report,
  ThresholdCheck,
} from "./report-schema.js";
import { levelFor, type Level, type RubricSet } from "./rubric.js";
import type { Path } from "./schema-parts.js";
import { answerText, roundScore, scorePlan, type ScoredDimension } from "./scoring.js";
import { criticalFor, isScored } from "./kinds/index.js";
import { checkThresholds, resolveThresholds, type ThresholdOptions } from "./thresholds.js";

export interface Location {
  line: number;
  column: number;
}

export interface ReportInput {
  rubrics: RubricSet;
  plan: Plan;
  toolVersion: string;
  /** The plan's file name as the user gave it; null for stdin or an interview in memory. */
  planSource?: string | null;
  thresholds?: ThresholdOptions;
  /** Finds a path in the plan file (or its nearest existing parent), so reports can point at lines. */
  locate?: (path: Path) => Location | undefined;
  /** Extra checks (e.g. a baseline) evaluated outside the core's knowledge of files. */
  extraChecks?: (report: Omit<Report, "thresholds">) => ThresholdCheck[];
  /** Dimension ids to assess (`--dimension`); the others are reported as not assessed. */
  assess?: readonly string[] | undefined;
  /** `--require-evidence`: an unsupported claim scores as the best answer needing no evidence. */
  requireEvidence?: boolean | undefined;
  /** `--max-age`: answers older than this many days on `today` are listed as stale. */
  freshness?: { maxAgeDays: number; today: string } | undefined;
}

/**
 * The lowest level any critical answer in the dimension allows, with the questions that set
 * it; undefined when no answer is critical. The score stays what it is: only the level is held.
 */
function capOf(
  dimension: ScoredDimension,
  levels: readonly Level[],
): { level: Level; because: string[] } | undefined {
  let cap: { level: Level; index: number; because: string[] } | undefined;
  for (const { question, answer, status } of dimension.answers) {
    // Only an answer given can be critical; the checks narrow the types for criticalFor.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: no kind marks a missing or text answer critical
    if (!isScored(question) || status !== "answered" || answer === undefined) continue;
    const critical = criticalFor(question, answer);
    if (!critical) continue;
    // Unknown level ids are refused when rubrics load; the lowest level is the safe reading.
    const index = Math.max(
      0,
      levels.findIndex((l) => l.id === critical.cap),
    );
    const level = levels[index];
    // Stryker disable next-line ConditionalExpression: levels.yaml has at least two levels, so index 0 exists
    if (!level) continue;
    if (!cap || index < cap.index) cap = { level, index, because: [question.id] };
    else if (index === cap.index) cap.because.push(question.id);
  }
  return cap && { level: cap.level, because: cap.because };
}

function withEvidence(plan: Plan, dimension: string, question: string) {
  const found = evidenceOf(plan, dimension, question);
  return found ? { evidence: found } : {};
}

/** The lower of two levels, by their order in levels.yaml. */
function lower(levels: readonly Level[], a: Level, b: Level): Level {
  // Stryker disable next-line EqualityOperator: on a tie a and b are the same level
  return levels.indexOf(b) < levels.indexOf(a) ? b : a;
}

const capRef = (cap: { level: Level; because: string[] }): Cap => ({
  level: { id: cap.level.id, label: cap.level.label },
  because: cap.because,
});

/** rubrics + answers -> report: the whole audit, with no I/O. */
export function buildReport(input: ReportInput): Report {
  const { rubrics } = input;
  // Claims are judged on the answers as given; --require-evidence then scores them lower.
  const evidence = input.requireEvidence
    ? requireEvidence(rubrics, input.plan)
    : { plan: input.plan, unsupported: unsupportedClaims(rubrics, input.plan) };
  const plan = evidence.plan;
  const { dimensions, overall } = scorePlan(rubrics, plan, { assess: input.assess });
  const levels = rubrics.levels;
  const all = candidates(dimensions);
  const ranked = prioritize(all);
  const withLocation = (path: Path) => {
    const location = input.locate?.(path);
    return location ? { location } : {};
  };

  const caps = new Map<string, { level: Level; because: string[] } | undefined>();
  const dimensionResults: DimensionResult[] = dimensions.map((dimension) => {
    const loaded = rubrics.dimensions.find((d) => d.rubric.id === dimension.rubric.id);
    const score = roundScore(dimension.raw);
    const cap = capOf(dimension, levels);
    caps.set(dimension.rubric.id, cap);
    const level = cap ? lower(levels, levelFor(levels, score), cap.level) : levelFor(levels, score);
    const path = dimension.assessed
      ? pathToNextLevel(
          dimension,
          levels,
          all.filter((c) => c.dimension === dimension.rubric.id),
          level,
        )
      : null;
    const questions: QuestionResult[] = dimension.answers.map((scored) => ({
      id: scored.question.id,
      prompt: scored.question.prompt,
      kind: scored.question.kind,
      weight: scored.question.kind === "text" ? 0 : scored.question.weight,
      answered: scored.answer !== undefined,
      status: scored.status,
      reason: scored.reason ?? null,
      answer: scored.answer ?? null,
      answerText: answerText(scored),
      score: scored.score,
      ...withLocation(["answers", dimension.rubric.id, scored.question.id]),
      ...withEvidence(plan, dimension.rubric.id, scored.question.id),
    }));
    return {
      id: dimension.rubric.id,
      title: dimension.rubric.title,
      description: dimension.rubric.description,
      existing: dimension.rubric.existing,
      living: dimension.rubric.living,
      weight: dimension.weight,
      weightSource: dimension.weightSource,
      assessed: dimension.assessed,
      score,
      level: { id: level.id, label: level.label },
      cap: cap ? capRef(cap) : null,
      rubric: {
        version: dimension.rubric.version,
        // Every scored dimension comes from the rubric set, so `loaded` is always found.
        // Stryker disable OptionalChaining,LogicalOperator,StringLiteral,BooleanLiteral: the fallbacks are for the type
        source: loaded?.origin.file ?? "",
        builtin: loaded?.origin.builtin ?? false,
        hash: loaded?.origin.hash ?? "",
        // Stryker restore all
      },
      questions,
      nextLevel: path && {
        level: { id: path.level.id, label: path.level.label },
        pointsNeeded: path.pointsNeeded,
        steps: path.steps.map((s) => s.question),
      },
    };
  });

  const overallScore = roundScore(overall);
  // The overall level never exceeds the lowest cap of an assessed dimension.
  let overallCap: { level: Level; because: string[] } | undefined;
  for (const dimension of dimensions) {
    const cap = dimension.assessed ? caps.get(dimension.rubric.id) : undefined;
    if (!cap) continue;
    if (!overallCap || levels.indexOf(cap.level) < levels.indexOf(overallCap.level))
      overallCap = { level: cap.level, because: [dimension.rubric.id] };
    else if (cap.level === overallCap.level) overallCap.because.push(dimension.rubric.id);
  }
  const scoreLevel = levelFor(levels, overallScore);
  const overallLevel = overallCap ? lower(levels, scoreLevel, overallCap.level) : scoreLevel;
  const withoutThresholds: Omit<Report, "thresholds"> = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "social-audit", version: input.toolVersion },
    organization: plan.organization,
    date: plan.date ?? null,
    auditor: plan.auditor ?? null,
    notes: plan.notes ?? null,
    source: { plan: input.planSource ?? null },
    profile: plan.profile ?? null,
    overall: {
      score: overallScore,
      level: { id: overallLevel.id, label: overallLevel.label },
      cap: overallCap ? capRef(overallCap) : null,
    },
    levels: levels.map((l) => ({
      id: l.id,
      label: l.label,
      from: l.from,
      to: l.to,
      summary: l.summary,
    })),
    dimensions: dimensionResults,
    recommendations: ranked.map((c, i) => ({
      rank: i + 1,
      dimension: c.dimension,
      question: c.question,
      title: c.recommendation.title,
      detail: c.detail,
      effort: c.recommendation.effort,
      current: c.current,
      target: { value: c.target.value, text: c.target.text },
      critical: c.critical !== undefined,
      ...(c.critical ? { why: c.critical.why } : {}),
      gain: { dimension: roundScore(c.dimensionGain), overall: roundScore(c.overallGain) },
      ...withLocation(["answers", c.dimension, c.question]),
    })),
    unanswered: dimensionResults.flatMap((d) =>
      d.questions
        .filter((q) => d.assessed !== false && q.kind !== "text" && q.status === "unanswered")
        .map((q) => ({ dimension: d.id, question: q.id, prompt: q.prompt })),
    ),
  };
  const specs = resolveThresholds(plan.thresholds, input.thresholds ?? {});
  const checks = [
    ...checkThresholds(
      specs,
      overallScore,
      new Map(dimensionResults.map((d) => [d.id, d.score])),
      new Set(dimensionResults.filter((d) => d.assessed === false).map((d) => d.id)),
    ),
    ...(input.extraChecks?.(withoutThresholds) ?? []),
  ];
  const stale = input.freshness
    ? staleAnswers(rubrics, plan, input.freshness.maxAgeDays, input.freshness.today)
    : undefined;
  return {
    ...withoutThresholds,
    thresholds: { passed: checks.every((c) => c.passed), checks },
    unsupported: evidence.unsupported.map((u) => ({
      ...u,
      ...withLocation(["answers", u.dimension, u.question]),
    })),
    ...(stale
      ? {
          stale: stale.map((s) => ({
            ...s,
            ...withLocation(
              s.from === "answer" ? ["answers", s.dimension, s.question, "asOf"] : ["date"],
            ),
          })),
        }
      : {}),
  };
}
