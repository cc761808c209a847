import * as z from "zod";
import { AdviceSchema, UnitScoreSchema, scoredQuestionFields } from "../schema-parts.js";

export const BooleanQuestionSchema = z.lazy(() =>
  z.strictObject({
    kind: z.literal("boolean"),
    ...scoredQuestionFields(),
    /** Some questions are phrased so that "no" is the living answer; scores say which. */
    scores: z
      .strictObject({ yes: UnitScoreSchema, no: UnitScoreSchema })
      .default({ yes: 1, no: 0 }),
    /** Advice for someone whose answer is false (or true, where "no" is the living answer). */
    advice: z
      .strictObject({ true: AdviceSchema.optional(), false: AdviceSchema.optional() })
      .optional(),
    /** The better-scoring answer is a claim to back up with `evidence:` in the plan. */
    needsEvidence: z.boolean().optional(),
  }),
);
export type BooleanQuestion = z.infer<typeof BooleanQuestionSchema>;

export const booleanKind = {
  answerSchema: () =>
    z.boolean({ error: "must be true or false (write true for yes, false for no)" }),
  score: (q: BooleanQuestion, answer: boolean): number => (answer ? q.scores.yes : q.scores.no),
  describe: (_: BooleanQuestion, answer: boolean): string => (answer ? "yes" : "no"),
  /**
   * The better of the two answers (yes on a tie), when it scores higher than the answer
   * given; any answer is a step from none. (The other answer, when it scores higher, is
   * the better one: the same step.)
   */
  next: (q: BooleanQuestion, answer: boolean | undefined) => {
    const better = q.scores.yes >= q.scores.no;
    const score = better ? q.scores.yes : q.scores.no;
    const current = answer === undefined ? -1 : answer ? q.scores.yes : q.scores.no;
    return score > current ? { value: better, text: better ? "yes" : "no", score } : undefined;
  },
  advice: (q: BooleanQuestion, answer: boolean) => (answer ? q.advice?.true : q.advice?.false),
  allowed: (q: BooleanQuestion) => ({ type: "boolean", scores: q.scores }),
};
