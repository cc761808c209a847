import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { baselineChecks, compareReports } from "../../src/core/compare.js";
import { buildReport } from "../../src/core/report.js";
import type { Report } from "../../src/core/report-schema.js";
import { parsePlan } from "../../src/io/load-plan.js";
import { builtinRubrics, example } from "../helpers.js";

async function audit(path: string): Promise<Report> {
  const rubrics = await builtinRubrics();
  const { plan } = parsePlan(readFileSync(path, "utf8"), path, rubrics);
  return buildReport({ rubrics, plan, toolVersion: "t", planSource: path });
}

describe("compare", () => {
  it("shows deltas, improved questions and resolved recommendations between two real audits", async () => {
    const before = await audit(example("progress/bike-shop-march.yaml"));
    const after = await audit(example("bike-shop.yaml"));
    const c = compareReports(before, after);
    expect(c.overall).toMatchObject({
      before: 32.2,
      after: 42.1,
      delta: 9.9,
      levelBefore: "Emerging",
      levelAfter: "Emerging",
    });
    expect(c.dimensions.find((d) => d.id === "presence")).toMatchObject({
      delta: 14.8,
      levelBefore: "Emerging",
      levelAfter: "Engaging",
    });
    expect(c.improved.map((q) => q.question)).toEqual([
      "listens-first",
      "named-people",
      "steady-rhythm",
      "genuine-tone",
      "their-channels",
      "weekly-hours",
      "training",
      "listening",
      "owns-mistakes",
    ]);
    expect(c.regressed).toEqual([]);
    expect(c.warnings).toEqual([]);
    const reverse = compareReports(after, before);
    expect(reverse.regressed).toHaveLength(9);
    expect(reverse.overall.delta).toBe(-9.9);
  });

  it("lists recommendations resolved and new", async () => {
    const bakery = await audit(example("bakery.yaml"));
    const living = await audit(example("b2b-living.yaml"));
    const c = compareReports(bakery, living);
    expect(c.resolved.length).toBeGreaterThan(15);
    expect(c.added).toEqual([]);
    expect(c.warnings[0]).toMatch(/different organisations/);
  });

  it("warns when rubric versions differ", async () => {
    const before = await audit(example("bike-shop.yaml"));
    const after = structuredClone(before);
    const presence = after.dimensions.find((d) => d.id === "presence");
    if (presence) presence.rubric.version = "9.0.0";
    expect(compareReports(before, after).warnings).toEqual([
      expect.stringMatching(
        /presence was scored with rubric version \d+\.\d+\.\d+ before and 9\.0\.0 after/,
      ),
    ]);
  });

  it("baseline checks fail exactly the scores that dropped", async () => {
    const march = await audit(example("progress/bike-shop-march.yaml"));
    const september = await audit(example("bike-shop.yaml"));
    expect(baselineChecks(march, september).every((c) => c.passed)).toBe(true);
    const failed = baselineChecks(september, march)
      .filter((c) => !c.passed)
      .map((c) => c.dimension ?? "overall");
    expect(failed).toEqual(["overall", "planning", "presence", "commitment", "relationships"]);
  });
});
