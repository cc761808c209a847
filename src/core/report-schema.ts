import * as z from "zod";
import { EffortSchema } from "./schema-parts.js";

import { REPORT_SCHEMA_VERSION } from "./report-version.js";

export { REPORT_SCHEMA_VERSION };

/**
 * The report is the one contract between scoring and every renderer, and the JSON that other
 * tools consume. Bump REPORT_SCHEMA_VERSION on any change that could break a consumer.
 */

const Score = z.number().min(0).max(100).describe("0-100, rounded to one decimal");
const LevelRefSchema = z.object({ id: z.string(), label: z.string() });
const LocationSchema = z.object({ line: z.int().positive(), column: z.int().positive() });

// Fields added after schema version 1 are optional when read, so older reports still load
// for `compare` and baselines; this version always writes them.

export const CapSchema = z
  .object({
    level: LevelRefSchema,
    because: z
      .array(z.string())
      .describe("The critical questions (or dimensions) that set the cap"),
  })
  .describe("The highest level allowed while a critical answer stands");
export type Cap = z.infer<typeof CapSchema>;

export const QuestionResultSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  kind: z.enum(["choice", "multi", "boolean", "scale", "number", "text"]),
  weight: z.number().describe("0 for unscored (text) questions"),
  answered: z.boolean(),
  status: z
    .enum(["answered", "unanswered", "not-applicable"])
    .optional()
    .describe("not-applicable questions carry no weight; unanswered ones score 0"),
  reason: z
    .string()
    .nullable()
    .optional()
    .describe("Why a not-applicable question does not apply to this organisation"),
  answer: z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]),
  answerText: z
    .string()
    .nullable()
    .describe("The answer as a person reads it, e.g. the chosen label"),
  score: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe("0 (existing) to 1 (living); null for unscored questions"),
  location: LocationSchema.optional().describe(
    "Where the answer (or its dimension) is in the plan file",
  ),
  evidence: z
    .object({
      evidence: z.string().nullable(),
      asOf: z.string().nullable(),
      by: z.string().nullable(),
    })
    .optional()
    .describe("What backs the answer up, when the plan wrote it as { answer, evidence, asOf, by }"),
  respondents: z
    .array(
      z.object({
        name: z.string(),
        answer: z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]),
        answerText: z.string().nullable(),
        score: z.number().nullable(),
      }),
    )
    .optional()
    .describe("audit --merge: each respondent's answer to this question"),
});
export type QuestionResult = z.infer<typeof QuestionResultSchema>;

export const NextLevelSchema = z.object({
  level: LevelRefSchema,
  pointsNeeded: z.number(),
  steps: z
    .array(z.string())
    .describe("Question ids whose recommendations, done, lift the dimension into the next level"),
});

export const DimensionResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  existing: z.string(),
  living: z.string(),
  weight: z.number(),
  weightSource: z.enum(["rubric", "plan"]),
  assessed: z
    .boolean()
    .optional()
    .describe("false when the run was scoped to other dimensions; then excluded from overall"),
  score: Score,
  level: LevelRefSchema.describe("The score's level, lowered to the cap when one applies"),
  cap: CapSchema.nullable().optional(),
  rubric: z.object({
    version: z.string(),
    source: z.string(),
    builtin: z.boolean(),
    hash: z.string(),
  }),
  questions: z.array(QuestionResultSchema),
  nextLevel: NextLevelSchema.nullable(),
});
export type DimensionResult = z.infer<typeof DimensionResultSchema>;

export const RecommendationResultSchema = z.object({
  rank: z.int().positive(),
  dimension: z.string(),
  question: z.string(),
  title: z.string(),
  detail: z.string(),
  effort: EffortSchema,
  current: z
    .string()
    .nullable()
    .optional()
    .describe("The answer given, as text; null if unanswered"),
  target: z
    .object({
      value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
      text: z.string(),
    })
    .optional()
    .describe("The next better answer this recommendation aims for"),
  critical: z
    .boolean()
    .optional()
    .describe("The current answer is critical: listed first, under Fix first"),
  why: z.string().optional().describe("Why a critical answer matters (critical only)"),
  gain: z.object({
    dimension: z
      .number()
      .describe("Points (of 100) the dimension's score gains when the target is reached"),
    overall: z
      .number()
      .describe("Points (of 100) the overall score gains when the target is reached"),
  }),
  location: LocationSchema.optional(),
});
export type RecommendationResult = z.infer<typeof RecommendationResultSchema>;

