import { describe, expect, it } from "vitest";
import { buildReport, type ReportInput } from "../../src/core/report.js";
import type { Path } from "../../src/core/schema-parts.js";
import { choice, plan, rubric, rubricSet } from "./builders.js";

/*
 * buildReport on small hand-made rubrics: how critical answers cap a dimension's level and
 * the overall level, which rubric each dimension names, and where each finding points in
 * the plan file.
 */

const report = (input: Omit<ReportInput, "toolVersion">) =>
  buildReport({ toolVersion: "0.0.0", ...input });

describe("critical answers cap the level", () => {
  // Three questions of weight 1; "none" on c1 caps at existing, on c2 at emerging.
  const capped = rubric("d", [
    choice("c1", 1, "low", { critical: "existing" }),
    choice("c2", 1, "low", { critical: "emerging" }),
    choice("c3", 1, "low", { critical: "emerging" }),
  ]);
  const dimensionOf = (answers: Record<string, string>) =>
    report({ rubrics: rubricSet(capped), plan: plan({ d: answers }) }).dimensions[0]!;

  it("holds a high score at the cap, naming the question that sets it", () => {
    // c2 at none, the rest full: 66.7 would be emerging anyway; at existing's cap with c1.
    const d = dimensionOf({ c1: "all", c2: "none", c3: "all" });
    expect(d.score).toBe(66.7);
    expect(d.level.id).toBe("emerging");
    expect(d.cap).toEqual({ level: { id: "emerging", label: "Emerging" }, because: ["c2"] });
    const lower = dimensionOf({ c1: "none", c2: "all", c3: "all" });
    expect(lower.score).toBe(66.7);
    expect(lower.level.id).toBe("existing");
    expect(lower.cap?.because).toEqual(["c1"]);
  });

  it("keeps the score's level when that is below the cap", () => {
    // c2 at none (cap emerging) and the others at none too: 0 is existing, below the cap.
    const d = dimensionOf({ c1: "some", c2: "none", c3: "none" });
    expect(d.score).toBe(16.7);
    expect(d.level.id).toBe("existing");
    expect(d.cap?.level.id).toBe("emerging");
  });

  it("takes the lowest cap, whichever question comes first", () => {
    const d = dimensionOf({ c1: "none", c2: "none", c3: "all" });
    expect(d.cap).toEqual({ level: { id: "existing", label: "Existing" }, because: ["c1"] });
    // The same with the lower cap second in rubric order.
    const reversed = rubric("d", [
      choice("c2", 1, "low", { critical: "emerging" }),
      choice("c1", 1, "low", { critical: "existing" }),
    ]);
    const r = report({
      rubrics: rubricSet(reversed),
      plan: plan({ d: { c2: "none", c1: "none" } }),
    });
    expect(r.dimensions[0]!.cap?.because).toEqual(["c1"]);
  });

  it("names every question that sets the same cap", () => {
    const d = dimensionOf({ c1: "all", c2: "none", c3: "none" });
    expect(d.cap?.because).toEqual(["c2", "c3"]);
  });

  it("is no cap when the critical answer is not given", () => {
    const d = dimensionOf({ c1: "all", c2: "all" });
    expect(d.cap).toBeNull();
    expect(d.level.id).toBe("emerging");
  });

  it("caps the overall level at the lowest cap of any assessed dimension", () => {
    const a = rubric("a", [choice("q", 1, "low", { critical: "emerging" }), choice("r", 3)]);
    const b = rubric("b", [choice("q", 1, "low", { critical: "existing" }), choice("r", 3)]);
    const c = rubric("c", [choice("q", 1, "low", { critical: "emerging" }), choice("r", 3)]);
    const answers = { q: "none", r: "all" }; // 75 in each dimension: living by score
    const all = report({
      rubrics: rubricSet(a, b, c),
      plan: plan({ a: answers, b: answers, c: answers }),
    });
    expect(all.overall.score).toBe(75);
    expect(all.overall.level.id).toBe("existing");
    expect(all.overall.cap).toEqual({
      level: { id: "existing", label: "Existing" },
      because: ["b"],
    });

    // Without b assessed, a and c hold it at emerging together.
    const scoped = report({
      rubrics: rubricSet(a, b, c),
      plan: plan({ a: answers, b: answers, c: answers }),
      assess: ["a", "c"],
    });
    expect(scoped.overall.level.id).toBe("emerging");
    expect(scoped.overall.cap?.because).toEqual(["a", "c"]);

    // And in the other order, the lower cap still wins.
    const reordered = report({
      rubrics: rubricSet(c, b),
      plan: plan({ b: answers, c: answers }),
    });
    expect(reordered.overall.cap?.because).toEqual(["b"]);
  });

  it("leaves the overall level to the score when it is below every cap", () => {
    const a = rubric("a", [choice("q", 1, "low", { critical: "living" }), choice("r", 1)]);
    const r = report({ rubrics: rubricSet(a), plan: plan({ a: { q: "none", r: "some" } }) });
    expect(r.overall.score).toBe(25);
    expect(r.overall.level.id).toBe("existing");
    expect(r.overall.cap?.level.id).toBe("living");
  });
});

