import type { Report } from "./report-schema.js";
import { REPORT_SCHEMA_VERSION } from "./report-version.js";
import { roundScore } from "./scoring.js";
import type { AuditEnvelope, AuditSummary, PlanError } from "./envelope-schema.js";

export type { AuditEnvelope, AuditSummary, PlanError, PlanProblem } from "./envelope-schema.js";

/**
 * `audit --format json` always writes one envelope, whatever the number of plans: the reports
 * of the plans that could be audited, the plans that could not (with where and why), and a
 * summary of both. A consumer reads `.reports[]` and `.errors[]` and never has to guess the
 * shape from how many files a glob matched.
 */

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
