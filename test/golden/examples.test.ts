import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, runCli } from "../helpers.js";

/**
 * Golden files for the shipped examples: each one pins an example's overall level, its
 * dimension levels (and caps) and its top three recommendations. Any change to the rubrics
 * or the engine that moves them fails here, so it has to be a deliberate edit of the golden
 * file: review the diff, then run `npx vitest run test/golden -u` to accept it.
 */

interface Case {
  name: string;
  plan: string;
  args: string[];
}

const topLevel = readdirSync(join(ROOT, "examples"))
  .filter((file) => file.endsWith(".yaml"))
  .sort()
  .map((file): Case => ({ name: file.replace(/\.yaml$/, ""), plan: `examples/${file}`, args: [] }));

const CASES: Case[] = [
  ...topLevel,
  {
    name: "progress-bike-shop-march",
    plan: "examples/progress/bike-shop-march.yaml",
    args: [],
  },
  {
    name: "custom-agency-client",
    plan: "examples/custom/agency-client.yaml",
    args: ["--rubrics", "examples/rubrics"],
  },
];

interface Level {
  id: string;
}
interface Cap {
  level: Level;
  because: string[];
}
interface Report {
  organization: string;
  overall: { level: Level };
  dimensions: { id: string; level: Level; cap?: Cap | null }[];
  recommendations: {
    dimension: string;
    question: string;
    title: string;
    critical?: boolean;
    target?: { value: unknown } | null;
  }[];
}

/** The part of a report a golden file pins: levels, caps and the first three steps. */
function pinned(report: Report) {
  return {
    organization: report.organization,
    level: report.overall.level.id,
    dimensions: Object.fromEntries(
      report.dimensions.map((d) => [
        d.id,
        d.cap
          ? `${d.level.id} (capped at ${d.cap.level.id} by ${d.cap.because.join(", ")})`
          : d.level.id,
      ]),
    ),
    top3: report.recommendations.slice(0, 3).map((r) => ({
      question: `${r.dimension}.${r.question}`,
      title: r.title,
      critical: r.critical,
      target: r.target?.value,
    })),
  };
}

describe("golden examples", () => {
  it("covers at least seven examples at the top level, each with a profile", () => {
    expect(topLevel.length).toBeGreaterThanOrEqual(7);
    for (const { plan } of CASES) {
      const doc = parse(readFileSync(join(ROOT, plan), "utf8")) as { profile?: unknown };
      expect(doc.profile, `${plan} has a profile`).toMatchObject({ size: expect.any(String) });
    }
  });

  it.each(CASES)(
    "$name keeps its levels and top three recommendations",
    async ({ name, plan, args }) => {
      const { stdout, stderr, code } = await runCli(["audit", plan, "--format", "json", ...args]);
      expect(code === 0 || code === 1, stderr).toBe(true);
      const report = (JSON.parse(stdout) as { reports: Report[] }).reports[0] as Report;
      await expect(`${JSON.stringify(pinned(report), null, 2)}\n`).toMatchFileSnapshot(
        join("examples", `${name}.json`),
      );
    },
  );
});
