import { REPORT_SCHEMA_VERSION } from "../core/report-schema.js";
import { summarize } from "../core/summary.js";
import type { Renderer } from "./types.js";

export const jsonRenderer: Renderer = {
  report: (report) => `${JSON.stringify(report, null, 2)}\n`,
  batch: (reports) => `${JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, summary: summarize(reports), reports }, null, 2)}\n`,
};
