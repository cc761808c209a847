import * as z from "zod";
import { TextSchema, scoredQuestionFields } from "../schema-parts.js";
import { oneOfMessage } from "../suggest.js";
import { ChoiceOptionsSchema } from "./choice.js";

export const MultiQuestionSchema = z.lazy(() =>
  z.strictObject({
    kind: z.literal("multi"),
    ...scoredQuestionFields(),
    options: ChoiceOptionsSchema("options"),
    /** The summed option score at which the question counts as fully "living"; defaults to the sum of all options. */
    cap: z.number().positive({ error: "must be a number greater than 0" }).optional(),
    note: TextSchema(300).optional(),
  }),
);
export type MultiQuestion = z.infer<typeof MultiQuestionSchema>;

export function multiCap(q: MultiQuestion): number {
  return q.cap ?? q.options.reduce((sum, o) => sum + o.score, 0);
}

function multiScore(q: MultiQuestion, answer: readonly string[]): number {
  const cap = multiCap(q);
  if (cap <= 0) return 0;
  const sum = q.options.filter((o) => answer.includes(o.value)).reduce((s, o) => s + o.score, 0);
  return Math.min(1, sum / cap);
}

/**
 * One practice not yet in place, the one worth most (first in rubric order on ties); with
 * no answer, the options that together reach full marks, most valuable first.
 */
function nextOptions(q: MultiQuestion, answer: readonly string[] | undefined) {
  if (answer === undefined) {
    const chosen: string[] = [];
    for (const o of [...q.options].sort((a, b) => b.score - a.score)) {
      if (multiScore(q, chosen) >= 1 || o.score <= 0) break;
      chosen.push(o.value);
    }
    if (chosen.length === 0) return undefined;
    return { values: chosen, score: multiScore(q, chosen) };
  }
  const current = multiScore(q, answer);
  let best: { values: string[]; score: number } | undefined;
  for (const o of q.options) {
    // Stryker disable next-line ConditionalExpression: a practice already in place adds nothing, so it never beats `current`; skipping it says so
    if (answer.includes(o.value)) continue;
    const score = multiScore(q, [...answer, o.value]);
    if (score > current && (!best || score > best.score)) best = { values: [o.value], score };
  }
  return best;
}

const labelOf = (q: MultiQuestion, value: string) =>
  // Stryker disable next-line OptionalChaining: a step's values are options' values, so one is always found
  q.options.find((o) => o.value === value)?.label ?? value;

export const multiKind = {
  answerSchema: (q: MultiQuestion) => {
    const values = q.options.map((o) => o.value);
    return z
      .array(
        z.enum(values as [string, ...string[]], {
          error: (issue) => oneOfMessage(values, issue.input),
        }),
        {
          error: `must be a list of values, e.g. [${values.slice(0, 2).join(", ")}]`,
        },
      )
      .refine((list) => new Set(list).size === list.length, {
        error: "lists a value more than once",
      });
  },
  score: multiScore,
  next: (q: MultiQuestion, answer: string[] | undefined) => {
    const found = nextOptions(q, answer);
    if (!found) return undefined;
    const [only] = found.values;
    return {
      // Stryker disable next-line ConditionalExpression: with one value, `only` is it; the check is for the type
      value: found.values.length === 1 && only !== undefined ? only : found.values,
      text: found.values.map((v) => labelOf(q, v)).join("; "),
      score: found.score,
    };
  },
  /**
   * How to start the practice the step adds. Only an answer has advice (an unanswered
   * question's step of several practices keeps the question's), and from an answer the step
   * is one practice.
   */
  advice: (q: MultiQuestion, answer: string[]) => {
    const value = nextOptions(q, answer)?.values[0];
    return q.options.find((o) => o.value === value)?.advice;
  },
  describe: (q: MultiQuestion, answer: string[]): string =>
    answer.length === 0
      ? "none"
      : answer.map((v) => q.options.find((o) => o.value === v)?.label ?? v).join("; "),
  allowed: (q: MultiQuestion) => ({
    type: "array",
    values: q.options.map((o) => ({ value: o.value, label: o.label, score: o.score })),
    cap: multiCap(q),
  }),
};
