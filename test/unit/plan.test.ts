import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validatePlan } from "../../src/core/plan.js";
import { UserError } from "../../src/errors.js";
import { parsePlan } from "../../src/io/load-plan.js";
import { builtinRubrics, example, fixture } from "../helpers.js";

const load = async (file: string, strict = false) =>
  parsePlan(
    readFileSync(file, "utf8"),
    file.split("/").slice(-2).join("/"),
    await builtinRubrics(),
    { strict },
  );

const failure = async (file: string, strict = false) => {
  const error = await load(file, strict).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
};

describe("plan validation", () => {
  it("accepts every shipped example", async () => {
    for (const name of [
      "bakery.yaml",
      "bike-shop.yaml",
      "accounting-firm.yaml",
      "b2b-living.yaml",
    ]) {
      const { plan } = await load(example(name));
      expect(plan.answers.size, name).toBe(4);
    }
  });

  it("names file, line, column and path for wrong types and out-of-range values", async () => {
    const { diagnostics } = await failure(fixture("plans", "wrong-types.yaml"));
    expect(diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 4,
          column: 20,
          path: "answers.presence.response-time",
          message: expect.stringMatching(/hours from 0 to 720/),
        }),
        expect.objectContaining({
          line: 5,
          path: "answers.presence.genuine-tone",
          message: expect.stringMatching(/whole number from 1 to 5/),
        }),
        expect.objectContaining({
          line: 6,
          path: "answers.presence.named-people",
          message: expect.stringMatching(/did you mean "logo-only"/),
        }),
        expect.objectContaining({
          line: 8,
          path: "answers.commitment.written-plan",
          message: expect.stringMatching(/true or false/),
        }),
      ]),
    );
    expect(diagnostics).toHaveLength(4);
  });

  it("suggests the nearest id for unknown dimensions and questions", async () => {
    const { diagnostics } = await failure(fixture("plans", "unknown-ids.yaml"));
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^unknown dimension "presense" \(did you mean "presence"\?\)/),
      expect.stringMatching(
        /^unknown question "crisis-plans" in planning \(did you mean "crisis-plan"\?\)/,
      ),
    ]);
    expect(diagnostics[0]).toMatchObject({ line: 3, column: 3 });
  });

  it("leaves missing and empty answers unanswered, or refuses them with --strict", async () => {
    const { plan } = await load(fixture("plans", "partial.yaml"));
    expect(plan.answers.get("planning")?.has("crisis-plan")).toBe(false);
    expect(plan.answers.get("planning")?.get("audience-first")).toBe("researched-all");
    const strict = await failure(fixture("plans", "partial.yaml"), true);
    const scored = (await builtinRubrics()).dimensions.flatMap((d) =>
      d.rubric.questions.filter((q) => q.kind !== "text"),
    );
    expect(strict.diagnostics.length).toBe(scored.length - 2); // every scored question but the two answered
    expect(strict.diagnostics[0]?.message).toMatch(/unanswered \(--strict/);
  });

  it("refuses top-level lists, scalars and empty files", async () => {
    const rubrics = await builtinRubrics();
    expect(() => parsePlan("- a\n- b\n", "list.yaml", rubrics)).toThrow(/not a list/);
    expect(() => parsePlan("just text\n", "scalar.yaml", rubrics)).toThrow(/not a single value/);
    expect(() => parsePlan("", "empty.yaml", rubrics)).toThrow(/is empty/);
  });

  it("requires an organization and suggests misspelt top-level fields", async () => {
    const result = validatePlan({ organisation: "x", answers: {} }, await builtinRubrics());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: ["organization"], message: "is required" },
        {
          path: ["organisation"],
          message: 'unknown field "organisation" (did you mean "organization"?)',
        },
      ]),
    );
  });

  it("checks weights and thresholds name real dimensions", async () => {
    const result = validatePlan(
      {
        organization: "x",
        weights: { presnce: 2 },
        thresholds: { overall: 120, dimensions: { planing: 50 } },
      },
      await builtinRubrics(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map((p) => p.message).join("\n");
    expect(messages).toMatch(/score from 0 to 100/);
  });

  it("reports YAML syntax errors with line and column", () => {
    const error = (() => {
      try {
        parsePlan("organization: x\nanswers:\n  planning: [unclosed\n", "broken.yaml", {
          dimensions: [],
          levels: [],
          levelsOrigin: { file: "", builtin: true, hash: "" },
        });
      } catch (e) {
        return e as UserError;
      }
      throw new Error("expected a failure");
    })();
    expect(error.message).toMatch(/broken.yaml: is not valid YAML/);
    expect(error.diagnostics[0]?.line).toBeGreaterThan(0);
  });
});
