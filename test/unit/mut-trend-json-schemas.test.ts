import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { SCHEMA_NAMES, jsonSchema, type SchemaName } from "../../src/core/json-schemas.js";
import { withFormats } from "../helpers.js";
import { choice, rubric, rubricSet, text } from "./builders.js";

/*
 * The published JSON Schemas on a hand-made rubric: a plan's editor accepts "n/a" exactly
 * where the rubric allows it and checks the answer inside { answer, evidence }; what the tool
 * writes is described with no room for fields it never writes.
 */

const rubrics = rubricSet(
  rubric("d", [
    { ...choice("optional", 1), notApplicable: "Only for organisations with a shop." },
    choice("required", 1),
    text("notes"),
  ]),
);
const ajv = withFormats(new Ajv2020({ strict: false, allErrors: true }));
// Built inside each test, so a mutation run knows which tests reach the schema's code.
const valid = (answers: Record<string, unknown>) =>
  ajv.compile(jsonSchema("plan", rubrics))({ organization: "Acme", answers: { d: answers } });

describe("the plan schema for the loaded rubrics", () => {
  it.each([
    [{ optional: "n/a" }, true],
    [{ optional: "all" }, true],
    [{ required: "n/a" }, false],
    [{ required: "some" }, true],
    [{ notes: "n/a" }, true],
    [{ optional: { answer: "n/a", evidence: "Why not." } }, true],
    [{ required: { answer: "n/a", evidence: "Why not." } }, false],
    [{ required: { answer: "all", evidence: "report.pdf", asOf: "2026-01-01" } }, true],
    [{ required: { answer: "most", evidence: "report.pdf" } }, false],
    [{ required: { answer: 1 } }, false],
  ])("%j is %s", (answers, ok) => {
    expect(valid(answers)).toBe(ok);
  });
});

describe("the schemas of what the tool writes", () => {
  const written: SchemaName[] = [
    "report",
    "report-line",
    "compare",
    "rubrics-list",
    "rubrics-show",
    "trend",
    "portfolio",
  ];

  it("are every name but the three files a person writes", () => {
    expect(SCHEMA_NAMES.filter((n) => !written.includes(n))).toEqual(["plan", "rubric", "levels"]);
  });

  // Each line of --format jsonl is one of two objects; each other output is one object.
  const objectsOf = (schema: Record<string, unknown>) =>
    (schema.oneOf ?? schema.anyOf ?? [schema]) as Record<string, unknown>[];

  it.each(written)("%s allows no field the tool does not write", (name) => {
    const objects = objectsOf(jsonSchema(name, rubrics));
    expect(objects).toHaveLength(name === "report-line" ? 2 : 1);
    for (const object of objects) {
      expect(object.type).toBe("object");
      expect(object.additionalProperties).toBe(false);
    }
  });

  it("a trend with an unknown top-level field is refused", () => {
    const validate = ajv.compile(jsonSchema("trend", rubrics));
    const trend = {
      schemaVersion: 1,
      organization: "Acme",
      audits: [
        {
          date: null,
          source: null,
          organization: "Acme",
          overall: { score: 10, level: { id: "existing", label: "Existing" } },
          recommendations: 0,
        },
      ],
      overall: { scores: [10], change: 0 },
      dimensions: [],
      levelChanges: [],
      steps: [],
      warnings: [],
    };
    expect(validate(trend)).toBe(true);
    expect(validate({ ...trend, extra: true })).toBe(false);
  });
});
