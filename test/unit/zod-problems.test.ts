import * as z from "zod";
import { describe, expect, it } from "vitest";
import { closest, preview } from "../../src/core/suggest.js";
import { zodProblems } from "../../src/core/zod-problems.js";

/* zod's issues in our words, case by case: which are rewritten, which are kept as written. */

const problemsOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error("expected the input to be refused");
  return zodProblems(result.error, ["at"]);
};
const messageOf = (schema: z.ZodType, input: unknown) => problemsOf(schema, input)[0]?.message;

describe("zodProblems", () => {
  const kinds = z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("choice") }),
    z.object({ kind: z.literal("boolean") }),
  ]);

  it("words a discriminated union's tag as the field it is, with what was given", () => {
    expect(problemsOf(kinds, { kind: "choise" })).toEqual([
      {
        path: ["at", "kind"],
        message: 'kind must be one of "choice", "boolean", got "choise" (did you mean "choice"?)',
      },
    ]);
    expect(messageOf(kinds, {})).toBe('kind must be one of "choice", "boolean"');
  });

  it("keeps a plain union's own message: it has no tag to name", () => {
    expect(messageOf(z.union([z.string(), z.number()]), true)).toBe("Invalid input");
  });

  it("rewrites zod's wording of an enum, with a suggestion, but not a schema's own message", () => {
    expect(messageOf(z.enum(["low", "medium", "high"]), "medum")).toBe(
      'must be one of "low", "medium", "high", got "medum" (did you mean "medium"?)',
    );
    expect(messageOf(z.enum(["low", "high"], { error: "must be low or high" }), "x")).toBe(
      "must be low or high",
    );
    // Not every allowed value is text: zod's wording stays.
    expect(messageOf(z.literal(5), 6)).toBe("Invalid input: expected 5");
  });

  it("says what was expected and what came, in the words of our other messages", () => {
    const text = z.string();
    expect(messageOf(text, { a: 1 })).toBe("must be text, got a mapping");
    expect(messageOf(text, [1])).toBe("must be text, got a list");
    expect(messageOf(text, null)).toBe("must be text, got an empty value");
    expect(messageOf(text, new Uint8Array([1]))).toBe("must be text, got binary data");
    expect(messageOf(text, 5)).toBe("must be text, got the number 5");
    expect(messageOf(text, true)).toBe("must be text, got true");
    expect(messageOf(z.number(), "5")).toBe('must be a number, got text "5"');
    expect(messageOf(z.object({ name: z.string() }), {})).toBe("is required");
  });

  it("reports each unknown key on the key itself, with a suggestion when given the known ones", () => {
    const strict = z.strictObject({ organization: z.string() });
    const result = strict.safeParse({ organization: "A", organisation: "B" });
    if (result.success) throw new Error("expected a refusal");
    expect(zodProblems(result.error, ["plan"], () => ["organization"])).toEqual([
      {
        path: ["plan", "organisation"],
        message: 'unknown field "organisation" (did you mean "organization"?)',
      },
    ]);
    expect(zodProblems(result.error)[0]?.message).toBe('unknown field "organisation"');
  });
});

describe("closest and preview", () => {
  it("accepts a candidate exactly as far away as the tolerance allows", () => {
    // Two characters short is within a short id's tolerance of 2.
    expect(closest("ab", ["abcd"])).toBe("abcd");
    expect(closest("ab", ["abcde"])).toBeUndefined();
  });

  it("previews every type of value in a few words", () => {
    expect(preview(5n)).toBe("5");
    expect(preview(undefined)).toBe("undefined");
    expect(preview(Symbol("s"))).toBe("symbol");
    expect(preview(() => 1)).toBe("function");
    expect(preview("x".repeat(100))).toBe(`"${"x".repeat(56)}...`);
  });
});
