import * as z from "zod";
import { PlanErrorSchema, type PlanError } from "./envelope-schema.js";
import type { Report } from "./report-schema.js";
import { roundScore } from "./scoring.js";
import { byDate } from "./trend.js";

/**
 * A portfolio: the latest audit of each of many organisations side by side, as an agency
 * sees its clients. Built in two steps so thousands of plans fit in one process: each report
 * is reduced to a small `PortfolioAudit` as soon as it is made (the report itself can then
 * be dropped), and the audits are gathered into rows at the end.
 */

export const PORTFOLIO_SCHEMA_VERSION = 2;
export const PORTFOLIO_SORTS = ["score", "change", "name"] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

const Score = z.number().min(0).max(100);
const LevelRefSchema = z.object({ id: z.string(), label: z.string() });

export const PortfolioSchema = z.object({
  schemaVersion: z.literal(PORTFOLIO_SCHEMA_VERSION),
  sort: z
    .enum(PORTFOLIO_SORTS)
    .describe(
      "score: lowest overall first; change: largest drop first; name: alphabetical. Ties by name",
    ),
  summary: z.object({
    organizations: z.int().min(0),
    audits: z.int().min(0),
    averageOverall: Score.describe("Mean of the latest overall score of each organisation"),
    fixFirst: z.int().min(0).describe("Organisations with at least one fix-first finding"),
    slipping: z
      .int()
      .min(0)
      .describe("Organisations whose overall score fell since their previous audit"),
    invalid: z.int().min(0).describe("Files that could not be read or audited (see errors)"),
  }),
  dimensions: z
    .array(z.object({ id: z.string(), title: z.string() }))
    .describe("The dimensions any organisation was scored on, in rubric order"),
  rows: z.array(
    z.object({
      organization: z.string(),
      date: z.string().nullable(),
      source: z.string().nullable(),
      overall: z.object({ score: Score, level: LevelRefSchema }),
      dimensions: z
        .record(z.string(), Score)
        .describe("Dimension id to score, for the dimensions this audit scored"),
      fixFirst: z
        .int()
        .min(0)
        .describe(
          "Recommendations marked critical: fix these first; 0 when the report has no such marks",
        ),
      recommendations: z.int().min(0),
      audits: z.int().min(1).describe("How many audits of this organisation were given"),
      previous: z
        .object({ date: z.string().nullable(), score: Score })
        .nullable()
        .describe("The audit before the latest, when there is one"),
      change: z.number().nullable().describe("Overall points since the previous audit"),
    }),
  ),
  gaps: z
    .array(
      z.object({
        dimension: z.string(),
        question: z.string(),
        title: z.string(),
        organizations: z.int().min(1),
        share: z.number().min(0).max(1).describe("Share of the portfolio's organisations"),
        fixFirst: z.int().min(0).describe("Of those, how many have it as a fix-first finding"),
      }),
    )
    .describe("Recommendations most organisations share in their latest audit, most common first"),
  errors: z
    .array(PlanErrorSchema)
    .describe(
      "Files that could not be read or audited, in the order given; any of them fails the run (exit 2)",
    ),
});
export type Portfolio = z.infer<typeof PortfolioSchema>;
export type PortfolioRow = Portfolio["rows"][number];

/** What a portfolio keeps of one report. */
export interface PortfolioAudit {
  organization: string;
  date: string | null;
  source: string | null;
  overall: { score: number; level: { id: string; label: string } };
  dimensions: { id: string; title: string; score: number }[];
  recommendations: { dimension: string; question: string; title: string; critical: boolean }[];
}

/**
 * `critical` is being added to recommendations by another change; reports without it (and
 * every report written before it) count no fix-first findings rather than failing.
 */
function isCritical(recommendation: object): boolean {
  return "critical" in recommendation && recommendation.critical === true;
}

export function portfolioAudit(report: Report): PortfolioAudit {
  return {
    organization: report.organization,
    date: report.date,
    source: report.source.plan,
    overall: {
      score: report.overall.score,
      level: { id: report.overall.level.id, label: report.overall.level.label },
    },
    dimensions: report.dimensions.map((d) => ({ id: d.id, title: d.title, score: d.score })),
    recommendations: report.recommendations.map((r) => ({
      dimension: r.dimension,
      question: r.question,
      title: r.title,
      critical: isCritical(r),
    })),
  };
}

