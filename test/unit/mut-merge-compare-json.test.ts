import { describe, expect, it } from "vitest";
import {
  COMPARISON_SCHEMA_VERSION,
  ComparisonJsonSchema,
  comparisonJson,
  type LevelCatalog,
} from "../../src/core/compare-json.js";
import type { Comparison, QuestionChange } from "../../src/core/compare.js";

/*
 * `compare --format json` from a hand-made comparison: each field of the written document
 * checked against the comparison it came from, so a renamed, dropped or rescaled field shows.
 */

const LEVELS: LevelCatalog = [
  { id: "existing", label: "Existing" },
  { id: "emerging", label: "Emerging" },
  { id: "living", label: "Living" },
];

const change = (q: Partial<QuestionChange> & Pick<QuestionChange, "before" | "after">) => ({
  dimension: "d",
  question: "q",
  prompt: "q?",
  answerBefore: "None",
  answerAfter: "All",
  ...q,
});

function comparison(extra: Partial<Comparison> = {}): Comparison {
  return {
    before: { organization: "Acme", date: "2026-01-01", source: "before.yaml" },
    after: { organization: "Acme", date: null, source: null },
    overall: {
      before: 30,
      after: 72.5,
      delta: 42.5,
      levelBefore: "Existing",
      levelAfter: "Living",
    },
    dimensions: [],
    improved: [],
    regressed: [],
    resolved: [],
    added: [],
    rubricChanges: [],
    warnings: [],
    ...extra,
  };
}

describe("comparisonJson", () => {
  it("writes version, tool, both sides with their source as {plan} and the overall change", () => {
    const json = comparisonJson(comparison(), LEVELS, "1.2.3");
    expect(json).toEqual({
      schemaVersion: COMPARISON_SCHEMA_VERSION,
      tool: { name: "social-audit", version: "1.2.3" },
      before: { organization: "Acme", date: "2026-01-01", source: { plan: "before.yaml" } },
      after: { organization: "Acme", date: null, source: { plan: null } },
      overall: {
        before: 30,
        after: 72.5,
        delta: 42.5,
        levelBefore: { id: "existing", label: "Existing" },
        levelAfter: { id: "living", label: "Living" },
      },
      dimensions: [],
      improved: [],
      regressed: [],
      resolved: [],
      added: [],
      rubricChanges: [],
      warnings: [],
    });
    expect(COMPARISON_SCHEMA_VERSION).toBe(2);
    expect(ComparisonJsonSchema.parse(json)).toEqual(json);
  });

  it.each([
    ["a level both reports know", "Emerging", { id: "emerging", label: "Emerging" }],
    [
      "a label no catalog entry has: its label doubles as its id",
      "Thriving",
      { id: "Thriving", label: "Thriving" },
    ],
    ["a side without the dimension", null, null],
  ])("turns %s back into {id, label}", (_, label, expected) => {
    const json = comparisonJson(
      comparison({
        dimensions: [
          {
            id: "d",
            title: "Title of d",
            before: label === null ? null : 40,
            after: 50,
            delta: null,
            levelBefore: label,
            levelAfter: "Living",
          },
        ],
      }),
      LEVELS,
      "t",
    );
    expect(json.dimensions).toEqual([
      {
        id: "d",
        title: "Title of d",
        before: label === null ? null : 40,
        after: 50,
        delta: null,
        levelBefore: expected,
        levelAfter: { id: "living", label: "Living" },
      },
    ]);
  });

  it("with an empty catalog every level's id is its label", () => {
    const json = comparisonJson(comparison(), [], "t");
    expect(json.overall.levelBefore).toEqual({ id: "Existing", label: "Existing" });
    expect(json.overall.levelAfter).toEqual({ id: "Living", label: "Living" });
  });

  it("rescales question scores from 0-1 to 0-100, rounded to a tenth, and works out the delta", () => {
    const json = comparisonJson(
      comparison({
        improved: [change({ question: "up", before: 1 / 3, after: 0.5 })],
        regressed: [change({ question: "down", before: 0.875, after: 0.25, answerAfter: null })],
      }),
      LEVELS,
      "t",
    );
    expect(json.improved).toEqual([
      {
        dimension: "d",
        question: "up",
        prompt: "q?",
        before: 33.3,
        after: 50,
        // From the unrounded scores: 100 * (0.5 - 1/3) = 16.67, not 50 - 33.3.
        delta: 16.7,
        answerBefore: "None",
        answerAfter: "All",
      },
    ]);
    expect(json.regressed).toEqual([
      {
        dimension: "d",
        question: "down",
        prompt: "q?",
        before: 87.5,
        after: 25,
        delta: -62.5,
        answerBefore: "None",
        answerAfter: null,
      },
    ]);
    expect(ComparisonJsonSchema.parse(json)).toEqual(json);
  });

  it("passes recommendations, rubric changes and warnings through unchanged", () => {
    const extra = {
      resolved: [{ dimension: "d", question: "a", title: "Act on a" }],
      added: [{ dimension: "e", question: "b", title: "Act on b" }],
      rubricChanges: [
        {
          dimension: "d",
          versionBefore: "1.0.0",
          versionAfter: "1.1.0",
          questionsAdded: [{ id: "c", prompt: "c?" }],
          questionsRemoved: [],
        },
      ],
      warnings: ["the reports are for different organisations"],
    };
    const json = comparisonJson(comparison(extra), LEVELS, "t");
    expect({
      resolved: json.resolved,
      added: json.added,
      rubricChanges: json.rubricChanges,
      warnings: json.warnings,
    }).toEqual(extra);
  });
});
