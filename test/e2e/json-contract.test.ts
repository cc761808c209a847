import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { withFormats } from "../helpers.js";
import { describe, expect, it } from "vitest";
import { ROOT, example, runCli, tempDir } from "../helpers.js";

/** Every JSON output is checked, strictly, against the schema published in schemas/. */
const ajv = withFormats(new Ajv2020({ strict: true, allErrors: true }));
const validator = (name: string) =>
  ajv.compile(JSON.parse(readFileSync(join(ROOT, "schemas", `${name}.schema.json`), "utf8")));
const validateReport = validator("report");
const validateLine = validator("report-line");
const validateCompare = validator("compare");
const validateList = validator("rubrics-list");
const validateShow = validator("rubrics-show");

function expectValid(validate: ReturnType<typeof validator>, data: unknown): void {
  const ok = validate(data);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(ok).toBe(true);
}

const EXAMPLES = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml"));
const BROKEN_YAML = "organization: Broken\nanswers:\n  presence:\n    x: [\n";
const WRONG_TYPE = "organization: Wrong\nanswers:\n  presence:\n    response-time: soon\n";

/** A folder with `valid` example plans (cycled) and `invalid` broken ones, spread among them. */
function plans(valid: number, invalid: number): { dir: string; files: string[] } {
  const dir = tempDir();
  const total = valid + invalid;
  const bad = new Set(
    Array.from({ length: invalid }, (_, k) => Math.floor(((k + 0.5) * total) / invalid)),
  );
  const files: string[] = [];
  for (let i = 0; i < total; i++) {
    const n = String(i).padStart(2, "0");
    const name = bad.has(i) ? `broken-${n}.yaml` : `plan-${n}.yaml`;
    if (bad.has(i)) writeFileSync(join(dir, name), i % 2 === 0 ? BROKEN_YAML : WRONG_TYPE);
    else copyFileSync(example(EXAMPLES[i % EXAMPLES.length] as string), join(dir, name));
    files.push(name);
  }
  return { dir, files };
}

interface Envelope {
  schemaVersion: number;
  reports: { organization: string; source: { plan: string | null } }[];
  errors: { file: string; line: number | null; column: number | null; message: string }[];
  summary: { plans: number; audited: number; invalid: number };
}

describe("audit --format json: one envelope whatever the number of plans", () => {
  it.each([
    [1, 0],
    [0, 1],
    [2, 0],
    [1, 1],
    [45, 5],
  ])(
    "%i valid and %i invalid plans validate against schemas/report.schema.json",
    async (valid, invalid) => {
      const { dir, files } = plans(valid, invalid);
      const { code, stdout, stderr } = await runCli(["audit", ...files, "--format", "json"], {
        cwd: dir,
      });
      const data = JSON.parse(stdout) as Envelope;
      expectValid(validateReport, data);
      expect(data.schemaVersion).toBe(2);
      expect(data.reports).toHaveLength(valid);
      expect(data.errors).toHaveLength(invalid);
      expect(data.summary).toMatchObject({ plans: valid + invalid, audited: valid, invalid });
      const broken = files.filter((f) => f.startsWith("broken"));
      expect(data.errors.map((e) => e.file)).toEqual(broken);
      for (const e of data.errors) {
        expect(e.line).toBeGreaterThan(0);
        expect(stderr).toContain(`${e.file}:${e.line}:`);
      }
      // Exit 2 wins over exit 1 (some examples fail their own thresholds).
      if (invalid > 0) expect(code).toBe(2);
      else expect([0, 1]).toContain(code);
    },
  );

  it("names a wrong answer's line and path in the error record", async () => {
    const { dir } = plans(0, 0);
    writeFileSync(join(dir, "wrong.yaml"), WRONG_TYPE);
    const { code, stdout } = await runCli(["audit", "wrong.yaml", "--json"], { cwd: dir });
    expect(code).toBe(2);
    const [error] = (JSON.parse(stdout) as Envelope).errors;
    expect(error).toMatchObject({ file: "wrong.yaml", line: 4 });
    expect(error?.message).toContain("answers.presence.response-time");
  });

  it("keeps the README's migration line working: .reports[0] is the single plan's report", async () => {
    const { stdout } = await runCli(["audit", "examples/bakery.yaml", "--json"]);
    const data = JSON.parse(stdout) as Envelope;
    expect(data.reports[0]?.source.plan).toBe("examples/bakery.yaml");
    expect(data.errors).toEqual([]);
  });
});

describe("audit --format jsonl: reports and error records, each with a type", () => {
  it.each([["1"], ["2"]])(
    "50 plans with 5 invalid, --jobs %s: every line validates, in plan order",
    async (jobs) => {
      const { dir, files } = plans(45, 5);
      const { code, stdout } = await runCli(
        ["audit", ...files, "--format", "jsonl", "--jobs", jobs],
        { cwd: dir },
      );
      expect(code).toBe(2);
      const lines = stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as { type: string; file?: string; source?: { plan: string } });
      for (const line of lines) expectValid(validateLine, line);
      expect(lines.map((l) => (l.type === "error" ? l.file : l.source?.plan))).toEqual(files);
      expect(lines.filter((l) => l.type === "error")).toHaveLength(5);
    },
  );
});

