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

export const QuestionResultSchema = z.object({
  id: z.string(),
  prompt: z.string(),
  kind: z.enum(["choice", "multi", "boolean", "scale", "number", "text"]),
  weight: z.number().describe("0 for unscored (text) questions"),
  answered: z.boolean(),
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
  score: Score,
  level: LevelRefSchema,
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
  gain: z.object({
    dimension: z.number().describe("Points the dimension score would gain if this were fully done"),
    overall: z.number().describe("Points the overall score would gain"),
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
});
export type ThresholdCheck = z.infer<typeof ThresholdCheckSchema>;

export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.object({ name: z.literal("social-audit"), version: z.string() }),
  organization: z.string(),
  date: z.string().nullable(),
  auditor: z.string().nullable(),
  notes: z.string().nullable(),
  source: z.object({ plan: z.string().nullable() }),
  overall: z.object({ score: Score, level: LevelRefSchema }),
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
});
export type Report = z.infer<typeof ReportSchema>;
