import { beforeEach, describe, expect, it, vi } from "vitest";
import * as z from "zod";
import { zodProblems } from "../../src/core/zod-problems.js";

/*
 * The pieces every rubric and plan schema is built from, table-driven: for each, the values it
 * accepts (and what they become) and the values it refuses, with the path and words an author
 * sees. Most are built when the module loads or on first use, so each test imports the module
 * afresh: a mutation run then sees the schema that test built (see README, Mutation testing).
 * Each table is one test, so the fresh imports stay few.
 */

let parts: typeof import("../../src/core/schema-parts.js");
beforeEach(async () => {
  vi.resetModules();
  parts = await import("../../src/core/schema-parts.js");
});

/** What a schema says about a value: `path: message` lines, in order (no path: the message). */
function problems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value, { reportInput: true });
  return result.success
    ? []
    : zodProblems(result.error).map((p) =>
        p.path.length === 0 ? p.message : `${p.path.join(".")}: ${p.message}`,
      );
}

/** Rows of a value and the problems it gets (none: accepted), each row named on failure. */
function expectProblems(
  schema: z.ZodType,
  rows: readonly (readonly [unknown, readonly string[]])[],
) {
  for (const [value, expected] of rows)
    expect(problems(schema, value), JSON.stringify(value)).toEqual(expected);
}

/** Values a schema accepts, and values it refuses with one and the same message. */
function expectOnly(schema: z.ZodType, accepted: unknown[], refused: unknown[], message: string) {
  expectProblems(schema, [
    ...accepted.map((v) => [v, []] as const),
    ...refused.map((v) => [v, [message]] as const),
  ]);
}

/** The value a schema accepts a value as (trimmed, say); throws if it refuses it. */
function parsed(schema: z.ZodType, value: unknown): unknown {
  return schema.parse(value, { reportInput: true });
}

const ID_RULE =
  "must be lowercase letters, digits and dashes, starting with a letter (at most 64 characters)";
const SIZE_RULE = 'must be one of "solo", "micro", "small", "medium", "large"';
const AUDIENCE_RULE = 'must be one of "b2c", "b2b", "nonprofit", "public-sector"';
const EFFORT_RULE = 'must be one of "low", "medium" or "high"';

describe("zod's settings", () => {
  it("every schema runs without zod's compiled parsers: loading the parts turns them off", async () => {
    z.config({ jitless: false });
    try {
      vi.resetModules();
      await import("../../src/core/schema-parts.js");
      expect(z.config().jitless).toBe(true);
    } finally {
      z.config({ jitless: true });
    }
  });
});

describe("the schemas of single values", () => {
  it("an id: lowercase, digits and dashes, from a letter, 1 to 64 characters", () => {
    const longest = `a${"b".repeat(63)}`;
    expectOnly(
      parts.IdSchema,
      ["a", "a1", "a-b", "plan-2", "a-", longest],
      ["", "A", "Abc", "1abc", "-abc", "abc_", "abc!", "ab c", "aBc", `${longest}c`],
      ID_RULE,
    );
  });

  it("an effort: low, medium or high", () => {
    expectOnly(parts.EffortSchema, ["low", "medium", "high"], ["", "Low", "huge", 1], EFFORT_RULE);
  });

  it("a weight: more than 0, at most 1000", () => {
    expectProblems(parts.WeightSchema, [
      [0.001, []],
      [1, []],
      [999.5, []],
      [1000, []],
      [0, ["must be a number greater than 0"]],
      [-1, ["must be a number greater than 0"]],
      [1000.5, ["must be at most 1000"]],
      [1001, ["must be at most 1000"]],
      ["1", ["must be a number"]],
    ]);
  });

  it("a unit score: 0 to 1, both included", () => {
    expectProblems(parts.UnitScoreSchema, [
      [0, []],
      [0.5, []],
      [1, []],
      [-0.1, ["must be from 0 to 1"]],
      [1.1, ["must be from 0 to 1"]],
      ["1", ["must be a number from 0 to 1"]],
    ]);
  });

  it("a size, smallest first, or an audience", () => {
    expect(parts.SIZES).toEqual(["solo", "micro", "small", "medium", "large"]);
    expect(parts.AUDIENCES).toEqual(["b2c", "b2b", "nonprofit", "public-sector"]);
    expectOnly(parts.SizeSchema, [...parts.SIZES], ["huge", "Solo", ""], SIZE_RULE);
    expectOnly(parts.AudienceSchema, [...parts.AUDIENCES], ["b2g", ""], AUDIENCE_RULE);
  });

  it("aliases: one or more ids", () => {
    expectProblems(parts.AliasesSchema, [
      [["old"], []],
      [["old", "older"], []],
      [[], ["must list at least one alias"]],
      [["old", "Old"], [`1: ${ID_RULE}`]],
    ]);
  });

  it("the word that marks a question as not applicable", () => {
    expect(parts.NOT_APPLICABLE).toBe("n/a");
  });
});

describe("text", () => {
  it("is trimmed", () => {
    expect(parsed(parts.TextSchema(10), "  Hello \n")).toBe("Hello");
  });

  it("must not be empty or blank, and takes exactly its maximum, counted after trimming", () => {
    expectProblems(parts.TextSchema(5), [
      ["", ["must not be empty"]],
      [" \t\n ", ["must not be empty"]],
      ["1", []],
      ["12345", []],
      ["  12345  ", []],
      ["123456", ["must be at most 5 characters"]],
    ]);
  });

  it("is at most 2000 characters unless told otherwise, as advice is", () => {
    for (const schema of [parts.TextSchema(), parts.AdviceSchema])
      expectProblems(schema, [
        ["x".repeat(2000), []],
        ["x".repeat(2001), ["must be at most 2000 characters"]],
        [" ", ["must not be empty"]],
      ]);
  });
});

