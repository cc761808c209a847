import * as z from "zod";
import {
  IdSchema,
  ProfileSchema,
  TextSchema,
  WeightSchema,
  type Problem,
  type Profile,
} from "./schema-parts.js";
import type { Answer } from "./kinds/index.js";

// A plan file's shape and the validated plan it becomes; validatePlan (plan.ts) turns one
// into the other against the loaded rubrics.

export const ScoreThresholdSchema = z
  .number({ error: "must be a score from 0 to 100" })
  .min(0, { error: "must be a score from 0 to 100" })
  .max(100, { error: "must be a score from 0 to 100" });

export const PlanThresholdsSchema = z.strictObject({
  overall: ScoreThresholdSchema.optional(),
  dimensions: z.record(IdSchema, ScoreThresholdSchema).optional(),
});
export type PlanThresholds = z.infer<typeof PlanThresholdsSchema>;

/** The profile's allowed values, for prompts that offer them (the interview's profile step). */
export { SIZES as PROFILE_SIZES, AUDIENCES as PROFILE_AUDIENCES } from "./schema-parts.js";
export type { Profile } from "./schema-parts.js";

const IsoDate = z.iso.date({ error: "must be a date such as 2026-05-01" });

/** Who answered a plan, for `audit --merge` and the report's `respondents`. */
export const RespondentSchema = z.strictObject({
  name: TextSchema(200),
  role: TextSchema(200).optional(),
});
export type Respondent = z.infer<typeof RespondentSchema>;

/**
 * An answer written as an object: the value with what backs it up. `answer` holds what a plain
 * answer would; the rest is about the claim (evidence is a sentence or a URL).
 */
export const AnswerObjectSchema = z.strictObject({
  answer: z.unknown(),
  evidence: TextSchema(2000).optional(),
  asOf: IsoDate.optional(),
  by: TextSchema(200).optional(),
});

/** The shape of a plan file before its answers are checked against the loaded rubrics. */
export const PlanFileSchema = z.strictObject({
  organization: TextSchema(200),
  /** Who gave these answers; several respondents' plans are combined by `audit --merge`. */
  respondent: RespondentSchema.optional(),
  // A real calendar date and nothing after it: the field is printed in every report.
  date: z.iso.date({ error: "must be a date such as 2026-11-23" }).optional(),
  auditor: TextSchema(200).optional(),
  notes: TextSchema(10_000).optional(),
  /** Who the plan is about; decides which questions apply and how some bands scale. */
  profile: ProfileSchema.optional(),
  thresholds: PlanThresholdsSchema.optional(),
  weights: z.record(IdSchema, WeightSchema).optional(),
  answers: z
    .record(z.string(), z.record(z.string(), z.unknown()).nullable(), {
      error: "must be a mapping of dimension ids to their answers",
    })
    .default({}),
});
export type PlanFile = z.infer<typeof PlanFileSchema>;

/** What a plan says about an answer besides its value. */
export interface AnswerMeta {
  evidence?: string | undefined;
  asOf?: string | undefined;
  by?: string | undefined;
}

/**
 * Answers by dimension id, then question id. Maps, because ids like "constructor" are valid.
 * A question the rubric lets be not applicable may hold NOT_APPLICABLE ("n/a") instead.
 */
export type AnswerMap = ReadonlyMap<string, ReadonlyMap<string, Answer>>;

export interface Plan {
  organization: string;
  date?: string | undefined;
  auditor?: string | undefined;
  notes?: string | undefined;
  profile?: Profile | undefined;
  thresholds?: PlanThresholds | undefined;
  weights?: Readonly<Record<string, number>> | undefined;
  answers: AnswerMap;
  respondent?: Respondent | undefined;
  /** Evidence, date and author of answers written as objects, by dimension then question id. */
  meta?: ReadonlyMap<string, ReadonlyMap<string, AnswerMeta>> | undefined;
}

/** `warnings` are things that still audit but deserve a line on stderr (old ids and values). */
export type PlanResult =
  { ok: true; plan: Plan; warnings: Problem[] } | { ok: false; problems: Problem[] };

export interface PlanOptions {
  /** Treat every unanswered scored question as an error, for teams that want complete plans. */
  strict?: boolean;
  /**
   * Today (YYYY-MM-DD): an answer's `asOf` after it is an error. With `checkPlanDate`, so is
   * the plan's own `date` (freshness reads it). The core has no clock; the caller says the day.
   */
  today?: string | undefined;
  checkPlanDate?: boolean | undefined;
}
