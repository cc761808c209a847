import { toJson } from "./json-text.js";
import type { PlanError } from "../core/envelope.js";
import type { Report } from "../core/report-schema.js";
import { REPORT_SCHEMA_VERSION } from "../core/report-version.js";
import type { Renderer } from "./types.js";

/**
 * One compact record per line, so thousands of plans can stream into jq or a warehouse:
 * `{"type":"report",...}` for each audited plan, `{"type":"error",...}` for each invalid one,
 * in the order the plans were given.
 */
const line = (report: Report) => `${toJson({ type: "report", ...report })}\n`;
const errorLine = (error: PlanError) =>
  `${toJson({ type: "error", schemaVersion: REPORT_SCHEMA_VERSION, ...error })}\n`;

export const jsonlRenderer: Renderer = {
  report: line,
  batch: (reports, _options, errors = []) =>
    reports.map(line).join("") + errors.map(errorLine).join(""),
  stream: line,
  streamError: errorLine,
};
