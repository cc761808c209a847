import type { DimensionResult, Report } from "../core/report-schema.js";

/** Shared wording so every format describes the same report the same way. */

export function dimensionTitle(report: Report, id: string): string {
  return report.dimensions.find((d) => d.id === id)?.title ?? id;
}

export function stepTitles(report: Report, dimension: DimensionResult): string[] {
  return (dimension.nextLevel?.steps ?? []).map(
    (question) =>
      report.recommendations.find((r) => r.dimension === dimension.id && r.question === question)
        ?.title ?? question,
  );
}

export function thresholdName(check: Report["thresholds"]["checks"][number]): string {
  const subject = check.scope === "overall" ? "overall" : (check.dimension ?? "?");
  return check.kind === "baseline"
    ? `${subject} no lower than baseline ${formatScore(check.min)}`
    : `${subject} at least ${formatScore(check.min)}`;
}

/** Text answers are the auditor's notes; reports that are handed over include them. */
export function notesOf(report: Report): { dimension: string; prompt: string; text: string }[] {
  return report.dimensions.flatMap((d) =>
    d.questions
      .filter((q) => q.kind === "text" && q.answered && q.answerText)
      .map((q) => ({ dimension: d.title, prompt: q.prompt, text: q.answerText ?? "" })),
  );
}

/**
 * One rounding for every format (tables, Markdown, HTML and its radar, JUnit): scores and points
 * to one decimal, halves away from zero, as the core's roundScore does.
 */
export function formatScore(value: number): string {
  const rounded = Math.round(Math.abs(value) * 10) / 10;
  return `${value < 0 && rounded !== 0 ? "-" : ""}${rounded.toFixed(1)}`;
}

/** A gain or change in points, always signed: "+2.5", "-1.0", "0.0". */
export function formatGain(value: number): string {
  const text = formatScore(value);
  return value > 0 && text !== "0.0" ? `+${text}` : text;
}

/** A question's 0..1 score as a percentage for human formats, with the same rounding. */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
