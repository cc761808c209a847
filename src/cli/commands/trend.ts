import * as z from "zod";
import type { Report } from "../../core/report-schema.js";
import { buildTrend } from "../../core/trend.js";
import { EXIT } from "../../errors.js";
import { TREND_FORMATS, VIEW_RENDERERS } from "../../render/index.js";
import { stripControl } from "../../text/sanitize.js";
import { useColor } from "../color.js";
import type { CliIO } from "../io.js";
import { parseOptions } from "../options.js";
import { loadReportOrPlan } from "../report-source.js";
import { ViewOptionsSchema, rubricsOnDemand, viewFormat, viewWidth } from "../view-options.js";
import { writeOutput } from "../write-output.js";

const TrendOptionsSchema = ViewOptionsSchema.extend({
  format: z
    .enum(TREND_FORMATS, { error: `--format must be one of ${TREND_FORMATS.join(", ")}` })
    .optional(),
});

/** Audits of one organisation, from reports or plans, in date order: `social-audit trend`. */
export async function runTrend(io: CliIO, files: string[], rawOptions: unknown): Promise<number> {
  const options = parseOptions(TrendOptionsSchema, rawOptions);
  const format = viewFormat(options, files, {
    message: "trend needs the audits to put in order: reports (audit --json) or plan files",
    example: "social-audit trend audits/*.yaml",
  });
  const rubrics = rubricsOnDemand(io, options);
  const reports: Report[] = [];
  for (const file of files) reports.push(...(await loadReportOrPlan(file, io.cwd, rubrics.get)));
  await rubrics.printWarnings();
  const trend = buildTrend(reports);
  for (const warning of trend.warnings)
    io.stderr.write(`social-audit: warning: ${stripControl(warning)}\n`);
  const renderers = await VIEW_RENDERERS.trend();
  const text = renderers[format](trend, {
    color: options.output === undefined && useColor(io, io.stdout, options.color),
    width: viewWidth(io, options.width),
    top: options.top,
  });
  await writeOutput(io, text, options.output ?? null, { force: options.force });
  return EXIT.ok;
}
