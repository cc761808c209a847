import type { Question } from "../core/kinds/index.js";
import type { DimensionResult, RecommendationResult, Report } from "../core/report-schema.js";

/**
 * Fields the interview reads that the rubric and report formats add over time
 * (`notApplicable` on questions, `assessed` on dimensions, `critical` on recommendations).
 * They are read here, once, defensively: a rubric or report without them means "as before".
 */

function field(value: object, name: string): unknown {
  return (value as Record<string, unknown>)[name];
}

/** Why a question may not apply to everyone; undefined when `n/a` is not an allowed answer. */
export function notApplicableReason(question: Question): string | undefined {
  const reason = field(question, "notApplicable");
  return typeof reason === "string" && reason.trim() !== "" ? reason.trim() : undefined;
}

/** False only when the report says the dimension was left out (e.g. by --dimension). */
export function isAssessed(dimension: DimensionResult): boolean {
  return field(dimension, "assessed") !== false;
}

/** The recommendations the report marks critical, in its own order ("fix first"). */
export function criticalRecommendations(report: Report): RecommendationResult[] {
  return report.recommendations.filter((r) => field(r, "critical") === true);
}
