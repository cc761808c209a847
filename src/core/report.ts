import type { Plan } from "./plan.js";
import { candidates, pathToNextLevel, prioritize } from "./recommend.js";
import { REPORT_SCHEMA_VERSION } from "./report-version.js";
import type { DimensionResult, QuestionResult, Report, ThresholdCheck } from "./report-schema.js";
import { levelFor, type RubricSet } from "./rubric.js";
import type { Path } from "./schema-parts.js";
import { answerText, roundScore, scorePlan } from "./scoring.js";
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
}

/** rubrics + answers -> report: the whole audit, with no I/O. */
export function buildReport(input: ReportInput): Report {
  const { rubrics, plan } = input;
  const { dimensions, overall } = scorePlan(rubrics, plan);
  const levels = rubrics.levels;
  const all = candidates(dimensions);
  const ranked = prioritize(all);
  const withLocation = (path: Path) => {
    const location = input.locate?.(path);
    return location ? { location } : {};
  };

  const dimensionResults: DimensionResult[] = dimensions.map((dimension) => {
    const loaded = rubrics.dimensions.find((d) => d.rubric.id === dimension.rubric.id);
    const score = roundScore(dimension.raw);
    const level = levelFor(levels, score);
    const path = pathToNextLevel(
      dimension,
      levels,
      all.filter((c) => c.dimension === dimension.rubric.id),
    );
    const questions: QuestionResult[] = dimension.answers.map((scored) => ({
      id: scored.question.id,
      prompt: scored.question.prompt,
      kind: scored.question.kind,
      weight: scored.question.kind === "text" ? 0 : scored.question.weight,
      answered: scored.answer !== undefined,
      answer: scored.answer ?? null,
      answerText: answerText(scored),
      score: scored.score,
      ...withLocation(["answers", dimension.rubric.id, scored.question.id]),
    }));
    return {
      id: dimension.rubric.id,
      title: dimension.rubric.title,
      description: dimension.rubric.description,
      existing: dimension.rubric.existing,
      living: dimension.rubric.living,
      weight: dimension.weight,
      weightSource: dimension.weightSource,
      score,
      level: { id: level.id, label: level.label },
      rubric: {
        version: dimension.rubric.version,
        source: loaded?.origin.file ?? "",
        builtin: loaded?.origin.builtin ?? false,
        hash: loaded?.origin.hash ?? "",
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
  const overallLevel = levelFor(levels, overallScore);
  const withoutThresholds: Omit<Report, "thresholds"> = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "social-audit", version: input.toolVersion },
    organization: plan.organization,
    date: plan.date ?? null,
    auditor: plan.auditor ?? null,
    notes: plan.notes ?? null,
    source: { plan: input.planSource ?? null },
    overall: { score: overallScore, level: { id: overallLevel.id, label: overallLevel.label } },
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
      detail: c.recommendation.detail,
      effort: c.recommendation.effort,
      gain: { dimension: roundScore(c.dimensionGain), overall: roundScore(c.overallGain) },
      ...withLocation(["answers", c.dimension, c.question]),
    })),
    unanswered: dimensionResults.flatMap((d) =>
      d.questions
        .filter((q) => q.kind !== "text" && !q.answered)
        .map((q) => ({ dimension: d.id, question: q.id, prompt: q.prompt })),
    ),
  };
  const specs = resolveThresholds(plan.thresholds, input.thresholds ?? {});
  const checks = [
    ...checkThresholds(specs, overallScore, new Map(dimensionResults.map((d) => [d.id, d.score]))),
    ...(input.extraChecks?.(withoutThresholds) ?? []),
  ];
  return { ...withoutThresholds, thresholds: { passed: checks.every((c) => c.passed), checks } };
}
