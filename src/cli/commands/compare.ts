import { packageInfo } from "../../io/package-root.js";
import * as z from "zod";
import { compareReports } from "../../core/compare.js";
import { EXIT, UsageError } from "../../errors.js";
import { loadRubrics } from "../../io/load-rubrics.js";
import { isOurReport } from "../../io/output-target.js";
import { COMPARE_FORMATS, VIEW_RENDERERS } from "../../render/index.js";
import { stripControl } from "../../text/sanitize.js";
import { useColor } from "../color.js";
import { terminalWidth } from "../terminal.js";
import type { CliIO } from "../io.js";
import { fileOption, parseOptions } from "../options.js";
import { loadReportOrPlan } from "../report-source.js";
import { writeOutput } from "../write-output.js";

const CompareOptionsSchema = z.object({
  format: z
    .enum(COMPARE_FORMATS, { error: `--format must be one of ${COMPARE_FORMATS.join(", ")}` })
    .default("table"),
  json: z.boolean().default(false),
  output: fileOption("--output").optional(),
  force: z.boolean().default(false),
  rubrics: z.array(z.string()).default([]),
  builtin: z.boolean().default(true),
  color: z.boolean().optional(),
});

export async function runCompare(
  io: CliIO,
  beforeFile: string,
  afterFile: string,
  rawOptions: unknown,
): Promise<number> {
  const options = parseOptions(CompareOptionsSchema, rawOptions);
  let rubrics: ReturnType<typeof loadRubrics> | undefined;
  // Rubrics are only needed when an input is a plan rather than a finished report.
  const getRubrics = async () =>
    (await (rubrics ??= loadRubrics({ paths: options.rubrics, builtin: options.builtin }))).rubrics;
  const [before] = await loadReportOrPlan(beforeFile, io.cwd, getRubrics).then(single(beforeFile));
  const [after] = await loadReportOrPlan(afterFile, io.cwd, getRubrics).then(single(afterFile));
  if (!before || !after) return EXIT.invalidInput;
  const comparison = compareReports(before, after);
  for (const warning of comparison.warnings)
    io.stderr.write(`social-audit: warning: ${stripControl(warning)}\n`);
  const format = options.json ? "json" : options.format;
  const color = options.output === undefined && useColor(io, io.stdout, options.color);
  const renderers = await VIEW_RENDERERS.compare();
  await writeOutput(
    io,
    renderers[format](comparison, {
      color,
      width: terminalWidth(io),
      levels: [...after.levels, ...before.levels],
      toolVersion: packageInfo().version,
    }),
    options.output ?? null,
    { force: options.force, replaceable: isOurReport },
  );
  return EXIT.ok;
}

function single(file: string) {
  return <T>(reports: T[]): T[] => {
    if (reports.length !== 1)
      throw new UsageError(
        `${file}: holds ${reports.length} reports; compare takes one report or plan on each side`,
        "Audit the plans one at a time with --json -o FILE.",
      );
    return reports;
  };
}
