import type { AuditSummary, PlanError } from "../core/envelope.js";
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

/** "1 plan", "3 plans". */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * A batch's counts, the same words in every format: "3 plans, 1 passed, 1 below a threshold,
 * 1 could not be audited; average overall score 42.0" (no average when nothing was audited).
 */
export function batchCounts(summary: AuditSummary): string {
  const invalid = summary.invalid > 0 ? `, ${summary.invalid} could not be audited` : "";
  const average =
    summary.audited > 0 ? `; average overall score ${formatScore(summary.averageOverall)}` : "";
  return `${countOf(summary.plans, "plan")}, ${summary.passed} passed, ${summary.failed} below a threshold${invalid}${average}`;
}

type PlanProblem = PlanError["problems"][number];

/** A problem as said where its place is shown apart (an annotation): "answers.x: must be ...". */
const problemMessage = (p: PlanProblem) => `${p.path ? `${p.path}: ` : ""}${p.message}`;

/** One problem of a plan that could not be audited: "line 4, column 20: answers.x: must be ...". */
export function problemText(p: PlanProblem): string {
  const where =
    p.line === null ? "" : `line ${p.line}${p.column === null ? "" : `, column ${p.column}`}: `;
  return `${where}${problemMessage(p)}`;
}

/** Every problem of an invalid plan, or its message when it has none listed. */
export function problemTexts(error: PlanError): string[] {
  return error.problems.length === 0 ? [error.message] : error.problems.map(problemText);
}

/**
 * An invalid plan's problems to annotate, each at its own line: at most `max`, the last shown
 * saying how many more there are (annotation formats have per-run limits).
 */
export function locatedProblems(
  error: PlanError,
  max: number,
): { line: number | null; column: number | null; text: string }[] {
  const all =
    error.problems.length === 0
      ? [{ line: error.line, column: error.column, text: error.message }]
      : error.problems.map((p) => ({ line: p.line, column: p.column, text: problemMessage(p) }));
  const shown = all.slice(0, Math.max(1, max));
  const more = all.length - shown.length;
  const last = shown[shown.length - 1];
  if (more > 0 && last) last.text += ` (and ${countOf(more, "more problem")})`;
  return shown;
}

type Recommendation = Report["recommendations"][number];

/** Critical findings, in rank order: every human format lists them first, under "Fix first". */
export function fixFirst(report: Report): Recommendation[] {
  return report.recommendations.filter((r) => r.critical === true);
}

/**
 * How many next steps are listed, of how many: "5 of 30", or "5 of the 30 after Fix first"
 * when critical findings take the first ranks, so the count matches the ranks shown.
 */
export function shownOf(report: Report, shown: number): string {
  const rest = nextSteps(report).length;
  return fixFirst(report).length > 0
    ? `${shown} of the ${rest} after Fix first`
    : `${shown} of ${rest}`;
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
  // Unanswered, there is no "where you are" to step up from: the best answer would be a leap
  // the client may not be ready for, so the advice says to find out first.
  if (r.current === null) return "Now: not answered. Find out where you stand first; then:";
  return `Now: ${r.current}. Next: ${r.target.text}.`;
}

/**
 * A recommendation's advice as a reader meets it: where they are and the next step, then what
 * to do. Each part is escaped for the format on its own (escaping may trim), then joined.
 */
export function adviceText(r: Recommendation, escape: (text: string) => string = (t) => t): string {
  return [nowAndNext(r), r.detail]
    .filter((part) => part !== "")
    .map(escape)
    .join(" ");
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

/** A titled list for the evidence, freshness and respondents sections of human formats. */
export interface NoteSection {
  title: string;
  intro: string;
  items: string[];
}

export const promptOf = (report: Report, dimension: string, question: string): string =>
  report.dimensions.find((d) => d.id === dimension)?.questions.find((q) => q.id === question)
    ?.prompt ?? question;

/**
 * What a human format shows besides scores when plans carry evidence, dates or several
 * respondents: disagreements to settle first, unsupported claims, stale answers, and who
 * answered. Plain text; each renderer escapes and styles it.
 */
export function auditNotes(report: Report): NoteSection[] {
  const sections: NoteSection[] = [];
  const where = (dimension: string, question: string) =>
    `${dimensionTitle(report, dimension)}: ${promptOf(report, dimension, question)}`;
  if (report.disagreements && report.disagreements.length > 0)
    sections.push({
      title: `Settle this first (${report.disagreements.length})`,
      intro:
        "Respondents' answers differ by half the scale or more; the report uses the median, leaning cautious. Agree on the facts before acting on these.",
      items: report.disagreements.map(
        (d) =>
          `${where(d.dimension, d.question)} — ${d.answers.map((a) => `${a.name}: ${a.answerText ?? "unanswered"}`).join("; ")}`,
      ),
    });
  if (report.unsupported && report.unsupported.length > 0) {
    const required = report.unsupported.some((u) => u.scoredAs !== undefined);
    sections.push({
      title: `Unsupported claims (${report.unsupported.length})`,
      intro: required
        ? "Claims the rubric wants backed up, given without evidence: scored as the best answer that needs none (--require-evidence)."
        : "Claims the rubric wants backed up, given without evidence. Add `evidence:` to the answer (a document, a link, a measurement).",
      items: report.unsupported.map(
        (u) =>
          `! ${where(u.dimension, u.question)} — claimed "${u.claimed}"${u.scoredAs ? `, scored as "${u.scoredAs.text}"` : ""}`,
      ),
    });
  }
  if (report.stale && report.stale.length > 0)
    sections.push({
      title: `Stale answers (${report.stale.length})`,
      intro: "Older than --max-age allows: check them again and update `asOf`.",
      items: report.stale.map(
        (s) =>
          `~ ${where(s.dimension, s.question)} — as of ${s.asOf} (${s.ageDays} days${s.from === "plan" ? ", the plan's date" : ""})`,
      ),
    });
  if (report.respondents && report.respondents.length > 0) {
    const confidence = report.confidence ?? {};
    sections.push({
      title: `Respondents (${report.respondents.length})`,
      intro: `Confidence (questions answered alike by two or more): ${report.dimensions
        .filter((d) => confidence[d.id] !== undefined)
        .map((d) => `${d.title} ${formatPercent(confidence[d.id] ?? 0)}`)
        .join(", ")}.`,
      items: report.respondents.map((r) => (r.role ? `${r.name} (${r.role})` : r.name)),
    });
  }
  return sections;
}