export interface PortfolioOptions {
  sort: PortfolioSort;
  /** How many of the most common gaps to list. */
  gaps: number;
}

const byName = (a: PortfolioRow, b: PortfolioRow) =>
  a.organization.localeCompare(b.organization, "en") ||
  // Names English holds equal (an é composed or not) still differ: order those by code units.
  // Stryker disable next-line EqualityOperator: rows have distinct organisations, so < and <= agree
  (a.organization < b.organization ? -1 : 1);

/** Ids in code-unit order, so the same gaps list the same way on every machine. */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const SORTS: Record<PortfolioSort, (a: PortfolioRow, b: PortfolioRow) => number> = {
  score: (a, b) => a.overall.score - b.overall.score || byName(a, b),
  // Organisations with no earlier audit have no change; they go after every measured one.
  change: (a, b) => (a.change ?? Infinity) - (b.change ?? Infinity) || byName(a, b),
  name: byName,
};

/** `errors`: the files that could not be read or audited; they stay in every format. */
export function buildPortfolio(
  audits: readonly PortfolioAudit[],
  options: PortfolioOptions,
  errors: readonly PlanError[] = [],
): Portfolio {
  const byOrganization = new Map<string, PortfolioAudit[]>();
  for (const audit of audits) {
    const list = byOrganization.get(audit.organization);
    if (list) list.push(audit);
    else byOrganization.set(audit.organization, [audit]);
  }

  const dimensions = new Map<string, string>();
  const gapCounts = new Map<
    string,
    { dimension: string; question: string; title: string; organizations: number; fixFirst: number }
  >();
  const rows: PortfolioRow[] = [];
  for (const list of byOrganization.values()) {
    const ordered = byDate(list);
    const latest = ordered[ordered.length - 1] as PortfolioAudit;
    const previous = ordered.at(-2);
    for (const d of latest.dimensions) if (!dimensions.has(d.id)) dimensions.set(d.id, d.title);
    const seen = new Set<string>();
    for (const r of latest.recommendations) {
      const key = `${r.dimension}/${r.question}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const gap = gapCounts.get(key);
      if (gap) {
        gap.organizations++;
        if (r.critical) gap.fixFirst++;
      } else
        gapCounts.set(key, {
          dimension: r.dimension,
          question: r.question,
          title: r.title,
          organizations: 1,
          fixFirst: r.critical ? 1 : 0,
        });
    }
    rows.push({
      organization: latest.organization,
      date: latest.date,
      source: latest.source,
      overall: latest.overall,
      dimensions: Object.fromEntries(latest.dimensions.map((d) => [d.id, d.score])),
      fixFirst: latest.recommendations.filter((r) => r.critical).length,
      recommendations: latest.recommendations.length,
      audits: ordered.length,
      previous: previous ? { date: previous.date, score: previous.overall.score } : null,
      change: previous ? roundScore(latest.overall.score - previous.overall.score) : null,
    });
  }
  rows.sort(SORTS[options.sort]);

  const organizations = rows.length;
  const gaps = [...gapCounts.values()]
    .sort(
      (a, b) =>
        b.organizations - a.organizations ||
        b.fixFirst - a.fixFirst ||
        compareIds(a.dimension, b.dimension) ||
        compareIds(a.question, b.question),
    )
    .slice(0, options.gaps)
    .map((g) => ({ ...g, share: Math.round((g.organizations / organizations) * 1000) / 1000 }));

  return {
    schemaVersion: PORTFOLIO_SCHEMA_VERSION,
    sort: options.sort,
    summary: {
      organizations,
      audits: audits.length,
      averageOverall:
        organizations === 0
          ? 0
          : roundScore(rows.reduce((sum, r) => sum + r.overall.score, 0) / organizations),
      fixFirst: rows.filter((r) => r.fixFirst > 0).length,
      slipping: rows.filter((r) => (r.change ?? 0) < 0).length,
      invalid: errors.length,
    },
    dimensions: [...dimensions].map(([id, title]) => ({ id, title })),
    rows,
    gaps,
    errors: [...errors],
  };
}
