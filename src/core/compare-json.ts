import * as z from "zod";
import type { Comparison, QuestionChange } from "./compare.js";
import { ToolSchema } from "./envelope-schema.js";
import { roundScore } from "./scoring.js";

/**
 * `compare --format json`: the same conventions as the audit report. Levels are `{id, label}`,
 * a side's source is `{plan}`, and every score a person compares is 0-100 (question scores
 * included, which the report keeps as 0-1 `score`s). Version 1 had labels, a source string
 * and 0-1 question scores.
 */
export const COMPARISON_SCHEMA_VERSION = 2;

const Score = z.number().min(0).max(100).nullable().describe("0-100; null when one side lacks it");
const Delta = z.number().min(-100).max(100).nullable().describe("after - before, in points of 100");
const LevelRef = z.object({ id: z.string(), label: z.string() }).nullable();

const ScoreChangeSchema = z.object({
  before: Score,
  after: Score,
  delta: Delta,
  levelBefore: LevelRef,
  levelAfter: LevelRef,
});

const SideSchema = z.object({
  organization: z.string(),
  date: z.string().nullable(),
  source: z.object({ plan: z.string().nullable() }),
});

const QuestionChangeSchema = z.object({
  dimension: z.string(),
  question: z.string(),
  prompt: z.string(),
  before: z.number().min(0).max(100).describe("The question's score before, 0-100"),
  after: z.number().min(0).max(100),
  delta: z.number().min(-100).max(100),
  answerBefore: z.string().nullable(),
  answerAfter: z.string().nullable(),
});

const RecommendationRefSchema = z.object({
  dimension: z.string(),
  question: z.string(),
  title: z.string(),
});

export const ComparisonJsonSchema = z.object({
  schemaVersion: z.literal(COMPARISON_SCHEMA_VERSION),
  tool: ToolSchema,
  before: SideSchema,
  after: SideSchema,
  overall: ScoreChangeSchema,
  dimensions: z.array(ScoreChangeSchema.extend({ id: z.string(), title: z.string() })),
  improved: z.array(QuestionChangeSchema),
  regressed: z.array(QuestionChangeSchema),
  resolved: z.array(RecommendationRefSchema),
  added: z.array(RecommendationRefSchema),
  rubricChanges: z.array(
    z.object({
      dimension: z.string(),
      versionBefore: z.string(),
      versionAfter: z.string(),
      questionsAdded: z.array(z.object({ id: z.string(), prompt: z.string() })),
      questionsRemoved: z.array(z.object({ id: z.string(), prompt: z.string() })),
    }),
  ),
  warnings: z.array(z.string()),
});
export type ComparisonJson = z.infer<typeof ComparisonJsonSchema>;

/** The levels both reports know, to turn the comparison's labels back into `{id, label}`. */
export type LevelCatalog = readonly { id: string; label: string }[];

export function comparisonJson(
  c: Comparison,
  levels: LevelCatalog,
  toolVersion: string,
): ComparisonJson {
  const level = (label: string | null) => {
    if (label === null) return null;
    const known = levels.find((l) => l.label === label);
    return { id: known?.id ?? label, label };
  };
  const change = <T extends Comparison["overall"]>(s: T) => ({
    ...s,
    levelBefore: level(s.levelBefore),
    levelAfter: level(s.levelAfter),
  });
  const question = (q: QuestionChange) => ({
    ...q,
    before: roundScore(q.before * 100),
    after: roundScore(q.after * 100),
    delta: roundScore((q.after - q.before) * 100),
  });
  return {
    schemaVersion: COMPARISON_SCHEMA_VERSION,
    tool: { name: "social-audit", version: toolVersion },
    before: { ...c.before, source: { plan: c.before.source } },
    after: { ...c.after, source: { plan: c.after.source } },
    overall: change(c.overall),
    dimensions: c.dimensions.map(change),
    improved: c.improved.map(question),
    regressed: c.regressed.map(question),
    resolved: c.resolved,
    added: c.added,
    rubricChanges: c.rubricChanges,
    warnings: c.warnings,
  };
}
