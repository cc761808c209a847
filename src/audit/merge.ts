/**
 * `audit --merge`: plans of one organisation answered by different people, read and
 * validated like any plan, combined by the rule in core/merge.ts into one report.
 */
import { basename, extname } from "node:path";
import {
  mergePlans,
  otherOrganizations,
  withRespondents,
  type RespondentPlan,
} from "../core/merge.js";
import type { Report } from "../core/report-schema.js";
import type { RubricSet } from "../core/rubric.js";
import { UserError, type Diagnostic } from "../errors.js";
import { parsePlan } from "../io/load-plan.js";
import { NO_PROFILE_HINT, reportFor, type AuditSettings } from "./audit-plan.js";
import { readPlanText, type PlanInput } from "./plan-text.js";

export interface MergeRequest extends PlanInput {
  sources: readonly string[];
  rubrics: RubricSet;
  settings: AuditSettings;
}

/**
 * One report from several respondents' plans. Every plan must be valid and name the same
 * organisation: a merged report missing one person would silently change its answers.
 */
export async function auditMerged(
  request: MergeRequest,
): Promise<{ report: Report; warnings: Diagnostic[] }> {
  const plans: RespondentPlan[] = [];
  const warnings: Diagnostic[] = [];
  const where = new Map<RespondentPlan, { file: string; line?: number; column?: number }>();
  for (const source of request.sources) {
    const text = await readPlanText(source, request);
    if ("error" in text) throw text.error;
    const loaded = parsePlan(text.text, text.display, request.rubrics, {
      strict: request.settings.strict,
      today: request.settings.today,
      checkPlanDate: request.settings.maxAgeDays !== undefined,
    });
    warnings.push(...loaded.warnings);
    const respondent: RespondentPlan = {
      plan: loaded.plan,
      source: source === "-" ? null : source,
      fallbackName: source === "-" ? "stdin" : basename(source, extname(source)),
    };
    plans.push(respondent);
    where.set(respondent, { file: text.display, ...loaded.locate(["organization"]) });
  }
  const [first] = plans;
  if (first && !first.plan.profile) warnings.push(NO_PROFILE_HINT);
  const others = otherOrganizations(plans);
  if (first && others.length > 0)
    throw new UserError(
      "--merge combines plans of one organisation, but these name another",
      others.map((o) => ({
        severity: "error" as const,
        ...where.get(o),
        path: "organization",
        message: `organization is "${o.plan.organization}", not "${first.plan.organization}"`,
      })),
      "Merge each organisation's plans separately, or correct the organization line.",
    );
  const merged = mergePlans(request.rubrics, plans);
  const report = reportFor(merged.plan, request.rubrics, request.settings, {
    // Stryker disable next-line OptionalChaining: with no plans mergePlans has already thrown, so `first` is set here; `?.` is for its type
    planSource: first?.source ?? null,
  });
  return { report: withRespondents(report, merged), warnings };
}
