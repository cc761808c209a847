import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { withFormats } from "../helpers.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "../helpers.js";

describe("social-audit compare", () => {
  it("compares two plan files and two JSON reports alike", async () => {
    const dir = tempDir();
    const before = join(dir, "before.json");
    const after = join(dir, "after.json");
    await runCli([
      "audit",
      "examples/progress/bike-shop-march.yaml",
      "--json",
      "-o",
      before,
      "--fail-under",
      "0",
    ]);
    await runCli(["audit", "examples/bike-shop.yaml", "--json", "-o", after, "--fail-under", "0"]);
    const fromReports = await runCli(["compare", before, after, "--json"]);
    const fromPlans = await runCli([
      "compare",
      "examples/progress/bike-shop-march.yaml",
      "examples/bike-shop.yaml",
      "--json",
    ]);
    expect(fromReports.code).toBe(0);
    const a = JSON.parse(fromReports.stdout);
    const b = JSON.parse(fromPlans.stdout);
    expect(a.overall).toEqual(b.overall);
    expect(a.overall.delta).toBe(9.9);
    const markdown = await runCli(["compare", before, after, "--format", "markdown"]);
    expect(markdown.stdout).toContain("| **Overall** | 32.2 | 42.1 | +9.9 | Emerging |");
    expect(markdown.stdout).toContain("## Improved");
  });

  it("refuses something that is neither a report nor a plan", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "x.json"), '{"hello": 1}');
    const { code, stderr } = await runCli([
      "compare",
      join(dir, "x.json"),
      "examples/bike-shop.yaml",
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("is not a social-audit report of schema version 2");
  });
});

describe("audit --baseline --fail-on-regression", () => {
  it("exits 1 naming what dropped, and 0 when nothing did", async () => {
    const dir = tempDir();
    const baseline = join(dir, "baseline.json");
    await runCli([
      "audit",
      "examples/bike-shop.yaml",
      "--json",
      "-o",
      baseline,
      "--fail-under",
      "0",
    ]);
    const same = await runCli([
      "audit",
      "examples/bike-shop.yaml",
      "--baseline",
      baseline,
      "--fail-on-regression",
      "--fail-under",
      "0",
    ]);
    expect(same.code).toBe(0);
    expect(same.stderr).not.toContain("check it is the baseline you meant");
    // Another organisation's report still gates, but is said.
    const stranger = await runCli([
      "audit",
      "examples/bakery.yaml",
      "--baseline",
      baseline,
      "--fail-on-regression",
      "--no-plan-thresholds",
    ]);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain(
      `warning: is a report of "Spoke & Chain Cycles", compared with "Crumb & Co Bakery"; check it is the baseline you meant`,
    );
    const worse = await runCli([
      "audit",
      "examples/progress/bike-shop-march.yaml",
      "--baseline",
      baseline,
      "--fail-on-regression",
      "--fail-under",
      "0",
    ]);
    expect(worse.code).toBe(1);
    expect(worse.stderr).toContain(
      "overall 32.2 < 42.1 (baseline), planning 31.1 < 34.7 (baseline), presence 43.4 < 58.2 (baseline)",
    );
    const alone = await runCli(["audit", "examples/bike-shop.yaml", "--fail-on-regression"]);
    expect(alone.code).toBe(2);
  });
});

describe("social-audit init", () => {
  it("writes a template with every question that audits as-is and validates against the plan schema", async () => {
    const dir = tempDir();
    const { code, stderr } = await runCli(["init", "--organization", "Acme Ltd"], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toContain("wrote social-plan.yaml with 39 questions in 4 dimensions");
    const text = readFileSync(join(dir, "social-plan.yaml"), "utf8");
    // The package is not in this folder's tree, so any schema path would name this machine's folders.
    expect(text).not.toMatch(/^# yaml-language-server/m);
    expect(text).toContain("social-audit schema plan > plan.schema.json");
    const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "plan.schema.json"), "utf8"));
    const data = parse(text);
    expect(Object.keys(data.answers.presence)).toContain("response-time");
    expect(text).toContain("# Answer: a number of hours from 0 to 720");
    const validate = withFormats(new Ajv2020({ strict: false })).compile(schema);
    expect(validate(data)).toBe(true);
    const audit = await runCli(["audit", "social-plan.yaml", "--json"], { cwd: dir });
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.stdout).reports[0].unanswered).toHaveLength(37);
    const again = await runCli(["init"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists; refusing to overwrite it");
  });

  it("takes the file as audit takes its output, -o, and refuses two different files", async () => {
    const dir = tempDir();
    const short = await runCli(["init", "-o", "acme.yaml"], { cwd: dir });
    expect(short.code).toBe(0);
    expect(short.stderr).toContain("wrote acme.yaml");
    expect(parse(readFileSync(join(dir, "acme.yaml"), "utf8")).organization).toBe(
      "Your organisation",
    );
    const same = await runCli(["init", "acme.yaml", "--output", "acme.yaml", "--force"], {
      cwd: dir,
    });
    expect(same.code).toBe(0);
    const two = await runCli(["init", "a.yaml", "-o", "b.yaml"], { cwd: dir });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("init was given two files to write: a.yaml and --output b.yaml");
    expect(existsSync(join(dir, "a.yaml")) || existsSync(join(dir, "b.yaml"))).toBe(false);
  });

  it("interview takes -o for its plan file too", async () => {
    // Without a terminal it refuses to prompt; what matters is that -o is an option it knows.
    const { code, stderr } = await runCli(["interview", "-o", "acme.yaml"], {
      env: { CI: "true" },
    });
    expect(code).toBe(2);
    expect(stderr).not.toContain("unknown option");
  });

  it("writes a schema line relative to the plan when the plan is inside the package's tree", async () => {
    const dir = mkdtempSync(join(ROOT, "test", "fixtures", ".init-"));
    try {
      const { code } = await runCli(["init", join(dir, "plan.yaml")]);
      expect(code).toBe(0);
      const text = readFileSync(join(dir, "plan.yaml"), "utf8");
      expect(text.split("\n")[0]).toBe(
        "# yaml-language-server: $schema=../../../schemas/plan.schema.json",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the plan schema accepts every example and rejects a wrong answer", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "plan.schema.json"), "utf8"));
    const validate = withFormats(new Ajv2020({ strict: false })).compile(schema);
    for (const name of ["bakery", "bike-shop", "accounting-firm", "b2b-living"]) {
      expect(
        validate(parse(readFileSync(join(ROOT, "examples", `${name}.yaml`), "utf8"))),
        name,
      ).toBe(true);
    }
    expect(
      validate({ organization: "x", answers: { presence: { "response-time": "fast" } } }),
    ).toBe(false);
  });

  it("the report schema accepts a real report", async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "report.schema.json"), "utf8"));
    const { stdout } = await runCli(["audit", "examples/bakery.yaml", "--json"]);
    expect(withFormats(new Ajv2020({ strict: false })).compile(schema)(JSON.parse(stdout))).toBe(
      true,
    );
  });
});
