import { describe, expect, it } from "vitest";
import type { LoadedDimension, RubricSet } from "../../src/core/rubric.js";
import {
  RUBRICS_SCHEMA_VERSION,
  RubricListSchema,
  RubricShowSchema,
  describeDimension,
  rubricList,
  rubricShow,
} from "../../src/core/rubrics-json.js";
import { LEVELS, choice, rubric, text } from "./builders.js";

/*
 * `rubrics list --json` and `rubrics show --json`, field by field: what a tool that generates
 * plans reads about the levels, each dimension and each question.
 */

const recommendation = { title: "Act on a", detail: "The question's detail.", effort: "low" };

/** A built-in dimension, and a custom one that replaces another built-in. */
function set(): { rubrics: RubricSet; builtin: LoadedDimension; custom: LoadedDimension } {
  const builtin: LoadedDimension = {
    rubric: rubric("listening", [choice("a", 2), text("notes")], 3),
    origin: { file: "rubrics/listening.yaml", builtin: true, hash: "h1" },
  };
  const custom: LoadedDimension = {
    rubric: rubric("care", [choice("b", 1)], 0.5),
    origin: { file: "mine/care.yaml", builtin: false, hash: "h2" },
    overrides: { file: "rubrics/care.yaml", builtin: true, hash: "h0" },
  };
  // Levels as loaded may carry more than the JSON shows.
  const levels = LEVELS.map((l) => ({ ...l, extra: "not shown" }));
  return {
    rubrics: {
      dimensions: [builtin, custom],
      levels,
      levelsOrigin: { file: "rubrics/levels.yaml", builtin: true, hash: "hl" },
    },
    builtin,
    custom,
  };
}

describe("rubrics list --json", () => {
  it("names its version and the tool, lists the levels and each dimension", () => {
    const { rubrics } = set();
    const list = rubricList(rubrics, "1.2.3");
    expect(list).toStrictEqual({
      schemaVersion: 2,
      tool: { name: "social-audit", version: "1.2.3" },
      levels: LEVELS,
      dimensions: [
        {
          id: "listening",
          title: "Title of listening",
          version: "1.0.0",
          weight: 3,
          questions: 2,
          source: "rubrics/listening.yaml",
          builtin: true,
          overrides: null,
        },
        {
          id: "care",
          title: "Title of care",
          version: "1.0.0",
          weight: 0.5,
          questions: 1,
          source: "mine/care.yaml",
          builtin: false,
          overrides: "rubrics/care.yaml",
        },
      ],
    });
    expect(RubricListSchema.parse(list)).toStrictEqual(list);
  });
});

describe("rubrics show --json", () => {
  it("describes a dimension and each question: scored or not, weight, allowed answers", () => {
    const { builtin } = set();
    expect(describeDimension(builtin)).toStrictEqual({
      id: "listening",
      version: "1.0.0",
      title: "Title of listening",
      description: "A dimension.",
      existing: "Exists.",
      living: "Lives.",
      weight: 3,
      source: "rubrics/listening.yaml",
      builtin: true,
      hash: "h1",
      questions: [
        {
          id: "a",
          kind: "choice",
          prompt: "a?",
          help: "Why it matters.",
          scored: true,
          weight: 2,
          allowed: {
            type: "string",
            values: [
              { value: "none", label: "None", score: 0 },
              { value: "some", label: "Some", score: 0.5 },
              { value: "all", label: "All", score: 1 },
            ],
          },
          recommendation,
        },
        {
          id: "notes",
          kind: "text",
          prompt: "notes?",
          help: "Context.",
          scored: false,
          weight: 0,
          allowed: { type: "string", maxLength: 10_000 },
          recommendation: null,
        },
      ],
    });
  });

  it("shows the chosen dimensions, in the order chosen, with every level", () => {
    const { rubrics, builtin, custom } = set();
    const show = rubricShow(rubrics, [custom, builtin], "0.9.0");
    expect(show.schemaVersion).toBe(RUBRICS_SCHEMA_VERSION);
    expect(show.schemaVersion).toBe(2);
    expect(show.tool).toStrictEqual({ name: "social-audit", version: "0.9.0" });
    expect(show.levels).toStrictEqual(LEVELS);
    expect(show.dimensions).toStrictEqual([describeDimension(custom), describeDimension(builtin)]);
    expect(show.dimensions.map((d) => d.id)).toEqual(["care", "listening"]);
    expect(RubricShowSchema.parse(show)).toStrictEqual(show);
  });

  it("shows no dimensions when none is chosen", () => {
    const { rubrics } = set();
    expect(rubricShow(rubrics, [], "0.9.0").dimensions).toEqual([]);
  });
});
