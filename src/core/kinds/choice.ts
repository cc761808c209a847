import * as z from "zod";
import {
  AdviceSchema,
  AliasesSchema,
  CriticalSchema,
  IdSchema,
  TextSchema,
  UnitScoreSchema,
  scoredQuestionFields,
} from "../schema-parts.js";
import { oneOfMessage } from "../suggest.js";

export const ChoiceOptionSchema = z.lazy(() =>
  z.strictObject({
    value: IdSchema,
    label: TextSchema(300),
    score: UnitScoreSchema,
    /** Old values that still map here (a plan using one gets a deprecation warning). */
    aliases: AliasesSchema.optional(),
    /** Choice: advice for someone whose answer is this. Multi option: how to start doing it. */
    advice: AdviceSchema.optional(),
    /** This answer means nobody is home or the organisation is at risk (choice questions). */
    critical: CriticalSchema.optional(),
    /** A claim to back up: without `evidence:` in the plan it is reported as unsupported. */
    needsEvidence: z.boolean().optional(),
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
      // An alias must name exactly one option, and never shadow a current value.
      const values = new Set(options.map((o) => o.value));
      const aliases = new Set<string>();
      options.forEach((o, i) => {
        o.aliases?.forEach((alias, j) => {
          if (values.has(alias) || aliases.has(alias))
            ctx.addIssue({
              code: "custom",
              path: [i, "aliases", j],
              message: `alias "${alias}" is already ${values.has(alias) ? "a value" : "an alias of another option"} of this question`,
            });
          aliases.add(alias);
        });
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

/** Each old value and the current value it maps to. */
export function optionAliases(options: readonly ChoiceOption[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const o of options) for (const alias of o.aliases ?? []) map.set(alias, o.value);
  return map;
}

export function choiceOf(q: ChoiceQuestion, answer: string): ChoiceOption | undefined {
  return q.choices.find((c) => c.value === answer);
}

/**
 * The next better choice: the lowest score above the current one (the nearest rung up),
 * first in rubric order on ties. With no answer, the best choice.
 */
export function nextChoice(
  q: ChoiceQuestion,
  answer: string | undefined,
): ChoiceOption | undefined {
  // Stryker disable next-line ConditionalExpression: choiceOf(q, undefined) finds no choice either (values are ids)
  const current = answer === undefined ? undefined : choiceOf(q, answer);
  let best: ChoiceOption | undefined;
  for (const c of q.choices) {
    if (current === undefined) {
      if (!best || c.score > best.score) best = c;
    } else if (c.score > current.score && (!best || c.score < best.score)) best = c;
  }
  return best;
}

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
  next: (q: ChoiceQuestion, answer: string | undefined) => {
    const c = nextChoice(q, answer);
    return c && { value: c.value, text: c.label, score: c.score };
  },
  advice: (q: ChoiceQuestion, answer: string) => choiceOf(q, answer)?.advice,
  critical: (q: ChoiceQuestion, answer: string) => choiceOf(q, answer)?.critical,
  allowed: (q: ChoiceQuestion) => ({
    type: "string",
    values: q.choices.map((c) => ({ value: c.value, label: c.label, score: c.score })),
  }),
};
