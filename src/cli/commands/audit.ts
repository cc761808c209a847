import { basename, resolve } from "node:path";
import { auditPlans, errorRecord, type AuditSettings } from "../../audit/index.js";
import type { PlanError } from "../../core/envelope.js";
import type { Report } from "../../core/report-schema.js";
import type { RubricSet } from "../../core/rubric.js";
import { didYouMean } from "../../core/suggest.js";
import { UsageError, formatDiagnostic, type Diagnostic, type UserError } from "../../errors.js";
import { loadRubrics } from "../../io/load-rubrics.js";
import { fileSink, streamSink, type OutputSink } from "../../io/output-sink.js";
import { isOurReport } from "../../io/output-target.js";
import { packageInfo } from "../../io/package-root.js";
import { loadRenderer, type Format, type RenderOptions } from "../../render/index.js";
import { useColor } from "../color.js";
import { findDefaultPlan } from "../default-plan.js";
import type { CliIO } from "../io.js";
import { AuditOptionsSchema, parseOptions, type AuditOptions } from "../options.js";
import { printError, printWarnings, printNote } from "../print-error.js";
import { canInterview, terminalWidth } from "../terminal.js";
import { auditExitCode } from "../gate.js";
import { writeOutput } from "../write-output.js";

export async function runAudit(
  io: CliIO,
  planArgs: string[],
  rawOptions: unknown,
): Promise<number> {
  const options = parseOptions(AuditOptionsSchema, rawOptions);
  checkCombinations(options);
  const format = options.json ? "json" : (options.format ?? "table");

  const plans = planArgs.length > 0 ? planArgs : await defaultPlan(io, options);
  if (typeof plans === "number") return plans;
  if (plans.filter((p) => p === "-").length > 1)
    throw new UsageError("stdin (-) can be given only once");

  const rubricSources = { paths: options.rubrics, builtin: options.builtin };
  const { rubrics, warnings } = await loadRubrics(rubricSources);
  printWarnings(io, warnings);
  checkDimensions(options, rubrics);

  const baseline = options.baseline
    ? { name: options.baseline, reports: await loadBaseline(io, options.baseline, rubrics) }
    : undefined;
  const renderer = await loadRenderer(format);
  const target = options.output ?? null;
  const toFile = target !== null && target !== "-";
  const renderOptions: RenderOptions = {
    color: !toFile && useColor(io, io.stdout, options.color),
    top: options.top ?? renderer.defaultTop ?? 5,
    width: terminalWidth(io),
    csvRows: options.csvRows,
    toolVersion: packageInfo().version,
    toolInformationUri: packageInfo().homepage,
  };
  if (options.merge) {
    const { auditMerged } = await import("../../audit/merge.js");
    const { report, warnings: found } = await auditMerged({
      sources: plans,
      cwd: io.cwd,
      // A getter, so a run without `-` never opens stdin (see processIO).
      get stdin() {
        return io.stdin;
      },
      rubrics,
      settings: auditSettings(options),
    });
    warnOnce(io)(found);
    await writeOutput(io, renderer.report(report, renderOptions), target, {
      force: options.force,
      replaceable: isOurReport,
    });
    const source = `merged (${plans.join(", ")})`;
    const failed = report.thresholds.checks.filter((c) => !c.passed);
    return finish(io, options, {
      failing: failed.length > 0 ? [{ source, failed }] : [],
      stale: report.stale?.length ? [{ source, count: report.stale.length }] : [],
      invalid: 0,
    });
  }
  const single = plans.length === 1;
  // Formats that are just their reports in a row are written as each plan is audited, so
  // memory stays flat however many plans there are; the rest render once, at the end.
  const streamed = !single && renderer.stream !== undefined;
  const sink: OutputSink | undefined = streamed
    ? toFile
      ? await fileSink({
          file: resolve(io.cwd, target),
          display: target,
          force: options.force,
          replaceable: isOurReport,
        })
      : streamSink(io.stdout as NodeJS.WritableStream)
    : undefined;

  const failing: { source: string; failed: Report["thresholds"]["checks"] }[] = [];
  const stale: { source: string; count: number }[] = [];
  const kept: Report[] = [];
  const errors: PlanError[] = [];
  const warn = warnOnce(io);
  // With many plans, one bad file must not hide the others' reports; it still fails the run,
  // and it is in the output too. Formats read by tools show it even when it is the only plan.
  const skipInvalid = (source: string, error: UserError) => {
    if (single && !SHOWS_A_LONE_ERROR.has(format)) throw error;
    printError(io, error.message, error.diagnostics, error.hint);
    errors.push(errorRecord(source, error));
  };
  try {
    const batches = auditPlans({
      sources: plans,
      cwd: io.cwd,
      // A getter, so a run without `-` never opens stdin (see processIO).
      get stdin() {
        return io.stdin;
      },
      rubrics,
      rubricSources,
      settings: auditSettings(options),
      baseline,
      stream: streamed ? { format, options: renderOptions } : undefined,
      jobs: options.jobs,
      note: (message) => {
        printNote(io, message);
      },
    });
    for await (const batch of batches) {
      for (const outcome of batch.outcomes) {
        if ("error" in outcome) skipInvalid(outcome.source, outcome.error);
        else {
          if (outcome.warnings) warn(outcome.warnings);
          if (outcome.failed.length > 0) failing.push(outcome);
          if (outcome.stale) stale.push({ source: outcome.source, count: outcome.stale });
          if (outcome.report) kept.push(outcome.report);
        }
      }
      if (sink && batch.output.length > 0) await sink.write(batch.output);
    }
    await sink?.commit();
  } catch (error) {
    await sink?.abort();
    throw error;
  }
  if (sink && toFile) io.stderr.write(`social-audit: wrote ${target}\n`);

  if (!sink && (kept.length > 0 || errors.length > 0)) {
    const [only] = kept;
    // The output's shape follows what was asked for, so a batch stays a batch even if one plan was invalid.
    const text =
      single && only
        ? renderer.report(only, renderOptions)
        : renderer.batch(kept, renderOptions, errors);
    await writeOutput(io, text, target, { force: options.force, replaceable: isOurReport });
  }

  return finish(io, options, { failing, stale, invalid: errors.length });
}

