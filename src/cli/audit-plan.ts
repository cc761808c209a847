import { buildReport, type ReportInput } from "../core/report.js";
import type { Report } from "../core/report-schema.js";
import type { RubricSet } from "../core/rubric.js";
import type { ThresholdOptions } from "../core/thresholds.js";
import type { Diagnostic } from "../errors.js";
import { parsePlan } from "../io/load-plan.js";

/** Said once per run when a plan has no profile: the audit still works, just untailored. */
export const NO_PROFILE_HINT: Diagnostic = {
  severity: "warning",
  message:
    "a plan without `profile:` is audited as if every question applied; add profile: { size, sector, regulated, audience } to leave out questions that cannot apply to it",
};

/** Everything besides the plan and rubrics that decides a plan's report; plain data, so workers can share it. */
export interface AuditSettings {
  toolVersion: string;
  strict: boolean;
  thresholds: ThresholdOptions;
  /** `--dimension`: the dimensions to assess; undefined for all. */
  dimensions?: string[] | undefined;
}

/** A plan's text as read: where it came from (`-` for stdin) and the name to show in messages. */
export interface PlanSource {
  source: string;
  display: string;
  text: string;
}

/** Plan text -> report: the one audit step shared by the command and its worker threads. */
export function auditPlanText(
  plan: PlanSource,
  rubrics: RubricSet,
  settings: AuditSettings,
  extraChecks?: ReportInput["extraChecks"],
  warn?: (warnings: Diagnostic[]) => void,
): Report {
  const loaded = parsePlan(plan.text, plan.display, rubrics, { strict: settings.strict });
  if (warn) {
    const warnings = loaded.plan.profile ? loaded.warnings : [...loaded.warnings, NO_PROFILE_HINT];
    if (warnings.length > 0) warn(warnings);
  }
  return buildReport({
    rubrics,
    plan: loaded.plan,
    toolVersion: settings.toolVersion,
    planSource: plan.source === "-" ? null : plan.source,
    thresholds: settings.thresholds,
    locate: loaded.locate,
    assess: settings.dimensions,
    ...(extraChecks ? { extraChecks } : {}),
  });
}
