import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { QuestionSchema } from "../../src/core/kinds/index.js";
import { validatePlan } from "../../src/core/plan.js";
import { DimensionRubricSchema, LevelsFileSchema, lintRubric } from "../../src/core/rubric.js";
import { ROOT, builtinRubrics } from "../helpers.js";

const guide = readFileSync(`${ROOT}/docs/rubric-format.md`, "utf8");
const blocks = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

describe("docs/rubric-format.md", () => {
  it("has a YAML example for every question kind, a dimension, levels and a plan", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(9);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))("example %i validates", async (_n, text) => {
    const data = parse(text) as Record<string, unknown>;
    if ("levels" in data) {
      expect(LevelsFileSchema.safeParse(data).error?.issues ?? []).toEqual([]);
    } else if ("questions" in data) {
      const rubric = DimensionRubricSchema.safeParse(data);
      expect(rubric.error?.issues ?? []).toEqual([]);
      if (rubric.success) expect(lintRubric(rubric.data)).toEqual([]);
    } else if ("organization" in data) {
      const result = validatePlan(data, await builtinRubrics());
      expect(result.ok ? [] : result.problems).toEqual([]);
    } else {
      expect(QuestionSchema.safeParse(data).error?.issues ?? []).toEqual([]);
    }
  });
});
