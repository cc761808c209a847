import type { Renderer } from "./types.js";

/** One compact report per line, so thousands of plans can stream into jq or a warehouse. */
export const jsonlRenderer: Renderer = {
  report: (report) => `${JSON.stringify(report)}\n`,
  batch: (reports) => reports.map((r) => `${JSON.stringify(r)}\n`).join(""),
};
