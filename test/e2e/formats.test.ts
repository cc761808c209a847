import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import AjvDraft04Module from "ajv-draft-04";
import { XMLParser } from "fast-xml-parser";
import { SyntaxValidator } from "fast-xml-validator";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers.js";

const require = createRequire(import.meta.url);

describe("report formats", () => {
  it("markdown is a complete report (snapshot)", async () => {
    const { code, stdout } = await runCli([
      "audit",
      "examples/bike-shop.yaml",
      "--format",
      "markdown",
      "--fail-under",
      "0",
    ]);
    expect(code).toBe(0);
    for (const heading of [
      "# Social readiness: Spoke & Chain Cycles",
      "## Next steps",
      "## Dimensions",
      "### Presence: 58.2 (Engaging)",
      "## Notes",
      "## Thresholds",
    ]) {
      expect(stdout).toContain(heading);
    }
    expect(stdout).toContain("- **Existing:**");
    await expect(stdout).toMatchFileSnapshot("__snapshots__/bike-shop.md");
  });

  it("junit is well-formed XML with a test case per dimension and a failure per failed threshold", async () => {
    const { code, stdout } = await runCli([
      "audit",
      "examples/bike-shop.yaml",
      "--format",
      "junit",
      "--min",
      "presence=60",
    ]);
    expect(code).toBe(1);
    expect(SyntaxValidator.validate(stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(stdout);
    const suite = xml.testsuites.testsuite;
    // One suite per plan, named by its file (issue 13); the organization is a property.
    expect(suite.name).toBe("examples/bike-shop.yaml");
    expect(suite.properties.property[0]).toEqual({
      name: "organization",
      value: "Spoke & Chain Cycles",
    });
    expect(suite.testcase.map((c: { name: string }) => c.name)).toEqual([
      "overall",
      "planning",
      "presence",
      "commitment",
      "relationships",
    ]);
    expect(suite.failures).toBe("2");
    expect(suite.testcase[2].failure.message).toContain("presence at least 60.0, but scored 58.2");
  });

  it("sarif validates against the published SARIF 2.1.0 schema and points at plan lines", async () => {
    const { stdout } = await runCli(["audit", "examples/bike-shop.yaml", "--format", "sarif"]);
    const sarif = JSON.parse(stdout);
    const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
    // The published SARIF 2.1.0 schema is written in JSON Schema draft-04.
    // Its patterns predate ECMAScript's unicode regex mode, hence unicodeRegExp: false.
    const ajv = new AjvDraft04Module.default({
      strict: false,
      allErrors: true,
      validateFormats: false,
      unicodeRegExp: false,
    });
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = sarif.runs[0].results;
    const named = results.find((r: { ruleId: string }) => r.ruleId === "presence/named-people");
    expect(named.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "examples/bike-shop.yaml" },
      region: { startLine: 29, startColumn: 19 },
    });
    // The bike shop misses its overall threshold and has one critical answer (only one
    // person can get into its accounts): both are errors.
    expect(
      results
        .filter((r: { level: string }) => r.level === "error")
        .map((r: { ruleId: string }) => r.ruleId)
        .sort(),
    ).toEqual(["commitment/account-access", "threshold/overall"]);

    // A plan with claims given without evidence: a note each, at its line, still valid.
    const b2b = JSON.parse(
      (await runCli(["audit", "examples/b2b-living.yaml", "--format", "sarif"])).stdout,
    );
    expect(validate(b2b), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const notes = b2b.runs[0].results.filter((r: { level: string }) => r.level === "note");
    expect(
      notes.map(
        (r: {
          ruleId: string;
          locations: { physicalLocation: { region: { startLine: number } } }[];
        }) => [r.ruleId, r.locations[0]?.physicalLocation.region.startLine],
      ),
    ).toEqual([
      ["evidence/planning/crisis-plan", 24],
      ["evidence/commitment/written-plan", 39],
      ["evidence/commitment/account-access", 42],
    ]);
  });

  it("github prints workflow annotations at plan lines, escaped", async () => {
    const { stdout } = await runCli([
      "audit",
      "examples/bike-shop.yaml",
      "--format",
      "github",
      "--top",
      "40",
    ]);
    const lines = stdout.trim().split("\n");
    expect(lines).toContain(
      lines.find((l) =>
        l.startsWith(
          "::warning file=examples/bike-shop.yaml,line=29,col=19,title=Presence%3A Put named people in front::",
        ),
      ),
    );
    expect(
      lines.some((l) =>
        l.startsWith("::error file=examples/bike-shop.yaml,line=1,title=social-audit threshold::"),
      ),
    ).toBe(true);
    expect(lines.at(-1)).toMatch(
      /^::notice title=social-audit%3A Spoke & Chain Cycles::Overall 42\.1\/100/,
    );
    expect(lines.every((l) => l.startsWith("::"))).toBe(true);
  });

  it("jsonl prints one parseable report per line for many plans", async () => {
    const { stdout } = await runCli([
      "audit",
      "examples/bakery.yaml",
      "examples/bike-shop.yaml",
      "examples/b2b-living.yaml",
      "--format",
      "jsonl",
      "--fail-under",
      "0",
    ]);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => JSON.parse(l).organization)).toEqual([
      "Crumb & Co Bakery",
      "Spoke & Chain Cycles",
      "Northwind Logistics Software",
    ]);
  });

  it("html is one self-contained document with escaped text and no external references", async () => {
    const { stdout } = await runCli(["audit", "examples/bike-shop.yaml", "--format", "html"]);
    expect(stdout).toMatch(/^<!doctype html>/);
    expect(stdout).toContain("Spoke &amp; Chain Cycles");
    expect(stdout).toContain('<svg class="radar"');
    expect(stdout).not.toMatch(/<script|<link |src="http|href="http|url\(/i);
  });

  it("ships schemas identical to what the code generates", async () => {
    for (const name of ["plan", "report", "rubric", "levels"]) {
      const { stdout } = await runCli(["schema", name]);
      expect(JSON.parse(stdout), name).toEqual(
        JSON.parse(readFileSync(`${ROOT}/schemas/${name}.schema.json`, "utf8")),
      );
    }
  });
});
