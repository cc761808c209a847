import * as z from "zod";
import { IdSchema, TextSchema, UnitScoreSchema, scoredQuestionFields } from "../schema-parts.js";
import { oneOfMessage } from "../suggest.js";

export const ChoiceOptionSchema = z.lazy(() =>
  z.strictObject({
    value: IdSchema,
    label: TextSchema(300),
    score: UnitScoreSchema,
  }),
);
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

/** Options of a choice or multi question; values must be unique or an answer would be ambiguous. */
export const ChoiceOptionsSchema = (noun: string) =>
  z
    .array(ChoiceOptionSchema)
    .min(2, { error: `needs at least two ${noun}` })
    .superRefine((options, ctx) => {
      const seen = new Set<string>();
      options.forEach((o, i) => {
        if (seen.has(o.value))
          ctx.addIssue({
            code: "custom",
            path: [i, "value"],
            message: `duplicate value "${o.value}"`,
          });
        seen.add(o.value);
      });
    });

export const ChoiceQuestionSchema = z.lazy(() =>
  z.strictObject({
    kind: z.literal("choice"),
    ...scoredQuestionFields(),
    choices: ChoiceOptionsSchema("choices"),
  }),
);
export type ChoiceQuestion = z.infer<typeof ChoiceQuestionSchema>;

export const choiceKind = {
  answerSchema: (q: ChoiceQuestion) => {
    const values = q.choices.map((c) => c.value);
    return z.enum(values as [string, ...string[]], {
      error: (issue) => oneOfMessage(values, issue.input),
    });
  },
  score: (q: ChoiceQuestion, answer: string): number =>
    q.choices.find((c) => c.value === answer)?.score ?? 0,
  describe: (q: ChoiceQuestion, answer: string): string =>
    q.choices.find((c) => c.value === answer)?.label ?? answer,
  allowed: (q: ChoiceQuestion) => ({
    type: "string",
    values: q.choices.map((c) => ({ value: c.value, label: c.label, score: c.score })),
  }),
};
