import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { withFormats } from "../helpers.js";
import { describe, expect, it } from "vitest";
import { planError, summarizeAudit } from "../../src/core/envelope.js";
import { jsonRenderer } from "../../src/render/json.js";
import { jsonlRenderer } from "../../src/render/jsonl.js";
import { ROOT } from "../helpers.js";

const schema = (name: string) =>
  withFormats(new Ajv2020({ strict: true })).compile(
    JSON.parse(readFileSync(join(ROOT, "schemas", `${name}.schema.json`), "utf8")),
  );
const options = { color: false, top: 5, width: 80, toolVersion: "9.9.9" };

describe("the audit envelope", () => {
  it("with no plans at all is still the envelope, valid against the published schema", () => {
    const data: unknown = JSON.parse(jsonRenderer.batch([], options, []));
    expect(schema("report")(data)).toBe(true);
    expect(data).toStrictEqual({
      schemaVersion: 2,
      tool: { name: "social-audit", version: "9.9.9" },
      reports: [],
      errors: [],
      summary: {
        plans: 0,
        audited: 0,
        passed: 0,
        failed: 0,
        invalid: 0,
        averageOverall: 0,
        lowest: null,
      },
    });
  });

  it("counts invalid plans among the plans, not among the failed", () => {
    const error = planError("b.yaml", "b.yaml: is not valid YAML", []);
    expect(summarizeAudit([], [error])).toMatchObject({ plans: 1, invalid: 1, failed: 0 });
  });

  it("locates an error at its first located problem and says what is wrong there", () => {
    const error = planError("p.yaml", "p.yaml: invalid plan", [
      { message: "unlocated" },
      { line: 4, column: 20, path: "answers.presence.x", message: "expected a number" },
    ]);
    expect(error).toStrictEqual({
      file: "p.yaml",
      line: 4,
      column: 20,
      message: "answers.presence.x: expected a number",
      problems: [
        { line: null, column: null, path: null, message: "unlocated" },
        { line: 4, column: 20, path: "answers.presence.x", message: "expected a number" },
      ],
    });
    expect(planError("q.yaml", "q.yaml: not found", [])).toMatchObject({
      line: null,
      message: "q.yaml: not found",
    });
  });

  it("writes an error record as a jsonl line valid against the line schema", () => {
    const line = jsonlRenderer.streamError?.(planError("p.yaml", "bad", []), options) ?? "";
    expect(line.endsWith("\n")).toBe(true);
    const data: unknown = JSON.parse(line);
    expect(schema("report-line")(data)).toBe(true);
    expect(data).toMatchObject({ type: "error", file: "p.yaml" });
  });
});
