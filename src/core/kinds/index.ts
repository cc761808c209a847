import * as z from "zod";
import { BooleanQuestionSchema, booleanKind, type BooleanQuestion } from "./boolean.js";
import { ChoiceQuestionSchema, choiceKind, type ChoiceQuestion } from "./choice.js";
import { MultiQuestionSchema, multiKind, type MultiQuestion } from "./multi.js";
import { NumberQuestionSchema, numberKind, type NumberQuestion } from "./number.js";
import { ScaleQuestionSchema, scaleKind, type ScaleQuestion } from "./scale.js";
import { TextQuestionSchema, textKind, type TextQuestion } from "./text.js";
import type { Critical } from "../schema-parts.js";

export const QUESTION_KINDS = ["choice", "multi", "boolean", "scale", "number", "text"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QuestionSchema = z.lazy(() =>
  z.discriminatedUnion(
    "kind",
    [
      ChoiceQuestionSchema,
      MultiQuestionSchema,
      BooleanQuestionSchema,
      ScaleQuestionSchema,
      NumberQuestionSchema,
      TextQuestionSchema,
    ],
    { error: `kind must be one of ${QUESTION_KINDS.map((k) => `"${k}"`).join(", ")}` },
  ),
);
export type Question = z.infer<typeof QuestionSchema>;
export type ScoredQuestion = Exclude<Question, TextQuestion>;

/** The value an answer holds in a plan file, per kind. */
export interface AnswerOf {
  choice: string;
  multi: string[];
  boolean: boolean;
  scale: number;
  number: number;
  text: string;
}
export type Answer = AnswerOf[QuestionKind];

/** An answer a recommendation aims for, and the question's score once it is given. */
export interface Step {
  value: string | number | boolean | string[];
  text: string;
  score: number;
}

interface KindBehaviour<Q, A> {
  answerSchema: (q: Q) => z.ZodType<A>;
  describe: (q: Q, answer: A) => string;
  allowed: (q: Q) => Record<string, unknown>;
  /** Absent for unscored kinds. */
  score?: (q: Q, answer: A) => number;
  /** The next better answer from this one (unanswered: the best); undefined at full marks. */
  next?: (q: Q, answer: A | undefined) => Step | undefined;
  /** The rubric's advice for someone whose answer this is, if it has any. */
  advice?: (q: Q, answer: A) => string | undefined;
  /** The critical marker this answer carries, if any. */
  critical?: (q: Q, answer: A) => Critical | undefined;
}

interface QuestionOf {
  choice: ChoiceQuestion;
  multi: MultiQuestion;
  boolean: BooleanQuestion;
  scale: ScaleQuestion;
  number: NumberQuestion;
  text: TextQuestion;
}

const KINDS = {
  choice: choiceKind,
  multi: multiKind,
  boolean: booleanKind,
  scale: scaleKind,
  number: numberKind,
  text: textKind,
} satisfies { [K in QuestionKind]: KindBehaviour<QuestionOf[K], AnswerOf[K]> };

/**
 * TypeScript cannot correlate `KINDS[q.kind]` with `q` itself, so the one unchecked step of
 * kind dispatch lives here; the `satisfies` above guarantees each entry matches its kind.
 */
function behaviourOf(q: Question): KindBehaviour<Question, Answer> {
  return KINDS[q.kind] as unknown as KindBehaviour<Question, Answer>;
}

export function isScored(q: Question): q is ScoredQuestion {
  return q.kind !== "text";
}

/** Rubrics are immutable once loaded, so each question's schema is built once, not once per plan. */
const answerSchemas = new WeakMap<Question, z.ZodType<Answer>>();

export function answerSchemaFor(q: Question): z.ZodType<Answer> {
  let schema = answerSchemas.get(q);
  if (!schema) {
    schema = behaviourOf(q).answerSchema(q);
    answerSchemas.set(q, schema);
  }
  return schema;
}

/** 0..1 for a scored question with an answer that passed `answerSchemaFor`. */
export function scoreAnswer(q: ScoredQuestion, answer: Answer): number {
  const score = behaviourOf(q).score?.(q, answer) ?? 0;
  return Math.min(1, Math.max(0, score));
}

export function nextStep(q: ScoredQuestion, answer: Answer | undefined): Step | undefined {
  return behaviourOf(q).next?.(q, answer);
}

export function adviceFor(q: ScoredQuestion, answer: Answer): string | undefined {
  return behaviourOf(q).advice?.(q, answer);
}

export function criticalFor(q: ScoredQuestion, answer: Answer): Critical | undefined {
  return behaviourOf(q).critical?.(q, answer);
}

export function describeAnswer(q: Question, answer: Answer): string {
  return behaviourOf(q).describe(q, answer);
}

export function allowedValues(q: Question): Record<string, unknown> {
  return behaviourOf(q).allowed(q);
}

export type {
  BooleanQuestion,
  ChoiceQuestion,
  MultiQuestion,
  NumberQuestion,
  ScaleQuestion,
  TextQuestion,
};
