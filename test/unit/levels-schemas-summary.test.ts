import { Ajv2020 } from "ajv/dist/2020.js";
import { withFormats } from "../helpers.js";
import { describe, expect, it } from "vitest";
import { SCHEMA_NAMES, jsonSchema, planSchemaFor } from "../../src/core/json-schemas.js";
import type { Report } from "../../src/core/report-schema.js";
import {
  DimensionRubricSchema,
  LevelsFileSchema,
  levelFor,
  nextLevel,
  type RubricSet,
} from "../../src/core/rubric.js";
import { summarize } from "../../src/core/summary.js";

const levels = LevelsFileSchema.parse({
  levels: [
    { id: "existing", label: "Existing", from: 0, to: 25, summary: "s" },
    { id: "emerging", label: "Emerging", from: 25, to: 50, summary: "s" },
    { id: "engaging", label: "Engaging", from: 50, to: 75.5, summary: "s" },
    { id: "living", label: "Living", from: 75.5, to: 100, summary: "s" },
  ],
}).levels;

describe("levelFor", () => {
  // Each level covers from <= score < to; the last one also takes 100.
  it.each([
    [0, "existing"],
    [24.9, "existing"],
    [25, "emerging"],
    [49.9, "emerging"],
    [50, "engaging"],
    [75.4, "engaging"],
    [75.5, "living"],
    [99.9, "living"],
    [100, "living"],
  ])("scores %d as %s", (score, id) => {
    expect(levelFor(levels, score).id).toBe(id);
  });

  it("refuses an empty list of levels rather than invent one", () => {
    expect(() => levelFor([], 50)).toThrow("levels must not be empty");
  });
});

describe("nextLevel", () => {
  it.each([
    ["existing", "emerging"],
    ["emerging", "engaging"],
    ["engaging", "living"],
  ])("follows %s with %s", (current, next) => {
    const level = levels.find((l) => l.id === current);
    if (!level) throw new Error(current);
    expect(nextLevel(levels, level)?.id).toBe(next);
  });

  it("has nothing above the top level, or for a level not in the list", () => {
    const top = levels[levels.length - 1];
    if (!top) throw new Error("no levels");
    expect(nextLevel(levels, top)).toBeUndefined();
    expect(nextLevel(levels, { ...top, id: "elsewhere" })).toBeUndefined();
  });
});

const origin = { file: "test.yaml", builtin: false, hash: "h" };
const rubrics: RubricSet = {
  levels,
  levelsOrigin: origin,
  dimensions: [
    {
      origin,
      rubric: DimensionRubricSchema.parse({
        id: "presence",
        version: "1.0.0",
        title: "Presence",
        description: "Who is home.",
        existing: "e",
        living: "l",
        weight: 1,
        questions: [
          {
            id: "named-people",
            kind: "boolean",
            prompt: "Are accounts run by named people?",
            help: "People talk to people.",
            weight: 1,
            recommendation: { title: "Name them", detail: "Sign posts.", effort: "low" },
          },
          {
            id: "hours",
            kind: "number",
            prompt: "Hours to answer?",
            help: "Speed shows care.",
            weight: 1,
            unit: "hours",
            max: 48,
            bands: [{ from: 0, score: 1 }],
            recommendation: { title: "Answer", detail: "Faster.", effort: "medium" },
          },
          { id: "notes", kind: "text", prompt: "Notes?", help: "Anything else." },
        ],
      }),
    },
  ],
};

