import type * as z from "zod";
import type { Path, Problem } from "./schema-parts.js";
import { didYouMean, oneOfMessage, preview } from "./suggest.js";

/**
 * Rewrites zod issues into problems a person can act on: one per leaf, with the full path,
 * and unknown keys reported on the key itself with a suggestion.
 */
export function zodProblems(
  error: z.ZodError,
  prefix: Path = [],
  knownKeys?: (path: Path) => string[],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path: Path = [
      ...prefix,
      ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    ];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        // A field known elsewhere (a multi question's "options" on a choice question) is
        // never its own suggestion.
        const hint = knownKeys
          ? didYouMean(
              key,
              knownKeys(path).filter((known) => known !== key),
            )
          : "";
        problems.push({ path: [...path, key], message: `unknown field "${key}"${hint}` });
      }
    } else {
      problems.push({ path, message: normaliseMessage(issue) });
    }
  }
  return problems;
}

/**
 * A value that had to be one of a few, with what was given: a discriminated union's tag
 * (a rubric question's `kind: choise`) or an enum, so the message can suggest the near one.
 */
function choicesOf(
  issue: z.core.$ZodIssue,
): { name?: string; values: string[]; input: unknown } | undefined {
  if (issue.code === "invalid_union") {
    const { discriminator, options } = issue as { discriminator?: unknown; options?: unknown };
    const input = issue.input;
    // A discriminated union's issue has both, a plain union's neither (it keeps its own message).
    // Stryker disable next-line ConditionalExpression,LogicalOperator: zod sets both or neither, so either check alone decides
    if (typeof discriminator !== "string" || !Array.isArray(options)) return undefined;
    const given =
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a tag is only read from an object
      input !== null && typeof input === "object"
        ? (input as Record<string, unknown>)[discriminator]
        : undefined;
    // Worded as the schema words it ("kind must be one of ..."), with what was given.
    return { name: `${discriminator} `, values: options.map(String), input: given };
  }
  // Only zod's own wording is replaced; a schema's custom message already says what it means.
  if (
    issue.code === "invalid_value" &&
    issue.message.startsWith("Invalid") &&
    issue.values.every((v) => typeof v === "string")
  )
    return { values: issue.values, input: "input" in issue ? issue.input : undefined };
  return undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
  null: "empty",
  undefined: "missing",
};

function describeInput(input: unknown): string {
  if (input === null) return "an empty value";
  if (input instanceof Uint8Array) return "binary data";
  if (typeof input === "string") return `text ${preview(input)}`;
  // preview words the rest: "a list", "a mapping", a number or true/false as written.
  return `${typeof input === "number" ? "the number" : ""} ${preview(input)}`.trim();
}

function normaliseMessage(issue: z.core.$ZodIssue): string {
  const choices = choicesOf(issue);
  if (choices) return `${choices.name ?? ""}${oneOfMessage(choices.values, choices.input)}`;
  if (issue.code !== "invalid_type" || !issue.message.startsWith("Invalid input"))
    return issue.message;
  // zod only attaches `input` when parsing with reportInput, which every caller here does.
  if ("input" in issue && issue.input === undefined) return "is required";
  // Rewrite zod's "Invalid input: expected string, received number" in the words of our other messages.
  const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
  return `must be ${expected}, got ${"input" in issue ? describeInput(issue.input) : "something else"}`;
}