describe("each dimension names its rubric", () => {
  it("with the file, origin and hash of the rubric that defined it", () => {
    const r = report({
      rubrics: rubricSet(rubric("alpha", [choice("q", 1)]), rubric("beta", [choice("q", 1)])),
      plan: plan({}),
    });
    expect(r.dimensions.map((d) => d.rubric)).toEqual([
      { version: "1.0.0", source: "rubrics/alpha.yaml", builtin: false, hash: "hash-of-alpha" },
      { version: "1.0.0", source: "rubrics/beta.yaml", builtin: true, hash: "hash-of-beta" },
    ]);
  });
});

describe("findings point at the plan file", () => {
  const evidenced = rubric("d", [
    choice("claim", 1, "low", { evidence: true }),
    choice("gap", 1),
    choice("old", 1),
  ]);
  // Each path gets its own line, the same however often it is asked for.
  const lines = new Map<string, number>();
  const locate = (path: Path) => {
    const key = path.join(".");
    if (!lines.has(key)) lines.set(key, lines.size + 1);
    return { line: lines.get(key)!, column: 3 };
  };
  const r = report({
    rubrics: rubricSet(evidenced),
    plan: plan(
      { d: { claim: "all", gap: "some", old: "some" } },
      { date: "2020-01-01", meta: { d: { old: { asOf: "2021-06-01" } } } },
    ),
    locate,
    freshness: { maxAgeDays: 30, today: "2026-11-26" },
  });
  const lineOf = (path: string) => lines.get(path);

  it("questions and recommendations at their answer", () => {
    const [claim, gap] = r.dimensions[0]!.questions;
    expect(claim?.location).toEqual({ line: lineOf("answers.d.claim"), column: 3 });
    expect(gap?.location).toEqual({ line: lineOf("answers.d.gap"), column: 3 });
    const recommendation = r.recommendations.find((x) => x.question === "gap");
    expect(recommendation?.location?.line).toBe(lineOf("answers.d.gap"));
  });

  it("an unsupported claim at its answer", () => {
    expect(r.unsupported).toHaveLength(1);
    expect(r.unsupported?.[0]).toMatchObject({ dimension: "d", question: "claim" });
    expect(r.unsupported?.[0]?.location?.line).toBe(lineOf("answers.d.claim"));
  });

  it("a stale answer at its own asOf, or at the plan's date when it has none", () => {
    const stale = new Map(r.stale?.map((s) => [s.question, s]));
    expect(stale.get("old")).toMatchObject({ from: "answer", asOf: "2021-06-01" });
    expect(stale.get("old")?.location?.line).toBe(lineOf("answers.d.old.asOf"));
    expect(stale.get("gap")).toMatchObject({ from: "plan", asOf: "2020-01-01" });
    expect(stale.get("gap")?.location?.line).toBe(lineOf("date"));
  });
});