describe("JSON Schemas", () => {
  const ajv = withFormats(new Ajv2020({ strict: false, allErrors: true }));

  it("are generated for every name, titled, in draft 2020-12", () => {
    expect(SCHEMA_NAMES).toEqual([
      "plan",
      "report",
      "report-line",
      "compare",
      "rubric",
      "rubrics-list",
      "rubrics-show",
      "levels",
      "trend",
      "portfolio",
    ]);
    expect(SCHEMA_NAMES.map((name) => jsonSchema(name, rubrics).title)).toEqual([
      "social-audit plan file",
      "social-audit audit output (--format json)",
      "social-audit audit line (--format jsonl)",
      "social-audit comparison (compare --format json)",
      "social-audit rubric dimension",
      "social-audit rubrics list --json",
      "social-audit rubrics show --json",
      "social-audit maturity levels",
      "social-audit trend",
      "social-audit portfolio",
    ]);
    for (const name of SCHEMA_NAMES)
      expect(jsonSchema(name, rubrics).$schema).toBe(
        "https://json-schema.org/draft/2020-12/schema",
      );
  });

  it("let a plan's editor check each answer against its question", () => {
    const validate = ajv.compile(jsonSchema("plan", rubrics));
    const plan = (answers: unknown) => ({ organization: "Acme", answers });
    expect(validate(plan({ presence: { "named-people": true, hours: 3, notes: "n" } }))).toBe(true);
    // Open questions, empty dimensions and dimensions from --rubrics the editor cannot see.
    expect(validate(plan({ presence: { "named-people": null } }))).toBe(true);
    expect(validate(plan({ presence: null, custom: { anything: 1 } }))).toBe(true);
    // Input, not output: fields with defaults may be left out.
    expect(validate({ organization: "Acme" })).toBe(true);
    expect(validate(plan({ presence: { "named-people": "yes" } }))).toBe(false);
    expect(validate(plan({ presence: { hours: 49 } }))).toBe(false);
    expect(validate(plan({ presence: { "named-persons": true } }))).toBe(false);
    expect(validate({ answers: {} })).toBe(false);
  });

  it("describe every question with its prompt and help, and say which are not scored", () => {
    const schema = planSchemaFor(rubrics);
    const shape = schema.shape.answers.unwrap().shape;
    expect(shape.presence?.description).toBe("Presence: Who is home.");
    const json = jsonSchema("plan", rubrics) as {
      properties: { answers: { properties: Record<string, unknown> } };
    };
    const presence = JSON.stringify(json.properties.answers.properties.presence);
    expect(presence).toContain(
      JSON.stringify("Are accounts run by named people?\n\nPeople talk to people."),
    );
    expect(presence).toContain(JSON.stringify("Notes?\n\nAnything else.\n\n(Not scored.)"));
    expect(presence.match(/Not scored/g)).toHaveLength(1);
  });

  it("describe reports as they are written: every field present", () => {
    const schema = jsonSchema("report", rubrics) as {
      required: string[];
      properties: { reports: { items: { required: string[] } } };
    };
    expect(schema.required).toEqual(["schemaVersion", "tool", "reports", "errors", "summary"]);
    expect(schema.properties.reports.items.required).toEqual(
      expect.arrayContaining(["schemaVersion", "overall", "dimensions", "thresholds"]),
    );
  });

  it("check rubric and levels files", () => {
    const rubric = ajv.compile(jsonSchema("rubric", rubrics));
    const { dimensions } = rubrics;
    const source = dimensions[0]?.rubric;
    expect(rubric(source)).toBe(true);
    expect(rubric({ ...source, weight: "heavy" })).toBe(false);
    const levelsFile = ajv.compile(jsonSchema("levels", rubrics));
    expect(levelsFile({ levels })).toBe(true);
    expect(levelsFile({ levels: [{ id: "x" }] })).toBe(false);
  });
});

function report(organization: string, score: number, passed: boolean): Report {
  return {
    organization,
    overall: { score, level: { id: "l", label: "L" } },
    thresholds: { passed, checks: [] },
  } as Partial<Report> as Report;
}

describe("summarize", () => {
  it("has nothing to average or rank without reports", () => {
    expect(summarize([])).toStrictEqual({
      plans: 0,
      audited: 0,
      passed: 0,
      failed: 0,
      invalid: 0,
      averageOverall: 0,
      lowest: null,
    });
  });

  it("counts passes and failures, averages to one decimal and names the lowest", () => {
    expect(
      summarize([
        report("Bakery", 40.2, true),
        report("Bike shop", 12.5, false),
        report("Firm", 70, true),
      ]),
    ).toStrictEqual({
      plans: 3,
      audited: 3,
      passed: 2,
      failed: 1,
      invalid: 0,
      // (40.2 + 12.5 + 70) / 3 = 40.9
      averageOverall: 40.9,
      lowest: { organization: "Bike shop", score: 12.5 },
    });
  });

  it("names the first of two equally low organisations", () => {
    expect(
      summarize([report("A", 50, true), report("B", 10, false), report("C", 10, false)]).lowest,
    ).toStrictEqual({ organization: "B", score: 10 });
    expect(summarize([report("Only", 0, false)])).toMatchObject({
      averageOverall: 0,
      lowest: { organization: "Only", score: 0 },
    });
  });
});
