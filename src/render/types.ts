import type { PlanError } from "../core/envelope.js";
import type { Report } from "../core/report-schema.js";

export interface RenderOptions {
  /** ANSI colour in terminal formats; decided by the CLI from flags, env and TTY. */
  color: boolean;
  /** How many recommendations to list in human formats. */
  top: number;
  /** Terminal width for wrapping; renderers never ask the process themselves. */
  width: number;
  /** CSV only: one row per plan and dimension (the default) or per question. */
  csvRows?: "dimensions" | "questions" | undefined;
  /** The version written in envelopes that may hold no report (JSON with only invalid plans). */
  toolVersion?: string | undefined;
  /** Where the tool documents itself (package.json's https `homepage`), for SARIF's driver. */
  toolInformationUri?: string | undefined;
}

/**
 * A renderer is pure: one report in, one string out. `batch` renders several plans at once,
 * with the plans that could not be audited (`errors`), which every format shows: an invalid
 * plan never vanishes from a report.
 */
export interface Renderer {
  report: (report: Report, options: RenderOptions) => string;
  batch: (
    reports: readonly Report[],
    options: RenderOptions,
    errors?: readonly PlanError[],
  ) => string;
  /**
   * For formats whose batch is just its reports one after another (jsonl, github): one
   * report's part of a batch, so thousands of plans can be written as they are audited.
   */
  stream?: (report: Report, options: RenderOptions) => string;
  /** A streamed format's record of an invalid plan, written in its place among the reports. */
  streamError?: (error: PlanError, options: RenderOptions) => string;
  /** `top` when --top is not given, for formats whose audience needs another default than 5. */
  defaultTop?: number;
}

/** Options for views other than a report (trend, portfolio). */
export interface ViewOptions {
  color: boolean;
  /** Columns the terminal view must fit in. */
  width: number;
  /** How many items to list per section in human formats. */
  top: number;
}

/** Formats of the views other than a report; each view renderer map is typed by its list. */
export const TREND_FORMATS = ["table", "json", "html"] as const;
export const PORTFOLIO_FORMATS = ["table", "markdown", "html", "json", "csv"] as const;
export type TrendFormat = (typeof TREND_FORMATS)[number];
export type PortfolioFormat = (typeof PORTFOLIO_FORMATS)[number];
export const COMPARE_FORMATS = ["table", "json", "markdown"] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
