import { describe, expect, it } from "vitest";
import { runCli } from "../helpers.js";

describe("plan errors as the user sees them", () => {
  it("a list used as a key is an error at its place, and Node prints no warning", async () => {
    const result = await runCli(["audit", "test/fixtures/bad/plans/collection-key.yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("collection-key.yaml:4:5: a key must be a name, not a list");
    expect(result.stderr).not.toMatch(/Warning|stringified|genuine-tone, named-people/);
  });

  it("every problem of a plan in one run, in the order of the file", async () => {
    const result = await runCli(["audit", "test/fixtures/bad/plans/errors-everywhere.yaml"]);
    expect(result.code).toBe(2);
    const places = [...result.stderr.matchAll(/errors-everywhere\.yaml:(\d+):\d+:/g)].map((m) =>
      Number(m[1]),
    );
    expect(places).toEqual([4, 5, 6, 8, 9]);
  });
});
