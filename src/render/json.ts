import { toJson } from "./json-text.js";
import { REPORT_SCHEMA_VERSION } from "../core/report-version.js";
import { summarize } from "../core/summary.js";
import type { Renderer } from "./types.js";

export const jsonRenderer: Renderer = {
  report: (report) => `${toJson(report, 2)}\n`,
  batch: (reports) =>
    `${toJson({ schemaVersion: REPORT_SCHEMA_VERSION, summary: summarize(reports), reports }, 2)}\n`,
};
