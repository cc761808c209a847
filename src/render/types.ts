import type { Report } from "../core/report-schema.js";

export interface RenderOptions {
  /** ANSI colour in terminal formats; decided by the CLI from flags, env and TTY. */
  color: boolean;
  /** How many recommendations to list in human formats. */
  top: number;
  /** Terminal width for wrapping; renderers never ask the process themselves. */
  width: number;
}

/** A renderer is pure: one report in, one string out. `batch` renders several plans at once. */
export interface Renderer {
  report: (report: Report, options: RenderOptions) => string;
  batch: (reports: readonly Report[], options: RenderOptions) => string;
  /**
   * For formats whose batch is just its reports one after another (jsonl, github): one
   * report's part of a batch, so thousands of plans can be written as they are audited.
   */
  stream?: (report: Report, options: RenderOptions) => string;
  /** `top` when --top is not given, for formats whose audience needs another default than 5. */
  defaultTop?: number;
}
