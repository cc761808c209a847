import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "../helpers.js";

describe("custom rubrics", () => {
  it("validates the example fifth dimension and audits a plan that uses it", async () => {
    const valid = await runCli(["rubrics", "validate", "examples/rubrics"]);
    expect(valid.code).toBe(0);
    const { code, stdout } = await runCli([
      "audit",
      "examples/custom/agency-client.yaml",
      "--rubrics",
      "examples/rubrics",
      "--json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout).reports[0];
    const measurement = report.dimensions.find((d: { id: string }) => d.id === "measurement");
    expect(measurement).toMatchObject({
      score: 75.4,
      rubric: { version: "1.0.0", source: "examples/rubrics/measurement.yaml", builtin: false },
    });
    expect(report.dimensions.find((d: { id: string }) => d.id === "relationships")).toMatchObject({
      weight: 2,
      weightSource: "plan",
    });
    expect(report.thresholds.checks.map((c: { source: string }) => c.source)).toEqual([
      "plan",
      "plan",
    ]);
  });

  it("refuses a plan that answers a custom dimension when its rubric is not loaded", async () => {
    const { code, stderr } = await runCli(["audit", "examples/custom/agency-client.yaml"]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown dimension "measurement"');
    expect(stderr).toContain("A custom dimension needs --rubrics DIR");
  });

  it("overrides a built-in dimension by id and says so", async () => {
    const dir = tempDir();
    const presence = readFileSync(join(ROOT, "rubrics", "presence.yaml"), "utf8")
      .replace("version: 2.0.0", "version: 2.1.0")
      .replace(/\nweight: 1\n/, "\nweight: 3\n");
    writeFileSync(join(dir, "presence.yaml"), presence);
    const list = await runCli(["rubrics", "list", "--rubrics", dir, "--json"]);
    const entry = (JSON.parse(list.stdout) as { dimensions: { id: string }[] }).dimensions.find(
      (d) => d.id === "presence",
    );
    expect(entry).toMatchObject({
      version: "2.1.0",
      weight: 3,
      builtin: false,
      overrides: "rubrics/presence.yaml",
    });
    const audit = await runCli(["audit", "examples/bakery.yaml", "--rubrics", dir]);
    expect(audit.stdout).toMatch(/Rubrics: presence 2\.1\.0 from\s/);
  });

  it("uses only the given rubrics with --no-builtin, which then need levels", async () => {
    const dir = tempDir();
    copyFileSync(
      join(ROOT, "examples", "rubrics", "measurement.yaml"),
      join(dir, "measurement.yaml"),
    );
    const noLevels = await runCli(["rubrics", "list", "--rubrics", dir, "--no-builtin"]);
    expect(noLevels.code).toBe(2);
    expect(noLevels.stderr).toContain("no levels.yaml was loaded");
    copyFileSync(join(ROOT, "rubrics", "levels.yaml"), join(dir, "levels.yaml"));
    const only = await runCli(["rubrics", "list", "--rubrics", dir, "--no-builtin", "--json"]);
    expect(
      (JSON.parse(only.stdout) as { dimensions: { id: string }[] }).dimensions.map((d) => d.id),
    ).toEqual(["measurement"]);
  });

  it("refuses two files defining the same dimension in one folder", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "r"));
    copyFileSync(join(ROOT, "examples", "rubrics", "measurement.yaml"), join(dir, "r", "a.yaml"));
    copyFileSync(join(ROOT, "examples", "rubrics", "measurement.yaml"), join(dir, "r", "b.yaml"));
    const { code, stderr } = await runCli(["rubrics", "list", "--rubrics", join(dir, "r")]);
    expect(code).toBe(2);
    expect(stderr).toContain('dimension id "measurement" is also defined in');
  });
});
