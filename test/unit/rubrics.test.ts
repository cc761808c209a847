import { describe, expect, it } from "vitest";
import { QUESTION_KINDS, isScored } from "../../src/core/kinds/index.js";
import { lintRubric } from "../../src/core/rubric.js";
import { UserError } from "../../src/errors.js";
import { loadRubricFile, loadRubrics } from "../../src/io/load-rubrics.js";
import { builtinRubrics, fixture } from "../helpers.js";

describe("shipped rubrics", () => {
  it("define the four dimensions in order", async () => {
    const rubrics = await builtinRubrics();
    expect(rubrics.dimensions.map((d) => d.rubric.id)).toEqual([
      "planning",
      "presence",
      "commitment",
      "relationships",
    ]);
  });

  it("have at least seven scored questions per dimension, each with help and a recommendation", async () => {
    for (const { rubric } of (await builtinRubrics()).dimensions) {
      const scored = rubric.questions.filter(isScored);
      expect(scored.length, rubric.id).toBeGreaterThanOrEqual(7);
      for (const q of scored) {
        expect(q.help.length, q.id).toBeGreaterThan(40);
        expect(q.recommendation.detail.length, q.id).toBeGreaterThan(40);
      }
    }
  });

  it("use every question kind", async () => {
    const kinds = new Set(
      (await builtinRubrics()).dimensions.flatMap((d) => d.rubric.questions.map((q) => q.kind)),
    );
    expect([...kinds].sort()).toEqual([...QUESTION_KINDS].sort());
  });

  it("pass their own lint with no warnings", async () => {
    for (const { rubric } of (await builtinRubrics()).dimensions)
      expect(lintRubric(rubric), rubric.id).toEqual([]);
  });

  it("define maturity levels in data from existing to living", async () => {
    const { levels } = await builtinRubrics();
    expect(levels[0]?.id).toBe("existing");
    expect(levels.at(-1)?.id).toBe("living");
    expect(levels.length).toBeGreaterThanOrEqual(3);
  });

  it("cover the domain's themes somewhere across the four dimensions", async () => {
    const text = (await builtinRubrics()).dimensions
      .flatMap((d) =>
        d.rubric.questions.map(
          (q) =>
            `${q.prompt} ${q.help} ${isScored(q) ? `${q.recommendation.title} ${q.recommendation.detail}` : ""}`,
        ),
      )
      .join(" ")
      .toLowerCase();
    for (const theme of [
      "customers",
      "platform",
      "goals",
      "purpose",
      "crisis",
      "named",
      "answer",
      "hours",
      "useful",
      "duties",
      "training",
      "leaders",
      "daily",
      "employees",
      "listen",
      "thank",
      "complain",
      "competitors",
      "decisions",
      "likes",
      "phone",
    ]) {
      expect(text, theme).toContain(theme);
    }
  });
});

describe("invalid rubric files", () => {
  const errorsOf = async (name: string) => {
    const result = await loadRubricFile(fixture("rubrics", "bad", name), false, `bad/${name}`);
    if (result.kind !== "invalid") throw new Error(`expected ${name} to be refused`);
    return result.diagnostics;
  };

  it("refuses duplicate question ids, naming file, line and field", async () => {
    const [first] = await errorsOf("duplicate-ids.yaml");
    expect(first).toMatchObject({
      file: "bad/duplicate-ids.yaml",
      line: 15,
      column: 9,
      path: "questions[1].id",
    });
    expect(first?.message).toMatch(/duplicate question id "same"/);
  });

  it("refuses an unknown kind", async () => {
    const [first] = await errorsOf("unknown-kind.yaml");
    expect(first).toMatchObject({ line: 10, column: 11, path: "questions[0].kind" });
    expect(first?.message).toMatch(/kind must be one of/);
  });

  it("refuses weights <= 0 and empty choices, reporting all at once", async () => {
    const diagnostics = await errorsOf("bad-weight-and-empty-choices.yaml");
    const paths = diagnostics.map((d) => d.path);
    expect(paths).toContain("weight");
    expect(paths).toContain("questions[0].weight");
    expect(paths).toContain("questions[0].choices");
    expect(diagnostics.find((d) => d.path === "weight")?.line).toBe(7);
  });

  it("refuses number bands with a gap", async () => {
    const [first] = await errorsOf("bad-bands.yaml");
    expect(first).toMatchObject({ path: "questions[0].bands[1].from", line: 19 });
    expect(first?.message).toMatch(/gap: the previous band ends at 10/);
  });

  it("suggests the field a typo meant", async () => {
    const diagnostics = await errorsOf("typo-field.yaml");
    expect(diagnostics.map((d) => d.message)).toContain(
      'unknown field "wieght" (did you mean "weight"?)',
    );
    expect(diagnostics.find((d) => d.message.startsWith("unknown field"))?.line).toBe(11);
  });

  it("refuses level bands with a gap", async () => {
    const [first] = await errorsOf("levels.yaml");
    expect(first?.message).toMatch(/gap: "existing" ends at 40 but "living" starts at 50/);
  });

  it("loadRubrics throws one UserError listing every bad file", async () => {
    const error = await loadRubrics({ paths: [fixture("rubrics", "bad")] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    const files = new Set((error as UserError).diagnostics.map((d) => d.file?.split("/").pop()));
    expect(files.size).toBe(6);
  });
});
