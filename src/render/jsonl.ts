import { toJson } from "./json-text.js";
import type { Report } from "../core/report-schema.js";
import type { Renderer } from "./types.js";

/** One compact report per line, so thousands of plans can stream into jq or a warehouse. */
const line = (report: Report) => `${toJson(report)}\n`;

export const jsonlRenderer: Renderer = {
  report: line,
  batch: (reports) => reports.map(line).join(""),
  stream: line,
};
