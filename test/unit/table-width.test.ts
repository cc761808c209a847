import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareReports } from "../../src/core/compare.js";
import { buildReport } from "../../src/core/report.js";
import type { Report } from "../../src/core/report-schema.js";
import { parsePlan } from "../../src/io/load-plan.js";
import { COMPARISON_RENDERERS } from "../../src/render/comparison.js";
import { tableRenderer } from "../../src/render/table.js";
import { displayWidth } from "../../src/text/width.js";
import { builtinRubrics, example } from "../helpers.js";

async function report(name: string, change: (text: string) => string = (t) => t): Promise<Report> {
  const rubrics = await builtinRubrics();
  const path = example(name);
  const { plan } = parsePlan(change(readFileSync(path, "utf8")), path, rubrics);
  return buildReport({ rubrics, plan, toolVersion: "t", planSource: path });
}

const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");
const widest = (out: string) => Math.max(...strip(out).split("\n").map(displayWidth));

describe("terminal tables fit the terminal", () => {
  for (const width of [60, 80, 100, 140])
    for (const color of [false, true])
      it(`at ${width} columns, ${color ? "in colour" : "without colour"}`, async () => {
        const bike = await report("bike-shop.yaml");
        // A long unbroken name and wide characters must not push a table past the edge either.
        const hostile = await report("bike-shop.yaml", (t) =>
          t.replace(
            /^organization: .*$/m,
            `organization: "${"Ｓｐｏｋｅ＆Ｃｈａｉｎ".repeat(3)}-${"x".repeat(150)}"`,
          ),
        );
        for (const r of [bike, hostile]) {
          const options = { color, top: 10, width };
          expect(widest(tableRenderer.report(r, options))).toBeLessThanOrEqual(width);
          expect(widest(tableRenderer.batch([r, bike], options))).toBeLessThanOrEqual(width);
          const compared = COMPARISON_RENDERERS.table(compareReports(bike, r), { color, width });
          expect(widest(compared)).toBeLessThanOrEqual(width);
        }
        expect(tableRenderer.report(bike, { color, top: 5, width }).includes("┌")).toBe(true);
      });

  it("stacks rows below 60 columns instead of drawing a grid", async () => {
    const bike = await report("bike-shop.yaml");
    const out = tableRenderer.report(bike, { color: false, top: 5, width: 50 });
    expect(widest(out)).toBeLessThanOrEqual(50);
    expect(out).not.toContain("┌");
    expect(out).toMatch(/^Dimension: Planning$/m);
    expect(out).toMatch(/^ {2}Score: 34\.7$/m);
  });

  it("labels gains with their scale and rounds scores one way", async () => {
    const bike = await report("bike-shop.yaml");
    const out = tableRenderer.report(bike, { color: false, top: 5, width: 100 });
    expect(out).toContain("gain in points of the overall score");
    expect(out).toMatch(/│ 34\.7 +│/);
  });
});
