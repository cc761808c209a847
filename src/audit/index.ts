/**
 * The one audit path: plan sources and options in, outcomes out, in the order given.
 * A single plan, many plans, stdin, a baseline and worker threads all go through
 * `auditPlans`; threads are an execution detail decided here (see jobs.ts).
 */
import type { Report } from "../core/report-schema.js";
import type { RubricSet } from "../core/rubric.js";
import { UserError, type Diagnostic } from "../errors.js";
import type { RubricSources } from "../io/load-rubrics.js";
import { loadRenderer, type Format, type RenderOptions } from "../render/index.js";
import { auditPlanText, baselineCheck, baselineWarning, type AuditSettings } from "./audit-plan.js";
import { workerCount } from "./jobs.js";
import { errorRecord, type AuditedBatch, type PlanOutcome } from "./outcome.js";
import { readPlanText, type PlanInput } from "./plan-text.js";

export type { AuditSettings } from "./audit-plan.js";
export type { AuditedBatch, PlanOutcome } from "./outcome.js";
export { errorRecord } from "./outcome.js";
export type { PlanInput, PlanText } from "./plan-text.js";
export { auditPlanText } from "./audit-plan.js";

export interface AuditRequest extends PlanInput {
  sources: readonly string[];
  rubrics: RubricSet;
  /** Where the rubrics came from, so worker threads can load the same ones. */
  rubricSources: RubricSources;
  settings: AuditSettings;
  /** Reports to check against (a baseline), with the file's name for messages. */
  baseline?: { name: string; reports: readonly Report[] } | undefined;
  /**
   * Render each plan's report as it is audited (formats whose batch is its reports in a row),
   * so memory stays flat however many plans there are. Without it, reports are returned.
   */
  stream?: { format: Format; options: RenderOptions } | undefined;
  jobs: number | "auto";
  /** Told when the thread count asked for was lowered. */
  note?: (message: string) => void;
}

/** Audits the plans and yields their outcomes in order; one unreadable plan never stops the others. */
export async function* auditPlans(request: AuditRequest): AsyncGenerator<AuditedBatch> {
  const jobs = workerCount(request.jobs, request.sources, {
    streamed: request.stream !== undefined,
    baseline: request.baseline !== undefined,
  });
  if (jobs.note) request.note?.(jobs.note);
  if (request.stream && jobs.threads > 1) {
    const { auditInWorkers } = await import("./workers.js");
    yield* auditInWorkers(request.sources, jobs.threads, {
      cwd: request.cwd,
      rubrics: request.rubricSources,
      settings: request.settings,
      format: request.stream.format,
      renderOptions: request.stream.options,
    });
    return;
  }
  const renderer = request.stream ? await loadRenderer(request.stream.format) : undefined;
  const render = renderer ? (renderer.stream ?? renderer.report) : undefined;
  const extraChecks = request.baseline
    ? baselineCheck(request.baseline.reports, request.baseline.name)
    : undefined;
  for (const source of request.sources) {
    const plan = await readPlanText(source, request);
    let outcome: PlanOutcome;
    let output = "";
    const shown = plan.display;
    if ("error" in plan) outcome = { source: shown, error: plan.error };
    else {
      try {
        let warnings: Diagnostic[] | undefined;
        const report = auditPlanText(
          plan,
          request.rubrics,
          request.settings,
          extraChecks,
          (found) => (warnings = found),
        );
        const mismatch =
          request.baseline &&
          baselineWarning(request.baseline.reports, request.baseline.name, report.organization);
        if (mismatch) warnings = [...(warnings ?? []), mismatch];
        const failed = report.thresholds.checks.filter((c) => !c.passed);
        const stale = report.stale?.length ?? 0;
        // Stryker disable next-line LogicalOperator: render is set exactly when request.stream is (every renderer has `report`), so && and || agree; request.stream is there for its type
        if (render && request.stream) {
          output = render(report, request.stream.options);
          outcome = { source: shown, failed, warnings, stale };
        } else outcome = { source: shown, failed, report, warnings, stale };
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        outcome = { source: shown, error };
      }
    }
    // A streamed format writes an invalid plan's record in its place, so it never vanishes.
    if ("error" in outcome && renderer?.streamError && request.stream)
      output = renderer.streamError(errorRecord(shown, outcome.error), request.stream.options);
    yield { outcomes: [outcome], output };
  }
}
