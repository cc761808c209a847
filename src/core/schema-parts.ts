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

/** Organisation sizes by headcount, smallest first; rubrics scale and gate questions by them. */
export const SIZES = ["solo", "micro", "small", "medium", "large"] as const;
export const SizeSchema = z.enum(SIZES, {
  error: `must be one of ${SIZES.map((s) => `"${s}"`).join(", ")}`,
});
export type Size = z.infer<typeof SizeSchema>;

export const AUDIENCES = ["b2c", "b2b", "nonprofit", "public-sector"] as const;
export const AudienceSchema = z.enum(AUDIENCES, {
  error: `must be one of ${AUDIENCES.map((s) => `"${s}"`).join(", ")}`,
});
export type Audience = z.infer<typeof AudienceSchema>;

/** Who the plan is about: decides which questions apply and how some bands scale. */
export const ProfileSchema = z.strictObject({
  size: SizeSchema.optional(),
  sector: TextSchema(200).optional(),
  regulated: z.boolean({ error: "must be true or false" }).optional(),
  audience: AudienceSchema.optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** The plain answer value that marks a question as not applicable (where the rubric allows it). */
export const NOT_APPLICABLE = "n/a";

const nonEmptyList = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, { error: "must list at least one value" });

/** Every given key must match the plan's profile; a plan without a profile (or that key) matches. */
export const AppliesWhenSchema = z.lazy(() =>
  z.strictObject({
    size: nonEmptyList(SizeSchema).optional(),
    regulated: z.boolean({ error: "must be true or false" }).optional(),
    audience: nonEmptyList(AudienceSchema).optional(),
  }),
);
export type AppliesWhen = z.infer<typeof AppliesWhenSchema>;

/** Advice for an organisation whose current answer is this one: where they are, and the next step. */
export const AdviceSchema = TextSchema(2000);

/** An answer that means nobody is home or the organisation is at risk: it caps its dimension's level. */
export const CriticalSchema = z.lazy(() =>
  z.strictObject({
    cap: IdSchema,
    why: TextSchema(500),
  }),
);
export type Critical = z.infer<typeof CriticalSchema>;

/** Old ids or values that still map to the current one, so plans written earlier keep working. */
export const AliasesSchema = z.array(IdSchema).min(1, { error: "must list at least one alias" });

/** Fields every scored question has, whatever its kind. */
export const scoredQuestionFields = () => ({
  id: IdSchema,
  prompt: TextSchema(500),
  help: TextSchema(2000),
  weight: WeightSchema,
  recommendation: RecommendationSchema,
  aliases: AliasesSchema.optional(),
  /** Present when the question may not apply to every organisation: why, shown as help. */
  notApplicable: TextSchema(1000).optional(),
  appliesWhen: AppliesWhenSchema.optional(),
});

export type Path = (string | number)[];

/** A problem found in data, located by its path inside that data; io adds file, line and column. */
export interface Problem {
  path: Path;
  message: string;
  /** Lint findings say which they are; schema problems are always errors. */
  severity?: "error" | "warning";
}
