import * as z from "zod";
import type { CliIO } from "./io.js";

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
