import * as z from "zod";
import type { RubricSet } from "../core/rubric.js";
import { UsageError } from "../errors.js";
import { loadRubrics } from "../io/load-rubrics.js";
import type { CliIO } from "./io.js";
import { printWarnings } from "./print-error.js";

/** Options trend and portfolio share; commander hands over strings, typed here. */
export const count = (flag: string, min: number) =>
  z.string().transform((raw, ctx) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) {
      ctx.addIssue({
        code: "custom",
        message: `${flag} takes a whole number (${min} or more), got "${raw}"`,
      });
      return z.NEVER;
    }
    return value;
  });

export const ViewOptionsSchema = z.object({
  json: z.boolean().default(false),
  output: z.string().min(1).optional(),
  force: z.boolean().default(false),
  rubrics: z.array(z.string().min(1)).default([]),
  builtin: z.boolean().default(true),
  color: z.boolean().optional(),
  top: count("--top", 0).default(5),
  width: count("--width", 20).optional(),
});

/** The width a terminal view fits: --width, else the terminal's, else 80 as pipes expect. */
export function viewWidth(io: Pick<CliIO, "stdout">, flag: number | undefined): number {
  return flag ?? io.stdout.columns ?? 80;
}

/**
 * The format a view renders (`--json` is `--format json`), after checking the two agree and
 * that there are inputs at all; `missing` is what to say when there are none.
 */
export function viewFormat<F extends string>(
  options: { json: boolean; format?: F | undefined },
  files: readonly string[],
  missing: { message: string; example: string },
): F | "json" | "table" {
  if (options.json && options.format && options.format !== "json")
    throw new UsageError(
      `--json and --format ${options.format} contradict each other`,
      "Use one of them.",
    );
  if (files.length === 0) throw new UsageError(missing.message, `For example: ${missing.example}`);
  return options.json ? "json" : (options.format ?? "table");
}

/**
 * Rubrics loaded only when an input is a plan rather than a finished report (reports carry
 * what they need), once, with their warnings printed once at the end.
 */
export function rubricsOnDemand(
  io: CliIO,
  options: { rubrics: string[]; builtin: boolean },
): { get: () => Promise<RubricSet>; printWarnings: () => Promise<void> } {
  let loading: ReturnType<typeof loadRubrics> | undefined;
  return {
    get: async () => {
      loading ??= loadRubrics({ paths: options.rubrics, builtin: options.builtin });
      return (await loading).rubrics;
    },
    printWarnings: async () => {
      if (loading) printWarnings(io, (await loading).warnings);
    },
  };
}
