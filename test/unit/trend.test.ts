import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/kinds/index.js";
import { buildReport } from "../../src/core/report.js";
import type { Report } from "../../src/core/report-schema.js";
import { TrendSchema, buildTrend, byDate } from "../../src/core/trend.js";
import { parsePlan } from "../../src/io/load-plan.js";
import { TREND_RENDERERS, sparkline } from "../../src/render/trend.js";
import { builtinRubrics } from "../helpers.js";

async function reportOf(yaml: string, source = "plan.yaml"): Promise<Report> {
  const rubrics = await builtinRubrics();
  const loaded = parsePlan(yaml, source, rubrics);
  return buildReport({ rubrics, plan: loaded.plan, toolVersion: "t", planSource: source });
}

const plan = (date: string | null, answers: string, organization = "Acme") =>
  `organization: ${organization}\n${date ? `date: ${date}\n` : ""}${answers ? `answers:\n${answers}` : "answers: {}\n"}`;

describe("buildTrend", () => {
  it("orders audits by date whatever order they are given in, undated last", async () => {
    const a = await reportOf(
      plan("2026-05-01", "  commitment:\n    written-plan: true\n"),
      "may.yaml",
    );
    const b = await reportOf(
      plan("2025-11-01", "  commitment:\n    written-plan: false\n"),
      "nov.yaml",
    );
    const c = await reportOf(plan(null, "  commitment:\n    written-plan: true\n"), "undated.yaml");
    const trend = buildTrend([c, a, b]);
    expect(trend.audits.map((x) => x.source)).toEqual(["nov.yaml", "may.yaml", "undated.yaml"]);
    expect(trend.warnings.some((w) => w.includes("no date"))).toBe(true);
    expect(TrendSchema.parse(trend)).toEqual(trend);
  });

  it("gives each series one entry per audit, the change, level changes and resolved recommendations", async () => {
    const before = await reportOf(
      plan("2025-11-01", "  commitment:\n    written-plan: false\n"),
      "before.yaml",
    );
    const after = await reportOf(
      plan(
        "2026-11-01",
        "  commitment:\n    written-plan: true\n    weekly-hours: 20\n    work-reassigned: reassigned\n    training: ongoing\n    leadership-expectation: expected\n    daily-routine: 5\n",
      ),
      "after.yaml",
    );
    const trend = buildTrend([after, before]);
    const commitment = trend.dimensions.find((d) => d.id === "commitment");
    expect(commitment?.scores).toHaveLength(2);
    expect(commitment?.change).toBeGreaterThan(0);
    expect(trend.overall.scores).toEqual([before.overall.score, after.overall.score]);
    const resolved = trend.steps[0]?.resolved.map((r) => r.question) ?? [];
    expect(resolved).toContain("written-plan");
    const levelUp = trend.levelChanges.find((c) => c.dimension === "commitment");
    expect(levelUp?.direction).toBe("up");
    expect(levelUp?.audit).toBe(1);
  });

  it("warns when rubric versions differ and leaves gaps for dimensions an audit lacks, as compare does", async () => {
    const a = await reportOf(plan("2026-01-01", ""));
    const b = await reportOf(plan("2026-06-01", ""));
    const changed: Report = {
      ...b,
      dimensions: b.dimensions
        .filter((d) => d.id !== "relationships")
        .map((d) =>
          d.id === "presence" ? { ...d, rubric: { ...d.rubric, version: "9.9.9" } } : d,
        ),
    };
    const trend = buildTrend([a, changed]);
    expect(trend.warnings.some((w) => w.includes("presence") && w.includes("9.9.9"))).toBe(true);
    expect(trend.dimensions.find((d) => d.id === "relationships")?.scores[1]).toBeNull();
    expect(trend.warnings.some((w) => w.includes("relationships is missing from 1"))).toBe(true);
  });

  it("a trend of one audit is one point (property)", async () => {
    const rubrics = await builtinRubrics();
    const choices = rubrics.dimensions.flatMap(({ rubric }) =>
      rubric.questions.flatMap((q) =>
        q.kind === "choice"
          ? [
              fc
                .option(fc.constantFrom(...q.choices.map((c) => c.value)))
                .map((v) => [rubric.id, q.id, v] as const),
            ]
          : [],
      ),
    );
    const date = fc
      .date({ min: new Date("2000-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.tuple(...choices),
        date,
        fc.string({ minLength: 1, maxLength: 30 }),
        (list, day, name) => {
          const answers = new Map<string, Map<string, Answer>>();
          for (const [d, q, v] of list) {
            if (!answers.has(d)) answers.set(d, new Map());
            if (v !== null) answers.get(d)?.set(q, v);
          }
          const report = buildReport({
            rubrics,
            plan: { organization: name, date: day, answers },
            toolVersion: "p",
          });
          const trend = buildTrend([report]);
          expect(trend.audits).toHaveLength(1);
          expect(trend.overall.scores).toEqual([report.overall.score]);
          expect(trend.overall.change).toBe(0);
          for (const d of trend.dimensions) {
            expect(d.scores).toHaveLength(1);
            expect(d.change).toBeNull();
          }
          expect(trend.levelChanges).toEqual([]);
          expect(trend.steps).toEqual([]);
          expect(trend.organization).toBe(name);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("refuses an empty list", () => {
    expect(() => buildTrend([])).toThrow(RangeError);
  });
});

describe("byDate and sparkline", () => {
  it("keeps the given order for equal dates", () => {
    const xs = [
      { date: "2026-01-01", n: 1 },
      { date: "2025-01-01", n: 2 },
      { date: "2026-01-01", n: 3 },
    ];
    expect(byDate(xs).map((x) => x.n)).toEqual([2, 1, 3]);
  });

  it("draws one character per score on a shared scale, a space for a gap", () => {
    expect(sparkline([0, 50, 100, null], { low: 0, high: 100 })).toBe("▁▅█ ");
    expect(sparkline([40, 40], { low: 40, high: 50 })).toBe("▁▁");
  });
});

describe("trend table", () => {
  it("fits the width it is given, keeping the latest audits when they do not all fit", async () => {
    const base = await reportOf(plan("2020-01-01", ""));
    const reports = Array.from({ length: 28 }, (_, i) => ({
      ...base,
      organization: "A very long organisation name that will not fit, Ltd.",
      date: `2020-01-${String(i + 1).padStart(2, "0")}`,
      overall: { ...base.overall, score: i * 2.5 },
    }));
    const trend = buildTrend(reports);
    for (const width of [40, 60, 80]) {
      const text = TREND_RENDERERS.table(trend, { color: false, width, top: 3 });
      for (const line of text.trimEnd().split("\n"))
        expect(Array.from(new Intl.Segmenter().segment(line)).length).toBeLessThanOrEqual(width);
      const overall = text.split("\n").find((l) => l.startsWith("Overall")) ?? "";
      expect(overall).toContain("█");
      // 28 audits fit in 80 columns; narrower, the sparkline shows the latest after a mark.
      if (width === 80) expect(overall).toContain("▁▁▂▂▂▂▃▃▃▃▄▄▄▄▅▅▅▅▆▆▆▆▇▇▇▇██");
      else expect(overall).toMatch(/…[▁-█]+██ /);
    }
  });
});
