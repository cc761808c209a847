import * as z from "zod";
import {
  PORTFOLIO_SORTS,
  buildPortfolio,
  portfolioAudit,
  type PortfolioAudit,
} from "../../core/portfolio.js";
import { errorRecord } from "../../audit/outcome.js";
import type { PlanError } from "../../core/envelope.js";
import { EXIT, UserError } from "../../errors.js";
import { PORTFOLIO_FORMATS, VIEW_RENDERERS } from "../../render/index.js";
import { useColor } from "../color.js";
import type { CliIO } from "../io.js";
import { parseOptions } from "../options.js";
import { printError } from "../print-error.js";
import { loadReportOrPlan } from "../report-source.js";
import { ViewOptionsSchema, count, rubricsOnDemand, viewFormat } from "../view-options.js";
import { writeOutput } from "../write-output.js";

const PortfolioOptionsSchema = ViewOptionsSchema.extend({
  format: z
    .enum(PORTFOLIO_FORMATS, { error: `--format must be one of ${PORTFOLIO_FORMATS.join(", ")}` })
    .optional(),
  sort: z
    .enum(PORTFOLIO_SORTS, { error: `--sort must be one of ${PORTFOLIO_SORTS.join(", ")}` })
    .default("score"),
  gaps: count("--gaps", 0).default(10),
});

/** Many organisations' latest audits side by side: `social-audit portfolio`. */
export async function runPortfolio(
  io: CliIO,
  files: string[],
  rawOptions: unknown,
): Promise<number> {
  const options = parseOptions(PortfolioOptionsSchema, rawOptions);
  const format = viewFormat(options, files, {
    message: "portfolio needs the audits to gather: plan files or reports (audit --json)",
    example: "social-audit portfolio clients/*.yaml",
  });
  const rubrics = rubricsOnDemand(io, options);
  // Each report is reduced as soon as it is made, so thousands of plans do not pile up as
  // full reports; one unreadable file is reported and skipped, and fails the run at the end.
  const audits: PortfolioAudit[] = [];
  const errors: PlanError[] = [];
  for (const file of files) {
    try {
      for (const report of await loadReportOrPlan(file, io.cwd, rubrics.get))
        audits.push(portfolioAudit(report));
    } catch (error) {
      if (!(error instanceof UserError) || files.length === 1) throw error;
      printError(io, error.message, error.diagnostics, error.hint);
      errors.push(errorRecord(file, error));
    }
  }
  await rubrics.printWarnings();
  const portfolio = buildPortfolio(audits, { sort: options.sort, gaps: options.gaps }, errors);
  const renderers = await VIEW_RENDERERS.portfolio();
  const text = renderers[format](portfolio, {
    color: options.output === undefined && useColor(io, io.stdout, options.color),
    // Names are shortened to fit a terminal or --width; a file or a pipe keeps them whole.
    width: options.width ?? io.stdout.columns ?? Number.POSITIVE_INFINITY,
    top: options.top,
  });
  await writeOutput(io, text, options.output ?? null, { force: options.force });
  return errors.length > 0 ? EXIT.invalidInput : EXIT.ok;
}
