import { basename, resolve } from "node:path";
import { baselineChecks } from "../../core/compare.js";
import type { Report } from "../../core/report-schema.js";
import type { RubricSet } from "../../core/rubric.js";
import { UsageError, UserError } from "../../errors.js";
import { loadRubrics } from "../../io/load-rubrics.js";
import { fileSink, streamSink, type OutputSink } from "../../io/output-sink.js";
import { packageInfo } from "../../io/package-root.js";
import { loadRenderer, type RenderOptions } from "../../render/index.js";
import { useColor } from "../color.js";
import type { CliIO } from "../io.js";
import { AuditOptionsSchema, parseOptions, type AuditOptions } from "../options.js";
import { findDefaultPlan, planTexts, type PlanText } from "../plan-source.js";
import { printError, printWarnings } from "../print-error.js";
import { canInterview, terminalWidth } from "../terminal.js";
import { writeOutput } from "../write-output.js";
import { auditPlanText, type AuditSettings } from "../audit-plan.js";
import { auditExitCode } from "../gate.js";

/** What is kept of each audited plan once its report is written: enough for the closing messages. */
interface Outcome {
  source: string;
  failed: Report["thresholds"]["checks"];
}

export async function runAudit(
  io: CliIO,
  planArgs: string[],
  rawOptions: unknown,
): Promise<number> {
  const options = parseOptions(AuditOptionsSchema, rawOptions);
  if (options.json && options.format && options.format !== "json") {
    throw new UsageError(
      `--json and --format ${options.format} contradict each other`,
      "Use one of them.",
    );
  }
  if (options.failOnRegression && !options.baseline) {
    throw new UsageError(
      "--fail-on-regression needs --baseline REPORT.json",
      "Save a baseline with: social-audit audit PLAN --json -o baseline.json",
    );
  }
  if (options.baseline && !options.failOnRegression) {
    throw new UsageError(
      "--baseline is used with --fail-on-regression",
      "Add --fail-on-regression to fail when a score drops below the baseline, or compare reports with `social-audit compare`.",
    );
  }
  const format = options.json ? "json" : (options.format ?? "table");
  if (options.csvRows && format !== "csv")
    throw new UsageError("--csv-rows is used with --format csv", "Add --format csv.");

  const plans = planArgs.length > 0 ? planArgs : await defaultPlan(io, options);
  if (typeof plans === "number") return plans;
  if (plans.filter((p) => p === "-").length > 1)
    throw new UsageError("stdin (-) can be given only once");

  const { rubrics, warnings } = await loadRubrics({
    paths: options.rubrics,
    builtin: options.builtin,
  });
  printWarnings(io, warnings);
  for (const id of Object.keys(options.min)) {
    if (!rubrics.dimensions.some((d) => d.rubric.id === id)) {
      throw new UsageError(
        `--min names unknown dimension "${id}"`,
        `Known dimensions: ${rubrics.dimensions.map((d) => d.rubric.id).join(", ")}`,
      );
    }
  }
  const audit = await auditor(io, rubrics, options);

  const renderer = await loadRenderer(format);
  const target = options.output ?? null;
  const renderOptions: RenderOptions = {
    color: target === null && useColor(io, io.stdout, options.color),
    top: options.top,
    width: terminalWidth(io),
    csvRows: options.csvRows,
  };
  const outcomes: Outcome[] = [];
  let invalid = 0;
  const single = plans.length === 1;

  // Formats that are just their reports in a row are written as each plan is audited, so
  // memory stays flat however many plans there are; the rest render once, at the end.
  const stream = !single ? renderer.stream : undefined;
  const sink: OutputSink | undefined = stream
    ? target && target !== "-"
      ? await fileSink(resolve(io.cwd, target), options.force)
      : streamSink(io.stdout as NodeJS.WritableStream)
    : undefined;
  const kept: Report[] = [];
  // Only a streamed batch can be spread over worker threads; the module loads only then.
  const parallel = sink && stream ? await import("../parallel-audit.js") : undefined;
  const jobs = parallel ? parallel.workerCount(options, plans) : 1;
  // With many plans, one bad file must not hide the others' reports; it still fails the run.
  const skipInvalid = (error: Pick<UserError, "message" | "diagnostics" | "hint">) => {
    printError(io, error.message, error.diagnostics, error.hint);
    invalid++;
  };
  try {
    if (sink && parallel && jobs > 1) {
      const setup = {
        cwd: io.cwd,
        rubrics: { paths: options.rubrics, builtin: options.builtin },
        settings: auditSettings(options),
        format,
        renderOptions,
      };
      for await (const batch of parallel.auditInWorkers(plans, jobs, setup)) {
        for (const outcome of batch.outcomes) {
          if ("error" in outcome) skipInvalid(outcome.error);
          else outcomes.push(outcome);
        }
        await sink.write(batch.output);
      }
    } else {
      for await (const text of planTexts(plans, io)) {
        let report: Report;
        try {
          report = audit(text);
        } catch (error) {
          if (!(error instanceof UserError) || single) throw error;
          skipInvalid(error);
          continue;
        }
        outcomes.push({
          source: report.source.plan ?? "<stdin>",
          failed: report.thresholds.checks.filter((c) => !c.passed),
        });
        if (sink && stream) await sink.write(stream(report, renderOptions));
        else kept.push(report);
      }
    }
    if (sink) await sink.commit();
  } catch (error) {
    await sink?.abort();
    throw error;
  }
  if (sink && target && target !== "-") io.stderr.write(`social-audit: wrote ${target}\n`);

  if (!sink && kept.length > 0) {
    const [only] = kept;
    // The output's shape follows what was asked for, so a batch stays a batch even if one plan was invalid.
    const text =
      single && only ? renderer.report(only, renderOptions) : renderer.batch(kept, renderOptions);
    await writeOutput(io, text, target, { force: options.force });
  }

  const failing = outcomes.filter((o) => o.failed.length > 0);
  for (const { source, failed } of failing) {
    const names = failed.map(
      (c) =>
        `${c.scope === "overall" ? "overall" : c.dimension} ${c.actual.toFixed(1)} < ${c.min.toFixed(1)}${c.kind === "baseline" ? " (baseline)" : ""}`,
    );
    const what = failed.every((c) => c.kind === "baseline")
      ? "regressed below the baseline"
      : "below threshold";
    io.stderr.write(`social-audit: ${source}: ${what}: ${names.join(", ")}\n`);
  }
  return auditExitCode({
    invalid,
    belowThreshold: failing.length,
    exitZero: options.exitZero,
  });
}