describe("compare and rubrics JSON: versioned, published schemas", () => {
  it("compare --format json uses {id,label} levels, source {plan} and 0-100 question scores", async () => {
    const { code, stdout } = await runCli([
      "compare",
      "examples/progress/bike-shop-march.yaml",
      "examples/bike-shop.yaml",
      "--json",
    ]);
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as {
      schemaVersion: number;
      before: { source: { plan: string } };
      overall: { levelBefore: { id: string; label: string } };
      improved: { before: number; after: number; delta: number }[];
    };
    expectValid(validateCompare, data);
    expect(data.schemaVersion).toBe(2);
    expect(data.before.source.plan).toBe("examples/progress/bike-shop-march.yaml");
    expect(data.overall.levelBefore).toEqual({
      id: expect.any(String) as string,
      label: expect.any(String) as string,
    });
    expect(data.improved.length).toBeGreaterThan(0);
    expect(data.improved.some((q) => q.after - q.before > 1)).toBe(true);
    for (const q of data.improved) expect(q.delta).toBeCloseTo(q.after - q.before, 1);
  });

  it("rubrics list --json and show --json validate, with and without an id", async () => {
    const list = await runCli(["rubrics", "list", "--json"]);
    expectValid(validateList, JSON.parse(list.stdout));
    const all = await runCli(["rubrics", "show", "--json"]);
    expectValid(validateShow, JSON.parse(all.stdout));
    const one = await runCli(["rubrics", "show", "presence", "--json"]);
    const data = JSON.parse(one.stdout) as { dimensions: { id: string }[] };
    expectValid(validateShow, data);
    expect(data.dimensions.map((d) => d.id)).toEqual(["presence"]);
  });

  it("schema NAME prints each published schema", async () => {
    for (const name of ["report", "report-line", "compare", "rubrics-list", "rubrics-show"]) {
      const { code, stdout } = await runCli(["schema", name]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual(
        JSON.parse(readFileSync(join(ROOT, "schemas", `${name}.schema.json`), "utf8")),
      );
    }
  });
});

describe("an invalid plan among several appears in every format", () => {
  it.each([
    ["table", /Could not be audited \(1\):\nbroken-01\.yaml:\d+:\d+: /],
    [
      "markdown",
      /## Plans that could not be audited\n\n- `broken-01\.yaml` line \d+, column \d+: /,
    ],
    [
      "junit",
      /errors="1"[\s\S]*<error message="broken-01\.yaml:\d+:\d+: [^"]*" type="invalid-plan">/,
    ],
    [
      "github",
      /^::error file=broken-01\.yaml,line=\d+,col=\d+,title=social-audit%3A invalid plan::/m,
    ],
    ["jsonl", /^\{"type":"error","schemaVersion":2,"file":"broken-01\.yaml","line":\d+/m],
    [
      "html",
      /3 plans, \d+ passed, \d+ below a threshold, 1 could not be audited;[\s\S]*<li><code>broken-01\.yaml<\/code>: could not be audited<ul><li>line \d+, column \d+: /,
    ],
    ["csv", /\r\n,,broken-01\.yaml,(,){10}"?line \d+, column \d+: [^\r]+\r\n$/],
  ])("%s", async (format, pattern) => {
    const { dir, files } = plans(2, 1);
    const { code, stdout } = await runCli(["audit", ...files, "--format", format], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toMatch(pattern);
  });

  it.each([
    [
      "markdown",
      /^# Social readiness audits\n\n1 plan, 0 passed, 0 below a threshold, 1 could not be audited\.\n/,
    ],
    ["html", /<p>1 plan, 0 passed, 0 below a threshold, 1 could not be audited\.<\/p>/],
    ["csv", /^organization,[^\r]*,error\r\n,,broken-01\.yaml,/],
  ])("%s shows a lone invalid plan too, with no average of nothing", async (format, pattern) => {
    const { dir, files } = plans(2, 1);
    const broken = files.filter((f) => f.startsWith("broken"));
    expect(broken).toHaveLength(1);
    const { code, stdout } = await runCli(["audit", ...broken, "--format", format], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toMatch(pattern);
    expect(stdout).not.toContain("average");
  });

  it("sarif: an error result at the plan's line", async () => {
    const { dir, files } = plans(2, 1);
    const { code, stdout } = await runCli(["audit", ...files, "--format", "sarif"], { cwd: dir });
    expect(code).toBe(2);
    const results = (
      JSON.parse(stdout) as {
        runs: {
          results: {
            ruleId: string;
            level: string;
            locations: {
              physicalLocation: {
                artifactLocation: { uri: string };
                region: { startLine: number };
              };
            }[];
          }[];
        }[];
      }
    ).runs.flatMap((r) => r.results);
    const invalid = results.filter((r) => r.ruleId === "invalid-plan");
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.level).toBe("error");
    expect(invalid[0]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: "broken-01.yaml" },
      region: expect.objectContaining({ startLine: 4 }) as unknown,
    });
  });
});

describe("Markdown fits a PR comment", () => {
  it("50 plans: summary table first, details collapsed within 60,000 characters, and says so", async () => {
    const { dir, files } = plans(48, 2);
    const { stdout } = await runCli(["audit", ...files, "--format", "markdown"], { cwd: dir });
    expect(stdout.length).toBeLessThanOrEqual(60_000);
    expect(stdout.indexOf("| Organization | Plan |")).toBeLessThan(stdout.indexOf("<details>"));
    expect(stdout).toContain("more than a pull-request comment holds");
    expect(stdout).toContain("## Plans that could not be audited");
    // Every plan is in the summary table.
    for (const f of files.filter((name) => name.startsWith("plan")))
      expect(stdout).toContain(`\`${f}\``);
  });

  it("a few plans stay in full, without <details>", async () => {
    const { dir, files } = plans(2, 0);
    const { stdout } = await runCli(["audit", ...files, "--format", "markdown"], { cwd: dir });
    expect(stdout).not.toContain("<details>");
    expect(stdout).toContain("### Dimensions");
  });
});
