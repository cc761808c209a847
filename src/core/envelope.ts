import * as z from "zod";
import { ReportSchema, type Report } from "./report-schema.js";
import { REPORT_SCHEMA_VERSION } from "./report-version.js";
import { roundScore } from "./scoring.js";

/**
 * `audit --format json` always writes one envelope, whatever the number of plans: the reports
 * of the plans that could be audited, the plans that could not (with where and why), and a
 * summary of both. A consumer reads `.reports[]` and `.errors[]` and never has to guess the
 * shape from how many files a glob matched.
 */

const Position = z.int().positive().nullable();

export const PlanProblemSchema = z.object({
  line: Position,
  column: Position,
  path: z.string().nullable().describe("Dotted path into the plan, e.g. answers.presence.x"),
  message: z.string(),
});
export type PlanProblem = z.infer<typeof PlanProblemSchema>;

export const PlanErrorSchema = z
  .object({
    file: z.string().describe("The plan as given on the command line; <stdin> for -"),
    line: Position.describe("Line of the first problem, when it has one"),
    column: Position,
    message: z.string().describe("What is wrong, as one line"),
    problems: z.array(PlanProblemSchema).describe("Every problem found, in order"),
  })
  .describe("A plan that could not be read or audited");
export type PlanError = z.infer<typeof PlanErrorSchema>;

export const AuditSummarySchema = z.object({
  plans: z.int().nonnegative().describe("Plans given: audited and invalid"),
  audited: z.int().nonnegative(),
  passed: z.int().nonnegative(),
  failed: z.int().nonnegative().describe("Audited plans below a threshold"),
  invalid: z.int().nonnegative().describe("Plans that could not be read or audited"),
  averageOverall: z.number().min(0).max(100).describe("Mean overall score of audited plans"),
  lowest: z.object({ organization: z.string(), score: z.number().min(0).max(100) }).nullable(),
});
export type AuditSummary = z.infer<typeof AuditSummarySchema>;

export const ToolSchema = z.object({ name: z.literal("social-audit"), version: z.string() });

export const AuditEnvelopeSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: ToolSchema,
  reports: z.array(ReportSchema),
  errors: z.array(PlanErrorSchema),
  summary: AuditSummarySchema,
});
export type AuditEnvelope = z.infer<typeof AuditEnvelopeSchema>;

/** One line of `--format jsonl`: a report or an invalid plan, told apart by `type`. */
export const AuditLineSchema = z.discriminatedUnion("type", [
  ReportSchema.extend({ type: z.literal("report") }),
  PlanErrorSchema.extend({
    type: z.literal("error"),
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  }),
]);

export function summarizeAudit(
  reports: readonly Report[],
  errors: readonly PlanError[] = [],
): AuditSummary {
  const passed = reports.filter((r) => r.thresholds.passed).length;
  const lowest = reports.reduce<Report | undefined>(
    (low, r) => (!low || r.overall.score < low.overall.score ? r : low),
    undefined,
  );
  return {
    plans: reports.length + errors.length,
    audited: reports.length,
    passed,
    failed: reports.length - passed,
    invalid: errors.length,
    averageOverall:
      reports.length === 0
        ? 0
        : roundScore(reports.reduce((s, r) => s + r.overall.score, 0) / reports.length),
    lowest: lowest ? { organization: lowest.organization, score: lowest.overall.score } : null,
  };
}

export function auditEnvelope(
  reports: readonly Report[],
  errors: readonly PlanError[],
  toolVersion: string,
): AuditEnvelope {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "social-audit", version: toolVersion },
    reports: [...reports],
    errors: [...errors],
    summary: summarizeAudit(reports, errors),
  };
}

/** A located problem as errors.ts's Diagnostic carries it; plain data so the core stays pure. */
export interface ProblemInput {
  line?: number | undefined;
  column?: number | undefined;
  path?: string | undefined;
  message: string;
}

/** An invalid plan as an error record: the first located problem gives its line and column. */
export function planError(
  file: string,
  message: string,
  diagnostics: readonly ProblemInput[],
): PlanError {
  const problems = diagnostics.map((d) => ({
    line: d.line ?? null,
    column: d.column ?? null,
    path: d.path ?? null,
    message: d.message,
  }));
  const first = problems.find((p) => p.line !== null) ?? problems[0];
  return {
    file,
    line: first?.line ?? null,
    column: first?.column ?? null,
    message: first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : message,
    problems,
  };
}