export const ThresholdCheckSchema = z.object({
  scope: z.enum(["overall", "dimension"]),
  dimension: z.string().optional(),
  kind: z.enum(["minimum", "baseline"]),
  min: z.number(),
  actual: z.number(),
  passed: z.boolean(),
  source: z.enum(["cli", "plan", "baseline"]),
  evaluated: z
    .boolean()
    .optional()
    .describe(
      "Present and false only for a dimension not assessed in this run; such a check passes",
    ),
});
export type ThresholdCheck = z.infer<typeof ThresholdCheckSchema>;

const AnswerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const UnsupportedSchema = z.object({
  dimension: z.string(),
  question: z.string(),
  claimed: z.string().describe("The claim as a person reads it"),
  scoredAs: z
    .object({ value: AnswerValue, text: z.string() })
    .nullable()
    .optional()
    .describe("With --require-evidence: the answer it was scored as instead"),
  location: LocationSchema.optional(),
});
export type Unsupported = z.infer<typeof UnsupportedSchema>;

export const StaleSchema = z.object({
  dimension: z.string(),
  question: z.string(),
  asOf: z.string(),
  ageDays: z.int(),
  from: z
    .enum(["answer", "plan"])
    .describe("Whether the date is the answer's asOf or the plan's date"),
  location: LocationSchema.optional(),
});
export type Stale = z.infer<typeof StaleSchema>;

export const DisagreementSchema = z
  .object({
    dimension: z.string(),
    question: z.string(),
    prompt: z.string(),
    spread: z.number().describe("Highest minus lowest respondent score, 0 to 1"),
    answers: z.array(
      z.object({
        name: z.string(),
        answerText: z.string().nullable(),
        score: z.number().nullable(),
      }),
    ),
    location: LocationSchema.optional(),
  })
  .describe("audit --merge: a question respondents' scores differ on by 0.5 or more");
export type Disagreement = z.infer<typeof DisagreementSchema>;

export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.object({ name: z.literal("social-audit"), version: z.string() }),
  organization: z.string(),
  date: z.string().nullable(),
  auditor: z.string().nullable(),
  notes: z.string().nullable(),
  source: z.object({ plan: z.string().nullable() }),
  profile: z
    .object({
      size: z.string().optional(),
      sector: z.string().optional(),
      regulated: z.boolean().optional(),
      audience: z.string().optional(),
    })
    .nullable()
    .optional()
    .describe("The organisation profile from the plan; null when it gives none"),
  overall: z.object({
    score: Score,
    level: LevelRefSchema,
    cap: CapSchema.nullable()
      .optional()
      .describe("The lowest dimension cap; `because` lists the capped dimensions"),
  }),
  levels: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      from: z.number(),
      to: z.number(),
      summary: z.string(),
    }),
  ),
  dimensions: z.array(DimensionResultSchema),
  recommendations: z.array(RecommendationResultSchema),
  unanswered: z.array(
    z.object({ dimension: z.string(), question: z.string(), prompt: z.string() }),
  ),
  thresholds: z.object({ passed: z.boolean(), checks: z.array(ThresholdCheckSchema) }),
  unsupported: z
    .array(UnsupportedSchema)
    .optional()
    .describe("Claims the rubric wants backed up, answered without evidence"),
  stale: z
    .array(StaleSchema)
    .optional()
    .describe("With --max-age: answers whose date (asOf, else the plan's date) is older"),
  respondents: z
    .array(
      z.object({ name: z.string(), role: z.string().nullable(), source: z.string().nullable() }),
    )
    .optional()
    .describe("audit --merge: who answered the plans combined into this report"),
  disagreements: z.array(DisagreementSchema).optional(),
  confidence: z
    .record(z.string(), z.number().min(0).max(1))
    .optional()
    .describe(
      "audit --merge: per dimension, the share of its scored questions answered by two or more respondents who agree",
    ),
});
export type Report = z.infer<typeof ReportSchema>;
