import { baselineChecks } from "../core/compare.js";
import { buildReport, type ReportInput } from "../core/report.js";
import type { Report } from "../core/report-schema.js";
import type { RubricSet } from "../core/rubric.js";
import type { ThresholdOptions } from "../core/thresholds.js";
import { UserError, type Diagnostic } from "../errors.js";
import type { Plan } from "../core/plan-file.js";
import { parsePlan } from "../io/load-plan.js";
import type { PlanText } from "./plan-text.js";

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
  /** false with --no-plan-thresholds; a plan's own thresholds apply unless it says so */
  planThresholds?: boolean | undefined;
  /** `--dimension`: the dimensions to assess; undefined for all. */
  dimensions?: string[] | undefined;
  /** `--require-evidence`: unsupported claims score as the best answer needing no evidence. */
  requireEvidence?: boolean | undefined;
  /** `--max-age` in days; stale answers are listed, and dates are checked against `today`. */
  maxAgeDays?: number | undefined;
  /** Today as YYYY-MM-DD, decided once by the command so every plan (and thread) agrees. */
  today?: string | undefined;
}

/** Plan text -> report: the one audit step, shared by every command and the worker threads. */
export function auditPlanText(
  plan: Extract<PlanText, { text: string }>,
  rubrics: RubricSet,
  settings: AuditSettings,
  extraChecks?: ReportInput["extraChecks"],
  warn?: (warnings: Diagnostic[]) => void,
): Report {
  const loaded = parsePlan(plan.text, plan.display, rubrics, {
    strict: settings.strict,
    today: settings.today,
    checkPlanDate: settings.maxAgeDays !== undefined,
  });
  if (warn) {
    const warnings = loaded.plan.profile ? loaded.warnings : [...loaded.warnings, NO_PROFILE_HINT];
    if (warnings.length > 0) warn(warnings);
  }
  return reportFor(loaded.plan, rubrics, settings, {
    planSource: plan.source === "-" ? null : plan.source,
    locate: loaded.locate,
    ...(extraChecks ? { extraChecks } : {}),
  });
}

/** A validated plan -> its report, under the run's settings; shared with `--merge`. */
export function reportFor(
  plan: Plan,
  rubrics: RubricSet,
  settings: AuditSettings,
  from: Pick<ReportInput, "planSource" | "locate" | "extraChecks">,
): Report {
  return buildReport({
    rubrics,
    plan: planForGate(plan, settings.planThresholds !== false),
    toolVersion: settings.toolVersion,
    thresholds: settings.thresholds,
    assess: settings.dimensions,
    requireEvidence: settings.requireEvidence,
    freshness:
      settings.maxAgeDays !== undefined && settings.today !== undefined
        ? { maxAgeDays: settings.maxAgeDays, today: settings.today }
        : undefined,
    ...from,
  });
}

/**
 * Checks against a baseline: a batch baseline is matched by organization, a single one
 * applies to any plan. `name` is the baseline file as the user gave it.
 */
export function baselineCheck(
  baselines: readonly Report[],
  name: string,
): NonNullable<ReportInput["extraChecks"]> {
  return (report) => {
    const baseline =
      baselines.length === 1
        ? baselines[0]
        : baselines.find((b) => b.organization === report.organization);
    if (!baseline) throw new UserError(`${name}: has no report for "${report.organization}"`);
    return baselineChecks(baseline, report);
  };
}

/**
 * A single baseline applies to any plan (an organisation may be renamed between audits), but
 * one from another organisation is likely the wrong file, so it is said on stderr.
 */
export function baselineWarning(
  baselines: readonly Report[],
  name: string,
  organization: string,
): Diagnostic | undefined {
  const [only] = baselines;
  if (baselines.length !== 1 || !only || only.organization === organization) return undefined;
  return {
    file: name,
    severity: "warning",
    message: `is a report of "${only.organization}", compared with "${organization}"; check it is the baseline you meant (a renamed organisation is fine)`,
  };
}

/** `--no-plan-thresholds`: the plan's own policy is left out, so only the command line's gates apply. */
export function planForGate<P extends Pick<Plan, "thresholds">>(
  plan: P,
  usePlanThresholds: boolean,
): P {
  return usePlanThresholds ? plan : { ...plan, thresholds: undefined };
}
