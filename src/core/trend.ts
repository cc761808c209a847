import * as z from "zod";
import type { Report } from "./report-schema.js";
import { roundScore } from "./scoring.js";

/**
 * A trend: audits of one organisation in date order, as series a chart or a spreadsheet can
 * read. Like the report, this object is the contract: every trend renderer reads it and
 * nothing else, and its JSON Schema is published (`social-audit schema trend`).
 */

export const TREND_SCHEMA_VERSION = 1;

const Score = z.number().min(0).max(100);
const LevelRefSchema = z.object({ id: z.string(), label: z.string() });
const RecommendationRefSchema = z.object({
  dimension: z.string(),
  question: z.string(),
  title: z.string(),
});

export const TrendSchema = z.object({
  schemaVersion: z.literal(TREND_SCHEMA_VERSION),
  organization: z.string(),
  audits: z
    .array(
      z.object({
        date: z.string().nullable(),
        source: z.string().nullable(),
        organization: z.string(),
        overall: z.object({ score: Score, level: LevelRefSchema }),
        recommendations: z.int().min(0).describe("How many recommendations this audit raised"),
      }),
    )
    .min(1)
    .describe("The audits, oldest first; every series below has one entry per audit"),
  overall: z.object({
    scores: z.array(Score),
    change: z.number().describe("Last score minus first, in points"),
  }),
  dimensions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      scores: z
        .array(Score.nullable())
        .describe("One per audit; null where that audit did not score this dimension"),
      levels: z.array(LevelRefSchema.nullable()),
      change: z
        .number()
        .nullable()
        .describe(
          "Last score minus first among the audits that scored it; null with fewer than two",
        ),
    }),
  ),
  levelChanges: z
    .array(
      z.object({
        audit: z.int().min(1).describe("Index in audits[] of the audit where the level changed"),
        date: z.string().nullable(),
        dimension: z.string().nullable().describe("null for the overall level"),
        before: LevelRefSchema,
        after: LevelRefSchema,
        direction: z.enum(["up", "down"]),
      }),
    )
    .describe("Every change of level between consecutive audits, overall and per dimension"),
  steps: z
    .array(
      z.object({
        audit: z.int().min(1).describe("Index in audits[] of the later audit of the pair"),
        from: z.string().nullable(),
        to: z.string().nullable(),
        resolved: z.array(RecommendationRefSchema).describe("Recommended before, not any more"),
        raised: z.array(RecommendationRefSchema).describe("Newly recommended"),
      }),
    )
    .describe("What changed in the recommendations from each audit to the next"),
  warnings: z.array(z.string()),
});
export type Trend = z.infer<typeof TrendSchema>;

/**
 * Audits in date order. Undated audits keep their place among each other (the order given),
 * after the dated ones, since nothing says when they were made.
 */
export function byDate<T extends { date: string | null }>(audits: readonly T[]): T[] {
  return audits
    .map((audit, index) => ({ audit, index }))
    .sort((a, b) => {
      // Stryker disable next-line ConditionalExpression,ArithmeticOperator: equal dates then compare as positive either way round, and V8's stable sort keeps the given order for that too (checked on random arrays), so only the index states the rule
      if (a.audit.date === b.audit.date) return a.index - b.index;
      // Stryker disable next-line ConditionalExpression: without it, null < "YYYY-MM-DD" is false and the last line returns 1 all the same
      if (a.audit.date === null) return 1;
      if (b.audit.date === null) return -1;
      // Stryker disable next-line EqualityOperator: equal dates returned above, so < and <= agree here
      return a.audit.date < b.audit.date ? -1 : 1;
    })
    .map(({ audit }) => audit);
}

const recKey = (r: { dimension: string; question: string }) => `${r.dimension}/${r.question}`;

