import * as z from "zod";
import { IdSchema, TextSchema } from "../schema-parts.js";

/** Notes for the report; never scored, so it carries no weight or recommendation. */
export const TextQuestionSchema = z.lazy(() =>
  z.strictObject({
    kind: z.literal("text"),
    id: IdSchema,
    prompt: TextSchema(500),
    help: TextSchema(2000),
    multiline: z.boolean().default(false),
  }),
);
export type TextQuestion = z.infer<typeof TextQuestionSchema>;

export const MAX_TEXT_ANSWER = 10_000;

export const textKind = {
  answerSchema: () =>
    z
      .string({ error: "must be text" })
      .max(MAX_TEXT_ANSWER, { error: `must be at most ${MAX_TEXT_ANSWER} characters` }),
  describe: (_q: TextQuestion, answer: string): string => answer,
  allowed: () => ({ type: "string", maxLength: MAX_TEXT_ANSWER }),
};
