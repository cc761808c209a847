import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { withFormats } from "../helpers.js";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "../helpers.js";

const TREND = [
  "examples/trend/2026-11-third-audit.yaml",
  "examples/trend/2025-11-first-audit.yaml",
  "examples/trend/2026-05-second-audit.yaml",
];
const schema = (name: string) =>
  withFormats(new Ajv2020({ strict: false })).compile(
    JSON.parse(readFileSync(join(ROOT, "schemas", `${name}.schema.json`), "utf8")) as object,
  );
const csvRows = (text: string) => parse<Record<string, string>>(text, { columns: true });

describe("trend", () => {
  it("table: in date order, with sparklines, level changes and recommendations, within the width", async () => {
    const { code, stdout, stderr } = await runCli(["trend", ...TREND, "--width", "72"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Trend: Harbour Lane Physiotherapy, 3 audits, 2025-11-14 to 2026-11-12",
    );
    expect(stdout).toMatch(/Overall\s+5\.9\s+79\.1\s+\+73\.2\s+[▁▂▃▄▅▆▇█]{3}\s+Existing -> Living/);
    expect(stdout).toContain("Overall: Existing -> Engaging (up)");
    expect(stdout).toContain("Overall: Engaging -> Living (up)");
    expect(stdout).toMatch(/resolved commitment: Write the plan down/);
    expect(stdout).toMatch(/raised\s+planning: /);
    for (const line of stdout.split("\n"))
      expect(Array.from(new Intl.Segmenter().segment(line)).length).toBeLessThanOrEqual(72);
  });

  it("fits 80 columns when the width is unknown", async () => {
    const { stdout } = await runCli(["trend", ...TREND]);
    for (const line of stdout.split("\n"))
      expect(Array.from(new Intl.Segmenter().segment(line)).length).toBeLessThanOrEqual(80);
  });

  it("json: the series, valid against the published schema, from reports and plans alike", async () => {
    const dir = tempDir();
    const report = join(dir, "first.json");
    await runCli(["audit", TREND[1] ?? "", "--json", "-o", report]);
    const { code, stdout } = await runCli([
      "trend",
      report,
      TREND[0] ?? "",
      TREND[2] ?? "",
      "--json",
    ]);
    expect(code).toBe(0);
    const trend = JSON.parse(stdout) as { overall: { scores: number[] }; schemaVersion: number };
    expect(schema("trend")(trend)).toBe(true);
    expect(trend.schemaVersion).toBe(1);
    expect(trend.overall.scores).toEqual([5.9, 51.3, 79.1]);
  });

  it("html: a self-contained page with the report's CSP and a line chart", async () => {
    const { code, stdout } = await runCli(["trend", ...TREND, "--format", "html"]);
    expect(code).toBe(0);
    expect(stdout).toContain("default-src 'none'");
    expect(stdout).toContain("@media print");
    expect(stdout).toContain('<svg class="trend"');
    expect(stdout).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it("exits 2 without audits, or on a file that is neither report nor plan", async () => {
    expect((await runCli(["trend"])).code).toBe(2);
    const dir = tempDir();
    writeFileSync(join(dir, "bad.json"), "{ nope");
    const bad = await runCli(["trend", join(dir, "bad.json")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("is not valid JSON");
  });
});

describe("portfolio", () => {
  const inputs = ["examples/bakery.yaml", "examples/accounting-firm.yaml", ...TREND];

  it("table: one row per organisation, change for the re-audited one, and the common gaps", async () => {
    const { code, stdout } = await runCli(["portfolio", ...inputs, "--sort", "name"]);
    expect(code).toBe(0);
    expect(stdout).toContain("3 organisations (5 audits)");
    const order = ["Crumb & Co Bakery", "Harbour Lane Accountants", "Harbour Lane Physiotherapy"];
    const at = order.map((n) => stdout.indexOf(n));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(stdout).toMatch(/Harbour Lane Physiotherapy\s+│\s+79\.1.*\+27\.8/);
    expect(stdout).toContain("Most common gaps");
  });

  it("json is valid against its schema; csv parses; markdown and html render", async () => {
    const json = await runCli(["portfolio", ...inputs, "--json", "--sort", "change"]);
    const data = JSON.parse(json.stdout) as { rows: { organization: string }[] };
    expect(schema("portfolio")(data)).toBe(true);
    expect(data.rows[0]?.organization).toBe("Harbour Lane Physiotherapy");

    const csv = csvRows((await runCli(["portfolio", ...inputs, "--format", "csv"])).stdout);
    expect(csv).toHaveLength(3);
    expect(csv.find((r) => r.organization === "Harbour Lane Physiotherapy")?.change).toBe("27.8");

    const markdown = (await runCli(["portfolio", ...inputs, "--format", "markdown"])).stdout;
    expect(markdown).toMatch(/^\| Organisation \| Overall \|/m);
    const html = (await runCli(["portfolio", ...inputs, "--format", "html"])).stdout;
    expect(html).toContain('<table data-testid="portfolio">');
    expect(html).toContain("default-src 'none'");
  });

  it("reports a bad file, keeps the others, and exits 2", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.yaml"), "organization: [\n");
    const { code, stdout, stderr } = await runCli(["portfolio", ...inputs, join(dir, "bad.yaml")]);
    expect(code).toBe(2);
    expect(stderr).toContain("bad.yaml");
    expect(stdout).toContain("3 organisations");
    expect(stdout).toMatch(
      /1 file could not be read\n[\s\S]*Could not be read \(1\):\n {2}\S*bad\.yaml: line \d+/,
    );
  });

  it("a bad file is in every format, not only on stderr", async () => {
    const dir = tempDir();
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "organization: [\n");
    const run = async (...args: string[]) => {
      const { code, stdout } = await runCli(["portfolio", ...inputs, bad, ...args]);
      expect(code).toBe(2);
      return stdout;
    };
    const data = JSON.parse(await run("--json")) as {
      summary: { invalid: number };
      errors: { file: string; line: number | null }[];
    };
    expect(schema("portfolio")(data)).toBe(true);
    expect(data.summary.invalid).toBe(1);
    expect(data.errors).toEqual([expect.objectContaining({ file: bad, line: expect.any(Number) })]);
    const csv = csvRows(await run("--format", "csv"));
    expect(csv.filter((r) => r.plan === bad && r.error?.startsWith("line "))).toHaveLength(1);
    expect(await run("--format", "markdown")).toContain(
      `## Files that could not be read\n\n- \`${bad}\`: line `,
    );
    expect(await run("--format", "html")).toMatch(
      /<ul data-testid="portfolio-errors"><li><code>[^<]*bad\.yaml<\/code>: line \d+/,
    );
  });
});

describe("trend and portfolio share their usage checks", () => {
  it.each(["trend", "portfolio"])(
    "%s: no inputs, or --json with another --format, is exit 2 with a hint",
    async (view) => {
      const none = await runCli([view]);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain(`${view} needs the audits`);
      // Named as the user ran it (here by path), so the hint can be pasted back.
      expect(none.stderr).toContain(`hint: For example: node bin/social-audit.js ${view} `);
      const both = await runCli([view, TREND[0] ?? "", "--json", "--format", "html"]);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain("--json and --format html contradict each other");
      expect(both.stdout).toBe("");
    },
  );
});

describe("audit --format csv", () => {
  it("one row per plan and dimension, or per question", async () => {
    const dims = await runCli([
      "audit",
      "examples/bakery.yaml",
      "examples/bike-shop.yaml",
      "--format",
      "csv",
      "--no-plan-thresholds",
    ]);
    expect(dims.code).toBe(0);
    const parsed = csvRows(dims.stdout);
    expect(parsed).toHaveLength(8);
    expect(parsed[0]).toMatchObject({ organization: "Crumb & Co Bakery", dimension: "planning" });
    const questions = await runCli([
      "audit",
      "examples/bakery.yaml",
      "--format",
      "csv",
      "--csv-rows",
      "questions",
    ]);
    const q = csvRows(questions.stdout);
    expect(q.length).toBeGreaterThan(20);
    expect(q[0]).toHaveProperty("evidence");
  });

  it("--csv-rows without --format csv is a usage error", async () => {
    const { code, stderr } = await runCli([
      "audit",
      "examples/bakery.yaml",
      "--csv-rows",
      "questions",
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("--csv-rows is used with --format csv");
  });
});

describe("schema", () => {
  it("prints the trend and portfolio schemas, matching the files shipped in schemas/", async () => {
    for (const name of ["trend", "portfolio"]) {
      const { code, stdout } = await runCli(["schema", name]);
      expect(code).toBe(0);
      expect(stdout).toBe(readFileSync(join(ROOT, "schemas", `${name}.schema.json`), "utf8"));
    }
  });
});

describe("examples/trend", () => {
  it("trend.html is what the trend command makes of the three audits", async () => {
    const { stdout } = await runCli(["trend", ...TREND, "--format", "html"]);
    expect(readFileSync(join(ROOT, "examples", "trend", "trend.html"), "utf8")).toBe(stdout);
  });
});