export function buildTrend(reports: readonly Report[]): Trend {
  if (reports.length === 0) throw new RangeError("a trend needs at least one audit");
  const audits = byDate(reports);
  const last = audits[audits.length - 1] as Report;
  const first = audits[0] as Report;
  const warnings: string[] = [];

  const organizations = [...new Set(audits.map((a) => a.organization))];
  if (organizations.length > 1)
    warnings.push(
      `the audits are of different organisations (${organizations.map((o) => `"${o}"`).join(", ")}); the trend is named after the latest`,
    );
  const undated = audits.filter((a) => a.date === null).length;
  if (undated > 0)
    warnings.push(
      `${undated} audit${undated === 1 ? " has" : "s have"} no date and ${undated === 1 ? "is" : "are"} placed after the dated ones, in the order given`,
    );

  // Every dimension any audit scored, in the order the latest audit lists them, then the rest.
  // Newest audit first, so the latest's dimensions come first and in its order; a Set keeps
  // each id where it first appears.
  const dimensionIds = [
    ...new Set([...audits].reverse().flatMap((a) => a.dimensions.map((d) => d.id))),
  ];

  const when = (index: number) => (audits[index] as Report).date ?? "an undated audit";
  const dimensions = dimensionIds.map((id) => {
    const results = audits.map((a) => a.dimensions.find((d) => d.id === id) ?? null);
    const scored = results.filter((d) => d !== null);
    // The id came from some audit's dimensions, so at least one audit scored it.
    const firstScored = scored[0] as Report["dimensions"][number];
    const lastScored = scored[scored.length - 1] as Report["dimensions"][number];
    // Mixed rubric versions are allowed, as in compare, but said once per change.
    // Stryker disable next-line EqualityOperator: with i <= length, results[length] is undefined and skipped by the !a guard
    for (let i = 1; i < results.length; i++) {
      const b = results[i - 1];
      const a = results[i];
      if (!a || !b) continue;
      if (b.rubric.version !== a.rubric.version)
        warnings.push(
          `${id} was scored with rubric version ${b.rubric.version} on ${when(i - 1)} and ${a.rubric.version} on ${when(i)}; scores may not be comparable`,
        );
      else if (b.rubric.hash !== a.rubric.hash)
        warnings.push(
          `${id} was scored with different rubric content (same version ${a.rubric.version}) on ${when(i - 1)} and ${when(i)}; scores may not be comparable`,
        );
    }
    const missing = results.filter((d) => d === null).length;
    if (missing > 0)
      warnings.push(`${id} is missing from ${missing} of the ${audits.length} audits`);
    return {
      id,
      title: lastScored.title,
      scores: results.map((d) => d?.score ?? null),
      levels: results.map((d) => (d ? { id: d.level.id, label: d.level.label } : null)),
      change: scored.length >= 2 ? roundScore(lastScored.score - firstScored.score) : null,
    };
  });

  const levelChanges: Trend["levelChanges"] = [];
  const steps: Trend["steps"] = [];
  for (let i = 1; i < audits.length; i++) {
    const before = audits[i - 1] as Report;
    const after = audits[i] as Report;
    const rank = (report: Report, id: string) => report.levels.findIndex((l) => l.id === id);
    const levelChange = (
      dimension: string | null,
      b: { id: string; label: string },
      a: { id: string; label: string },
    ) => {
      if (a.id === b.id) return;
      levelChanges.push({
        audit: i,
        date: after.date,
        dimension,
        before: { id: b.id, label: b.label },
        after: { id: a.id, label: a.label },
        direction: rank(after, a.id) > rank(before, b.id) ? "up" : "down",
      });
    };
    levelChange(null, before.overall.level, after.overall.level);
    for (const d of after.dimensions) {
      const b = before.dimensions.find((x) => x.id === d.id);
      if (b) levelChange(d.id, b.level, d.level);
    }
    const beforeKeys = new Set(before.recommendations.map(recKey));
    const afterKeys = new Set(after.recommendations.map(recKey));
    const pick = (r: Report["recommendations"][number]) => ({
      dimension: r.dimension,
      question: r.question,
      title: r.title,
    });
    steps.push({
      audit: i,
      from: before.date,
      to: after.date,
      resolved: before.recommendations.filter((r) => !afterKeys.has(recKey(r))).map(pick),
      raised: after.recommendations.filter((r) => !beforeKeys.has(recKey(r))).map(pick),
    });
  }

  return {
    schemaVersion: TREND_SCHEMA_VERSION,
    organization: last.organization,
    audits: audits.map((a) => ({
      date: a.date,
      source: a.source.plan,
      organization: a.organization,
      overall: {
        score: a.overall.score,
        level: { id: a.overall.level.id, label: a.overall.level.label },
      },
      recommendations: a.recommendations.length,
    })),
    overall: {
      scores: audits.map((a) => a.overall.score),
      change: roundScore(last.overall.score - first.overall.score),
    },
    dimensions,
    levelChanges,
    steps,
    warnings,
  };
}
