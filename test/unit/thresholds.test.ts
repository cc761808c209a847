import { describe, expect, it } from "vitest";
import {
  checkThresholds,
  resolveThresholds,
  type ThresholdSpec,
} from "../../src/core/thresholds.js";

describe("resolveThresholds", () => {
  it("takes the plan's thresholds as they are when the command line sets none", () => {
    expect(
      resolveThresholds({ overall: 60, dimensions: { presence: 40, planning: 55 } }, {}),
    ).toStrictEqual([
      { scope: "overall", min: 60, source: "plan" },
      { scope: "dimension", dimension: "presence", min: 40, source: "plan" },
      { scope: "dimension", dimension: "planning", min: 55, source: "plan" },
    ]);
  });

  it("keeps a plan minimum of 0, which is still a threshold", () => {
    expect(resolveThresholds({ overall: 0, dimensions: { presence: 0 } }, {})).toStrictEqual([
      { scope: "overall", min: 0, source: "plan" },
      { scope: "dimension", dimension: "presence", min: 0, source: "plan" },
    ]);
  });

  it("lets each command-line flag override only the threshold it names", () => {
    expect(
      resolveThresholds(
        { overall: 60, dimensions: { presence: 40, planning: 55 } },
        { dimensions: { presence: 70 } },
      ),
    ).toStrictEqual([
      { scope: "overall", min: 60, source: "plan" },
      { scope: "dimension", dimension: "presence", min: 70, source: "cli" },
      { scope: "dimension", dimension: "planning", min: 55, source: "plan" },
    ]);
    expect(resolveThresholds({ overall: 60 }, { overall: 30 })).toStrictEqual([
      { scope: "overall", min: 30, source: "cli" },
    ]);
  });

  it("adds command-line dimensions the plan does not name, after the plan's", () => {
    expect(
      resolveThresholds({ dimensions: { presence: 40 } }, { dimensions: { commitment: 20 } }),
    ).toStrictEqual([
      { scope: "dimension", dimension: "presence", min: 40, source: "plan" },
      { scope: "dimension", dimension: "commitment", min: 20, source: "cli" },
    ]);
  });

  it("has nothing to check without a plan policy or flags", () => {
    expect(resolveThresholds(undefined, {})).toStrictEqual([]);
    expect(resolveThresholds({}, { dimensions: {} })).toStrictEqual([]);
  });

  it("reads only a dimension's own entries, not what objects inherit", () => {
    // "constructor" is a valid dimension id; a plain lookup would find Object.prototype's.
    expect(resolveThresholds({ dimensions: { constructor: 10 } }, {})).toStrictEqual([
      { scope: "dimension", dimension: "constructor", min: 10, source: "plan" },
    ]);
    expect(
      resolveThresholds({ dimensions: { constructor: 10 } }, { dimensions: { presence: 5 } }),
    ).toStrictEqual([
      { scope: "dimension", dimension: "constructor", min: 10, source: "plan" },
      { scope: "dimension", dimension: "presence", min: 5, source: "cli" },
    ]);
  });
});

describe("checkThresholds", () => {
  const scores = new Map([
    ["presence", 40],
    ["planning", 39.9],
  ]);
  const spec = (min: number, dimension?: string): ThresholdSpec =>
    dimension === undefined
      ? { scope: "overall", min, source: "plan" }
      : { scope: "dimension", dimension, min, source: "cli" };

  // A score exactly on the minimum passes: "at least", as --fail-under's help says.
  const boundaries: [string, ThresholdSpec, boolean][] = [
    ["overall exactly on the minimum", spec(50), true],
    ["overall a tenth below", spec(50.1), false],
    ["overall a tenth above", spec(49.9), true],
    ["dimension exactly on the minimum", spec(40, "presence"), true],
    ["dimension a tenth below", spec(40, "planning"), false],
    ["dimension above", spec(39.9, "presence"), true],
  ];
  it.each(boundaries)("%s", (_name, s, passed) => {
    expect(checkThresholds([s], 50, scores)[0]?.passed).toBe(passed);
  });

  it("reports each check field by field, with the dimension only where there is one", () => {
    const checks = checkThresholds([spec(50), spec(45, "presence")], 62.5, scores);
    expect(checks).toStrictEqual([
      { scope: "overall", kind: "minimum", min: 50, actual: 62.5, passed: true, source: "plan" },
      {
        scope: "dimension",
        dimension: "presence",
        kind: "minimum",
        min: 45,
        actual: 40,
        passed: false,
        source: "cli",
      },
    ]);
    expect(Object.keys(checks[0] ?? {})).not.toContain("dimension");
  });

  it("reads the dimension's own score, not the overall", () => {
    expect(checkThresholds([spec(10, "presence")], 0, scores)[0]?.actual).toBe(40);
    expect(checkThresholds([spec(10, "planning")], 90, scores)[0]).toMatchObject({
      actual: 39.9,
      passed: true,
    });
  });

  it("counts a dimension missing from the scores as 0", () => {
    expect(checkThresholds([spec(1, "relationships")], 80, scores)[0]).toMatchObject({
      actual: 0,
      passed: false,
    });
    expect(checkThresholds([spec(0, "relationships")], 80, scores)[0]?.passed).toBe(true);
  });
});
