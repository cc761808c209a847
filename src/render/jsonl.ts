import { toJson } from "./json-text.js";
import type { Renderer } from "./types.js";

/** One compact report per line, so thousands of plans can stream into jq or a warehouse. */
export const jsonlRenderer: Renderer = {
  report: (report) => `${toJson(report)}\n`,
  batch: (reports) => reports.map((r) => `${toJson(r)}\n`).join(""),
};
