import type { Renderer } from "./types.js";

export const FORMATS = [
  "table",
  "json",
  "jsonl",
  "markdown",
  "html",
  "junit",
  "sarif",
  "github",
  "csv",
] as const;
export type Format = (typeof FORMATS)[number];

/**
 * The one place formats are registered. Each loads on demand, so a heavy renderer costs
 * nothing to commands that do not use it; the `satisfies` makes a missing format a type error.
 */
const RENDERERS = {
  table: () => import("./table.js").then((m) => m.tableRenderer),
  json: () => import("./json.js").then((m) => m.jsonRenderer),
  jsonl: () => import("./jsonl.js").then((m) => m.jsonlRenderer),
  markdown: () => import("./markdown.js").then((m) => m.markdownRenderer),
  html: () => import("./html.js").then((m) => m.htmlRenderer),
  junit: () => import("./junit.js").then((m) => m.junitRenderer),
  sarif: () => import("./sarif.js").then((m) => m.sarifRenderer),
  github: () => import("./github.js").then((m) => m.githubRenderer),
  csv: () => import("./csv.js").then((m) => m.csvRenderer),
} satisfies Record<Format, () => Promise<Renderer>>;

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

export function loadRenderer(format: Format): Promise<Renderer> {
  return RENDERERS[format]();
}

export type { RenderOptions, Renderer, ViewOptions } from "./types.js";

/**
 * Views other than a report (a comparison, a trend, a portfolio) have their own formats; each is a typed
 * map of pure renderers `(data, options) => string`, loaded on demand like the formats above.
 */
export { COMPARE_FORMATS, TREND_FORMATS, PORTFOLIO_FORMATS } from "./types.js";
export type { CompareFormat, TrendFormat, PortfolioFormat } from "./types.js";

export const VIEW_RENDERERS = {
  compare: () => import("./comparison.js").then((m) => m.COMPARISON_RENDERERS),
  trend: () => import("./trend.js").then((m) => m.TREND_RENDERERS),
  portfolio: () => import("./portfolio.js").then((m) => m.PORTFOLIO_RENDERERS),
};