/** Says on stderr what failed, and turns the run's outcome into its exit code. */
function finish(
  io: CliIO,
  options: AuditOptions,
  outcome: {
    failing: readonly { source: string; failed: Report["thresholds"]["checks"] }[];
    stale: readonly { source: string; count: number }[];
    invalid: number;
  },
): number {
  const { failing, stale, invalid } = outcome;
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
  if (options.failOnStale)
    for (const { source, count } of stale)
      io.stderr.write(
        `social-audit: ${source}: ${count} answer${count === 1 ? "" : "s"} older than --max-age (see "stale" in the report)\n`,
      );
  const staleFails = options.failOnStale ? stale.length : 0;
  return auditExitCode({
    invalid,
    belowThreshold: failing.length + staleFails,
    exitZero: options.exitZero,
  });
}

/**
 * Formats that show an invalid plan even when it is the only one: those read by tools, and
 * documents handed on (a PR comment, a page, a sheet), which would otherwise be empty. The
 * terminal table is left out: stderr, on the same screen, already says it all.
 */
const SHOWS_A_LONE_ERROR: ReadonlySet<Format> = new Set([
  "json",
  "jsonl",
  "junit",
  "sarif",
  "github",
  "markdown",
  "html",
  "csv",
]);

function checkCombinations(options: AuditOptions): void {
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
  if (options.merge && options.baseline)
    throw new UsageError(
      "--merge and --baseline do not go together",
      "Save the merged report with --json -o merged.json and compare it with `social-audit compare`.",
    );
  if (options.failOnStale && options.maxAge === undefined)
    throw new UsageError(
      "--fail-on-stale needs --max-age DURATION",
      "Say how old an answer may be, e.g. --max-age 180d --fail-on-stale.",
    );
  if (options.csvRows && format !== "csv")
    throw new UsageError("--csv-rows is used with --format csv", "Add --format csv.");
}

function checkDimensions(options: AuditOptions, rubrics: RubricSet): void {
  for (const id of Object.keys(options.min)) {
    if (!rubrics.dimensions.some((d) => d.rubric.id === id)) {
      throw new UsageError(
        `--min names unknown dimension "${id}"`,
        `Known dimensions: ${rubrics.dimensions.map((d) => d.rubric.id).join(", ")}`,
      );
    }
  }
  const known = rubrics.dimensions.map((d) => d.rubric.id);
  for (const id of options.dimension ?? []) {
    if (!known.includes(id))
      throw new UsageError(
        `--dimension names unknown dimension "${id}"${didYouMean(id, known)}`,
        `Known dimensions: ${known.join(", ")}`,
      );
  }
}

/** Warnings say each distinct line once: the no-profile hint would otherwise repeat for every plan. */
function warnOnce(io: CliIO): (found: readonly Diagnostic[]) => void {
  const said = new Set<string>();
  return (found) => {
    printWarnings(
      io,
      found.filter((d) => {
        const line = formatDiagnostic(d);
        if (said.has(line)) return false;
        said.add(line);
        return true;
      }),
    );
  };
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
    planThresholds: options.planThresholds,
    thresholds: { overall: options.failUnder, dimensions: options.min },
    dimensions: options.dimension,
    requireEvidence: options.requireEvidence,
    maxAgeDays: options.maxAge,
    // One day for the whole run (UTC), so every plan and thread judges dates alike.
    today: new Date().toISOString().slice(0, 10),
  };
}

/** Reading a report means building the report schema; only a baseline needs that. */
async function loadBaseline(io: CliIO, file: string, rubrics: RubricSet): Promise<Report[]> {
  const { loadReportOrPlan } = await import("../report-source.js");
  return loadReportOrPlan(file, io.cwd, () => Promise.resolve(rubrics));
}
