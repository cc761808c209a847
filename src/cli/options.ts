import * as z from "zod";
import { parseMaxAge } from "../core/evidence.js";
import { UsageError } from "../errors.js";
import { FORMATS } from "../render/index.js";

/** Plain decimals only: "50", "62.5". Number() would also take " 50", "0x32" and "5e1". */
const DECIMAL = /^\d+(\.\d+)?$/;
const WHOLE = /^\d+$/;

/** A file name option: zod's own "Too small" would mean nothing to a user. */
export const fileOption = (flag: string) =>
  z.string().min(1, { error: `${flag} needs a file name, got an empty one` });

const score = (flag: string) =>
  z.string().transform((raw, ctx) => {
    const value = Number(raw);
    if (!DECIMAL.test(raw) || value > 100) {
      ctx.addIssue({
        code: "custom",
        message: `${flag} takes a score from 0 to 100, got "${raw}"`,
      });
      return z.NEVER;
    }
    return value;
  });

const minEntry = z.string().transform((raw, ctx) => {
  const match = /^([a-z][a-z0-9-]*)=(.+)$/.exec(raw);
  const value = match && DECIMAL.test(match[2] ?? "") ? Number(match[2]) : NaN;
  if (!match || !Number.isFinite(value) || value > 100) {
    ctx.addIssue({
      code: "custom",
      message: `--min takes DIMENSION=SCORE with a score from 0 to 100, e.g. --min presence=50; got "${raw}"`,
    });
    return z.NEVER;
  }
  return [match[1] ?? "", value] as const;
});

/** Commander hands over strings; this is the boundary where they become typed options. */
export const AuditOptionsSchema = z.object({
  format: z.enum(FORMATS, { error: `--format must be one of ${FORMATS.join(", ")}` }).optional(),
  json: z.boolean().default(false),
  output: fileOption("--output").optional(),
  force: z.boolean().default(false),
  failUnder: score("--fail-under").optional(),
  min: z
    .array(minEntry)
    .default([])
    .transform((entries) => Object.fromEntries(entries) as Record<string, number>),
  top: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined; // each format has its own default
      const value = Number(raw);
      if (!WHOLE.test(raw)) {
        ctx.addIssue({
          code: "custom",
          message: `--top takes a whole number of recommendations (0 or more), got "${raw}"`,
        });
        return z.NEVER;
      }
      return value;
    }),
  strict: z.boolean().default(false),
  /** --dimension, repeatable: assess only these; undefined assesses every dimension. */
  dimension: z.array(z.string().min(1)).optional(),
  baseline: fileOption("--baseline").optional(),
  failOnRegression: z.boolean().default(false),
  exitZero: z.boolean().default(false),
  planThresholds: z.boolean().default(true),
  csvRows: z.enum(["dimensions", "questions"]).optional(),
  requireEvidence: z.boolean().default(false),
  maxAge: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined;
      const days = parseMaxAge(raw);
      if (days === undefined) {
        ctx.addIssue({
          code: "custom",
          message: `--max-age takes a duration such as 180d, 8w, 12m or 1y, got "${raw}"`,
        });
        return z.NEVER;
      }
      return days;
    }),
  failOnStale: z.boolean().default(false),
  merge: z.boolean().default(false),
  rubrics: z.array(fileOption("--rubrics")).default([]),
  builtin: z.boolean().default(true),
  color: z.boolean().optional(),
  jobs: z
    .string()
    .default("auto")
    .transform((raw, ctx) => {
      if (raw === "auto") return "auto" as const;
      const value = Number(raw);
      if (!WHOLE.test(raw) || value < 1) {
        ctx.addIssue({
          code: "custom",
          message: `--jobs takes a number of threads (1 or more) or "auto", got "${raw}"`,
        });
        return z.NEVER;
      }
      return value;
    }),
});
export type AuditOptions = z.infer<typeof AuditOptionsSchema>;

export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new UsageError(
      first?.message ?? "invalid options",
      "Run with --help to see the options and examples.",
    );
  }
  return result.data;
}
