import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers.js";

/** The CLI hands each CI format its own --top default, and --top when given. */
describe("--top in CI formats", () => {
  const count = (out: string, kind: string) =>
    out.split("\n").filter((l) => l.startsWith(`::${kind} `)).length;

  it("github annotates the top 3 recommendations by default, and --top's number when given", async () => {
    const base = ["audit", "examples/bike-shop.yaml", "--format", "github"];
    const byDefault = (await runCli(base)).stdout;
    // The failed gate and the one critical finding are errors; two more steps make the top 3.
    expect(count(byDefault, "error")).toBe(2);
    expect(count(byDefault, "warning")).toBe(2);
    expect(byDefault).toContain("3 of 32 recommendations annotated, 29 more left out (--top 3");
    // A critical finding is annotated whatever --top says.
    const one = (await runCli([...base, "--top", "1"])).stdout;
    expect(count(one, "error")).toBe(2);
    expect(count(one, "warning")).toBe(0);
    expect(one).toContain("1 of 32 recommendations annotated, 31 more left out (--top 1");
  });

  it("sarif lists every recommendation by default, and --top per plan", async () => {
    const base = ["audit", "examples/bike-shop.yaml", "examples/bakery.yaml", "--format", "sarif"];
    const results = async (extra: string[]) =>
      (
        JSON.parse((await runCli([...base, ...extra])).stdout) as {
          runs: { results: { level: string }[] }[];
        }
      ).runs[0]?.results.filter((r) => r.level === "warning").length;
    // Critical findings are errors; every other recommendation is a warning by default.
    expect(await results([])).toBe(31 + 30);
    // --top 2: the bike shop's one critical finding and one more; the bakery's three critical
    // findings already fill its two places (critical findings are never cut).
    expect(await results(["--top", "2"])).toBe(1);
  });

  it("the table keeps its default of 5", async () => {
    const { stdout } = await runCli(["audit", "examples/bike-shop.yaml", "--fail-under", "0"]);
    expect(stdout).toContain("Next steps (top 5 of the 31 after Fix first;");
  });

  it("a plan read from stdin is located at <stdin> in SARIF", async () => {
    const { stdout } = await runCli(["audit", "-", "--format", "sarif"], {
      stdin: readFileSync("examples/bike-shop.yaml", "utf8"),
    });
    const sarif = JSON.parse(stdout) as {
      runs: {
        results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    const uris = new Set(
      sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri),
    );
    expect([...uris]).toEqual(["%3Cstdin%3E"]);
  });
});
