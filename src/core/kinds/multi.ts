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
  score: (q: MultiQuestion, answer: string[]): number => {
    const cap = multiCap(q);
    if (cap <= 0) return 0;
    const sum = q.options.filter((o) => answer.includes(o.value)).reduce((s, o) => s + o.score, 0);
    return Math.min(1, sum / cap);
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
