import * as z from "zod";
import { describe, expect, it } from "vitest";
import {
  closest,
  didYouMean,
  editDistance,
  oneOfMessage,
  preview,
} from "../../src/core/suggest.js";
import { zodProblems } from "../../src/core/zod-problems.js";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["same", "same", 0],
    ["", "abc", 3],
    ["abc", "", 3],
    ["kitten", "sitting", 3],
    ["flaw", "lawn", 2],
    // Without Damerau's rule a swap of neighbours costs two edits.
    ["ab", "ba", 2],
    ["presence", "presense", 1],
  ])("%s -> %s is %d", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("closest", () => {
  const dims = ["planning", "presence", "commitment", "relationships"];

  it.each<[string, string, readonly string[], string | undefined]>([
    ["a one-letter typo", "presense", dims, "presence"],
    ["a different case", "PLANNING", dims, "planning"],
    ["a shortened id of three letters", "com", dims, "commitment"],
    ["a shortened id far shorter than the id", "logo", ["logo-only", "named-people"], "logo-only"],
    ["a prefix matched case-blind", "Logo", ["Logo-Only", "named"], "Logo-Only"],
    ["two letters are too short to be a prefix", "co", ["commitment"], undefined],
    // "pre" starts both; neither wins by prefix, and both are too far away to be a typo.
    ["a prefix of two ids", "pre", ["presence", "prepared"], undefined],
    ["nothing close", "budget", dims, undefined],
    ["no candidates", "presence", [], undefined],
    // Short words get a tolerance of two edits...
    ["two edits on a short word", "plam", ["plan"], "plan"],
    ["two edits on a five-letter word", "abcxy", ["abcde"], "abcde"],
    ["three edits on a short word", "pxyz", ["plan"], undefined],
    // ...and longer ones a third of their length.
    ["three edits on a nine-letter word", "abcdefxyz", ["abcdefghi"], "abcdefghi"],
    ["four edits on a nine-letter word", "abcdewxyz", ["abcdefghi"], undefined],
    // On a tie the first candidate wins, so suggestions follow the rubric's order.
    ["a tie", "cat", ["bat", "hat"], "bat"],
    ["a closer second candidate", "hat", ["cut", "hit"], "hit"],
  ])("%s", (_name, input, candidates, expected) => {
    expect(closest(input, candidates)).toBe(expected);
  });
});

describe("messages", () => {
  it("suggest the nearest value only when there is one", () => {
    expect(didYouMean("presense", ["presence"])).toBe(' (did you mean "presence"?)');
    expect(didYouMean("budget", ["presence"])).toBe("");
  });

  it("list the allowed values, what was given, and a suggestion", () => {
    const values = ["low", "medium", "high"];
    expect(oneOfMessage(values)).toBe('must be one of "low", "medium", "high"');
    expect(oneOfMessage(values, "hgih")).toBe(
      'must be one of "low", "medium", "high", got "hgih" (did you mean "high"?)',
    );
    expect(oneOfMessage(values, "enormous")).toBe(
      'must be one of "low", "medium", "high", got "enormous"',
    );
    expect(oneOfMessage(values, 3)).toBe('must be one of "low", "medium", "high", got 3');
  });

  it.each<[string, unknown, string]>([
    ["text, quoted", "hi", '"hi"'],
    ["null", null, "null"],
    ["a list", [1, 2], "a list"],
    ["a mapping", { a: 1 }, "a mapping"],
    ["a number", 4.5, "4.5"],
    ["a boolean", false, "false"],
    ["undefined", undefined, "undefined"],
    ["text of exactly 60 characters", "x".repeat(58), `"${"x".repeat(58)}"`],
    ["longer text, cut to 60", "x".repeat(59), `"${"x".repeat(56)}...`],
  ])("preview %s", (_name, value, expected) => {
    expect(preview(value)).toBe(expected);
    expect(preview(value).length).toBeLessThanOrEqual(60);
  });
});

describe("zodProblems", () => {
  const issue = (fields: Record<string, unknown>) =>
    new z.ZodError([{ code: "invalid_type", path: ["x"], ...fields } as z.core.$ZodIssue]);

  it.each<[string, Record<string, unknown>, string]>([
    ["text", { expected: "string", input: 3 }, "must be text, got the number 3"],
    ["a number", { expected: "number", input: "3" }, 'must be a number, got text "3"'],
    ["a whole number", { expected: "int", input: true }, "must be a whole number, got true"],
    [
      "true or false",
      { expected: "boolean", input: null },
      "must be true or false, got an empty value",
    ],
    ["a list", { expected: "array", input: {} }, "must be a list, got a mapping"],
    ["a mapping", { expected: "object", input: [] }, "must be a mapping, got a list"],
    [
      "a mapping (record)",
      { expected: "record", input: new Uint8Array(1) },
      "must be a mapping, got binary data",
    ],
    ["empty", { expected: "null", input: 0 }, "must be empty, got the number 0"],
    ["missing", { expected: "undefined", input: "a" }, 'must be missing, got text "a"'],
    ["an unnamed type", { expected: "bigint", input: 1 }, "must be bigint, got the number 1"],
    ["without the input", { expected: "string" }, "must be text, got something else"],
    ["a missing value", { expected: "string", input: undefined }, "is required"],
  ])("rewrites zod's invalid type as %s", (_name, fields, message) => {
    expect(zodProblems(issue({ message: "Invalid input: expected x", ...fields }))).toStrictEqual([
      { path: ["x"], message },
    ]);
  });

  it("keeps the schema's own messages", () => {
    expect(
      zodProblems(issue({ expected: "string", input: 3, message: "must be a date" })),
    ).toStrictEqual([{ path: ["x"], message: "must be a date" }]);
    const tooBig = z.number().max(5, { error: "must be at most 5" }).safeParse(9);
    expect(zodProblems(tooBig.error as z.ZodError)).toStrictEqual([
      { path: [], message: "must be at most 5" },
    ]);
  });

  it("rewrites only invalid types, whatever another issue's message says", () => {
    const union = z.union([z.string(), z.number()]).safeParse(true, { reportInput: true });
    expect(union.error?.issues[0]?.code).toBe("invalid_union");
    expect(zodProblems(union.error as z.ZodError)).toStrictEqual([
      { path: [], message: union.error?.issues[0]?.message },
    ]);
    expect(union.error?.issues[0]?.message).toMatch(/^Invalid input/);
  });

  it("reports unknown keys on the key itself, with a suggestion when it knows the fields", () => {
    const schema = z.strictObject({ nested: z.strictObject({ title: z.string() }) });
    const error = schema.safeParse({ nested: { title: "t", titel: "t", zzz: 1 } })
      .error as z.ZodError;
    expect(zodProblems(error, ["rubric"])).toStrictEqual([
      { path: ["rubric", "nested", "titel"], message: 'unknown field "titel"' },
      { path: ["rubric", "nested", "zzz"], message: 'unknown field "zzz"' },
    ]);
    const asked: unknown[] = [];
    const known = (path: (string | number)[]) => {
      asked.push(path);
      return ["title"];
    };
    expect(zodProblems(error, [], known)).toStrictEqual([
      { path: ["nested", "titel"], message: 'unknown field "titel" (did you mean "title"?)' },
      { path: ["nested", "zzz"], message: 'unknown field "zzz"' },
    ]);
    expect(asked).toStrictEqual([["nested"], ["nested"]]);
  });

  it("prefixes every path and spells symbol keys out", () => {
    const error = new z.ZodError([
      { code: "custom", path: [Symbol("key"), 2], message: "bad", input: 1 },
    ] as z.core.$ZodIssue[]);
    expect(zodProblems(error, ["answers", "presence"])).toStrictEqual([
      { path: ["answers", "presence", "Symbol(key)", 2], message: "bad" },
    ]);
  });

  it("explains a real parse in the words of the other messages", () => {
    const schema = z.object({ organization: z.string(), weight: z.number() });
    const result = schema.safeParse({ weight: "heavy" }, { reportInput: true });
    expect(zodProblems(result.error as z.ZodError)).toStrictEqual([
      { path: ["organization"], message: "is required" },
      { path: ["weight"], message: 'must be a number, got text "heavy"' },
    ]);
  });
});