/** The plan to use when none is named: ./social-plan.yaml, or at a terminal, an interview. */
async function defaultPlan(io: CliIO, options: AuditOptions): Promise<string[] | number> {
  const found = await findDefaultPlan(io.cwd);
  if (found) {
    io.stderr.write(`social-audit: using ${basename(found)} from the current directory\n`);
    return [found];
  }
  if (canInterview(io) && io.stderr.isTTY) {
    // A person at a terminal with no plan yet most likely wants to start one: offer it.
    const { askConfirm } = await import("../../interview/inquirer-prompter.js");
    const start = await askConfirm(
      { input: io.stdin, output: io.stderr as NodeJS.WritableStream },
      "No plan file given and no social-plan.yaml here. Start an interview now?",
    );
    if (start) {
      const { runInterviewCommand } = await import("./interview.js");
      return runInterviewCommand(io, {
        rubrics: options.rubrics,
        builtin: options.builtin,
        color: options.color,
      });
    }
    throw new UsageError(
      "no plan file given",
      "Pass a plan file, run `social-audit init` to write a template, or `social-audit interview`.",
    );
  }
  throw new UsageError(
    "no plan file given, and no social-plan.yaml in the current directory",
    "Pass a plan file (social-audit audit plan.yaml), `-` to read one from stdin, or run `social-audit init` to create one.",
  );
}

function auditSettings(options: AuditOptions): AuditSettings {
  return {
    toolVersion: packageInfo().version,
    strict: options.strict,
    thresholds: { overall: options.failUnder, dimensions: options.min },
    planThresholds: options.planThresholds,
  };
}

/** Plan text -> report, with the run's thresholds and baseline applied. */
async function auditor(
  io: CliIO,
  rubrics: RubricSet,
  options: AuditOptions,
): Promise<(plan: PlanText) => Report> {
  // Reading a report means building the report schema; only a baseline needs that.
  const baselines = options.baseline
    ? await (
        await import("../report-source.js")
      ).loadReportOrPlan(options.baseline, io.cwd, () => Promise.resolve(rubrics))
    : [];
  const settings = auditSettings(options);
  const extraChecks = (report: Omit<Report, "thresholds">) => {
    if (baselines.length === 0) return [];
    // A batch baseline is matched by organization; a single one applies to any plan.
    const baseline =
      baselines.length === 1
        ? baselines[0]
        : baselines.find((b) => b.organization === report.organization);
    if (!baseline)
      throw new UserError(`${options.baseline}: has no report for "${report.organization}"`);
    return baselineChecks(baseline, report);
  };
  return (input) => {
    if ("error" in input) throw input.error;
    return auditPlanText(input, rubrics, settings, extraChecks);
  };
}
