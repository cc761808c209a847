import * as z from "zod";
import { AdviceSchema, TextSchema, scoredQuestionFields } from "../schema-parts.js";

export const ScaleQuestionSchema = z.lazy(() =>
  z
    .strictObject({
      kind: z.literal("scale"),
      ...scoredQuestionFields(),
      min: z.int({ error: "must be a whole number" }).default(1),
      max: z.int({ error: "must be a whole number" }).default(5),
      /** One label per point, from min to max, so an interviewee knows what each number means. */
      labels: z.array(TextSchema(200)),
      /** Advice per point, parallel to labels: for someone currently at that point. */
      advice: z.array(AdviceSchema).optional(),
    })
    .superRefine((q, ctx) => {
      if (q.max <= q.min) {
        ctx.addIssue({
          code: "custom",
          path: ["max"],
          message: `must be greater than min (${q.min})`,
        });
      } else if (q.max - q.min > 10) {
        ctx.addIssue({
          code: "custom",
          path: ["max"],
          message: "a scale may have at most 11 points",
        });
      } else if (q.labels.length !== q.max - q.min + 1) {
        ctx.addIssue({
          code: "custom",
          path: ["labels"],
          message: `needs one label per point: ${q.max - q.min + 1} for ${q.min}..${q.max}, found ${q.labels.length}`,
        });
      }
      if (q.advice && q.advice.length !== q.labels.length)
        ctx.addIssue({
          code: "custom",
          path: ["advice"],
          message: `needs one entry per label (${q.labels.length}), found ${q.advice.length}`,
        });
    }),
);
export type ScaleQuestion = z.infer<typeof ScaleQuestionSchema>;

export const scaleKind = {
  // The schema's error is every check's: a fraction, a point too low and one too high alike.
  answerSchema: (q: ScaleQuestion) =>
    z
      .int({ error: `must be a whole number from ${q.min} to ${q.max}` })
      .min(q.min)
      .max(q.max),
  score: (q: ScaleQuestion, answer: number): number => (answer - q.min) / (q.max - q.min),
  describe: (q: ScaleQuestion, answer: number): string =>
    `${answer} (${q.labels[answer - q.min] ?? ""})`,
  /** One point up; with no answer, the top of the scale. */
  next: (q: ScaleQuestion, answer: number | undefined) => {
    const value = answer === undefined ? q.max : answer + 1;
    if (value > q.max) return undefined;
    return {
      value,
      // Stryker disable next-line StringLiteral: the schema gives every point a label, so `?? ""` is for the type
      text: `${value} (${q.labels[value - q.min] ?? ""})`,
      score: (value - q.min) / (q.max - q.min),
    };
  },
  advice: (q: ScaleQuestion, answer: number) => q.advice?.[answer - q.min],
  allowed: (q: ScaleQuestion) => ({ type: "integer", min: q.min, max: q.max, labels: q.labels }),
};
