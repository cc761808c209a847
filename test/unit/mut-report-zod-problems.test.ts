import * as z from "zod";
import { describe, expect, it } from "vitest";
import { zodProblems } from "../../src/core/zod-problems.js";

/*
 * zodProblems, the cases the main table leaves out: paths through lists and symbol keys,
 * issues parsed without the input attached (nothing to quote), types our table does not
 * name, and schemas' own messages kept as written.
 */

const problems = (schema: z.ZodType, input: unknown, reportInput = true) => {
  const result = schema.safeParse(input, { reportInput });
  if (result.success) throw new Error("expected the input to be refused");
  return zodProblems(result.error, ["at"]);
};
const message = (schema: z.ZodType, input: unknown, reportInput = true) =>
  problems(schema, input, reportInput)[0]?.message;

describe("zodProblems: paths", () => {
  it("keeps a list index a number, after the prefix", () => {
    expect(problems(z.object({ tags: z.array(z.string()) }), { tags: ["a", 7] })).toEqual([
      { path: ["at", "tags", 1], message: "must be text, got the number 7" },
    ]);
  });

  it("writes a symbol key as text", () => {
    const key = Symbol("secret");
    const schema = z.unknown().superRefine((_, ctx) => {
      ctx.addIssue({ code: "custom", path: [key, 0], message: "is wrong" });
    });
    expect(problems(schema, 1)).toEqual([
      { path: ["at", "Symbol(secret)", 0], message: "is wrong" },
    ]);
  });

  it("reports one problem per issue, in zod's order", () => {
    const schema = z.object({ a: z.string(), b: z.number() });
    expect(problems(schema, { a: 1, b: "x" })).toEqual([
      { path: ["at", "a"], message: "must be text, got the number 1" },
      { path: ["at", "b"], message: 'must be a number, got text "x"' },
    ]);
  });

  it("reports every unknown key of one object, each on itself", () => {
    const result = z.strictObject({ name: z.string() }).safeParse({ name: "x", nme: 1, colour: 2 });
    if (result.success) throw new Error("expected a refusal");
    expect(zodProblems(result.error, [], () => ["name"])).toEqual([
      { path: ["nme"], message: 'unknown field "nme" (did you mean "name"?)' },
      { path: ["colour"], message: 'unknown field "colour"' },
    ]);
  });

  it("never suggests the unknown key itself, though it is a field elsewhere", () => {
    // A rubric's choice question given a multi question's "options": "choices" is meant.
    const result = z
      .strictObject({ choices: z.array(z.string()).optional() })
      .safeParse({ options: [] });
    if (result.success) throw new Error("expected a refusal");
    expect(zodProblems(result.error, [], () => ["options", "choices", "option"])).toEqual([
      { path: ["options"], message: 'unknown field "options" (did you mean "option"?)' },
    ]);
    expect(zodProblems(result.error, [], () => ["options"])).toEqual([
      { path: ["options"], message: 'unknown field "options"' },
    ]);
  });

  it("asks for the known keys of the object the unknown key is in", () => {
    const schema = z.object({ inner: z.strictObject({ size: z.string() }) });
    const result = schema.safeParse({ inner: { size: "s", sise: "m" } });
    if (result.success) throw new Error("expected a refusal");
    const asked: unknown[] = [];
    const found = zodProblems(result.error, ["plan"], (path) => {
      asked.push(path);
      return ["size"];
    });
    expect(asked).toEqual([["plan", "inner"]]);
    expect(found).toEqual([
      { path: ["plan", "inner", "sise"], message: 'unknown field "sise" (did you mean "size"?)' },
    ]);
  });
});

describe("zodProblems: messages without the input", () => {
  // Parsed without reportInput, zod's issue has no input: there is nothing to quote.
  it.each([
    ["a missing field", z.object({ name: z.string() }), {}, "must be text, got something else"],
    ["a wrong type", z.string(), 5, "must be text, got something else"],
    ["an enum", z.enum(["low", "high"]), "medium", 'must be one of "low", "high"'],
  ])("%s", (_, schema, input, expected) => {
    expect(message(schema, input, false)).toBe(expected);
  });
});

describe("zodProblems: types", () => {
  it.each([
    [z.int(), 1.5, "must be a whole number, got the number 1.5"],
    [z.boolean(), "yes", 'must be true or false, got text "yes"'],
    [z.array(z.string()), "x", 'must be a list, got text "x"'],
    [z.object({}), 1, "must be a mapping, got the number 1"],
    [z.record(z.string(), z.string()), [], "must be a mapping, got a list"],
    [z.null(), 1, "must be empty, got the number 1"],
    [z.undefined(), 1, "must be missing, got the number 1"],
    [z.bigint(), 1, "must be bigint, got the number 1"],
    [z.date(), "2026", 'must be date, got text "2026"'],
  ])("%#: names the expected type", (schema, input, expected) => {
    expect(message(schema, input)).toBe(expected);
  });

  it("keeps a schema's own message for a wrong type", () => {
    expect(message(z.string({ error: "must be a name" }), 5)).toBe("must be a name");
    expect(message(z.object({ name: z.string({ error: "needs a name" }) }), {})).toBe(
      "needs a name",
    );
  });

  it("keeps messages zod words for other problems", () => {
    expect(message(z.string().min(3), "ab")).toBe(
      "Too small: expected string to have >=3 characters",
    );
  });

  it("words an enum given a value of another type", () => {
    expect(message(z.enum(["low", "high"]), 3)).toBe('must be one of "low", "high", got 3');
  });

  it("names a discriminated union's tag even when the input is not an object", () => {
    const kinds = z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("a") }),
      z.object({ kind: z.literal("b") }),
    ]);
    expect(message(kinds, { kind: 1 })).toBe('kind must be one of "a", "b", got 1');
  });
});

describe("zodProblems: values of mixed types", () => {
  it("keeps zod's wording when not every allowed value is text", () => {
    expect(message(z.literal(["a", 5]), "b")).toBe('Invalid option: expected one of "a"|5');
  });

  it("keeps a plain union's own message, whatever it was given", () => {
    expect(message(z.union([z.string(), z.number()]), { kind: "x" })).toBe("Invalid input");
  });
});
