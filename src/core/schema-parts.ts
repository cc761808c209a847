import * as z from "zod";

// zod compiles a fast parser for each object schema on its first parse. A CLI run parses
// each schema a handful of times, so compiling costs more than it saves (~4 ms of start-up),
// and measured over 10,000 plans it saves nothing either. This module is imported by every
// schema, so the setting is in place before any is built.
z.config({ jitless: true });

/** Ids appear in plan files, CLI flags and URLs, so they are kept to a portable alphabet. */
export const IdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, {
  error:
    "must be lowercase letters, digits and dashes, starting with a letter (at most 64 characters)",
});

/**
 * Schemas that only read rubric files are built on first use (z.lazy): a plan audit with the
 * shipped, precompiled rubrics never needs them, and building ~200 zod schemas was a
 * noticeable part of its start-up.
 */

/** Free text shown to people; bounded so a hostile rubric cannot flood a terminal. */
export const TextSchema = (max = 2000) =>
  z
    .string()
    .trim()
    .min(1, { error: "must not be empty" })
    .max(max, { error: `must be at most ${max} characters` });

export const EffortSchema = z.enum(["low", "medium", "high"], {
  error: 'must be one of "low", "medium" or "high"',
});
export type Effort = z.infer<typeof EffortSchema>;

export const RecommendationSchema = z.lazy(() =>
  z.strictObject({
    title: TextSchema(200),
    detail: TextSchema(4000),
    effort: EffortSchema,
  }),
);
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const WeightSchema = z
  .number({ error: "must be a number" })
  .refine((n) => Number.isFinite(n) && n > 0, { error: "must be a number greater than 0" })
  .refine((n) => n <= 1000, { error: "must be at most 1000" });

/** A score a single answer can earn inside its question: 0 (existing) to 1 (living). */
export const UnitScoreSchema = z
  .number({ error: "must be a number from 0 to 1" })
  .min(0, { error: "must be from 0 to 1" })
  .max(1, { error: "must be from 0 to 1" });

/** Fields every scored question has, whatever its kind. */
export const scoredQuestionFields = () => ({
  id: IdSchema,
  prompt: TextSchema(500),
  help: TextSchema(2000),
  weight: WeightSchema,
  recommendation: RecommendationSchema,
  /** Present when the question may not apply to every organisation: why, shown as help. */
  notApplicable: TextSchema(1000).optional(),
});

export type Path = (string | number)[];

/** A problem found in data, located by its path inside that data; io adds file, line and column. */
export interface Problem {
  path: Path;
  message: string;
}