describe("a recommendation", () => {
  const ok = { title: "Answer within a day", detail: "Because people wait.", effort: "low" };

  it("has a title, a detail and an effort", () => {
    expect(parsed(parts.RecommendationSchema, { ...ok, title: " Answer " })).toEqual({
      ...ok,
      title: "Answer",
    });
    expectProblems(parts.RecommendationSchema, [
      [{ ...ok, title: "x".repeat(200) }, []],
      [{ ...ok, title: "x".repeat(201) }, ["title: must be at most 200 characters"]],
      [{ ...ok, detail: "x".repeat(4000) }, []],
      [{ ...ok, detail: "x".repeat(4001) }, ["detail: must be at most 4000 characters"]],
      [{ ...ok, detail: "" }, ["detail: must not be empty"]],
      [{ ...ok, effort: "none" }, [`effort: ${EFFORT_RULE}`]],
      [{ ...ok, cost: 1 }, ['cost: unknown field "cost"']],
    ]);
  });
});

describe("a profile", () => {
  it("may give a size, sector, regulated and audience, or none of them", () => {
    const profile = { size: "micro", sector: "Retail", regulated: true, audience: "b2b" };
    expect(parsed(parts.ProfileSchema, profile)).toEqual(profile);
    expect(parsed(parts.ProfileSchema, {})).toEqual({});
    expectProblems(parts.ProfileSchema, [
      [{ size: "huge" }, [`size: ${SIZE_RULE}`]],
      [{ sector: " " }, ["sector: must not be empty"]],
      [{ sector: "x".repeat(200) }, []],
      [{ sector: "x".repeat(201) }, ["sector: must be at most 200 characters"]],
      [{ regulated: "yes" }, ["regulated: must be true or false"]],
      [{ audience: "all" }, [`audience: ${AUDIENCE_RULE}`]],
      [{ country: "NL" }, ['country: unknown field "country"']],
    ]);
  });
});

describe("appliesWhen", () => {
  it("takes lists of one or more sizes and audiences, and regulated", () => {
    const when = { size: ["solo", "micro"], regulated: false, audience: ["b2c", "b2b"] };
    expect(parsed(parts.AppliesWhenSchema, when)).toEqual(when);
    expectProblems(parts.AppliesWhenSchema, [
      [{ size: ["large"] }, []],
      [{}, []],
      [{ size: [] }, ["size: must list at least one value"]],
      [{ audience: [] }, ["audience: must list at least one value"]],
      [{ size: ["solo", "huge"] }, [`size.1: ${SIZE_RULE}`]],
      [{ audience: ["b2g"] }, [`audience.0: ${AUDIENCE_RULE}`]],
      [{ regulated: 1 }, ["regulated: must be true or false"]],
      [{ sector: ["x"] }, ['sector: unknown field "sector"']],
    ]);
  });
});

describe("a critical marker", () => {
  it("names a level id to cap at, and why", () => {
    expect(parsed(parts.CriticalSchema, { cap: "existing", why: " At risk. " })).toEqual({
      cap: "existing",
      why: "At risk.",
    });
    expectProblems(parts.CriticalSchema, [
      [{ cap: "Existing", why: "." }, [`cap: ${ID_RULE}`]],
      [{ cap: "existing", why: "x".repeat(500) }, []],
      [{ cap: "existing", why: "x".repeat(501) }, ["why: must be at most 500 characters"]],
      [{ cap: "existing", why: ".", level: 1 }, ['level: unknown field "level"']],
    ]);
  });
});

describe("the fields of every scored question", () => {
  const ok = {
    id: "q",
    prompt: "Q?",
    help: "Why.",
    weight: 2,
    recommendation: { title: "T", detail: "D", effort: "high" },
  };

  it("are an id, prompt, help, weight and recommendation, with optional extras", () => {
    const question = z.strictObject(parts.scoredQuestionFields());
    const full = {
      ...ok,
      aliases: ["old-q"],
      notApplicable: "When there is no shop.",
      appliesWhen: { regulated: true },
    };
    expect(parsed(question, full)).toEqual(full);
    expectProblems(question, [
      [ok, []],
      [{ ...ok, id: "Q" }, [`id: ${ID_RULE}`]],
      [{ ...ok, prompt: "x".repeat(500) }, []],
      [{ ...ok, prompt: "x".repeat(501) }, ["prompt: must be at most 500 characters"]],
      [{ ...ok, help: "x".repeat(2001) }, ["help: must be at most 2000 characters"]],
      [{ ...ok, notApplicable: "x".repeat(1000) }, []],
      [
        { ...ok, notApplicable: "x".repeat(1001) },
        ["notApplicable: must be at most 1000 characters"],
      ],
      [{ ...ok, weight: 0 }, ["weight: must be a number greater than 0"]],
      [{ ...ok, aliases: [] }, ["aliases: must list at least one alias"]],
      [{ ...ok, appliesWhen: { size: [] } }, ["appliesWhen.size: must list at least one value"]],
      [
        { ...ok, recommendation: { ...ok.recommendation, effort: "x" } },
        [`recommendation.effort: ${EFFORT_RULE}`],
      ],
    ]);
  });
});
