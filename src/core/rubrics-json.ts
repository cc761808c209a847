import * as z from "zod";
import { ToolSchema } from "./envelope-schema.js";
import { allowedValues, isScored } from "./kinds/index.js";
import type { LoadedDimension, RubricSet } from "./rubric.js";
import { RecommendationSchema } from "./schema-parts.js";

/**
 * `rubrics list --json` and `rubrics show --json`: versioned like the report, so tools that
 * generate plans can tell what they read. Version 1 (unversioned) was a bare array for list,
 * and `{levels, dimension}` for `show ID`; show now always has `dimensions`.
 */
export const RUBRICS_SCHEMA_VERSION = 2;

const LevelDefinitionSchema = z.object({
  id: z.string(),
  label: z.string(),
  from: z.number().min(0).max(100),
  to: z.number().min(0).max(100),
  summary: z.string(),
});

export const RubricListSchema = z.object({
  schemaVersion: z.literal(RUBRICS_SCHEMA_VERSION),
  tool: ToolSchema,
  levels: z.array(LevelDefinitionSchema),
  dimensions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      version: z.string(),
      weight: z.number(),
      questions: z.int().nonnegative().describe("How many questions the dimension asks"),
      source: z.string(),
      builtin: z.boolean(),
      overrides: z.string().nullable().describe("The built-in rubric this one replaces"),
    }),
  ),
});
export type RubricList = z.infer<typeof RubricListSchema>;

const DimensionDescriptionSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  description: z.string(),
  existing: z.string(),
  living: z.string(),
  weight: z.number(),
  source: z.string(),
  builtin: z.boolean(),
  hash: z.string(),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      prompt: z.string(),
      help: z.string(),
      scored: z.boolean(),
      weight: z.number(),
      allowed: z
        .record(z.string(), z.unknown())
        .describe("What an answer may be: type, choices, bounds, unit"),
      recommendation: RecommendationSchema.nullable(),
    }),
  ),
});

export const RubricShowSchema = z.object({
  schemaVersion: z.literal(RUBRICS_SCHEMA_VERSION),
  tool: ToolSchema,
  levels: z.array(LevelDefinitionSchema),
  dimensions: z.array(DimensionDescriptionSchema),
});
export type RubricShow = z.infer<typeof RubricShowSchema>;

const levelsOf = (rubrics: RubricSet) =>
  rubrics.levels.map(({ id, label, from, to, summary }) => ({ id, label, from, to, summary }));

export function rubricList(rubrics: RubricSet, toolVersion: string): RubricList {
  return {
    schemaVersion: RUBRICS_SCHEMA_VERSION,
    tool: { name: "social-audit", version: toolVersion },
    levels: levelsOf(rubrics),
    dimensions: rubrics.dimensions.map((d) => ({
      id: d.rubric.id,
      title: d.rubric.title,
      version: d.rubric.version,
      weight: d.rubric.weight,
      questions: d.rubric.questions.length,
      source: d.origin.file,
      builtin: d.origin.builtin,
      overrides: d.overrides?.file ?? null,
    })),
  };
}

/** The machine-readable description other tools use to generate plans. */
export function describeDimension(d: LoadedDimension) {
  const { rubric } = d;
  return {
    id: rubric.id,
    version: rubric.version,
    title: rubric.title,
    description: rubric.description,
    existing: rubric.existing,
    living: rubric.living,
    weight: rubric.weight,
    source: d.origin.file,
    builtin: d.origin.builtin,
    hash: d.origin.hash,
    questions: rubric.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      help: q.help,
      scored: isScored(q),
      weight: isScored(q) ? q.weight : 0,
      allowed: allowedValues(q),
      recommendation: isScored(q) ? q.recommendation : null,
    })),
  };
}

export function rubricShow(
  rubrics: RubricSet,
  chosen: readonly LoadedDimension[],
  toolVersion: string,
): RubricShow {
  return {
    schemaVersion: RUBRICS_SCHEMA_VERSION,
    tool: { name: "social-audit", version: toolVersion },
    levels: levelsOf(rubrics),
    dimensions: chosen.map(describeDimension),
  };
}
