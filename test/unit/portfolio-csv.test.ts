import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { PortfolioSchema, buildPortfolio, portfolioAudit } from "../../src/core/portfolio.js";
import { buildReport } from "../../src/core/report.js";
import type { Report } from "../../src/core/report-schema.js";
import { parsePlan } from "../../src/io/load-plan.js";
import { csvCell, csvRenderer } from "../../src/render/csv.js";
import { PORTFOLIO_RENDERERS } from "../../src/render/portfolio.js";
import { builtinRubrics } from "../helpers.js";

async function reportOf(yaml: string, source = "plan.yaml"): Promise<Report> {
  const rubrics = await builtinRubrics();
  const loaded = parsePlan(yaml, source, rubrics);
  return buildReport({ rubrics, plan: loaded.plan, toolVersion: "t", planSource: source });
}

const org = (name: string, date: string, writtenPlan: boolean, hours = 1) =>
  reportOf(
    `organization: ${JSON.stringify(name)}\ndate: ${date}\nanswers:\n  commitment:\n    written-plan: ${writtenPlan}\n    weekly-hours: ${hours}\n`,
    `${name}-${date}.yaml`,
  );

const VIEW = { color: false, width: 80, top: 5 };
const rows = (csv: string) => parse<Record<string, string>>(csv, { columns: true, bom: true });

describe("buildPortfolio", () => {
  it("keeps the latest audit per organisation with its change since the previous one", async () => {
    const audits = [
      await org("Beta", "2026-06-01", true, 20),
      await org("Alpha", "2026-01-01", false),
      await org("Beta", "2025-06-01", false),
    ].map(portfolioAudit);
    const p = buildPortfolio(audits, { sort: "name", gaps: 3 });
    expect(PortfolioSchema.parse(p)).toEqual(p);
    expect(p.rows.map((r) => r.organization)).toEqual(["Alpha", "Beta"]);
    const beta = p.rows[1];
    expect(beta?.date).toBe("2026-06-01");
    expect(beta?.audits).toBe(2);
    expect(beta?.change).toBeGreaterThan(0);
    expect(p.rows[0]?.change).toBeNull();
    expect(p.summary).toMatchObject({ organizations: 2, audits: 3, slipping: 0, fixFirst: 0 });
    expect(p.gaps).toHaveLength(3);
    expect(p.gaps[0]?.organizations).toBe(2);
  });

  it("sorts by score (lowest first), change (largest drop first, unmeasured last) and name", async () => {
    const audits = [
      await org("Up", "2025-01-01", false),
      await org("Up", "2026-01-01", true, 20),
      await org("Down", "2025-01-01", true, 20),
      await org("Down", "2026-01-01", false),
      await org("Once", "2026-01-01", true, 40),
    ].map(portfolioAudit);
    const names = (sort: "score" | "change" | "name") =>
      buildPortfolio(audits, { sort, gaps: 0 }).rows.map((r) => r.organization);
    expect(names("change")).toEqual(["Down", "Up", "Once"]);
    expect(names("name")).toEqual(["Down", "Once", "Up"]);
    const byScore = buildPortfolio(audits, { sort: "score", gaps: 0 }).rows.map(
      (r) => r.overall.score,
    );
    expect(byScore).toEqual([...byScore].sort((a, b) => a - b));
    expect(buildPortfolio(audits, { sort: "score", gaps: 0 }).summary.slipping).toBe(1);
  });

  it("counts recommendations marked critical as fix-first, and none when reports lack the mark", async () => {
    const report = await org("Crit", "2026-01-01", false);
    expect(portfolioAudit(report).recommendations.some((r) => r.critical)).toBe(false);
    const marked = {
      ...report,
      recommendations: report.recommendations.map((r, i) => ({ ...r, critical: i < 2 })),
    };
    const p = buildPortfolio([portfolioAudit(marked)], { sort: "name", gaps: 50 });
    expect(p.rows[0]?.fixFirst).toBe(2);
    expect(p.summary.fixFirst).toBe(1);
    expect(p.gaps.filter((g) => g.fixFirst === 1)).toHaveLength(2);
  });
});

