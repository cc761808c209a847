import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { example, fixture, runCli, tempDir } from "../helpers.js";

interface Checks {
  thresholds: { passed: boolean; checks: { scope: string; source: string; passed: boolean }[] };
}

describe("gating apart from reporting", () => {
  it("--exit-zero reports a failing gate but exits 0", async () => {
    const plain = await runCli(["audit", example("bike-shop.yaml"), "--json"]);
    expect(plain.code).toBe(1);

    const { code, stdout, stderr } = await runCli([
      "audit",
      example("bike-shop.yaml"),
      "--json",
      "--exit-zero",
    ]);
    expect(code).toBe(0);
    const report = (JSON.parse(stdout) as { reports: Checks[] }).reports[0] as Checks;
    expect(report.thresholds.passed).toBe(false);
    expect(report.thresholds.checks).toEqual([
      expect.objectContaining({ scope: "overall", source: "plan", passed: false }),
    ]);
    expect(stderr).toContain("below threshold: overall 42.1 < 50.0");
  });

  it("--exit-zero also covers command-line gates and regressions", async () => {
    const dir = tempDir();
    const baseline = join(dir, "baseline.json");
    const high = await runCli(["audit", example("b2b-living.yaml"), "--json", "-o", baseline]);
    expect(high.code).toBe(0);
    const gates = await runCli([
      "audit",
      example("bakery.yaml"),
      "--fail-under",
      "90",
      "--min",
      "presence=90",
    ]);
    expect(gates.code).toBe(1);
    const reported = await runCli([
      "audit",
      example("bakery.yaml"),
      "--fail-under",
      "90",
      "--min",
      "presence=90",
      "--exit-zero",
    ]);
    expect(reported.code).toBe(0);
    const regression = ["audit", example("bakery.yaml"), "--baseline", baseline];
    expect((await runCli([...regression, "--fail-on-regression"])).code).toBe(1);
    const quiet = await runCli([...regression, "--fail-on-regression", "--exit-zero"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toContain("regressed below the baseline");
  });

  it("--exit-zero still exits 2 on an invalid plan, alone or among several", async () => {
    const alone = await runCli(["audit", fixture("plans", "wrong-types.yaml"), "--exit-zero"]);
    expect(alone.code).toBe(2);
    const several = await runCli([
      "audit",
      example("bike-shop.yaml"),
      fixture("plans", "wrong-types.yaml"),
      "--exit-zero",
      "--json",
    ]);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain("wrong-types.yaml");
  });

  it("--exit-zero does not hide a usage error", async () => {
    const { code, stderr } = await runCli([
      "audit",
      example("bike-shop.yaml"),
      "--exit-zero",
      "--fail-under",
      "abc",
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("--fail-under takes a score from 0 to 100");
  });

  it("--no-plan-thresholds ignores the plan's thresholds, overall and per dimension", async () => {
    const overall = await runCli([
      "audit",
      example("bike-shop.yaml"),
      "--json",
      "--no-plan-thresholds",
    ]);
    expect(overall.code).toBe(0);
    expect(
      ((JSON.parse(overall.stdout) as { reports: Checks[] }).reports[0] as Checks).thresholds,
    ).toEqual({ passed: true, checks: [] });

    // A plan whose policy fails overall and per dimension: both are dropped.
    const dir = tempDir();
    const plan = join(dir, "strict-policy.yaml");
    writeFileSync(
      plan,
      "organization: Strict\nthresholds:\n  overall: 99\n  dimensions:\n    presence: 99\nanswers: {}\n",
    );
    const withPlan = await runCli(["audit", plan, "--json"]);
    expect(withPlan.code).toBe(1);
    expect(
      ((JSON.parse(withPlan.stdout) as { reports: Checks[] }).reports[0] as Checks).thresholds
        .checks,
    ).toHaveLength(2);
    const without = await runCli(["audit", plan, "--json", "--no-plan-thresholds"]);
    expect(without.code).toBe(0);
    expect(
      ((JSON.parse(without.stdout) as { reports: Checks[] }).reports[0] as Checks).thresholds
        .checks,
    ).toEqual([]);
  });

  it("--no-plan-thresholds keeps the command line's own gates", async () => {
    const { code, stdout, stderr } = await runCli([
      "audit",
      example("bike-shop.yaml"),
      "--json",
      "--no-plan-thresholds",
      "--min",
      "presence=90",
    ]);
    expect(code).toBe(1);
    const report = (JSON.parse(stdout) as { reports: Checks[] }).reports[0] as Checks;
    expect(report.thresholds.checks).toEqual([
      expect.objectContaining({ scope: "dimension", source: "cli", passed: false }),
    ]);
    expect(stderr).toContain("below threshold: presence");
  });

  // 20 plans make two batches, so --jobs 2 really uses two worker threads.
  it("--no-plan-thresholds applies on worker threads too", async () => {
    const plans = Array.from({ length: 20 }, () => example("bike-shop.yaml"));
    const withPlan = await runCli(["audit", ...plans, "--format", "jsonl", "--jobs", "2"]);
    expect(withPlan.code).toBe(1);
    const { code, stdout } = await runCli([
      "audit",
      ...plans,
      "--format",
      "jsonl",
      "--jobs",
      "2",
      "--no-plan-thresholds",
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(20);
    for (const line of lines) expect((JSON.parse(line) as Checks).thresholds.checks).toEqual([]);
  });
});
