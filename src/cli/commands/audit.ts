import { basename } from "node:path";
import { baselineChecks } from "../../core/compare.js";
import { buildReport } from "../../core/report.js";
import type { Report } from "../../core/report-schema.js";
import { UserError, UsageError, EXIT } from "../../errors.js";
import { loadPlanSource, findDefaultPlan } from "../plan-source.js";
import { canInterview } from "../terminal.js";
import { loadRubrics } from "../../io/load-rubrics.js";
import { packageInfo } from "../../io/package-root.js";
import { loadRenderer } from "../../render/index.js";
import { useColor } from "../color.js";
import type { CliIO } from "../io.js";
import { AuditOptionsSchema, parseOptions } from "../options.js";
import { printError, printWarnings } from "../print-error.js";
import { loadReportOrPlan } from "../report-source.js";
import { writeOutput } from "../write-output.js";

export async function runAudit(io: CliIO, planArgs: string[], rawOptions: unknown): Promise<number> {
  const options = parseOptions(AuditOptionsSchema, rawOptions);
  if (options.json && options.format && options.format !== "json") {
    throw new UsageError(`--json and --format ${options.format} contradict each other`, "Use one of them.");
  }
  const format = options.json ? "json" : (options.format ?? "table");
  if (options.failOnRegression && !options.baseline) {
    throw new UsageError("--fail-on-regression needs --baseline REPORT.json", "Save a baseline with: social-audit audit PLAN --json -o baseline.json");
  }
  if (options.baseline && !options.failOnRegression) {
    throw new UsageError("--baseline is used with --fail-on-regression", "Add --fail-on-regression to fail when a score drops below the baseline, or compare reports with `social-audit compare`.");
  }

  let plans = planArgs;
  if (plans.length === 0) {
    const found = await findDefaultPlan(io.cwd);
    if (!found && canInterview(io) && io.stderr.isTTY) {
      // A person at a terminal with no plan yet most likely wants to start one: offer it.
      const { askConfirm } = await import("../../interview/inquirer-prompter.js");
      const start = await askConfirm({ input: io.stdin, output: io.stderr as NodeJS.WritableStream }, "No plan file given and no social-plan.yaml here. Start an interview now?");
      if (start) {
        const { runInterviewCommand } = await import("./interview.js");
        return runInterviewCommand(io, { rubrics: options.rubrics, builtin: options.builtin, color: options.color });
      }
      throw new UsageError("no plan file given", "Pass a plan file, run `social-audit init` to write a template, or `social-audit interview`.");
    }
    if (!found) {
      throw new UsageError(
        "no plan file given, and no social-plan.yaml in the current directory",
        "Pass a plan file (social-audit audit plan.yaml), `-` to read one from stdin, or run `social-audit init` to create one.",
      );
    }
    io.stderr.write(`social-audit: using ${basename(found)} from the current directory\n`);
    plans = [found];
  }
  if (plans.filter((p) => p === "-").length > 1) throw new UsageError("stdin (-) can be given only once");

  const { rubrics, warnings } = await loadRubrics({ paths: options.rubrics, builtin: options.builtin });
  printWarnings(io, warnings);
  const baselines = options.baseline ? await loadReportOrPlan(options.baseline, io.cwd, async () => rubrics) : [];
  const version = packageInfo().version;

  const reports: Report[] = [];
  let invalid = 0;
  for (const source of plans) {
    try {
      const loaded = await loadPlanSource(source, io, rubrics, { strict: options.strict });
      reports.push(
        buildReport({
          rubrics,
          plan: loaded.plan,
          toolVersion: version,
          planSource: source === "-" ? null : source,
          thresholds: { overall: options.failUnder, dimensions: options.min },
          locate: loaded.locate,
          extraChecks: (report) => {
            if (baselines.length === 0) return [];
            // A batch baseline is matched by organization; a single one applies to any plan.
            const baseline = baselines.length === 1 ? baselines[0] : baselines.find((b) => b.organization === report.organization);
            if (!baseline) throw new UserError(`${options.baseline}: has no report for "${report.organization}"`);
            return baselineChecks(baseline, report);
          },
        }),
      );
    } catch (error) {
      // With many plans, one bad file must not hide the others' reports; it still fails the run.
      if (!(error instanceof UserError) || plans.length === 1) throw error;
      printError(io, error.message, error.diagnostics, error.hint);
      invalid++;
    }
  }
  for (const id of Object.keys(options.min)) {
    if (!rubrics.dimensions.some((d) => d.rubric.id === id)) {
      throw new UsageError(`--min names unknown dimension "${id}"`, `Known dimensions: ${rubrics.dimensions.map((d) => d.rubric.id).join(", ")}`);
    }
  }

  if (reports.length > 0) {
    const renderer = await loadRenderer(format);
    const target = options.output ?? null;
    const renderOptions = {
      color: target === null && useColor(io, io.stdout, options.color),
      top: options.top,
      width: Math.min(Math.max(io.stdout.columns ?? 100, 60), 160),
    };
    // The output's shape follows what was asked for, so a batch stays a batch even if one plan was invalid.
    const [only] = reports;
    const text = plans.length === 1 && only ? renderer.report(only, renderOptions) : renderer.batch(reports, renderOptions);
    await writeOutput(io, text, target, { force: options.force });
  }

  const failing = reports.filter((r) => !r.thresholds.passed);
  for (const report of failing) {
    const failed = report.thresholds.checks.filter((c) => !c.passed);
    const names = failed.map((c) => `${c.scope === "overall" ? "overall" : c.dimension} ${c.actual.toFixed(1)} < ${c.min.toFixed(1)}${c.kind === "baseline" ? " (baseline)" : ""}`);
    const what = failed.every((c) => c.kind === "baseline") ? "regressed below the baseline" : "below threshold";
    io.stderr.write(`social-audit: ${report.source.plan ?? "<stdin>"}: ${what}: ${names.join(", ")}\n`);
  }
  if (invalid > 0) return EXIT.invalidInput;
  return failing.length > 0 ? EXIT.belowThreshold : EXIT.ok;
}
