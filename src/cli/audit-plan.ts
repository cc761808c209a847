import { buildReport, type ReportInput } from "../core/report.js";
import type { Report } from "../core/report-schema.js";
import type { RubricSet } from "../core/rubric.js";
import type { ThresholdOptions } from "../core/thresholds.js";
import { parsePlan } from "../io/load-plan.js";
import { planForGate } from "./gate.js";

/** Everything besides the plan and rubrics that decides a plan's report; plain data, so workers can share it. */
export interface AuditSettings {
  toolVersion: string;
  strict: boolean;
  thresholds: ThresholdOptions;
  /** false with --no-plan-thresholds; a plan's own thresholds apply unless it says so */
  planThresholds?: boolean | undefined;
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
): Report {
  const loaded = parsePlan(plan.text, plan.display, rubrics, { strict: settings.strict });
  return buildReport({
    rubrics,
    plan: planForGate(loaded.plan, settings.planThresholds !== false),
    toolVersion: settings.toolVersion,
    planSource: plan.source === "-" ? null : plan.source,
    thresholds: settings.thresholds,
    locate: loaded.locate,
    ...(extraChecks ? { extraChecks } : {}),
  });
}