describe("CSV", () => {
  const hostile = 'Smith, Jones & "Partners"\nLtd';

  it("quotes commas, quotes and newlines so a real parser reads the exact value back", async () => {
    const report = await reportOf(
      `organization: ${JSON.stringify(hostile)}\ndate: 2026-01-01\nanswers:\n  planning:\n    planning-notes: "=HYPERLINK(\\"http://x\\")"\n`,
    );
    const csv = csvRenderer.report(report, { ...VIEW, csvRows: "dimensions" });
    expect(csv.endsWith("\r\n")).toBe(true);
    const dims = rows(csv);
    expect(dims).toHaveLength(report.dimensions.length);
    expect(dims[0]?.organization).toBe(hostile);
    expect(Number(dims[0]?.score)).toBe(report.dimensions[0]?.score);

    const questions = rows(csvRenderer.report(report, { ...VIEW, csvRows: "questions" }));
    const total = report.dimensions.reduce((n, d) => n + d.questions.length, 0);
    expect(questions).toHaveLength(total);
    expect(Object.keys(questions[0] ?? {})).toEqual(
      expect.arrayContaining(["answer", "score", "status", "evidence", "as_of", "by"]),
    );
    const note = questions.find((q) => q.question === "planning-notes");
    expect(note?.answer).toBe(`'=HYPERLINK("http://x")`);
    expect(note?.status).toBe("unscored");
    expect(questions.find((q) => q.question === "written-plan")?.status).toBe("unanswered");
  });

  it("neutralises formula starts in text and leaves computed numbers alone", () => {
    for (const start of ["=", "+", "-", "@", "\t"])
      expect(csvCell(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell(-3.5)).toBe("-3.5");
    expect(csvCell(null)).toBe("");
  });

  it("writes one header and every plan's rows in a batch", async () => {
    const a = await org("A, Inc.", "2026-01-01", true);
    const b = await org("B", "2026-01-01", false);
    const parsed = rows(csvRenderer.batch([a, b], VIEW));
    expect(parsed).toHaveLength(a.dimensions.length + b.dimensions.length);
    expect(parsed[0]?.organization).toBe("A, Inc.");
  });

  it("portfolio CSV has one row per organisation and a column per dimension", async () => {
    const audits = [
      await org(hostile, "2026-01-01", true),
      await org("=cmd()", "2026-02-01", false),
    ];
    const p = buildPortfolio(audits.map(portfolioAudit), { sort: "name", gaps: 5 });
    const parsed = rows(PORTFOLIO_RENDERERS.csv(p));
    expect(parsed).toHaveLength(2);
    expect(parsed.map((r) => r.organization).sort()).toEqual(["'=cmd()", hostile].sort());
    expect(Object.keys(parsed[0] ?? {})).toEqual(
      expect.arrayContaining(p.dimensions.map((d) => d.id)),
    );
  });
});

describe("portfolio table", () => {
  it("shortens long names to fit a given width, and keeps them whole when the width is unknown", async () => {
    const name = "The Extraordinarily Long-Named Community Organisation of Somewhere";
    const p = buildPortfolio([portfolioAudit(await org(name, "2026-01-01", true))], {
      sort: "name",
      gaps: 0,
    });
    const whole = PORTFOLIO_RENDERERS.table(p, { ...VIEW, width: Number.POSITIVE_INFINITY });
    expect(whole).toContain(name);
    const fitted = PORTFOLIO_RENDERERS.table(p, { ...VIEW, width: 120 });
    expect(fitted).not.toContain(name);
    expect(fitted).toContain("The Extraordinarily");
    const tableLines = fitted.split("\n").filter((l) => /^[│┌├└]/.test(l));
    for (const line of tableLines) expect(line.length).toBeLessThanOrEqual(120);
  });
});
