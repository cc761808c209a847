import { resolve } from "node:path";
import { auditPlanText } from "../audit/index.js";
import { REPORT_SCHEMA_VERSION, ReportSchema, type Report } from "../core/report-schema.js";
import type { RubricSet } from "../core/rubric.js";
import { zodProblems } from "../core/zod-problems.js";
import { UserError, formatPath } from "../errors.js";
import { packageInfo } from "../io/package-root.js";
import { readTextFile } from "../io/read-text.js";

/**
 * Reads a JSON report (as `audit --json` writes it) or a plan file, which is audited on the
 * spot. Either way the caller gets a report, so compare and baselines accept both.
 */
export async function loadReportOrPlan(
  file: string,
  cwd: string,
  rubrics: () => Promise<RubricSet>,
): Promise<Report[]> {
  const text = await readTextFile(resolve(cwd, file), file);
  if (!text.trimStart().startsWith("{")) {
    // The same audit as `social-audit audit FILE`, without thresholds.
    const settings = { toolVersion: packageInfo().version, strict: false, thresholds: {} };
    return [auditPlanText({ source: file, display: file, text }, await rubrics(), settings)];
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserError(
      `${file}: is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      [],
      "Pass a report written by `social-audit audit --json`, or a plan file.",
    );
  }
  const record = data as { schemaVersion?: unknown; reports?: unknown };
  // Version 1 wrote a lone report for one plan and {summary, reports} for several; its
  // reports have the same fields, so they still load (as version 2) for compare and baselines.
  const readable = record.schemaVersion === REPORT_SCHEMA_VERSION || record.schemaVersion === 1;
  if (!readable) {
    throw new UserError(
      `${file}: is not a social-audit report of schema version ${REPORT_SCHEMA_VERSION} (schemaVersion: ${JSON.stringify(record.schemaVersion)})`,
      [],
      "Re-create it with this version: social-audit audit PLAN --json -o FILE",
    );
  }
  const candidates = (Array.isArray(record.reports) ? record.reports : [data]).map((r: unknown) =>
    typeof r === "object" && r !== null ? { ...r, schemaVersion: REPORT_SCHEMA_VERSION } : r,
  );
  return candidates.map((candidate, i) => {
    const parsed = ReportSchema.safeParse(candidate, { reportInput: true });
    if (!parsed.success) {
      const prefix = Array.isArray(record.reports) ? ["reports", i] : [];
      throw new UserError(
        `${file}: is not a valid report`,
        zodProblems(parsed.error, prefix).map((p) => ({
          file,
          path: formatPath(p.path),
          message: p.message,
        })),
      );
    }
    return parsed.data;
  });
}
