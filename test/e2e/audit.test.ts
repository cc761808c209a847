import { readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ReportSchema } from "../../src/core/report-schema.js";
import { example, fixture, runCli, tempDir } from "../helpers.js";

describe("social-audit audit", () => {
  it("prints a table for a plan and exits 0", async () => {
    const { code, stdout, stderr } = await runCli(["audit", "examples/bakery.yaml"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Social readiness: Crumb & Co Bakery");
    expect(stdout).toMatch(/Overall 9\.7\/100\s+Existing/);
    expect(stdout).toContain("Next steps (top 5 of");
    expect(stdout).toContain("Path to the next level");
    expect(stdout).not.toMatch(/\u001b\[/);
    expect(stderr).toBe("");
  });

  it("prints JSON that parses and matches the report schema", async () => {
    const { code, stdout } = await runCli(["audit", "examples/b2b-living.yaml", "--json"]);
    expect(code).toBe(0);
    const report = ReportSchema.parse((JSON.parse(stdout) as { reports: unknown[] }).reports[0]);
    expect(report.overall.level.id).toBe("living");
    expect(report.schemaVersion).toBe(2);
    expect(report.tool.name).toBe("social-audit");
    expect(report.dimensions[1]?.questions[0]?.location).toEqual({ line: 28, column: 19 });
  });

  it("places the four examples in four different levels", async () => {
    const levels = await Promise.all(
      ["bakery.yaml", "bike-shop.yaml", "accounting-firm.yaml", "b2b-living.yaml"].map(
        async (name) => {
          const { stdout } = await runCli([
            "audit",
            `examples/${name}`,
            "--format",
            "json",
            "--fail-under",
            "0",
          ]);
          return (JSON.parse(stdout) as { reports: { overall: { level: { id: string } } }[] })
            .reports[0]?.overall.level.id;
        },
      ),
    );
    expect(levels).toEqual(["existing", "emerging", "engaging", "living"]);
  });

  it("exits 1 below --fail-under and says which threshold failed on stderr", async () => {
    const { code, stdout, stderr } = await runCli([
      "audit",
      "examples/bakery.yaml",
      "--fail-under",
      "50",
      "--json",
    ]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).reports[0].thresholds.passed).toBe(false);
    expect(stderr).toContain("below threshold: overall 9.7 < 50.0");
  });

  it("checks per-dimension minimums with --min", async () => {
    const pass = await runCli(["audit", "examples/accounting-firm.yaml", "--min", "planning=80"]);
    expect(pass.code).toBe(0);
    const fail = await runCli([
      "audit",
      "examples/accounting-firm.yaml",
      "--min",
      "planning=80",
      "--min",
      "relationships=70",
    ]);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain("relationships 64.3 < 70.0");
    const unknown = await runCli([
      "audit",
      "examples/accounting-firm.yaml",
      "--min",
      "presense=70",
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--min names unknown dimension "presense"');
  });

  it("applies a plan's own thresholds (bike shop requires 50 overall)", async () => {
    const { code, stderr } = await runCli(["audit", "examples/bike-shop.yaml"]);
    expect(code).toBe(1);
    expect(stderr).toContain("overall 42.1 < 50.0");
  });

  it("exits 2 with file:line:column and a suggestion for an invalid plan, without a stack trace", async () => {
    const { code, stdout, stderr } = await runCli([
      "audit",
      "test/fixtures/plans/wrong-types.yaml",
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(
      "test/fixtures/plans/wrong-types.yaml:4:20: answers.presence.response-time: must be a number of hours from 0 to 720",
    );
    expect(stderr).toContain('did you mean "logo-only"?');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("reads a plan from stdin with -", async () => {
    const { code, stdout } = await runCli(["audit", "-", "--json"], {
      stdin: readFileSync(example("bakery.yaml"), "utf8"),
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).reports[0].source.plan).toBeNull();
  });

  it("audits several plans with a summary, and fails if any is below a threshold", async () => {
    const { code, stdout } = await runCli([
      "audit",
      "examples/bakery.yaml",
      "examples/b2b-living.yaml",
      "--json",
      "--fail-under",
      "40",
    ]);
    expect(code).toBe(1);
    const batch = JSON.parse(stdout);
    expect(batch.summary).toMatchObject({ plans: 2, passed: 1, failed: 1 });
    expect(batch.reports).toHaveLength(2);
    const table = await runCli(["audit", "examples/bakery.yaml", "examples/b2b-living.yaml"]);
    expect(table.stdout).toContain("Summary: 2 plans, 2 passed, 0 below a threshold");
  });

  it("still reports the good plans when one of several is invalid, and exits 2", async () => {
    const { code, stdout, stderr } = await runCli([
      "audit",
      "examples/bakery.yaml",
      "test/fixtures/plans/unknown-ids.yaml",
      "--json",
    ]);
    expect(code).toBe(2);
    // The invalid plan is in the output too, not only on stderr.
    expect(JSON.parse(stdout).summary).toMatchObject({ plans: 2, audited: 1, invalid: 1 });
    expect(JSON.parse(stdout).errors[0]).toMatchObject({
      file: "test/fixtures/plans/unknown-ids.yaml",
    });
    expect(stderr).toContain('unknown dimension "presense"');
  });

  it("treats unanswered questions as errors with --strict", async () => {
    const { code, stderr } = await runCli([
      "audit",
      "test/fixtures/plans/partial.yaml",
      "--strict",
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("unanswered (--strict requires every scored question)");
    const lenient = await runCli(["audit", "test/fixtures/plans/partial.yaml"]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain("Unanswered (");
  });

  it("writes --output atomically and refuses to overwrite without --force", async () => {
    const dir = tempDir();
    const out = join(dir, "report.json");
    const first = await runCli(["audit", "examples/bakery.yaml", "--json", "-o", out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).reports[0].organization).toBe("Crumb & Co Bakery");
    writeFileSync(out, "precious");
    const second = await runCli(["audit", "examples/bakery.yaml", "--json", "-o", out]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("already exists; refusing to overwrite it");
    expect(readFileSync(out, "utf8")).toBe("precious");
    const forced = await runCli(["audit", "examples/bakery.yaml", "--json", "-o", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("Crumb & Co Bakery");
  });

  it("limits the table to --top recommendations", async () => {
    const { stdout } = await runCli(["audit", "examples/bakery.yaml", "--top", "2"]);
    expect(stdout).toContain("Next steps (top 2 of");
    const bad = await runCli(["audit", "examples/bakery.yaml", "--top", "many"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--top takes a whole number");
  });

  it("uses ./social-plan.yaml when no plan is given, and says so", async () => {
    const dir = tempDir();
    copyFileSync(example("bakery.yaml"), join(dir, "social-plan.yaml"));
    const found = await runCli(["audit", "--json"], { cwd: dir });
    expect(found.code).toBe(0);
    expect(found.stderr).toContain("using social-plan.yaml");
    const hidden = tempDir();
    copyFileSync(example("bakery.yaml"), join(hidden, ".social-plan.yaml"));
    const dotted = await runCli(["audit", "--json"], { cwd: hidden });
    expect(dotted.code).toBe(0);
    expect(dotted.stderr).toContain("using .social-plan.yaml");
    const missing = await runCli(["audit"], { cwd: tempDir() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no plan file given");
  });

  it("colours only when asked: FORCE_COLOR on, NO_COLOR and --no-color off", async () => {
    const forced = await runCli(["audit", "examples/bakery.yaml"], {
      env: { FORCE_COLOR: "1", NO_COLOR: "" },
    });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const off = await runCli(["audit", "examples/bakery.yaml", "--no-color"], {
      env: { FORCE_COLOR: "1", NO_COLOR: "" },
    });
    expect(off.stdout).not.toMatch(/\u001b\[/);
  });

  it("exits 2 on usage errors: unknown option, bad format, missing file", async () => {
    const option = await runCli(["audit", "examples/bakery.yaml", "--fial-under", "3"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/unknown option '--fial-under'[\s\S]*--fail-under/);
    // Where to look next, named as the user ran the CLI (here by path).
    expect(option.stderr).toContain(
      "  hint: `node bin/social-audit.js audit --help` lists the options and examples.",
    );
    const format = await runCli(["audit", "examples/bakery.yaml", "--format", "pdf"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("Allowed choices are");
    const missing = await runCli(["audit", "nope.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.yaml: no such file");
    const threshold = await runCli(["audit", "examples/bakery.yaml", "--fail-under", "120"]);
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toContain('--fail-under takes a score from 0 to 100, got "120"');
  });
});

describe("social-audit rubrics", () => {
  it("show --json prints ids, kinds and allowed values for tools", async () => {
    const { code, stdout } = await runCli(["rubrics", "show", "--json"]);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.dimensions.map((d: { id: string }) => d.id)).toEqual([
      "planning",
      "presence",
      "commitment",
      "relationships",
    ]);
    const responseTime = data.dimensions[1].questions.find(
      (q: { id: string }) => q.id === "response-time",
    );
    expect(responseTime).toMatchObject({
      kind: "number",
      allowed: { type: "number", unit: "hours", min: 0, max: 720 },
    });
  });

  it("show ID prints one dimension for people, and suggests on a typo", async () => {
    const ok = await runCli(["rubrics", "show", "presence"]);
    expect(ok.stdout).toContain("response-time [number, weight 2]");
    const typo = await runCli(["rubrics", "show", "presnce"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "presence"?');
  });

  it("show marks what a rubric author set beyond the answers: critical, evidence, profile, n/a", async () => {
    const { code, stdout } = await runCli(["rubrics", "show", "commitment"]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    const line = (start: string) => lines.find((l) => l.trimStart().startsWith(start)) ?? "";
    expect(line("one-person (0)")).toMatch(/\[critical: caps at emerging\]$/);
    expect(line("handover-ready (1)")).toMatch(/\[needs evidence\]$/);
    expect(line("true (1)")).toBe("      true (1) [needs evidence], false (0)");
    expect(stdout).toContain("bands scale with size: solo x0.25, micro x0.5, medium x2, large x4");
    const reassigned = lines.findIndex((l) => l.startsWith("  work-reassigned "));
    expect(lines.slice(reassigned + 2, reassigned + 4)).toEqual([
      "    asked only when the profile says: size micro, small, medium, large",
      expect.stringMatching(/^ {4}may be n\/a: /),
    ]);
  });

  it("validate reports every problem in every file and exits 2", async () => {
    const { code, stdout, stderr } = await runCli([
      "rubrics",
      "validate",
      fixture("rubrics", "bad"),
    ]);
    expect(code).toBe(2);
    expect(stdout).toMatch(
      /duplicate-ids\.yaml:15:9: questions\[1\]\.id: duplicate question id "same"/,
    );
    expect(stdout).toContain('unknown field "wieght" (did you mean "weight"?)');
    expect(stderr).toMatch(/6 files checked: \d+ errors/);
    const good = await runCli(["rubrics", "validate", "rubrics"]);
    expect(good.code).toBe(0);
    expect(good.stderr).toContain("5 files checked: 0 errors, 0 warnings");
  });
});

describe("social-audit", () => {
  it("prints help with examples and the version", async () => {
    const help = await runCli(["audit", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toContain("Exit codes: 0 passed, 1 below a threshold");
    const bare = await runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("Usage: social-audit");
    const version = await runCli(["--version"]);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

// process.stdin opens a handle when first read (and puts a terminal in a raw-capable mode), so
// an audit that reads no `-` must never touch it. A preload records whether anything did.
describe("an audit of plan files leaves stdin alone", () => {
  const watchStdin = () => {
    const hook = join(tempDir(), "watch-stdin.cjs");
    writeFileSync(
      hook,
      `const get = Object.getOwnPropertyDescriptor(process, "stdin").get;
let touched = false;
Object.defineProperty(process, "stdin", { configurable: true, get() { touched = true; return get.call(process); } });
process.on("exit", () => process.stderr.write("stdin touched: " + touched + "\\n"));
`,
    );
    return { NODE_OPTIONS: `--require ${hook}` };
  };

  it.each([["json"], ["table"]])("in %s", async (format) => {
    const result = await runCli(["audit", example("bakery.yaml"), "--format", format], {
      env: watchStdin(),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("stdin touched: false");
  });

  it("but `-` reads it", async () => {
    const result = await runCli(["audit", "-", "--format", "json"], {
      stdin: readFileSync(example("bakery.yaml"), "utf8"),
      env: watchStdin(),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("stdin touched: true");
  });
});
