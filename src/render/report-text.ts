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

type Recommendation = Report["recommendations"][number];

/** Critical findings, in rank order: every human format lists them first, under "Fix first". */
export function fixFirst(report: Report): Recommendation[] {
  return report.recommendations.filter((r) => r.critical === true);
}

/** The recommendations after Fix first, for the "Next steps" list. */
export function nextSteps(report: Report): Recommendation[] {
  return report.recommendations.filter((r) => r.critical !== true);
}

/** "Now: ... Next: ...": where the organisation is and the answer the step aims for. */
export function nowAndNext(r: Recommendation): string {
  if (!r.target) return "";
  // "Now: no. Next: yes." says nothing a yes/no question's advice does not already say.
  const bare = /^(yes|no)$/i;
  if (bare.test(r.current ?? "") && bare.test(r.target.text)) return "";
  return `Now: ${r.current ?? "unanswered"}. Next: ${r.target.text}.`;
}

/** nowAndNext followed by a space, or nothing when there is nothing to say. */
export function nowAndNextThen(r: Recommendation): string {
  const text = nowAndNext(r);
  return text ? `${text} ` : "";
}

/** The one scale gains are shown on in human formats: points of 100, overall or dimension. */
export const gainOverall = (r: Recommendation) => `${formatGain(r.gain.overall)} overall`;
export const gainDimension = (r: Recommendation) => `${formatGain(r.gain.dimension)} in dimension`;

/** Whether a cap actually holds the level below what the score alone would give. */
export function isCapped(
  report: Report,
  subject: { score: number; level: { id: string }; cap?: { level: { id: string } } | null },
): boolean {
  if (!subject.cap) return false;
  const byScore = report.levels.findIndex(
    (l) => subject.score >= l.from && (subject.score < l.to || l.to === 100),
  );
  const shown = report.levels.findIndex((l) => l.id === subject.level.id);
  return shown < byScore;
}

/** "capped at Emerging by critical answers: questions-answered" when a cap holds the level down. */
export function capNote(report: Report, d: DimensionResult): string {
  if (!d.cap || !isCapped(report, d)) return "";
  return `capped at ${d.cap.level.label} by critical answers: ${d.cap.because.join(", ")}`;
}

export function overallCapNote(report: Report): string {
  const cap = report.overall.cap;
  if (!cap || !isCapped(report, report.overall)) return "";
  return `capped at ${cap.level.label} by critical answers in ${cap.because.map((id) => dimensionTitle(report, id)).join(", ")}`;
}

export const isAssessed = (d: DimensionResult) => d.assessed !== false;

/** Questions that do not apply to this organisation, with the reason, for assessed dimensions. */
export function notApplicable(
  report: Report,
): { dimension: string; question: string; prompt: string; reason: string }[] {
  return report.dimensions.filter(isAssessed).flatMap((d) =>
    d.questions
      .filter((q) => q.status === "not-applicable")
      .map((q) => ({
        dimension: d.id,
        question: q.id,
        prompt: q.prompt,
        reason: q.reason ?? "",
      })),
  );
}

export function thresholdVerdict(check: Report["thresholds"]["checks"][number]): string {
  if (check.evaluated === false) return "not evaluated (dimension not assessed)";
  return check.passed ? "pass" : "FAIL";
}
