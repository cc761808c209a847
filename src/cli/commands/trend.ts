import * as z from "zod";
import type { Report } from "../../core/report-schema.js";
import { buildTrend } from "../../core/trend.js";
import { EXIT, UsageError } from "../../errors.js";
import { loadRubrics } from "../../io/load-rubrics.js";
import { TREND_FORMATS, VIEW_RENDERERS } from "../../render/index.js";
import { stripControl } from "../../text/sanitize.js";
import { useColor } from "../color.js";
import type { CliIO } from "../io.js";
import { parseOptions } from "../options.js";
import { printWarnings } from "../print-error.js";
import { loadReportOrPlan } from "../report-source.js";
import { ViewOptionsSchema, viewWidth } from "../view-options.js";
import { writeOutput } from "../write-output.js";

const TrendOptionsSchema = ViewOptionsSchema.extend({
  format: z
    .enum(TREND_FORMATS, { error: `--format must be one of ${TREND_FORMATS.join(", ")}` })
    .optional(),
});

/** Audits of one organisation, from reports or plans, in date order: `social-audit trend`. */
export async function runTrend(io: CliIO, files: string[], rawOptions: unknown): Promise<number> {
  const options = parseOptions(TrendOptionsSchema, rawOptions);
  if (options.json && options.format && options.format !== "json")
    throw new UsageError(
      `--json and --format ${options.format} contradict each other`,
      "Use one of them.",
    );
  if (files.length === 0)
    throw new UsageError(
      "trend needs the audits to put in order: reports (audit --json) or plan files",
      "For example: social-audit trend audits/*.yaml",
    );
  let rubrics: ReturnType<typeof loadRubrics> | undefined;
  // Rubrics are loaded only when an input is a plan rather than a finished report.
  const getRubrics = async () => {
    rubrics ??= loadRubrics({ paths: options.rubrics, builtin: options.builtin });
    const loaded = await rubrics;
    return loaded.rubrics;
  };
  const reports: Report[] = [];
  for (const file of files) reports.push(...(await loadReportOrPlan(file, io.cwd, getRubrics)));
  if (rubrics) printWarnings(io, (await rubrics).warnings);
  const trend = buildTrend(reports);
  for (const warning of trend.warnings)
    io.stderr.write(`social-audit: warning: ${stripControl(warning)}\n`);
  const format = options.json ? "json" : (options.format ?? "table");
  const renderers = await VIEW_RENDERERS.trend();
  const text = renderers[format](trend, {
    color: options.output === undefined && useColor(io, io.stdout, options.color),
    width: viewWidth(io, options.width),
    top: options.top,
  });
  await writeOutput(io, text, options.output ?? null, { force: options.force });
  return EXIT.ok;
}
