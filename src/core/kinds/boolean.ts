import * as z from "zod";
import { UnitScoreSchema, scoredQuestionFields } from "../schema-parts.js";

export const BooleanQuestionSchema = z.lazy(() =>
  z.strictObject({
    kind: z.literal("boolean"),
    ...scoredQuestionFields(),
    /** Some questions are phrased so that "no" is the living answer; scores say which. */
    scores: z
      .strictObject({ yes: UnitScoreSchema, no: UnitScoreSchema })
      .default({ yes: 1, no: 0 }),
  }),
);
export type BooleanQuestion = z.infer<typeof BooleanQuestionSchema>;

export const booleanKind = {
  answerSchema: (_q: BooleanQuestion) => z.boolean({ error: "must be true or false (yes/no)" }),
  score: (q: BooleanQuestion, answer: boolean): number => (answer ? q.scores.yes : q.scores.no),
  describe: (_q: BooleanQuestion, answer: boolean): string => (answer ? "yes" : "no"),
  allowed: (q: BooleanQuestion) => ({ type: "boolean", scores: q.scores }),
};
