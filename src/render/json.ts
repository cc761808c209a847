import { toJson } from "./json-text.js";
import { auditEnvelope } from "../core/envelope.js";
import type { Report } from "../core/report-schema.js";
import type { Renderer } from "./types.js";

/** Whatever the number of plans, one envelope: `{schemaVersion, tool, reports, errors, summary}`. */
const envelope = (
  reports: readonly Report[],
  toolVersion: string | undefined,
  errors: Parameters<typeof auditEnvelope>[1] = [],
) =>
  `${toJson(auditEnvelope(reports, errors, toolVersion ?? reports[0]?.tool.version ?? "unknown"), 2)}\n`;

export const jsonRenderer: Renderer = {
  report: (report, options) => envelope([report], options.toolVersion),
  batch: (reports, options, errors) => envelope(reports, options.toolVersion, errors),
};
